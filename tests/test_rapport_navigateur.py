"""Le rapport du plan dans Chromium sans écran : on lit le DOM après ses scripts.

La table des matières mène à des sections qui existent ; les écoles sont repliées, et un lien
vers une école (``#ecole-2``) l'ouvre ; le filtre par nom d'école est là ; aucun identifiant
brut (« differenciation », « calculee », « accompagnement_sous_groupe ») dans le texte visible.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest

from recommandeur import Moteur, Plan, planifier
from recommandeur import _vocabulaire as vocabulaire
from recommandeur._programme.sorties.sections import SECTIONS

from .test_html import Arbre

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "outils"))
from navigateur import OPTIONS, chromium, lancer

EXEMPLES = Path(__file__).resolve().parents[1] / "exemples"
pytestmark = pytest.mark.skipif(chromium() is None, reason="Chromium absent (paquet chromium)")


@pytest.fixture(scope="module")
def moteur() -> Moteur:
    return Moteur.depuis(surcouche=EXEMPLES / "surcouche_centre")


@pytest.fixture(scope="module")
def plan(moteur: Moteur) -> Plan:
    return planifier(
        EXEMPLES / "effectifs" / "enseignants.csv",
        EXEMPLES / "effectifs" / "ecoles.csv",
        moteur=moteur,
        mentors=EXEMPLES / "effectifs" / "mentors.csv",
    )


def _sans_accents(texte: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texte) if not unicodedata.combining(c))


def identifiants_bruts(moteur: Moteur) -> set[str]:
    """Ce qu'une personne ne doit jamais lire : un identifiant du catalogue ou du vocabulaire
    qui n'est pas un mot français tel quel (``temps_planification``, ``moderee``, ``calculee``)."""
    bruts = {"calculee", "donnee"}
    bruts |= {m.id for m in moteur.catalogue.mesures if "_" in m.id}
    bruts |= {a.id for a in moteur.catalogue.acteurs if "_" in a.id}
    for nom in dir(vocabulaire):
        genre = getattr(vocabulaire, nom)
        if isinstance(genre, type) and issubclass(genre, vocabulaire._Libelle):
            for x in genre:
                if "_" in x.value or (
                    x.value not in x.libelle and _sans_accents(x.libelle).startswith(x.value)
                ):
                    bruts.add(x.value)
    return bruts


def _dom(plan: Plan, dossier: Path) -> str:
    page = dossier / "plan.html"
    page.write_text(plan.html(), encoding="utf-8")
    dom: str = lancer(page, "--dump-dom").stdout
    return dom


def _texte_visible(dom: str) -> str:
    """Le texte qu'une personne lit, sans les passages cités entre « » (verbatim : un mot
    comme « cible » peut y être)."""
    sans = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", dom, flags=re.S)
    texte = html.unescape(re.sub(r"<[^>]+>", " ", sans))
    return re.sub(r"«[^«»]*»", " ", texte)


def test_la_table_des_matieres_mene_aux_sections(plan: Plan, tmp_path: Path) -> None:
    arbre = Arbre(_dom(plan, tmp_path))
    ids = {e["attrs"]["id"] for e in arbre.elements if e["attrs"].get("id")}
    (tdm,) = arbre.tous("nav", "tdm")
    liens = [a["attrs"]["href"] for a in arbre.tous("a") if any(p is tdm for p in a["parents"])]
    assert liens == [f"#{s.nom}" for s in SECTIONS if s.presente(plan)]
    internes = [
        a["attrs"]["href"] for a in arbre.tous("a") if a["attrs"].get("href", "")[:1] == "#"
    ]
    assert internes and {h[1:] for h in internes} <= ids  # chaque lien interne a sa cible


def test_les_ecoles_sont_repliees_et_filtrables(plan: Plan, tmp_path: Path) -> None:
    arbre = Arbre(_dom(plan, tmp_path))
    ecoles = arbre.tous("details", "ecole")
    assert len(ecoles) == sum(1 for e in plan.ecoles if e.nb_dans_les_effectifs) > 10
    assert not [e for e in ecoles if "open" in e["attrs"]]
    assert [e["attrs"]["data-nom"] for e in ecoles] == [
        e.nom for e in plan.ecoles if e.nb_dans_les_effectifs
    ]
    (filtre,) = [e for e in arbre.tous("input") if e["attrs"].get("id") == "filtre-ecoles"]
    assert filtre["attrs"]["type"] == "search"


def _dom_a_l_ancre(page: Path, ancre: str) -> str:
    """Le DOM de la page ouverte sur une ancre (``plan.html#ecole-2``), après ses scripts."""
    navigateur = chromium()
    assert navigateur is not None
    with tempfile.TemporaryDirectory() as profil:
        return subprocess.run(
            [
                navigateur,
                *OPTIONS,
                f"--user-data-dir={profil}",
                "--dump-dom",
                f"{page.as_uri()}#{ancre}",
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout


def test_un_lien_vers_une_ecole_l_ouvre(plan: Plan, tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    page.write_text(plan.html(), encoding="utf-8")
    ouvertes = [
        e["attrs"]["id"]
        for e in Arbre(_dom_a_l_ancre(page, "ecole-2")).tous("details", "ecole")
        if "open" in e["attrs"]
    ]
    assert ouvertes == ["ecole-2"]


def test_aucun_identifiant_brut_dans_le_texte_visible(
    plan: Plan, moteur: Moteur, tmp_path: Path
) -> None:
    texte = _texte_visible(_dom(plan, tmp_path))
    assert "Plan par école" in texte and "Table des matières" in texte
    trouves = {
        i
        for i in identifiants_bruts(moteur)
        if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", texte)
    }
    assert not trouves, sorted(trouves)


def test_le_filtre_garde_les_ecoles_dont_le_nom_contient_le_texte(
    plan: Plan, tmp_path: Path
) -> None:
    """Le script de la page, appelé comme par une personne qui tape « cedres » (sans accent)."""
    tape = (
        "<script>var f = document.getElementById('filtre-ecoles'); f.value = 'CEDRES';"
        " f.dispatchEvent(new Event('input'));</script></body>"
    )
    page = tmp_path / "plan.html"
    page.write_text(plan.html().replace("</body>", tape), encoding="utf-8")
    arbre = Arbre(lancer(page, "--dump-dom").stdout)
    visibles = [
        e["attrs"]["data-nom"] for e in arbre.tous("details", "ecole") if "hidden" not in e["attrs"]
    ]
    attendues = [e.nom for e in plan.ecoles if e.nb_dans_les_effectifs and "Cèdres" in e.nom]
    assert visibles == attendues and attendues
    (compte,) = [e for e in arbre.elements if e["attrs"].get("id") == "filtre-compte"]
    assert compte["texte"].startswith(f"{len(attendues)} école")
