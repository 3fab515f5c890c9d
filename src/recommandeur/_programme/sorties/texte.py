"""Le résumé court d'un plan (``print(plan)``) et d'une alerte : les chiffres, pas le détail.

Au plus :data:`LIGNES_MAX` lignes (l'avertissement d'un plan confidentiel compris).

Le plan entier se lit dans ``plan.html()`` ; ``print(plan)`` en donne l'essentiel en quelques
lignes : combien de personnes, d'écoles, de groupes, d'intervenants, l'appariement et le coût
estimé, ce qui demande l'attention, et où voir le reste.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..._rendu.nombres import entier
from ..jumelage.modeles_mentorat import depasse_ses_heures
from .confidentiel import AVERTISSEMENT

if TYPE_CHECKING:
    from ..modeles import Alerte, Plan

#: Le nombre de lignes de ``print(plan)``, au plus.
LIGNES_MAX = 9

#: Le nom français de chaque genre d'alerte, au pluriel.
GENRES_D_ALERTE = {
    "sans_mentor": "école(s) sans personne mentore",
    "mentors_debordes": "école(s) aux personnes mentores débordées",
    "batiments": "école(s) à plusieurs bâtiments",
    "a_confirmer": "présence(s) d'intervenants à confirmer",
    "non_apparies": "école(s) avec des personnes sans personne mentore nommée",
    "heures_depassees": "dépassement(s) des heures libérées des personnes mentores",
}

#: Le nom d'un genre quand ``print(plan)`` compte des personnes mentores, non des alertes.
GENRES_PAR_PERSONNE = {
    "heures_depassees": "personne(s) mentore(s) au-delà de leurs heures libérées",
}


def texte_plan(plan: Plan, ecoles: int = 3) -> str:
    """Le résumé d'un plan : personnes, périodes, écoles, groupes, charges, appariement et coût,
    alertes, bilan."""
    p = plan.portrait
    periodes = p.par_periode
    lignes = [AVERTISSEMENT] if plan.confidentiel else []
    lignes += [
        f"Plan du centre : {entier(p.nb_enseignants)} personne(s) dans {entier(p.nb_ecoles)} "
        f"école(s), dont {entier(periodes.get('en_cours', 0))} en cours d'insertion, "
        f"{entier(periodes.get('fin_de_periode', 0))} en fin de période, "
        f"{entier(periodes.get('terminee', 0))} au-delà",
        f"Catalogue {plan.version_catalogue} · règles {plan.version_regles}",
        f"Offres groupées : {entier(len(plan.groupes))} groupe(s) (au plus "
        f"{plan.parametres.get('taille_max_groupe', '?')} personnes, une convention du plan) ; "
        f"intervenants : {entier(len({c.acteur for c in plan.charges}))}",
    ]
    if (mentorat := _mentorat_et_cout(plan)) is not None:
        lignes.append(mentorat)
    genres = Counter(a.genre for a in plan.alertes)
    a = plan.appariement
    if genres.get("heures_depassees") and a is not None:
        # une seule alerte du centre pour toutes : le résumé compte les personnes
        genres["heures_depassees"] = sum(map(depasse_ses_heures, a.mentors))
    if genres:
        lignes.append(
            "À surveiller : "
            + ", ".join(f"{n} {_genre(g, a is not None)}" for g, n in genres.items())
        )
    plus = sorted(plan.ecoles, key=lambda e: (-e.nb_en_insertion, e.ecole))[:ecoles]
    if plus:
        lignes.append(
            "Le plus de personnes en insertion : "
            + ", ".join(f"{e.nom} ({e.nb_en_insertion})" for e in plus)
        )
    sans_effet = sum(b.sans_effet for b in plan.bilan.par_mesure)
    lignes.append(
        f"Bilan : {sans_effet} mesure(s) reçue(s) sans effet, "
        f"{plan.bilan.besoins_escalades} besoin(s) monté(s) d'un cran"
    )
    fin = (
        "Le plan entier : plan.html(), plan.ecrire_xlsx(…), plan.ecrire_csv(dossier) ou "
        "plan.ecrire_json(…)"
    )
    return "\n".join([*lignes[: LIGNES_MAX - 1], fin])


def _mentorat_et_cout(plan: Plan) -> str | None:
    """Une ligne : l'appariement (s'il y en a un) et le coût estimé (s'il y en a un)."""
    parties = []
    a = plan.appariement
    if a is not None:
        parties.append(
            f"Appariement : {entier(len(a.paires))} personne(s) appariée(s) à "
            f"{entier(len(a.mentors))} personne(s) mentore(s) nommée(s), "
            f"{entier(len(a.non_apparies))} sans personne mentore"
        )
    c = plan.capacite
    if c is not None and c.couts:
        parties.append(f"coût estimé : {entier(round(c.cout_total))} $ par année")
    if not parties:
        return None
    texte = " ; ".join(parties)
    return texte[0].upper() + texte[1:]


def _genre(genre: str, par_personne: bool) -> str:
    if par_personne and genre in GENRES_PAR_PERSONNE:
        return GENRES_PAR_PERSONNE[genre]
    return GENRES_D_ALERTE.get(genre, genre)


def texte_alerte(alerte: Alerte) -> str:
    """Une alerte : l'école (ou le centre) et le message."""
    return f"{alerte.ecole or 'Centre'} : {alerte.message}"
