"""Le vocabulaire du domaine : les énumérations, les titres des documents, « centre » ou « école ».

Le paquet réexporte les énumérations de :mod:`.enumerations` (``from .._vocabulaire import
Niveau``) ; les titres et le centre s'importent de leur module.
"""

from .enumerations import (
    _LIBELLES,
    DEBUT_FIN_DE_PERIODE,
    FIN_DE_PERIODE,
    Besoin,
    CycleAction,
    Destinataire,
    GenreSuppleance,
    Intensite,
    Modalite,
    Niveau,
    Ordre,
    PeriodeInsertion,
    Portee,
    Presence,
    Qualification,
    Statut,
    _Libelle,
)
from .insertion import annees_au_quebec, periode_d_insertion

__all__ = [
    "DEBUT_FIN_DE_PERIODE",
    "FIN_DE_PERIODE",
    "_LIBELLES",
    "Besoin",
    "CycleAction",
    "Destinataire",
    "GenreSuppleance",
    "Intensite",
    "Modalite",
    "Niveau",
    "Ordre",
    "PeriodeInsertion",
    "Portee",
    "Presence",
    "Qualification",
    "Statut",
    "_Libelle",
    "annees_au_quebec",
    "periode_d_insertion",
]
