"""Ce que le plan garde d'une recommandation : des tuples, pas le résultat entier.

Un plan de 30 000 personnes ne garde pas 30 000 résultats : chacun est réduit à ses offres
(mesure, intervenant, présence, besoin) et à ses actions du milieu, puis relâché.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..._recommandation.modeles import MesureRecommandee, Recommandation
from ..._vocabulaire import Modalite, Niveau, Portee, Presence


@dataclass(frozen=True, slots=True)
class Offre:
    """Une offre faite à une personne : la mesure, qui l'offre, et si elle se fait en groupe."""

    mesure: str
    acteur: str
    presence: Presence
    besoin: str | None
    #: La portée du groupe possible : ``ecole`` ou ``centre`` ; ``None`` : une offre individuelle.
    groupe: str | None


@dataclass(frozen=True, slots=True)
class Action:
    """Une action du milieu recommandée à cause d'une personne."""

    mesure: str
    acteur: str
    presence: Presence
    raisons: tuple[str, ...]
    #: Les règles de ces raisons, dans le même ordre (le calibrage des écoles les lit).
    regles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Resume:
    """Une recommandation réduite à ce que le plan lit."""

    periode: str
    ordre: str
    prioritaires: tuple[str, ...]
    offres: tuple[Offre, ...]
    actions: tuple[Action, ...]
    escalades: int


def _besoin(m: MesureRecommandee) -> str | None:
    """Le besoin qui a mené à l'offre : celui de la raison la plus forte qui en lit un."""
    for motif in sorted(m.motifs, key=lambda x: -x.poids):
        for fait in motif.faits:
            if fait.champ.startswith("besoins."):
                return fait.champ.removeprefix("besoins.")
    return None


def _portee_du_groupe(m: MesureRecommandee) -> str | None:
    mesure = m.mesure
    if mesure.niveau is Niveau.INDIVIDUEL or Modalite.EN_GROUPE not in mesure.modalites:
        return None
    return "ecole" if mesure.portee is Portee.ETABLISSEMENT else "centre"


#: Les offres et actions déjà vues, partagées : un plan de 30 000 personnes n'en compte que
#: quelques centaines de différentes (moins d'objets vivants, moins de ramasse-miettes).
_PARTAGEES: dict[tuple[object, ...], object] = {}
PARTAGEES_MAX = 100_000


def _partagee(objet: Offre | Action) -> Any:
    cle = (type(objet), *_champs(objet))
    trouve = _PARTAGEES.get(cle)
    if trouve is None:
        if len(_PARTAGEES) >= PARTAGEES_MAX:
            _PARTAGEES.clear()
        trouve = _PARTAGEES[cle] = objet
    return trouve


def _champs(objet: Offre | Action) -> tuple[object, ...]:
    return tuple(getattr(objet, nom) for nom in objet.__slots__)


def resumer(reco: Recommandation) -> Resume:
    """Réduit une recommandation à ses offres et ses actions (sans texte composé)."""
    return Resume(
        periode=reco.periode_insertion.value,
        ordre=reco.profil.ordre.value,
        prioritaires=tuple(m.mesure.id for m in reco.prioritaires),
        offres=tuple(
            _partagee(Offre(m.mesure.id, m.acteur.id, m.presence, _besoin(m), _portee_du_groupe(m)))
            for m in reco.mesures
        ),
        actions=tuple(
            _partagee(
                Action(
                    m.mesure.id,
                    m.acteur.id,
                    m.presence,
                    tuple(mo.texte for mo in m.motifs),
                    tuple(mo.regle for mo in m.motifs),
                )
            )
            for m in reco.actions_milieu
            # une action de niveau individuel (suivre de près une personne) ne concerne
            # qu'elle : elle reste dans sa recommandation, jamais dans le plan du centre
            # (003 : « en acceptant la confidentialité de la relation mentor-mentoré »)
            if m.mesure.niveau is not Niveau.INDIVIDUEL
        ),
        escalades=len(reco.escalades),
    )
