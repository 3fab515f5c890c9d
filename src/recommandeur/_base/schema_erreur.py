"""Le schéma JSON d'une erreur en données : ce que donne ``ErreurRecommandeur.to_dict()``.

La forme est décrite par deux modèles pydantic (une erreur, ses problèmes) dont le schéma est
exporté : un service qui répond 422 avec ``to_dict()`` peut le publier (OpenAPI) et un client
le valider. Tous les champs sont toujours présents (``null`` quand ils ne s'appliquent pas).
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from .probleme import CODES
from .schema_json import nettoyer_schema

_DIALECTE = "https://json-schema.org/draft/2020-12/schema"


class _EnDonnees(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=nettoyer_schema)


class PlageEnDonnees(_EnDonnees):
    """Une plage de valeurs admises (ou de longueurs, pour le code ``longueur``) : ses bornes
    données seulement, incluses sauf ``minimum_exclu`` / ``maximum_exclu``."""

    model_config = ConfigDict(title="Plage")

    minimum: int | float | None = Field(None, description="la plus petite valeur admise")
    maximum: int | float | None = Field(None, description="la plus grande valeur admise")
    minimum_exclu: bool = Field(False, description="le minimum lui-même est refusé")
    maximum_exclu: bool = Field(False, description="le maximum lui-même est refusé")


class ProblemeEnDonnees(_EnDonnees):
    """Un problème : où (champ, chemin, fichier, id), quoi (code, message), la valeur reçue,
    ce qui était attendu et les suggestions."""

    model_config = ConfigDict(title="Probleme")

    champ: str | None = Field(
        description="le champ en cause, écrit comme un chemin (« mesures_recues[0].mesure ») ; "
        "pour un argument de fonction, son nom"
    )
    chemin: list[str | int] = Field(
        description="le même champ en morceaux : noms de champs et rangs de listes"
    )
    code: str = Field(
        description="le genre du problème, stable pour les programmes : "
        + " ; ".join(f"{code} : {sens}" for code, sens in CODES.items()),
        json_schema_extra={"enum": list(CODES)},
    )
    message: str = Field(description="ce qui ne va pas, en français, sans le lieu")
    valeur: JsonValue = Field(
        description="la valeur reçue elle-même, en JSON (null si aucune) ; bornée : chaîne "
        "coupée à 200 caractères, au plus 50 valeurs sur 4 niveaux, un entier démesuré ou un "
        "objet non JSON remplacé par son aperçu"
    )
    attendu: str | list[JsonValue] | PlageEnDonnees | None = Field(
        description="ce qui était attendu : la liste des valeurs admises, une plage, ou une "
        "phrase (« un entier ») ; null si on ne le sait pas"
    )
    suggestion: str | None = Field(description="la correction la plus probable, s'il y en a une")
    suggestions: list[str] = Field(description="les corrections possibles, la meilleure d'abord")
    fichier: str | None = Field(description="le fichier en cause, pour des données lues")
    id: str | None = Field(
        description="l'entrée en cause dans le fichier (règle, mesure, ligne), ou la règle"
    )
    texte: str = Field(description="le problème entier en une ligne française")


class ErreurEnDonnees(_EnDonnees):
    """Une erreur de ``recommandeur`` en données (``to_dict()``) : son genre, son message et
    tous ses problèmes."""

    model_config = ConfigDict(title="Erreur")

    erreur: str = Field(
        description="le nom de l'exception (ErreurProfil, ErreurArgument, ErreurInconnu…)"
    )
    message: str = Field(description="le message entier, en français, tel que str(erreur)")
    problemes: list[ProblemeEnDonnees] = Field(min_length=1, description="les problèmes, tous")


@functools.cache
def _schema() -> dict[str, Any]:
    return {"$schema": _DIALECTE, **ErreurEnDonnees.model_json_schema(mode="validation")}


def schema_erreur() -> dict[str, Any]:
    """Le schéma JSON (2020-12) de ``erreur.to_dict()``, pour toute :class:`ErreurRecommandeur`.

    >>> import jsonschema
    >>> from recommandeur import ErreurArgument, schema_erreur
    >>> jsonschema.validate(ErreurArgument("limite", "un entier ≥ 1", 0).to_dict(), schema_erreur())
    >>> schema_erreur()["$defs"]["ProblemeEnDonnees"]["properties"]["code"]["enum"][:3]
    ['manquant', 'champ_inconnu', 'valeur_inconnue']
    """
    return copy.deepcopy(_schema())
