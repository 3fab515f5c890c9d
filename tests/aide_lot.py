"""Des tâches de processus de calcul qui échouent, pour les tests de ``planifier``."""

from __future__ import annotations

import concurrent.futures
import os
from typing import Any

import pytest


def mourir(paquet: Any) -> Any:
    """Termine le processus de calcul sans rien renvoyer (comme une erreur de segmentation)."""
    os._exit(3)


def dormir(paquet: Any) -> Any:
    """Ne rend jamais son lot (un processus de calcul sur une machine surchargée)."""
    import time

    time.sleep(600)


def dormir_sans_lot() -> None:
    """Un démarrage de processus de calcul qui ne finit pas."""
    dormir(None)


def attendre_les_processus(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Des processus de calcul pour 500 profils et plus, attendus à chaque tour de
    ``Calcul.resumes`` (aucune course entre eux et ce processus-ci) : les lots qu'ils rendent,
    dans l'ordre où ils sont rangés."""
    import recommandeur._programme.calcul.parallele as parallele

    rendus: list[int] = []
    original = parallele.Calcul._recolter
    monkeypatch.setattr(parallele, "PAR_PROCESSUS_MIN", 500)

    def attendre(self: Any, confies: dict[Any, int], faits: list[Any], relever: bool = True) -> int:
        concurrent.futures.wait([*confies, *self._echauffes], timeout=120)
        avant = {i for i, f in enumerate(faits) if f is not None}
        n: int = original(self, confies, faits, relever)
        rendus.extend(i for i, f in enumerate(faits) if f is not None and i not in avant)
        return n

    monkeypatch.setattr(parallele.Calcul, "_recolter", attendre)
    return rendus


def mourir_ailleurs(parent: int) -> str:
    """Termine un processus de calcul qui la calcule ; dans le processus ``parent`` : « ici »."""
    if os.getpid() != parent:
        os._exit(3)
    return "ici"


#: Les morceaux calculés dans ce processus-ci par :func:`attendre_le_fichier`, dans l'ordre.
CALCULES: list[int] = []


def attendre_le_fichier(x: int, fichier: str, parent: int) -> tuple[bool, int]:
    """Un morceau de ``Calcul.ailleurs`` : (calculé dans ``parent``, ``x``). Dans un processus de
    calcul, le morceau 0 attend (2 minutes au plus) que ``fichier`` existe ; dans ``parent``,
    chaque morceau est noté dans :data:`CALCULES` et le morceau 1 crée ``fichier``."""
    import time
    from pathlib import Path

    ici = os.getpid() == parent
    if ici:
        CALCULES.append(x)
        if x == 1:
            Path(fichier).touch()
    elif x == 0:
        fin = time.monotonic() + 120
        while not os.path.exists(fichier) and time.monotonic() < fin:
            time.sleep(0.01)
    return ici, x
