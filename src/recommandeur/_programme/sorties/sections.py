"""Les sections du rapport HTML d'un plan, dans leur ordre : un registre (:data:`SECTIONS`).

Le rapport (``plan.html()``) est un squelette (``_rendu/gabarits/plan.html.j2`` : en-tête,
table des matières, style) qui place, dans l'ordre de :data:`SECTIONS`, chaque section
présente dans le plan : un ``<section id="<nom>">`` avec son titre en ``<h2>``, puis le corps
rendu par son gabarit ``_rendu/gabarits/plan_<nom>.html.j2``. La table des matières se tire
du même registre : une section ajoutée y a sa ligne et son lien.

Brancher une section (une ligne et un gabarit) :

1. Écrire ``src/recommandeur/_rendu/gabarits/plan_<nom>.html.j2`` : le corps de la section,
   sans son ``<h2>`` (le squelette l'écrit), ses sous-titres en ``<h3>``. Tout y est échappé.
   Le gabarit reçoit les valeurs communes (:func:`~recommandeur._programme.sorties.contenus.communs`) :
   ``plan``, ``date``, ``confidentiel`` (vrai si le rapport montre la détresse, à la demande),
   ``noms_ecoles`` et ``ancres`` (école → nom, école → ancre ``#ecole-…`` pour un lien),
   ``acteurs`` (identifiant → libellé), ``besoin`` (un besoin → son libellé), ``lisible``
   (un texte où chaque identifiant de mesure devient son libellé : jamais d'identifiant brut), et les nombres à la française
   (``entier``, ``decimal``, ``pour_cent``, ``heures``, ``montant`` de ``_rendu/nombres.py``).
2. Ajouter sa ligne à :data:`SECTIONS`, à sa place dans la page :
   ``Section("appariement", "Personnes mentores et mentorées", presente=_a_des_paires,
   donnees=_paires)`` ; ``donnees(plan)`` (facultative) donne les valeurs propres au
   gabarit, ``presente(plan)`` (facultative) dit si le plan a de quoi la remplir : sinon la
   section et sa ligne de la table des matières sont omises.
3. ``tests/test_sections.py`` vérifie chaque section du registre (gabarit présent, nom en
   ASCII, titre dans la table des matières et en ``<h2>``, ancre unique) : rien d'autre à
   toucher. Une section qui montre la détresse consulte ``confidentiel`` (voir
   :mod:`~recommandeur._programme.sorties.confidentiel`).

>>> [s.nom for s in SECTIONS][:2], SECTIONS[0].gabarit
(['portrait', 'repartition'], 'plan_portrait.html.j2')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..centre.calendrier import STATUTS, date_dite
from ..modeles import Plan
from ..plans_d_ecole.calibrage import seuil_dit
from . import contenus, contenus_mentorat

_NOM = re.compile(r"[a-z][a-z0-9_]*\Z")


def _toujours(plan: Plan) -> bool:
    return True


def _rien(plan: Plan) -> Mapping[str, Any]:
    return {}


@dataclass(frozen=True)
class Section:
    """Une section du rapport : son nom (l'ancre), son titre français, ses valeurs propres.

    >>> Section("bilan", "Régulation et bilan").gabarit
    'plan_bilan.html.j2'
    >>> Section("Bilan", "x")
    Traceback (most recent call last):
    ...
    ValueError: nom de section 'Bilan' : attendu en minuscules ASCII (lettres, chiffres, _)
    """

    nom: str
    titre: str
    presente: Callable[[Plan], bool] = _toujours
    donnees: Callable[[Plan], Mapping[str, Any]] = _rien

    def __post_init__(self) -> None:
        if not _NOM.match(self.nom):
            raise ValueError(
                f"nom de section {self.nom!r} : attendu en minuscules ASCII (lettres, chiffres, _)"
            )

    @property
    def gabarit(self) -> str:
        """Le gabarit du corps de la section, dans ``_rendu/gabarits/``."""
        return f"plan_{self.nom}.html.j2"


#: Les sections du rapport, dans l'ordre de la page et de sa table des matières.
SECTIONS: tuple[Section, ...] = (
    Section("portrait", "Portrait de la situation", donnees=contenus.portrait),
    Section(
        "repartition", "Les écoles et leurs personnes en insertion", donnees=contenus.repartition
    ),
    Section(
        "appariement",
        "Personnes mentores et appariement",
        presente=contenus_mentorat.a_un_appariement,
        donnees=contenus_mentorat.appariement,
    ),
    Section(
        "capacite",
        "Heures, ETP et coût",
        presente=contenus_mentorat.a_une_capacite,
        donnees=contenus_mentorat.capacite,
    ),
    Section("alertes", "Alertes", donnees=contenus.alertes),
    Section("groupes", "Offres groupées"),
    Section(
        "calibrage",
        "École soutenue : le calibrage sur le centre",
        presente=lambda plan: plan.calibrage is not None,
        donnees=lambda plan: {"seuil": seuil_dit},
    ),
    Section(
        "calendrier",
        "Le calendrier du centre",
        presente=lambda plan: bool(plan.calendrier),
        donnees=lambda plan: {
            "statuts": STATUTS,
            "date_du_plan": date_dite(plan.date_du_plan),
        },
    ),
    Section("ecoles", "Plan par école", presente=contenus.a_des_ecoles),
    Section("charges", "Rôles et charge des intervenants", donnees=contenus.charges),
    Section("bilan", "Régulation et bilan"),
)
