"""Le carnet d'exemple s'exécute, et chaque sortie s'affiche en HTML, jamais en repr brut.

La capture dans un vrai navigateur (``python outils/carnet.py`` → ``docs/carnet.png``) demande
Chromium ; ce test-ci, sans navigateur, vérifie ce que le navigateur reçoit.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

RACINE = Path(__file__).parent.parent
CARNET = RACINE / "exemples" / "carnet_conseiller.ipynb"

#: Le rendu attendu, cellule de code par cellule : la classe de la racine HTML.
ATTENDUS = [
    "recommandeur recommandation",
    "recommandeur mesure-recommandee",
    "recommandeur pourquoi-pas",
    "recommandeur et-si",
    "recommandeur fiche erreur",
]


@pytest.fixture(scope="module")
def carnet() -> nbformat.NotebookNode:
    carnet: nbformat.NotebookNode = nbformat.read(CARNET, as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(
        carnet, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(RACINE)}}
    ).execute()
    return carnet


def test_chaque_cellule_s_affiche_en_html(carnet: nbformat.NotebookNode) -> None:
    cellules = [c for c in carnet.cells if c.cell_type == "code"]
    assert len(cellules) == len(ATTENDUS)
    for cellule, classe in zip(cellules, ATTENDUS, strict=True):
        (sortie,) = [s for s in cellule.outputs if s.output_type == "execute_result"]
        assert f'class="{classe}' in sortie.data["text/html"]
        texte = sortie.data["text/plain"]
        assert texte.startswith("<") and len(texte) < 400, texte
        assert not any(s.output_type == "error" for s in cellule.outputs)


def test_la_recommandation_du_carnet_lit_le_francais_et_montre_ses_priorites(
    carnet: nbformat.NotebookNode,
) -> None:
    premiere = next(c for c in carnet.cells if c.cell_type == "code")
    html = premiere.outputs[0].data["text/html"]
    assert "Besoins : gestion de classe (élevée), planification (modérée)" in html
    assert html.index("À offrir d'abord") < html.index("Autres offres")
    assert html.index("Autres offres") < html.index("Actions du milieu")
    assert "<details" in html and 'class="source"' in html
