"""Le vocabulaire du domaine : niveaux, portées, modalités, besoins, intensités.

Chaque énumération a une valeur ASCII (celle des fichiers et du JSON) et un
libellé français (celui des textes pour les personnes).
"""

from __future__ import annotations

from enum import Enum


class _Libelle(str, Enum):
    """Une énumération dont les membres ont un libellé français."""

    libelle: str

    def __new__(cls, valeur: str, libelle: str) -> _Libelle:
        membre = str.__new__(cls, valeur)
        membre._value_ = valeur
        membre.libelle = libelle
        return membre

    def __str__(self) -> str:
        return self.value


class Niveau(_Libelle):
    """Les trois niveaux de soutien (Annexe 1 de 001).

    >>> Niveau("individuel").libelle
    'individuel'
    >>> Niveau.CIBLE.rang
    1
    """

    UNIVERSEL = ("universel", "universel")
    CIBLE = ("cible", "ciblé")
    INDIVIDUEL = ("individuel", "individuel")

    @property
    def rang(self) -> int:
        """0 pour universel, 1 pour ciblé, 2 pour individuel."""
        return list(Niveau).index(self)


class Portee(_Libelle):
    """La portée organisationnelle d'un dispositif (les trois niveaux de 002)."""

    ETABLISSEMENT = ("etablissement", "dans l'établissement")
    INTER_ETABLISSEMENTS = ("inter_etablissements", "inter-établissements")
    PERSONNALISE = ("personnalise", "personnalisé")


class Modalite(_Libelle):
    """La façon dont une mesure est offerte (001, cible c ; 002 ; 004)."""

    PRESENTIEL = ("presentiel", "en présentiel")
    HYBRIDE = ("hybride", "hybride")
    SYNCHRONE = ("synchrone", "synchrone")
    ASYNCHRONE = ("asynchrone", "asynchrone")
    A_DISTANCE = ("a_distance", "à distance")
    EN_CLASSE = ("en_classe", "en classe")
    INDIVIDUELLE = ("individuelle", "individuelle")
    EN_GROUPE = ("en_groupe", "en groupe")


class Besoin(_Libelle):
    """Les besoins d'une personne enseignante en insertion professionnelle."""

    GESTION_DE_CLASSE = ("gestion_de_classe", "gestion de classe")
    PLANIFICATION = ("planification", "planification")
    EVALUATION = ("evaluation", "évaluation")
    DIFFERENCIATION = ("differenciation", "différenciation pédagogique")
    ELEVES_A_BESOINS_PARTICULIERS = (
        "eleves_a_besoins_particuliers",
        "élèves à besoins particuliers",
    )
    RELATIONS_PARENTS = ("relations_parents", "relations avec les parents")
    INTEGRATION_EQUIPE = ("integration_equipe", "intégration dans l'équipe")
    FONCTIONNEMENT_ECOLE = ("fonctionnement_ecole", "fonctionnement de l'école")
    NUMERIQUE = ("numerique", "pratiques numériques")
    BIEN_ETRE = ("bien_etre", "bien-être")
    CHARGE_DE_TRAVAIL = ("charge_de_travail", "charge de travail")
    DEVELOPPEMENT_PROFESSIONNEL = ("developpement_professionnel", "développement professionnel")


class Intensite(_Libelle):
    """L'intensité d'un besoin, ordonnée : faible < modérée < élevée.

    >>> Intensite("moderee").ordre
    2
    >>> Intensite.depuis_ordre(3)
    <Intensite.ELEVEE: 'elevee'>
    """

    FAIBLE = ("faible", "faible")
    MODEREE = ("moderee", "modérée")
    ELEVEE = ("elevee", "élevée")

    @property
    def ordre(self) -> int:
        """1 pour faible, 2 pour modérée, 3 pour élevée (0 = besoin non déclaré)."""
        return list(Intensite).index(self) + 1

    @classmethod
    def depuis_ordre(cls, ordre: int) -> Intensite:
        """L'intensité d'ordre donné (bornée à [1, 3])."""
        return list(cls)[max(1, min(3, ordre)) - 1]


class Ordre(_Libelle):
    """L'ordre d'enseignement."""

    PRESCOLAIRE = ("prescolaire", "préscolaire")
    PRIMAIRE = ("primaire", "primaire")
    SECONDAIRE = ("secondaire", "secondaire")
    FORMATION_PROFESSIONNELLE = ("formation_professionnelle", "formation professionnelle")
    EDUCATION_ADULTES = ("education_adultes", "éducation des adultes")


class Statut(_Libelle):
    """Le statut d'emploi."""

    SUPPLEANCE = ("suppleance", "suppléance")
    CONTRAT = ("contrat", "contrat")
    PERMANENT = ("permanent", "permanent")


class Qualification(_Libelle):
    """La qualification légale (001, universel a et cible d, g : NLQ)."""

    LEGALEMENT_QUALIFIE = ("legalement_qualifie", "légalement qualifié·e")
    EN_VOIE_DE_QUALIFICATION = ("en_voie_de_qualification", "en voie de qualification")
    NON_LEGALEMENT_QUALIFIE = ("non_legalement_qualifie", "non légalement qualifié·e (NLQ)")
