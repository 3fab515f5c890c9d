"""Les modèles du catalogue : acteurs, mesures et le catalogue qui les réunit."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from ._erreurs import suggerer
from ._messages import ValeurInconnue
from ._sources import verifier_sources
from ._vocabulaire import Besoin, Modalite, Niveau, Portee

_IDENTIFIANT = r"^[a-z][a-z0-9_]*$"


class _Immuable(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Acteur(_Immuable):
    """Un acteur de l'insertion professionnelle et les lignes de son rôle.

    >>> a = Acteur(id="mentor", libelle="Personne mentore",
    ...            role=("en accueillant la personne mentorée",), sources=("cssps/roles/mentor",))
    >>> a.libelle
    'Personne mentore'
    """

    id: str = Field(pattern=_IDENTIFIANT)
    libelle: str = Field(min_length=1)
    role: tuple[str, ...] = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)

    _verifier = field_validator("sources")(verifier_sources)


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
    modalites: tuple[Modalite, ...] = Field(min_length=1)
    acteur_responsable: str
    role_responsable: str = Field(min_length=1)
    partenaires: tuple[str, ...] = ()
    besoins: tuple[Besoin, ...] = ()
    duree: str | None = None
    frequence: str | None = None
    sources: tuple[str, ...] = Field(min_length=1)

    _verifier = field_validator("sources")(verifier_sources)


class Catalogue(BaseModel):
    """Le catalogue chargé et validé : mesures et acteurs, cherchables par identifiant.

    >>> from recommandeur import charger_catalogue
    >>> cat = charger_catalogue()
    >>> cat.mesure("accompagnement_individuel").niveau.value
    'individuel'
    >>> cat.acteur(cat.mesure("accueil_etablissement").acteur_responsable).id
    'direction'
    """

    model_config = ConfigDict(frozen=True)

    version: str
    mesures: tuple[Mesure, ...]
    acteurs: tuple[Acteur, ...]
    _mesures: Mapping[str, Mesure] = PrivateAttr()
    _acteurs: Mapping[str, Acteur] = PrivateAttr()

    def model_post_init(self, contexte: object, /) -> None:
        self._mesures = MappingProxyType({m.id: m for m in self.mesures})
        self._acteurs = MappingProxyType({a.id: a for a in self.acteurs})

    def mesure(self, id: str) -> Mesure:
        """La mesure d'identifiant ``id`` ; ``KeyError`` avec suggestion sinon."""
        try:
            return self._mesures[id]
        except KeyError:
            raise _inconnu("mesure", id, self._mesures) from None

    def acteur(self, id: str) -> Acteur:
        """L'acteur d'identifiant ``id`` ; ``KeyError`` avec suggestion sinon."""
        try:
            return self._acteurs[id]
        except KeyError:
            raise _inconnu("acteur", id, self._acteurs) from None

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


def _inconnu(genre: str, id: str, connus: Mapping[str, object]) -> KeyError:
    proches = suggerer(id, connus)
    suite = f" ; vouliez-vous dire '{proches[0]}' ?" if proches else ""
    return KeyError(
        f"{genre} inconnue {id!r}{suite}" if genre == "mesure" else f"{genre} inconnu {id!r}{suite}"
    )


def mesure_inconnue(id: str, connus: Mapping[str, object] | tuple[str, ...]) -> ValeurInconnue:
    """L'erreur de validation pour une mesure absente du catalogue."""
    return ValeurInconnue(f"mesure inconnue du catalogue {id!r}", suggerer(id, connus))
