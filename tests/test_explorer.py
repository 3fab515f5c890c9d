"""Pourquoi pas, et si : les questions des conseillères et conseillers."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import (
    ErreurArgument,
    ErreurProfil,
    Profil,
    et_si,
    pourquoi_pas,
    recommander,
)
from recommandeur._cli.commande import changement, main
from recommandeur._cli.profil import lire_profil
from recommandeur.testing import profils

EXEMPLES = Path(__file__).resolve().parents[1] / "exemples"
BASE = {"annees_experience": 2, "ordre": "primaire", "ecole": {"imse": 3}}


def test_pourquoi_pas_nomme_la_condition_manquante() -> None:
    r = pourquoi_pas(BASE, "soutien_ecole_soutenue")
    assert r.rang is None and r.ecartee is None and r.action_du_milieu is False
    assert [x.regle for x in r.regles] == [
        "ecole_forte_part_novices",
        "ecole_defavorisee",
        "classe_adaptation_scolaire",
    ]
    (imse,) = [c for c in r.regles[1].conditions if not c.tenue]
    assert imse.texte == "ecole.imse = 3 (règle : ≥ 8)"
    assert "    ✗ ecole.imse = 3 (règle : ≥ 8)" in r.texte()
    assert "    ✓ periode_insertion = en cours (moins de 5 ans au Québec)" in r.texte()


def test_pourquoi_pas_d_une_mesure_recommandee() -> None:
    reco = recommander(BASE)
    r = pourquoi_pas(BASE, reco.mesures[0].mesure.id)
    assert r.rang == 1
    assert r.texte().startswith(f"“{reco.mesures[0].mesure.libelle}” est recommandée, au rang 1.")


def test_pourquoi_pas_d_une_mesure_ecartee() -> None:
    profil = {
        **BASE,
        "besoins": {"bien_etre": "elevee"},
        "mesures_recues": [
            {"mesure": "personne_neutre", "efficace": False},
            {"mesure": "groupe_de_soutien", "efficace": False},
        ],
    }
    reponse = pourquoi_pas(profil, "groupe_de_soutien")
    assert (
        reponse.ecartee
        == "déjà reçue sans l'effet attendu, et aucun autre intervenant n'est possible"
    )
    assert reponse.texte().startswith("“Groupe de soutien” est écartée : déjà reçue sans")
    # Une autre personne peut offrir la personne neutre : elle est offerte de nouveau, par elle.
    neutre = pourquoi_pas(profil, "personne_neutre")
    assert (neutre.rang, neutre.ecartee) == (1, None)
    (offre,) = [m for m in recommander(profil).mesures if m.mesure.id == "personne_neutre"]
    assert (offre.acteur.id, offre.changement_d_intervenant) == ("professionnel_a_distance", True)


def test_pourquoi_pas_mesure_inconnue() -> None:
    with pytest.raises(
        KeyError, match="mesure inconnue 'mentora' ; vouliez-vous dire 'mentorat' \\?"
    ):
        pourquoi_pas(BASE, "mentora")


def test_et_si_ajoute_et_retire() -> None:
    r = et_si(BASE, {"ecole": {"imse": 9}})
    assert (r.ajoutees, r.retirees, r.deplacees) == ([], [], [])
    assert (r.actions_ajoutees, r.actions_retirees) == (["soutien_ecole_soutenue"], [])
    assert r.apres.profil.ecole.imse == 9 and r.avant.profil.ecole.imse == 3
    assert r.texte() == (
        "Actions du milieu :\n"
        "+ Demander pour l'école le soutien d'une école soutenue (soutien_ecole_soutenue)"
    )
    inverse = et_si(r.apres.profil, {"ecole": {"imse": 3}})
    assert inverse.actions_retirees == r.actions_ajoutees and inverse.ajoutees == []


def test_et_si_offres_puis_actions() -> None:
    r = et_si(BASE, {"besoins": {"gestion_de_classe": "moderee"}})
    assert r.ajoutees == ["accompagnement_sous_groupe", "formations_ponctuelles"]
    assert r.actions_ajoutees == ["outil_gestion_classe_ecole"]
    assert r.texte() == (
        "+ Accompagnement en sous-groupe (accompagnement_sous_groupe) : rang 1, à offrir d'abord\n"
        "+ Formations ponctuelles (formations_ponctuelles) : rang 4\n"
        "\n"
        "Actions du milieu :\n"
        "+ Développer et partager un outil commun de gestion de classe (outil_gestion_classe_ecole)\n"
        "(6 autre(s) changement(s) de rang : texte(tout=True) ou --tout pour les voir)"
    )
    tout = r.texte(tout=True).splitlines()
    assert "~ Mentorat par une personne mentore du milieu (mentorat) : rang 1 → 2" in tout
    assert len([ligne for ligne in tout if ligne.startswith("~ ")]) == 6


def test_et_si_cles_pointees_et_changement_d_intervenant() -> None:
    profil = {
        "annees_experience": 0,
        "ordre": "secondaire",
        "ecole": {"mentor_dans_l_ecole": False},
    }
    pointe = et_si(profil, {"ecole.mentor_dans_l_ecole": True})
    imbrique = et_si(profil, {"ecole": {"mentor_dans_l_ecole": True}})
    assert pointe == imbrique
    assert pointe.ajoutees == ["mentorat"] and "mentorat_autre_ecole" in pointe.retirees
    assert [(c.mesure, c.avant, c.apres) for c in pointe.intervenants] == [
        ("consultation_breve", "equipe_ecole", "mentor")
    ]
    assert (
        "↔ Consultation brève offerte au quotidien (consultation_breve) : Équipe-école → "
        "Personne mentore de l'école" in pointe.texte()
    )
    with pytest.raises(ErreurProfil, match="vouliez-vous dire 'mentor_dans_l_ecole'"):
        et_si(profil, {"ecole.mentor": True})
    with pytest.raises(ErreurArgument):
        et_si(profil, ["ecole.imse"])  # type: ignore[arg-type]


def test_et_si_sans_changement() -> None:
    assert (
        et_si(BASE, {"ordre": "primaire"}).texte()
        == "Aucun changement dans les mesures recommandées."
    )


def test_changements_en_ligne_de_commande() -> None:
    assert changement("ecole.imse=9") == {"ecole": {"imse": 9}}
    assert changement("besoins.bien_etre=elevee") == {"besoins": {"bien_etre": "elevee"}}
    assert changement("signaux_de_detresse=true") == {"signaux_de_detresse": True}


def test_commandes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pourquoi-pas", str(EXEMPLES / "detresse.toml"), "mentorat_en_ligne"]) == 0
    assert "✗ ecole.mentor_dans_l_ecole = inconnu (règle : = non)" in capsys.readouterr().out
    changer = [
        "--changer",
        "ecole.region_eloignee=true",
        "--changer",
        "ecole.mentor_dans_l_ecole=false",
    ]
    assert main(["et-si", str(EXEMPLES / "detresse.toml"), *changer]) == 0
    sortie = capsys.readouterr().out
    assert "+ Mentorat en ligne par les pairs (mentorat_en_ligne)" in sortie
    assert (
        "\nActions du milieu :\n+ Nommer une personne mentore issue du milieu (nommer_mentor)"
        in sortie
    )
    assert main(["pourquoi-pas", str(EXEMPLES / "detresse.toml"), "mentora"]) == 2
    assert (
        capsys.readouterr().err
        == "erreur : mesure inconnue 'mentora' ; vouliez-vous dire 'mentorat' ?\n"
    )


def test_et_si_fusionne_les_tables_imbriquees() -> None:
    profil = {
        "annees_experience": 2,
        "ordre": "primaire",
        "affectation": {"partage_de_tache": True, "nb_ecoles": 2},
        "besoins": {"bien_etre": "elevee"},
        "ecole": {"imse": 3, "region_eloignee": True, "part_novices": 0.4},
    }
    r = et_si(profil, {"ecole": {"imse": 9}, "besoins": {"numerique": "moderee"}})
    apres = r.apres.profil
    assert (apres.ecole.imse, apres.ecole.region_eloignee, apres.ecole.part_novices) == (
        9,
        True,
        0.4,
    )
    assert {b.value: i.value for b, i in apres.besoins.items()} == {
        "bien_etre": "elevee",
        "numerique": "moderee",
    }
    assert (apres.affectation.partage_de_tache, apres.affectation.nb_ecoles) == (True, 2)
    assert r.avant.profil.ecole.imse == 3


def test_pourquoi_pas_d_une_action_du_milieu_recommandee() -> None:
    """Sans personne mentore dans l'école : nommer une mentore est l'action 1, et la réponse le dit."""
    profil = {"annees_experience": 1, "ordre": "primaire", "ecole": {"mentor_dans_l_ecole": False}}
    r = pourquoi_pas(profil, "nommer_mentor")
    assert (r.action_du_milieu, r.rang, r.ecartee) == (True, 1, None)
    assert r.texte().splitlines()[0] == (
        "“Nommer une personne mentore issue du milieu” est recommandée au milieu, "
        "au rang 1 des actions."
    )


@settings(max_examples=25, deadline=None)
@given(profils())
def test_pourquoi_pas_redit_le_rang_de_chaque_recommandation(profil: Profil) -> None:
    """Pour tout profil : chaque offre et chaque action du milieu recommandées ont, dans
    ``pourquoi_pas``, le rang et le genre qu'elles ont dans la recommandation."""
    reco = recommander(profil)
    for m in reco.mesures:
        r = pourquoi_pas(profil, m.mesure.id)
        assert (r.action_du_milieu, r.rang) == (False, m.rang), m.mesure.id
    for a in reco.actions_milieu:
        r = pourquoi_pas(profil, a.mesure.id)
        assert (r.action_du_milieu, r.rang, r.ecartee) == (True, a.rang, None), a.mesure.id


#: Des changements en ligne de commande, dont plusieurs d'une même table.
_CHANGEMENTS = [
    "ecole.imse=9",
    "ecole.region_eloignee=true",
    "ecole.mentor_dans_l_ecole=false",
    "besoins.bien_etre=elevee",
    "besoins.planification=elevee",
    "annees_experience=3",
]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(_CHANGEMENTS), min_size=1, max_size=4, unique=True))
def test_et_si_en_ligne_de_commande_fusionne_chaque_changer(changer: list[str]) -> None:
    """Plusieurs ``--changer`` (d'une même table ou non) : la commande répond comme ``et_si``
    avec tous les changements réunis."""
    fichier = EXEMPLES / "nouvelle_enseignante.toml"
    reunis: dict[str, Any] = {}
    for texte in changer:
        cle, _, valeur = texte.partition("=")
        table, _, champ = cle.rpartition(".")
        lue: Any = {"true": True, "false": False}.get(valeur, valeur)
        lue = int(lue) if isinstance(lue, str) and lue.isdigit() else lue
        if table:
            reunis.setdefault(table, {})[champ] = lue
        else:
            reunis[champ] = lue
    attendu = et_si(lire_profil(fichier), reunis).texte()
    sortie = io.StringIO()
    with contextlib.redirect_stdout(sortie):
        assert main(["et-si", str(fichier), *(a for c in changer for a in ("--changer", c))]) == 0
    assert sortie.getvalue() == attendu + "\n"


def test_et_si_deux_changements_de_l_ecole(capsys: pytest.CaptureFixture[str]) -> None:
    """Le cas de la revue : l'IMSE (une action du milieu) et la région éloignée (deux offres)."""
    fichier = str(EXEMPLES / "nouvelle_enseignante.toml")
    changer = ["--changer", "ecole.imse=9", "--changer", "ecole.region_eloignee=true"]
    assert main(["et-si", fichier, *changer]) == 0
    sortie = capsys.readouterr().out
    assert sortie.splitlines()[:5] == [
        "+ Communauté d'apprentissage professionnelle en ligne "
        "(communaute_apprentissage_en_ligne) : rang 6",
        "+ Communauté d'apprentissage professionnelle interécoles "
        "(communaute_apprentissage_interecoles) : rang 7",
        "",
        "Actions du milieu :",
        "+ Demander pour l'école le soutien d'une école soutenue (soutien_ecole_soutenue)",
    ]
