"""La référence de l'API (docs/reference/, Sphinx) se construit sans un avertissement.

La même commande que dans le README (« Contribuer »), dans un dossier temporaire : un
avertissement (docstring mal formée, lien cassé, nom public sur aucune page) la fait échouer.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import recommandeur
from recommandeur import testing

RACINE = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def construction(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    sortie = tmp_path_factory.mktemp("reference")
    resultat = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            "-d",
            str(sortie / ".doctrees"),
            str(RACINE / "docs" / "reference"),
            str(sortie),
        ],
        cwd=RACINE,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr
    return sortie, resultat.stderr


def test_construite_sans_avertissement(construction: tuple[Path, str]) -> None:
    _, avertissements = construction
    assert avertissements == ""


def test_chaque_nom_public_a_sa_fiche(construction: tuple[Path, str]) -> None:
    from sphinx.util.inventory import InventoryFile

    sortie, _ = construction
    with (sortie / "objects.inv").open("rb") as flux:
        inventaire = InventoryFile.load(flux, "", lambda base, chemin: chemin)
    documentes = {nom for genre in inventaire.values() for nom in genre}
    attendus = {f"recommandeur.{nom}" for nom in recommandeur.__all__}
    attendus |= {f"recommandeur.testing.{nom}" for nom in testing.__all__}
    assert sorted(attendus - documentes) == []


def test_en_francais(construction: tuple[Path, str]) -> None:
    sortie, _ = construction
    page = (sortie / "recommander.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in page
    assert "Recherche rapide" in page or "Rechercher" in page
    # la docstring elle-même, et son exemple
    assert "recommandeur.recommander" in page and "&gt;&gt;&gt;" in page


def test_chaque_nom_trouve_sa_couche_meme_affiche_recommandeur(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Un objet public qui s'affiche ``recommandeur.Nom`` (``__module__``) garde sa page."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "conf_reference", RACINE / "docs" / "reference" / "conf.py"
    )
    assert spec is not None and spec.loader is not None
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    for nom in recommandeur.__all__:
        objet = getattr(recommandeur, nom)
        module = conf._module_de_definition(objet)
        assert module.startswith("recommandeur._"), (nom, module)
        if not isinstance(objet, type) and not callable(objet):
            continue  # une constante ou un alias : pas de __module__ à changer
        monkeypatch.setattr(objet, "__module__", "recommandeur")
        assert conf._module_de_definition(objet) == module, nom
