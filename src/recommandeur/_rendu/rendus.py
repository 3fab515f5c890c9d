"""Les affichages des modèles d'en dessous (erreur, profil, catalogue), fournis à leurs emplacements.

Importé par ``recommandeur/__init__.py`` : ``print(profil)``, ``mesure._repr_html_()``, ... appellent
ces fonctions sans que les modèles importent la couche de rendu (aucun cycle d'importation).
"""

from __future__ import annotations

from .._base import erreurs
from .._catalogue import modeles as catalogue
from .._profil import modeles as profil
from .._profil.modeles import Profil
from .catalogue import texte_acteur, texte_catalogue, texte_mesure
from .courts import texte_mesure_recue
from .html import html_acteur, html_catalogue, html_erreur, html_mesure, html_profil
from .recommandation import lignes_profil


def texte_profil(p: Profil) -> str:
    """Le profil en deux lignes (``print(profil)``)."""
    return "\n".join(lignes_profil(p))


erreurs.HTML_ERREUR.fournir(html_erreur)
profil.TEXTE_MESURE_RECUE.fournir(texte_mesure_recue)
profil.TEXTE_PROFIL.fournir(texte_profil)
profil.HTML_PROFIL.fournir(html_profil)
catalogue.TEXTE_ACTEUR.fournir(texte_acteur)
catalogue.HTML_ACTEUR.fournir(html_acteur)
catalogue.TEXTE_MESURE.fournir(texte_mesure)
catalogue.HTML_MESURE.fournir(html_mesure)
catalogue.TEXTE_CATALOGUE.fournir(texte_catalogue)
catalogue.HTML_CATALOGUE.fournir(html_catalogue)
