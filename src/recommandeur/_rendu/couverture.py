"""L'affichage d'un rapport de couverture : texte pour un terminal, Markdown pour la documentation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._vocabulaire import Besoin, Intensite, Niveau

if TYPE_CHECKING:
    from .._analyse.constats import RapportCouverture


def _resume(rapport: RapportCouverture) -> str:
    total, restants = len(rapport.constats), len(rapport.non_expliques)
    return (
        f"Catalogue {rapport.version_catalogue} · règles {rapport.version_regles} · "
        f"{total} constat(s), dont {restants} non expliqué(s)"
    )


def texte_couverture(rapport: RapportCouverture) -> str:
    """Le rapport lisible (voir :meth:`RapportCouverture.texte`)."""
    lignes = [_resume(rapport), ""]
    lignes.append(
        "Constats non expliqués :" if rapport.non_expliques else "Aucun constat non expliqué."
    )
    lignes += [f"  {c}" for c in rapport.non_expliques]
    expliques = [c for c in rapport.constats if c.explication]
    if expliques:
        lignes += ["", "Constats expliqués :"] + [f"  {c}" for c in expliques]
    lignes += ["", "Mesures atteignables par besoin (faible / modérée / élevée) :"]
    for besoin in Besoin:
        lignes.append(f"  {besoin.libelle}")
        for niveau in Niveau:
            comptes = " / ".join(
                str(len(rapport.cellule(besoin, i, niveau).mesures)) for i in Intensite
            )
            lignes.append(f"    {niveau.libelle:<11} {comptes}")
    return "\n".join(lignes)


def markdown_couverture(rapport: RapportCouverture) -> str:
    """Le rapport en Markdown (voir :meth:`RapportCouverture.markdown`)."""
    lignes = [
        "# Couverture de la base de règles livrée",
        "",
        "Généré par `recommandeur couverture --markdown` ; ne pas modifier à la main "
        "(un test vérifie qu'il est à jour).",
        "",
        _resume(rapport) + ".",
        "",
        "![Graphe besoins → règles → mesures → acteurs](graphe.png)",
        "",
        "## Mesures atteignables par besoin, intensité et niveau",
        "",
        "Une mesure est atteignable pour un besoin à une intensité quand une règle qui lit ce "
        "besoin peut se déclencher à cette intensité et recommande une mesure qui vise ce besoin.",
        "",
        "| besoin | intensité | universel | ciblé | individuel |",
        "| --- | --- | --- | --- | --- |",
    ]
    for besoin in Besoin:
        for intensite in Intensite:
            cases = [
                ", ".join(rapport.cellule(besoin, intensite, n).mesures) or "—" for n in Niveau
            ]
            lignes.append(f"| {besoin.libelle} | {intensite.libelle} | " + " | ".join(cases) + " |")
    lignes += ["", "## Constats", ""]
    lignes += ["| genre | constat | explication |", "| --- | --- | --- |"]
    for c in rapport.constats:
        lignes.append(f"| {c.genre} | {c.message} | {c.explication or '**non expliqué**'} |")
    return "\n".join(lignes) + "\n"
