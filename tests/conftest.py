"""Fixtures partagées : données livrées et copies modifiables des dossiers de données."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from importlib.resources import as_file
from pathlib import Path

import pytest

from recommandeur import Catalogue, Moteur, charger_catalogue, moteur_par_defaut
from recommandeur._base.fichiers import dossier_livre


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return charger_catalogue()


@pytest.fixture(scope="session")
def moteur() -> Moteur:
    return moteur_par_defaut()


def _copier(nom: str, cible: Path) -> Path:
    with as_file(dossier_livre(nom)) as source:
        shutil.copytree(source, cible)
    return cible


@pytest.fixture
def copie_catalogue(tmp_path: Path) -> Path:
    """Une copie modifiable du catalogue livré."""
    return _copier("catalogue", tmp_path / "catalogue")


@pytest.fixture
def copie_regles(tmp_path: Path) -> Path:
    """Une copie modifiable des règles livrées."""
    return _copier("regles", tmp_path / "regles")


@pytest.fixture
def dossier_regles(tmp_path: Path) -> Callable[[str], Path]:
    """Un dossier de règles fait d'une version et d'un fichier ``regles.toml`` donné."""

    def fabriquer(texte: str) -> Path:
        dossier = tmp_path / "regles_test"
        dossier.mkdir(exist_ok=True)
        (dossier / "version.toml").write_text('version = "test"\n', encoding="utf-8")
        (dossier / "regles.toml").write_text(texte, encoding="utf-8")
        return dossier

    return fabriquer
