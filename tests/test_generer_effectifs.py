"""L'outil qui génère des effectifs fictifs (``outils/generer_effectifs.py``) : la colonne
``region`` est remplie, par blocs d'écoles voisines, sans changer les autres tirages ; les
cohortes du centre d'un plan fait sur ces effectifs ne mêlent pas deux régions."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from recommandeur import planifier

OUTIL = Path(__file__).resolve().parents[1] / "outils" / "generer_effectifs.py"


def _generer(dossier: Path) -> None:
    arguments = ("--ecoles", "8", "--enseignants", "120", "--dossier", str(dossier))
    subprocess.run(
        [sys.executable, str(OUTIL), *arguments],
        check=True,
        capture_output=True,
    )


def _lignes(chemin: Path) -> list[dict[str, str]]:
    with chemin.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_les_ecoles_generees_ont_une_region_par_blocs(tmp_path: Path) -> None:
    _generer(tmp_path)
    ecoles = _lignes(tmp_path / "ecoles.csv")
    assert [e["region"] for e in ecoles] == ["Nord"] * 2 + ["Sud"] * 2 + ["Est"] * 2 + ["Ouest"] * 2
    # la région ne consomme aucun tirage : les autres colonnes sont celles d'avant (graine 2026)
    assert [(e["ecole"], e["nb_enseignants"], e["mentors"], e["imse"]) for e in ecoles[:2]] == [
        ("E001", "75", "1", "2"),
        ("E002", "74", "1", "10"),
    ]
    plan = planifier(tmp_path / "enseignants.csv", tmp_path / "ecoles.csv")
    region = {e["ecole"]: e["region"] for e in ecoles}
    du_centre = [g for g in plan.groupes if g.ecole is None]
    assert du_centre
    ecole_de = {e.enseignant: e.ecole for e in plan.enseignants}
    for g in du_centre:
        assert {region[ecole_de[m]] for m in g.membres} == {g.region}
