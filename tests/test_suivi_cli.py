"""``recommandeur suivi`` et ``planifier(journal=)`` sur de petites données faites à la main."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from recommandeur import Journal, planifier
from recommandeur._cli.commande import main

EFFECTIFS = Path(__file__).parent / "donnees" / "effectifs"
ENSEIGNANTS, ECOLES = EFFECTIFS / "enseignants.csv", EFFECTIFS / "ecoles.csv"


def _suivi(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["suivi", *args])
    sortie = capsys.readouterr()
    return code, sortie.out, sortie.err


@pytest.fixture
def journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    f = str(tmp_path / "suivi.sqlite")
    code, out, _ = _suivi(
        capsys, "importer", f, str(ENSEIGNANTS), "--ecoles", str(ECOLES),
        "--date", "2026-09-01", "--par", "cp",
    )  # fmt: skip
    assert code == 0 and out == f"Importé : 5 personne(s), 10 entrée(s) dans {f}\n"
    return f


def test_importer_debuter_revue_tableau(
    journal: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _suivi(capsys, "debuter", journal, "t1", "mentorat", "--intervenant", "mentor",
                          "--date", "2026-09-10", "--par", "cp")  # fmt: skip
    assert code == 0 and "début de mesure de t1" in out
    code, out, _ = _suivi(capsys, "a-revoir", journal, "--date", "2026-10-22")
    assert out.splitlines() == [
        "À revoir au 2026-10-22 : 2 revue(s) due(s)",
        "  t4 (B) : suivi, depuis le 2026-09-01 (51 j) (en retard)",  # détresse, motif tu
        "  t1 (A) : mentorat, depuis le 2026-09-10 (42 j)",
    ]
    code, out, _ = _suivi(capsys, "revue", journal, "t1", "mentorat", "efficace",
                          "--besoin", "gestion_de_classe=faible", "--satisfaction", "4",
                          "--date", "2026-10-23", "--par", "cp")  # fmt: skip
    assert code == 0
    html, tableur = tmp_path / "t.html", tmp_path / "t.csv"
    code, out, _ = _suivi(capsys, "tableau", journal, "--date", "2026-11-01",
                          "--html", str(html), "--csv", str(tableur))  # fmt: skip
    assert code == 0
    lignes = list(csv.DictReader(tableur.read_text("utf-8-sig").splitlines()))
    assert [x["personne"] for x in lignes] == ["t1", "t2", "t3", "t4", "t5"]
    assert lignes[0]["derniere_revue"] == "2026-10-23"
    assert "revue mentorat : efficace" in lignes[0]["changements"]
    assert all(x["detresse"] == "" for x in lignes)
    assert lignes[3]["a_revoir"] == "suivi"
    assert "Tableau de suivi des nouveaux" in html.read_text("utf-8")
    code, out, _ = _suivi(capsys, "historique", journal, "t1")
    assert out.splitlines()[0] == "Historique de t1 : 4 entrée(s)"
    code, out, _ = _suivi(capsys, "bilan", journal, "--debut", "2026-08-01", "--fin", "2027-06-30")
    assert out.splitlines()[:2] == [
        "Bilan du 2026-08-01 au 2027-06-30 : 1 revue(s) pour 1 personne(s), 100 % à temps ; "
        "1 allègement(s), 0 escalade(s)",
        "Satisfaction : 4.0 sur 5 (1 réponse(s))",
    ]


def test_erreurs_en_une_ligne(journal: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _suivi(capsys, "revue", journal, "t1", "webinaire", "efficace",
                          "--date", "2026-10-01", "--par", "cp")  # fmt: skip
    assert code == 2
    assert err == (
        "erreur : revue de t1 : champ 'mesure' : mesure jamais débutée pour cette personne à "
        "cette date (reçu : 'webinaire') ; débuter la mesure avant de la revoir (« recommandeur "
        "suivi debuter »)\n"
    )
    code, _, err = _suivi(capsys, "historique", journal, "t9")
    assert code == 2 and "personne inconnue du journal (reçu : 't9')" in err
    code, out, _ = _suivi(capsys, "consentement", journal, "t4", "oui", "--date", "2026-09-02",
                          "--par", "cp")  # fmt: skip
    assert code == 0 and "partage : True" in out
    code, out, _ = _suivi(capsys, "a-revoir", journal, "--date", "2026-10-22", "--avec-detresse")
    assert "  t4 (B) : suivi de détresse, depuis le 2026-09-01 (51 j) (en retard)" in out
    code, out, _ = _suivi(capsys, "reponse", journal, "t1", "cap", "differee", "--par", "cp")
    assert code == 0 and "decision : differee" in out
    code, _, err = _suivi(capsys, "effacer", journal, "t1")
    assert code == 0
    code, _, err = _suivi(capsys, "historique", journal, "t1")
    assert code == 2


def test_importer_tout_ou_rien(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "s.sqlite"
    fautif = tmp_path / "enseignants.csv"
    texte = ENSEIGNANTS.read_text("utf-8")
    fautif.write_text(texte.replace(",primaire,", ",primair,", 1), "utf-8")
    code, _, err = _suivi(capsys, "importer", str(f), str(fautif), "--ecoles", str(ECOLES),
                          "--par", "cp")  # fmt: skip
    assert code == 2 and "primair" in err
    with Journal.ouvrir(f) as j:
        assert j.personnes() == []


def test_planifier_lit_le_bilan_dans_le_journal(tmp_path: Path) -> None:
    with Journal.ouvrir(tmp_path / "s.sqlite") as j:
        for e in ("t1", "t2"):
            j.ajouter({"genre": "arrivee", "personne": e, "date": "2026-09-01", "par": "cp",
                       "ecole": "A"})  # fmt: skip
            j.debuter(e, date(2026, 9, 10), "webinaire", par="cp")
        j.revue("t1", date(2026, 11, 1), "webinaire", "efficace", par="cp")
        j.revue("t2", date(2026, 11, 1), "webinaire", "sans_effet", par="cp")
        plan = planifier(ENSEIGNANTS, ECOLES, journal=j)
    # les mesures_recues des effectifs (sous-groupe, mentorat) ne comptent plus : le journal
    assert [(b.mesure, b.ecole, b.avec_effet, b.sans_effet) for b in plan.bilan.par_ecole] == [
        ("webinaire", "A", 1, 1)
    ]


def test_plan_avec_le_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "s.sqlite"
    with Journal.ouvrir(f) as j:
        j.ajouter({"genre": "arrivee", "personne": "t1", "date": "2026-09-01", "par": "cp",
                   "ecole": "A"})  # fmt: skip
        j.debuter("t1", date(2026, 9, 10), "webinaire", par="cp")
        j.revue("t1", date(2026, 11, 1), "webinaire", "sans_effet", par="cp")
    sortie = tmp_path / "plan.json"
    code = main(["plan", str(ENSEIGNANTS), "--ecoles", str(ECOLES), "--journal", str(f),
                 "--json", str(sortie), "--processus", "1"])  # fmt: skip
    capsys.readouterr()
    assert code == 0
    bilan = json.loads(sortie.read_text("utf-8"))["bilan"]
    assert [(b["mesure"], b["ecole"], b["sans_effet"]) for b in bilan["par_ecole"]] == [
        ("webinaire", "A", 1)
    ]


@pytest.mark.parametrize("consent", ["oui", "non"])
def test_tableau_ne_montre_la_detresse_qu_avec_l_option(
    journal: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], consent: str
) -> None:
    """t4 (détresse) débute la personne neutre : ``suivi tableau`` sans ``--avec-detresse`` ne
    la nomme pas, même si t4 a consenti ; avec l'option, seulement si elle a consenti."""
    for args in (
        ("consentement", journal, "t4", consent, "--date", "2026-09-02", "--par", "cp"),
        ("debuter", journal, "t4", "personne_neutre", "--date", "2026-09-03", "--par", "cp"),
    ):
        assert _suivi(capsys, *args)[0] == 0
    for option, montre in (([], False), (["--avec-detresse"], consent == "oui")):
        tableur = tmp_path / f"t{len(option)}.csv"
        code, out, _ = _suivi(capsys, "tableau", journal, "--date", "2026-09-20", *option)
        assert code == 0
        (t4,) = [x for x in out.splitlines() if x.startswith("  t4 ")]
        assert t4.startswith(
            "  t4 (B) : en cours : personne_neutre ;" if montre else "  t4 (B) : en cours : rien ;"
        )
        _suivi(capsys, "tableau", journal, "--date", "2026-09-20", "--csv", str(tableur), *option)
        (ligne,) = [
            x
            for x in csv.DictReader(tableur.read_text("utf-8-sig").splitlines())
            if x["personne"] == "t4"
        ]
        assert ("personne_neutre" in str(ligne)) is montre
        assert ligne["detresse"] == ("oui" if montre else "")
