"""Les résultats de l'analyse de couverture : constats, cellules et le rapport qui les réunit."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .._base.schema_json import nettoyer_schema
from .._langage.declarations import Explication
from .._rendu.apercus import apercu_couverture
from .._rendu.couverture import markdown_couverture, texte_couverture
from .._rendu.html import html_couverture
from .._vocabulaire import Besoin, Intensite, Niveau


class Constat(BaseModel):
    """Un constat de l'analyse : son genre, ce qu'il vise, et son explication s'il en a une."""

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)

    genre: str
    message: str
    regles: list[str] = []
    fichiers: list[str] = []
    mesure: str | None = None
    acteur: str | None = None
    besoin: Besoin | None = None
    intensite: Intensite | None = None
    niveau: Niveau | None = None
    explication: str | None = None

    def vise_par(self, explication: Explication) -> bool:
        """Vrai si l'explication porte sur ce constat."""
        if explication.constat != self.genre:
            return False
        if explication.regle is not None and explication.regle not in self.regles:
            return False
        return all(
            getattr(explication, cle) is None or getattr(explication, cle) == getattr(self, cle)
            for cle in ("mesure", "acteur", "besoin", "intensite", "niveau")
        )

    def __str__(self) -> str:
        suite = f" — expliqué : {self.explication}" if self.explication else ""
        return f"[{self.genre}] {self.message}{suite}"


class Cellule(BaseModel):
    """Les mesures atteignables pour un besoin, à une intensité, à un niveau de soutien."""

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)

    besoin: Besoin
    intensite: Intensite
    niveau: Niveau
    mesures: list[str]
    regles: list[str]


class RapportCouverture(BaseModel):
    """Le rapport de :func:`couverture`, en données et en texte."""

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)

    version_catalogue: str
    version_regles: str
    cellules: list[Cellule]
    constats: list[Constat]

    @property
    def non_expliques(self) -> list[Constat]:
        """Les constats qu'aucune explication ne vise : à corriger."""
        return [c for c in self.constats if c.explication is None]

    def cellule(
        self, besoin: Besoin | str, intensite: Intensite | str, niveau: Niveau | str
    ) -> Cellule:
        """La cellule d'un besoin, d'une intensité et d'un niveau."""
        cle = (Besoin(besoin), Intensite(intensite), Niveau(niveau))
        return next(c for c in self.cellules if (c.besoin, c.intensite, c.niveau) == cle)

    def texte(self) -> str:
        """Le rapport lisible, en français."""
        return texte_couverture(self)

    def markdown(self) -> str:
        """Le rapport en Markdown (celui de ``docs/couverture.md``)."""
        return markdown_couverture(self)

    def __str__(self) -> str:
        return self.texte()

    def __repr__(self) -> str:
        return apercu_couverture(self)

    def _repr_html_(self) -> str:
        return html_couverture(self)
