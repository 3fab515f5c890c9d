"""recommandeur : des mesures de soutien à l'insertion professionnelle, avec acteur et raisons.

Le chemin d'un profil jusqu'à une recommandation suit les sous-paquets : le profil
(``_profil``), le catalogue (``_catalogue``), le langage des règles (``_langage``), le moteur
(``_moteur``), le classement (``_recommandation``), l'analyse (``_analyse``) et les textes
(``_rendu``). Tout ce qui est public s'importe d'ici.

>>> from recommandeur import recommander
>>> reco = recommander({"annees_experience": 1, "ordre": "secondaire"})
>>> reco.mesures[0].acteur.libelle != ""
True
"""

from importlib.metadata import PackageNotFoundError, version

from ._analyse.constats import Cellule, Constat, RapportCouverture
from ._analyse.couverture import couverture
from ._analyse.graphe import ecrire_graphe, graphe
from ._catalogue.chargement import charger_catalogue, iter_erreurs_catalogue
from ._catalogue.modeles import Acteur, Catalogue, Mesure, Source
from ._erreurs import (
    ErreurArgument,
    ErreurCatalogue,
    ErreurEffectifs,
    ErreurInconnu,
    ErreurMoteur,
    ErreurProfil,
    ErreurRecommandeur,
    ErreurRegle,
    Probleme,
)
from ._langage.chargement import BaseDeRegles, Donnees, charger_regles, iter_erreurs_regles
from ._langage.regle import RegleCompilee
from ._langage.syntaxe import Explication
from ._moteur.moteur import Moteur, definir_moteur_par_defaut, moteur_par_defaut, schema_profil
from ._profil.modeles import Affectation, Ecole, MesureRecue, Profil
from ._programme.ecoles import EcoleDuCentre
from ._programme.effectifs import Effectifs, Enseignant, charger_effectifs
from ._programme.modeles import Plan
from ._programme.planifier import planifier
from ._recommandation.explorer import EtSi, PourquoiPas, et_si, pourquoi_pas
from ._recommandation.lot import recommander_lot
from ._recommandation.modeles import (
    Escalade,
    Fait,
    MesureEcartee,
    MesureRecommandee,
    Motif,
    Recommandation,
)
from ._recommandation.recommander import recommander
from ._recommandation.schema import schema_resultat
from ._vocabulaire import (
    Besoin,
    GenreSuppleance,
    Intensite,
    Modalite,
    Niveau,
    Ordre,
    Portee,
    Qualification,
    Statut,
)

try:
    __version__ = version("recommandeur")
except PackageNotFoundError:  # pragma: no cover - une copie de travail non installée
    __version__ = "0+inconnue"

__all__ = [
    "Acteur",
    "Affectation",
    "BaseDeRegles",
    "Besoin",
    "Catalogue",
    "Cellule",
    "Constat",
    "Donnees",
    "Ecole",
    "EcoleDuCentre",
    "Effectifs",
    "Enseignant",
    "ErreurArgument",
    "ErreurCatalogue",
    "ErreurEffectifs",
    "ErreurInconnu",
    "ErreurMoteur",
    "ErreurProfil",
    "ErreurRecommandeur",
    "ErreurRegle",
    "Escalade",
    "EtSi",
    "Explication",
    "Fait",
    "GenreSuppleance",
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
    "Plan",
    "Portee",
    "PourquoiPas",
    "Probleme",
    "Profil",
    "Qualification",
    "RapportCouverture",
    "Recommandation",
    "RegleCompilee",
    "Source",
    "Statut",
    "charger_catalogue",
    "charger_effectifs",
    "charger_regles",
    "couverture",
    "definir_moteur_par_defaut",
    "ecrire_graphe",
    "et_si",
    "graphe",
    "iter_erreurs_catalogue",
    "iter_erreurs_regles",
    "moteur_par_defaut",
    "planifier",
    "pourquoi_pas",
    "recommander",
    "recommander_lot",
    "schema_profil",
    "schema_resultat",
]
