"""Les ``repr`` courts des résultats : ce que c'est, ses chiffres clés, et comment en voir plus.

Une ou quelques lignes, jamais le contenu entier : la console et le carnet restent lisibles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._analyse.constats import RapportCouverture
    from .._recommandation.explorer import EtSi, PourquoiPas
    from .._recommandation.modeles import MesureRecommandee, Recommandation


def _ids(ids: list[str], n: int = 3) -> str:
    suite = f", … (+{len(ids) - n})" if len(ids) > n else ""
    return ", ".join(ids[:n]) + suite


def apercu_recommandation(reco: Recommandation) -> str:
    """``<Recommandation : 11 offres dont 3 prioritaires (…), 2 actions du milieu, …>``."""
    tete = _ids([m.mesure.id for m in reco.prioritaires])
    return (
        f"<Recommandation : {len(reco.mesures)} offre(s) dont {reco.nb_prioritaires} "
        f"prioritaire(s) ({tete or 'aucune'}), {len(reco.actions_milieu)} action(s) du milieu, "
        f"{len(reco.ecartees)} non offerte(s) ; période {reco.periode_insertion.value} ; "
        "print(reco) pour le texte>"
    )


def apercu_mesure_recommandee(m: MesureRecommandee) -> str:
    """``<MesureRecommandee n° 1 : … — individuel, par conseiller_pedagogique (present), …>``."""
    marques = " prioritaire," if m.prioritaire else ""
    return (
        f"<MesureRecommandee n° {m.rang} : {m.mesure.id} — {m.mesure.niveau.value}, par "
        f"{m.acteur.id} ({m.presence.value}),{marques} score {m.score:g}, "
        f"{len(m.motifs)} raison(s) ; print(m.justification)>"
    )


def apercu_pourquoi_pas(r: PourquoiPas) -> str:
    """``<PourquoiPas mentorat : recommandée au rang 3, 4 règle(s) examinée(s) ; print(…)>``."""
    if r.rang is not None:
        etat = f"recommandée au rang {r.rang}"
    elif r.ecartee:
        etat = "écartée"
    else:
        etat = "non recommandée"
    return f"<PourquoiPas {r.mesure} : {etat}, {len(r.regles)} règle(s) examinée(s) ; print(r)>"


def apercu_et_si(r: EtSi) -> str:
    """``<EtSi : offres +2 −0 ~3 ; actions du milieu +1 −0 ; print(r)>``."""
    return (
        f"<EtSi : offres +{len(r.ajoutees)} −{len(r.retirees)} ~{len(r.deplacees)} ; "
        f"actions du milieu +{len(r.actions_ajoutees)} −{len(r.actions_retirees)} "
        f"~{len(r.actions_deplacees)} ; print(r)>"
    )


def apercu_couverture(r: RapportCouverture) -> str:
    """``<RapportCouverture : 67 constat(s), dont 0 non expliqué(s) ; print(r)>``."""
    return (
        f"<RapportCouverture : {len(r.constats)} constat(s), dont {len(r.non_expliques)} non "
        "expliqué(s) ; print(r) pour le rapport>"
    )
