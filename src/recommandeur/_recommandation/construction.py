"""Les mesures recommandées d'un résultat, faites une fois et partagées entre les résultats.

Une mesure recommandée est immuable et ne dépend que de son rang, de sa mesure, de son
intervenant choisi, de ses partenaires, de son score et de ses raisons (des motifs mémorisés) :
la même est retrouvée au lieu d'être refaite. Garder des milliers de résultats garde alors
peu d'objets de plus (le ramasse-miettes a peu à parcourir).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .intervenants import Choix, partenaires_presents
from .modeles import MesureRecommandee, Motif
from .motifs import Fiche


def constructeur(
    f: Fiche,
    motifs: Mapping[str, list[Motif]],
    choix: Mapping[str, Choix],
    scores_des_mesures: Mapping[str, float],
    recues: Mapping[str, bool],
    fait: Mapping[str, Any],
    en_insertion: bool,
) -> Callable[[int, str, bool], MesureRecommandee]:
    """La fonction qui fait (ou retrouve) la mesure recommandée de rang donné d'un résultat."""

    def construire(rang: int, mid: str, prioritaire: bool) -> MesureRecommandee:
        c = choix[mid]
        assert c.intervenant is not None
        acteur = f.acteurs[c.intervenant.acteur]
        mesure = f.mesures[mid]
        partenaires = partenaires_presents(
            mesure.partenaires, f.acteurs, fait, en_insertion, frozenset({acteur.id})
        )
        raisons = motifs[mid]
        recue = recues.get(mid)
        score = scores_des_mesures[mid]
        # Une mesure recommandée est immuable : la même (mêmes raisons, même intervenant, même
        # rang) est partagée entre les résultats, au lieu d'être refaite.
        cle = (
            rang,
            mid,
            prioritaire,
            score,
            c.intervenant,
            c.presence,
            c.alternatives,
            partenaires,
            recue,
            *map(id, raisons),
        )
        trouvee = f.recommandees.get(cle)
        if trouvee is not None:
            return trouvee
        trouvee = MesureRecommandee.construire(
            rang=rang,
            mesure=mesure,
            acteur=acteur,
            role=c.intervenant.role,
            presence=c.presence,
            alternatives=[f.acteurs[a] for a in c.alternatives],
            partenaires=[f.acteurs[p] for p in partenaires],
            score=score,
            prioritaire=prioritaire,
            motifs=raisons,
            deja_recue=recue is True,
            changement_d_intervenant=recue is False,
        )
        f.garder_recommandee(cle, trouvee)
        return trouvee

    return construire
