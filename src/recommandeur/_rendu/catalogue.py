"""Le texte d'un catalogue : ses mesures par niveau, avec leur acteur responsable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._vocabulaire import Destinataire, Niveau
from .._vocabulaire.titres import references

if TYPE_CHECKING:
    from .._catalogue.modeles import Acteur, Catalogue, Mesure


def texte_catalogue(catalogue: Catalogue) -> str:
    """Les mesures du catalogue par niveau, une ligne chacune : identifiant, libellé, responsable."""
    lignes = [
        f"Catalogue {catalogue.version} : {len(catalogue.mesures)} mesures, "
        f"{len(catalogue.acteurs)} acteurs"
    ]
    for destinataire in Destinataire:
        for niveau in Niveau:
            mesures = [
                m
                for m in catalogue.mesures
                if m.niveau is niveau and m.destinataire is destinataire
            ]
            if not mesures:
                continue
            titre = "Offres" if destinataire is Destinataire.PERSONNE else "Actions du milieu"
            lignes += ["", f"{titre}, niveau {niveau.libelle} ({len(mesures)})"]
            lignes += [
                f"  {m.id:<40} {m.libelle} — "
                + " ou ".join(catalogue.acteur(i.acteur).libelle for i in m.intervenants)
                for m in mesures
            ]
    return "\n".join(lignes)


def texte_mesure(mesure: Mesure) -> str:
    """Une mesure du catalogue en français : niveau, destinataire, intervenants, sources."""
    pour = "la personne" if mesure.destinataire is Destinataire.PERSONNE else "le milieu"
    lignes = [
        f"{mesure.libelle} ({mesure.id})",
        f"  niveau {mesure.niveau.libelle} · pour {pour} · portée {mesure.portee.value} · "
        + ", ".join(m.value for m in mesure.modalites),
        f"  {mesure.description}",
        "  intervenants : "
        + " ; ".join(f"{i.acteur} ({i.role or 'sans ligne de rôle'})" for i in mesure.intervenants),
    ]
    if mesure.besoins:
        lignes.append("  besoins : " + ", ".join(b.libelle for b in mesure.besoins))
    if mesure.duree or mesure.frequence:
        lignes.append(f"  durée : {mesure.duree or '—'} · fréquence : {mesure.frequence or '—'}")
    lignes.append("  sources : " + references(mesure.sources))
    return "\n".join(lignes)


def texte_acteur(acteur: Acteur) -> str:
    """Un acteur en français : sa présence et les lignes de son rôle."""
    lignes = [f"{acteur.libelle} ({acteur.id}) — présence : {acteur.presence}", "  rôle :"]
    lignes += [f"  - {ligne}" for ligne in acteur.role]
    lignes.append("  sources : " + references(acteur.sources))
    return "\n".join(lignes)
