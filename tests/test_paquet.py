"""Le paquet : la roue construite porte le catalogue et les règles, et fonctionne seule."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

GABARITS = Path(__file__).resolve().parents[1] / "src" / "recommandeur" / "_rendu" / "gabarits"
RACINE = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def roue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sortie = tmp_path_factory.mktemp("roue")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(sortie),
            str(RACINE),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    (chemin,) = sortie.glob("recommandeur-*.whl")
    return chemin


def test_la_roue_porte_les_donnees(roue: Path) -> None:
    noms = set(zipfile.ZipFile(roue).namelist())
    for dossier in ("catalogue", "regles"):
        attendus = {
            f"recommandeur/_donnees/{dossier}/{p.name}" for p in (RACINE / dossier).glob("*.toml")
        }
        assert attendus and attendus <= noms
    assert "recommandeur/py.typed" in noms
    gabarits = {f"recommandeur/_rendu/gabarits/{p.name}" for p in GABARITS.glob("*.j2")}
    assert gabarits and gabarits <= noms


def test_la_roue_fonctionne_sans_le_depot(roue: Path, tmp_path: Path) -> None:
    cible = tmp_path / "site"
    zipfile.ZipFile(roue).extractall(cible)
    code = (
        "import recommandeur, sys; from recommandeur._base.fichiers import dossier_livre;"
        "assert '_donnees' in str(dossier_livre('regles')), dossier_livre('regles');"
        "r = recommandeur.recommander({'annees_experience': 0, 'ordre': 'primaire'});"
        "assert 'class=\"recommandeur recommandation' in r._repr_html_();"
        "print(len(r.mesures))"
    )
    # le dépôt n'est pas sur le chemin : seule la roue extraite (et les dépendances installées)
    resultat = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(cible)!r}); {code}"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )
    assert resultat.returncode == 0, resultat.stderr
    assert int(resultat.stdout) > 5
