"""Les affichages et les fichiers d'un plan, fournis aux emplacements de ``_programme/modeles.py``.

Importé par ``recommandeur/__init__.py`` : ``print(plan)``, ``plan.html()``, ``plan.ecrire_csv``
et ``plan.ecrire_json`` appellent ces fonctions sans que le modèle importe le rapport.
"""

from __future__ import annotations

from .. import modeles
from .classeur import ecrire_xlsx
from .rapport import apercu_html, ecrire_csv, ecrire_json, html_du_plan
from .texte import texte_alerte, texte_plan

modeles.TEXTE_ALERTE.fournir(texte_alerte)
modeles.TEXTE_PLAN.fournir(texte_plan)
modeles.HTML_PLAN.fournir(html_du_plan)
modeles.ECRIRE_CSV.fournir(ecrire_csv)
modeles.ECRIRE_JSON.fournir(ecrire_json)
modeles.ECRIRE_XLSX.fournir(ecrire_xlsx)
modeles.HTML_APERCU_PLAN.fournir(apercu_html)
