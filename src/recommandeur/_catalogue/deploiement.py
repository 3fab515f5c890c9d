"""Les étapes des plans de déploiement par école (``[[etape]]``), dans la forme de 003."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .._base.erreurs import Probleme, renvoi_inconnu
from .._base.schema_json import nettoyer_schema
from .._vocabulaire import CycleAction
from .capacite import ParametreCapacite as ParametreCapacite  # le catalogue le lit d'ici

_IDENTIFIANT = r"^[a-z][a-z0-9_]*$"


class Etape(BaseModel):
    """Une étape d'un plan de déploiement : ce qu'on fait, pourquoi, qui, avec qui, quand.

    ``mesure`` : l'action du milieu qui appelle cette étape (sans elle, l'étape est dans le
    plan de chaque école qui a des personnes en insertion). ``concernes`` : les personnes en
    insertion visées par l'action sont aussi impliquées.
    """

    model_config = ConfigDict(
        json_schema_extra=nettoyer_schema, frozen=True, extra="forbid", str_strip_whitespace=True
    )

    id: str = Field(pattern=_IDENTIFIANT)
    libelle: str = Field(min_length=1, max_length=300)
    intentions: tuple[str, ...] = Field(min_length=1)
    mesure: str | None = Field(None, pattern=_IDENTIFIANT)
    #: Le ou les responsables (003 : « Direction Mentores »), dans l'ordre.
    responsables: tuple[str, ...] = Field(min_length=1)
    impliques: tuple[str, ...] = ()
    concernes: bool = False
    quand: str = Field(min_length=1, max_length=100)
    cycle: CycleAction
    sources: tuple[str, ...] = Field(min_length=1)
    #: Les modèles de plan d'école qui ont l'étape (vide : tous) : ``primaire`` et
    #: ``secondaire`` (les deux exemples de 003), ``leger`` (une école de peu de personnes).
    modeles: tuple[Literal["primaire", "secondaire", "leger"], ...] = ()
    #: Qui porte l'étape quand un responsable n'est pas présent dans l'école, dans l'ordre.
    suppleants: tuple[str, ...] = ()


class Heures(BaseModel):
    """Les heures d'une mesure, quand un centre (ou un document) les donne : ``[[heures]]``.

    ``par_personne`` : pour une personne qui la reçoit seule ; ``par_groupe`` : pour un
    groupe. ``origine`` dit d'où vient le chiffre (un choix du centre, un document).
    """

    model_config = ConfigDict(
        json_schema_extra=nettoyer_schema, frozen=True, extra="forbid", str_strip_whitespace=True
    )

    mesure: str = Field(pattern=_IDENTIFIANT)
    par_personne: float | None = Field(None, gt=0, le=2000)
    par_groupe: float | None = Field(None, gt=0, le=2000)
    origine: str = Field(min_length=1, max_length=500)


def verifier_etape(
    nom: str,
    etape: Etape,
    mesures: Collection[str],
    acteurs: Collection[str],
    invalides: Collection[str] = (),
) -> Iterator[Probleme]:
    """Les renvois d'une étape : sa mesure, son responsable et les impliqués existent.

    Un renvoi vers une entrée refusée (``invalides``) n'est pas signalé une seconde fois.
    """
    if etape.mesure is not None and etape.mesure not in mesures and etape.mesure not in invalides:
        yield renvoi_inconnu(
            "mesure inconnue", etape.mesure, mesures, fichier=nom, id=etape.id, champ="mesure"
        )
    renvois = [(f"responsables[{rang}]", a) for rang, a in enumerate(etape.responsables)]
    renvois += [(f"impliques[{rang}]", a) for rang, a in enumerate(etape.impliques)]
    renvois += [(f"suppleants[{rang}]", a) for rang, a in enumerate(etape.suppleants)]
    for champ, acteur in renvois:
        if acteur not in acteurs and acteur not in invalides:
            yield renvoi_inconnu(
                "acteur inconnu", acteur, acteurs, fichier=nom, id=etape.id, champ=champ
            )


def verifier_heures(
    nom: str, duree: Heures, mesures: Collection[str], invalides: Collection[str] = ()
) -> Iterator[Probleme]:
    """La mesure des heures existe (une mesure refusée n'est pas dite une seconde fois)."""
    if duree.mesure not in mesures and duree.mesure not in invalides:
        yield renvoi_inconnu(
            "mesure inconnue",
            duree.mesure,
            mesures,
            fichier=nom,
            id=f"heures {duree.mesure}",
            champ="mesure",
        )
