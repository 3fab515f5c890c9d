"""Les options du calcul d'un plan vont telles quelles à ``planifier``, pour ``plan`` comme pour
``province`` (une seule définition : ``_cli.plan.options_de_calcul``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import recommandeur._cli.plan as cli_plan
import recommandeur._cli.province as cli_province
from recommandeur._cli.commande import main

EXEMPLES = Path(__file__).resolve().parents[1] / "exemples"
EFFECTIFS = EXEMPLES / "effectifs"
OPTIONS = ["--taille-groupe", "7", "--taille-cohorte", "9", "--mentores-par-mentor", "3"]
ATTENDU = {"taille_max_groupe": 7, "taille_max_cohorte": 9, "mentores_par_mentor": 3}


class Arret(Exception):
    """Arrête la commande une fois ``planifier`` appelé : seuls ses arguments comptent ici."""


def _espion(appels: list[dict[str, Any]], vraie: Any = None) -> Any:
    def espion(*_args: Any, **kwargs: Any) -> Any:
        appels.append(kwargs)
        if vraie is None:
            raise Arret
        return vraie(*_args, **kwargs)

    return espion


@pytest.mark.parametrize("confidentiel", [False, True])
@pytest.mark.parametrize("processus", ["1", "2"])
def test_plan_passe_ses_options(
    monkeypatch: pytest.MonkeyPatch, confidentiel: bool, processus: str
) -> None:
    appels: list[dict[str, Any]] = []
    monkeypatch.setattr(cli_plan, "planifier", _espion(appels))
    extra = ["--inclure-confidentiel"] if confidentiel else []
    with pytest.raises(Arret):
        main(
            [
                "plan",
                str(EFFECTIFS / "enseignants.csv"),
                "--ecoles",
                str(EFFECTIFS / "ecoles.csv"),
                "--processus",
                processus,
                *OPTIONS,
                *extra,
            ]
        )
    (kwargs,) = appels
    assert {k: kwargs[k] for k in ATTENDU} == ATTENDU
    assert kwargs["processus"] == int(processus)
    assert kwargs.get("inclure_confidentiel", False) is confidentiel


def test_la_variante_comparee_ne_montre_pas_la_detresse(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``--comparer`` : le second plan reçoit les mêmes options, sauf le journal et
    ``--inclure-confidentiel`` (la comparaison ne dit que des comptes)."""
    appels: list[dict[str, Any]] = []
    monkeypatch.setattr(cli_plan, "planifier", _espion(appels, vars(cli_plan)["planifier"]))
    code = main(
        [
            "plan",
            str(EFFECTIFS / "enseignants.csv"),
            "--ecoles",
            str(EFFECTIFS / "ecoles.csv"),
            "--comparer",
            str(EXEMPLES / "variante_centre"),
            "--processus",
            "1",
            "--inclure-confidentiel",
            *OPTIONS,
        ]
    )
    assert code == 0
    premier, second = appels
    assert premier["inclure_confidentiel"] is True
    assert "inclure_confidentiel" not in second
    assert {k: second[k] for k in ATTENDU} == ATTENDU and second["processus"] == 1


def test_province_passe_les_memes_options(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    appels: list[dict[str, Any]] = []
    monkeypatch.setattr(cli_province, "planifier_province", _espion(appels))
    with pytest.raises(Arret):
        main(
            [
                "province",
                str(EXEMPLES / "province"),
                "--sortie",
                str(tmp_path / "sortie"),
                "--processus",
                "1",
                "--inclure-confidentiel",
                *OPTIONS,
            ]
        )
    (kwargs,) = appels
    assert {k: kwargs[k] for k in ATTENDU} == ATTENDU
    assert kwargs["processus"] == 1 and kwargs["inclure_confidentiel"] is True
