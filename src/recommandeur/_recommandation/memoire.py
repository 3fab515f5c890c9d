"""Une mémoire qui ne garde une valeur qu'à la deuxième fois qu'on la lui confie.

Les mesures recommandées sont partagées entre résultats (voir :mod:`.construction`), mais la
plupart ne reviennent jamais : sur la population du banc, 77 % des clés ne sont vues qu'une
fois (87 % sur 1 000 règles générées). Les garder toutes remplissait la mémoire d'objets qui ne
resservent pas, et chacun, survivant, poussait le ramasse-miettes vers des passages complets
sur tout le processus (28 % du temps d'un appel sur 1 000 règles, mesuré au ticket 24). Une
valeur n'est donc gardée que si l'empreinte de sa clé a déjà été vue ; une empreinte partagée
par deux clés ne fait que garder plus tôt, jamais retrouver une autre valeur.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any


class MemoireARevoir(dict[Hashable, Any]):
    """Un ``dict`` (lectures inchangées, en C) dont l'écriture ne garde une clé qu'à sa deuxième fois.

    >>> m = MemoireARevoir(taille=10)
    >>> m["a"] = 1
    >>> "a" in m
    False
    >>> m["a"] = 1
    >>> m["a"]
    1
    """

    __slots__ = ("_taille", "_vues")

    def __init__(self, taille: int) -> None:
        super().__init__()
        self._taille = taille
        #: Les empreintes des clés confiées une fois (des entiers : rien à parcourir pour le
        #: ramasse-miettes), oubliées quand il y en a ``taille``.
        self._vues: set[int] = set()

    def __setitem__(self, cle: Hashable, valeur: Any) -> None:
        empreinte = hash(cle)
        if empreinte in self._vues:
            super().__setitem__(cle, valeur)
            return
        if len(self._vues) >= self._taille:
            self._vues.clear()
        self._vues.add(empreinte)

    def clear(self) -> None:
        super().clear()
        self._vues.clear()
