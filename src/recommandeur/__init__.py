"""recommandeur : des mesures de soutien à l'insertion professionnelle, avec acteur et raisons.

>>> from recommandeur import recommander
>>> reco = recommander({"annees_experience": 1, "ordre": "secondaire"})
>>> reco.mesures[0].acteur.libelle != ""
True
"""

from ._chargement_catalogue import charger_catalogue, iter_erreurs_catalogue
from ._compilation import BaseDeRegles, RegleCompilee, charger_regles, iter_erreurs_regles
from ._couverture import Cellule, Constat, RapportCouverture, couverture
from ._erreurs import (
    ErreurCatalogue,
    ErreurMoteur,
    ErreurProfil,
    ErreurRecommandeur,
    ErreurRegle,
    Probleme,
)
from ._explorer import EtSi, PourquoiPas, et_si, pourquoi_pas
from ._graphe import ecrire_graphe, graphe
from ._lot import recommander_lot
from ._modeles_catalogue import Acteur, Catalogue, Mesure
from ._moteur import Moteur
from ._profil import Affectation, Ecole, MesureRecue, Profil
from ._recommandation import (
    Escalade,
    MesureEcartee,
    MesureRecommandee,
    Motif,
    Recommandation,
    recommander,
)
from ._regles import Explication
from ._vocabulaire import Besoin, Intensite, Modalite, Niveau, Ordre, Portee, Qualification, Statut

__version__ = "0.1.0"

__all__ = [
    "Acteur",
    "Affectation",
    "BaseDeRegles",
    "Besoin",
    "Catalogue",
    "Cellule",
    "Constat",
    "Ecole",
    "ErreurCatalogue",
    "ErreurMoteur",
    "ErreurProfil",
    "ErreurRecommandeur",
    "ErreurRegle",
    "Escalade",
    "EtSi",
    "Explication",
    "Intensite",
    "Mesure",
    "MesureEcartee",
    "MesureRecommandee",
    "MesureRecue",
    "Modalite",
    "Moteur",
    "Motif",
    "Niveau",
    "Ordre",
    "Portee",
    "PourquoiPas",
    "Probleme",
    "Profil",
    "Qualification",
    "RapportCouverture",
    "Recommandation",
    "RegleCompilee",
    "Statut",
    "charger_catalogue",
    "charger_regles",
    "couverture",
    "ecrire_graphe",
    "et_si",
    "graphe",
    "iter_erreurs_catalogue",
    "iter_erreurs_regles",
    "pourquoi_pas",
    "recommander",
    "recommander_lot",
]
