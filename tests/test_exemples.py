"""Les profils d'exemples : ce qu'on offre d'abord, par qui, et les actions du milieu (exactement)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from recommandeur import recommander
from recommandeur._cli.profil import lire_profil

EXEMPLES = Path(__file__).resolve().parents[1] / "exemples"


class Attendu(NamedTuple):
    """Les offres prioritaires (mesure, intervenant), dans l'ordre ; les actions du milieu ; les
    mesures non offertes (mesure, genre)."""

    prioritaires: list[tuple[str, str]]
    actions_milieu: list[str]
    ecartees: list[tuple[str, str]]


ATTENDUS: dict[str, Attendu] = {
    "detresse.toml": Attendu(
        # ticket 18 : le professionnel à confirmer n'est proposé qu'une fois, plans et activités
        # de groupe attendent (le groupe de soutien aussi : revue du 2026-12-03, point 5), la
        # direction suit la personne
        prioritaires=[
            ("personne_neutre", "professionnel"),
            ("mentorat", "mentor"),
            ("banque_outils", "conseiller_pedagogique"),
            # la consultation brève d'une personne présente passe devant, en tout ordre (revue du
            # second tour, point 5)
            ("consultation_breve", "equipe_ecole"),
        ],
        actions_milieu=["suivi_de_la_personne"],
        ecartees=[
            ("activites_groupe", "differee"),
            ("cap", "differee"),
            ("groupe_de_soutien", "differee"),
            ("plan_dp", "differee"),
            ("soutien_professionnel", "regroupee"),
        ],
    ),
    "ecole_forte_part_novices.toml": Attendu(
        prioritaires=[("accompagnement_sous_groupe", "conseiller_pedagogique")],
        actions_milieu=[
            "activite_valorisation",
            "comite_insertion_professionnelle",
            "outil_gestion_classe_ecole",
            "regulation_dispositifs",
            "soutien_ecole_soutenue",
        ],
        ecartees=[],
    ),
    "escalade_mesure_sans_effet.toml": Attendu(
        prioritaires=[("accompagnement_individuel", "mentor")],
        actions_milieu=["outil_gestion_classe_ecole", "regulation_dispositifs"],
        ecartees=[("accompagnement_sous_groupe", "recue_sans_effet")],
    ),
    "forme_hors_quebec.toml": Attendu(
        prioritaires=[("accueil_css", "ressources_humaines"), ("mentorat", "mentor")],
        actions_milieu=[],
        ecartees=[],
    ),
    "gestion_de_classe_intense.toml": Attendu(
        prioritaires=[
            ("accompagnement_individuel", "conseiller_pedagogique"),
            ("mentorat", "mentor"),
            ("accompagnement_sous_groupe", "conseiller_pedagogique"),
        ],
        actions_milieu=["outil_gestion_classe_ecole"],
        ecartees=[],
    ),
    "non_legalement_qualifie.toml": Attendu(
        prioritaires=[
            ("formation_universitaire", "ressources_humaines"),
            # ticket 18 : la personne mentore du milieu d'abord (ici à confirmer)
            ("mentorat_par_les_pairs", "mentor"),
            ("formation_accompagnee", "conseiller_pedagogique"),
            ("temps_planification_collegues", "equipe_ecole"),
        ],
        actions_milieu=[],
        ecartees=[],
    ),
    "nouvelle_enseignante.toml": Attendu(
        prioritaires=[
            ("accueil_css", "ressources_humaines"),
            ("accueil_etablissement", "direction"),
            ("mentorat", "mentor"),
            ("consultation_breve", "equipe_ecole"),
        ],
        actions_milieu=[],
        ecartees=[],
    ),
    "partage_de_tache_deux_ecoles.toml": Attendu(
        prioritaires=[
            ("accueil_etablissement", "direction"),
            ("mentorat", "mentor"),
            ("temps_planification_collegues", "equipe_ecole"),
        ],
        actions_milieu=["outil_gestion_classe_ecole", "rencontre_titulaires_partage_de_tache"],
        ecartees=[],
    ),
    "profil_complet.json": Attendu(
        prioritaires=[
            # ticket 18 : l'arrivée avant la qualification
            ("accompagnement_individuel", "mentor"),
            ("accueil_css", "ressources_humaines"),
            ("accueil_etablissement", "direction"),
            ("formation_universitaire", "ressources_humaines"),
            ("mentorat", "mentor"),
        ],
        actions_milieu=[
            "activite_valorisation",
            "comite_insertion_professionnelle",
            "mentor_par_batiment",
            "outil_gestion_classe_ecole",
            "regulation_dispositifs",
            "rencontre_titulaires_partage_de_tache",
            "soutien_ecole_soutenue",
        ],
        ecartees=[("accompagnement_sous_groupe", "recue_sans_effet")],
    ),
    "region_eloignee_sans_mentor.toml": Attendu(
        prioritaires=[
            ("accueil_css", "ressources_humaines"),
            ("accueil_etablissement", "direction"),
            ("mentorat_en_ligne", "pair_experimente"),
            ("mentorat_autre_ecole", "mentor_autre_ecole"),
            ("accompagnement_technopedagogique", "conseiller_pedagogique"),
        ],
        actions_milieu=["nommer_mentor", "programme_dp_numerique"],
        ecartees=[("mentorat", "sans_intervenant")],
    ),
}


def test_chaque_exemple_a_ses_attentes() -> None:
    assert {p.name for p in EXEMPLES.iterdir() if p.suffix in {".toml", ".json"}} == set(ATTENDUS)


@pytest.mark.parametrize("fichier", sorted(ATTENDUS))
def test_exemple(fichier: str) -> None:
    reco = recommander(lire_profil(EXEMPLES / fichier))
    obtenu = Attendu(
        prioritaires=[(m.mesure.id, m.acteur.id) for m in reco.prioritaires],
        actions_milieu=sorted(m.mesure.id for m in reco.actions_milieu),
        ecartees=[(e.mesure, e.genre) for e in reco.ecartees],
    )
    assert obtenu == ATTENDUS[fichier]


@pytest.mark.parametrize("fichier", sorted(ATTENDUS))
def test_chaque_raison_cite_une_source_de_sa_mesure(fichier: str) -> None:
    reco = recommander(lire_profil(EXEMPLES / fichier))
    for m in [*reco.mesures, *reco.actions_milieu]:
        for motif in m.motifs:
            assert set(motif.sources) & set(m.mesure.sources), (m.mesure.id, motif.regle)


def test_escalade_de_l_exemple() -> None:
    profil: dict[str, Any] = tomllib.loads(
        (EXEMPLES / "escalade_mesure_sans_effet.toml").read_text("utf-8")
    )
    reco = recommander(profil)
    assert reco.mesures[0].mesure.id == "accompagnement_individuel"
    assert "passe de modérée à élevée" in reco.mesures[0].justification


def test_detresse_en_tete() -> None:
    reco = recommander(lire_profil(EXEMPLES / "detresse.toml"))
    assert [m.mesure.id for m in reco.mesures[:2]] == ["personne_neutre", "mentorat"]
    assert reco.mesures[0].presence.value == "inconnue"
    assert len(reco.mesures) <= 6


def test_region_eloignee_sans_mentor_personne_mentore_absente_ne_porte_rien() -> None:
    reco = recommander(lire_profil(EXEMPLES / "region_eloignee_sans_mentor.toml"))
    assert all(m.acteur.id != "mentor" for m in [*reco.mesures, *reco.actions_milieu])
    assert "nommer_mentor" in {m.mesure.id for m in reco.actions_milieu}


def test_le_texte_court_donne_la_raison_la_plus_forte() -> None:
    texte = recommander(lire_profil(EXEMPLES / "region_eloignee_sans_mentor.toml")).texte()
    bloc = texte.split("Mentorat, en attendant, par une personne mentore d'une autre école\n")[1]
    assert bloc.startswith(
        "    universel · Personne mentore d'une autre école du centre (à confirmer)\n"
        "    pourquoi : L'école n'a pas de personne mentore"
    )
