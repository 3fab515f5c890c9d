"""Les entrées du journal de suivi : des modèles pydantic typés, datés, avec qui les a notées.

Chaque entrée nomme une personne (un identifiant pseudonyme choisi par le centre), une date
(``datetime.date``) et qui l'a notée (``par``, un identifiant libre). Les genres : l'arrivée
(la personne et son école), un instantané du profil, une recommandation faite, la réponse à
une offre, une mesure débutée, une revue, le consentement au partage des éléments sensibles.
Une application qui garde sa propre base fournit ces entrées aux fonctions pures de
:mod:`.historique` et :mod:`.bilan` ; le :class:`~recommandeur.Journal` les garde en SQLite.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter

from .._base.messages import ValeurInconnue
from .._base.schema_json import nettoyer_schema
from .._profil.besoins import Besoins
from .._profil.modeles import Profil
from .._profil.saisie import _date_facultative
from .._vocabulaire import Besoin

#: Un identifiant pseudonyme : lettres, chiffres, ``_``, ``.``, ``-`` (pas d'espace ni d'@ :
#: ni nom ni courriel).
MOTIF_IDENTIFIANT = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"

Effet = Literal["efficace", "partiel", "sans_effet"]
Decision = Literal["acceptee", "refusee", "differee"]

#: Les effets d'une revue, en français.
LIBELLES_EFFETS: dict[str, str] = {
    "efficace": "efficace",
    "partiel": "partiellement efficace",
    "sans_effet": "sans effet",
}


def _date_requise(valeur: Any) -> date:
    if valeur is None:
        raise ValeurInconnue("attendu une date AAAA-MM-JJ")
    resultat = _date_facultative(valeur)
    assert resultat is not None
    return resultat


Jour = Annotated[date, BeforeValidator(_date_requise)]
Identifiant = Annotated[str, Field(pattern=MOTIF_IDENTIFIANT)]


class _Entree(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=nettoyer_schema)

    personne: Identifiant = Field(description="identifiant pseudonyme de la personne")
    date: Jour = Field(description="date de l'entrée (AAAA-MM-JJ)")
    par: str = Field(min_length=1, max_length=80, description="qui a noté l'entrée")

    @property
    def nom(self) -> str:
        """L'entrée nommée pour un message : « revue de p-001 »."""
        return f"{NOMS[self.genre]} de {self.personne}"  # type: ignore[attr-defined]


class Arrivee(_Entree):
    """L'arrivée de la personne dans le suivi (l'accueil) : son école. Sa première entrée.

    >>> Arrivee(personne="p-001", date="2026-08-28", par="cp-lea", ecole="ecole-a").ecole
    'ecole-a'
    """

    genre: Literal["arrivee"] = "arrivee"
    ecole: Identifiant = Field(description="identifiant de l'école principale")


class Instantane(_Entree):
    """Un instantané du profil de la personne (validé) à cette date."""

    genre: Literal["instantane"] = "instantane"
    profil: Profil


class RecommandationFaite(_Entree):
    """Une recommandation faite : les offres et actions, et de quoi la recalculer exactement
    (le profil utilisé, les versions du catalogue, des règles et de la surcouche)."""

    genre: Literal["recommandation"] = "recommandation"
    profil: Profil
    offres: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    version_catalogue: str
    version_regles: str
    surcouche: str | None = None


class Reponse(_Entree):
    """La réponse de la personne à une offre : acceptée, refusée ou différée."""

    genre: Literal["reponse"] = "reponse"
    mesure: str = Field(min_length=1, max_length=80)
    decision: Decision


class Debut(_Entree):
    """Une mesure débutée : la mesure, l'intervenant, le besoin qu'elle sert ; ``date`` est le début."""

    genre: Literal["debut"] = "debut"
    mesure: str = Field(min_length=1, max_length=80)
    intervenant: str | None = Field(None, min_length=1, max_length=80)
    besoin: Besoin | None = None


class Revue(_Entree):
    """La revue d'une mesure débutée : son effet, les besoins réévalués, un court commentaire.

    ``besoins`` : les intensités réévaluées (les autres restent) ; sans réévaluation, une revue
    « efficace » allège d'un cran le besoin pour lequel la mesure a été débutée.
    ``detresse`` : les signaux de détresse réévalués. ``satisfaction`` : de 1 à 5, si sondée.
    """

    genre: Literal["revue"] = "revue"
    mesure: str = Field(min_length=1, max_length=80)
    effet: Effet
    besoins: Besoins | None = None
    detresse: bool | None = None
    commentaire: str = Field("", max_length=500)
    satisfaction: int | None = Field(None, ge=1, le=5)


class Consentement(_Entree):
    """Le consentement de la personne au partage des éléments sensibles (la détresse)."""

    genre: Literal["consentement"] = "consentement"
    partage: bool


#: Une entrée du journal, l'un des sept genres (``genre`` les distingue).
Entree = Annotated[
    Arrivee | Instantane | RecommandationFaite | Reponse | Debut | Revue | Consentement,
    Field(discriminator="genre"),
]

#: Valide une entrée (un dict, du JSON) : ``ADAPTATEUR.validate_python({...})``.
ADAPTATEUR: TypeAdapter[Entree] = TypeAdapter(Entree)

#: Le nom français de chaque genre d'entrée.
NOMS: dict[str, str] = {
    "arrivee": "arrivée",
    "instantane": "profil",
    "recommandation": "recommandation",
    "reponse": "réponse",
    "debut": "début de mesure",
    "revue": "revue",
    "consentement": "consentement",
}


def entree(donnees: dict[str, Any] | str | bytes) -> Entree:
    """Une entrée depuis un dict ou du JSON (le genre la choisit).

    >>> entree({"genre": "consentement", "personne": "p-1", "date": "2026-09-02",
    ...         "par": "cp", "partage": True}).partage
    True
    """
    if isinstance(donnees, str | bytes):
        return ADAPTATEUR.validate_json(donnees)
    return ADAPTATEUR.validate_python(donnees)
