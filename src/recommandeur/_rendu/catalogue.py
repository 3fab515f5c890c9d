"""Le texte d'un catalogue : ses mesures par niveau, avec leur acteur responsable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._vocabulaire import Niveau

if TYPE_CHECKING:
    from .._catalogue.modeles import Catalogue


def texte_catalogue(catalogue: Catalogue) -> str:
    """Les mesures du catalogue par niveau, une ligne chacune : identifiant, libellé, responsable."""
    lignes = [
        f"Catalogue {catalogue.version} : {len(catalogue.mesures)} mesures, "
        f"{len(catalogue.acteurs)} acteurs"
    ]
    for niveau in Niveau:
        mesures = [m for m in catalogue.mesures if m.niveau is niveau]
        lignes += ["", f"Niveau {niveau.libelle} ({len(mesures)})"]
        lignes += [
            f"  {m.id:<40} {m.libelle} — {catalogue.acteur(m.acteur_responsable).libelle}"
            for m in mesures
        ]
    return "\n".join(lignes)
