"""Le schéma JSON exporté et la validation disent la même chose, dans les deux sens.

- tout profil que le schéma admet (généré par hypothesis-jsonschema) est accepté ;
- toute valeur JSON (profils presque valides, valeurs arbitraires) est acceptée par la
  validation si et seulement si ``jsonschema`` la juge valide.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from recommandeur import ErreurProfil, moteur_par_defaut, schema_profil
from recommandeur._profil.validation import valider_profil

SCHEMA = schema_profil()
VALIDATEUR = jsonschema.Draft202012Validator(SCHEMA)
MESURES = frozenset(moteur_par_defaut().catalogue.ids_mesures)
ACTEURS = frozenset(moteur_par_defaut().catalogue.ids_acteurs)


def _accepte(valeur: Any) -> bool:
    try:
        valider_profil(valeur, MESURES, ACTEURS)
    except ErreurProfil:
        return False
    return True


def test_le_schema_est_un_schema_valide() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert json.loads(json.dumps(SCHEMA)) == SCHEMA


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(from_schema(SCHEMA))
def test_tout_profil_admis_par_le_schema_est_accepte(profil: Any) -> None:
    assert VALIDATEUR.is_valid(profil)
    if _plus_d_annees_au_quebec(profil):
        # La seule règle entre deux champs, que JSON Schema ne sait pas dire : sa description
        # la donne, et la validation la vérifie.
        with pytest.raises(ErreurProfil, match=r"^champ 'annees_au_quebec' : au plus annees_"):
            valider_profil(profil, MESURES, ACTEURS)
    else:
        valider_profil(profil, MESURES, ACTEURS)


def _plus_d_annees_au_quebec(valeur: Any) -> bool:
    def nombre(x: Any) -> bool:
        return isinstance(x, int | float) and not isinstance(x, bool)

    return (
        isinstance(valeur, dict)
        and nombre(valeur.get("annees_au_quebec"))
        and nombre(valeur.get("annees_experience"))
        and valeur["annees_au_quebec"] > valeur["annees_experience"]
    )


def test_plus_d_annees_au_quebec_que_d_experience() -> None:
    with pytest.raises(ErreurProfil) as info:
        valider_profil({"annees_experience": 2, "annees_au_quebec": 5, "ordre": "primaire"})
    assert str(info.value) == (
        "champ 'annees_au_quebec' : au plus annees_experience (2) : les années au Québec font "
        "partie des années d'expérience (reçu : 5)"
    )
    assert "au plus annees_experience" in SCHEMA["properties"]["annees_au_quebec"]["description"]


FEUILLES = (
    st.none()
    | st.booleans()
    | st.integers(-5, 70)
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(
        [
            "oui",
            "Non",
            "yes",
            "élevée",
            "Élevée",
            "moderee",
            "haute",
            "45 %",
            "0,45",
            "0.45",
            "45",
            "1_0",
            "primaire",
            "Secondaire",
            "mentorat",
            "webinaire",
            "x",
            "",
            "oui\n",
            "non légalement qualifié",
            "formation-professionnelle",
            "100 %",
            "101 %",
            "1,0",
        ]
    )
    | st.text(max_size=8)
)
JSON = st.recursive(
    FEUILLES,
    lambda enfants: (
        st.lists(enfants, max_size=3) | st.dictionaries(st.text(max_size=6), enfants, max_size=3)
    ),
    max_leaves=10,
)
CHAMPS = {
    "annees_experience": FEUILLES,
    "ordre": FEUILLES,
    "statut": FEUILLES,
    "qualification": FEUILLES,
    "signaux_de_detresse": FEUILLES,
    "besoins": st.dictionaries(
        st.sampled_from(["planification", "bien_etre", "Bien-être", "zz"]), FEUILLES, max_size=3
    ),
    "mesures_recues": st.lists(
        st.fixed_dictionaries(
            {"mesure": FEUILLES, "efficace": FEUILLES},
            optional={"intervenant": FEUILLES | st.sampled_from(["mentor", "directoin"])},
        )
        | JSON,
        max_size=3,
    ),
    "affectation": st.dictionaries(
        st.sampled_from(["nb_ecoles", "partage_de_tache", "specialiste", "inconnu"]),
        FEUILLES,
        max_size=3,
    ),
    "ecole": st.dictionaries(
        st.sampled_from(["part_novices", "imse", "region_eloignee", "nb_batiments", "x"]),
        FEUILLES,
        max_size=3,
    ),
    "inconnu": JSON,
}


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.fixed_dictionaries({"annees_experience": st.integers(0, 60), "ordre": st.just("primaire")}),
    st.dictionaries(st.sampled_from(sorted(CHAMPS)), st.none(), max_size=4).flatmap(
        lambda cles: st.fixed_dictionaries({c: CHAMPS[c] for c in cles})
    ),
)
def test_presque_valide_accepte_si_et_seulement_si_le_schema_l_admet(
    base: dict[str, Any], changements: dict[str, Any]
) -> None:
    profil = {**base, **changements}
    assert _accepte(profil) == VALIDATEUR.is_valid(profil), profil


@settings(max_examples=300, deadline=None)
@given(JSON)
def test_valeur_arbitraire_acceptee_si_et_seulement_si_le_schema_l_admet(valeur: Any) -> None:
    assert _accepte(valeur) == VALIDATEUR.is_valid(valeur), valeur


def test_intervenant_inconnu_d_une_mesure_recue() -> None:
    profil = {
        "annees_experience": 1,
        "ordre": "primaire",
        "mesures_recues": [{"mesure": "mentorat", "efficace": False, "intervenant": "mentore"}],
    }
    assert not VALIDATEUR.is_valid(profil)
    with pytest.raises(ErreurProfil) as info:
        valider_profil(profil, MESURES, ACTEURS)
    assert str(info.value) == (
        "champ 'mesures_recues[0].intervenant' : acteur inconnu du catalogue (reçu : 'mentore') ; "
        "vouliez-vous dire 'mentor' ?"
    )


def test_titres_et_aide_en_francais() -> None:
    def titres(schema: Any) -> list[str]:
        if isinstance(schema, dict):
            return [
                *([schema["title"]] if isinstance(schema.get("title"), str) else []),
                *(t for v in schema.values() for t in titres(v)),
            ]
        if isinstance(schema, list):
            return [t for v in schema for t in titres(v)]
        return []

    tous = titres(SCHEMA)
    assert "Nombre d'écoles où la personne enseigne" in tous
    assert not [t for t in tous if t in {"Nb Ecoles", "Annees Experience", "Part Novices"}]
    from recommandeur import Profil

    assert "- ``annees_au_quebec`` : années d'enseignement au Québec" in (Profil.__doc__ or "")
