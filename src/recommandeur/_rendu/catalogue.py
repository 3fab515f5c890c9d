"""Le texte d'un catalogue : ses mesures par niveau, avec leur acteur responsable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._vocabulaire import Destinataire, Niveau

if TYPE_CHECKING:
    from .._catalogue.modeles import Catalogue


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
