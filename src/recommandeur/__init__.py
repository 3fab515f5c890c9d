"""recommandeur : des mesures de soutien à l'insertion professionnelle, avec acteur et raisons.

Le chemin d'un profil jusqu'à une recommandation suit les sous-paquets : le profil
(``_profil``), le catalogue (``_catalogue``), le langage des règles (``_langage``), le moteur
(``_moteur``), le classement (``_recommandation``), l'analyse (``_analyse``) et les textes
(``_rendu``). Tout ce qui est public s'importe d'ici, **à la demande** (PEP 562) : ``import
recommandeur`` n'importe aucun sous-module, et ``recommandeur.recommander`` seulement ce qu'une
recommandation utilise (ni le plan, ni le suivi, ni l'analyse : voir docs/performances.md).

>>> from recommandeur import recommander
>>> reco = recommander({"annees_experience": 1, "ordre": "secondaire"})
>>> reco.mesures[0].acteur.libelle != ""
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._analyse.constats import Cellule, Constat, RapportCouverture
    from ._analyse.couverture import couverture
    from ._analyse.graphe import ecrire_graphe, graphe
    from ._base.erreurs import (
        ErreurArgument,
        ErreurCatalogue,
        ErreurEffectifs,
        ErreurInconnu,
        ErreurMoteur,
        ErreurProfil,
        ErreurRecommandeur,
        ErreurRegle,
        Plage,
        Probleme,
    )
    from ._base.probleme import CODES
    from ._base.schema_erreur import (
        ErreurEnDonnees,
        PlageEnDonnees,
        ProblemeEnDonnees,
        schema_erreur,
    )
    from ._catalogue.chargement import charger_catalogue, iter_erreurs_catalogue
    from ._catalogue.deploiement import Etape, Heures, ParametreCapacite
    from ._catalogue.modeles import Acteur, Catalogue, Intervenant, Mesure, Source
    from ._catalogue.surcouche import Ajustements, Poids, Surcouche
    from ._langage.base import BaseDeRegles
    from ._langage.chargement import APourDonnees, Donnees, charger_regles, iter_erreurs_regles
    from ._langage.declarations import Explication, Parametre
    from ._langage.expressions import Atome, Et, Ou
    from ._langage.operateurs import OPERATEURS, Operateur
    from ._langage.regle import Proposition, RegleCompilee
    from ._moteur.fait import FaitEvalue
    from ._moteur.moteur import Moteur, definir_moteur_par_defaut, moteur_par_defaut, schema_profil
    from ._profil.besoins import Besoins
    from ._profil.modeles import Affectation, Ecole, MesureRecue, Profil
    from ._programme.centre.calendrier import EtapeCalendrier
    from ._programme.comparaison import ComparaisonPlans, EcoleComparee, Indicateur, comparer_plans
    from ._programme.donnees.ecoles import EcoleDuCentre
    from ._programme.donnees.effectifs import Effectifs, Enseignant, charger_effectifs
    from ._programme.donnees.mentors import Mentor, charger_mentors
    from ._programme.jumelage.modeles_mentorat import (
        Appariement,
        Capacite,
        ChargeMentor,
        Cout,
        HeuresRole,
        NonApparie,
        Paire,
    )
    from ._programme.modeles import (
        ActionEcole,
        Alerte,
        Bilan,
        BilanMesure,
        Charge,
        EtapePlan,
        Groupe,
        LigneEcole,
        Plan,
        PlanEcole,
        PlanEnseignant,
        Portrait,
        Tranche,
    )
    from ._programme.planifier import planifier
    from ._programme.plans_d_ecole.calibrage import Calibrage, Declencheur, EcoleSignalee
    from ._programme.provincial.province import planifier_province, verifier_province
    from ._programme.provincial.recapitulatif import LigneProvince
    from ._recommandation.explorer import (
        ChangementIntervenant,
        Condition,
        Deplacement,
        EtSi,
        PourquoiPas,
        RegleExaminee,
        et_si,
        pourquoi_pas,
    )
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
    from ._recommandation.references import ActeurEnTable, MesureEnTable, Tables
    from ._recommandation.reparation import Changement, QueFaudraitIl, Solution, que_faudrait_il
    from ._recommandation.schema import schema_resultat
    from ._suivi.bilan import BilanSuivi, Effets
    from ._suivi.bilan import bilan as bilan_de_suivi
    from ._suivi.echeances import Echeance, Intervalle, a_revoir
    from ._suivi.entrees import (
        Arrivee,
        Consentement,
        Debut,
        Instantane,
        RecommandationFaite,
        Reponse,
        Revue,
        entree,
    )
    from ._suivi.erreurs import ErreurSuivi
    from ._suivi.historique import MesureSuivie, mesures_suivies, profil_courant
    from ._suivi.journal import Journal
    from ._suivi.tableau import LigneTableau
    from ._suivi.tableau import tableau as tableau_de_suivi
    from ._vocabulaire import (
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
    )

#: D'où vient chaque nom public : module (relatif au paquet) et noms ; ``nom=attribut`` quand
#: le nom public n'est pas celui du module. Un nom n'est importé qu'au premier accès (PEP 562).
_MODULES = {
    "_analyse.constats": "Cellule Constat RapportCouverture",
    "_analyse.couverture": "couverture",
    "_analyse.graphe": "ecrire_graphe graphe",
    "_base.erreurs": (
        "ErreurArgument ErreurCatalogue ErreurEffectifs ErreurInconnu "
        "ErreurMoteur ErreurProfil ErreurRecommandeur ErreurRegle Plage "
        "Probleme"
    ),
    "_base.probleme": "CODES",
    "_base.schema_erreur": "ErreurEnDonnees PlageEnDonnees ProblemeEnDonnees schema_erreur",
    "_catalogue.chargement": "charger_catalogue iter_erreurs_catalogue",
    "_catalogue.deploiement": "Etape Heures ParametreCapacite",
    "_catalogue.modeles": "Acteur Catalogue Intervenant Mesure Source",
    "_catalogue.surcouche": "Ajustements Poids Surcouche",
    "_langage.base": "BaseDeRegles",
    "_langage.declarations": "Explication Parametre",
    "_langage.chargement": "APourDonnees Donnees charger_regles iter_erreurs_regles",
    "_langage.expressions": "Atome Et Ou",
    "_langage.operateurs": "OPERATEURS Operateur",
    "_langage.regle": "Proposition RegleCompilee",
    "_moteur.fait": "FaitEvalue",
    "_moteur.moteur": "Moteur definir_moteur_par_defaut moteur_par_defaut schema_profil",
    "_profil.besoins": "Besoins",
    "_profil.modeles": "Affectation Ecole MesureRecue Profil",
    "_programme.centre.calendrier": "EtapeCalendrier",
    "_programme.plans_d_ecole.calibrage": "Calibrage Declencheur EcoleSignalee",
    "_programme.comparaison": "ComparaisonPlans EcoleComparee Indicateur comparer_plans",
    "_programme.donnees.ecoles": "EcoleDuCentre",
    "_programme.donnees.effectifs": "Effectifs Enseignant charger_effectifs",
    "_programme.donnees.mentors": "Mentor charger_mentors",
    "_programme.modeles": (
        "ActionEcole Alerte Bilan BilanMesure Charge EtapePlan Groupe "
        "LigneEcole Plan PlanEcole PlanEnseignant Portrait Tranche"
    ),
    "_programme.jumelage.modeles_mentorat": (
        "Appariement Capacite ChargeMentor Cout HeuresRole NonApparie Paire"
    ),
    "_programme.planifier": "planifier",
    "_programme.provincial.province": "planifier_province verifier_province",
    "_programme.provincial.recapitulatif": "LigneProvince",
    "_recommandation.explorer": (
        "ChangementIntervenant Condition Deplacement EtSi PourquoiPas "
        "RegleExaminee et_si pourquoi_pas"
    ),
    "_recommandation.lot": "recommander_lot",
    "_recommandation.modeles": "Escalade Fait MesureEcartee MesureRecommandee Motif Recommandation",
    "_recommandation.recommander": "recommander",
    "_recommandation.references": "ActeurEnTable MesureEnTable Tables",
    "_recommandation.reparation": "Changement QueFaudraitIl Solution que_faudrait_il",
    "_recommandation.schema": "schema_resultat",
    "_suivi.bilan": "BilanSuivi Effets bilan_de_suivi=bilan",
    "_suivi.echeances": "Echeance Intervalle a_revoir",
    "_suivi.entrees": (
        "Arrivee Consentement Debut Instantane RecommandationFaite Reponse Revue entree"
    ),
    "_suivi.erreurs": "ErreurSuivi",
    "_suivi.historique": "MesureSuivie mesures_suivies profil_courant",
    "_suivi.journal": "Journal",
    "_suivi.tableau": "LigneTableau tableau_de_suivi=tableau",
    "_vocabulaire": (
        "Besoin CycleAction Destinataire GenreSuppleance Intensite Modalite "
        "Niveau Ordre PeriodeInsertion Portee Presence Qualification Statut"
    ),
}
_ORIGINES: dict[str, tuple[str, str]] = {
    nom: (module, attribut or nom)
    for module, noms in _MODULES.items()
    for nom, _, attribut in (n.partition("=") for n in noms.split())
}

# Trié comme sorted() (tests/test_qualite.py) ; les mêmes noms que _MODULES (tests/test_demarrage.py).
# fmt: off
__all__ = [  # noqa: RUF022
    "APourDonnees", "Acteur", "ActeurEnTable", "ActionEcole", "Affectation", "Ajustements",
    "Alerte", "Appariement", "Arrivee", "Atome", "BaseDeRegles", "Besoin", "Besoins", "Bilan",
    "BilanMesure", "BilanSuivi", "CODES", "Calibrage", "Capacite", "Catalogue", "Cellule",
    "Changement", "ChangementIntervenant", "Charge", "ChargeMentor", "ComparaisonPlans",
    "Condition", "Consentement", "Constat", "Cout", "CycleAction", "Debut", "Declencheur",
    "Deplacement", "Destinataire", "Donnees", "Echeance", "Ecole", "EcoleComparee",
    "EcoleDuCentre", "EcoleSignalee", "Effectifs", "Effets", "Enseignant", "ErreurArgument",
    "ErreurCatalogue", "ErreurEffectifs", "ErreurEnDonnees", "ErreurInconnu", "ErreurMoteur",
    "ErreurProfil", "ErreurRecommandeur", "ErreurRegle", "ErreurSuivi", "Escalade", "Et", "EtSi",
    "Etape", "EtapeCalendrier", "EtapePlan", "Explication", "Fait", "FaitEvalue",
    "GenreSuppleance", "Groupe", "Heures", "HeuresRole", "Indicateur", "Instantane", "Intensite",
    "Intervalle", "Intervenant", "Journal", "LigneEcole", "LigneProvince", "LigneTableau", "Mentor",
    "Mesure",
    "MesureEcartee", "MesureEnTable", "MesureRecommandee", "MesureRecue", "MesureSuivie",
    "Modalite", "Moteur", "Motif", "Niveau", "NonApparie", "OPERATEURS", "Operateur", "Ordre",
    "Ou", "Paire", "Parametre", "ParametreCapacite", "PeriodeInsertion", "Plage", "PlageEnDonnees",
    "Plan", "PlanEcole", "PlanEnseignant", "Poids", "Portee", "Portrait", "PourquoiPas",
    "Presence", "Probleme", "ProblemeEnDonnees", "Profil", "Proposition", "Qualification",
    "QueFaudraitIl", "RapportCouverture", "Recommandation", "RecommandationFaite", "RegleCompilee",
    "RegleExaminee", "Reponse", "Revue", "Solution", "Source", "Statut", "Surcouche", "Tables",
    "Tranche", "a_revoir", "bilan_de_suivi", "charger_catalogue", "charger_effectifs",
    "charger_mentors", "charger_regles", "comparer_plans", "couverture",
    "definir_moteur_par_defaut", "ecrire_graphe", "entree", "et_si", "graphe",
    "iter_erreurs_catalogue", "iter_erreurs_regles", "mesures_suivies", "moteur_par_defaut",
    "planifier", "planifier_province", "pourquoi_pas", "profil_courant", "que_faudrait_il",
    "recommander", "recommander_lot", "schema_erreur", "schema_profil", "schema_resultat",
    "tableau_de_suivi", "verifier_province",
]
# fmt: on


def __getattr__(nom: str) -> Any:
    """Importe le module d'un nom public au premier accès, puis le garde (PEP 562)."""
    if nom == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            valeur: Any = version("recommandeur")
        except PackageNotFoundError:  # pragma: no cover - une copie de travail non installée
            valeur = "0+inconnue"
    elif nom in _ORIGINES:
        module, attribut = _ORIGINES[nom]
        valeur = getattr(importlib.import_module("." + module, __name__), attribut)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {nom!r}")
    globals()[nom] = valeur
    return valeur


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})
