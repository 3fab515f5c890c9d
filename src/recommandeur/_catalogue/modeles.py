"""Les modèles du catalogue : passages des sources, acteurs, mesures et le catalogue qui les réunit."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, Any, Literal, Self, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr

from .._base.erreurs import ErreurInconnu
from .._base.rendus import Rendu
from .._base.schema_json import nettoyer_schema
from .._vocabulaire import Besoin, Destinataire, Modalite, Niveau, Ordre, Portee
from .._vocabulaire.titres import inscrire_titre
from .deploiement import Etape, Heures, ParametreCapacite

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
    model_config = ConfigDict(
        json_schema_extra=nettoyer_schema, frozen=True, extra="forbid", str_strip_whitespace=True
    )


class Source(_Immuable):
    """Un passage d'un document source, désigné par une clé.

    >>> Source(cle="cnipe/niveau3", fichier="002_b4031a92842589cc.txt",
    ...        passage="Level 3 : personalized support systems").fichier
    '002_b4031a92842589cc.txt'
    """

    cle: str = Field(pattern=FORME_CLE_SOURCE, max_length=80)
    fichier: str = Field(min_length=1, max_length=200)
    lieu: str = Field("", max_length=300, description="où est le passage dans le document")
    passage: str = Field(min_length=1, max_length=4000)
    #: L'acteur dont parle le passage (un témoignage sur les personnes mentores, le rôle de la
    #: CP...) : une raison qui le cite ne vaut que si cet acteur porte la mesure.
    sujet: str | None = Field(None, pattern=r"^[a-z][a-z0-9_]*$", max_length=80)
    #: Le titre court de son document (« l'Annexe 1 »), posé au chargement par ``[[document]]``.
    titre: str = Field("", max_length=200)
    #: La langue de son document (``en`` : montré comme passage original, jamais entre « »).
    langue: Literal["fr", "en"] = "fr"


#: La présence d'un acteur : toujours là, à confirmer, ou le champ ``ecole.<x>`` du profil qui le dit.
FORME_PRESENCE = r"^(toujours|a_confirmer|ecole\.[a-z_]+)$"


class Acteur(_Immuable):
    """Un acteur de l'insertion professionnelle, sa présence et les lignes de son rôle.

    >>> a = Acteur(id="mentor", libelle="Personne mentore", presence="ecole.mentor_dans_l_ecole",
    ...            role=("en accueillant la personne mentorée",), sources=("cssps/roles/mentor",))
    >>> a.libelle, a.insertion_seulement
    ('Personne mentore', False)
    """

    id: str = Field(pattern=_IDENTIFIANT)
    libelle: str = Field(min_length=1)
    presence: str = Field(
        "toujours",
        pattern=FORME_PRESENCE,
        description="« toujours », « a_confirmer », ou le champ du profil qui dit s'il est présent",
    )
    insertion_seulement: bool = Field(
        False, description="ne sert que les personnes en insertion professionnelle"
    )
    role_cite: bool = Field(
        True, description="les lignes du rôle sont recopiées telles quelles d'un document source"
    )
    role: Annotated[tuple[str, ...], Uniques] = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)

    def __repr__(self) -> str:
        return (
            f"<Acteur {self.id} : {self.libelle} — présence {self.presence}, "
            f"{len(self.role)} ligne(s) de rôle>"
        )

    def __str__(self) -> str:
        return TEXTE_ACTEUR(self)

    def _repr_html_(self) -> str:
        return HTML_ACTEUR(self, passages_connus())


class Intervenant(_Immuable):
    """Un intervenant possible d'une mesure : l'acteur, et la ligne de son rôle qui le justifie.

    Sans ligne (``role`` absent), aucun document ne nomme l'intervenant de cette mesure : c'est
    un choix du catalogue, et le texte le dit.
    """

    acteur: str = Field(pattern=_IDENTIFIANT)
    role: str | None = Field(None, min_length=1)


class Mesure(_Immuable):
    """Une mesure (modalité ou dispositif) de soutien du catalogue.

    ``destinataire`` dit si elle est offerte à la personne ou si c'est une action du milieu.
    ``intervenants`` sont ceux qui peuvent l'offrir, du plus proche au plus lointain, chacun
    avec la ligne de son rôle qui le justifie (elle doit figurer dans ``Acteur.role``).
    ``charge`` : elle ajoute une charge ou une exposition (différée en cas de détresse).
    ``mentorat`` : une forme de mentorat (sans effet, une autre personne mentore est proposée).
    ``confidentielle`` : elle révèle la détresse (absente d'un fichier du centre, sauf demande).
    """

    id: str = Field(pattern=_IDENTIFIANT)
    libelle: str = Field(min_length=1)
    description: str = Field(min_length=1)
    niveau: Niveau
    destinataire: Destinataire
    portee: Portee
    modalites: Annotated[tuple[Modalite, ...], Uniques] = Field(min_length=1)
    intervenants: tuple[Intervenant, ...] = Field(min_length=1)
    partenaires: tuple[str, ...] = ()
    besoins: Annotated[tuple[Besoin, ...], Uniques] = ()
    charge: bool = False
    mentorat: bool = False
    confidentielle: bool = False
    duree: str | None = None
    frequence: str | None = None
    sources: tuple[str, ...] = Field(min_length=1)

    @property
    def acteur_responsable(self) -> str:
        """L'identifiant du premier intervenant (le plus proche)."""
        return self.intervenants[0].acteur

    @property
    def role_responsable(self) -> str | None:
        """La ligne du rôle du premier intervenant."""
        return self.intervenants[0].role

    def __repr__(self) -> str:
        qui = ", ".join(i.acteur for i in self.intervenants)
        return (
            f"<Mesure {self.id} : {self.libelle} — {self.niveau.value}, pour "
            f"{self.destinataire.value}, par {qui}>"
        )

    def __str__(self) -> str:
        return TEXTE_MESURE(self)

    def _repr_html_(self) -> str:
        return HTML_MESURE(self, passages_connus())


#: Les passages des sources des catalogues construits, par clé (le dernier construit l'emporte) :
#: les rendus HTML d'un résultat, qui ne garde que les clés, y trouvent le texte cité.
_PASSAGES_CONNUS: dict[str, Source] = {}


def passages_connus() -> Mapping[str, Source]:
    """Les passages des sources des catalogues construits jusqu'ici, par clé."""
    return MappingProxyType(_PASSAGES_CONNUS)


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
    recommandeur.ErreurInconnu: mesure inconnue 'mentora' ; vouliez-vous dire 'mentorat' ?
    """

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)
    version: str
    mesures: tuple[Mesure, ...]
    acteurs: tuple[Acteur, ...]
    sources: tuple[Source, ...] = ()
    #: Les ressources que le centre déclare pour toutes ses écoles (``{"pane": True}``).
    ressources: dict[str, bool] = Field(default_factory=dict)
    #: Les étapes des plans de déploiement par école (``deploiement.toml``).
    etapes: tuple[Etape, ...] = ()
    #: Les heures des mesures qu'un centre (ou un document) donne, par mesure (``[[heures]]``).
    heures: dict[str, Heures] = Field(default_factory=dict)
    #: Les ordres que couvre le programme de mentorat (``[programme]``) ; par défaut, le CSSPS.
    ordres_du_programme: tuple[Ordre, ...] = (Ordre.PRESCOLAIRE, Ordre.PRIMAIRE, Ordre.SECONDAIRE)
    capacite: dict[str, ParametreCapacite] = Field(default_factory=dict)  # [[capacite]]
    _mesures: Mapping[str, Mesure] = PrivateAttr()
    _acteurs: Mapping[str, Acteur] = PrivateAttr()
    _sources: Mapping[str, Source] = PrivateAttr()

    def model_post_init(self, contexte: object, /) -> None:
        self._mesures = MappingProxyType({m.id: m for m in self.mesures})
        self._acteurs = MappingProxyType({a.id: a for a in self.acteurs})
        self._sources = MappingProxyType({s.cle: s for s in self.sources})
        _PASSAGES_CONNUS.update(self._sources)
        for s in self.sources:
            inscrire_titre(s.cle, s.titre, s.lieu)

    # Les index (privés, en lecture seule) se déduisent des champs : la sérialisation Python,
    # copy.deepcopy et model_copy(deep=True) ne copient que les champs et refont les index.
    def __getstate__(self) -> dict[Any, Any]:
        return {**super().__getstate__(), "__pydantic_private__": {}}

    def __setstate__(self, etat: dict[Any, Any]) -> None:
        super().__setstate__(etat)
        self.model_post_init(None)

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        copie = type(self).__new__(type(self))
        copie.__setstate__(copy.deepcopy(self.__getstate__(), memo))
        return copie

    def __repr__(self) -> str:
        niveaux = ", ".join(f"{sum(m.niveau is n for m in self.mesures)} {n.value}" for n in Niveau)
        return (
            f"<Catalogue {self.version} : {len(self.mesures)} mesures ({niveaux}), "
            f"{len(self.acteurs)} acteurs, {len(self.sources)} sources ; cat.mesure(id)>"
        )

    def __str__(self) -> str:
        return TEXTE_CATALOGUE(self)

    def _repr_html_(self) -> str:
        return HTML_CATALOGUE(self)

    def mesure(self, id: str) -> Mesure:
        """La mesure d'identifiant ``id`` ; :class:`ErreurInconnu` (un ``KeyError``) sinon."""
        try:
            return self._mesures[id]
        except KeyError:
            raise ErreurInconnu("mesure inconnue", id, self._mesures, "id") from None

    def acteur(self, id: str) -> Acteur:
        """L'acteur d'identifiant ``id`` ; :class:`ErreurInconnu` (un ``KeyError``) sinon."""
        try:
            return self._acteurs[id]
        except KeyError:
            raise ErreurInconnu("acteur inconnu", id, self._acteurs, "id") from None

    def source(self, cle: str) -> Source:
        """Le passage désigné par une clé ; :class:`ErreurInconnu` (un ``KeyError``) sinon."""
        try:
            return self._sources[cle]
        except KeyError:
            raise ErreurInconnu("clé de source inconnue", cle, self._sources, "cle") from None

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


# Les affichages, fournis par la couche de rendu (le modèle ne l'importe pas).
_F = "recommandeur._rendu.rendus"
TEXTE_ACTEUR: Rendu[[Acteur], str] = Rendu("texte d'un acteur", _F)
HTML_ACTEUR: Rendu[[Acteur, Mapping[str, Source]], str] = Rendu("HTML d'un acteur", _F)
TEXTE_MESURE: Rendu[[Mesure], str] = Rendu("texte d'une mesure", _F)
HTML_MESURE: Rendu[[Mesure, Mapping[str, Source]], str] = Rendu("HTML d'une mesure", _F)
TEXTE_CATALOGUE: Rendu[[Catalogue], str] = Rendu("texte du catalogue", _F)
HTML_CATALOGUE: Rendu[[Catalogue], str] = Rendu("HTML du catalogue", _F)
