"""La syntaxe des règles : ce qu'un fichier ``regles/*.toml`` peut contenir.

Une règle a des conditions sur les champs du profil (égalité, comparaisons,
appartenance, seuil d'intensité d'un besoin, combinées par ``tous``, ``un_de`` et
``non``), les mesures qu'elle recommande avec un poids, un gabarit de
justification et ses sources. Voir ``docs/regles.md``.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, Field, Strict, Tag, field_validator

from .._base.erreurs import suggerer
from .._base.messages import ValeurInconnue
from .._vocabulaire import Besoin, Intensite
from .declarations import (  # noqa: F401  (réexportés : la syntaxe d'un fichier de règles)
    GENRES_CONSTATS,
    MENTION_CONVENTION,
    Explication,
    Parametre,
    _Strict,
)
from .operateurs import ALIAS, OPERATEURS

Scalaire = bool | int | float | str


class RefParametre(_Strict):
    """``{ parametre = "seuil_imse" }`` : la valeur d'un paramètre déclaré du dossier."""

    parametre: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)


class Comparaison(_Strict):
    """``{champ = "ecole.imse", op = ">=", valeur = 8}`` ou ``valeur = { parametre = "seuil_imse" }``."""

    champ: str
    op: str
    valeur: Scalaire | list[Scalaire] | RefParametre

    @field_validator("op")
    @classmethod
    def _operateur_connu(cls, op: str) -> str:
        if op not in OPERATEURS:
            alias = ALIAS.get(op.strip().lower())
            raise ValeurInconnue(
                f"opérateur inconnu ; attendu : {', '.join(OPERATEURS)}",
                (alias,) if alias else suggerer(op, OPERATEURS),
            )
        return op


class SeuilBesoin(_Strict):
    """``{besoin = "gestion_de_classe", au_moins = "elevee"}`` : intensité effective au moins égale."""

    besoin: Besoin
    au_moins: Intensite


class Tous(_Strict):
    """``{tous = [...]}`` : toutes les conditions tiennent."""

    tous: list[Condition] = Field(min_length=1)


class UnDe(_Strict):
    """``{un_de = [...]}`` : au moins une condition tient."""

    un_de: list[Condition] = Field(min_length=1)


class Non(_Strict):
    """``{non = {...}}`` : la condition ne tient pas."""

    non: Condition


_FORMES = {
    "champ": "comparaison",
    "besoin": "besoin",
    "tous": "tous",
    "un_de": "un_de",
    "non": "non",
}


def _forme(valeur: Any) -> str | None:
    if isinstance(valeur, dict):
        for cle, forme in _FORMES.items():
            if cle in valeur:
                return forme
        return None
    for type_, forme in (
        (Comparaison, "comparaison"),
        (SeuilBesoin, "besoin"),
        (Tous, "tous"),
        (UnDe, "un_de"),
        (Non, "non"),
    ):
        if isinstance(valeur, type_):
            return forme
    return None


Condition = Annotated[
    Annotated[Comparaison, Tag("comparaison")]
    | Annotated[SeuilBesoin, Tag("besoin")]
    | Annotated[Tous, Tag("tous")]
    | Annotated[UnDe, Tag("un_de")]
    | Annotated[Non, Tag("non")],
    Discriminator(
        _forme,
        custom_error_type="forme_condition",
        custom_error_message="condition de forme inconnue ; attendu une table avec l'une des "
        "clés champ, besoin, tous, un_de ou non",
    ),
]

for _modele in (Tous, UnDe, Non):
    _modele.model_rebuild()


class IntervenantChoisi(_Strict):
    """``{ acteur = "direction", role = "..." }`` : un intervenant de la mesure, avec une autre ligne de son rôle."""

    acteur: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    role: str = Field(min_length=1)


#: Le plus grand rang de priorité d'une proposition (``priorite = 1`` à ``9``).
RANG_PRIORITE_MAX = 9


class Recommande(_Strict):
    """Une mesure recommandée par une règle : son poids, et pourquoi pour cette mesure-là.

    ``pourquoi`` dit ce que la mesure apporte dans cette situation ; ``sources`` (sinon celles
    de la règle) doivent compter un passage qui parle de la mesure. ``priorite`` (de 1 à
    ``RANG_PRIORITE_MAX``) la range parmi les offres à faire d'abord : le rang 1 vient avant
    le rang 2, et à rang égal le score départage (voir docs/regles.md). ``intervenants``
    restreint ou réordonne ses intervenants pour cette situation (par leur identifiant, ou
    avec une autre ligne de leur rôle). ``pourquoi_par`` donne, pour un intervenant, la raison
    qui remplace ``pourquoi`` quand c'est lui qui porte la mesure (une raison ne parle que de
    la mesure ou de la personne qui la porte).
    """

    mesure: str = Field(min_length=1)
    poids: Annotated[float, Strict()] = Field(gt=0, le=100)
    priorite: Annotated[int, Strict()] | None = Field(None, ge=1, le=RANG_PRIORITE_MAX)
    pourquoi: str | None = Field(None, min_length=1, max_length=800)
    sources: tuple[str, ...] = ()
    intervenants: tuple[str | IntervenantChoisi, ...] = ()
    pourquoi_par: dict[str, Annotated[str, Field(min_length=1, max_length=800)]] = {}  # noqa: RUF012


class RegleSource(_Strict):
    """Une règle telle qu'écrite dans un fichier TOML."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)
    titre: str = Field(min_length=1, max_length=200)
    si: Condition
    recommande: list[Recommande] = Field(min_length=1)
    justification: str = Field(min_length=1, max_length=2000)
    sources: tuple[str, ...] = Field(min_length=1)
