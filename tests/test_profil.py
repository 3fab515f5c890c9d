"""Le profil : le dict du contrat valide, les mauvais profils donnent un message exact."""

from __future__ import annotations

import json
from typing import Any

import pytest

from recommandeur import ErreurProfil, Profil, recommander
from recommandeur._profil.validation import valider_profil

CONTRAT: dict[str, Any] = {
    "annees_experience": 1,
    "ordre": "secondaire",
    "statut": "contrat",
    "qualification": "non_legalement_qualifie",
    "formation_hors_quebec": False,
    "affectation": {
        "partage_de_tache": True,
        "nb_ecoles": 2,
        "specialiste": False,
        "classe_multiniveau": False,
        "adaptation_scolaire": False,
        "nouveau_dans_l_ecole": True,
        "nouveau_dans_le_centre": True,
    },
    "besoins": {"gestion_de_classe": "elevee", "planification": "moderee"},
    "signaux_de_detresse": False,
    "mesures_recues": [{"mesure": "accompagnement_sous_groupe", "efficace": False}],
    "ecole": {
        "part_novices": 0.45,
        "imse": 9,
        "region_eloignee": False,
        "nb_batiments": 2,
        "mentor_dans_l_ecole": True,
        "pedagogie_alternative": False,
    },
}


def test_le_dict_du_contrat_valide() -> None:
    profil = Profil.model_validate(CONTRAT)
    assert profil.affectation.nb_ecoles == 2
    assert profil.ecole.imse == 9


def test_seuls_annees_et_ordre_sont_obligatoires() -> None:
    profil = Profil.model_validate({"annees_experience": 0, "ordre": "prescolaire"})
    assert profil.besoins == {}
    assert profil.mesures_recues == ()


def test_aller_retour_json() -> None:
    profil = Profil.model_validate(CONTRAT)
    assert Profil.model_validate_json(profil.model_dump_json()) == profil


def test_schema_json_exporte() -> None:
    schema = Profil.model_json_schema()
    assert schema["required"] == ["annees_experience", "ordre"]
    assert "gestion_de_classe" in json.dumps(schema)


def _message(**changements: Any) -> str:
    donnees = {**CONTRAT, **changements}
    with pytest.raises(ErreurProfil) as info:
        recommander(donnees)
    return str(info.value)


@pytest.mark.parametrize(
    ("changements", "attendu"),
    [
        (
            {"besoins": {"gestion_classe": "elevee"}},
            "champ 'besoins.gestion_classe' : valeur inconnue ; attendu : gestion_de_classe, planification, "
            "evaluation, differenciation, eleves_a_besoins_particuliers, relations_parents, "
            "integration_equipe, fonctionnement_ecole, numerique, bien_etre, charge_de_travail, "
            "developpement_professionnel (reçu : 'gestion_classe') ; vouliez-vous dire 'gestion_de_classe' ?",
        ),
        (
            {"besoins": {"planification": "haute"}},
            "champ 'besoins.planification' : valeur inconnue ; attendu : faible, moderee, elevee (reçu : 'haute')",
        ),
        (
            {"ecole": {"part_novices": 1.5}},
            "champ 'ecole.part_novices' : doit être ≤ 1.0 (reçu : 1.5)",
        ),
        ({"ecole": {"imse": 11}}, "champ 'ecole.imse' : doit être ≤ 10 (reçu : 11)"),
        ({"ecole": {"imse": 0}}, "champ 'ecole.imse' : doit être ≥ 1 (reçu : 0)"),
        ({"annees_experience": -1}, "champ 'annees_experience' : doit être ≥ 0 (reçu : -1)"),
        (
            {"anees_experience": 3},
            "champ 'anees_experience' : champ inconnu (reçu : 3) ; vouliez-vous dire 'annees_experience' ?",
        ),
        (
            {"affectation": {"partage_tache": True}},
            "champ 'affectation.partage_tache' : champ inconnu (reçu : True) ; "
            "vouliez-vous dire 'partage_de_tache' ?",
        ),
        (
            {"mesures_recues": [{"mesure": "mentora", "efficace": True}]},
            "champ 'mesures_recues' : mesure reçue inconnue du catalogue 'mentora' "
            "(reçu : [{'mesure': 'mentora', 'efficace': True}]) ; vouliez-vous dire 'mentorat' ?",
        ),
        (
            {"ordre": "college"},
            "champ 'ordre' : valeur inconnue ; attendu : prescolaire, primaire, secondaire, "
            "formation_professionnelle, education_adultes (reçu : 'college')",
        ),
        (
            {"signaux_de_detresse": "peut-être"},
            "champ 'signaux_de_detresse' : attendu un booléen (true ou false), reçu str (reçu : 'peut-être')",
        ),
    ],
)
def test_mauvais_profil_message_exact(changements: dict[str, Any], attendu: str) -> None:
    assert _message(**changements) == attendu


def test_champ_obligatoire_manquant() -> None:
    with pytest.raises(ErreurProfil) as info:
        recommander({"ordre": "primaire"})
    assert str(info.value) == "champ 'annees_experience' : champ obligatoire manquant"
    assert info.value.champ == "annees_experience"


def test_plusieurs_problemes_d_un_coup() -> None:
    with pytest.raises(ErreurProfil) as info:
        recommander({"annees_experience": -2, "ordre": "lycee"})
    assert [p.champ for p in info.value.problemes] == ["annees_experience", "ordre"]
    assert str(info.value).endswith("(et 1 autre problème)")


def test_pas_un_dict() -> None:
    with pytest.raises(ErreurProfil) as info:
        valider_profil([1, 2])  # type: ignore[arg-type]
    assert str(info.value) == "attendu un dict ou un Profil, reçu list"


def test_erreur_profil_est_une_value_error() -> None:
    with pytest.raises(ValueError):
        recommander({"annees_experience": "un", "ordre": "primaire"})
