"""Les conditions compilées : atomes ``champ op valeur`` reliés par ``Et`` et ``Ou``.

C'est la forme normale négative d'une condition de règle (les ``non`` sont descendus
jusqu'aux comparaisons) : durable-rules, l'évaluateur de référence, la satisfiabilité et les
explications lisent tous cette forme. ``op`` est le symbole d'un opérateur élémentaire de la
table :data:`recommandeur._langage.operateurs.OPERATEURS`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import ConfigDict

from .._base.schema_json import nettoyer_schema

#: Les schémas JSON des expressions (dans celui d'une règle compilée), sans balisage.
_CONFIG = ConfigDict(json_schema_extra=nettoyer_schema)

Scalaire = bool | int | float | str


@dataclass(frozen=True)
class Atome:
    """Une comparaison élémentaire ``champ op valeur`` (valeur déjà au type du fait).

    >>> Atome("ecole.imse", ">=", 8)
    Atome(champ='ecole.imse', op='>=', valeur=8)
    """

    champ: str
    op: str
    valeur: Scalaire

    __pydantic_config__ = _CONFIG


@dataclass(frozen=True)
class Et:
    """Conjonction."""

    termes: tuple[Expression, ...]

    __pydantic_config__ = _CONFIG


@dataclass(frozen=True)
class Ou:
    """Disjonction."""

    termes: tuple[Expression, ...]

    __pydantic_config__ = _CONFIG


Expression = Atome | Et | Ou


def atomes(expression: Expression) -> Iterator[Atome]:
    """Les comparaisons élémentaires d'une expression, de gauche à droite.

    >>> [a.champ for a in atomes(Et((Atome("a", "==", 1), Ou((Atome("b", "<", 2),)))))]
    ['a', 'b']
    """
    if isinstance(expression, Atome):
        yield expression
    else:
        for terme in expression.termes:
            yield from atomes(terme)


def aplatir(expression: Et | Ou) -> Expression:
    """Fond les termes de même genre (``Et(a, Et(b, c))`` devient ``Et(a, b, c)``) ; un seul terme reste seul.

    >>> aplatir(Et((Atome("a", "==", 1), Et((Atome("b", "==", 2),)))))
    Et(termes=(Atome(champ='a', op='==', valeur=1), Atome(champ='b', op='==', valeur=2)))
    >>> aplatir(Ou((Atome("a", "==", 1),)))
    Atome(champ='a', op='==', valeur=1)
    """
    genre = type(expression)
    termes: list[Expression] = []
    for terme in expression.termes:
        termes.extend(terme.termes if isinstance(terme, genre) else (terme,))
    return termes[0] if len(termes) == 1 else genre(tuple(termes))


#: Au-delà, les tailles de forme disjonctive sont saturées (elles ne servent qu'à borner).
SATURATION = 10**6

#: Au plus autant de comparaisons, une fois la condition développée en forme disjonctive : la
#: borne d'un ensemble de règles de durable-rules (64 nœuds de pile, voir ``docs/moteur.md``),
#: moins les nœuds de la règle attrape-tout et une marge.
COMPARAISONS_MAX = 59


def taille_disjonctive(expression: Expression) -> tuple[int, int]:
    """(nombre de termes, nombre de comparaisons) de la forme disjonctive, saturés.

    >>> taille_disjonctive(Et((Atome("a", "==", 1), Ou((Atome("b", "==", 1), Atome("c", "==", 2))))))
    (2, 4)
    """
    if isinstance(expression, Atome):
        return 1, 1
    if isinstance(expression, Et):
        termes, comparaisons = 1, 0
        for enfant in expression.termes:
            t, c = taille_disjonctive(enfant)
            comparaisons = min(SATURATION, comparaisons * t + c * termes)
            termes = min(SATURATION, termes * t)
        return termes, comparaisons
    termes = comparaisons = 0
    for enfant in expression.termes:
        t, c = taille_disjonctive(enfant)
        termes, comparaisons = min(SATURATION, termes + t), min(SATURATION, comparaisons + c)
    return termes, comparaisons


def en_donnees(expression: Expression) -> object:
    """L'expression en données JSON : ``[champ, op, valeur]``, ``{"et": [...]}``, ``{"ou": [...]}``.

    >>> en_donnees(Et((Atome("a", "==", 1), Ou((Atome("b", "<", 2), Atome("c", ">", 3))))))
    {'et': [['a', '==', 1], {'ou': [['b', '<', 2], ['c', '>', 3]]}]}
    """
    if isinstance(expression, Atome):
        return [expression.champ, expression.op, expression.valeur]
    genre = "et" if isinstance(expression, Et) else "ou"
    return {genre: [en_donnees(t) for t in expression.termes]}


def depuis_donnees(donnees: object) -> Expression:
    """L'expression écrite par :func:`en_donnees` ; ``ValueError`` si les données n'en sont pas une.

    >>> e = Et((Atome("a", "==", 1), Ou((Atome("b", "<", 2.5), Atome("c", "!=", "x")))))
    >>> depuis_donnees(en_donnees(e)) == e
    True
    """
    if isinstance(donnees, list) and len(donnees) == 3 and isinstance(donnees[0], str):
        champ, op, valeur = donnees
        if isinstance(op, str) and isinstance(valeur, bool | int | float | str):
            return Atome(champ, op, valeur)
    if isinstance(donnees, dict) and len(donnees) == 1:
        ((genre, termes),) = donnees.items()
        if genre in {"et", "ou"} and isinstance(termes, list) and termes:
            parties = tuple(depuis_donnees(t) for t in termes)
            return Et(parties) if genre == "et" else Ou(parties)
    raise ValueError(f"expression illisible : {str(donnees)[:80]}")
