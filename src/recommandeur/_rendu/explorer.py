"""Les textes de l'exploration : « pourquoi pas cette mesure ? » et « et si … ? »."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._recommandation.explorer import EtSi, PourquoiPas


def texte_pourquoi_pas(reponse: PourquoiPas) -> str:
    """La réponse de ``pourquoi_pas`` en français : l'état de la mesure, puis chaque règle."""
    if reponse.rang is not None:
        entete = f"« {reponse.libelle} » est recommandée, au rang {reponse.rang}."
    elif reponse.ecartee:
        entete = f"« {reponse.libelle} » est écartée : {reponse.ecartee}."
    elif not reponse.regles:
        entete = f"Aucune règle ne recommande « {reponse.libelle} » (voir recommandeur couverture)."
    else:
        entete = (
            f"« {reponse.libelle} » n'est pas recommandée : aucune de ses règles ne s'applique."
        )
    lignes = [entete]
    for regle in reponse.regles:
        etat = "déclenchée" if regle.declenchee else "non déclenchée"
        lignes.append(f"• [{regle.regle}] {regle.titre} ({regle.fichier}) : {etat}")
        lignes += [f"    {'✓' if c.tenue else '✗'} {c.texte}" for c in regle.conditions]
    return "\n".join(lignes)


def texte_et_si(reponse: EtSi) -> str:
    """Les changements d'un ``et_si`` en français : ajoutées, retirées, déplacées."""
    if not (reponse.ajoutees or reponse.retirees or reponse.deplacees):
        return "Aucun changement dans les mesures recommandées."
    libelles = {
        m.mesure.id: m.mesure.libelle for m in (*reponse.avant.mesures, *reponse.apres.mesures)
    }
    lignes = [f"+ {libelles[m]} ({m})" for m in reponse.ajoutees]
    lignes += [f"- {libelles[m]} ({m})" for m in reponse.retirees]
    lignes += [
        f"~ {libelles[d.mesure]} ({d.mesure}) : rang {d.rang_avant} → {d.rang_apres}"
        for d in reponse.deplacees
    ]
    return "\n".join(lignes)
