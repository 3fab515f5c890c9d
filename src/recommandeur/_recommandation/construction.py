"""Les mesures recommandées d'un résultat, faites une fois et partagées entre les résultats.

Une mesure recommandée est immuable et ne dépend que de son rang, de sa mesure, de sa
décision (intervenant choisi, présence, autres possibles, partenaires : voir
:mod:`.decisions`), de son score et de ses raisons (des motifs mémorisés) : la même est
retrouvée au lieu d'être refaite. Garder des milliers de résultats garde alors peu d'objets
de plus (le ramasse-miettes a peu à parcourir).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .decisions import Decision
from .modeles import MesureRecommandee, Motif
from .motifs import Fiche
from .sortie import ListeFigee


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

    def construire(rang: int, mid: str, prioritaire: bool) -> MesureRecommandee:
        d = decisions[mid]
        raisons = motifs[mid]
        recue = recues.get(mid)
        score = scores_des_mesures[mid]
        # Une mesure recommandée est immuable : la même (mêmes raisons, même décision, même
        # rang) est partagée entre les résultats, au lieu d'être refaite. Le numéro d'une
        # décision n'est jamais réutilisé ; les motifs, gardés en vie par l'entrée, non plus.
        cle = (
            rang,
            mid,
            prioritaire,
            score,
            d.numero,
            recue,
            en_centre,
            *map(id, raisons),
        )
        trouvee = f.recommandees.get(cle)
        if trouvee is not None:
            return trouvee
        trouvee = MesureRecommandee.construire(
            rang=rang,
            **d.champs(f),
            score=score,
            prioritaire=prioritaire,
            motifs=ListeFigee(raisons),
            deja_recue=recue is True,
            changement_d_intervenant=recue is False,
            en_centre=en_centre,
        )
        f.garder(f.recommandees, cle, trouvee)
        return trouvee

    return construire
