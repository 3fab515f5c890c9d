"""Les mesures recommandées d'un résultat, faites une fois et partagées entre les résultats.

Une mesure recommandée est immuable et ne dépend que de son rang, de sa décision (mesure,
intervenant choisi, présence, autres possibles, partenaires : voir :mod:`.decisions`), de son
drapeau prioritaire, de son score, de ce que le profil dit de sa réception et de ses raisons (des
motifs mémorisés). Ces entrées forment un enregistrement gelé (:class:`EntreesMesure`), seule
entrée de :func:`construire` et clé de sa mémoire : la même mesure est retrouvée au lieu d'être
refaite, et une entrée ajoutée ne peut pas manquer à la clé. Garder des milliers de résultats
garde alors peu d'objets de plus (le ramasse-miettes a peu à parcourir).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from .decisions import Decision
from .modeles import MesureRecommandee, Motif
from .motifs import Fiche
from .sortie import ListeFigee

#: Un n-uplet nommé fait de ses champs dans l'ordre, en C (sans le ``__new__`` Python).
_enregistrement = tuple.__new__


class Motifs:
    """Les raisons d'une mesure, comparées par identité (les motifs sont mémorisés et partagés).

    Elles gardent leurs motifs en vie : deux raisons vivantes de mêmes identités sont les mêmes.

    >>> from recommandeur._recommandation.modeles import Motif
    >>> m = Motif.construire(regle="r", titre="T", poids=1.0, texte="t", faits=(), sources=())
    >>> Motifs((m,)) == Motifs((m,)), Motifs((m,)) == Motifs((m.model_copy(),))
    (True, False)
    """

    __slots__ = ("_hache", "_identites", "motifs")

    def __init__(self, motifs: tuple[Motif, ...]) -> None:
        self.motifs = motifs
        self._identites = tuple(map(id, motifs))
        self._hache = hash(self._identites)

    def __eq__(self, autre: object) -> bool:
        return isinstance(autre, Motifs) and self._identites == autre._identites

    def __hash__(self) -> int:
        return self._hache


class EntreesMesure(NamedTuple):
    """Toutes les entrées d'une mesure recommandée : la clé de sa mémoire et la seule chose lue.

    Un n-uplet nommé : immuable, fait, haché et comparé en C (voir ``decisions.EntreesDecision``).
    """

    rang: int
    #: La décision (comparée par identité : elle nomme la mesure, l'intervenant, les partenaires).
    decision: Decision
    prioritaire: bool
    score: float
    #: Ce que le profil dit de la mesure : reçue avec effet (vrai), sans effet (faux), pas reçue.
    recue: bool | None
    motifs: Motifs
    #: Le profil enseigne dans un centre (FP, FGA) : les textes disent « centre ».
    en_centre: bool = False


def construire(f: Fiche, e: EntreesMesure) -> MesureRecommandee:
    """La mesure recommandée de ces entrées, retrouvée dans la fiche ou faite et gardée.

    Les motifs sont gardés en vie par l'entrée de la mémoire : leurs identités, dans la clé, ne
    peuvent pas être réutilisées tant qu'elle existe.
    """
    return f.retrouver(f.recommandees, e, _faire, e)


def _faire(f: Fiche, e: EntreesMesure) -> MesureRecommandee:
    return MesureRecommandee.depuis_champs(
        {
            "rang": e.rang,
            **e.decision.champs(f),
            "score": e.score,
            "prioritaire": e.prioritaire,
            "motifs": ListeFigee(e.motifs.motifs),
            "deja_recue": e.recue is True,
            "changement_d_intervenant": e.recue is False,
            "en_centre": e.en_centre,
        }
    )


def constructeur(
    f: Fiche,
    motifs: Mapping[str, list[Motif]],
    decisions: Mapping[str, Decision],
    scores_des_mesures: Mapping[str, float],
    recues: Mapping[str, bool],
    en_centre: bool = False,
) -> Callable[[int, str, bool], MesureRecommandee]:
    """La fonction qui fait (ou retrouve) la mesure recommandée de rang donné d'un résultat.

    ``en_centre`` : le profil enseigne dans un centre (FP, FGA) ; ses textes disent « centre ».
    """

    def construire_rang(rang: int, mid: str, prioritaire: bool) -> MesureRecommandee:
        # l'enregistrement fait en C (``tuple.__new__``) : les champs dans l'ordre de sa classe
        return construire(
            f,
            _enregistrement(
                EntreesMesure,
                (
                    rang,
                    decisions[mid],
                    prioritaire,
                    scores_des_mesures[mid],
                    recues.get(mid),
                    Motifs(tuple(motifs[mid])),
                    en_centre,
                ),
            ),
        )

    return construire_rang
