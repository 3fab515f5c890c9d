"""Les textes qu'une personne lit : catalogue, règles, recommandations d'un échantillon de profils.

Partagé par les tests du français lu à voix haute (titres des documents, citations en français,
mots épicènes, « centre » en FGA et en FP).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from recommandeur import Recommandation, charger_catalogue, recommander
from recommandeur._rendu.catalogue import texte_acteur, texte_mesure

REGLES = Path(__file__).resolve().parents[1] / "regles"

PERSONAS: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "donnees" / "personas.toml").read_text(encoding="utf-8")
)["persona"]


def textes_du_catalogue() -> Iterator[tuple[str, str]]:
    """(où, texte) pour chaque mesure et chaque acteur du catalogue livré, tels qu'affichés."""
    catalogue = charger_catalogue()
    for mesure in catalogue.mesures:
        yield f"mesure {mesure.id}", texte_mesure(mesure)
    for acteur in catalogue.acteurs:
        yield f"acteur {acteur.id}", texte_acteur(acteur)


#: Les champs des fichiers de règles qu'une personne lit (les autres sont des identifiants).
CHAMPS_LUS = {"titre", "justification", "pourquoi", "raison", "libelle", "origine"}


def textes_des_regles() -> Iterator[tuple[str, str]]:
    """(où, texte) pour chaque texte lu des règles livrées : titres, justifications, raisons
    (``pourquoi``, ``pourquoi_par``), explications de couverture et paramètres."""

    def parcourir(valeur: object, ou: str, cle: str, lu: bool) -> Iterator[tuple[str, str]]:
        if isinstance(valeur, dict):
            ident = valeur.get("id", ou)
            for k, v in valeur.items():
                yield from parcourir(v, str(ident), k, lu or k == "pourquoi_par")
        elif isinstance(valeur, list):
            for v in valeur:
                yield from parcourir(v, ou, cle, lu)
        elif isinstance(valeur, str) and (lu or cle in CHAMPS_LUS):
            yield f"{ou} ({cle})", valeur

    for fichier in sorted(REGLES.glob("*.toml")):
        yield from parcourir(
            tomllib.loads(fichier.read_text(encoding="utf-8")), fichier.name, "", False
        )


def textes_d_une_recommandation(reco: Recommandation) -> Iterator[str]:
    """Le texte entier, les détails, le HTML et chaque offre imprimée d'une recommandation."""
    yield reco.texte()
    yield reco.texte(details=True)
    yield reco._repr_html_()
    for m in (*reco.mesures, *reco.actions_milieu):
        yield str(m)
        yield m.justification
        yield from (str(motif) for motif in m.motifs)
    yield from (str(e) for e in reco.ecartees)


def echantillon() -> Iterator[tuple[str, Recommandation]]:
    """Les recommandations des personas (un échantillon couvrant ordres, statuts, présences)."""
    for persona in PERSONAS:
        yield persona["id"], recommander(persona["profil"])
