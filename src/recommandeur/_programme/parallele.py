"""Les résumés des recommandations d'un plan, calculés ici et dans des processus de calcul.

Avec ``processus=N``, ``N - 1`` processus de calcul démarrent **avant** la lecture des
effectifs (ils importent la bibliothèque et reconstruisent le moteur pendant que ce
processus-ci valide les lignes) ; puis les profils se partagent entre eux et ce processus-ci,
qui calcule sa part au lieu d'attendre. Chaque processus reçoit **le moteur donné** en JSON
(:mod:`recommandeur._moteur.transfert`), pas des chemins de dossiers : les résumés sont ceux
de ce moteur, quoi qu'il arrive sur le disque. Ils renvoient des résumés (des tuples). Une
erreur dans un processus est relevée telle quelle ; un processus qui meurt devient
:class:`ErreurMoteur`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Any, TypeVar

from .._erreurs import ErreurMoteur, ErreurRecommandeur
from .._moteur.moteur import Moteur
from .._moteur.transfert import depuis_json, vers_json
from .._profil.modeles import Profil
from .._recommandation.recommander import recommander_valide
from .resume import Resume, resumer

T = TypeVar("T")

#: Dans un processus de calcul : le moteur reçu (en JSON) et celui qui en est reconstruit.
_RECU: dict[str, str] = {}
_RECONSTRUITS: dict[str, Moteur] = {}


def _recevoir(texte: str) -> None:
    """Initialisation d'un processus de calcul : garder le moteur reçu, sans rien analyser.

    La reconstruction a lieu à la première tâche : une erreur y est relevée dans l'appelant,
    au lieu de casser le groupe de processus.
    """
    _RECU["moteur"] = texte


def _moteur_recu() -> Moteur:
    texte = _RECU["moteur"]
    empreinte = hashlib.sha256(texte.encode("utf-8")).hexdigest()
    moteur = _RECONSTRUITS.get(empreinte)
    if moteur is None:
        _RECONSTRUITS.clear()
        moteur = _RECONSTRUITS[empreinte] = depuis_json(texte)
    return moteur


def _resultat(tache: Future[T]) -> T:
    """Le résultat d'une tâche ; une erreur qui n'est pas de la bibliothèque devient ErreurMoteur."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return tache.result()
    except (ErreurRecommandeur, BrokenProcessPool):
        raise
    except Exception as exc:
        raise ErreurMoteur(
            f"un processus de calcul a échoué : {type(exc).__name__}: {exc}"
        ) from exc


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
        taille = max(200, len(ailleurs) // (self.travailleurs * 4))
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
