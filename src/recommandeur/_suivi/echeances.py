"""Qui revoir : les mesures dont la revue est due, les personnes en détresse qu'on n'a pas vues.

L'intervalle de revue (6 à 8 semaines par défaut) est **une convention des pratiques de
soutien à paliers** (réponse à l'intervention, MTSS : un suivi des progrès toutes les six à
huit semaines), pas un seuil des documents sources ; un centre le change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .._base.schema_json import nettoyer_schema
from .entrees import Entree, Instantane, Revue
from .historique import (
    SENSIBLES,
    consent,
    detresse,
    ecole,
    jusqu_a,
    mesures_suivies,
    par_personne,
)

#: Ce que disent les textes de l'intervalle par défaut.
ORIGINE_INTERVALLE = (
    "convention des pratiques de soutien à paliers (réponse à l'intervention, MTSS : suivi des "
    "progrès toutes les 6 à 8 semaines), hors des documents sources"
)


class Intervalle(BaseModel):
    """L'intervalle de revue : due après ``jours`` (42, six semaines), en retard après
    ``retard`` (56, huit semaines) ; une personne en détresse est à revoir si on ne l'a pas vue
    depuis ``detresse`` jours (14). Des conventions (voir :data:`ORIGINE_INTERVALLE`).

    >>> Intervalle().jours, Intervalle(jours=28, retard=35).retard
    (42, 35)
    """

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=nettoyer_schema)

    jours: int = Field(42, ge=1, le=366)
    retard: int = Field(56, ge=1, le=366)
    detresse: int = Field(14, ge=1, le=366)

    @model_validator(mode="after")
    def _ordre(self) -> Intervalle:
        if self.retard < self.jours:
            raise ValueError("retard doit être ≥ jours")
        return self


class Echeance(BaseModel):
    """Une revue due : la personne, l'école, la mesure (ou ``None`` pour un suivi de détresse),
    depuis quand (début ou dernière revue), le nombre de jours, et si elle est en retard.

    ``motif`` : ``revue`` (une mesure à revoir), ``detresse`` (une personne en détresse pas vue
    depuis l'intervalle ; dit seulement avec son consentement et si on le demande), ``suivi``
    (l'un ou l'autre quand le motif est confidentiel : la détresse, ou une offre qui la révèle,
    sans consentement ou sans demande ; ``mesure`` est alors ``None``).
    """

    model_config = ConfigDict(frozen=True, json_schema_extra=nettoyer_schema)

    personne: str
    ecole: str | None
    motif: Literal["revue", "detresse", "suivi"]
    mesure: str | None
    depuis: date
    jours: int
    en_retard: bool


def vue_le(entrees: Sequence[Entree]) -> date | None:
    """La dernière date où la personne a été vue : un instantané ou une revue."""
    vues = [e.date for e in entrees if isinstance(e, Instantane | Revue)]
    return max(vues) if vues else None


def echeances_de(
    entrees: Sequence[Entree],
    a_la_date: date,
    intervalle: Intervalle | None = None,
    *,
    avec_detresse: bool = False,
) -> list[Echeance]:
    """Les revues dues d'une personne (ses entrées) à une date."""
    intervalle = intervalle or Intervalle()
    retenues = jusqu_a(entrees, a_la_date)
    if not retenues:
        return []
    personne, lieu = retenues[0].personne, ecole(retenues)
    montrer = avec_detresse and consent(retenues)
    dues = []
    for m in mesures_suivies(retenues):
        if m.effet in {"efficace", "sans_effet"}:
            continue  # jugée : la suite vient de la prochaine recommandation
        jours = (a_la_date - m.depuis).days
        if jours >= intervalle.jours:
            dues.append(
                Echeance(
                    personne=personne,
                    ecole=lieu,
                    motif="revue" if montrer or m.mesure not in SENSIBLES else "suivi",
                    mesure=m.mesure if montrer or m.mesure not in SENSIBLES else None,
                    depuis=m.depuis,
                    jours=jours,
                    en_retard=jours > intervalle.retard,
                )
            )
    vue = vue_le(retenues)
    if detresse(retenues) and vue is not None and (a_la_date - vue).days >= intervalle.detresse:
        jours = (a_la_date - vue).days
        dues.append(
            Echeance(
                personne=personne,
                ecole=lieu,
                motif="detresse" if montrer else "suivi",
                mesure=None,
                depuis=vue,
                jours=jours,
                en_retard=jours > 2 * intervalle.detresse,
            )
        )
    return dues


def a_revoir(
    entrees: Iterable[Entree] | Mapping[str, Sequence[Entree]],
    a_la_date: date,
    intervalle: Intervalle | None = None,
    *,
    avec_detresse: bool = False,
) -> list[Echeance]:
    """Les revues dues à une date : les plus en retard d'abord, puis par personne.

    >>> from datetime import date
    >>> from recommandeur._suivi.entrees import Arrivee, Debut
    >>> es = [Arrivee(personne="p-1", date=date(2026, 9, 1), par="cp", ecole="a"),
    ...       Debut(personne="p-1", date=date(2026, 9, 15), par="cp", mesure="mentorat")]
    >>> [(e.mesure, e.jours) for e in a_revoir(es, date(2026, 11, 1))]
    [('mentorat', 47)]
    >>> a_revoir(es, date(2026, 10, 1))
    []
    """
    groupes = entrees if isinstance(entrees, Mapping) else par_personne(entrees)
    dues = [
        e
        for es in groupes.values()
        for e in echeances_de(es, a_la_date, intervalle, avec_detresse=avec_detresse)
    ]
    return sorted(dues, key=lambda e: (-e.jours, e.personne, e.mesure or ""))
