"""Les valeurs que reçoivent les gabarits du rapport : communes à toutes les sections, puis propres à une.

>>> from recommandeur import planifier
>>> plan = planifier([{"enseignant": "e1", "ecole": "a", "annees_experience": 0,
...                    "ordre": "primaire"}], [{"ecole": "a", "nom": "École A"}])
>>> [(b["bande"], b["nb_ecoles"]) for b in repartition(plan)["par_personnes"]]
[('1 à 5', 1), ('6 à 10', 0), ('11 à 15', 0), ('16 et +', 0)]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from ..._rendu import nombres
from ..._vocabulaire import Besoin, Ordre, PeriodeInsertion, Qualification, Statut, _Libelle
from ..modeles import Plan
from .confidentiel import AVERTISSEMENT, NOTE
from .graphiques import graphiques

#: Les libellés des décomptes d'affectation du portrait.
AFFECTATIONS = {
    "partage_de_tache": "tâche partagée",
    "specialiste": "spécialiste",
    "classe_multiniveau": "classe multiniveau",
    "adaptation_scolaire": "adaptation scolaire",
    "nouveau_dans_l_ecole": "arrivée dans l'école",
    "nouveau_dans_le_centre": "arrivée dans le centre de services",
    "plusieurs_ecoles": "plus d'une école",
}

#: L'origine de la part en insertion d'une école, en mots.
ORIGINES = {"donnee": "donnée par le fichier des écoles", "calculee": "calculée des effectifs"}

#: Les bandes de la table « Personnes en IP / Nombre d'écoles » du rapport du CSSPS (2023).
BANDES_PERSONNES = ((1, 5, "1 à 5"), (6, 10, "6 à 10"), (11, 15, "11 à 15"), (16, None, "16 et +"))


def _libelles(table: dict[str, int], genre: type[_Libelle]) -> dict[str, int]:
    return {genre(k).libelle: n for k, n in table.items()}


def _acteurs(plan: Plan) -> dict[str, str]:
    acteurs = {c.acteur: c.libelle for c in plan.charges}
    for e in plan.ecoles:
        for a in e.actions:
            acteurs.setdefault(a.acteur, a.acteur.replace("_", " "))
    return acteurs


def _besoin(besoin: str | None) -> str:
    return "—" if besoin is None else Besoin(besoin).libelle


def _sans_identifiants(plan: Plan) -> Any:
    """Un texte où une parenthèse d'identifiants de mesures (« (mentorat, temps_planification) »,
    celle d'une escalade) donne leurs libellés entre “ ” à la place."""
    libelles = {b.mesure: b.libelle for b in plan.bilan.par_mesure} | plan.mesures

    def remplacer(m: re.Match[str]) -> str:
        ids = m.group(1).split(", ")
        if not all(i in libelles for i in ids):
            return m.group(0)
        return "(" + ", ".join(f"“{libelles[i]}”" for i in ids) + ")"

    def lisible(texte: str) -> str:
        return re.sub(r"\(([^()]+)\)", remplacer, texte)

    return lisible


def communs(plan: Plan, *, date: str) -> dict[str, Any]:
    """Les valeurs que reçoit chaque gabarit du rapport (voir :mod:`.sections`)."""
    return {
        "plan": plan,
        "date": date,
        "confidentiel": plan.confidentiel,
        "avertissement": AVERTISSEMENT,
        "note_confidentielle": NOTE,
        "noms_ecoles": {e.ecole: e.nom for e in plan.ecoles},
        "ancres": {e.ecole: f"ecole-{i + 1}" for i, e in enumerate(plan.ecoles)},
        "acteurs": _acteurs(plan),
        "besoin": _besoin,
        "lisible": _sans_identifiants(plan),
        "entier": nombres.entier,
        "decimal": nombres.decimal,
        "pour_cent": nombres.pour_cent,
        "heures": nombres.heures,
        "montant": nombres.montant,
    }


def portrait(plan: Plan) -> dict[str, Any]:
    """Le portrait : ses graphiques et ses tableaux de décomptes, en libellés français."""
    p = plan.portrait
    return {
        "graphiques": graphiques(plan),
        "origines": ORIGINES,
        "tableaux": [
            ("Qualification", _libelles(p.par_qualification, Qualification)),
            ("Statut", _libelles(p.par_statut, Statut)),
            ("Ordre", _libelles(p.par_ordre, Ordre)),
            ("Période d'insertion", _libelles(p.par_periode, PeriodeInsertion)),
            ("Affectation", {AFFECTATIONS.get(k, k): n for k, n in p.affectations.items()}),
        ],
    }


def bande(n: int) -> str | None:
    """La bande d'un nombre de personnes en insertion (``None`` : aucune personne).

    >>> bande(0), bande(5), bande(6), bande(15), bande(16), bande(200)
    (None, '1 à 5', '6 à 10', '11 à 15', '16 et +', '16 et +')
    """
    for bas, haut, nom in BANDES_PERSONNES:
        if n >= bas and (haut is None or n <= haut):
            return nom
    return None


def repartition(plan: Plan) -> dict[str, Any]:
    """Les deux tableaux du rapport du CSSPS (2023) : écoles par part et par nombre de personnes en insertion."""
    compte = Counter(bande(e.nb_en_insertion) for e in plan.portrait.ecoles)
    return {
        "par_part": plan.portrait.ecoles_par_part,
        "par_personnes": [
            {"bande": nom, "nb_ecoles": compte[nom]} for _, _, nom in BANDES_PERSONNES
        ],
        "sans_personne": compte[None],
    }


def a_des_ecoles(plan: Plan) -> bool:
    """Vrai si une école du plan a des personnes dans les effectifs."""
    return any(e.nb_dans_les_effectifs for e in plan.ecoles)


def charges(plan: Plan) -> dict[str, Any]:
    """Les totaux par intervenant, tous lieux confondus, les plus chargés d'abord."""
    par_acteur: dict[str, dict[str, Any]] = defaultdict(
        lambda: {
            "personnes": set(),
            "individuelles": 0,
            "groupes": 0,
            "places": 0,
            "a_confirmer": 0,
            "heures": None,
        }
    )
    for c in plan.charges:
        t = par_acteur[c.libelle]
        t["personnes"].update(c.enseignants)
        t["individuelles"] += c.offres_individuelles
        t["groupes"] += len(c.groupes)
        t["places"] += c.places_en_groupe
        t["a_confirmer"] += c.a_confirmer
        if c.heures is not None:
            t["heures"] = (t["heures"] or 0.0) + c.heures
    lignes = [{"libelle": k, **v, "personnes": len(v["personnes"])} for k, v in par_acteur.items()]
    return {
        "totaux": sorted(lignes, key=lambda t: (-(t["individuelles"] + t["groupes"]), t["libelle"]))
    }


def alertes(plan: Plan) -> dict[str, Any]:
    """Les alertes regroupées par école : celles du centre d'abord, puis chaque école dans
    l'ordre du plan (une école ne revient pas à plusieurs endroits de la liste).

    >>> from recommandeur import planifier
    >>> ligne = {"annees_experience": 0, "ordre": "primaire"}
    >>> plan = planifier([{"enseignant": "e1", "ecole": "a", **ligne},
    ...                   {"enseignant": "e2", "ecole": "b", **ligne}],
    ...                  [{"ecole": "b", "mentors": 1, "nb_batiments": 2},
    ...                   {"ecole": "a", "mentors": 0}])
    >>> [(a.ecole, a.genre) for a in plan.alertes]
    [('b', 'batiments'), ('a', 'sans_mentor'), (None, 'a_confirmer')]
    >>> [(e, [a.genre for a in liste]) for e, liste in alertes(plan)["par_ecole"]]
    [(None, ['a_confirmer']), ('b', ['batiments']), ('a', ['sans_mentor'])]
    """
    rang = {e.ecole: i for i, e in enumerate(plan.ecoles)}
    groupes: dict[str | None, list[Any]] = defaultdict(list)
    for a in plan.alertes:
        groupes[a.ecole].append(a)
    ordre = sorted(groupes, key=lambda e: (e is not None, rang.get(e or "", len(rang)), e or ""))
    return {"par_ecole": [(e, groupes[e]) for e in ordre]}
