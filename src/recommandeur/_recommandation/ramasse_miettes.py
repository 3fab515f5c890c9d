"""Le ramasse-miettes cyclique suspendu le temps d'un lot, puis remis comme il était.

Un lot garde tous ses résultats : chaque passage complet du ramasse-miettes parcourt alors
tous les objets déjà faits (1,9 million après 30 000 résultats, 0,6 s par passage mesuré),
pour n'en libérer aucun : :func:`~recommandeur.recommander` ne crée pas de cycle (mesuré :
``gc.collect()`` trouve 0 objet inaccessible après 5 000 appels, ramasse-miettes suspendu ;
testé). Le comptage de références libère tout le reste comme d'habitude.

Le ramasse-miettes est commun au processus : pendant un lot, il est suspendu pour tous les
fils. Des lots simultanés (plusieurs fils) le gardent suspendu jusqu'à la fin du dernier ; il
n'est remis que s'il était actif au début du premier. « Comme il était » veut dire : comme au
début du premier lot ; un ``gc.disable()`` fait ailleurs pendant un lot est défait à la fin.
Un processus né d'un ``fork`` pendant un lot n'hérite pas de la suspension : son
ramasse-miettes est remis dès sa naissance (s'il était actif avant le lot).
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Iterator

_VERROU = threading.Lock()
_LOTS_EN_COURS = 0
_REMETTRE = False


@contextlib.contextmanager
def ramasse_miettes_suspendu() -> Iterator[None]:
    """Suspend le ramasse-miettes cyclique dans le bloc ; le remet ensuite s'il était actif.

    >>> import gc
    >>> with ramasse_miettes_suspendu():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    global _LOTS_EN_COURS, _REMETTRE
    with _VERROU:
        if _LOTS_EN_COURS == 0:
            _REMETTRE = gc.isenabled()
            gc.disable()
        _LOTS_EN_COURS += 1
    try:
        yield
    finally:
        with _VERROU:
            _LOTS_EN_COURS -= 1
            if _LOTS_EN_COURS == 0 and _REMETTRE:
                _vieillir()
                gc.enable()


def _vieillir() -> None:
    """Les objets faits pendant le lot passent dans la plus vieille génération sans être parcourus.

    Sinon le premier passage après le lot parcourt tous les résultats gardés comme des objets
    jeunes (un million d'objets), puis le suivant de nouveau. ``freeze`` puis ``unfreeze`` les
    déplace sans les parcourir ; un prochain passage complet les verra, comme avant. Rien n'est
    fait si le processus a déjà gelé des objets (``gc.freeze`` d'un serveur avant ``fork``) :
    ``unfreeze`` les dégèlerait aussi.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def _apres_fork_dans_l_enfant() -> None:
    """Un processus né d'un ``fork`` pendant un lot (dans un autre fil) n'a pas ce lot : son
    ramasse-miettes est remis comme avant le premier lot, et son verrou est neuf."""
    global _VERROU, _LOTS_EN_COURS
    _VERROU = threading.Lock()
    if _LOTS_EN_COURS:
        _LOTS_EN_COURS = 0
        if _REMETTRE:
            gc.enable()


os.register_at_fork(after_in_child=_apres_fork_dans_l_enfant)
