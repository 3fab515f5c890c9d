"""Les valeurs des sections « Personnes mentores et appariement » et « Heures, ETP et coût » du rapport.

Rien de confidentiel (003 : « la confidentialité de la relation mentor-mentoré ») : une
personne non appariée parce que sa seule personne mentore possible est celle d'un mentorat
resté sans effet est dite sans cette raison (voir :mod:`.exports_mentorat`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..jumelage.mentorat import MOTIF_CONFIDENTIEL, pour_le_centre
from ..modeles import Plan

#: L'origine d'une capacité, en mots.
ORIGINES_CAPACITE = {
    "fichier": "le fichier des personnes mentores",
    "heures": "ses heures libérées ÷ les heures d'un mentoré",
    "convention": "la convention du plan (personnes par personne mentore)",
}

#: Le motif d'une personne non appariée, tel qu'un fichier du centre l'écrit, en mots ; celui
#: du mentorat précédent resté sans effet y est ``confidentiel`` (voir ``pour_le_centre``).
MOTIFS_NON_APPARIE = {
    "aucune": "aucune personne mentore pour l'école",
    "capacite": "personnes mentores à leur capacité",
    MOTIF_CONFIDENTIEL: "raison confidentielle",
}


def a_un_appariement(plan: Plan) -> bool:
    """Vrai si le plan a apparié ses personnes à des personnes mentores nommées."""
    return plan.appariement is not None


def a_une_capacite(plan: Plan) -> bool:
    """Vrai si le plan a ses heures et ses coûts."""
    return plan.capacite is not None


def appariement(plan: Plan) -> dict[str, Any]:
    """Les personnes mentores (leurs mentorés, leur capacité, leurs heures) et les non appariées
    par école et par raison.

    >>> from recommandeur import planifier
    >>> plan = planifier([{"enseignant": "e1", "ecole": "a", "annees_experience": 0,
    ...                    "ordre": "primaire"}], [{"ecole": "a", "mentors": 1}],
    ...                  mentors=[{"mentor": "M1", "ecole": "a", "capacite": 1}])
    >>> v = appariement(plan)
    >>> v["nb_paires"], v["nb_non_apparies"], v["places"]
    (1, 0, 1)
    """
    a = plan.appariement
    if a is None:
        return {}
    groupes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n in a.non_apparies:
        groupes[(n.ecole, pour_le_centre(n)[1])].append(n.enseignant)
    return {
        "nb_paires": len(a.paires),
        "nb_non_apparies": len(a.non_apparies),
        "places": sum(m.capacite for m in a.mentors),
        "mentors": a.mentors,
        "origines_capacite": ORIGINES_CAPACITE,
        "non_apparies": [
            {"ecole": ecole, "raison": raison, "personnes": qui}
            for (ecole, raison), qui in sorted(groupes.items(), key=lambda kv: -len(kv[1]))
        ],
    }


def capacite(plan: Plan) -> dict[str, Any]:
    """Les heures et ETP par rôle, les coûts et les paramètres avec leur origine."""
    c = plan.capacite
    return {} if c is None else {"capacite": c}
