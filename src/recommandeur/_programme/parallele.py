"""Les résumés des recommandations d'un plan, calculés ici et dans des processus de calcul.

Avec ``processus=N``, ``N - 1`` processus de calcul démarrent **avant** la lecture des
effectifs (ils importent la bibliothèque et reconstruisent le moteur pendant que ce
processus-ci valide les lignes) ; puis les profils se partagent entre eux et ce processus-ci,
qui calcule sa part au lieu d'attendre. Chaque processus reçoit le moteur donné en JSON
(comme :func:`~recommandeur.recommander_lot`) et renvoie des résumés (des tuples).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .._erreurs import ErreurMoteur
from .._moteur.moteur import Moteur
from .._moteur.transfert import vers_json
from .._profil.modeles import Profil
from .._recommandation.lot import _moteur_recu, _recevoir, _resultat
from .._recommandation.recommander import recommander_valide
from .resume import Resume, resumer


def _echauffer() -> None:
    _moteur_recu()


def _resumer(profils: list[dict[str, Any]]) -> list[Resume]:
    moteur = _moteur_recu()
    return [resumer(recommander_valide(Profil.model_validate(p), moteur, None)) for p in profils]


def resumes_ici(
    profils: Sequence[Profil], moteur: Moteur, avancer: Callable[[int], None], deja: int = 0
) -> list[Resume]:
    """Les résumés calculés dans ce processus."""
    resumes = []
    for profil in profils:
        resumes.append(resumer(recommander_valide(profil, moteur, None)))
        if len(resumes) % 100 == 0:
            avancer(deja + len(resumes))
    avancer(deja + len(resumes))
    return resumes


class Calcul:
    """Des processus de calcul démarrés d'avance pour un moteur ; ``fermer()`` les arrête."""

    def __init__(self, moteur: Moteur, processus: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.moteur = moteur
        self.travailleurs = processus - 1
        self._executeur = ProcessPoolExecutor(
            self.travailleurs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_recevoir,
            initargs=(vers_json(moteur),),
        )
        self._echauffes = [self._executeur.submit(_echauffer) for _ in range(self.travailleurs)]

    def resumes(self, profils: Sequence[Profil], avancer: Callable[[int], None]) -> list[Resume]:
        """Les résumés de ces profils, dans l'ordre : une part ici, le reste dans les processus."""
        from concurrent.futures.process import BrokenProcessPool

        ici = len(profils) // (self.travailleurs + 1)
        ailleurs = [p.model_dump(mode="json") for p in profils[ici:]]
        taille = max(200, len(ailleurs) // (self.travailleurs * 4) or 1)
        try:
            for echauffe in self._echauffes:
                _resultat(echauffe)
            taches = [
                self._executeur.submit(_resumer, ailleurs[i : i + taille])
                for i in range(0, len(ailleurs), taille)
            ]
            resumes = resumes_ici(profils[:ici], self.moteur, avancer)
            for tache in taches:
                lot: list[Resume] = _resultat(tache)
                resumes.extend(lot)
                avancer(len(resumes))
        except BrokenProcessPool as exc:
            raise ErreurMoteur(f"un processus de calcul s'est arrêté brutalement ({exc})") from exc
        return resumes

    def fermer(self) -> None:
        """Arrête les processus de calcul (les tâches en attente sont annulées)."""
        self._executeur.shutdown(wait=True, cancel_futures=True)
