"""Le genre de suppléance : la CAP demande un groupe d'élèves (Annexe 1, universel f)."""

from __future__ import annotations

import pytest

from recommandeur import ErreurProfil, recommander


def _offres(**champs: object) -> set[str]:
    profil = {"annees_experience": 0, "ordre": "primaire", **champs}
    return {m.mesure.id for m in recommander(profil).mesures}


@pytest.mark.parametrize(
    ("statut", "suppleance", "cap"),
    [
        ("suppleance", "occasionnelle", False),
        ("suppleance", "long_terme", True),
        ("suppleance", "a_contrat", True),
        ("suppleance", None, True),
        ("contrat", "occasionnelle", True),  # le genre ne compte qu'en suppléance
        ("permanent", None, True),
    ],
)
def test_la_cap_suit_le_groupe_d_eleves(statut: str, suppleance: str | None, cap: bool) -> None:
    offres = _offres(statut=statut, suppleance=suppleance)
    assert ("cap" in offres) is cap
    assert ("banque_outils" in offres) is (statut == "suppleance" and suppleance == "occasionnelle")


def test_saisie_souple_et_erreur_claire() -> None:
    assert "cap" not in _offres(statut="suppleance", suppleance="Occasionnelle")
    with pytest.raises(ErreurProfil, match="suppleance"):
        recommander({"annees_experience": 0, "ordre": "primaire", "suppleance": "parfois"})
