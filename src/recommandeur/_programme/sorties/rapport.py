"""Le rapport d'un plan : une page HTML autonome et imprimable, le JSON et son schéma, des CSV.

>>> from recommandeur import planifier
>>> plan = planifier([{"enseignant": "e1", "ecole": "a", "annees_experience": 0,
...                    "ordre": "primaire"}], [{"ecole": "a", "nom": "École A"}])
>>> page = html_du_plan(plan)
>>> page.startswith("<!doctype html>"), "<svg" in page, "École A" in page
(True, True, True)
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..._base.ecriture import ecrire_atomique
from ..._langage.valeurs import nombre
from ..._profil.schema import DIALECTE
from ..._rendu.html import morceaux_de_page, rendre_page
from ..modeles import Plan
from .confidentiel import AVERTISSEMENT
from .contenus import communs
from .exports import fichiers_csv, valeur
from .exports_mentorat import CAVIARDAGES
from .flux import morceaux_csv, morceaux_json
from .sections import SECTIONS, Section


def html_du_plan(plan: Plan) -> str:
    """La page HTML du plan : une table des matières, puis chaque section de :data:`.sections.SECTIONS`.

    Un plan qui montre la détresse (``plan.confidentiel``) le dit en tête de la page.
    """
    return "".join(morceaux_html(plan))


def morceaux_html(plan: Plan) -> Iterator[str]:
    """La page de :func:`html_du_plan` par morceaux : chaque section est rendue au fil, quand
    la page y arrive (jamais la page ni une section entière en mémoire)."""
    commun = communs(plan, date=time.strftime("%Y-%m-%d"))
    sections = [(s, _corps(s, plan, commun)) for s in SECTIONS if s.presente(plan)]
    return morceaux_de_page("plan.html.j2", sections=sections, **commun)


def _corps(section: Section, plan: Plan, commun: dict[str, Any]) -> Iterator[str]:
    yield from morceaux_de_page(section.gabarit, **commun, **section.donnees(plan))


def ecrire_html(plan: Plan, chemin: str | Path) -> Path:
    """Écrit la page HTML du plan (:func:`html_du_plan`) au fil, mise en place d'un coup."""
    return ecrire_atomique(Path(chemin), morceaux_html(plan))


def apercu_html(plan: Plan) -> str:
    """L'aperçu du plan dans un carnet (``_repr_html_``) : les chiffres, les alertes d'abord, où voir le reste.

    >>> from recommandeur import planifier
    >>> plan = planifier([{"enseignant": "e1", "ecole": "a", "annees_experience": 0,
    ...                    "ordre": "primaire"}], [{"ecole": "a", "nom": "École A"}])
    >>> html = plan._repr_html_()
    >>> "personne(s) en insertion" in html, "<svg" in html, len(html) < 6000
    (True, False, True)
    """
    return rendre_page("apercu_plan.html.j2", **communs(plan, date=time.strftime("%Y-%m-%d")))


def schema_du_plan() -> dict[str, Any]:
    """Le schéma JSON (2020-12) du JSON d'un :class:`Plan`."""
    return {"$schema": DIALECTE, **Plan.model_json_schema(mode="serialization")}


def ecrire_csv(plan: Plan, dossier: str | Path) -> list[Path]:
    """Écrit les CSV du plan dans ``dossier`` (créé au besoin) ; renvoie les fichiers écrits.

    Un plan qui montre la détresse (``plan.confidentiel``) le dit en première ligne de chaque
    fichier (:data:`~.confidentiel.AVERTISSEMENT`), avant les en-têtes.
    UTF-8 avec BOM et séparateur ``;`` : un tableur francophone les ouvre tels quels. Une
    cellule de texte qui commencerait par ``=``, ``+``, ``-``, ``@``, une tabulation ou un
    retour de chariot est précédée d'une apostrophe (:func:`neutraliser`) : un tableur n'y
    voit jamais une formule. Chaque fichier est écrit à part puis mis en place d'un coup.
    """
    cible = Path(dossier)
    cible.mkdir(parents=True, exist_ok=True)
    ecrits = []
    for nom, (lignes, colonnes) in fichiers_csv(plan).items():
        entete = [[AVERTISSEMENT]] if plan.confidentiel else []
        entete.append([c if isinstance(c, str) else c[0] for c in colonnes])
        rangees = ([_cellule(valeur(x, c)) for c in colonnes] for x in lignes)
        ecrits.append(
            ecrire_atomique(cible / nom, morceaux_csv(entete, rangees), encodage="utf-8-sig")
        )
    return ecrits


#: Les débuts de cellule qu'un tableur lit comme une formule (OWASP, « CSV injection »).
DEBUTS_DE_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def neutraliser(texte: str) -> str:
    """Le texte d'une cellule, précédé d'une apostrophe s'il serait lu comme une formule.

    >>> neutraliser("=SOMME(A1)"), neutraliser("-1+1"), neutraliser("e1")
    ("'=SOMME(A1)", "'-1+1", 'e1')
    """
    return f"'{texte}" if texte.startswith(DEBUTS_DE_FORMULE) else texte


def _cellule(v: Any) -> Any:
    """Une valeur pour un tableur francophone : vide pour None, virgule décimale, valeur
    d'énumération ; un texte jamais lu comme une formule."""
    if v is None:
        return ""
    if isinstance(v, bool | int):
        return v
    if isinstance(v, float):
        return nombre(v)
    if isinstance(v, list):
        return neutraliser(" ".join(map(str, v)))
    return neutraliser(str(getattr(v, "value", v)))


def json_du_plan(plan: Plan) -> str:
    """Le JSON du plan tel qu'un fichier du centre l'écrit (schéma : :func:`schema_du_plan`) :
    sans ce qui dit un mentorat précédent resté sans effet (:data:`.exports_mentorat.CAVIARDAGES`)."""
    return "".join(morceaux_json(plan, CAVIARDAGES))


def ecrire_json(plan: Plan, chemin: str | Path) -> Path:
    """Écrit le JSON du plan (:func:`json_du_plan`) au fil (:func:`.flux.morceaux_json`), mis
    en place d'un coup."""
    return ecrire_atomique(Path(chemin), morceaux_json(plan, CAVIARDAGES))
