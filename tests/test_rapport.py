"""Le rapport HTML du plan : sa structure (sans navigateur), puis dans un vrai Chromium sans écran."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from recommandeur import Plan, planifier
from recommandeur._base.rendus import Rendu
from recommandeur._programme import modeles

from .test_html import Arbre

EFFECTIFS = Path(__file__).parent / "donnees" / "effectifs"
FICHIERS = (EFFECTIFS / "enseignants.csv", EFFECTIFS / "ecoles.csv")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return planifier(EFFECTIFS / "enseignants.csv", EFFECTIFS / "ecoles.csv")


def test_structure_du_rapport(plan: Plan) -> None:
    html = plan.html()
    arbre = Arbre(html)
    ids = [e["attrs"].get("id") for e in arbre.tous("section")]
    # sans fichier de personnes mentores, pas d'appariement ; la capacité et le coût, toujours
    assert ids == [
        "portrait",
        "repartition",
        "capacite",
        "alertes",
        "groupes",
        "calibrage",
        "calendrier",
        "ecoles",
        "charges",
        "bilan",
    ]
    avec = Arbre(planifier(*FICHIERS, mentors=EFFECTIFS / "mentors.csv").html())
    assert [e["attrs"].get("id") for e in avec.tous("section")][2:4] == ["appariement", "capacite"]
    assert len(arbre.tous("svg")) == 4
    ecoles = arbre.tous("details", "ecole")
    assert len(ecoles) == sum(e.nb_en_insertion > 0 for e in plan.ecoles) == 3
    assert all("open" not in e["attrs"] for e in ecoles)
    (page,) = arbre.tous("html")
    texte = page["texte"]
    assert "Étapes" in texte and "Cycle de l'action" in texte and "Personnes impliquées" in texte
    assert "None" not in texte and "Plan(" not in texte
    assert '<html lang="fr">' in html and "@media print" in html


def test_tout_est_echappe(tmp_path: Path) -> None:
    ecoles = tmp_path / "ecoles.csv"
    ecoles.write_text("ecole,nom\nA,<b>École</b> & cie\n", "utf-8")
    enseignants = tmp_path / "enseignants.csv"
    enseignants.write_text("enseignant,ecole,annees_experience,ordre\nt1,A,0,primaire\n", "utf-8")
    html = planifier(enseignants, ecoles).html()
    assert "<b>École</b>" not in html and "&lt;b&gt;École&lt;/b&gt; &amp; cie" in html


def test_chaque_rendu_d_un_plan_nomme_un_module_qui_existe_et_le_remplit() -> None:
    # un emplacement vide importe son fournisseur par son nom au premier appel : un chemin
    # resté d'avant un déplacement ne casserait que ce premier appel, dans un processus neuf
    rendus = {nom: r for nom, r in vars(modeles).items() if isinstance(r, Rendu)}
    assert len(rendus) == 7
    for r in rendus.values():
        importlib.import_module(r.fournisseur)
        assert r.fourni


sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "outils"))
from navigateur import capturer, chromium, lancer  # noqa: E402


@pytest.mark.skipif(chromium() is None, reason="Chromium absent (paquet Debian chromium)")
def test_dans_chromium(plan: Plan, tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    page.write_text(plan.html(), encoding="utf-8")
    dom = lancer(page, "--dump-dom").stdout
    assert dom.count("<svg") == 4 and "Plan par école" in dom
    capture = tmp_path / "plan.png"
    capturer(page, capture, 1200, 1600)
    assert capture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and capture.stat().st_size > 20_000
