"""Les parties d'un plan partagent l'ensemble de leurs champs donnés (ticket 24, mémoire)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from recommandeur._programme.modeles import Alerte, PlanEnseignant
from recommandeur._vocabulaire import PeriodeInsertion


def _fiche(i: int) -> PlanEnseignant:
    return PlanEnseignant.model_construct(
        enseignant=f"e{i}",
        ecole="a",
        periode=PeriodeInsertion.EN_COURS,
        prioritaires=[],
        nb_offres=0,
        groupes=[],
    )


def test_les_parties_pareilles_partagent_un_meme_ensemble() -> None:
    a, b = _fiche(1), _fiche(2)
    assert a.model_fields_set is b.model_fields_set
    assert a.model_fields_set == set(PlanEnseignant.model_fields)
    validee = PlanEnseignant.model_validate(a.model_dump())
    assert validee.model_fields_set is a.model_fields_set


def test_une_copie_ne_change_pas_l_ensemble_partage() -> None:
    """``model_copy(update=…)`` ajoute à une copie de l'ensemble, jamais à l'ensemble partagé."""
    a = Alerte(genre="a_confirmer", ecole=None, message="m")
    b = Alerte(genre="a_confirmer", ecole=None, message="n")
    avant = set(a.model_fields_set)
    assert Alerte(genre="x", message="m", ecole=None).model_fields_set is a.model_fields_set
    copie = a.model_copy(update={"ecole": "e"})
    assert copie.ecole == "e" and copie.model_fields_set == avant
    assert b.model_fields_set == avant and b.model_fields_set is a.model_fields_set


@given(st.lists(st.sampled_from(["genre", "ecole", "message"]), unique=True))
def test_l_ensemble_dit_les_champs_donnes(donnes: list[str]) -> None:
    """Chaque partie dit exactement les champs qu'elle a reçus, quel que soit le partage."""
    valeurs: dict[str, Any] = {"genre": "g", "ecole": None, "message": "m"}
    alerte = Alerte.model_construct(**{k: valeurs[k] for k in donnes})
    assert alerte.model_fields_set == set(donnes)
    assert alerte.model_dump(exclude_unset=True) == {k: valeurs[k] for k in donnes}


def test_une_partie_est_figee_et_l_ensemble_partage_ne_bouge_pas() -> None:
    """Revue m8p : une partie figée refuse qu'on lui donne un champ ; sans cela, pydantic
    l'ajouterait à l'ensemble partagé, et toutes les parties pareilles diraient l'avoir reçu."""
    genre: dict[str, Any] = {"genre": "a_confirmer"}  # sans école : un champ non donné
    a = Alerte.model_construct(**genre, message="m")
    b = Alerte.model_construct(**genre, message="n")
    assert a.model_fields_set is b.model_fields_set == {"genre", "message"}
    with pytest.raises(ValidationError, match="frozen"):
        a.ecole = "e"  # type: ignore[misc]
    assert b.model_fields_set == {"genre", "message"}
    assert b.model_dump(exclude_unset=True) == {"genre": "a_confirmer", "message": "n"}
