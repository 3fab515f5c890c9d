"""La table des opérateurs : le seul endroit où le sens d'un opérateur est écrit.

La syntaxe (opérateurs admis, fautes courantes), la compilation (négation, développement
des listes, champs ordonnés), l'évaluation de référence, le format JSON de durable-rules et
le rendu pour les personnes lisent tous cette table. Ajouter un opérateur, c'est ajouter une
ligne ici (voir ``docs/regles.md``, « Ajouter un opérateur »).

Deux sortes d'opérateurs :

- **élémentaires** (``==``, ``<``, ...) : une comparaison ``champ op valeur`` ; c'est la forme
  des atomes compilés ;
- **de liste** (``dans``, ``hors``) : ``valeur`` est une liste, et la comparaison se développe
  en atomes de l'opérateur ``element`` reliés par ``ou`` ou par ``et``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True)
class Operateur:
    """Un opérateur du langage des règles et tout ce qui en dépend.

    >>> OPERATEURS[">="].contraire, OPERATEURS[">="].lisible, OPERATEURS[">="].durable
    ('<', '≥', '$gte')
    >>> OPERATEURS[">="].tester(9, 8)
    True
    """

    #: Le symbole écrit dans les fichiers de règles (``op = ">="``).
    symbole: str
    #: Le symbole de l'opérateur contraire (``non (x >= 8)`` devient ``x < 8``).
    contraire: str
    #: Le symbole montré aux personnes (``≥``).
    lisible: str
    #: Vrai si l'opérateur n'a de sens que sur un champ ordonné (entier, nombre, intensité).
    ordonne: bool = False
    #: La clé de durable-rules (``$gte``) ; ``None`` pour l'égalité, écrite ``{champ: valeur}``.
    durable: str | None = None
    #: Le test, sur une valeur connue du fait et la valeur de la règle (opérateurs élémentaires).
    tester: Callable[[Any, Any], bool] | None = None
    #: Pour un opérateur de liste : l'opérateur élémentaire appliqué à chaque élément…
    element: str | None = None
    #: … et la façon de relier les comparaisons obtenues.
    liaison: Literal["ou", "et"] | None = None

    @property
    def de_liste(self) -> bool:
        """Vrai si la valeur est une liste (``dans``, ``hors``)."""
        return self.element is not None


#: Les opérateurs, dans l'ordre où les messages les énumèrent.
OPERATEURS: dict[str, Operateur] = {
    op.symbole: op
    for op in (
        Operateur("==", "!=", "=", durable=None, tester=operator.eq),
        Operateur("!=", "==", "≠", durable="$neq", tester=operator.ne),
        Operateur("<", ">=", "<", ordonne=True, durable="$lt", tester=operator.lt),
        Operateur("<=", ">", "≤", ordonne=True, durable="$lte", tester=operator.le),
        Operateur(">", "<=", ">", ordonne=True, durable="$gt", tester=operator.gt),
        Operateur(">=", "<", "≥", ordonne=True, durable="$gte", tester=operator.ge),
        Operateur("dans", "hors", "parmi", element="==", liaison="ou"),
        Operateur("hors", "dans", "hors de", element="!=", liaison="et"),
    )
}

#: Les fautes d'opérateur courantes et l'opérateur voulu (pour les suggestions).
ALIAS: dict[str, str] = {
    "=": "==",
    "=>": ">=",
    "=<": "<=",
    "<>": "!=",
    "≠": "!=",
    "≤": "<=",
    "≥": ">=",
    "in": "dans",
    "not in": "hors",
    "non dans": "hors",
    "pas dans": "hors",
}

#: Les opérateurs élémentaires : ceux des atomes compilés.
ELEMENTAIRES: tuple[str, ...] = tuple(s for s, op in OPERATEURS.items() if not op.de_liste)
