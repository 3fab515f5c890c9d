"""Les fichiers CSV de l'appariement et de la capacité : paires, non appariées, personnes
mentores, heures par rôle, coûts.

Ce qui dit un mentorat précédent resté sans effet (003 : « la confidentialité de la relation
mentor-mentoré ») n'y est jamais, ni dans le JSON du plan (:func:`caviarder_json`) : la raison
de la paire est omise, le motif et la raison de la personne non appariée remplacés par
« confidentiel » et ce qu'il faut faire.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..jumelage.mentorat import pour_le_centre
from ..jumelage.modeles_mentorat import NonApparie, Paire
from ..jumelage.raisons_paires import DEBUT_RAISON_PRECEDENT
from ..modeles import Plan

#: Une colonne : un attribut, ou (nom de colonne, calcul sur la ligne) ; voir ``exports.py``.
Colonnes = list[Any]


def _raisons(p: Paire) -> str:
    return " ; ".join(r for r in p.raisons if not r.startswith(DEBUT_RAISON_PRECEDENT))


def caviarder_paire(paire: dict[str, Any]) -> dict[str, Any]:
    """Une paire du JSON, sans la raison qui dit un mentorat précédent resté sans effet."""
    paire["raisons"] = [r for r in paire["raisons"] if not r.startswith(DEBUT_RAISON_PRECEDENT)]
    return paire


def caviarder_non_apparie(non_apparie: dict[str, Any]) -> dict[str, Any]:
    """Une personne non appariée du JSON : son motif et sa raison tels que le centre les lit."""
    motif_raison = pour_le_centre(NonApparie.model_validate(non_apparie))
    non_apparie["motif"], non_apparie["raison"] = motif_raison
    return non_apparie


#: Les listes du JSON d'un plan dont chaque élément est caviardé, par leur chemin dans le plan.
CAVIARDAGES: dict[tuple[str, ...], Callable[[dict[str, Any]], dict[str, Any]]] = {
    ("appariement", "paires"): caviarder_paire,
    ("appariement", "non_apparies"): caviarder_non_apparie,
}


def caviarder_json(donnees: dict[str, Any]) -> dict[str, Any]:
    """Le JSON d'un plan (``plan.model_dump(mode="json")``) tel qu'un fichier du centre l'écrit :
    sans la raison de paire ni le motif et la raison d'une personne non appariée qui disent un
    mentorat précédent resté sans effet (voir ``mentorat.pour_le_centre``)."""
    for (partie, liste), caviarder in CAVIARDAGES.items():
        if donnees.get(partie) is not None:
            for element in donnees[partie][liste]:
                caviarder(element)
    return donnees


def fichiers_du_mentorat(plan: Plan) -> dict[str, tuple[Sequence[Any], Colonnes]]:
    """Les CSV de l'appariement (s'il y en a un) et de la capacité : nom → (lignes, colonnes)."""
    fichiers: dict[str, tuple[Sequence[Any], Colonnes]] = {}
    a = plan.appariement
    if a is not None:
        fichiers["paires.csv"] = (
            a.paires,
            ["enseignant", "ecole", "mentor", "ecole_mentor", ("raisons", _raisons)],
        )
        fichiers["non_apparies.csv"] = (
            a.non_apparies,
            [
                "enseignant",
                "ecole",
                ("motif", lambda n: pour_le_centre(n)[0]),
                ("raison", lambda n: pour_le_centre(n)[1]),
            ],
        )
        fichiers["mentors.csv"] = (
            a.mentors,
            [
                "mentor",
                "ecole",
                ("autres_ecoles", lambda m: "; ".join(m.autres_ecoles)),
                ("nb_mentores", lambda m: len(m.mentores)),
                "capacite",
                "origine_capacite",
                "liberation",
                "heures_disponibles",
                "heures_demandees",
            ],
        )
    c = plan.capacite
    if c is not None:
        fichiers["capacite.csv"] = (
            c.roles,
            [
                "acteur",
                "libelle",
                "heures_demandees",
                "etp_demandes",
                "heures_disponibles",
                "etp_disponibles",
                "offres_sans_heures",
            ],
        )
        fichiers["couts.csv"] = (
            c.couts,
            ["poste", "montant", "calcul", ("origines", lambda x: " ; ".join(x.origines))],
        )
    return fichiers
