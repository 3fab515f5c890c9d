"""L'évaluateur de référence : la même interface que durable-rules, en Python pur.

:class:`Evaluateur` est ce qu'attend un :class:`~recommandeur.Moteur` : des règles
compilées, et pour un fait la liste des règles déclenchées. durable-rules
(:class:`recommandeur._moteur.durable.EnsembleDurable`) et l'évaluateur de référence
l'implémentent tous deux ; les tests les comparent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from .._base.erreurs import ErreurArgument, ErreurMoteur
from .._langage.evaluation import evaluer
from .._langage.expressions import Expression


class Evaluateur(Protocol):
    """Ce qui déclenche des règles : ``declencher(fait)`` renvoie les identifiants des règles tenues."""

    def declencher(self, fait: Mapping[str, Any]) -> list[str]:
        """Les identifiants des règles dont la condition tient pour ce fait, chacune une fois."""
        ...


class EvaluateurReference:
    """Les conditions évaluées une à une par :func:`recommandeur._langage.evaluation.evaluer`.

    >>> from recommandeur._langage.expressions import Atome
    >>> EvaluateurReference({"imse_eleve": Atome("ecole.imse", ">=", 8)}).declencher({"ecole.imse": 9})
    ['imse_eleve']
    """

    def __init__(self, conditions: Mapping[str, Expression]) -> None:
        self._conditions = dict(conditions)

    def declencher(self, fait: Mapping[str, Any]) -> list[str]:
        """Les règles tenues, dans l'ordre des conditions."""
        return [rid for rid, condition in self._conditions.items() if evaluer(condition, fait)]


def fabriquer(genre: str, conditions: Mapping[str, Expression]) -> Evaluateur:
    """L'évaluateur ``"durable"`` (durable-rules) ou ``"reference"`` (Python pur) de ces conditions.

    durable-rules n'est importé qu'ici, et seulement pour ``"durable"`` : le langage, l'analyse
    et l'évaluateur de référence n'en dépendent pas, et ``import recommandeur`` fonctionne
    sans lui.

    >>> from recommandeur._langage.expressions import Atome
    >>> fabriquer("reference", {"r": Atome("ordre", "==", "primaire")}).declencher({"ordre": "primaire"})
    ['r']
    """
    if genre == "reference":
        return EvaluateurReference(conditions)
    if genre != "durable":
        raise ErreurArgument(
            "evaluateur", "'durable' ou 'reference'", genre, admis=("durable", "reference")
        )
    try:
        from .durable import EnsembleDurable
    except ImportError as exc:
        raise ErreurMoteur(
            f"durable-rules ne peut pas être importé ({exc}) ; "
            'l\'installer (pip install durable-rules==2.0.28) ou utiliser evaluateur="reference"'
        ) from None
    return EnsembleDurable(conditions)
