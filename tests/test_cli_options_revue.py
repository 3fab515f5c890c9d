"""Les options de calcul de ``plan`` et ``province``, épinglées là où la revue de mutation
indépendante (m7) a trouvé des trous : le défaut de ``--processus``, une valeur 0 transmise, la
barre de progression seulement dans un terminal, la base de ``province --verifier``."""

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
from recommandeur._cli.commande import main

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
