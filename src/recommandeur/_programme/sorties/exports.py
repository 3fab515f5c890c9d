"""Les fichiers CSV d'un plan : pour chacun, ses lignes et ses colonnes (un attribut, ou un nom et un calcul)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..modeles import Plan
from .exports_mentorat import fichiers_du_mentorat

#: Une colonne : le nom d'un attribut de la ligne, ou (nom de colonne, calcul sur la ligne).
Colonne = str | tuple[str, Callable[[Any], Any]]


def valeur(ligne: Any, colonne: Colonne) -> Any:
    """La valeur d'une colonne pour une ligne."""
    return getattr(ligne, colonne) if isinstance(colonne, str) else colonne[1](ligne)


def fichiers_csv(plan: Plan) -> dict[str, tuple[Sequence[Any], list[Colonne]]]:
    """Les fichiers CSV du plan : nom → (lignes, colonnes)."""
    libelle = plan.mesures.get
    par_ecole = [(e, x) for e in plan.ecoles for x in e.actions]
    etapes = [(e, d) for e in plan.ecoles for d in e.deploiement]
    return {
        "ecoles.csv": (
            plan.portrait.ecoles,
            [
                "ecole",
                "nom",
                "nb_enseignants",
                "nb_dans_les_effectifs",
                "nb_en_insertion",
                "part_novices",
                "origine_part_novices",
                "part_cinq_ans_et_moins",
                "mentors",
            ],
        ),
        "groupes.csv": (
            plan.groupes,
            [
                ("groupe", lambda g: g.id),
                "mesure",
                "libelle",
                "niveau",
                "besoin",
                "ecole",
                "acteur",
                "presence",
                ("nb_membres", lambda g: len(g.membres)),
                "membres",
                "heures",
            ],
        ),
        "actions.csv": (
            par_ecole,
            [
                ("ecole", lambda ex: ex[0].ecole),
                ("mesure", lambda ex: ex[1].mesure),
                ("libelle", lambda ex: ex[1].libelle),
                ("acteur", lambda ex: ex[1].acteur),
                ("nb_concernes", lambda ex: ex[1].nb_concernes),
            ],
        ),
        "deploiement.csv": (
            etapes,
            [
                ("ecole", lambda ed: ed[0].ecole),
                ("etape", lambda ed: ed[1].etape),
                ("intentions", lambda ed: " ; ".join(ed[1].intentions)),
                ("responsable", lambda ed: ed[1].responsable),
                ("personnes_impliquees", lambda ed: ", ".join(ed[1].personnes_impliquees)),
                ("quand", lambda ed: ed[1].quand),
                ("cycle", lambda ed: ed[1].cycle),
                ("mesure", lambda ed: ed[1].mesure),
            ],
        ),
        "charges.csv": (
            plan.charges,
            [
                "acteur",
                "libelle",
                "ecole",
                ("nb_enseignants", lambda c: len(c.enseignants)),
                "offres_individuelles",
                ("nb_groupes", lambda c: len(c.groupes)),
                "places_en_groupe",
                "a_confirmer",
                "heures",
            ],
        ),
        "bilan.csv": (
            plan.bilan.par_ecole,
            ["mesure", "libelle", "ecole", "avec_effet", "sans_effet"],
        ),
        "enseignants.csv": (
            plan.enseignants,
            [
                "enseignant",
                "ecole",
                "periode",
                "prioritaires",
                (
                    "prioritaires_libelles",
                    lambda t: " ; ".join(libelle(m, m) for m in t.prioritaires),
                ),
                "nb_offres",
                "groupes",
            ],
        ),
        "alertes.csv": (plan.alertes, ["genre", "ecole", "message"]),
        **fichiers_du_mentorat(plan),
    }
