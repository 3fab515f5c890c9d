"""La commande ``recommandeur`` : arguments et entrées-sorties seulement (la bibliothèque fait le reste).

Le point d'entrée ``recommandeur._cli:main`` (``pyproject.toml``) est :func:`.commande.main`.
"""

from .commande import main

__all__ = ["main"]
