"""Les textes d'une recommandation : justification, escalade, classement lisible."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._catalogue.modeles import Acteur, Mesure
    from .._recommandation.modeles import Escalade, Motif, Recommandation


def justification(mesure: Mesure, acteur: Acteur, motifs: Sequence[Motif]) -> str:
    """La justification d'une mesure : une ligne par règle, puis la mesure et son responsable."""
    lignes = [
        f"• [{m.regle}] {m.texte} (faits : {' ; '.join(m.faits)} — sources : {', '.join(m.sources)})"
        for m in motifs
    ]
    lignes.append(
        f"Mesure « {mesure.libelle} » ({', '.join(mesure.sources)}) ; responsable : "
        f"{acteur.libelle}, « {mesure.role_responsable} »."
    )
    return "\n".join(lignes)


def phrase_escalade(escalade: Escalade) -> str:
    """La phrase qui explique une escalade."""
    mesures = ", ".join(escalade.mesures_sans_effet)
    return (
        f"le besoin « {escalade.besoin.libelle} » passe de {escalade.declaree.libelle} à "
        f"{escalade.effective.libelle} : mesure reçue sans effet ({mesures})"
    )


def _nombre(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def _entete(reco: Recommandation) -> list[str]:
    p = reco.profil
    annees = (
        "moins d'un an d'expérience"
        if p.annees_experience == 0
        else f"{p.annees_experience} an{'s' if p.annees_experience > 1 else ''} d'expérience"
    )
    besoins = (
        ", ".join(f"{b.libelle} ({i.libelle})" for b, i in p.besoins.items()) or "aucun déclaré"
    )
    lignes = [
        f"Profil : {annees}, {p.ordre.libelle}, {p.statut.libelle}, {p.qualification.libelle}",
        f"Besoins : {besoins}",
        f"Catalogue {reco.version_catalogue} · règles {reco.version_regles} · "
        f"{len(reco.mesures)} mesure(s) recommandée(s) · {len(reco.regles_declenchees)} règle(s) déclenchée(s)",
    ]
    lignes += [f"Escalade : {phrase_escalade(e)}" for e in reco.escalades]
    lignes += [f"Écartée : {e.libelle} ({e.mesure}) — {e.raison}" for e in reco.ecartees]
    return lignes


def texte_recommandation(reco: Recommandation, details: bool = False) -> str:
    """Le classement lisible d'une recommandation (voir :meth:`Recommandation.texte`)."""
    lignes = _entete(reco)
    if not reco.mesures:
        lignes.append("")
        lignes.append("Aucune mesure : aucune règle ne s'applique à ce profil.")
        return "\n".join(lignes)
    largeur = len(str(len(reco.mesures)))
    for m in reco.mesures:
        lignes.append("")
        marque = " (déjà reçue)" if m.deja_recue else ""
        lignes.append(f"{m.rang:>{largeur}}. {m.mesure.libelle}{marque}")
        retrait = " " * (largeur + 2)
        partenaires = ", ".join(a.libelle for a in m.partenaires)
        lignes.append(
            f"{retrait}niveau {m.mesure.niveau.libelle} · score {_nombre(m.score)} · "
            f"responsable : {m.acteur.libelle}"
        )
        if details:
            if partenaires:
                lignes.append(f"{retrait}partenaires : {partenaires}")
            for ligne in m.justification.splitlines():
                lignes.extend(
                    textwrap.wrap(
                        ligne, 100, initial_indent=retrait, subsequent_indent=retrait + "  "
                    )
                )
        else:
            premier = m.motifs[0]
            autres = len(m.motifs) - 1
            suite = (
                f" (+{autres} autre{'s' if autres > 1 else ''} raison{'s' if autres > 1 else ''})"
                if autres
                else ""
            )
            lignes.extend(
                textwrap.wrap(
                    f"pourquoi : {premier.texte}{suite} [{', '.join(premier.sources)}]",
                    100,
                    initial_indent=retrait,
                    subsequent_indent=retrait,
                )
            )
    return "\n".join(lignes)
