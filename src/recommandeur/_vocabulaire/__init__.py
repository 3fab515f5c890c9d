"""Le vocabulaire du domaine : les énumérations, les titres des documents, « centre » ou « école ».

Le paquet réexporte les énumérations de :mod:`.enumerations` (``from .._vocabulaire import
Niveau``) ; les titres et le centre s'importent de leur module.
"""

from . import enumerations
from .enumerations import *  # noqa: F403  (la liste des noms : enumerations.__all__)
from .insertion import annees_au_quebec, periode_d_insertion

__all__ = ["annees_au_quebec", "periode_d_insertion"]
__all__ += enumerations.__all__
