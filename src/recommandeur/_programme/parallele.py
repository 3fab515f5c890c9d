"""Les résumés des recommandations d'un plan, calculés ici et dans des processus de calcul.

Avec ``processus=N``, ``N - 1`` processus de calcul démarrent **avant** la lecture des
effectifs (ils importent la bibliothèque et reconstruisent le moteur pendant que ce
processus-ci valide les lignes). Puis les profils se partagent **à la demande**, par lots de
:data:`TAILLE_LOT` : ce processus-ci prend les lots par le début, les processus de calcul
par la fin (:data:`LOTS_D_AVANCE` lots confiés d'avance à chacun) ; quand il n'en reste
plus, ce processus-ci calcule lui-même les lots confiés et pas encore rendus au lieu de les
attendre. Un processus de calcul lent (machine chargée, démarrage pas fini) ne fait donc
que moins de lots : le plan ne l'attend jamais (sur des cœurs libres, deux processus ne sont
pas plus lents qu'un). Le choix du nombre de processus : :func:`processus_utiles`.

Chaque processus reçoit **le moteur donné** en JSON (:mod:`recommandeur._moteur.transfert`),
pas des chemins de dossiers : les résumés sont ceux de ce moteur, quoi qu'il arrive sur le
disque, et les mêmes où qu'ils soient calculés. Ils renvoient des résumés (des tuples). Une
erreur dans un processus de calcul (au démarrage ou sur un lot) est relevée telle quelle dès
que ce processus-ci la voit ; un processus qui meurt devient :class:`ErreurMoteur`. Un lot
que ce processus-ci a calculé lui-même ne dépend plus du processus de calcul : ce qui lui
arrive ensuite ne change rien au plan.
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
from .._recommandation.ramasse_miettes import ramasse_miettes_suspendu
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
    # comme dans le parent : les résultats gardés ne font pas de cycle (voir ramasse_miettes)
    with ramasse_miettes_suspendu():
        return [
            resumer(recommander_valide(Profil.model_validate(p), moteur, None)) for p in profils
        ]


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


#: Profils par lot (mesuré : un lot de 200 prend de l'ordre de 0,07 s ; à la fin, ce
#: processus-ci ne calcule en double qu'un lot ou deux par processus de calcul).
TAILLE_LOT = 200
#: Lots confiés d'avance à chaque processus de calcul (il n'attend pas le suivant).
LOTS_D_AVANCE = 2
#: Profils distincts par processus en dessous desquels un processus de calcul ne paie pas :
#: le démarrer (importer la bibliothèque, reconstruire le moteur) coûte de l'ordre d'une
#: seconde de CPU, autant que lire et recommander 2 500 profils (0,4 ms chacun, mesuré ;
#: voir docs/performances.md).
PAR_PROCESSUS_MIN = 2500


def coeurs() -> int:
    """Les cœurs dont ce processus dispose (son affinité, sinon ceux de la machine).

    >>> coeurs() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pas d'affinité (macOS, Windows)
        return os.cpu_count() or 1


def processus_utiles(demandes: int, profils: int, coeurs_: int) -> int:
    """Les processus qui paient : au plus ``demandes``, au plus un par cœur, et chacun avec
    au moins :data:`PAR_PROCESSUS_MIN` profils (``profils`` : leur nombre, ou une estimation).

    >>> processus_utiles(2, 30_000, 2), processus_utiles(2, 4_999, 2), processus_utiles(2, 30_000, 1)
    (2, 1, 1)
    >>> processus_utiles(8, 12_500, 16), processus_utiles(1, 30_000, 2)
    (5, 1)
    """
    return max(1, min(demandes, coeurs_, profils // PAR_PROCESSUS_MIN))


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
        self._inacheve = False

    def resumes(self, profils: Sequence[Profil], avancer: Callable[[int], None]) -> list[Resume]:
        """Les résumés de ces profils, dans l'ordre, calculés par lots à la demande : ici par
        le début, dans les processus de calcul par la fin (voir le module)."""
        from concurrent.futures.process import BrokenProcessPool

        lots = [profils[i : i + TAILLE_LOT] for i in range(0, len(profils), TAILLE_LOT)]
        faits: list[list[Resume] | None] = [None] * len(lots)
        confies: dict[Future[list[Resume]], int] = {}
        devant, derriere = 0, len(lots)  # les lots [devant, derriere) ne sont pris par personne
        compte = 0
        try:
            while True:
                compte += self._recolter(confies, faits)
                while devant < derriere and len(confies) < LOTS_D_AVANCE * self.travailleurs:
                    derriere -= 1
                    paquet = [p.model_dump(mode="json") for p in lots[derriere]]
                    confies[self._executeur.submit(_resumer, paquet)] = derriere
                if devant < derriere:
                    i, devant = devant, devant + 1
                elif confies:
                    # plus rien à prendre : le dernier lot confié (le plus loin d'être rendu)
                    tache = max(confies, key=confies.__getitem__)
                    i = confies.pop(tache)
                    self._inacheve = True
                else:
                    break
                faits[i] = resumes_ici(lots[i], self.moteur, lambda _: None)
                compte += len(lots[i])
                avancer(compte)
        except BrokenProcessPool as exc:
            raise ErreurMoteur(
                f"un processus de calcul s'est arrêté brutalement ({exc}) ; {CONSEIL}"
            ) from exc
        self._inacheve = self._inacheve or not all(e.done() for e in self._echauffes)
        return [r for lot in faits if lot is not None for r in lot]

    def _recolter(
        self, confies: dict[Future[list[Resume]], int], faits: list[list[Resume] | None]
    ) -> int:
        """Range les lots rendus (et relève l'erreur d'un processus de calcul, au démarrage
        ou sur un lot) ; le nombre de profils rendus."""
        for echauffe in self._echauffes:
            if echauffe.done():
                _resultat(echauffe)
        rendus = 0
        for tache in [t for t in confies if t.done()]:
            i = confies.pop(tache)
            lot = _resultat(tache)
            faits[i] = lot
            rendus += len(lot)
        return rendus

    def fermer(self, interrompu: bool = False) -> None:
        """Arrête les processus de calcul (les tâches en attente sont annulées) ; ``interrompu``
        (une exception, un signal), des lots calculés ici à leur place ou un démarrage pas
        fini (des effectifs plus petits qu'annoncés) : ils sont arrêtés sans être attendus."""
        if interrompu or self._inacheve or not all(e.done() for e in self._echauffes):
            for processus in list(getattr(self._executeur, "_processes", {}).values()):
                processus.terminate()
        try:
            self._executeur.shutdown(wait=True, cancel_futures=True)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(self._fichier)
