"""Questions logiques sur les conditions compilées : satisfiable, implication, équivalence.

Une condition compilée ne compare chaque champ qu'à des constantes. La vérité de toutes ses
comparaisons ne dépend donc que de la *région* où tombe la valeur d'un champ entre ces
constantes. En prenant un représentant par région, dans le domaine du champ (bornes du
profil, valeurs admises, « inconnu » pour un champ facultatif), l'énumération des
combinaisons de représentants décide exactement :

- si une condition peut tenir (:func:`satisfiable`) ;
- si une condition en implique une autre (:func:`implique`) ;
- si deux conditions sont équivalentes (:func:`equivalentes`).

Les nombres d'un fait ont au plus ``DECIMALES`` décimales : un représentant « juste au-dessus »
d'une constante ``c`` est ``c + 10**-DECIMALES``. Les liens entre champs (par exemple
``nb_mesures_inefficaces <= nb_mesures_recues``) ne sont pas modélisés : une condition jugée
satisfiable peut l'être seulement sur le papier, jamais l'inverse.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from .._langage.evaluation import evaluer
from .._langage.expressions import Expression, atomes
from .._langage.regions import INCONNU, _Inconnu, representants
from .._profil.champs import CHAMPS

__all__ = ["INCONNU", "equivalentes", "implique", "representants", "satisfiable", "temoin"]

#: Au-delà, l'énumération est refusée (conditions démesurées).
COMBINAISONS_MAX = 2_000_000


def _constantes(expressions: Sequence[Expression]) -> dict[str, set[Any]]:
    par_champ: dict[str, set[Any]] = {}
    for expression in expressions:
        for atome in atomes(expression):
            par_champ.setdefault(atome.champ, set()).add(atome.valeur)
    return par_champ


def _faits(
    expressions: Sequence[Expression], fixes: dict[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    constantes = _constantes(expressions)
    fixes = fixes or {}
    champs = sorted(set(constantes) - set(fixes))
    domaines = [representants(CHAMPS[c], constantes[c]) for c in champs]
    total = 1
    for domaine in domaines:
        total *= len(domaine)
    if total > COMBINAISONS_MAX:
        raise ValueError(f"condition trop vaste pour l'analyse ({total} combinaisons)")
    for combinaison in itertools.product(*domaines):
        fait = {
            c: v for c, v in zip(champs, combinaison, strict=True) if not isinstance(v, _Inconnu)
        }
        fait.update(fixes)
        yield fait


def temoin(expression: Expression, fixes: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """Un fait (partiel) qui fait tenir l'expression, ou ``None`` s'il n'y en a pas.

    ``fixes`` impose des valeurs à certains champs.

    >>> from recommandeur._langage.expressions import Atome, Et
    >>> temoin(Et((Atome("annees_experience", "<", 2), Atome("annees_experience", ">", 4)))) is None
    True
    >>> temoin(Atome("ecole.imse", ">=", 8))
    {'ecole.imse': 8}
    """
    for fait in _faits([expression], fixes):
        if evaluer(expression, fait):
            return fait
    return None


def satisfiable(expression: Expression, fixes: dict[str, Any] | None = None) -> bool:
    """Vrai si un profil (dans les domaines des champs) peut faire tenir l'expression.

    >>> from recommandeur._langage.expressions import Atome
    >>> satisfiable(Atome("ecole.imse", ">", 10))
    False
    """
    return temoin(expression, fixes) is not None


def implique(a: Expression, b: Expression) -> bool:
    """Vrai si tout profil qui fait tenir ``a`` fait tenir ``b``.

    >>> from recommandeur._langage.expressions import Atome
    >>> implique(Atome("annees_experience", "<=", 1), Atome("annees_experience", "<", 7))
    True
    >>> implique(Atome("annees_experience", "<", 7), Atome("annees_experience", "<=", 1))
    False
    """
    return all(evaluer(b, fait) for fait in _faits([a, b]) if evaluer(a, fait))


def equivalentes(a: Expression, b: Expression) -> bool:
    """Vrai si ``a`` et ``b`` tiennent pour exactement les mêmes profils."""
    return all(evaluer(a, fait) == evaluer(b, fait) for fait in _faits([a, b]))
