"""Les blocs ```python de README.md et de docs/ s'exécutent avec la suite (pytest-markdown-docs).

Chaque bloc tourne dans un dossier temporaire où ``mes_regles/`` et ``mon_catalogue/`` sont des
copies des données livrées : les exemples qui nomment « vos dossiers » y trouvent de vrais
dossiers, et le dépôt n'est jamais modifié.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from importlib.resources import as_file
from pathlib import Path

import pytest

from recommandeur._fichiers import dossier_livre


@pytest.fixture(autouse=True)
def _dossiers_des_exemples(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[None]:
    if not request.node.nodeid.endswith(".md") and ".md::" not in request.node.nodeid:
        yield
        return
    for genre, nom in (("regles", "mes_regles"), ("catalogue", "mon_catalogue")):
        with as_file(dossier_livre(genre)) as livre:
            shutil.copytree(livre, tmp_path / nom)
    shutil.copytree(Path(__file__).parent / "exemples", tmp_path / "exemples")
    avant = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield
    finally:
        os.chdir(avant)
