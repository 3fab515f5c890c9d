"""Les paramètres de capacité et de coût du programme (``[[capacite]]``, ``catalogue/capacite.toml``).

Chacun a un identifiant connu de la bibliothèque (:data:`PARAMETRES_DE_CAPACITE`), une
valeur, son unité, son libellé et son origine : un passage de 003, ou une convention du
catalogue dite en mots simples. Une surcouche met à jour un paramètre de même ``id`` (seules
les clés données changent, comme ``[[parametre]]``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .._base.entrees import identifiant, lire_identifiee
from .._base.erreurs import Probleme, renvoi_inconnu, suggerer
from .._base.schema_json import nettoyer_schema

#: Les paramètres que lit le plan (``_programme/ressources/capacite.py``), par identifiant.
PARAMETRES_DE_CAPACITE = (
    "liberation_mentor",
    "compensation_mentor",
    "journees_suivi_pane",
    "heures_par_etp",
    "heures_par_journee",
    "mentors_par_cohorte_pane",
    "cout_etp_enseignant",
    "cout_etp_professionnel",
)


class ParametreCapacite(BaseModel):
    """Un paramètre de capacité ou de coût, avec son origine.

    >>> p = ParametreCapacite(id="liberation_mentor", valeur=0.2, unite="part de la tâche",
    ...                       libelle="libération", origine="le rapport du CSSPS")
    >>> p.valeur, p.convention
    (0.2, False)
    """

    model_config = ConfigDict(
        json_schema_extra=nettoyer_schema, frozen=True, extra="forbid", str_strip_whitespace=True
    )

    id: str = Field(min_length=1, max_length=80)
    valeur: float = Field(gt=0, le=10_000_000)
    unite: str = Field(min_length=1, max_length=100)
    libelle: str = Field(min_length=1, max_length=300)
    origine: str = Field(min_length=1, max_length=500)
    #: Vrai : une convention du catalogue (ou du centre), hors des documents sources.
    convention: bool = False
    #: Les acteurs à qui le paramètre s'applique (un coût d'ETP), s'il y a lieu.
    acteurs: tuple[str, ...] = ()


def lire_capacite(
    nom: str,
    rang: int,
    brute: dict[str, Any],
    lus: dict[str, tuple[str, ParametreCapacite]],
    problemes: list[Probleme],
) -> None:
    """Un ``[[capacite]]`` connu et validé, ajouté à ``lus`` (le dernier d'un ``id`` l'emporte) ;
    ses problèmes à ``problemes`` sinon."""
    ident = identifiant(brute, "capacite", rang)
    if ident not in PARAMETRES_DE_CAPACITE:
        problemes.append(
            Probleme(
                f"paramètre de capacité inconnu ; attendu : {', '.join(PARAMETRES_DE_CAPACITE)}",
                fichier=nom,
                id=ident,
                champ="id",
                valeur=brute.get("id"),
                suggestions=suggerer(str(brute.get("id")), PARAMETRES_DE_CAPACITE),
                code="valeur_inconnue",
            )
        )
        return
    lire_identifiee(
        ParametreCapacite, nom, rang, brute, lus, problemes, genre="capacite", remplacer=True
    )


def verifier_capacite(
    nom: str, parametre: ParametreCapacite, acteurs: Collection[str], invalides: Collection[str]
) -> Iterator[Probleme]:
    """Les acteurs d'un paramètre existent (un acteur refusé n'est pas dit une seconde fois)."""
    for rang, acteur in enumerate(parametre.acteurs):
        if acteur not in acteurs and acteur not in invalides:
            yield renvoi_inconnu(
                "acteur inconnu",
                acteur,
                acteurs,
                fichier=nom,
                id=parametre.id,
                champ=f"acteurs[{rang}]",
            )
