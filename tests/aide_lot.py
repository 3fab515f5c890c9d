"""Des tâches de processus de calcul qui échouent, pour les tests de ``planifier``."""

from __future__ import annotations

import os
from typing import Any


def mourir(paquet: Any) -> Any:
    """Termine le processus de calcul sans rien renvoyer (comme une erreur de segmentation)."""
    os._exit(3)
