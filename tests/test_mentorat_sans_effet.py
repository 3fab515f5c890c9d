"""Après un mentorat sans effet, une autre personne mentore est offerte (pas seulement la régulation).

003 : « Si non, devrions-nous refaire certaines étapes du cycle de l'action pour s'ajuster. » ;
« 5/34 personnes mentores disent être intéressées à exercer ce rôle dans plus d'une école. »
"""

from __future__ import annotations

import pytest

from recommandeur import recommander


@pytest.mark.parametrize("ordre", ["prescolaire", "primaire", "secondaire"])
@pytest.mark.parametrize("mentor", [True, None])
@pytest.mark.parametrize("annees", [0, 3, 6])
def test_une_autre_personne_mentore(ordre: str, mentor: bool | None, annees: int) -> None:
    reco = recommander(
        {
            "annees_experience": annees,
            "ordre": ordre,
            "ecole": {"mentor_dans_l_ecole": mentor},
            "mesures_recues": [{"mesure": "mentorat", "efficace": False}],
        }
    )
    offres = {m.mesure.id: m for m in reco.mesures}
    assert "mentorat" not in offres
    assert offres["mentorat_autre_ecole"].prioritaire
    assert offres["mentorat_autre_ecole"].acteur.id == "mentor_autre_ecole"
    assert offres["mentorat_par_les_pairs"].acteur.id == "pair_experimente"


def test_pair_sans_effet_en_fp_change_de_pair() -> None:
    reco = recommander(
        {
            "annees_experience": 1,
            "ordre": "formation_professionnelle",
            "ecole": {"mentor_dans_l_ecole": True},
            "mesures_recues": [
                {"mesure": "mentorat_par_les_pairs", "efficace": False, "intervenant": "mentor"}
            ],
        }
    )
    pairs = next(m for m in reco.mesures if m.mesure.id == "mentorat_par_les_pairs")
    assert pairs.acteur.id == "pair_experimente" and pairs.changement_d_intervenant
    assert "mentorat_autre_ecole" not in {m.mesure.id for m in reco.mesures}


def test_sans_echec_rien_de_plus() -> None:
    reco = recommander({"annees_experience": 1, "ordre": "primaire"})
    assert "mentorat_autre_ecole" not in {m.mesure.id for m in reco.mesures}


def test_l_intervenant_dit_par_le_profil_est_celui_qu_on_evite() -> None:
    """Revue indépendante (tickets 18, 23) : le sous-groupe resté sans effet avec la direction
    est redonné par la conseillère pédagogique (une autre personne), qui reste aussi la
    première pour l'accompagnement individuel : c'est la direction qu'on évite, pas l'acteur
    responsable de la mesure."""
    reco = recommander(
        {
            "annees_experience": 1,
            "ordre": "primaire",
            "besoins": {"gestion_de_classe": "elevee"},
            "mesures_recues": [
                {
                    "mesure": "accompagnement_sous_groupe",
                    "efficace": False,
                    "intervenant": "direction",
                }
            ],
        }
    )
    offres = {m.mesure.id: m for m in reco.mesures}
    assert offres["accompagnement_sous_groupe"].acteur.id == "conseiller_pedagogique"
    assert offres["accompagnement_sous_groupe"].changement_d_intervenant
    assert offres["accompagnement_individuel"].acteur.id == "conseiller_pedagogique"
