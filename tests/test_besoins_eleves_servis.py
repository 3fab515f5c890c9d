"""Chaque besoin élevé a une offre individuelle parmi les premières, portée par une personne présente.

Pour toute combinaison des présences (personne mentore, CP, PANE, professionnel,
technopédagogue : présent, absent ou non dit), tout ordre d'enseignement, toute période
d'insertion, et tout ensemble de besoins élevés (sans détresse : elle a sa propre politique).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Besoin, Moteur, recommander

from .profils_exemples import PRESENCES

ICI = Path(__file__).resolve().parents[1]

ORDRES = ["prescolaire", "primaire", "secondaire", "formation_professionnelle", "education_adultes"]


@st.composite
def profils(draw: st.DrawFn) -> dict[str, Any]:
    ecole = {
        champ: valeur
        for champ in PRESENCES
        if (valeur := draw(st.sampled_from([True, False, None]))) is not None
    }
    eleves = draw(st.lists(st.sampled_from(list(Besoin)), min_size=1, max_size=3, unique=True))
    moderes = draw(st.lists(st.sampled_from(list(Besoin)), max_size=2, unique=True))
    besoins = {b.value: "moderee" for b in moderes} | {b.value: "elevee" for b in eleves}
    return {
        "annees_experience": draw(st.integers(0, 12)),
        "ordre": draw(st.sampled_from(ORDRES)),
        "statut": draw(st.sampled_from(["suppleance", "contrat", "permanent"])),
        "affectation": {
            "nouveau_dans_l_ecole": draw(st.booleans()),
            "nouveau_dans_le_centre": draw(st.booleans()),
        },
        "besoins": besoins,
        "ecole": ecole,
    }


@settings(max_examples=300, deadline=None)
@given(profils())
def test_chaque_besoin_eleve_a_une_offre_individuelle_en_tete(profil: dict[str, Any]) -> None:
    reco = recommander(profil)
    for besoin, intensite in profil["besoins"].items():
        if intensite != "elevee":
            continue
        servantes = [
            m
            for m in reco.prioritaires
            if m.mesure.niveau.value == "individuel"
            and besoin in {b.value for b in m.mesure.besoins}
        ]
        assert servantes, (besoin, [m.mesure.id for m in reco.prioritaires])
        # portée par une personne présente ; pour le bien-être, une personne neutre peut être
        # une professionnelle à distance, à confirmer, quand aucune n'est là
        if besoin != "bien_etre":
            assert any(m.presence.value == "present" for m in servantes), (
                besoin,
                [(m.mesure.id, m.acteur.id, m.presence.value) for m in servantes],
            )


def test_repli_garde_la_priorite_sans_cp_ni_mentor() -> None:
    """L'exemple du ticket : sans CP ni personne mentore, un besoin élevé en évaluation."""
    reco = recommander(
        {
            "annees_experience": 1,
            "ordre": "primaire",
            "besoins": {"evaluation": "elevee", "differenciation": "elevee"},
            "ecole": {"mentor_dans_l_ecole": False, "conseiller_pedagogique": False},
        }
    )
    tete = {m.mesure.id: m.acteur.id for m in reco.prioritaires}
    assert tete["consultation_individuelle"] == "equipe_ecole"
    assert tete["accompagnement_individuel"] == "equipe_ecole"
    assert "soutien_en_classe_modelisation" in {e.mesure for e in reco.ecartees}


def test_le_nomme_passe_avant_le_repli_quand_il_est_present(tmp_path: Path) -> None:
    # un centre qui ne déclare pas ses CP : leur présence reste inconnue
    catalogue = tmp_path / "catalogue"
    shutil.copytree(ICI / "catalogue", catalogue)
    (catalogue / "ressources.toml").unlink()
    sans_cp_declare = Moteur.depuis(catalogue=catalogue)
    reco = recommander(
        {"annees_experience": 1, "ordre": "primaire", "besoins": {"evaluation": "elevee"}}
    )
    m = next(m for m in reco.prioritaires if m.mesure.id == "consultation_individuelle")
    assert m.acteur.id == "conseiller_pedagogique"
    # « ou : » reste court : les intervenants de repli n'y sont pas quand le nommé porte
    assert m.alternatives == []
    # un repli présent porte avant un nommé à confirmer, qui reste « ou : »
    reco = recommander(
        {
            "annees_experience": 1,
            "ordre": "primaire",
            "besoins": {"evaluation": "elevee"},
            "ecole": {"conseiller_pedagogique": None, "mentor_dans_l_ecole": False},
        },
        moteur=sans_cp_declare,
    )
    m = next(m for m in reco.prioritaires if m.mesure.id == "consultation_individuelle")
    assert (m.acteur.id, m.presence.value) == ("equipe_ecole", "present")
    assert "conseiller_pedagogique" in {a.id for a in m.alternatives}


def test_les_intervenants_nommes_par_chaque_raison_restent_possibles() -> None:
    """Deux raisons nomment des intervenants différents : ceux de la moins forte restent « ou : »."""
    reco = recommander(
        {
            "annees_experience": 1,
            "ordre": "primaire",
            "besoins": {"evaluation": "elevee", "relations_parents": "elevee"},
        }
    )
    m = next(m for m in reco.prioritaires if m.mesure.id == "consultation_individuelle")
    assert m.acteur.id == "conseiller_pedagogique"
    assert [a.id for a in m.alternatives] == ["direction"]
