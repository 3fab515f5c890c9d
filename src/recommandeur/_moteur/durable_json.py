"""Le format JSON de durable-rules, émis à partir des conditions compilées (données pures).

Ce module n'importe pas durable-rules : il traduit une condition compilée en la condition
JSON que reçoit ``create_ruleset`` (la clé de chaque opérateur vient de la table des
opérateurs) et répartit les règles en ensembles dont la pile du réseau alpha ne peut pas
déborder, en comptant les nœuds que durable-rules partage.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from graphlib import TopologicalSorter
from typing import Any

from .._base.erreurs import ErreurMoteur
from .._langage.expressions import COMPARAISONS_MAX, Atome, Et, Expression
from .._langage.operateurs import OPERATEURS

#: Au plus 64 nœuds sur la pile du parcours du réseau alpha (MAX_STACK_SIZE de durable-rules) :
#: au-delà, ``assert_fact`` échoue (code 303) ou le processus meurt, selon le fait. La limite
#: exacte est 64 (mesurée) ; un ensemble garde une pile d'au plus 60 au pire
#: (:meth:`Reseau.pile_max`), attrape-tout compris : il ne peut pas déborder.
PILE_MAX = COMPARAISONS_MAX + 1
#: La « pile » d'un réseau dont un nœud a trop d'enfants : plus que toute limite.
PILE_SANS_PLACE = 10**9
#: Au plus autant de règles par ensemble : des ensembles de 200 règles générées ont été
#: mesurés sans erreur ; au-delà de 300, sans découpage, la pile déborde et un ensemble de
#: 500 a corrompu la mémoire du processus (``free(): invalid size``).
REGLES_PAR_ENSEMBLE = 100
#: Au plus autant d'enfants par nœud : durable-rules les range dans une table de 512 places
#: (NEXT_BUCKET_LENGTH) et refuse l'ensemble au-delà ; des égalités exclusives ne pèsent pas
#: sur la pile, mais elles remplissent cette table.
ENFANTS_MAX = 256
#: Le champ que porte chaque fait et que teste la règle attrape-tout de chaque ensemble.
CHAMP_ATTRAPE_TOUT = "recommandeur_fait"


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


def renommer(expression: Expression, noms: Mapping[str, str]) -> Expression:
    """La condition dont chaque champ porte le nom que lui donne ``noms``.

    >>> from recommandeur._langage.expressions import Atome, Ou
    >>> renommer(Ou((Atome("ecole.imse", ">=", 8), Atome("ordre", "==", "fp"))), {"ecole.imse": "c0", "ordre": "c1"})
    Ou(termes=(Atome(champ='c0', op='>=', valeur=8), Atome(champ='c1', op='==', valeur='fp')))
    """
    if isinstance(expression, Atome):
        return Atome(noms[expression.champ], expression.op, expression.valeur)
    return type(expression)(tuple(renommer(t, noms) for t in expression.termes))


class Reseau:
    """Le réseau alpha que durable-rules construit pour un ensemble de règles, de quoi majorer sa pile.

    Comme ``rete.c`` : une comparaison est un nœud sous le nœud précédent de sa règle, **partagé**
    avec toute règle qui a déjà la même comparaison (même champ, opérateur et valeur) sous le
    même nœud ; un ``$or`` crée un nœud de renvoi que rejoint chacune de ses branches, et la
    suite de la conjonction part de lui. Le parcours d'un fait (``handleAlpha``) dépile un nœud
    et empile ses enfants qui conviennent : au pire tous, et un renvoi une fois par branche.

    >>> r = Reseau()
    >>> for cond in (Et((Atome("a", "==", 1), Atome("b", "==", 1))), Atome("a", "==", 1)):
    ...     r.ajouter(cond)
    >>> r.pile_max()   # la racine (a == 1, l'attrape-tout) puis les enfants de a == 1 (b == 1)
    2
    """

    def __init__(self) -> None:
        self._enfants: dict[int, list[int]] = {0: []}
        self._noeuds: dict[tuple[int, str, str, str], int] = {}
        #: La comparaison de chaque nœud (champ, opérateur, valeur) ; un renvoi n'en a pas.
        self._tests: dict[int, tuple[str, str, object]] = {}
        self.ajouter(Atome(CHAMP_ATTRAPE_TOUT, "==", 1))

    def _nouveau(self, parent: int, cle: tuple[int, str, str, str], test: Atome) -> int:
        noeud = len(self._enfants)
        self._enfants[noeud] = []
        self._enfants[parent].append(noeud)
        self._noeuds[cle] = noeud
        self._tests[noeud] = (test.champ, test.op, test.valeur)
        return noeud

    def _construire(self, expression: Expression, parent: int) -> int:
        if isinstance(expression, Atome):
            # même texte JSON, même valeur : 1 et 1.0 comptent pour deux nœuds (majorant)
            cle = (parent, expression.champ, expression.op, json.dumps(expression.valeur))
            trouve = self._noeuds.get(cle)
            return trouve if trouve is not None else self._nouveau(parent, cle, expression)
        if isinstance(expression, Et):
            for terme in expression.termes:
                parent = self._construire(terme, parent)
            return parent
        renvoi = self._nouveau_renvoi()
        for terme in expression.termes:
            self._enfants[self._construire(terme, parent)].append(renvoi)
        return renvoi

    def _nouveau_renvoi(self) -> int:
        noeud = len(self._enfants)
        self._enfants[noeud] = []
        return noeud

    def ajouter(self, condition: Expression) -> None:
        """Ajoute la condition d'une règle (ses nœuds, partagés avec ceux déjà là)."""
        self._construire(condition, 0)

    def pile_max(self) -> int:
        """Un majorant de la pile du parcours d'un fait, quel que soit le fait.

        Quand un nœud est dépilé, la pile garde au plus, pour chacun de ses ancêtres, ses
        autres enfants pas encore parcourus ; il y empile ensuite les siens. Un nœud de plus de
        :data:`ENFANTS_MAX` enfants rend :data:`PILE_SANS_PLACE` : l'ensemble ne tiendrait pas.
        """
        ordre = TopologicalSorter({n: () for n in self._enfants})
        for parent, enfants in self._enfants.items():
            for enfant in enfants:
                ordre.add(enfant, parent)
        attente = dict.fromkeys(self._enfants, 0)
        pire = 0
        for noeud in ordre.static_order():
            enfants = self._enfants[noeud]
            if len(enfants) > ENFANTS_MAX:
                return PILE_SANS_PLACE
            empiles = self._empiles_au_plus(enfants)
            pire = max(pire, attente[noeud] + empiles)
            for enfant in enfants:
                attente[enfant] = max(attente[enfant], attente[noeud] + empiles - 1)
        return pire

    def _empiles_au_plus(self, enfants: list[int]) -> int:
        """Combien de ces enfants un même fait peut faire empiler à la fois.

        Un fait n'a qu'une valeur par champ : des égalités à des valeurs différentes d'un même
        champ s'excluent, une seule convient (1, 1.0 et ``true`` comptent pour une même
        valeur : au pire, durable-rules les confond). Une chaîne et un nombre restent
        distincts : le compilateur n'admet, pour un champ, que des valeurs de son type (un
        champ booléen, des booléens ; un champ de choix, des chaînes). Tout autre enfant peut
        convenir.
        """
        egalites: dict[tuple[str, object], int] = {}
        autres = 0
        for enfant in enfants:
            test = self._tests.get(enfant)
            if test is None or test[1] != "==":
                autres += 1
            else:
                cle = (test[0], _valeur_comparee(test[2]))
                egalites[cle] = egalites.get(cle, 0) + 1
        par_champ: dict[str, int] = {}
        for (champ, _), nombre in egalites.items():
            par_champ[champ] = max(par_champ.get(champ, 0), nombre)
        return autres + sum(par_champ.values())


def _valeur_comparee(valeur: object) -> object:
    """La valeur d'une égalité telle que deux valeurs que durable-rules pourrait confondre se confondent.

    >>> _valeur_comparee(True) == _valeur_comparee(1) == _valeur_comparee(1.0)
    True
    """
    if isinstance(valeur, bool | int | float):
        return float(valeur)
    return valeur


def decouper(conditions: Mapping[str, Expression]) -> list[list[str]]:
    """Répartit les règles, dans l'ordre, en ensembles dont la pile ne peut pas déborder.

    Chaque ensemble prend le plus long début des règles restantes dont :meth:`Reseau.pile_max`
    (nœuds partagés comptés une fois, attrape-tout compris) reste sous ``PILE_MAX``, au plus
    ``REGLES_PAR_ENSEMBLE`` règles. Ajouter une règle ne fait jamais baisser la pile : ce début
    se trouve par dichotomie, sans essayer les règles une à une (la base livrée : un essai).

    >>> x = Atome("x", "==", 1)
    >>> decouper({"a": x, "b": Et((x, Atome("y", "==", 2))), "c": Atome("y", "==", 2)})
    [['a', 'b', 'c']]
    >>> [len(m) for m in decouper({f"r{i}": Atome("x", ">=", i) for i in range(130)})]
    [59, 59, 12]
    >>> [len(m) for m in decouper({f"r{i}": Atome("x", "==", i) for i in range(130)})]
    [100, 30]
    """
    rids = list(conditions)
    morceaux: list[list[str]] = []
    debut = 0
    while debut < len(rids):
        seule = _pile(conditions, rids[debut : debut + 1])
        if seule > PILE_MAX:
            raise ErreurMoteur(
                f"condition trop complexe pour durable-rules (pile de {seule} nœuds au pire, "
                f"au plus {PILE_MAX})",
                rids[debut],
            )
        # le plus long début qui tient : au moins 1 règle, au plus le plafond
        bas, haut = debut + 1, min(len(rids), debut + REGLES_PAR_ENSEMBLE)
        if _pile(conditions, rids[debut:haut]) <= PILE_MAX:
            bas = haut
        while bas < haut:
            milieu = (bas + haut + 1) // 2
            if _pile(conditions, rids[debut:milieu]) <= PILE_MAX:
                bas = milieu
            else:
                haut = milieu - 1
        morceaux.append(rids[debut:bas])
        debut = bas
    return morceaux


def _pile(conditions: Mapping[str, Expression], rids: list[str]) -> int:
    reseau = Reseau()
    for rid in rids:
        reseau.ajouter(conditions[rid])
    return reseau.pile_max()
