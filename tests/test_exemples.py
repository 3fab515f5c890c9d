"""Les profils d'exemples : chacun reçoit les sources et les acteurs attendus."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from recommandeur import recommander
from recommandeur._cli import lire_profil

EXEMPLES = Path(__file__).resolve().parents[1] / "exemples"

# fichier -> (mesures attendues, clés de sources attendues, acteurs responsables attendus)
ATTENDUS: dict[str, tuple[set[str], set[str], set[str]]] = {
    "nouvelle_enseignante.toml": (
        {
            "accueil_css",
            "accueil_etablissement",
            "trousse_accueil",
            "consultation_breve",
            "plan_dp",
        },
        {"annexe1/universel/a", "annexe1/universel/b", "annexe1/universel/g"},
        {"ressources_humaines", "direction", "mentor"},
    ),
    "ecole_forte_part_novices.toml": (
        {
            "soutien_ecole_soutenue",
            "comite_insertion_professionnelle",
            "equipe_soutien_multidisciplinaire",
        },
        {"annexe1/cible/g", "cssps/part_novices", "annexe1/cible/f"},
        {"direction"},
    ),
    "non_legalement_qualifie.toml": (
        {"formation_universitaire", "soutien_ecole_soutenue", "accueil_css"},
        {"annexe1/cible/g", "annexe1/cible/d", "annexe1/universel/a"},
        {"ressources_humaines", "direction"},
    ),
    "gestion_de_classe_intense.toml": (
        {"accompagnement_individuel", "soutien_en_classe_modelisation", "videoscopie"},
        {"annexe1/individuel/b", "cnipe/niveau3"},
        {"mentor", "conseiller_pedagogique"},
    ),
    "detresse.toml": (
        {"personne_neutre", "soutien_professionnel"},
        {"cnipe/niveau3", "cssps/roles/mentor"},
        {"professionnel"},
    ),
    "partage_de_tache_deux_ecoles.toml": (
        {
            "rencontre_titulaires_partage_de_tache",
            "aide_memoire_titulaires",
            "outil_gestion_classe_ecole",
        },
        {"cssps/partage_de_tache", "cssps/outils"},
        {"direction", "mentor"},
    ),
    "region_eloignee_sans_mentor.toml": (
        {
            "mentorat_en_ligne",
            "communaute_apprentissage_en_ligne",
            "accompagnement_technopedagogique",
        },
        {"ppc/10.3", "cnipe/niveau2", "ppc/10.2"},
        {"pair_experimente", "technopedagogue"},
    ),
    "escalade_mesure_sans_effet.toml": (
        {"accompagnement_individuel", "regulation_dispositifs"},
        {"annexe1/individuel/b", "annexe1/universel/d"},
        {"mentor", "direction"},
    ),
    "forme_hors_quebec.toml": (
        {"ressources_cnipe", "formation_universitaire", "visite_classe_pair"},
        {"cnipe/axe3", "annexe1/cible/d"},
        {"cnipe", "ressources_humaines"},
    ),
    "profil_complet.json": (
        {
            "rencontre_titulaires_partage_de_tache",
            "formation_universitaire",
            "accompagnement_individuel",
        },
        {"cssps/partage_de_tache", "annexe1/cible/g"},
        {"direction", "mentor"},
    ),
}


def test_chaque_exemple_a_ses_attentes() -> None:
    assert {p.name for p in EXEMPLES.iterdir() if p.suffix in {".toml", ".json"}} == set(ATTENDUS)


@pytest.mark.parametrize("fichier", sorted(ATTENDUS))
def test_exemple(fichier: str) -> None:
    mesures, sources, acteurs = ATTENDUS[fichier]
    reco = recommander(lire_profil(EXEMPLES / fichier))
    assert mesures <= {m.mesure.id for m in reco.mesures}
    assert sources <= {s for m in reco.mesures for s in m.sources}
    assert acteurs <= {m.acteur.id for m in reco.mesures}


def test_escalade_de_l_exemple() -> None:
    profil: dict[str, Any] = tomllib.loads(
        (EXEMPLES / "escalade_mesure_sans_effet.toml").read_text("utf-8")
    )
    reco = recommander(profil)
    assert reco.mesures[0].mesure.id == "accompagnement_individuel"
    assert "passe de modérée à élevée" in reco.mesures[0].justification


def test_detresse_en_tete() -> None:
    reco = recommander(lire_profil(EXEMPLES / "detresse.toml"))
    assert [m.mesure.id for m in reco.mesures[:2]] == ["personne_neutre", "soutien_professionnel"]
