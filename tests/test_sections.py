"""Le registre des sections du rapport : chaque section a son gabarit, sa ligne dans la table des
matières et son titre ; une section ajoutée au registre apparaît sans rien toucher d'autre."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from recommandeur import Plan, planifier
from recommandeur._programme.sorties import sections as module_sections
from recommandeur._programme.sorties.sections import SECTIONS, Section

from .test_html import Arbre

EFFECTIFS = Path(__file__).parent / "donnees" / "effectifs"
GABARITS = Path(module_sections.__file__).parents[2] / "_rendu" / "gabarits"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return planifier(EFFECTIFS / "enseignants.csv", EFFECTIFS / "ecoles.csv")


def test_chaque_section_a_son_gabarit_un_nom_unique_et_un_titre() -> None:
    noms = [s.nom for s in SECTIONS]
    assert len(noms) == len(set(noms))
    for s in SECTIONS:
        assert (GABARITS / s.gabarit).is_file(), s.gabarit
        assert re.fullmatch(r"[a-z][a-z0-9_]*", s.nom)
        assert s.titre[0].isupper() and s.titre.strip() == s.titre


def test_aucun_gabarit_de_section_orphelin() -> None:
    gabarits = {p.name for p in GABARITS.glob("plan_*.html.j2")}
    assert gabarits == {s.gabarit for s in SECTIONS}


def test_la_page_suit_le_registre_table_des_matieres_comprise(plan: Plan) -> None:
    arbre = Arbre(plan.html())
    presentes = [s for s in SECTIONS if s.presente(plan)]
    (tdm,) = arbre.tous("nav", "tdm")
    liens = [a for a in arbre.tous("a") if any(p is tdm for p in a["parents"])]
    assert [a["attrs"]["href"] for a in liens] == [f"#{s.nom}" for s in presentes]
    assert [a["texte"] for a in liens] == [s.titre for s in presentes]
    blocs = arbre.tous("section", "section")
    assert [b["attrs"]["id"] for b in blocs] == [s.nom for s in presentes]
    titres = [h["texte"] for h in arbre.tous("h2")]
    assert [t.split("↑")[0] for t in titres] == [s.titre for s in presentes]


def test_une_section_ajoutee_en_une_ligne_apparait(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Le gabarit du bilan, sous un autre nom et un autre titre, avant les alertes.
    essai = dataclasses.replace(SECTIONS[-1], titre="Section d'essai")
    monkeypatch.setattr(type(essai), "gabarit", property(lambda s: "plan_bilan.html.j2"))
    registre = (*SECTIONS[:2], dataclasses.replace(essai, nom="essai"), *SECTIONS[2:])
    monkeypatch.setattr("recommandeur._programme.sorties.rapport.SECTIONS", registre)
    html = plan.html()
    assert html.count('href="#essai">Section d&#39;essai</a>') == 1
    assert html.index('id="essai"') < html.index('id="alertes"')


def test_une_section_absente_du_plan_est_omise_avec_sa_ligne(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    sans = tuple(
        dataclasses.replace(s, presente=lambda p: False) if s.nom == "bilan" else s
        for s in SECTIONS
    )
    monkeypatch.setattr("recommandeur._programme.sorties.rapport.SECTIONS", sans)
    html = plan.html()
    assert 'id="bilan"' not in html and 'href="#bilan"' not in html
    assert 'id="charges"' in html


def test_un_nom_de_section_fautif_est_refuse() -> None:
    with pytest.raises(ValueError, match="minuscules ASCII"):
        Section("Appariement", "Appariement")
    with pytest.raises(ValueError, match="minuscules ASCII"):
        Section("heures-et-cout", "Heures et coût")


def test_les_bandes_de_personnes_en_insertion() -> None:
    from recommandeur._programme.sorties.contenus import bande

    assert [bande(n) for n in (0, 1, 5, 6, 10, 11, 15, 16, 300)] == [
        None,
        "1 à 5",
        "1 à 5",
        "6 à 10",
        "6 à 10",
        "11 à 15",
        "11 à 15",
        "16 et +",
        "16 et +",
    ]
