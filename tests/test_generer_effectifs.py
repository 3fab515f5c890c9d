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
        ("E001", "75", "3", "2"),
        ("E002", "74", "3", "10"),
    ]
    plan = planifier(tmp_path / "enseignants.csv", tmp_path / "ecoles.csv")
    region = {e["ecole"]: e["region"] for e in ecoles}
    du_centre = [g for g in plan.groupes if g.ecole is None]
    assert du_centre
    ecole_de = {e.enseignant: e.ecole for e in plan.enseignants}
    for g in du_centre:
        assert {region[ecole_de[m]] for m in g.membres} == {g.region}


def test_une_personne_mentore_pour_7_personnes_en_insertion(tmp_path: Path) -> None:
    """Ticket 23 (plan) : le nombre de personnes mentores suit les personnes en insertion de
    l'école (une pour 7, d'après le rapport du CSSPS), au moins 1 au primaire et 2 au
    secondaire ; une école sans personne mentore tirée n'en a pas ; ``0`` : le minimum."""
    _generer(tmp_path)
    ecoles = _lignes(tmp_path / "ecoles.csv")
    par_ecole: dict[str, int] = {}
    for t in _lignes(tmp_path / "enseignants.csv"):
        par_ecole[t["ecole"]] = par_ecole.get(t["ecole"], 0) + 1
    nommes = _lignes(tmp_path / "mentors.csv")
    for e in ecoles:
        n = sum(m["ecole"] == e["ecole"] for m in nommes)
        assert str(n) == e["mentors"] or (e["mentors"] == "" and n == 0)
        if n:
            minimum = 2 if e["nom"].startswith("École secondaire") else 1
            assert n == max(minimum, -(-par_ecole[e["ecole"]] // 7)), e
    assert [e["mentors"] for e in ecoles] == ["3", "3", "1", "7", "1", "1", "2", "3"]
    dossier_minimum = tmp_path / "minimum"
    arguments = ("--personnes-par-mentor", "0", "--dossier", str(dossier_minimum))
    subprocess.run(
        [sys.executable, str(OUTIL), "--ecoles", "8", "--enseignants", "120", *arguments],
        check=True,
        capture_output=True,
    )
    assert [e["mentors"] for e in _lignes(dossier_minimum / "ecoles.csv")] == [
        "1",
        "1",
        "1",
        "2",
        "1",
        "1",
        "1",
        "2",
    ]


def test_une_province_generee_a_des_centres_inegaux_aux_identifiants_uniques(
    tmp_path: Path,
) -> None:
    from recommandeur import verifier_province

    arguments = ("--centres", "4", "--enseignants", "900", "--dossier", str(tmp_path / "p"))
    fini = subprocess.run(
        [sys.executable, str(OUTIL), *arguments], check=True, capture_output=True, text=True
    )
    centres = sorted((tmp_path / "p").iterdir())
    assert [c.name for c in centres] == [
        "css-01-des-erables",
        "css-02-des-monts",
        "css-03-de-la-riviere",
        "css-04-du-boise",
    ]
    comptes = verifier_province(tmp_path / "p")  # chaque centre se lit sans problème
    tailles = [personnes for _, personnes, _ in comptes]
    assert sum(tailles) == 900 and min(tailles) >= 60 and len(set(tailles)) == 4
    assert fini.stdout.startswith(f"{tmp_path / 'p'} : 4 centres, 900 enseignants")
    vus: set[str] = set()
    for k, centre in enumerate(centres, 1):
        lignes = _lignes(centre / "enseignants.csv")
        ids = {ligne["enseignant"] for ligne in lignes} | {ligne["ecole"] for ligne in lignes}
        assert all(i.startswith(f"C{k:02d}-") for i in ids)
        assert not ids & vus
        vus |= ids
        mentors = _lignes(centre / "mentors.csv")
        assert all(m["mentor"].startswith(f"C{k:02d}-M") for m in mentors)
