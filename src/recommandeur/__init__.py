"""recommandeur : des mesures de soutien à l'insertion professionnelle, avec acteur et raisons."""

from ._chargement_catalogue import charger_catalogue, iter_erreurs_catalogue
from ._erreurs import (
    ErreurCatalogue,
    ErreurMoteur,
    ErreurProfil,
    ErreurRecommandeur,
    ErreurRegle,
    Probleme,
)
from ._modeles_catalogue import Acteur, Catalogue, Mesure
from ._vocabulaire import Besoin, Intensite, Modalite, Niveau, Ordre, Portee, Qualification, Statut

__all__ = [
    "Acteur",
    "Besoin",
    "Catalogue",
    "ErreurCatalogue",
    "ErreurMoteur",
    "ErreurProfil",
    "ErreurRecommandeur",
    "ErreurRegle",
    "Intensite",
    "Mesure",
    "Modalite",
    "Niveau",
    "Ordre",
    "Portee",
    "Probleme",
    "Qualification",
    "Statut",
    "charger_catalogue",
    "iter_erreurs_catalogue",
]
