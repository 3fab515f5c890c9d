"""Les erreurs en données : la valeur elle-même, ce qui était attendu, le chemin, le schéma.

``to_dict()`` est ce qu'un service renvoie à un client (422) : ``valeur`` est la valeur reçue
en JSON (bornée), ``attendu`` la liste des valeurs admises, une plage ou une phrase,
``chemin`` le lieu du problème ; le tout suit ``schema_erreur()`` et aucun message ne dit
``None`` (le client a envoyé ``null``).
"""

from __future__ import annotations

import json
import pickle
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommandeur import (
    Besoin,
    ErreurArgument,
    ErreurEnDonnees,
    ErreurInconnu,
    ErreurProfil,
    ErreurRecommandeur,
    Plage,
    Probleme,
    charger_catalogue,
    pourquoi_pas,
    recommander,
    recommander_lot,
    schema_erreur,
)

BASE = {"annees_experience": 1, "ordre": "primaire"}
VALIDATEUR = jsonschema.Draft202012Validator(schema_erreur())


def _probleme(donnees: Any, **arguments: Any) -> dict[str, Any]:
    with pytest.raises(ErreurRecommandeur) as erreur:
        recommander(donnees, **arguments)
    d = erreur.value.to_dict()
    assert list(VALIDATEUR.iter_errors(d)) == []
    premier: dict[str, Any] = d["problemes"][0]
    return premier


def test_besoin_mal_ecrit_valeur_elle_meme_et_valeurs_admises() -> None:
    """Le cas de l'issue : ``"valeur": "'gestion_classe'"`` et ``"attendu": null``."""
    p = _probleme({**BASE, "besoins": {"gestion_classe": "elevee"}})
    assert p["valeur"] == "gestion_classe"
    assert p["attendu"] == [b.value for b in Besoin]
    assert p["chemin"] == ["besoins", "gestion_classe"]
    assert p["suggestion"] == "gestion_de_classe"


def test_mesure_recue_mal_ecrite_a_son_chemin() -> None:
    p = _probleme({**BASE, "mesures_recues": [{"mesure": "mentorta"}]})
    assert (p["champ"], p["chemin"], p["valeur"]) == (
        "mesures_recues[0].mesure",
        ["mesures_recues", 0, "mesure"],
        "mentorta",
    )
    assert p["attendu"] == sorted(charger_catalogue().ids_mesures)
    assert (p["code"], p["suggestion"]) == ("inconnu", "mentorat")


def test_mesure_mal_ecrite_de_pourquoi_pas_a_son_chemin() -> None:
    with pytest.raises(ErreurInconnu) as erreur:
        pourquoi_pas(BASE, "mentorta")
    p = erreur.value.to_dict()["problemes"][0]
    assert (p["champ"], p["chemin"], p["valeur"], p["suggestion"]) == (
        "mesure",
        ["mesure"],
        "mentorta",
        "mentorat",
    )
    assert "mentorat" in p["attendu"]
    with pytest.raises(ErreurInconnu) as erreur:
        charger_catalogue().acteur("mentr")
    assert erreur.value.to_dict()["problemes"][0]["chemin"] == ["id"]


@pytest.mark.parametrize("limite", [0, -1, "x", 2.5, True])
def test_limite_fautive_sans_none(limite: Any) -> None:
    with pytest.raises(ErreurArgument) as erreur:
        recommander(BASE, limite=limite)
    d = erreur.value.to_dict()
    assert "None" not in json.dumps(d, ensure_ascii=False)
    assert d["message"] == f"limite : attendu un entier ≥ 1, reçu {limite!r}"
    p = d["problemes"][0]
    assert (p["chemin"], p["valeur"], p["attendu"]) == (["limite"], limite, {"minimum": 1})
    assert list(VALIDATEUR.iter_errors(d)) == []


@pytest.mark.parametrize(
    ("profil", "chemin", "valeur", "attendu", "code"),
    [
        ({"affectation": {"nb_ecoles": 0}}, ["affectation", "nb_ecoles"], 0, {"minimum": 1, "maximum": 20}, "hors_limites"),
        ({"ecole": {"imse": 11}}, ["ecole", "imse"], 11, {"minimum": 1, "maximum": 10}, "hors_limites"),
        ({"ecole": {"part_novices": 45}}, ["ecole", "part_novices"], 45, {"minimum": 0, "maximum": 1}, "hors_limites"),
        ({"ecole": {"pane": "peut-etre"}}, ["ecole", "pane"], "peut-etre", [True, False, "oui", "non"], "valeur_inconnue"),
        ({"ordre": None}, ["ordre"], None, ["prescolaire", "primaire", "secondaire", "formation_professionnelle", "education_adultes"], "type"),
        ({"annees_experience": "deux"}, ["annees_experience"], "deux", "un entier", "type"),
        ({"mesures_recues": [{"mesure": ""}]}, ["mesures_recues", 0, "mesure"], "", {"minimum": 1, "maximum": 80}, "longueur"),
        ({"annees_au_quebec": 3}, ["annees_au_quebec"], 3, {"minimum": 0, "maximum": 1}, "incoherent"),
        ({"besoins": {"numerique": "tres"}}, ["besoins", "numerique"], "tres", ["faible", "moderee", "elevee"], "valeur_inconnue"),
    ],
)  # fmt: skip
def test_valeur_attendu_chemin_exacts(
    profil: dict[str, Any], chemin: list[Any], valeur: Any, attendu: Any, code: str
) -> None:
    p = _probleme({**BASE, **profil})
    assert (p["chemin"], p["valeur"], p["attendu"], p["code"]) == (chemin, valeur, attendu, code)


def test_null_se_dit_null() -> None:
    p = _probleme({"annees_experience": None, "ordre": "primaire"})
    assert p["texte"] == "champ 'annees_experience' : attendu un entier (reçu : null)"


def test_valeurs_demesurees_bornees() -> None:
    profil = {
        **BASE,
        "ecole": {"imse": 10**5000, "nb_batiments": [[[[[[1]]]]]], "region_eloignee": "x" * 10_000},
        "besoins": {"numerique": list(range(1000))},
    }
    with pytest.raises(ErreurProfil) as erreur:
        recommander(profil)
    d = erreur.value.to_dict()
    assert list(VALIDATEUR.iter_errors(d)) == []
    valeurs = {tuple(p["chemin"]): p["valeur"] for p in d["problemes"]}
    assert valeurs[("ecole", "imse")] == "<entier de 5001 chiffres>"
    assert valeurs[("ecole", "region_eloignee")] == "x" * 200 + "…"
    assert len(json.dumps(d, allow_nan=False)) < 20_000


def test_lot_chemin_avec_le_rang() -> None:
    with pytest.raises(ErreurProfil) as erreur:
        recommander_lot([BASE, {**BASE, "mesures_recues": [{"mesure": "mentorta"}]}])
    p = erreur.value.to_dict()["problemes"][0]
    assert p["chemin"] == [1, "mesures_recues", 0, "mesure"]


def test_plage_et_attendu_en_donnees() -> None:
    assert Probleme("x", attendu=Plage(0, 1, maximum_exclu=True)).to_dict()["attendu"] == {
        "minimum": 0,
        "maximum": 1,
        "maximum_exclu": True,
    }
    assert str(Plage(0, 1, maximum_exclu=True)) == "≥ 0 et < 1"
    assert Probleme("x", attendu=("a", 1)).to_dict()["attendu"] == ["a", 1]


def test_les_erreurs_se_relisent_en_modele() -> None:
    with pytest.raises(ErreurProfil) as erreur:
        recommander({**BASE, "affectation": {"nb_ecoles": 0}, "besoins": {"x": "elevee"}})
    d = erreur.value.to_dict()
    assert ErreurEnDonnees.model_validate(d).model_dump(mode="json", exclude_defaults=True) == d


@pytest.mark.parametrize(
    "erreur",
    [
        ErreurArgument("limite", "un entier ≥ 1", 0, admis=Plage(minimum=1)),
        ErreurInconnu("mesure inconnue", "mentorta", ["mentorat", "webinaire"], "mesure"),
    ],
)
def test_pickle_garde_les_donnees(erreur: ErreurRecommandeur) -> None:
    copie = pickle.loads(pickle.dumps(erreur))
    assert type(copie) is type(erreur)
    assert copie.to_dict() == erreur.to_dict()


# des textes sans « None » : la propriété dit que la bibliothèque n'écrit jamais None d'elle-même,
# pas qu'elle efface celui qu'une personne a tapé (une clé "None" reçue est redite telle quelle)
_TEXTE = st.text(max_size=30).filter(lambda s: "None" not in s)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _TEXTE,
    lambda enfants: st.lists(enfants, max_size=4) | st.dictionaries(_TEXTE, enfants, max_size=4),
    max_leaves=12,
)  # fmt: skip
_CHAMPS = st.sampled_from(
    ["annees_experience", "ordre", "statut", "besoins", "ecole", "affectation", "mesures_recues",
     "annees_au_quebec", "signaux_de_detresse", "inconnu"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    changements=st.dictionaries(_CHAMPS, _JSON, min_size=1, max_size=3),
    limite=st.none() | _JSON,
)
def test_proprietes_des_erreurs_en_donnees(changements: dict[str, Any], limite: Any) -> None:
    try:
        recommander({**BASE, **changements}, limite=limite)
    except ErreurRecommandeur as erreur:
        d = erreur.to_dict()
    else:
        return
    assert list(VALIDATEUR.iter_errors(d)) == []
    texte = json.dumps(d, ensure_ascii=False, allow_nan=False)
    assert "None" not in d["message"]
    assert all("None" not in p["texte"] for p in d["problemes"])
    assert len(texte) < 50_000
    for p in d["problemes"]:
        assert (p["champ"] is None) == (p["chemin"] == [])
