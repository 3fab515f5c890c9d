"""Le tableau de suivi exporté : CSV (UTF-8 avec BOM, pour un tableur) et page HTML (Jinja2).

Ce qui est exporté est ce que :func:`~recommandeur.tableau_de_suivi` a gardé : la détresse et
les offres qui la révèlent n'y sont que si la personne a consenti et que l'export le demande.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from jinja2 import Environment

from .tableau import LigneTableau

#: Les colonnes du CSV, dans l'ordre.
COLONNES = (
    "personne",
    "ecole",
    "mesures_en_cours",
    "derniere_revue",
    "besoins",
    "a_revoir",
    "changements",
    "detresse",
)


def _cellules(ligne: LigneTableau) -> list[str]:
    return [
        ligne.personne,
        ligne.ecole or "",
        " ; ".join(ligne.mesures),
        ligne.derniere_revue.isoformat() if ligne.derniere_revue else "",
        " ; ".join(f"{b} : {i}" for b, i in ligne.besoins.items()),
        " ; ".join(ligne.a_revoir),
        " ; ".join(ligne.changements),
        "" if ligne.detresse is None else ("oui" if ligne.detresse else "non"),
    ]


def tableau_csv(lignes: Sequence[LigneTableau]) -> str:
    """Le tableau en CSV (en-têtes français).

    >>> tableau_csv([]).splitlines()[0]
    'personne,ecole,mesures_en_cours,derniere_revue,besoins,a_revoir,changements,detresse'
    """
    sortie = io.StringIO()
    ecrivain = csv.writer(sortie, lineterminator="\n")
    ecrivain.writerow(COLONNES)
    for ligne in lignes:
        # une cellule qui commencerait une formule de tableur est neutralisée
        ecrivain.writerow(["'" + c if c and c[0] in "=+-@" else c for c in _cellules(ligne)])
    return sortie.getvalue()


_PAGE = Environment(autoescape=True).from_string(
    """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Tableau de suivi des nouveaux — {{ le }}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}
td,th{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}
.du{color:#a00;font-weight:bold}</style></head><body>
<h1>Tableau de suivi des nouveaux</h1>
<p>Au {{ le }} : {{ lignes|length }} personne(s), {{ dues }} avec une revue due.
« se doter d'un tableau de suivi avec le portrait des nouveaux » (plan de déploiement d'une école
secondaire du CSSPS). Intervalle de revue : {{ jours }} jours, une convention des pratiques de
soutien à paliers, hors des documents sources.{% if not detresse %} La détresse et les offres qui la
révèlent ne figurent pas dans ce tableau.{% endif %}</p>
<table><thead><tr>{% for c in colonnes %}<th>{{ c }}</th>{% endfor %}</tr></thead><tbody>
{% for l in lignes %}<tr>{% for c in cellules(l) %}<td{% if loop.index == 6 and c %} class="du"{% endif %}>{{ c }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table></body></html>
"""
)


def tableau_html(
    lignes: Sequence[LigneTableau], le: date, *, jours: int = 42, detresse: bool = False
) -> str:
    """Le tableau en une page HTML autonome.

    >>> "<table>" in tableau_html([], date(2026, 11, 1))
    True
    """
    return _PAGE.render(
        lignes=lignes,
        le=le.isoformat(),
        colonnes=[c.replace("_", " ") for c in COLONNES],
        cellules=_cellules,
        dues=sum(1 for x in lignes if x.a_revoir),
        jours=jours,
        detresse=detresse,
    )
