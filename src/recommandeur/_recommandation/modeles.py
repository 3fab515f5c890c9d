"""Les modèles de sortie de :func:`~recommandeur.recommander` : immuables, en JSON et relus du JSON.

Ils sont construits par ``model_construct`` à partir de données déjà validées (le profil, le
catalogue, les règles compilées) : aucune validation n'est refaite à chaque
recommandation. ``Recommandation.model_validate`` relit le JSON produit, avec validation.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .._catalogue.modeles import Acteur, Mesure
from .._profil.modeles import Profil
from .._rendu.recommandation import phrase_escalade, texte_recommandation
from .._vocabulaire import Besoin, Intensite


class _Sortie(BaseModel):
    model_config = ConfigDict(frozen=True)


class Motif(_Sortie):
    """Une règle qui a mené à une mesure : son texte, les faits lus et ses sources."""

    regle: str
    titre: str
    poids: float
    texte: str
    faits: tuple[str, ...]
    sources: tuple[str, ...]


class MesureRecommandee(_Sortie):
    """Une mesure recommandée, avec son acteur responsable, son score et ses raisons."""

    rang: int
    mesure: Mesure
    acteur: Acteur
    partenaires: list[Acteur]
    score: float
    justification: str
    regles: list[str]
    motifs: list[Motif]
    sources: list[str]
    deja_recue: bool


class MesureEcartee(_Sortie):
    """Une mesure que des règles recommandaient mais qui est écartée, et pourquoi."""

    mesure: str
    libelle: str
    raison: str
    regles: list[str]


class Escalade(_Sortie):
    """Un besoin monté d'un cran parce qu'une mesure reçue est restée sans effet."""

    besoin: Besoin
    declaree: Intensite
    effective: Intensite
    mesures_sans_effet: list[str]

    @property
    def phrase(self) -> str:
        """La phrase qui l'explique."""
        return phrase_escalade(self)


class Recommandation(_Sortie):
    """Le résultat de :func:`recommander` : les mesures classées, de la meilleure à la moins bonne."""

    profil: Profil
    mesures: list[MesureRecommandee]
    ecartees: list[MesureEcartee]
    escalades: list[Escalade]
    regles_declenchees: list[str]
    version_catalogue: str
    version_regles: str

    def texte(self, details: bool = False) -> str:
        """Le classement, lisible : rang, mesure, niveau, acteur, justification courte.

        Avec ``details=True``, chaque mesure donne toutes ses raisons, faits et sources.
        """
        return texte_recommandation(self, details)

    def __str__(self) -> str:
        return self.texte()
