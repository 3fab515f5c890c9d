"""Les modèles du profil d'une personne enseignante : besoins, affectation, qualification, école."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .._erreurs import suggerer
from .._messages import ValeurInconnue
from .._vocabulaire import Besoin, Intensite, Ordre, Qualification, Statut


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Affectation(_Strict):
    """L'affectation de la personne (tâche, écoles, clientèle)."""

    partage_de_tache: bool = False
    nb_ecoles: int = Field(default=1, ge=1, le=20)
    specialiste: bool = False
    classe_multiniveau: bool = False
    adaptation_scolaire: bool = False
    nouveau_dans_l_ecole: bool = False
    nouveau_dans_le_centre: bool = False


class Ecole(_Strict):
    """Le contexte de l'école principale.

    ``part_novices`` (0 à 1) et ``imse`` (rang de 1 à 10 de l'indice de milieu
    socio-économique) peuvent rester inconnus (``None``) : une condition de règle
    sur un champ inconnu n'est jamais satisfaite.
    """

    part_novices: float | None = Field(default=None, ge=0.0, le=1.0)
    imse: int | None = Field(default=None, ge=1, le=10)
    region_eloignee: bool = False
    nb_batiments: int = Field(default=1, ge=1, le=20)
    mentor_dans_l_ecole: bool = True
    pedagogie_alternative: bool = False


class MesureRecue(_Strict):
    """Une mesure du catalogue déjà reçue, et si elle a eu l'effet attendu."""

    mesure: str = Field(min_length=1)
    efficace: bool = True


class Profil(_Strict):
    """Le profil d'une personne enseignante en insertion professionnelle.

    Seuls ``annees_experience`` et ``ordre`` sont obligatoires.

    >>> p = Profil(annees_experience=1, ordre="primaire", besoins={"gestion_de_classe": "elevee"})
    >>> p.besoins[Besoin.GESTION_DE_CLASSE].libelle
    'élevée'
    >>> p.ecole.mentor_dans_l_ecole
    True
    """

    annees_experience: int = Field(ge=0, le=60)
    ordre: Ordre
    statut: Statut = Statut.CONTRAT
    qualification: Qualification = Qualification.LEGALEMENT_QUALIFIE
    formation_hors_quebec: bool = False
    affectation: Affectation = Affectation()
    besoins: dict[Besoin, Intensite] = Field(default_factory=dict)
    signaux_de_detresse: bool = False
    mesures_recues: tuple[MesureRecue, ...] = ()
    ecole: Ecole = Ecole()

    @field_validator("mesures_recues")
    @classmethod
    def _mesures_connues(
        cls, valeur: tuple[MesureRecue, ...], info: Any
    ) -> tuple[MesureRecue, ...]:
        contexte = info.context or {}
        connues = contexte.get("mesures")
        vues: set[str] = set()
        for recue in valeur:
            if connues is not None and recue.mesure not in connues:
                raise ValeurInconnue(
                    f"mesure reçue inconnue du catalogue {recue.mesure!r}",
                    suggerer(recue.mesure, connues),
                )
            if recue.mesure in vues:
                raise ValueError(f"mesure reçue déclarée deux fois : {recue.mesure!r}")
            vues.add(recue.mesure)
        return valeur
