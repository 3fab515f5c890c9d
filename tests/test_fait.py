"""La mise à plat d'un profil en fait : chaque champ à sa place, valeur exacte."""

from __future__ import annotations

from recommandeur import Moteur, Profil


def test_fait_exact(moteur: Moteur) -> None:
    profil = Profil.model_validate(
        {
            "annees_experience": 4,
            "ordre": "secondaire",
            "statut": "suppleance",
            "qualification": "en_voie_de_qualification",
            "formation_hors_quebec": True,
            "signaux_de_detresse": False,
            "affectation": {
                "partage_de_tache": True,
                "nb_ecoles": 3,
                "specialiste": False,
                "classe_multiniveau": True,
                "adaptation_scolaire": False,
                "nouveau_dans_l_ecole": True,
                "nouveau_dans_le_centre": False,
            },
            "besoins": {"numerique": "faible", "evaluation": "elevee"},
            "mesures_recues": [
                {"mesure": "webinaire", "efficace": False},
                {"mesure": "cap", "efficace": True},
            ],
            "ecole": {
                "part_novices": 0.29996,
                "imse": 7,
                "region_eloignee": False,
                "nb_batiments": 2,
                "mentor_dans_l_ecole": True,
                "pedagogie_alternative": True,
            },
        }
    )
    fait = moteur.fait(profil)
    besoins = {cle: v for cle, v in fait.items() if cle.startswith("besoins.")}
    assert {cle: v for cle, v in besoins.items() if v} == {
        "besoins.numerique": 2,  # faible, monté d'un cran par le webinaire sans effet
        "besoins.evaluation": 3,
    }
    assert len(besoins) == 12
    assert {cle: v for cle, v in fait.items() if not cle.startswith("besoins.")} == {
        "annees_experience": 4,
        "annees_en_insertion": 4,
        "periode_insertion": "en_cours",
        "ordre": "secondaire",
        "programme_couvre_l_ordre": True,
        "statut": "suppleance",
        "suppleance": "non_precisee",  # en suppléance, le genre non dit est « non précisé »
        "qualification": "en_voie_de_qualification",
        "formation_hors_quebec": True,
        "signaux_de_detresse": False,
        "affectation.partage_de_tache": True,
        "affectation.nb_ecoles": 3,
        "affectation.specialiste": False,
        "affectation.classe_multiniveau": True,
        "affectation.adaptation_scolaire": False,
        "affectation.nouveau_dans_l_ecole": True,
        "affectation.nouveau_dans_le_centre": False,
        "ecole.region_eloignee": False,
        "ecole.nb_batiments": 2,
        "ecole.mentor_dans_l_ecole": True,
        "ecole.pedagogie_alternative": True,
        "ecole.part_novices": 0.3,  # arrondie à 4 décimales
        "ecole.imse": 7,
        "ecole.conseiller_pedagogique": True,  # déclaré par le centre (catalogue/ressources.toml)
        "nb_mesures_recues": 2,
        "nb_mesures_inefficaces": 1,
        "nb_individuelles_inefficaces": 0,
        "nb_mentorats_inefficaces": 0,
    }


def test_part_novices_a_quatre_decimales(moteur: Moteur) -> None:
    profil = Profil.model_validate(
        {"annees_experience": 1, "ordre": "primaire", "ecole": {"part_novices": 0.2996}}
    )
    assert moteur.fait(profil)["ecole.part_novices"] == 0.2996
    assert "ecole_forte_part_novices" not in moteur.declencher(moteur.fait(profil))


def test_presences_de_l_ecole_puis_du_centre(moteur: Moteur) -> None:
    inconnue = Profil.model_validate({"annees_experience": 1, "ordre": "primaire"})
    fait = moteur.fait(inconnue)
    assert "ecole.mentor_dans_l_ecole" not in fait and "ecole.pane" not in fait
    assert fait["ecole.conseiller_pedagogique"] is True
    declaree = Profil.model_validate(
        {
            "annees_experience": 1,
            "ordre": "primaire",
            "ecole": {"conseiller_pedagogique": False, "mentor_dans_l_ecole": "oui"},
        }
    )
    fait = moteur.fait(declaree)
    assert (fait["ecole.conseiller_pedagogique"], fait["ecole.mentor_dans_l_ecole"]) == (
        False,
        True,
    )


def test_annees_au_quebec(moteur: Moteur) -> None:
    profil = Profil.model_validate(
        {"annees_experience": 8, "annees_au_quebec": 5, "ordre": "primaire"}
    )
    fait = moteur.fait(profil)
    assert (fait["annees_en_insertion"], fait["periode_insertion"]) == (5, "fin_de_periode")


def test_un_besoin_deja_eleve_ne_monte_pas_au_dela() -> None:
    """L'intensité effective reste bornée à « élevée » (3), même si on la dit montée."""
    from recommandeur import Besoin
    from recommandeur._moteur.escalade import intensites_effectives

    p = Profil(annees_experience=1, ordre="primaire", besoins={"numerique": "elevee"})
    effectives = intensites_effectives(p, {Besoin.NUMERIQUE: ("webinaire",)})
    assert effectives[Besoin.NUMERIQUE] == 3
    assert list(effectives) == list(Besoin) and sum(effectives.values()) == 3


def test_la_table_des_besoins_se_lit_comme_un_dict() -> None:
    from recommandeur import Besoin, Intensite

    b = Profil(annees_experience=1, ordre="primaire", besoins={"numerique": "elevee"}).besoins
    assert Besoin.NUMERIQUE in b and Besoin.BIEN_ETRE not in b and "x" not in b
    assert b.get(Besoin.BIEN_ETRE, "rien") == "rien" and b.get(Besoin.BIEN_ETRE) is None
    assert dict(b.items()) == {Besoin.NUMERIQUE: Intensite.ELEVEE}
