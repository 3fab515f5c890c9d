"""Le format JSON de durable-rules, émis à partir des conditions compilées (données pures).

Ce module n'importe pas durable-rules : il traduit une condition compilée en la condition
JSON que reçoit ``create_ruleset`` (la clé de chaque opérateur vient de la table des
opérateurs) et répartit les règles en ensembles de taille bornée.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._erreurs import ErreurMoteur
from .._langage.compilation import COMPARAISONS_MAX
from .._langage.expressions import Atome, Et, Expression, taille_disjonctive
from .._langage.operateurs import OPERATEURS

#: Au plus 64 nœuds sur la pile du parcours du réseau alpha (MAX_STACK_SIZE de durable-rules) :
#: au-delà, ``assert_fact`` échoue (code 303) selon le fait. Chaque nœud n'y entre qu'une fois
#: par parcours : un ensemble d'au plus 63 nœuds ne peut pas déborder. On en garde 60, dont
#: un pour la règle attrape-tout.
NOEUDS_PAR_ENSEMBLE = COMPARAISONS_MAX + 1


def en_json_durable(expression: Expression) -> dict[str, Any]:
    """La condition au format JSON de durable-rules.

    >>> en_json_durable(Et((Atome("ecole.imse", ">=", 8), Atome("ordre", "==", "primaire"))))
    {'$and': [{'$gte': {'ecole.imse': 8}}, {'ordre': 'primaire'}]}
    """
    if isinstance(expression, Atome):
        cle = OPERATEURS[expression.op].durable
        if cle is None:
            return {expression.champ: expression.valeur}
        return {cle: {expression.champ: expression.valeur}}
    genre = "$and" if isinstance(expression, Et) else "$or"
    return {genre: [en_json_durable(t) for t in expression.termes]}


def noeuds_alpha(condition: Expression) -> int:
    """Majorant du nombre de nœuds alpha d'une condition : ses comparaisons en forme disjonctive.

    durable-rules développe les disjonctions (une chaîne de nœuds par terme) ; le partage
    des nœuds identiques n'est pas compté, d'où un majorant.

    >>> from recommandeur._langage.expressions import Ou
    >>> noeuds_alpha(Et((Atome("a", "==", 1), Ou((Atome("b", "==", 1), Atome("c", "==", 2))))))
    4
    """
    return taille_disjonctive(condition)[1]


def decouper(conditions: Mapping[str, Expression]) -> list[list[str]]:
    """Répartit les règles, dans l'ordre, en ensembles d'au plus ``NOEUDS_PAR_ENSEMBLE - 1`` nœuds.

    >>> x = Atome("x", "==", 1)
    >>> decouper({"a": x, "b": Et((x,) * 59), "c": Atome("y", "==", 2)})
    [['a'], ['b'], ['c']]
    """
    morceaux: list[list[str]] = []
    courant: list[str] = []
    charge = 0
    for rid, condition in conditions.items():
        noeuds = noeuds_alpha(condition)
        if noeuds > NOEUDS_PAR_ENSEMBLE - 1:
            raise ErreurMoteur(
                f"condition trop complexe pour durable-rules ({noeuds} comparaisons en forme "
                f"disjonctive, au plus {NOEUDS_PAR_ENSEMBLE - 1})",
                rid,
            )
        if courant and charge + noeuds > NOEUDS_PAR_ENSEMBLE - 1:
            morceaux.append(courant)
            courant, charge = [], 0
        courant.append(rid)
        charge += noeuds
    if courant:
        morceaux.append(courant)
    return morceaux
