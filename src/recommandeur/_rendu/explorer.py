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


def changements_et_si(reponse: EtSi, tout: bool = False) -> tuple[list[str], list[str], int]:
    """Les lignes des changements d'offres, celles des actions du milieu, et le nombre de cachés.

    Une offre ajoutée donne son rang ; un changement de rang n'est montré que s'il fait entrer
    ou sortir l'offre des offres à faire d'abord (``tout=True`` : chaque changement de rang).
    Chaque ligne commence par son signe : ``+``, ``-``, ``↑``, ``↓``, ``~`` ou ``↔``.
    """
    avant, apres = reponse.avant, reponse.apres
    libelles = {
        m.mesure.id: m.mesure.libelle
        for m in (*avant.mesures, *apres.mesures, *avant.actions_milieu, *apres.actions_milieu)
    }
    acteurs = {m.acteur.id: m.acteur.libelle for m in (*avant.mesures, *apres.mesures)}
    d_abord_avant = {m.mesure.id for m in avant.prioritaires}
    d_abord_apres = {m.mesure.id for m in apres.prioritaires}
    rangs = {m.mesure.id: m.rang for m in apres.mesures}
    caches = 0

    def ajout(m: str, offre: bool) -> str:
        if not offre:
            return f"+ {libelles[m]} ({m})"
        tete = ", à offrir d'abord" if m in d_abord_apres else ""
        return f"+ {libelles[m]} ({m}) : rang {rangs[m]}{tete}"

    def deplacement(d: Deplacement, offre: bool) -> str | None:
        nonlocal caches
        nom = f"{libelles[d.mesure]} ({d.mesure})"
        if offre and d.mesure in d_abord_apres and d.mesure not in d_abord_avant:
            return f"↑ {nom} : passe parmi les offres à faire d'abord (rang {d.rang_avant} → {d.rang_apres})"
        if offre and d.mesure in d_abord_avant and d.mesure not in d_abord_apres:
            return f"↓ {nom} : n'est plus parmi les offres à faire d'abord (rang {d.rang_avant} → {d.rang_apres})"
        if tout:
            return f"~ {nom} : rang {d.rang_avant} → {d.rang_apres}"
        caches += 1
        return None

    def lignes(
        ajoutees: list[str], retirees: list[str], deplacees: list[Deplacement], offre: bool
    ) -> list[str]:
        resultat = [ajout(m, offre) for m in ajoutees]
        resultat += [f"- {libelles[m]} ({m})" for m in retirees]
        resultat += [t for d in deplacees if (t := deplacement(d, offre)) is not None]
        return resultat

    offres = lignes(reponse.ajoutees, reponse.retirees, reponse.deplacees, True)
    offres += [
        f"↔ {libelles[c.mesure]} ({c.mesure}) : {acteurs[c.avant]} → {acteurs[c.apres]}"
        for c in reponse.intervenants
    ]
    actions = lignes(
        reponse.actions_ajoutees, reponse.actions_retirees, reponse.actions_deplacees, False
    )
    return offres, actions, caches


def texte_et_si(reponse: EtSi, tout: bool = False) -> str:
    """Les changements d'un ``et_si`` en français : ce qui compte, les offres puis les actions."""
    offres, actions, caches = changements_et_si(reponse, tout)
    texte = [
        *offres,
        *([""] if offres and actions else []),
        *(["Actions du milieu :", *actions] if actions else []),
    ]
    if caches:
        texte.append(
            f"({caches} autre(s) changement(s) de rang : texte(tout=True) ou --tout pour les voir)"
        )
    return "\n".join(texte) if texte else "Aucun changement dans les mesures recommandées."
