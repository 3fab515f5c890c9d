"""Les exports écrits au fil (HTML, JSON, CSV) donnent les mêmes octets qu'avant (ticket 24).

``tests/donnees/exports_reference.json`` : l'empreinte (SHA-256) de chaque fichier exporté des
effectifs d'exemple, écrite avec le code d'AVANT l'écriture au fil (main à acbaf55, les
exports faits d'un coup) :

    PYTHONPATH=<arbre d'avant>/src python tests/test_exports_au_fil.py

Un changement **voulu** d'un export la fait échouer : la régénérer alors avec le code de ce
changement seul, jamais avec une optimisation en cours.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from recommandeur import planifier
from recommandeur._base.ecriture import ecrire_atomique
from recommandeur._programme.sorties import flux
from recommandeur._programme.sorties.rapport import ecrire_html

RACINE = Path(__file__).resolve().parents[1]
EFFECTIFS = RACINE / "exemples" / "effectifs"
REFERENCE = RACINE / "tests" / "donnees" / "exports_reference.json"
#: La date que le rapport HTML écrit (``time.strftime``), fixée pour que ses octets se comparent.
JOUR = "2026-12-04"


@functools.cache
def _plan(confidentiel: bool) -> Any:
    return planifier(
        EFFECTIFS / "enseignants.csv",
        EFFECTIFS / "ecoles.csv",
        mentors=EFFECTIFS / "mentors.csv",
        date=dt.date(2026, 12, 4),
        inclure_confidentiel=confidentiel,
    )


def _empreintes(dossier: Path) -> dict[str, str]:
    return {
        f.relative_to(dossier).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in sorted(dossier.rglob("*"))
        if f.is_file()
    }


def empreintes() -> dict[str, dict[str, str]]:
    """Pour le plan des effectifs d'exemple, sans puis avec la détresse : l'empreinte de
    ``rapport.html``, ``plan.json`` et de chaque CSV, écrits par les méthodes du plan."""
    vraie = time.strftime
    time.strftime = lambda format, *t: JOUR if format == "%Y-%m-%d" else vraie(format, *t)
    try:
        resultat = {}
        for nom, confidentiel in (("centre", False), ("confidentiel", True)):
            plan = _plan(confidentiel)
            with tempfile.TemporaryDirectory() as d:
                sortie = Path(d)
                (sortie / "rapport.html").write_bytes(plan.html().encode("utf-8"))
                plan.ecrire_json(sortie / "plan.json")
                plan.ecrire_csv(sortie / "csv")
                resultat[nom] = _empreintes(sortie)
        return resultat
    finally:
        time.strftime = vraie


@pytest.fixture(scope="module")
def reference() -> dict[str, dict[str, str]]:
    donnees: dict[str, dict[str, str]] = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return donnees


@pytest.mark.parametrize("lignes_par_morceau", [flux.LIGNES_PAR_MORCEAU, 7, 1])
def test_les_exports_sont_les_memes_octets_qu_avant(
    reference: dict[str, dict[str, str]], lignes_par_morceau: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quelle que soit la taille des morceaux d'un CSV (les 400 personnes d'exemple tiennent
    dans un seul morceau de 500 lignes)."""
    monkeypatch.setattr(flux, "LIGNES_PAR_MORCEAU", lignes_par_morceau)
    obtenues = empreintes()
    assert sorted(obtenues["centre"]) == sorted(reference["centre"])
    assert len(reference["centre"]) >= 15  # page, JSON, et les CSV (dont ceux du mentorat)
    assert obtenues == reference


def test_la_page_ecrite_au_fil_est_celle_du_plan(tmp_path: Path) -> None:
    plan = _plan(False)
    ecrite = ecrire_html(plan, tmp_path / "rapport.html")
    assert ecrite.read_bytes() == plan.html().encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]  # rien de provisoire


def test_la_page_remplace_un_lien_sans_ecrire_dans_sa_cible(tmp_path: Path) -> None:
    """Revue m8p : écrite à part puis mise en place (comme le JSON et les CSV), la page
    remplace un lien symbolique laissé à sa place ; le fichier qu'il vise reste intact."""
    cible = tmp_path / "ailleurs.txt"
    cible.write_text("à garder", encoding="utf-8")
    lien = tmp_path / "rapport.html"
    lien.symlink_to(cible)
    plan = _plan(False)
    ecrire_html(plan, lien)
    assert cible.read_text(encoding="utf-8") == "à garder"
    assert not lien.is_symlink()
    assert lien.read_bytes() == plan.html().encode("utf-8")


def test_un_export_interrompu_ne_laisse_aucun_fichier(tmp_path: Path) -> None:
    """Une erreur au milieu des morceaux : ni fichier à moitié écrit, ni fichier provisoire,
    et l'ancien fichier reste entier."""
    (tmp_path / "plan.json").write_text("ancien", encoding="utf-8")

    def morceaux() -> Iterator[str]:
        yield "{"
        raise RuntimeError("panne au milieu")

    with pytest.raises(RuntimeError, match="panne au milieu"):
        ecrire_atomique(tmp_path / "plan.json", morceaux())
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]
    assert (tmp_path / "plan.json").read_text(encoding="utf-8") == "ancien"


def test_la_reference_distingue_le_centre_du_confidentiel(
    reference: dict[str, dict[str, str]],
) -> None:
    """Les deux plans diffèrent par chaque fichier qui dit « confidentiel » en tête."""
    differents = {k for k, v in reference["centre"].items() if reference["confidentiel"][k] != v}
    assert {"rapport.html", "plan.json", "csv/enseignants.csv"} <= differents


if __name__ == "__main__":  # la référence, écrite avec le code d'avant (voir plus haut)
    REFERENCE.write_text(json.dumps(empreintes(), indent=2) + "\n", encoding="utf-8")
    sys.exit(0)
