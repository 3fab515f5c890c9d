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

import contextlib
import hashlib
import multiprocessing
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Any, TypeVar

from .._base.erreurs import ErreurMoteur, ErreurRecommandeur
from .._moteur.moteur import Moteur
from .._moteur.transfert import depuis_json, vers_json
from .._profil.modeles import Profil
from .._recommandation.recommander import recommander_valide
from .resume import Resume, resumer

T = TypeVar("T")

#: Dans un processus de calcul : le moteur reçu (en JSON) et celui qui en est reconstruit.
_RECU: dict[str, str] = {}
_RECONSTRUITS: dict[str, Moteur] = {}


def _recevoir(chemin: str) -> None:
    """Initialisation d'un processus de calcul : lire le moteur reçu, sans rien analyser.

    Le moteur arrive par un fichier temporaire, pas par le tube de démarrage : un tube ne
    tient que 64 Kio, et un processus qui meurt au démarrage (un script sans
    ``if __name__ == "__main__":``) bloquerait pour toujours l'écriture du parent. La
    reconstruction a lieu à la première tâche : une erreur y est relevée dans l'appelant, au
    lieu de casser le groupe de processus. Un fil surveille le parent : s'il disparaît (tué
    par ``SIGTERM`` ou ``SIGKILL``), ce processus s'arrête aussi.
    """
    with open(chemin, encoding="utf-8") as f:
        _RECU["moteur"] = f.read()
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_suivre_le_parent, args=(parent,), daemon=True).start()


def _suivre_le_parent(parent: Any) -> None:
    parent.join()
    os._exit(1)


def refuser_au_demarrage(processus: int) -> None:
    """Dans un processus de calcul qui démarre, un appel à ``planifier(processus > 1)`` (un
    script sans ``if __name__ == "__main__":`` relu par ce processus) l'arrête, en le disant :
    le parent en fait une :class:`ErreurMoteur`."""
    if processus > 1 and getattr(multiprocessing.current_process(), "_inheriting", False):
        print(
            "recommandeur : un processus de calcul relit le script qui appelle planifier("
            f'processus={processus}) ; mettez cet appel sous « if __name__ == "__main__": »',
            file=sys.stderr,
        )
        raise SystemExit(1)


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


#: Le conseil donné quand un processus de calcul meurt.
CONSEIL = (
    'si le script appelle planifier(processus=…) hors de « if __name__ == "__main__": », '
    "mettez l'appel sous ce test (voir docs/programme.md)"
)


class Calcul:
    """Des processus de calcul démarrés d'avance pour un moteur ; ``fermer()`` les arrête."""

    def __init__(self, moteur: Moteur, processus: int) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.moteur = moteur
        self.travailleurs = processus - 1
        descripteur, self._fichier = tempfile.mkstemp(prefix="recommandeur-", suffix=".json")
        with os.fdopen(descripteur, "w", encoding="utf-8") as f:
            f.write(vers_json(moteur))
        self._executeur = ProcessPoolExecutor(
            self.travailleurs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_recevoir,
            initargs=(self._fichier,),
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
            raise ErreurMoteur(
                f"un processus de calcul s'est arrêté brutalement ({exc}) ; {CONSEIL}"
            ) from exc
        return resumes

    def fermer(self, interrompu: bool = False) -> None:
        """Arrête les processus de calcul (les tâches en attente sont annulées) ; ``interrompu``
        (une exception, un signal) : ils sont arrêtés sans finir leur tâche en cours."""
        if interrompu:
            for processus in list(getattr(self._executeur, "_processes", {}).values()):
                processus.terminate()
        try:
            self._executeur.shutdown(wait=True, cancel_futures=True)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(self._fichier)
