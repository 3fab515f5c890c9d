"""Les modèles du catalogue : passages des sources, acteurs, mesures et le catalogue qui les réunit."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr

from .._erreurs import ErreurInconnu
from .._vocabulaire import Besoin, Modalite, Niveau, Portee

_IDENTIFIANT = r"^[a-z][a-z0-9_]*$"
#: La forme d'une clé de source : ``annexe1/cible/g``, ``cssps/roles/mentor``, ``ppc/10.2``.
FORME_CLE_SOURCE = r"^[a-z0-9][a-z0-9_.]*(/[a-z0-9][a-z0-9_.]*)*$"


T = TypeVar("T")


def _sans_doublon(valeurs: tuple[T, ...]) -> tuple[T, ...]:
    vues: set[T] = set()
    for valeur in valeurs:
        if valeur in vues:
            raise ValueError(f"valeur répétée : {getattr(valeur, 'value', valeur)!r}")
        vues.add(valeur)
    return valeurs


#: Une liste sans doublon (les besoins d'une mesure, ses modalités, les lignes d'un rôle).
Uniques = AfterValidator(_sans_doublon)


class _Immuable(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Source(_Immuable):
    """Un passage d'un document source, désigné par une clé.

    >>> Source(cle="cnipe/niveau3", fichier="002_b4031a92842589cc.txt",
    ...        passage="Level 3 : personalized support systems").fichier
    '002_b4031a92842589cc.txt'
    """

    cle: str = Field(pattern=FORME_CLE_SOURCE, max_length=80)
    fichier: str = Field(min_length=1, max_length=200)
    passage: str = Field(min_length=1, max_length=4000)


class Acteur(_Immuable):
    """Un acteur de l'insertion professionnelle et les lignes de son rôle.

    >>> a = Acteur(id="mentor", libelle="Personne mentore",
    ...            role=("en accueillant la personne mentorée",), sources=("cssps/roles/mentor",))
    >>> a.libelle
    'Personne mentore'
    """

    id: str = Field(pattern=_IDENTIFIANT)
    libelle: str = Field(min_length=1)
    role: Annotated[tuple[str, ...], Uniques] = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)


class Mesure(_Immuable):
    """Une mesure (modalité ou dispositif) de soutien du catalogue.

    ``role_responsable`` est la ligne du rôle de l'acteur responsable qui justifie
    qu'il porte la mesure ; elle doit figurer dans ``Acteur.role``.
    """

    id: str = Field(pattern=_IDENTIFIANT)
    libelle: str = Field(min_length=1)
    description: str = Field(min_length=1)
    niveau: Niveau
    portee: Portee
    modalites: Annotated[tuple[Modalite, ...], Uniques] = Field(min_length=1)
    acteur_responsable: str
    role_responsable: str = Field(min_length=1)
    partenaires: tuple[str, ...] = ()
    besoins: Annotated[tuple[Besoin, ...], Uniques] = ()
    duree: str | None = None
    frequence: str | None = None
    sources: tuple[str, ...] = Field(min_length=1)


class Catalogue(BaseModel):
    """Le catalogue chargé et validé : mesures, acteurs et sources, cherchables par identifiant.

    >>> from recommandeur import charger_catalogue
    >>> cat = charger_catalogue()
    >>> cat.mesure("accompagnement_individuel").niveau.value
    'individuel'
    >>> cat.acteur(cat.mesure("accueil_etablissement").acteur_responsable).id
    'direction'
    >>> cat.source("annexe1/individuel/b").fichier
    '001_eee18fa9e8195a6b.txt'
    >>> cat.mesure("mentora")
    Traceback (most recent call last):
    ...
    recommandeur._erreurs.ErreurInconnu: mesure inconnue 'mentora' ; vouliez-vous dire 'mentorat' ?
    """

    model_config = ConfigDict(frozen=True)

    version: str
    mesures: tuple[Mesure, ...]
    acteurs: tuple[Acteur, ...]
    sources: tuple[Source, ...] = ()
    _mesures: Mapping[str, Mesure] = PrivateAttr()
    _acteurs: Mapping[str, Acteur] = PrivateAttr()
    _sources: Mapping[str, Source] = PrivateAttr()

    def model_post_init(self, contexte: object, /) -> None:
        self._mesures = MappingProxyType({m.id: m for m in self.mesures})
        self._acteurs = MappingProxyType({a.id: a for a in self.acteurs})
        self._sources = MappingProxyType({s.cle: s for s in self.sources})

    def mesure(self, id: str) -> Mesure:
        """La mesure d'identifiant ``id`` ; :class:`ErreurInconnu` (un ``KeyError``) sinon."""
        try:
            return self._mesures[id]
        except KeyError:
            raise ErreurInconnu("mesure inconnue", id, self._mesures) from None

    def acteur(self, id: str) -> Acteur:
        """L'acteur d'identifiant ``id`` ; :class:`ErreurInconnu` (un ``KeyError``) sinon."""
        try:
            return self._acteurs[id]
        except KeyError:
            raise ErreurInconnu("acteur inconnu", id, self._acteurs) from None

    def source(self, cle: str) -> Source:
        """Le passage désigné par une clé ; :class:`ErreurInconnu` (un ``KeyError``) sinon."""
        try:
            return self._sources[cle]
        except KeyError:
            raise ErreurInconnu("clé de source inconnue", cle, self._sources) from None

    def contient_mesure(self, id: str) -> bool:
        """Vrai si le catalogue a une mesure de cet identifiant."""
        return id in self._mesures

    @property
    def ids_mesures(self) -> tuple[str, ...]:
        """Les identifiants des mesures, dans l'ordre du catalogue."""
        return tuple(self._mesures)

    @property
    def ids_acteurs(self) -> tuple[str, ...]:
        """Les identifiants des acteurs, dans l'ordre du catalogue."""
        return tuple(self._acteurs)

    @property
    def cles_sources(self) -> tuple[str, ...]:
        """Les clés des sources, dans l'ordre du catalogue."""
        return tuple(self._sources)
