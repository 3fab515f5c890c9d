"""Les parties du plan sur le mentorat : l'appariement, la capacité et le coût (``Plan``).

Des modèles pydantic comme les autres parties du plan (:mod:`.modeles`) : leur JSON est
celui du plan, leur schéma dans le sien.
"""

from __future__ import annotations

from ..partie import Partie as _Partie


class Paire(_Partie):
    """Une personne et sa personne mentore nommée, avec les raisons de l'appariement."""

    enseignant: str
    ecole: str
    mentor: str
    #: L'école principale de la personne mentore.
    ecole_mentor: str
    raisons: list[str]


class NonApparie(_Partie):
    """Une personne à qui le mentorat est offert, sans personne mentore : pourquoi, quoi faire."""

    enseignant: str
    ecole: str
    raison: str
    #: ``aucune`` (aucune personne mentore pour l'école), ``capacite`` (toutes à leur capacité)
    #: ou ``precedent`` (la seule possible est celle d'un mentorat resté sans effet :
    #: confidentiel, jamais dans un fichier du centre ni dans une alerte).
    motif: str = "capacite"


class ChargeMentor(_Partie):
    """Une personne mentore nommée : ses mentorés, sa capacité, ses heures demandées et libérées."""

    mentor: str
    ecole: str
    autres_ecoles: list[str]
    mentores: list[str]
    capacite: int
    #: D'où vient la capacité : ``fichier``, ``heures`` (libérées ÷ heures du mentorat) ou
    #: ``convention`` (``mentores_par_mentor``).
    origine_capacite: str
    liberation: float
    heures_disponibles: float
    #: Les heures des offres que portent ses mentorés (``None`` : aucune heure connue).
    heures_demandees: float | None


def depasse_ses_heures(m: ChargeMentor) -> bool:
    """Vrai si les heures des mentorés d'une personne mentore dépassent ses heures libérées."""
    return bool(m.heures_demandees and m.heures_demandees > m.heures_disponibles)


class Appariement(_Partie):
    """L'appariement des personnes à qui le mentorat est offert avec les personnes mentores nommées."""

    paires: list[Paire]
    non_apparies: list[NonApparie]
    mentors: list[ChargeMentor]


class HeuresRole(_Partie):
    """Un rôle du centre : ses heures demandées par le plan, en ETP, et disponibles si connues."""

    acteur: str
    libelle: str
    heures_demandees: float
    etp_demandes: float | None
    heures_disponibles: float | None
    etp_disponibles: float | None
    #: Les offres individuelles de ce rôle dont la mesure n'a pas d'heures connues.
    offres_sans_heures: int


class Cout(_Partie):
    """Une ligne du résumé des coûts : le poste, le montant ($ par année), le calcul, les origines."""

    poste: str
    montant: float
    calcul: str
    origines: list[str]


class Capacite(_Partie):
    """La capacité et le coût du programme : heures et ETP par rôle, coûts, paramètres et origines."""

    heures_par_etp: float
    roles: list[HeuresRole]
    couts: list[Cout]
    cout_total: float
    #: Chaque paramètre de capacité : sa valeur, son unité et son origine.
    parametres: dict[str, str]
