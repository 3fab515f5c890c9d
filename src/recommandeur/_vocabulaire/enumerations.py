"""Le vocabulaire du domaine : niveaux, portées, modalités, besoins, intensités.

Chaque énumération a une valeur ASCII (celle des fichiers et du JSON) et un
libellé français (celui des textes pour les personnes).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic_core import CoreSchema

from .._base.schema_json import schema_sans_balisage

#: Ce que réexportent ``_vocabulaire`` (tout) et ``recommandeur`` (les énumérations publiques) :
#: la seule liste des noms du module.
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
]


class _Libelle(StrEnum):
    """Une énumération dont les membres ont un libellé français (table ``_LIBELLES``)."""

    @property
    def libelle(self) -> str:
        """Le libellé français du membre."""
        return _LIBELLES[self]

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema_coeur: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return schema_sans_balisage(schema_coeur, handler)


class Niveau(_Libelle):
    """Les trois niveaux de soutien (Annexe 1 de 001).

    >>> Niveau("individuel").libelle
    'individuel'
    >>> Niveau.CIBLE.rang
    1
    """

    UNIVERSEL = "universel"
    CIBLE = "cible"
    INDIVIDUEL = "individuel"

    @property
    def rang(self) -> int:
        """0 pour universel, 1 pour ciblé, 2 pour individuel."""
        return _RANGS_NIVEAUX[self.value]


class Portee(_Libelle):
    """La portée organisationnelle d'un dispositif (les trois niveaux de 002)."""

    ETABLISSEMENT = "etablissement"
    INTER_ETABLISSEMENTS = "inter_etablissements"
    PERSONNALISE = "personnalise"


class Modalite(_Libelle):
    """La façon dont une mesure est offerte (001, cible c ; 002 ; 004)."""

    PRESENTIEL = "presentiel"
    HYBRIDE = "hybride"
    SYNCHRONE = "synchrone"
    ASYNCHRONE = "asynchrone"
    A_DISTANCE = "a_distance"
    EN_CLASSE = "en_classe"
    INDIVIDUELLE = "individuelle"
    EN_GROUPE = "en_groupe"


class Besoin(_Libelle):
    """Les besoins d'une personne enseignante en insertion professionnelle."""

    GESTION_DE_CLASSE = "gestion_de_classe"
    PLANIFICATION = "planification"
    EVALUATION = "evaluation"
    DIFFERENCIATION = "differenciation"
    ELEVES_A_BESOINS_PARTICULIERS = "eleves_a_besoins_particuliers"
    RELATIONS_PARENTS = "relations_parents"
    INTEGRATION_EQUIPE = "integration_equipe"
    FONCTIONNEMENT_ECOLE = "fonctionnement_ecole"
    NUMERIQUE = "numerique"
    BIEN_ETRE = "bien_etre"
    CHARGE_DE_TRAVAIL = "charge_de_travail"
    DEVELOPPEMENT_PROFESSIONNEL = "developpement_professionnel"


class Intensite(_Libelle):
    """L'intensité d'un besoin, ordonnée : faible < modérée < élevée.

    >>> Intensite("moderee").ordre
    2
    >>> Intensite.depuis_ordre(3)
    <Intensite.ELEVEE: 'elevee'>
    """

    FAIBLE = "faible"
    MODEREE = "moderee"
    ELEVEE = "elevee"

    @property
    def ordre(self) -> int:
        """1 pour faible, 2 pour modérée, 3 pour élevée (0 = besoin non déclaré)."""
        return _ORDRES_INTENSITES[self.value]

    @classmethod
    def depuis_ordre(cls, ordre: int) -> Intensite:
        """L'intensité d'ordre donné (bornée à [1, 3])."""
        return list(cls)[max(1, min(3, ordre)) - 1]


class Ordre(_Libelle):
    """L'ordre d'enseignement."""

    PRESCOLAIRE = "prescolaire"
    PRIMAIRE = "primaire"
    SECONDAIRE = "secondaire"
    FORMATION_PROFESSIONNELLE = "formation_professionnelle"
    EDUCATION_ADULTES = "education_adultes"


class Statut(_Libelle):
    """Le statut d'emploi."""

    SUPPLEANCE = "suppleance"
    CONTRAT = "contrat"
    PERMANENT = "permanent"


class GenreSuppleance(_Libelle):
    """Le genre de suppléance d'une personne en suppléance : avec ou sans groupe d'élèves attitré."""

    OCCASIONNELLE = "occasionnelle"
    LONG_TERME = "long_terme"
    A_CONTRAT = "a_contrat"
    NON_PRECISEE = "non_precisee"


class Qualification(_Libelle):
    """La qualification légale (001, universel a et cible d, g : NLQ)."""

    LEGALEMENT_QUALIFIE = "legalement_qualifie"
    EN_VOIE_DE_QUALIFICATION = "en_voie_de_qualification"
    NON_LEGALEMENT_QUALIFIE = "non_legalement_qualifie"


class Destinataire(_Libelle):
    """À qui s'adresse une mesure : la personne enseignante, ou le milieu (école, centre, programme)."""

    PERSONNE = "personne"
    MILIEU = "milieu"


class PeriodeInsertion(_Libelle):
    """Où en est la personne dans la période d'insertion, qui dure de cinq à sept ans selon la personne (000).

    >>> PeriodeInsertion.depuis_annees(4).value, PeriodeInsertion.depuis_annees(5).value
    ('en_cours', 'fin_de_periode')
    >>> PeriodeInsertion.depuis_annees(7).value
    'terminee'
    """

    EN_COURS = "en_cours"
    FIN_DE_PERIODE = "fin_de_periode"
    TERMINEE = "terminee"

    @classmethod
    def depuis_annees(cls, annees: int) -> PeriodeInsertion:
        """La période pour ce nombre d'années d'enseignement au Québec : moins de 5, de 5 à 6, 7 et plus."""
        if annees < DEBUT_FIN_DE_PERIODE:
            return cls.EN_COURS
        return cls.FIN_DE_PERIODE if annees < FIN_DE_PERIODE else cls.TERMINEE

    @property
    def en_insertion(self) -> bool:
        """Encore en insertion : la période n'est pas terminée (moins de 7 ans au Québec).

        >>> [p.en_insertion for p in PeriodeInsertion]
        [True, True, False]
        """
        return self is not PeriodeInsertion.TERMINEE


#: « five to seven school years » (000) : la fin de la période commence à 5 ans, et finit à 7.
DEBUT_FIN_DE_PERIODE = 5
FIN_DE_PERIODE = 7


class Presence(_Libelle):
    """La présence d'un intervenant pour une personne : présent, absent, ou inconnue (à confirmer)."""

    PRESENT = "present"
    ABSENT = "absent"
    INCONNUE = "inconnue"


class CycleAction(_Libelle):
    """Les étapes du cycle de l'action d'un plan de déploiement (003) : prendre conscience,
    analyser, agir, puis réguler."""

    PRISE_DE_CONSCIENCE = "prise_de_conscience"
    ANALYSER = "analyser"
    AGIR = "agir"
    REGULER = "reguler"


#: Les libellés français des membres des énumérations.
_LIBELLES: dict[_Libelle, str] = {
    Niveau.UNIVERSEL: "universel",
    Niveau.CIBLE: "ciblé",
    Niveau.INDIVIDUEL: "individuel",
    Portee.ETABLISSEMENT: "dans l'établissement",
    Portee.INTER_ETABLISSEMENTS: "inter-établissements",
    Portee.PERSONNALISE: "personnalisé",
    Modalite.PRESENTIEL: "en présentiel",
    Modalite.HYBRIDE: "hybride",
    Modalite.SYNCHRONE: "synchrone",
    Modalite.ASYNCHRONE: "asynchrone",
    Modalite.A_DISTANCE: "à distance",
    Modalite.EN_CLASSE: "en classe",
    Modalite.INDIVIDUELLE: "individuelle",
    Modalite.EN_GROUPE: "en groupe",
    Besoin.GESTION_DE_CLASSE: "gestion de classe",
    Besoin.PLANIFICATION: "planification",
    Besoin.EVALUATION: "évaluation",
    Besoin.DIFFERENCIATION: "différenciation pédagogique",
    Besoin.RELATIONS_PARENTS: "relations avec les parents",
    Besoin.INTEGRATION_EQUIPE: "intégration dans l'équipe",
    Besoin.FONCTIONNEMENT_ECOLE: "fonctionnement de l'école",
    Besoin.NUMERIQUE: "pratiques numériques",
    Besoin.BIEN_ETRE: "bien-être",
    Besoin.CHARGE_DE_TRAVAIL: "charge de travail",
    Besoin.DEVELOPPEMENT_PROFESSIONNEL: "développement professionnel",
    Intensite.FAIBLE: "faible",
    Intensite.MODEREE: "modérée",
    Intensite.ELEVEE: "élevée",
    Ordre.PRESCOLAIRE: "préscolaire",
    Ordre.PRIMAIRE: "primaire",
    Ordre.SECONDAIRE: "secondaire",
    Ordre.FORMATION_PROFESSIONNELLE: "formation professionnelle",
    Ordre.EDUCATION_ADULTES: "éducation des adultes",
    Statut.SUPPLEANCE: "suppléance",
    Statut.CONTRAT: "contrat",
    Statut.PERMANENT: "permanent·e",
    GenreSuppleance.OCCASIONNELLE: "suppléance occasionnelle",
    GenreSuppleance.LONG_TERME: "suppléance à long terme",
    GenreSuppleance.A_CONTRAT: "suppléance à contrat",
    GenreSuppleance.NON_PRECISEE: "genre de suppléance non précisé",
    Qualification.LEGALEMENT_QUALIFIE: "légalement qualifié·e",
    Qualification.EN_VOIE_DE_QUALIFICATION: "en voie de qualification",
    Qualification.NON_LEGALEMENT_QUALIFIE: "non légalement qualifié·e (NLQ)",
    Besoin.ELEVES_A_BESOINS_PARTICULIERS: "élèves à besoins particuliers",
    Destinataire.PERSONNE: "offerte à la personne",
    Destinataire.MILIEU: "action du milieu",
    PeriodeInsertion.EN_COURS: "en cours (moins de 5 ans au Québec)",
    PeriodeInsertion.FIN_DE_PERIODE: "en fin de période (5 ou 6 ans au Québec)",
    PeriodeInsertion.TERMINEE: "terminée (7 ans ou plus au Québec)",
    Presence.PRESENT: "présent",
    Presence.ABSENT: "absent",
    Presence.INCONNUE: "à confirmer",
    CycleAction.PRISE_DE_CONSCIENCE: "prise de conscience",
    CycleAction.ANALYSER: "analyser",
    CycleAction.AGIR: "agir",
    CycleAction.REGULER: "réguler",
}

_RANGS_NIVEAUX = {"universel": 0, "cible": 1, "individuel": 2}
_ORDRES_INTENSITES = {"faible": 1, "moderee": 2, "elevee": 3}
