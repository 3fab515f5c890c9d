"""Les textes d'une recommandation : justification, escalade, et la recommandation lisible.

La recommandation lisible commence par les offres à faire d'abord, puis les autres offres
groupées par niveau, puis les actions du milieu, et enfin ce qui n'est pas offert et pourquoi.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._vocabulaire import Niveau, Presence
from .._vocabulaire.centre import pour_l_ordre
from .._vocabulaire.titres import documents, references

if TYPE_CHECKING:
    from .._catalogue.modeles import Acteur, Mesure
    from .._profil.modeles import Profil
    from .._recommandation.modeles import Escalade, MesureRecommandee, Motif, Recommandation

LARGEUR = 100


def intervenant(acteur: Acteur, role: str | None, presence: Presence) -> str:
    """L'intervenant choisi, sa ligne de rôle, et s'il est à confirmer.

    >>> from recommandeur._catalogue.modeles import Acteur
    >>> a = Acteur(id="m", libelle="Personne mentore", role=("en étant disponible",), sources=("s",))
    >>> intervenant(a, "en étant disponible", Presence.INCONNUE)
    'Personne mentore (présence à confirmer), « en étant disponible »'
    """
    texte = acteur.libelle
    if presence is Presence.INCONNUE:
        texte += " (présence à confirmer)"
    if role is None:
        return (
            texte + " (aucun document ne nomme l'intervenant de cette mesure : choix du catalogue)"
        )
    return f"{texte}, « {role} »" if acteur.role_cite else f"{texte}, qui {role}"


def justification(
    mesure: Mesure,
    acteur: Acteur,
    role: str | None,
    presence: Presence,
    alternatives: Sequence[Acteur],
    motifs: Sequence[Motif],
) -> str:
    """La justification d'une mesure : une ligne par raison, puis la mesure et son intervenant."""
    lignes = [
        f"• [{m.regle}] {m.texte} (faits : {' ; '.join(f.texte for f in m.faits)} — sources : {references(m.sources)})"
        for m in motifs
    ]
    lignes.append(
        f"Mesure “{mesure.libelle}” (sources : {references(mesure.sources)}) ; intervenant : "
        f"{intervenant(acteur, role, presence)}."
    )
    if alternatives:
        lignes.append(
            "Autres intervenants possibles : " + ", ".join(a.libelle for a in alternatives) + "."
        )
    return "\n".join(lignes)


def phrase_escalade(escalade: Escalade) -> str:
    """La phrase qui explique une escalade : les mesures reçues sans effet par leur titre
    (leur identifiant pour une escalade construite sans les titres).

    >>> from recommandeur import Besoin, Escalade, Intensite
    >>> e = Escalade(besoin=Besoin.PLANIFICATION, declaree=Intensite.FAIBLE,
    ...              effective=Intensite.MODEREE, mesures_sans_effet=["mentorat"],
    ...              libelles_sans_effet=["Mentorat"])
    >>> phrase_escalade(e)
    'le besoin “planification” passe de faible à modérée : mesure reçue sans effet (“Mentorat”)'
    """
    titres = [f"“{t}”" for t in escalade.libelles_sans_effet]
    mesures = ", ".join(titres or escalade.mesures_sans_effet)
    return (
        f"le besoin “{escalade.besoin.libelle}” passe de {escalade.declaree.libelle} à "
        f"{escalade.effective.libelle} : mesure reçue sans effet ({mesures})"
    )


def _annees(n: int) -> str:
    return "moins d'un an d'expérience" if n == 0 else f"{n} an{'s' if n > 1 else ''} d'expérience"


def lignes_profil(p: Profil) -> list[str]:
    """Le profil en deux lignes : expérience, ordre, statut, qualification ; puis les besoins."""
    besoins = (
        ", ".join(f"{b.libelle} ({i.libelle})" for b, i in p.besoins.items()) or "aucun déclaré"
    )
    au_quebec = (
        f" (dont {p.annees_au_quebec} au Québec)"
        if p.annees_au_quebec is not None and p.annees_au_quebec != p.annees_experience
        else ""
    )
    return [
        f"Profil : {_annees(p.annees_experience)}{au_quebec}, {p.ordre.libelle}, "
        f"{p.statut.libelle}, {p.qualification.libelle}",
        f"Besoins : {besoins}",
    ]


def _entete(reco: Recommandation) -> list[str]:
    lignes = [
        *lignes_profil(reco.profil),
        f"Période : {reco.periode_insertion.libelle}",
        f"Catalogue {reco.version_catalogue} · règles {reco.version_regles} · "
        f"{len(reco.mesures)} offre(s) dont {reco.nb_prioritaires} prioritaire(s) · "
        f"{len(reco.actions_milieu)} action(s) du milieu",
    ]
    lignes += [f"Escalade : {phrase_escalade(e)}" for e in reco.escalades]
    return lignes


def _bloc(m: MesureRecommandee, details: bool, largeur: int, numero: bool = True) -> list[str]:
    marques = (" (déjà reçue)" if m.deja_recue else "") + (
        " (avec un autre intervenant)" if m.changement_d_intervenant else ""
    )
    puce = f"{m.rang:>{largeur}}." if numero else " " * (largeur - 1) + "-"
    lignes = [f"{puce} {m.mesure.libelle}{marques}"]
    retrait = " " * (largeur + 2)
    qui = m.acteur.libelle + (" (à confirmer)" if m.presence is Presence.INCONNUE else "")
    autres = f" · ou : {', '.join(a.libelle for a in m.alternatives)}" if m.alternatives else ""
    lignes.append(f"{retrait}{m.mesure.niveau.libelle} · {qui}{autres}")
    if details:
        if m.partenaires:
            lignes.append(f"{retrait}partenaires : {', '.join(a.libelle for a in m.partenaires)}")
        for ligne in m.justification.splitlines():
            lignes.extend(
                textwrap.wrap(
                    ligne,
                    LARGEUR,
                    initial_indent=retrait,
                    subsequent_indent=retrait + "  ",
                    break_on_hyphens=False,  # « mentor-mentoré » reste entier, citation comprise
                )
            )
        return lignes
    premier = raison_principale(m)
    autres_raisons = len(m.motifs) - 1
    suite = (
        f" (+{autres_raisons} autre{'s' if autres_raisons > 1 else ''} raison{'s' if autres_raisons > 1 else ''})"
        if autres_raisons
        else ""
    )
    lignes.extend(
        textwrap.wrap(
            f"pourquoi : {premier.texte}{suite} (sources : {documents(premier.sources)})",
            LARGEUR,
            initial_indent=retrait,
            subsequent_indent=retrait,
            break_on_hyphens=False,
        )
    )
    return lignes


def raison_principale(m: MesureRecommandee) -> Motif:
    """La raison qui a mis la mesure en tête (meilleur rang de priorité), sinon la plus forte."""
    return min(
        m.motifs,
        key=lambda motif: (motif.priorite is None, motif.priorite or 0, -motif.poids),
    )


def texte_recommandation(reco: Recommandation, details: bool = False) -> str:
    """La recommandation lisible (voir :meth:`Recommandation.texte`)."""
    lignes = _entete(reco)
    if not reco.mesures and not reco.actions_milieu:
        lignes += ["", "Aucune mesure : aucune règle ne s'applique à ce profil."]
    largeur = len(str(max(len(reco.mesures), len(reco.actions_milieu), 1)))
    if reco.prioritaires:
        lignes += ["", "À offrir d'abord :"]
        for m in reco.prioritaires:
            lignes += _bloc(m, details, largeur)
    autres = "Autres offres" if reco.prioritaires else "Offres"
    for niveau in reversed(Niveau):
        groupe = [m for m in reco.mesures[reco.nb_prioritaires :] if m.mesure.niveau is niveau]
        if groupe:
            lignes += ["", f"{autres}, niveau {niveau.libelle} :"]
            for m in groupe:
                lignes += _bloc(m, details, largeur, numero=False)
    if reco.actions_milieu:
        lignes += ["", "Actions du milieu (école, centre, programme) :"]
        for m in reco.actions_milieu:
            lignes += _bloc(m, details, largeur, numero=False)
    if reco.ecartees:
        lignes += ["", "Non offertes :"]
        lignes += [f"  - {e.libelle} ({e.mesure}) : {e.raison}" for e in reco.ecartees]
    return pour_l_ordre("\n".join(lignes), reco.profil.ordre.value)
