"""Les options de calcul de ``plan`` et ``province``, épinglées là où la revue de mutation
indépendante (m7) a trouvé des trous : le défaut de ``--processus``, une valeur 0 transmise, la
barre de progression seulement dans un terminal, la base de ``province --verifier`` ; la page
et le JSON vers la sortie standard (revue m8p)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest

import recommandeur._cli.plan as cli_plan
import recommandeur._cli.province as cli_province
from recommandeur import planifier
from recommandeur._cli.commande import main
from recommandeur._programme.sorties.rapport import json_du_plan

from .test_cli_options_de_calcul import EFFECTIFS, EXEMPLES, Arret, _espion


@pytest.mark.parametrize(("coeurs", "attendu"), [(8, 2), (2, 2), (1, 1), (None, 1)])
def test_processus_par_defaut_au_plus_deux(
    monkeypatch: pytest.MonkeyPatch, coeurs: int | None, attendu: int
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: coeurs)
    analyseur = argparse.ArgumentParser()
    cli_plan.options_de_calcul(analyseur)
    assert analyseur.parse_args([]).processus == attendu


def test_une_taille_nulle_va_telle_quelle_a_planifier() -> None:
    """0 n'est pas « pas donnée » : planifier la refuse avec son message."""
    analyseur = argparse.ArgumentParser()
    cli_plan.options_de_calcul(analyseur)
    args = analyseur.parse_args(["--taille-groupe", "0", "--mentores-par-mentor", "0"])
    assert cli_plan.valeurs_de_calcul(args) == {
        "processus": args.processus,
        "taille_max_groupe": 0,
        "mentores_par_mentor": 0,
    }


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("terminal", "options", "barre"),
    [(False, [], False), (True, [], True), (True, ["--sans-progression"], False)],
)
def test_la_barre_seulement_dans_un_terminal(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    terminal: bool,
    options: list[str],
    barre: bool,
) -> None:
    if terminal:
        monkeypatch.setattr(sys, "stderr", _Terminal())
    appels: list[dict[str, Any]] = []
    monkeypatch.setattr(cli_plan, "planifier", _espion(appels))
    monkeypatch.setattr(cli_province, "planifier_province", _espion(appels))
    effectifs = [str(EFFECTIFS / "enseignants.csv"), "--ecoles", str(EFFECTIFS / "ecoles.csv")]
    province = [str(EXEMPLES / "province"), "--sortie", str(tmp_path / "s")]
    for commande in (["plan", *effectifs], ["province", *province]):
        with pytest.raises(Arret):
            main([*commande, *options])
    assert [a["progression"] for a in appels] == [barre, barre]


def test_verifier_une_province_avec_la_base_donnee(monkeypatch: pytest.MonkeyPatch) -> None:
    appels: list[dict[str, Any]] = []
    monkeypatch.setattr(cli_province, "verifier_province", _espion(appels))
    with pytest.raises(Arret):
        main(
            [
                "province",
                str(EXEMPLES / "province"),
                "--verifier",
                "--catalogue",
                "c",
                "--regles",
                "r",
            ]
        )
    assert appels == [{"catalogue": "c", "regles": "r"}]


def test_plan_passe_sa_date(monkeypatch: pytest.MonkeyPatch) -> None:
    appels: list[dict[str, Any]] = []
    monkeypatch.setattr(cli_plan, "planifier", _espion(appels))
    effectifs = [str(EFFECTIFS / "enseignants.csv"), "--ecoles", str(EFFECTIFS / "ecoles.csv")]
    with pytest.raises(Arret):
        main(["plan", *effectifs, "--date", "2026-12-04"])
    assert appels[0]["date"] == dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("alertes", "reste"), [(5, None), (6, "  … et 1 autres alertes (voir le rapport)")]
)
def test_le_resume_montre_cinq_alertes_puis_le_reste(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    alertes: int,
    reste: str | None,
) -> None:
    vraie = vars(cli_plan)["planifier"]

    def coupe(*args: Any, **kwargs: Any) -> Any:
        plan = vraie(*args, **kwargs)
        return plan.model_copy(update={"alertes": plan.alertes[:alertes]})

    monkeypatch.setattr(cli_plan, "planifier", coupe)
    effectifs = [str(EFFECTIFS / "enseignants.csv"), "--ecoles", str(EFFECTIFS / "ecoles.csv")]
    assert main(["plan", *effectifs, "--processus", "1"]) == 0
    lignes = capsys.readouterr().out.splitlines()
    assert sum(ligne.startswith("  ⚠ ") for ligne in lignes) == 5
    assert [ligne for ligne in lignes if "autres alertes" in ligne] == ([reste] if reste else [])


def _petits_effectifs(dossier: Path) -> list[str]:
    enseignants, ecoles = dossier / "enseignants.csv", dossier / "ecoles.csv"
    enseignants.write_text(
        "enseignant,ecole,annees_experience,ordre\ne1,A,0,primaire\ne2,A,1,secondaire\n",
        encoding="utf-8",
    )
    ecoles.write_text("ecole,nom\nA,École A\n", encoding="utf-8")
    return [str(enseignants), "--ecoles", str(ecoles), "--date", "2026-12-04", "--processus", "1"]


def test_la_page_vers_la_sortie_standard_est_la_page_entiere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Revue m8p : ``--html -`` écrit la page au fil, morceau par morceau : tous, jusqu'au
    dernier ; le résumé va à l'erreur standard."""
    arguments = _petits_effectifs(tmp_path)
    assert main(["plan", *arguments, "--html", "-"]) == 0
    sortie = capsys.readouterr()
    plan = planifier(arguments[0], arguments[2], date=dt.date(2026, 12, 4))
    assert sortie.out == plan.html()
    assert sortie.out.rstrip().endswith("</html>")
    assert sortie.err.startswith("Plan : 2 personne(s)")


def test_avec_json_vers_la_sortie_standard_le_rapport_se_dit_sur_l_erreur(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Revue m8p : ``--html fichier --json -`` : la sortie standard ne porte que le JSON ;
    « rapport : … » va avec le résumé, à l'erreur standard."""
    arguments = _petits_effectifs(tmp_path)
    page = tmp_path / "plan.html"
    assert main(["plan", *arguments, "--html", str(page), "--json", "-"]) == 0
    sortie = capsys.readouterr()
    assert sortie.out == json_du_plan(
        planifier(arguments[0], arguments[2], date=dt.date(2026, 12, 4))
    )
    assert f"rapport : {page}\n" in sortie.err
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")
