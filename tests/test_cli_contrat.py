"""La commande : ``--version`` et ``recommandeur schema erreur``."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata

import jsonschema
import pytest

from recommandeur import ErreurProfil, recommander, schema_erreur
from recommandeur._cli.commande import main


def test_version_dit_la_version_installee(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as fin:
        main(["--version"])
    assert fin.value.code == 0
    assert capsys.readouterr().out == f"recommandeur {metadata.version('recommandeur')}\n"


def test_version_en_sous_processus() -> None:
    sortie = subprocess.run(
        [sys.executable, "-m", "recommandeur", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert sortie.stdout.strip() == f"recommandeur {metadata.version('recommandeur')}"
    assert sortie.stderr == ""


def test_schema_erreur_est_celui_de_schema_erreur(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "erreur"]) == 0
    ecrit = json.loads(capsys.readouterr().out)
    assert ecrit == schema_erreur()
    jsonschema.Draft202012Validator.check_schema(ecrit)
    with pytest.raises(ErreurProfil) as erreur:
        recommander({"annees_experience": 1, "ordre": "primair"})
    jsonschema.validate(erreur.value.to_dict(), ecrit)
