"""ruff et mypy (strict) sur le code, et les exemples des docstrings (doctests)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import recommandeur

RACINE = Path(__file__).resolve().parents[1]


def _outil(nom: str) -> list[str]:
    chemin = shutil.which(nom, path=str(Path(sys.executable).parent))
    assert chemin, f"{nom} introuvable à côté de {sys.executable}"
    return [chemin]


@pytest.mark.parametrize(
    "commande",
    [
        ["check", "src", "tests", "bench", "outils", "exemples"],
        ["format", "--check", "src", "tests", "bench", "outils", "exemples"],
    ],
    ids=["check", "format"],
)
def test_ruff(commande: list[str]) -> None:
    resultat = subprocess.run(
        [*_outil("ruff"), *commande],
        cwd=RACINE,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


def test_mypy_strict() -> None:
    resultat = subprocess.run(
        [*_outil("mypy")], cwd=RACINE, capture_output=True, text=True, timeout=600, check=False
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(recommandeur.__path__, "recommandeur.")
    if m.name not in {"recommandeur.__main__"}
)
SOURCES = sorted((RACINE / "src" / "recommandeur").rglob("*.py"))


@pytest.mark.parametrize("nom", ["recommandeur", *MODULES])
def test_doctests(nom: str) -> None:
    module = importlib.import_module(nom)
    if nom == "recommandeur":  # paresseux (PEP 562) : tous ses noms, comme un import complet
        for public in module.__all__:
            getattr(module, public)
    resultat = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert resultat.failed == 0


def test_fonctions_publiques_documentees_avec_exemple() -> None:
    sans_exemple = [
        nom
        for nom in recommandeur.__all__
        if callable(getattr(recommandeur, nom))
        and not isinstance(getattr(recommandeur, nom), type)
        and ">>>" not in (getattr(recommandeur, nom).__doc__ or "")
    ]
    assert sans_exemple == []


def test_all_trie() -> None:
    assert recommandeur.__all__ == sorted(recommandeur.__all__)


def test_un_seul_module_importe_durable() -> None:
    import ast

    importateurs = []
    for fichier in SOURCES:
        for noeud in ast.walk(ast.parse(fichier.read_text(encoding="utf-8"))):
            noms = []
            if isinstance(noeud, ast.Import):
                noms = [a.name for a in noeud.names]
            elif isinstance(noeud, ast.ImportFrom) and noeud.module and noeud.level == 0:
                noms = [noeud.module]
            if any(
                n in {"durable", "durable_rules_engine"} or n.startswith("durable.") for n in noms
            ):
                importateurs.append(fichier.relative_to(RACINE / "src").as_posix())
    assert sorted(set(importateurs)) == ["recommandeur/_moteur/durable.py"]


def test_aucune_evaluation_de_code() -> None:
    import ast

    appels = {"eval", "exec", "compile", "__import__"}
    trouves = [
        (fichier.name, noeud.func.id)
        for fichier in SOURCES
        for noeud in ast.walk(ast.parse(fichier.read_text(encoding="utf-8")))
        if isinstance(noeud, ast.Call)
        and isinstance(noeud.func, ast.Name)
        and noeud.func.id in appels
    ]
    assert trouves == []
    # ni pickle ni ses cousins : aucune donnée lue n'est désérialisée en objets Python
    # (le mot peut apparaître dans un commentaire : les copies d'objets par pickle sont testées)
    interdits = {"pickle", "cPickle", "marshal", "shelve", "dill"}
    importes = [
        (fichier.name, nom)
        for fichier in SOURCES
        for noeud in ast.walk(ast.parse(fichier.read_text(encoding="utf-8")))
        if isinstance(noeud, ast.Import | ast.ImportFrom)
        for nom in (
            [a.name.split(".")[0] for a in noeud.names]
            if isinstance(noeud, ast.Import)
            else [(noeud.module or "").split(".")[0]]
        )
        if nom in interdits
    ]
    assert importes == []


def test_le_muter_lit_l_identifiant_entier_du_test_en_echec() -> None:
    """Un identifiant paramétré avec des espaces est lu en entier (``--reprendre`` le relance)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("muter", RACINE / "outils" / "muter.py")
    assert spec is not None and spec.loader is not None
    muter = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(muter)
    resume = (
        "....F\n"
        "FAILED tests/t.py::test_a[0-doit être > 0.0 (reçu : 0)] - assert 1 == 2\n"
        "ERROR tests/t.py::test_b\n"
    )
    assert muter._ECHEC.findall(resume) == [
        "tests/t.py::test_a[0-doit être > 0.0 (reçu : 0)]",
        "tests/t.py::test_b",
    ]


def test_chaque_mutant_vise_un_texte_present_une_seule_fois() -> None:
    """La passe de mutation démarre : chaque mutant de outils/mutants.toml trouve son texte
    exactement une fois (sinon ``outils/muter.py`` refuse de partir, et le code a dérivé)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("muter", RACINE / "outils" / "muter.py")
    assert spec is not None and spec.loader is not None
    muter = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(muter)
    mutants = muter.charger(RACINE / "outils" / "mutants.toml")
    ids = [m["id"] for m in mutants]
    assert len(ids) == len(set(ids))
