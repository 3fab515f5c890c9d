"""Les textes de l'exploration : « pourquoi pas cette mesure ? » et « et si … ? »."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._recommandation.explorer import Deplacement, EtSi, PourquoiPas


def texte_pourquoi_pas(reponse: PourquoiPas) -> str:
    """La réponse de ``pourquoi_pas`` en français : l'état de la mesure, puis chaque règle."""
    if reponse.rang is not None and reponse.action_du_milieu:
        entete = (
            f"“{reponse.libelle}” est recommandée au milieu, au rang {reponse.rang} des actions."
        )
    elif reponse.rang is not None:
        entete = f"“{reponse.libelle}” est recommandée, au rang {reponse.rang}."
    elif reponse.ecartee:
        entete = f"“{reponse.libelle}” est écartée : {reponse.ecartee}."
    elif not reponse.regles:
        entete = f"Aucune règle ne recommande “{reponse.libelle}” (voir recommandeur couverture)."
    else:
        entete = f"“{reponse.libelle}” n'est pas recommandée : aucune de ses règles ne s'applique."
    lignes = [entete]
    for regle in reponse.regles:
        etat = "déclenchée" if regle.declenchee else "non déclenchée"
        lignes.append(f"• [{regle.regle}] {regle.titre} ({regle.fichier}) : {etat}")
        lignes += [f"    {'✓' if c.tenue else '✗'} {c.texte}" for c in regle.conditions]
    return "\n".join(lignes)


def texte_et_si(reponse: EtSi) -> str:
    """Les changements d'un ``et_si`` en français : ajoutées, retirées, déplacées.

    Les offres à la personne d'abord, puis les actions du milieu sous leur propre titre.
    """
    avant, apres = reponse.avant, reponse.apres
    libelles = {
        m.mesure.id: m.mesure.libelle
        for m in (*avant.mesures, *apres.mesures, *avant.actions_milieu, *apres.actions_milieu)
    }

    def lignes(ajoutees: list[str], retirees: list[str], deplacees: list[Deplacement]) -> list[str]:
        return [
            *(f"+ {libelles[m]} ({m})" for m in ajoutees),
            *(f"- {libelles[m]} ({m})" for m in retirees),
            *(
                f"~ {libelles[d.mesure]} ({d.mesure}) : rang {d.rang_avant} → {d.rang_apres}"
                for d in deplacees
            ),
        ]

    offres = lignes(reponse.ajoutees, reponse.retirees, reponse.deplacees)
    actions = lignes(reponse.actions_ajoutees, reponse.actions_retirees, reponse.actions_deplacees)
    if not offres and not actions:
        return "Aucun changement dans les mesures recommandées."
    if not actions:
        return "\n".join(offres)
    return "\n".join([*offres, *([""] if offres else []), "Actions du milieu :", *actions])
