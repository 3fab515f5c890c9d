"""Les empreintes des sorties de ``recommander`` sur la population du bench (ticket 24).

Usage (depuis la racine du dépôt) ::

    python outils/sorties_reference.py            # réécrit tests/donnees/sorties_reference.json

Le fichier est produit par le code d'**avant** une optimisation et relu par
``tests/test_sorties_inchangees.py`` : une optimisation ne change aucun résultat. Pour chaque
profil, l'empreinte (SHA-256) du JSON du résultat, de son texte détaillé, de son rendu HTML (sans le
numéro d'identifiant, un compteur du processus) et
des justifications de ses mesures ; sur la base livrée (2 000 profils, graine 2026 ; les 300
premiers en centre de formation professionnelle), et sur 1 000 règles générées (300 profils).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE / "bench"))

from population import ecrire_regles_generees, population  # noqa: E402
from recommandeur import Moteur, Recommandation, recommander  # noqa: E402
from recommandeur._moteur.moteur import moteur_par_defaut  # noqa: E402

FICHIER = RACINE / "tests" / "donnees" / "sorties_reference.json"
N_LIVREE = 2000
N_GENEREE = 300


def empreinte(reco: Recommandation) -> str:
    """L'empreinte de tout ce qu'un résultat montre : JSON, texte détaillé, HTML, justifications."""
    parties = [
        reco.model_dump_json(),
        reco.texte(details=True),
        # les identifiants HTML viennent d'un compteur du processus (rec1, rec2…)
        re.sub(r"\brec\d+-", "rec-", reco._repr_html_()),
        *(m.justification for m in (*reco.mesures, *reco.actions_milieu)),
        *(str(e) for e in reco.ecartees),
        *(f.texte for m in reco.mesures for mo in m.motifs for f in mo.faits),
    ]
    return hashlib.sha256("\x00".join(parties).encode()).hexdigest()[:20]


def profils_livree() -> list[dict[str, Any]]:
    profils: list[dict[str, Any]] = population(N_LIVREE, moteur_par_defaut().catalogue)
    for p in profils[:300:3]:
        p["ordre"] = "formation_professionnelle"
    return profils


def empreintes() -> dict[str, list[str]]:
    """Les empreintes, calculées par le code installé."""
    livree = [empreinte(recommander(p)) for p in profils_livree()]
    with tempfile.TemporaryDirectory() as dossier:
        catalogue = moteur_par_defaut().catalogue
        gros = Moteur.depuis(regles=ecrire_regles_generees(Path(dossier) / "g", 1000, catalogue))
        generee = [
            empreinte(recommander(p, moteur=gros))
            for p in population(N_GENEREE, catalogue, graine=24)
        ]
    return {"livree": livree, "mille_regles": generee}


if __name__ == "__main__":
    FICHIER.write_text(json.dumps(empreintes(), indent=0) + "\n", encoding="utf-8")
    print(FICHIER)
