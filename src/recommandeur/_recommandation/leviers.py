"""Les leviers d'une conseillère : ce qu'elle peut changer dans un profil pour une mesure.

Un levier est un champ du profil sur lequel on peut agir (pas l'expérience, l'ordre ou l'école) :

- la **présence d'un intervenant** dans l'école (``ecole.mentor_dans_l_ecole`` …) : la confirmer
  ou constater son absence ;
- l'**affectation** (``affectation.partage_de_tache``, ``affectation.nb_ecoles`` …) ;
- un **besoin réévalué** (``besoins.gestion_de_classe`` : aucune, faible, modérée, élevée) ;
- l'**effet d'une mesure reçue** (``mesures_recues[0].efficace``).

Les leviers d'une mesure sont ceux que lisent les conditions des règles qui la proposent, et la
présence de ses intervenants ; leurs valeurs candidates sont un représentant par région entre
les constantes de ces conditions (comme :mod:`recommandeur._analyse.satisfiabilite`), les plus
proches de la valeur actuelle d'abord.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .._catalogue.modeles import Catalogue
from .._langage.expressions import atomes
from .._langage.regions import representants
from .._langage.regle import RegleCompilee
from .._profil.champs import CHAMPS, INTENSITES
from .._profil.modeles import PRESENCES, Profil

GenreLevier = Literal["presence", "affectation", "besoin", "effet"]

#: Les intensités d'un besoin déclaré, dans l'ordre (``aucune`` : le besoin n'est pas déclaré).
ORDRE_INTENSITES: tuple[str, ...] = tuple(INTENSITES)


@dataclass(frozen=True)
class Levier:
    """Un champ du profil sur lequel agir, sa valeur actuelle et ses valeurs candidates (JSON)."""

    champ: str
    genre: GenreLevier
    actuelle: Any
    valeurs: tuple[Any, ...]


def _proches(
    actuelle: Any, valeurs: Iterable[Any], ordre: Sequence[Any] | None = None
) -> tuple[Any, ...]:
    """Les valeurs autres que l'actuelle, les plus proches d'abord."""
    autres = [v for v in valeurs if v != actuelle]
    if ordre is not None:
        rang = {v: i for i, v in enumerate(ordre)}
        depart = rang.get(actuelle, 0)
        return tuple(sorted(autres, key=lambda v: (abs(rang[v] - depart), rang[v])))
    if isinstance(actuelle, int | float) and not isinstance(actuelle, bool):
        return tuple(sorted(autres, key=lambda v: (abs(v - actuelle), v)))
    return tuple(autres)


def champs_de_presence(catalogue: Catalogue, mesure: str) -> tuple[str, ...]:
    """Les champs de présence (``ecole.<champ>``) des intervenants d'une mesure.

    >>> from recommandeur import charger_catalogue
    >>> champs_de_presence(charger_catalogue(), "mentorat")
    ('ecole.mentor_dans_l_ecole',)
    """
    champs: list[str] = []
    for intervenant in catalogue.mesure(mesure).intervenants:
        presence = catalogue.acteur(intervenant.acteur).presence
        if presence.startswith("ecole.") and presence not in champs:
            champs.append(presence)
    return tuple(champs)


def leviers(
    profil: Profil, regles: Sequence[RegleCompilee], presences: Iterable[str]
) -> list[Levier]:
    """Les leviers qu'examinent les conditions de ``regles`` et les champs ``presences``.

    >>> from recommandeur._langage.expressions import Atome
    >>> from recommandeur._langage.regle import RegleCompilee
    >>> r = RegleCompilee(id="r", fichier="f", titre="t", propositions=(), justification="j",
    ...                   sources=(), condition=Atome("affectation.nb_ecoles", ">=", 3))
    >>> [(l.champ, l.valeurs) for l in leviers(Profil(annees_experience=1, ordre="primaire"), [r], [])]
    [('affectation.nb_ecoles', (2, 3, 4, 20))]
    """
    constantes: dict[str, set[Any]] = {}
    for regle in regles:
        for atome in atomes(regle.condition):
            constantes.setdefault(atome.champ, set()).add(atome.valeur)
    for champ in presences:
        constantes.setdefault(champ, set())
    donnees = profil.model_dump(mode="json")
    trouves: list[Levier] = []
    for champ in sorted(constantes):
        nom = champ.split(".", 1)[-1]
        if champ.startswith("ecole.") and nom in PRESENCES:
            actuelle = donnees["ecole"][nom]
            trouves.append(Levier(champ, "presence", actuelle, _proches(actuelle, (True, False))))
        elif champ.startswith("affectation."):
            actuelle = donnees["affectation"][nom]
            domaine = representants(CHAMPS[champ], constantes[champ])
            trouves.append(Levier(champ, "affectation", actuelle, _proches(actuelle, domaine)))
        elif champ.startswith("besoins."):
            actuelle = donnees["besoins"].get(nom, "aucune")
            valeurs = _proches(actuelle, ORDRE_INTENSITES, ORDRE_INTENSITES)
            trouves.append(Levier(champ, "besoin", actuelle, valeurs))
    for rang, recue in enumerate(donnees["mesures_recues"]):
        efficace = recue["efficace"]
        trouves.append(
            Levier(f"mesures_recues[{rang}].efficace", "effet", efficace, (not efficace,))
        )
    return trouves


_RECUE = re.compile(r"^mesures_recues\[(\d+)\]\.efficace$")


def appliquer(donnees: dict[str, Any], changements: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """Une copie des données JSON d'un profil, les leviers changés.

    >>> d = {"besoins": {"numerique": "faible"}, "ecole": {}, "mesures_recues": [{"efficace": True}]}
    >>> appliquer(d, [("besoins.numerique", "aucune"), ("mesures_recues[0].efficace", False)])
    {'besoins': {}, 'ecole': {}, 'mesures_recues': [{'efficace': False}]}
    """
    resultat = copy.deepcopy(donnees)
    for champ, valeur in changements:
        recue = _RECUE.match(champ)
        if recue:
            resultat["mesures_recues"][int(recue[1])]["efficace"] = valeur
            continue
        table, nom = champ.split(".", 1)
        if table == "besoins" and valeur == "aucune":
            resultat["besoins"].pop(nom, None)
        else:
            resultat[table][nom] = valeur
    return resultat
