"""Les graphiques du rapport du plan, dessinés par matplotlib en SVG (texte inclus dans la page).

``matplotlib.figure.Figure`` sans ``pyplot`` : aucun état global, aucune fenêtre, sûr sous
les fils ; importé au premier rapport seulement.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from ..._vocabulaire import Besoin, Intensite
from ..modeles import Plan

COULEURS = {"faible": "#9ecae1", "moderee": "#4292c6", "elevee": "#08519c"}


def _svg(figure: object) -> str:
    import matplotlib

    tampon = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "recommandeur"}):
        figure.savefig(  # type: ignore[attr-defined]
            tampon, format="svg", bbox_inches="tight", metadata={"Date": None}
        )  # sans date : le même plan donne la même page
    texte = tampon.getvalue()
    return texte[texte.index("<svg") :]


def _barres(titre: str, etiquettes: Sequence[str], valeurs: Sequence[int], axe: str) -> str:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.4, 2.8))
    ax = figure.subplots()
    from matplotlib.ticker import MaxNLocator

    barres = ax.bar(range(len(valeurs)), valeurs, color="#2e7d32")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.bar_label(barres, fontsize=8)
    ax.set_xticks(range(len(etiquettes)), etiquettes, rotation=30, ha="right", fontsize=8)
    ax.set_ylabel(axe, fontsize=8)
    ax.set_title(titre, fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(figure)


def graphiques(plan: Plan) -> dict[str, str]:
    """Les graphiques SVG du rapport : parts des écoles, années, besoins, charge.

    Les libellés (ceux d'une surcouche compris) sont du texte simple : ``$…$`` n'y est
    jamais lu comme une formule (``text.parse_math`` éteint).
    """
    import matplotlib

    with matplotlib.rc_context({"text.parse_math": False}):
        return _graphiques(plan)


def _graphiques(plan: Plan) -> dict[str, str]:
    from matplotlib.figure import Figure

    p = plan.portrait
    resultat = {
        "parts": _barres(
            "Écoles selon la part de leur personnel en insertion",
            [t.tranche for t in p.ecoles_par_part],
            [t.nb_ecoles for t in p.ecoles_par_part],
            "écoles",
        ),
        "annees": _barres(
            "Personnes selon leurs années d'enseignement au Québec",
            list(p.par_annees_au_quebec),
            list(p.par_annees_au_quebec.values()),
            "personnes",
        ),
    }
    besoins = [(b, i) for b, i in p.besoins.items() if sum(i.values())]
    figure = Figure(figsize=(6.4, 3.2))
    ax = figure.subplots()
    bas = [0] * len(besoins)
    for intensite, couleur in COULEURS.items():
        valeurs = [i[intensite] for _, i in besoins]
        ax.barh(
            range(len(besoins)),
            valeurs,
            left=bas,
            color=couleur,
            label=Intensite(intensite).libelle,
        )
        bas = [a + b for a, b in zip(bas, valeurs, strict=True)]
    ax.set_yticks(range(len(besoins)), [Besoin(b).libelle for b, _ in besoins], fontsize=8)
    ax.invert_yaxis()
    ax.legend(fontsize=8, frameon=False, loc="lower center", ncols=3, bbox_to_anchor=(0.5, 1.0))
    ax.set_title("Besoins déclarés et leur intensité", fontsize=10, pad=22)
    ax.spines[["top", "right"]].set_visible(False)
    resultat["besoins"] = _svg(figure)
    totaux: dict[str, int] = {}
    for c in plan.charges:
        totaux[c.libelle] = totaux.get(c.libelle, 0) + c.offres_individuelles + len(c.groupes)
    premiers = sorted(totaux.items(), key=lambda kv: -kv[1])[:10]
    figure = Figure(figsize=(6.4, 3.2))
    ax = figure.subplots()
    barres = ax.barh(range(len(premiers)), [v for _, v in premiers], color="#2e7d32")
    ax.bar_label(barres, fontsize=8, padding=2)
    ax.set_yticks(range(len(premiers)), [n for n, _ in premiers], fontsize=8)
    ax.invert_yaxis()
    ax.set_title("Offres individuelles + groupes portés, par intervenant", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    resultat["charge"] = _svg(figure)
    return resultat
