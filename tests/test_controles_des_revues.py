"""Les contrôles de texte des scripts de revue (``docs/revues/controles_textes.py``) : une seule
définition, que les deux scripts du troisième tour importent, et ce qu'elle signale."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

REVUES = Path(__file__).resolve().parents[1] / "docs" / "revues"


@pytest.fixture
def revues() -> Iterator[dict[str, ModuleType]]:
    sys.path.insert(0, str(REVUES))
    try:
        yield {
            nom: importlib.import_module(nom)
            for nom in ("controles_textes", "balayage_troisieme_tour", "verifier_troisieme_tour")
        }
    finally:
        sys.path.remove(str(REVUES))


def test_les_deux_scripts_lisent_les_textes_avec_les_memes_controles(
    revues: dict[str, ModuleType],
) -> None:
    commun = revues["controles_textes"]
    for script in ("balayage_troisieme_tour", "verifier_troisieme_tour"):
        module = revues[script]
        assert module.ecarts is commun.ecarts, script
        assert module.FP_FGA is commun.FP_FGA, script
        for nom in ("CITATION", "ANGLAIS", "NUMERO_NU", "GENRE", "ECOLE", "LIEUX_PERMIS"):
            assert getattr(module, nom, commun) is commun, (script, nom)


def test_ce_que_signalent_les_controles(revues: dict[str, ModuleType]) -> None:
    ecarts = revues["controles_textes"].ecarts
    texte = (
        "Au CSSPS, une école a « une CAP » (le rapport du CSSPS).\n"
        "Selon « the peer mentoring » et « le 003 cité », voir 004.\n"
        "  Formée hors Québec, elle rejoint une école.  \n"
        "Rien ici."
    )
    assert list(ecarts(texte)) == [
        ("anglais", "« the peer mentoring »"),
        ("numero", "Selon «…» et «…», voir 004."),
        ("genre", "Formée hors Québec, elle rejoint une école."),
        ("ecole", "Formée hors Québec, elle rejoint une école."),
    ]
