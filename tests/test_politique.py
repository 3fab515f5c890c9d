"""La politique de classement épinglée sur une base minuscule faite à la main : sorties exactes.

Base : ``tests/donnees/politique`` (5 mesures, 5 règles). Chaque test donne le résultat
attendu en entier : score (somme des poids), départage (niveau puis identifiant), escalade
(d'un cran, seulement par les mesures sans effet, seulement des besoins déclarés), mesures
écartées ou déjà reçues, sources, limite.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recommandeur import Moteur, Profil, Recommandation, planifier, recommander
from recommandeur._recommandation.classement import cle_de_tri, ecartees, scores

POLITIQUE = Path(__file__).parent / "donnees" / "politique"


@pytest.fixture(scope="module")
def moteur() -> Moteur:
    return Moteur.depuis(catalogue=POLITIQUE / "catalogue", regles=POLITIQUE / "regles")


def _classement(reco: Recommandation) -> list[tuple[str, float]]:
    return [(m.mesure.id, m.score) for m in reco.mesures]


def _profil(**champs: Any) -> dict[str, Any]:
    return {"annees_experience": 1, "ordre": "primaire", **champs}


def test_score_somme_et_departage(moteur: Moteur) -> None:
    reco = recommander(_profil(besoins={"planification": "moderee"}), moteur=moteur)
    assert reco.regles_declenchees == ["base", "planif"]
    # c_groupe : 1 (base) + 1,5 (planif) ; à 2 points, l'individuel passe devant l'universel
    assert _classement(reco) == [("c_groupe", 2.5), ("i_suivi", 2.0), ("u_accueil", 2.0)]
    assert [m.rang for m in reco.mesures] == [1, 2, 3]
    assert reco.mesures[0].regles == ["base", "planif"]


def test_a_score_et_niveau_egaux_l_identifiant_departage(moteur: Moteur) -> None:
    reco = recommander(_profil(annees_experience=9, besoins={"bien_etre": "faible"}), moteur=moteur)
    assert _classement(reco) == [("i_aide", 2.5), ("i_ecoute", 2.5)]


def test_limite(moteur: Moteur) -> None:
    reco = recommander(_profil(besoins={"planification": "moderee"}), moteur=moteur, limite=2)
    assert _classement(reco) == [("c_groupe", 2.5), ("i_suivi", 2.0)]


def test_escalade_d_un_cran_par_une_mesure_sans_effet(moteur: Moteur) -> None:
    profil = _profil(
        besoins={"planification": "faible", "bien_etre": "moderee"},
        mesures_recues=[{"mesure": "c_groupe", "efficace": False}],
    )
    reco = recommander(profil, moteur=moteur)
    assert [
        (e.besoin.value, e.declaree.value, e.effective.value, e.mesures_sans_effet)
        for e in reco.escalades
    ] == [
        ("planification", "faible", "moderee", ["c_groupe"]),
        ("bien_etre", "moderee", "elevee", ["c_groupe"]),
    ]
    # planification monte à modérée (pas à élevée : planif_elevee ne se déclenche pas)
    assert reco.regles_declenchees == ["base", "planif", "bien"]
    assert [(e.mesure, e.regles) for e in reco.ecartees] == [("c_groupe", ["base", "planif"])]
    assert _classement(reco) == [
        ("i_aide", 2.5),
        ("i_ecoute", 2.5),
        ("i_suivi", 2.0),
        ("u_accueil", 2.0),
    ]
    assert moteur.fait(Profil.model_validate(profil))["besoins.planification"] == 2


def test_la_phrase_d_escalade_va_aux_seules_regles_qui_lisent_le_besoin(moteur: Moteur) -> None:
    profil = _profil(
        besoins={"planification": "faible"},
        mesures_recues=[{"mesure": "c_groupe", "efficace": False}],
    )
    reco = recommander(profil, moteur=moteur)
    motifs = {(mo.regle, m.mesure.id): mo.texte for m in reco.mesures for mo in m.motifs}
    assert motifs[("planif", "i_suivi")] == (
        "Planification modérée. Escalade : le besoin “planification” passe de faible à "
        "modérée : mesure reçue sans effet (“Groupe”)."
    )
    assert motifs[("base", "u_accueil")] == "Années : 1."


def test_une_mesure_efficace_ne_fait_rien_monter_et_reste_recommandee(moteur: Moteur) -> None:
    profil = _profil(
        besoins={"planification": "faible", "bien_etre": "moderee"},
        mesures_recues=[{"mesure": "c_groupe", "efficace": True}],
    )
    reco = recommander(profil, moteur=moteur)
    assert reco.escalades == [] and reco.ecartees == []
    assert reco.regles_declenchees == ["base", "bien"]
    assert [(m.mesure.id, m.deja_recue) for m in reco.mesures] == [
        ("i_aide", False),
        ("i_ecoute", False),
        ("u_accueil", False),
        ("c_groupe", True),
    ]


def test_un_besoin_non_declare_ne_monte_pas(moteur: Moteur) -> None:
    profil = _profil(mesures_recues=[{"mesure": "i_ecoute", "efficace": False}])
    reco = recommander(profil, moteur=moteur)
    assert reco.escalades == []
    assert reco.regles_declenchees == ["base"]
    assert moteur.fait(Profil.model_validate(profil))["besoins.bien_etre"] == 0


def test_compte_des_mesures_recues_et_sans_effet(moteur: Moteur) -> None:
    une = Profil.model_validate(
        _profil(
            mesures_recues=[
                {"mesure": "i_ecoute", "efficace": False},
                {"mesure": "i_aide", "efficace": True},
            ]
        )
    )
    fait = moteur.fait(une)
    assert (fait["nb_mesures_recues"], fait["nb_mesures_inefficaces"]) == (2, 1)
    assert "deux_sans_effet" not in recommander(une, moteur=moteur).regles_declenchees
    deux = Profil.model_validate(
        _profil(
            mesures_recues=[
                {"mesure": "i_ecoute", "efficace": False},
                {"mesure": "i_aide", "efficace": False},
            ]
        )
    )
    assert "deux_sans_effet" in recommander(deux, moteur=moteur).regles_declenchees


def test_sources_des_regles_puis_de_la_mesure(moteur: Moteur) -> None:
    reco = recommander(_profil(besoins={"planification": "moderee"}), moteur=moteur)
    assert reco.mesures[0].sources == [
        "annexe1/universel/b",
        "annexe1/cible/a",
        "annexe1/individuel/b",
    ]
    assert reco.mesures[1].sources == ["annexe1/cible/a", "annexe1/individuel/b"]


def test_fonctions_pures_du_classement() -> None:
    assert scores([("a", [("m", 1.0)]), ("b", [("m", 0.1), ("n", 2.0)])]) == {"m": 1.1, "n": 2.0}
    assert ecartees(["x", "y", "z"], {"x": False, "y": True}) == ["x"]
    assert cle_de_tri("m", 2.0, 1) == (-2.0, -1, "m")


def test_pas_de_phrase_d_escalade_pour_une_branche_qui_n_a_pas_tenu(moteur: Moteur) -> None:
    # « mixte » lit la planification, mais c'est la branche « secondaire » qui a tenu
    profil = _profil(
        ordre="secondaire",
        besoins={"planification": "faible"},
        mesures_recues=[{"mesure": "c_groupe", "efficace": False}],
    )
    reco = recommander(profil, moteur=moteur)
    (suivi,) = [m for m in reco.mesures if m.mesure.id == "i_suivi"]
    assert [(mo.regle, mo.texte) for mo in suivi.motifs] == [
        (
            "planif",
            "Planification modérée. Escalade : le besoin “planification” passe de faible à "
            "modérée : mesure reçue sans effet (“Groupe”).",
        ),
        ("mixte", "Ordre secondaire."),
    ]


def test_le_texte_court_donne_la_raison_la_plus_forte(moteur: Moteur) -> None:
    reco = recommander(_profil(besoins={"planification": "moderee"}), moteur=moteur)
    # c_groupe : « base » (poids 1) et « planif » (poids 1,5), sans rang de priorité
    assert "pourquoi : Planification modérée. (+1 autre raison)" in reco.texte()


def test_l_intervenant_d_une_mesure_sans_effet_n_est_plus_une_alternative() -> None:
    reco = recommander(
        {
            "annees_experience": 1,
            "ordre": "primaire",
            "ecole": {"mentor_dans_l_ecole": True},
            "besoins": {"gestion_de_classe": "elevee"},
            "mesures_recues": [
                {
                    "mesure": "accompagnement_individuel",
                    "efficace": False,
                    "intervenant": "conseiller_pedagogique",
                }
            ],
        }
    )
    (m,) = [x for x in reco.mesures if x.mesure.id == "accompagnement_individuel"]
    assert (m.acteur.id, [a.id for a in m.alternatives]) == ("mentor", ["equipe_ecole"])
    assert m.changement_d_intervenant


def test_un_echec_ne_fait_passer_l_intervenant_apres_que_pour_le_meme_besoin() -> None:
    reco = recommander(
        {
            "annees_experience": 1,
            "ordre": "primaire",
            "ecole": {"mentor_dans_l_ecole": True},
            "besoins": {"gestion_de_classe": "elevee", "developpement_professionnel": "moderee"},
            "mesures_recues": [
                {
                    "mesure": "accompagnement_individuel",
                    "efficace": False,
                    "intervenant": "conseiller_pedagogique",
                    "besoin": "gestion_de_classe",
                }
            ],
        }
    )
    offres = {m.mesure.id: m for m in reco.mesures}
    # même besoin : la CP passe après ; autre besoin : elle reste à sa place (la première pour
    # la communauté interécoles ; dans l'ordre du catalogue pour le plan de DP, que le service
    # des ressources éducatives porte d'abord depuis le ticket 18)
    assert offres["accompagnement_individuel"].acteur.id == "mentor"
    assert offres["communaute_apprentissage_interecoles"].acteur.id == "conseiller_pedagogique"
    assert offres["plan_dp"].acteur.id == "services_educatifs"
    assert [a.id for a in offres["plan_dp"].alternatives] == [
        "ressources_humaines",
        "conseiller_pedagogique",
    ]


def test_des_resultats_qui_ne_different_que_par_un_partenaire_ne_se_melangent_pas() -> None:
    base = {"annees_experience": 0, "ordre": "primaire"}
    avec = recommander({**base, "ecole": {"mentor_dans_l_ecole": True, "pane": True}})
    sans = recommander({**base, "ecole": {"mentor_dans_l_ecole": True, "pane": False}})
    mentorat = {
        r: next(m for m in x.mesures if m.mesure.id == "mentorat")
        for r, x in (("avec", avec), ("sans", sans))
    }
    assert [p.id for p in mentorat["avec"].partenaires] == ["direction", "pane"]
    assert [p.id for p in mentorat["sans"].partenaires] == ["direction"]


def test_une_escalade_nomme_les_mesures_sans_effet_par_leur_titre() -> None:
    """Revue RH du ticket 23 : la raison d'une action (plan JSON) et la phrase d'escalade
    (JSON de la recommandation) disent le titre français de la mesure, non son identifiant."""
    ligne = {"enseignant": "t1", "ecole": "A", "annees_experience": 0, "ordre": "primaire"}
    plan = planifier(
        [{**ligne, "besoin_gestion_de_classe": "faible", "mesures_recues": "mentorat:sans_effet"}],
        [{"ecole": "A", "nom": "École A", "mentors": 0}],
    )
    (action,) = [a for a in plan.ecoles[0].actions if a.mesure == "outil_gestion_classe_ecole"]
    assert action.raisons[0] == (
        "Besoin en gestion de classe d'intensité modérée. Escalade : le besoin “gestion de "
        "classe” passe de faible à modérée : mesure reçue sans effet (“Mentorat par une "
        "personne mentore du milieu”). Si l'école n'en a pas, un outil commun de gestion de "
        "classe aide chaque nouvelle personne."
    )
    reco = recommander(
        {
            "annees_experience": 0,
            "ordre": "primaire",
            "besoins": {"planification": "moderee"},
            "mesures_recues": [
                {"mesure": "temps_planification_collegues", "efficace": False},
                {"mesure": "mentorat", "efficace": False},
            ],
        }
    )
    (escalade,) = reco.model_dump(mode="json")["escalades"]
    assert escalade["phrase"] == (
        "le besoin “planification” passe de modérée à élevée : mesure reçue sans effet "
        "(“Temps de planification entre collègues”, “Mentorat par une personne mentore du "
        "milieu”)"
    )
