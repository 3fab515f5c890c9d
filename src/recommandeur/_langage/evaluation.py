"""L'évaluation de référence des conditions compilées, en Python pur.

Elle ne dépend pas de durable-rules ; elle sert d'évaluateur de référence
(:class:`recommandeur._moteur.reference.EvaluateurReference`) et d'explication : pour
chaque comparaison, la valeur attendue, la valeur lue et si elle tient. Le sens de chaque
opérateur vient de la table :data:`recommandeur._langage.operateurs.OPERATEURS`.

Sémantique (celle mesurée de durable-rules) : une comparaison sur un champ absent
du fait (inconnu) ne tient jamais, quel que soit l'opérateur, ``!=`` compris.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .expressions import Atome, Et, Expression, Ou
from .operateurs import OPERATEURS

_TESTS: dict[str, Callable[[Any, Any], bool]] = {
    symbole: op.tester for symbole, op in OPERATEURS.items() if op.tester is not None
}


def tient(test: Atome, fait: Mapping[str, Any]) -> bool:
    """Vrai si la comparaison tient pour ce fait.

    >>> tient(Atome("ecole.imse", ">=", 8), {"ecole.imse": 9})
    True
    >>> tient(Atome("ecole.imse", "!=", 8), {})
    False
    """
    if test.champ not in fait:
        return False
    return _TESTS[test.op](fait[test.champ], test.valeur)


def evaluer(expression: Expression, fait: Mapping[str, Any]) -> bool:
    """Vrai si l'expression tient pour ce fait.

    >>> evaluer(Ou((Atome("ordre", "==", "primaire"), Atome("ordre", "==", "secondaire"))),
    ...         {"ordre": "secondaire"})
    True
    """
    if isinstance(expression, Atome):
        return tient(expression, fait)
    if isinstance(expression, Et):
        return all(evaluer(t, fait) for t in expression.termes)
    return any(evaluer(t, fait) for t in expression.termes)


@dataclass(frozen=True)
class Verification:
    """Une comparaison élémentaire examinée : ce qui était attendu, ce qui a été lu."""

    test: Atome
    lue: Any
    connue: bool
    tenue: bool


def verifications(expression: Expression, fait: Mapping[str, Any]) -> list[Verification]:
    """Chaque comparaison de l'expression avec la valeur lue et son verdict.

    >>> [v.tenue for v in verifications(Et((Atome("a", "==", 1), Atome("b", "<", 2))), {"a": 1, "b": 5})]
    [True, False]
    """
    if isinstance(expression, Atome):
        connue = expression.champ in fait
        return [
            Verification(expression, fait.get(expression.champ), connue, tient(expression, fait))
        ]
    resultat: list[Verification] = []
    for terme in expression.termes:
        resultat.extend(verifications(terme, fait))
    return resultat


def decisives(expression: Expression, fait: Mapping[str, Any]) -> list[Verification]:
    """Les comparaisons qui font tenir l'expression : pour ``Ou``, seulement les branches tenues.

    >>> e = Ou((Atome("a", "==", 1), Atome("b", "==", 2)))
    >>> [v.test.champ for v in decisives(e, {"a": 0, "b": 2})]
    ['b']
    """
    if isinstance(expression, Atome):
        return verifications(expression, fait)
    if isinstance(expression, Ou):
        tenues = [t for t in expression.termes if evaluer(t, fait)]
        return [v for t in (tenues or expression.termes) for v in decisives(t, fait)]
    return [v for t in expression.termes for v in decisives(t, fait)]
