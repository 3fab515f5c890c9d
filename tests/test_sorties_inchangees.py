"""Une optimisation ne change aucun résultat (ticket 24).

``tests/donnees/sorties_reference.json`` a été écrit par ``outils/sorties_reference.py`` avec
le code d'avant les optimisations du ticket 24 (main à ed56c35, puis à 224ee54, d'autres
changements voulus de résultats ayant atterri entre-temps) : pour chaque profil de la
population du bench, l'empreinte de tout ce que son résultat montre (JSON, texte détaillé,
HTML, justifications, écarts, faits). Le code d'aujourd'hui doit redonner chaque empreinte.

Un changement **voulu** d'un résultat le fait échouer : régénérer alors le fichier avec le
code de ce changement seul (``PYTHONPATH=<arbre>/src python outils/sorties_reference.py``),
jamais avec une optimisation en cours.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE / "outils"))

import sorties_reference as ref  # noqa: E402
from recommandeur import recommander  # noqa: E402

REFERENCE = json.loads(ref.FICHIER.read_text(encoding="utf-8"))


def _differents(attendues: list[str], obtenues: list[str]) -> list[int]:
    assert len(obtenues) == len(attendues)
    return [i for i, (a, o) in enumerate(zip(attendues, obtenues, strict=True)) if a != o]


def test_les_premiers_profils_comme_avant() -> None:
    """Les 400 premiers profils de la base livrée (dont des profils en centre) : la suite rapide."""
    profils = ref.profils_livree()[:400]
    obtenues = [ref.empreinte(recommander(p)) for p in profils]
    assert _differents(REFERENCE["livree"][:400], obtenues) == []


def test_toute_la_population_comme_avant() -> None:
    """Les 2 000 profils sur la base livrée, et 300 profils sur 1 000 règles générées."""
    obtenues = ref.empreintes()
    assert _differents(REFERENCE["livree"], obtenues["livree"]) == []
    assert _differents(REFERENCE["mille_regles"], obtenues["mille_regles"]) == []


def test_l_empreinte_voit_un_changement() -> None:
    """L'empreinte change quand un texte montré change (sinon le test ci-dessus ne dirait rien)."""
    reco = recommander(ref.profils_livree()[0])
    autre = reco.model_copy(update={"nb_prioritaires": reco.nb_prioritaires + 1})
    assert ref.empreinte(reco) != ref.empreinte(autre)
