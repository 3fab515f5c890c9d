"""Les résumés des recommandations d'un plan, calculés ici et dans des processus de calcul.

Avec ``processus=N``, ``N - 1`` processus de calcul démarrent **avant** la lecture des
effectifs (ils importent la bibliothèque et reconstruisent le moteur pendant que ce
processus-ci lit les fichiers). **Pendant la lecture**, les profils validés leur sont confiés
par lots de :data:`TAILLE_LOT`, par le début, au fil de la lecture (:meth:`Calcul.au_fil`,
:data:`LOTS_D_AVANCE` lots confiés d'avance à chacun) : ils calculent pendant que ce
processus-ci valide la suite. Puis le reste se partage **à la demande** : ce processus-ci
prend les lots par le début de ce qui reste, les processus de calcul par la fin ; quand il
n'en reste plus, ce processus-ci calcule lui-même les lots confiés et pas encore rendus au
lieu de les attendre. Un processus de calcul lent (machine chargée, démarrage pas fini) ne
fait donc que moins de lots : le plan ne l'attend jamais (sur des cœurs libres, deux
processus ne sont pas plus lents qu'un). Le choix du nombre de processus :
:func:`processus_utiles`.

Chaque processus reçoit **le moteur donné** en JSON (:mod:`recommandeur._moteur.transfert`),
pas des chemins de dossiers : les résumés sont ceux de ce moteur, quoi qu'il arrive sur le
disque, et les mêmes où qu'ils soient calculés. Les profils validés passent tels quels
(pickle entre processus de la bibliothèque, sans revalidation) ; les résumés reviennent,
caviardés là où ils sont calculés quand le plan ne garde pas la détresse
(:func:`~recommandeur._programme.sorties.confidentiel.caviarder_lot`). Une erreur dans un processus
de calcul (au démarrage ou sur un lot) est relevée telle quelle dès que ce processus-ci la
voit après la lecture (une erreur des effectifs est dite d'abord) ; un processus qui meurt
devient :class:`ErreurMoteur`. Un lot que ce processus-ci a calculé lui-même ne dépend plus
du processus de calcul : ce qui lui arrive ensuite ne change rien au plan.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Any, TypeVar

from ..._base.erreurs import ErreurMoteur, ErreurRecommandeur
from ..._moteur.moteur import Moteur
from ..._moteur.transfert import vers_json
from ..._profil.modeles import Profil
from .fils_de_calcul import Paquet, resumes_ici
from .fils_de_calcul import echauffer as _echauffer
from .fils_de_calcul import recevoir as _recevoir
from .fils_de_calcul import resumer_paquet as _resumer
from .resume import Resume

T = TypeVar("T")


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
    """Des processus de calcul démarrés d'avance pour un moteur ; ``fermer()`` les arrête.

    ``caviarder`` : les résumés rendus sont caviardés (un plan qui ne garde pas la détresse).
    """

    def __init__(self, moteur: Moteur, processus: int, caviarder: bool = False) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.moteur = moteur
        self.travailleurs = processus - 1
        self.caviarder = caviarder
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
        #: Les lots confiés (tâche → rang du lot) et ceux rendus ; pendant la lecture, les
        #: lots ``[0, _lus)`` ont été confiés, par le début.
        self._confies: dict[Future[list[Resume]], int] = {}
        self._faits: list[list[Resume] | None] = []
        self._lus = 0
        self._recus = 0  # les lots rendus par les processus de calcul
        self._a_suivi = False  # démarrés, et des lots rendus : en vie et au travail

    def _confier(self, lot: Sequence[Profil], rang: int) -> None:
        paquet: Paquet = (list(lot), self.caviarder)
        self._confies[self._executeur.submit(_resumer, paquet)] = rang

    def au_fil(self, profils: Sequence[Profil]) -> None:
        """Pendant la lecture (``profils`` : les profils distincts validés jusqu'ici, dans
        l'ordre) : range les lots rendus sans erreur et confie les lots complets suivants, par
        le début, jusqu'à :data:`LOTS_D_AVANCE` par processus de calcul. Rien n'est relevé
        ici : une erreur d'un processus de calcul l'est par :meth:`resumes`."""
        from concurrent.futures.process import BrokenProcessPool

        self._recolter(self._confies, self._faits, relever=False)
        complets = len(profils) // TAILLE_LOT
        while self._lus < complets and len(self._confies) < LOTS_D_AVANCE * self.travailleurs:
            debut = self._lus * TAILLE_LOT
            try:
                self._confier(profils[debut : debut + TAILLE_LOT], self._lus)
            except BrokenProcessPool:  # dit par resumes(), après la lecture
                return
            self._faits.append(None)
            self._lus += 1

    def resumes(self, profils: Sequence[Profil], avancer: Callable[[int], None]) -> list[Resume]:
        """Les résumés de ces profils, dans l'ordre, calculés par lots à la demande : ici par
        le début de ce qui n'a pas été confié pendant la lecture, dans les processus de calcul
        par la fin (voir le module)."""
        from concurrent.futures.process import BrokenProcessPool

        lots = [profils[i : i + TAILLE_LOT] for i in range(0, len(profils), TAILLE_LOT)]
        faits = self._faits + [None] * (len(lots) - len(self._faits))
        confies = self._confies
        # les lots [devant, derriere) ne sont pris par personne
        devant, derriere = self._lus, len(lots)
        compte = sum(len(lot) for lot in faits if lot is not None)
        try:
            while True:
                compte += self._recolter(confies, faits)
                while devant < derriere and len(confies) < LOTS_D_AVANCE * self.travailleurs:
                    derriere -= 1
                    self._confier(lots[derriere], derriere)
                if devant < derriere:
                    i, devant = devant, devant + 1
                elif confies:
                    # plus rien à prendre : le dernier lot confié, le plus loin d'être rendu (un
                    # processus de calcul prend les lots dans l'ordre où ils lui sont confiés ;
                    # le premier est souvent presque fait)
                    tache = next(reversed(confies))
                    i = confies.pop(tache)
                    self._inacheve = True
                else:
                    break
                faits[i] = resumes_ici(
                    lots[i], self.moteur, lambda _: None, caviarder=self.caviarder
                )
                compte += len(lots[i])
                avancer(compte)
        except BrokenProcessPool as exc:
            raise ErreurMoteur(
                f"un processus de calcul s'est arrêté brutalement ({exc}) ; {CONSEIL}"
            ) from exc
        self._inacheve = self._inacheve or not all(e.done() for e in self._echauffes)
        self._a_suivi = self._recus > 0 and all(e.done() for e in self._echauffes)
        return [r for lot in faits if lot is not None for r in lot]

    def ailleurs(
        self, fonction: Callable[..., T], morceaux: Sequence[tuple[Any, ...]]
    ) -> Callable[[], list[T]]:
        """``fonction(*m)`` pour chaque morceau ``m``, confiés dans l'ordre aux processus de
        calcul (démarrés, et qui ont rendu des lots) pendant que ce processus-ci continue le
        plan ; rend de quoi lire les résultats, dans l'ordre des morceaux. À la lecture, ce
        processus-ci calcule, par la fin, ceux qu'aucun processus de calcul n'a commencés, puis
        le dernier de ceux qui ne sont pas rendus tant qu'il en reste plus d'un ; il attend les
        autres (un processus arrêté : calculés ici). Sans processus de calcul au travail :
        tout est calculé ici."""
        from concurrent.futures.process import BrokenProcessPool

        ici = [functools.partial(fonction, *m) for m in morceaux]
        taches: list[Future[T]] = []
        if self._a_suivi:
            with contextlib.suppress(BrokenProcessPool, RuntimeError):
                for m in morceaux:
                    taches.append(self._executeur.submit(fonction, *m))

        def lire() -> list[T]:
            faits: dict[int, T] = {}
            k = len(ici)
            while k > len(taches) or (k > 0 and taches[k - 1].cancel()):
                k -= 1
                faits[k] = ici[k]()
            attendus = list(range(k))
            while len(pas_rendus := [i for i in attendus if not taches[i].done()]) > 1:
                faits[pas_rendus[-1]] = ici[pas_rendus[-1]]()
                attendus.remove(pas_rendus[-1])
            for i in attendus:
                try:
                    faits[i] = _resultat(taches[i])
                except BrokenProcessPool:
                    faits[i] = ici[i]()
            return [faits[i] for i in range(len(ici))]

        return lire

    def _recolter(
        self,
        confies: dict[Future[list[Resume]], int],
        faits: list[list[Resume] | None],
        relever: bool = True,
    ) -> int:
        """Range les lots rendus (et relève l'erreur d'un processus de calcul, au démarrage
        ou sur un lot ; sauf ``relever=False`` : un lot en erreur reste confié) ; le nombre
        de profils rendus."""
        for echauffe in self._echauffes:
            if relever and echauffe.done():
                _resultat(echauffe)
        rendus = 0
        for tache in [t for t in confies if t.done()]:
            if not relever and tache.exception() is not None:
                continue
            i = confies.pop(tache)
            lot = _resultat(tache)
            faits[i] = lot
            rendus += len(lot)
            self._recus += 1
        return rendus

    def fermer(self, interrompu: bool = False) -> None:
        """Arrête les processus de calcul (les tâches en attente sont annulées) ; ``interrompu``
        (une exception, un signal), des lots calculés ici à leur place ou confiés pour rien,
        ou un démarrage pas fini (des effectifs plus petits qu'annoncés) : ils sont arrêtés
        sans être attendus."""
        if (
            interrompu
            or self._inacheve
            or self._confies
            or not all(e.done() for e in self._echauffes)
        ):
            for processus in list(getattr(self._executeur, "_processes", {}).values()):
                processus.terminate()
        try:
            self._executeur.shutdown(wait=True, cancel_futures=True)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(self._fichier)
