"""Une règle compilée : sa condition, ses propositions (les mesures qu'elle recommande), ses sources.

La compilation d'une règle source (la vérifier et la normaliser) est dans
:mod:`.compilation_regle` : un moteur relu du cache revalide des règles compilées sans
l'importer, ni la syntaxe des fichiers de règles.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .._base.schema_json import nettoyer_schema
from .._catalogue.modeles import Intervenant
from .expressions import Expression, atomes


class Proposition(BaseModel):
    """Une mesure que propose une règle : poids, priorité, raison propre, sources, intervenants."""

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)

    mesure: str
    poids: float
    #: Son rang parmi les offres à faire d'abord (1 vient avant 2 ; ``None`` : pas prioritaire).
    priorite: int | None = None
    #: Ce que la mesure apporte dans cette situation (``None`` : le texte de la règle suffit).
    pourquoi: str | None = None
    #: Les sources de cette raison : celles de la proposition, sinon celles de la règle.
    sources: tuple[str, ...] = ()
    #: Les intervenants retenus pour cette situation (vide : ceux de la mesure).
    intervenants: tuple[Intervenant, ...] = ()
    #: La raison propre à un intervenant, quand c'est lui qui porte la mesure.
    pourquoi_par: tuple[tuple[str, str], ...] = ()


class RegleCompilee(BaseModel):
    """Une règle vérifiée et compilée, prête pour le moteur et l'évaluateur."""

    model_config = ConfigDict(
        json_schema_extra=nettoyer_schema, frozen=True, arbitrary_types_allowed=True
    )

    id: str
    fichier: str
    titre: str
    condition: Expression
    propositions: tuple[Proposition, ...]
    justification: str
    sources: tuple[str, ...]
    #: Les paramètres que la règle lit (dans sa condition ou son gabarit).
    parametres: tuple[str, ...] = ()

    @property
    def champs(self) -> tuple[str, ...]:
        """Les champs que la condition lit, dans l'ordre de première apparition."""
        return tuple(dict.fromkeys(t.champ for t in atomes(self.condition)))

    @property
    def recommandations(self) -> tuple[tuple[str, float], ...]:
        """Les ``(mesure, poids)`` de la règle, dans l'ordre."""
        return tuple((p.mesure, p.poids) for p in self.propositions)
