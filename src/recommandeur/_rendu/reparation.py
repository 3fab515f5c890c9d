"""Les textes de « que faudrait-il ? » : chaque plus petit ensemble de changements, en français."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._langage.valeurs import valeur_lisible
from .._profil.champs import CHAMPS
from .._vocabulaire import Besoin

if TYPE_CHECKING:
    from .._recommandation.reparation import QueFaudraitIl


def texte_changement(champ: str, genre: str, avant: Any, apres: Any, recue: str = "") -> str:
    """Un changement dit pour une personne ; ``recue`` : le libellé de la mesure reçue visée.

    >>> texte_changement("affectation.nb_ecoles", "affectation", 1, 2)
    "nombre d'écoles où la personne enseigne : 1 → 2"
    >>> texte_changement("besoins.numerique", "besoin", "aucune", "moderee")
    'besoin « pratiques numériques » réévalué : non déclaré → modérée'
    >>> texte_changement("mesures_recues[0].efficace", "effet", True, False, "Mentorat")
    'effet de la mesure reçue « Mentorat » : efficace → sans effet'
    """
    if genre == "effet":

        def effet(v: Any) -> str:
            return "efficace" if v else "sans effet"

        return f"effet de la mesure reçue « {recue} » : {effet(avant)} → {effet(apres)}"
    definition = CHAMPS[champ]
    if genre == "besoin":
        libelle = Besoin(champ.removeprefix("besoins.")).libelle
        return (
            f"besoin « {libelle} » réévalué : {valeur_lisible(definition, avant)} → "
            f"{valeur_lisible(definition, apres)}"
        )
    description = definition.description.split(" ;")[0]
    return (
        f"{description} : {valeur_lisible(definition, avant)} → {valeur_lisible(definition, apres)}"
    )


def _entete(r: QueFaudraitIl) -> str:
    if r.retirer:
        if r.deja:
            return f"“{r.libelle}” n'est pas recommandée : rien à retirer."
        quoi = f"Pour que “{r.libelle}” ne soit plus recommandée"
    else:
        if r.deja:
            return f"“{r.libelle}” est déjà recommandée."
        quoi = f"Pour que “{r.libelle}” soit recommandée"
    if not r.leviers:
        return (
            f"{quoi}, rien de ce qu'une conseillère peut changer n'y suffit : les règles de "
            "cette mesure ne lisent ni présence, ni affectation, ni besoin, ni effet d'une "
            "mesure reçue."
        )
    if not r.solutions:
        return (
            f"{quoi}, aucun changement d'au plus {r.changements_max} levier(s) ne suffit "
            f"(leviers examinés : {', '.join(r.leviers) or 'aucun'})."
        )
    return f"{quoi}, il suffirait de l'un de ces changements :"


def lignes_que_faudrait_il(r: QueFaudraitIl) -> list[tuple[list[str], str]]:
    """Pour chaque solution : ses changements en texte, et ce qui se passerait (règles, écart)."""
    lignes = []
    for solution in r.solutions:
        changements = [c.texte for c in solution.changements]
        if r.retirer and solution.ecartee:
            suite = f"la mesure serait écartée : {solution.ecartee}"
        elif r.retirer:
            suite = "ne se déclencherait plus : " + ", ".join(solution.regles)
        else:
            suite = "se déclencherait : " + ", ".join(solution.regles)
        lignes.append((changements, suite))
    return lignes


def texte_que_faudrait_il(r: QueFaudraitIl) -> str:
    """La réponse de ``que_faudrait_il`` en français : l'en-tête, puis une solution par ligne."""
    lignes = [_entete(r)]
    for rang, (changements, suite) in enumerate(lignes_que_faudrait_il(r), start=1):
        lignes.append(f"{rang}. " + " ; ".join(changements))
        lignes.append(f"   ({suite})")
    if not r.complete:
        lignes.append(
            "La recherche s'est arrêtée avant d'avoir tout examiné : d'autres solutions peuvent exister."
        )
    return "\n".join(lignes)


def html_que_faudrait_il(r: QueFaudraitIl) -> str:
    """La réponse de ``que_faudrait_il`` en HTML (carnet)."""
    from .html import _rendre

    return _rendre(
        "que_faudrait_il.html.j2", r=r, tete=_entete(r), solutions=lignes_que_faudrait_il(r)
    )


def apercu_que_faudrait_il(r: QueFaudraitIl) -> str:
    """``<QueFaudraitIl mentorat : 2 solution(s) pour l'apporter ; print(r)>``."""
    but = "la retirer" if r.retirer else "l'apporter"
    etat = "déjà fait" if r.deja else f"{len(r.solutions)} solution(s) pour {but}"
    return f"<QueFaudraitIl {r.mesure} : {etat} ; print(r)>"
