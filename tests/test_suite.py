"""La suite elle-même : la liste des tests lents désigne de vrais tests, rien ne s'imprime.

La suite rapide (``pytest -m "not lent"``) retire les tests nommés dans ``LENTS`` (conftest.py
à la racine) ; un test renommé ou déplacé reviendrait en silence dans la suite rapide : chaque
entrée doit désigner un fichier et une fonction qui existent.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE))
from conftest import LENTS  # noqa: E402


def _fonctions(fichier: Path) -> set[str]:
    arbre = ast.parse(fichier.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(arbre) if isinstance(n, ast.FunctionDef | ast.ClassDef)}


@pytest.mark.parametrize("debut", sorted(LENTS))
def test_chaque_test_lent_existe(debut: str) -> None:
    fichier, _, reste = debut.partition("::")
    chemin = RACINE / fichier
    assert chemin.is_file(), f"{fichier} n'existe plus : retirer {debut!r} de LENTS"
    if reste:
        nom = re.match(r"\w+", reste)
        assert nom and nom.group() in _fonctions(chemin), f"{debut!r} ne désigne aucun test"


def test_les_familles_sont_des_marques_declarees() -> None:
    options = tomllib.loads((RACINE / "pyproject.toml").read_text(encoding="utf-8"))
    declarees = {m.split(":")[0] for m in options["tool"]["pytest"]["ini_options"]["markers"]}
    assert set(LENTS.values()) <= declarees
    assert "lent" in declarees


def test_les_blocs_de_la_documentation_n_impriment_rien(tmp_path: Path) -> None:
    """Un bloc qui passe n'imprime rien ; celui qui échoue montre ce qu'il a imprimé."""
    page = tmp_path / "page.md"
    page.write_text(
        textwrap.dedent(
            """
            ```python
            import sys
            print("IMPRIME-PASSE")
            print("BARRE-PASSE", file=sys.stderr)
            ```

            ```python
            print("IMPRIME-ECHEC")
            assert False
            ```
            """
        ),
        encoding="utf-8",
    )
    resultat = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-p", "conftest", "--markdown-docs", "-q"),
            *("-p", "no:cacheprovider", "--rootdir", str(tmp_path), str(page)),
        ],
        cwd=RACINE,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    sortie = resultat.stdout + resultat.stderr
    assert resultat.returncode == 1, sortie
    assert "IMPRIME-PASSE" not in sortie and "BARRE-PASSE" not in sortie
    assert "Captured stdout call" in sortie and "IMPRIME-ECHEC" in sortie
