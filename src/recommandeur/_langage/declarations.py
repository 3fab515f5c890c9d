"""Ce qu'une base de règles déclare à côté de ses règles : ses paramètres et ses explications.

Les paramètres (``[[parametre]]``) sont des seuils qu'un centre de services peut changer ; les
explications (``[[explication]]``) disent pourquoi un constat de l'analyse de couverture est
voulu. Une base compilée les garde : un moteur relu du cache les revalide sans importer la
syntaxe des règles (:mod:`.syntaxe`), que seule la compilation lit.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    field_validator,
)

from .._base.erreurs import suggerer
from .._base.messages import ValeurInconnue
from .._base.schema_json import nettoyer_schema
from .._vocabulaire import Besoin, Intensite, Niveau


class _Strict(BaseModel):
    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True, extra="forbid")


class Parametre(_Strict):
    """Un paramètre de la base : un seuil qu'un centre de services peut changer.

    ``origine`` dit d'où vient la valeur ; ``convention = true`` : elle ne vient pas des
    documents sources, et les textes le disent.
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)
    champ: str
    valeur: StrictBool | StrictInt | StrictFloat | StrictStr
    libelle: str = Field(min_length=1, max_length=300)
    origine: str = Field(min_length=1, max_length=800)
    convention: Annotated[bool, Strict()] = False
    #: Ce que les textes disent après la valeur (``seuil de 30 % : <mention>``) ; par défaut,
    #: pour une convention, « un seuil choisi par le catalogue, que les documents sources ne fixent pas ».
    mention: str | None = Field(None, min_length=1, max_length=200)

    @property
    def mention_affichee(self) -> str | None:
        """La mention dite après la valeur dans les textes, s'il y en a une."""
        if self.mention is not None:
            return self.mention
        return MENTION_CONVENTION if self.convention else None


#: Ce que disent les textes après la valeur d'un seuil qui est une convention.
MENTION_CONVENTION = "un seuil choisi par le catalogue, que les documents sources ne fixent pas"


#: Les genres de constats de l'analyse de couverture (voir ``docs/couverture.md``).
GENRES_CONSTATS: tuple[str, ...] = (
    "lacune",
    "mesure_orpheline",
    "acteur_sans_mesure",
    "regle_jamais_declenchee",
    "regle_subsumee",
    "regles_en_double",
)


class Explication(_Strict):
    """Pourquoi un constat de l'analyse de couverture est voulu.

    ``constat`` est un genre de constat ; les autres clés, facultatives, restreignent les
    constats visés (une clé absente vaut « tous »). Par exemple, aucune mesure individuelle
    pour un besoin d'intensité modérée, par conception :
    ``{ constat = "lacune", intensite = "moderee", niveau = "individuel", raison = "..." }``.
    """

    constat: str
    raison: str = Field(min_length=1)
    regle: str | None = None
    mesure: str | None = None
    acteur: str | None = None
    besoin: Besoin | None = None
    intensite: Intensite | None = None
    niveau: Niveau | None = None

    @field_validator("constat")
    @classmethod
    def _genre_connu(cls, constat: str) -> str:
        if constat not in GENRES_CONSTATS:
            raise ValeurInconnue(
                f"genre de constat inconnu ; attendu : {', '.join(GENRES_CONSTATS)}",
                suggerer(constat, GENRES_CONSTATS),
            )
        return constat
