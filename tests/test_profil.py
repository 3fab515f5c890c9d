"""Le profil : le dict du contrat valide, les mauvais profils donnent un message exact."""

from __future__ import annotations

import json
from typing import Any

import pytest

from recommandeur import ErreurArgument, ErreurProfil, Profil, recommander
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
            "champ 'besoins.gestion_classe' : besoin inconnu ; attendu : gestion_de_classe, planification, "
            "evaluation, differenciation, eleves_a_besoins_particuliers, relations_parents, "
            "integration_equipe, fonctionnement_ecole, numerique, bien_etre, charge_de_travail, "
            "developpement_professionnel (reçu : 'gestion_classe') ; vouliez-vous dire 'gestion_de_classe' ?",
        ),
        (
            {"besoins": {"planification": "haute"}},
            "champ 'besoins.planification' : valeur inconnue ; attendu : faible, moderee, elevee (reçu : 'haute')",
        ),
        (
            {"besoins": {"planification": "élevé"}},
            "champ 'besoins.planification' : valeur inconnue ; attendu : faible, moderee, elevee "
            "(reçu : 'élevé') ; vouliez-vous dire 'elevee' ?",
        ),
        (
            {"ecole": {"part_novices": 45}},
            "champ 'ecole.part_novices' : doit être ≤ 1 : une part s'écrit de 0 à 1 ; pour 45 %, "
            "écrire 0.45 ou « 45 % » (reçu : 45)",
        ),
        (
            {"ecole": {"part_novices": 1.5}},
            "champ 'ecole.part_novices' : doit être ≤ 1 : une part s'écrit de 0 à 1 ; pour 1,5 %, "
            "écrire 0.015 ou « 1,5 % » (reçu : 1.5)",
        ),
        (
            {"ecole": {"part_novices": "0,45x"}},
            "champ 'ecole.part_novices' : attendu un nombre de 0 à 1 (0.45 ou « 0,45 ») ou un "
            "pourcentage (« 45 % ») (reçu : '0,45x')",
        ),
        ({"ecole": {"imse": 11}}, "champ 'ecole.imse' : doit être ≤ 10 (reçu : 11)"),
        ({"ecole": {"imse": 0}}, "champ 'ecole.imse' : doit être ≥ 1 (reçu : 0)"),
        ({"ecole": {"imse": "9"}}, "champ 'ecole.imse' : attendu un entier (reçu : '9')"),
        ({"annees_experience": -1}, "champ 'annees_experience' : doit être ≥ 0 (reçu : -1)"),
        (
            {"annees_experience": True},
            "champ 'annees_experience' : attendu un entier (true et false ne sont pas des nombres) "
            "(reçu : True)",
        ),
        (
            {"annees_experience": "1_0"},
            "champ 'annees_experience' : attendu un entier (reçu : '1_0')",
        ),
        (
            {"annees_experience": b"5"},
            "champ 'annees_experience' : attendu un entier (reçu : b'5')",
        ),
        (
            {"annees_experience": 10**5000},
            "champ 'annees_experience' : doit être ≤ 60 (reçu : <entier de 5001 chiffres>)",
        ),
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
            "champ 'mesures_recues[0].mesure' : mesure inconnue du catalogue (reçu : 'mentora') ; "
            "vouliez-vous dire 'mentorat' ?",
        ),
        (
            {"mesures_recues": [{"mesure": "mentorat", "efficace": "off"}]},
            "champ 'mesures_recues[0].efficace' : attendu un booléen : true, false, « oui » ou « non » "
            "(reçu : 'off')",
        ),
        (
            {"ordre": "college"},
            "champ 'ordre' : valeur inconnue ; attendu : prescolaire, primaire, secondaire, "
            "formation_professionnelle, education_adultes (reçu : 'college')",
        ),
        (
            {"signaux_de_detresse": "yes"},
            "champ 'signaux_de_detresse' : attendu un booléen : true, false, « oui » ou « non » (reçu : 'yes')",
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
    assert str(info.value) == (
        "champ 'annees_experience' : doit être ≥ 0 (reçu : -2)\n"
        "  champ 'ordre' : valeur inconnue ; attendu : prescolaire, primaire, secondaire, "
        "formation_professionnelle, education_adultes (reçu : 'lycee')"
    )
    assert [(p["code"], p["chemin"], p["valeur"]) for p in info.value.to_dict()["problemes"]] == [
        ("hors_limites", ["annees_experience"], -2),
        ("valeur_inconnue", ["ordre"], "lycee"),
    ]


def test_le_champ_suggere_explique_le_champ_manquant() -> None:
    with pytest.raises(ErreurProfil) as info:
        recommander({"experience": 1, "ordre": "primaire", "ecole": {"mentor": True}})
    assert str(info.value) == (
        "champ 'ecole.mentor' : champ inconnu (reçu : True) ; vouliez-vous dire "
        "'mentor_dans_l_ecole' ?\n"
        "  champ 'experience' : champ inconnu (reçu : 1) ; vouliez-vous dire 'annees_experience' ?\n"
        "  champ 'annees_experience' : champ obligatoire manquant"
    )
    donnees = info.value.to_dict()
    assert json.loads(json.dumps(donnees)) == donnees
    assert donnees["erreur"] == "ErreurProfil"
    assert donnees["problemes"][0] == {
        "champ": "ecole.mentor",
        "chemin": ["ecole", "mentor"],
        "code": "champ_inconnu",
        "message": "champ inconnu",
        "valeur": True,
        "attendu": None,
        "suggestion": "mentor_dans_l_ecole",
        "suggestions": ["mentor_dans_l_ecole"],
        "fichier": None,
        "id": None,
        "texte": "champ 'ecole.mentor' : champ inconnu (reçu : True) ; vouliez-vous dire "
        "'mentor_dans_l_ecole' ?",
    }


def test_au_plus_cinq_problemes_dans_le_message() -> None:
    with pytest.raises(ErreurProfil) as info:
        recommander({"annees_experience": 1, "ordre": "primaire", **{f"x{i}": i for i in range(8)}})
    lignes = str(info.value).splitlines()
    assert len(info.value.problemes) == 8
    assert len(lignes) == 6 and lignes[-1] == "  … et 3 autres problèmes"


def test_erreur_d_argument_en_donnees() -> None:
    with pytest.raises(ErreurArgument) as info:
        recommander({"annees_experience": 1, "ordre": "primaire"}, limite=0)
    assert info.value.to_dict() == {
        "erreur": "ErreurArgument",
        "message": "limite : attendu un entier ≥ 1, reçu 0",
        "problemes": [
            {
                "champ": "limite",
                "chemin": ["limite"],
                "code": "invalide",
                "message": "attendu un entier ≥ 1",
                "valeur": 0,
                "attendu": {"minimum": 1},
                "suggestion": None,
                "suggestions": [],
                "fichier": None,
                "id": None,
                "texte": "champ 'limite' : attendu un entier ≥ 1 (reçu : 0)",
            }
        ],
    }


def test_pas_un_dict() -> None:
    with pytest.raises(ErreurProfil) as info:
        valider_profil([1, 2])  # type: ignore[arg-type]
    assert str(info.value) == "attendu un dict ou un Profil, reçu list"


def test_erreur_profil_est_une_value_error() -> None:
    with pytest.raises(ValueError):
        recommander({"annees_experience": "un", "ordre": "primaire"})


@pytest.mark.parametrize(
    ("changements", "lu"),
    [
        ({"besoins": {"planification": "Élevée"}}, ("besoins", {"planification": "elevee"})),
        ({"besoins": {"planification": "MODEREE"}}, ("besoins", {"planification": "moderee"})),
        ({"ordre": "Secondaire"}, ("ordre", "secondaire")),
        (
            {"qualification": "non légalement qualifié"},
            ("qualification", "non_legalement_qualifie"),
        ),
        ({"ordre": "formation professionnelle"}, ("ordre", "formation_professionnelle")),
        ({"signaux_de_detresse": "Oui"}, ("signaux_de_detresse", True)),
        ({"formation_hors_quebec": "non"}, ("formation_hors_quebec", False)),
        ({"annees_experience": 2.0}, ("annees_experience", 2)),
        ({"ecole": {"part_novices": "45 %"}}, ("ecole", 0.45)),
        ({"ecole": {"part_novices": "45\u202f%"}}, ("ecole", 0.45)),
        ({"ecole": {"part_novices": "0,45"}}, ("ecole", 0.45)),
        ({"ecole": {"part_novices": "0.45"}}, ("ecole", 0.45)),
    ],
)
def test_ecritures_francaises_admises(changements: dict[str, Any], lu: tuple[str, Any]) -> None:
    profil = valider_profil({**CONTRAT, **changements}).model_dump(mode="json")
    champ, attendu = lu
    valeur = profil[champ]["part_novices"] if champ == "ecole" else profil[champ]
    assert valeur == attendu


def test_un_profil_forge_est_revalide() -> None:
    profil = Profil.model_validate(CONTRAT)
    for forge in (
        profil.model_copy(update={"annees_experience": -5}),
        profil.model_copy(update={"besoins": {"abc": "elevee"}}),
        profil.model_copy(update={"ecole": {"imse": 99}}),
        profil.model_copy(update={"ordre": "\ud800"}),
    ):
        with pytest.raises(ErreurProfil):
            recommander(forge)


def test_un_profil_est_immuable_jusqu_au_bout() -> None:
    profil = Profil.model_validate(CONTRAT)
    with pytest.raises(TypeError):
        profil.besoins[next(iter(profil.besoins))] = "faible"  # type: ignore[index]
    with pytest.raises(AttributeError):
        profil.mesures_recues.append(None)  # type: ignore[attr-defined]
    assert hash(profil) == hash(Profil.model_validate(CONTRAT))
