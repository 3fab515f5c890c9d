"""Le panel de personas (``tests/donnees/personas.toml``) : ce qu'une conseillère attendrait, exactement."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from recommandeur import Recommandation, recommander

PERSONAS: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "donnees" / "personas.toml").read_text(encoding="utf-8")
)["persona"]


def test_au_moins_vingt_personas() -> None:
    assert len(PERSONAS) >= 20
    assert len({p["id"] for p in PERSONAS}) == len(PERSONAS)
    assert all(p["d_apres"] for p in PERSONAS)


@pytest.fixture(scope="module")
def resultats() -> dict[str, Recommandation]:
    return {p["id"]: recommander(p["profil"]) for p in PERSONAS}


@pytest.mark.parametrize("persona", PERSONAS, ids=[p["id"] for p in PERSONAS])
def test_persona(persona: dict[str, Any], resultats: dict[str, Recommandation]) -> None:
    reco = resultats[persona["id"]]
    offres = {m.mesure.id: m for m in reco.mesures}
    actions = {m.mesure.id: m for m in reco.actions_milieu}
    assert set(persona.get("doit", [])) <= set(offres), sorted(offres)
    assert not set(persona.get("ne_doit_pas", [])) & set(offres), sorted(offres)
    assert set(persona.get("actions", [])) <= set(actions), sorted(actions)
    assert not set(persona.get("pas_d_action", [])) & set(actions), sorted(actions)
    for mesure, acteur in persona.get("intervenants", {}).items():
        assert offres[mesure].acteur.id == acteur, (mesure, offres[mesure].acteur.id)
    for mesure, presence in persona.get("presences", {}).items():
        assert offres[mesure].presence.value == presence, mesure
    for mesure in persona.get("changements", []):
        assert offres[mesure].changement_d_intervenant, mesure
    tete = persona.get("tete", [])
    assert [m.mesure.id for m in reco.prioritaires[: len(tete)]] == tete
    interdits = set(persona.get("jamais_par", []))
    assert not {m.acteur.id for m in (*reco.mesures, *reco.actions_milieu)} & interdits
    ecartees = {e.mesure: e.genre for e in reco.ecartees}
    for mesure, genre in persona.get("ecartees", {}).items():
        assert ecartees.get(mesure) == genre, (mesure, ecartees)
    if "escalades" in persona:
        assert [e.besoin.value for e in reco.escalades] == persona["escalades"]
    if "periode" in persona:
        assert reco.periode_insertion.value == persona["periode"]
    if persona.get("vide"):
        assert reco.mesures == [] and reco.actions_milieu == []
