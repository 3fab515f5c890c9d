"""``Model.model_json_schema()`` accepte ce que ``model_dump(mode="json")`` produit.

Pour chaque modèle public, en mode validation (ce qu'on peut donner à ``model_validate``) et
en mode sérialisation (ce que ``model_dump`` écrit), vérifié par ``jsonschema`` sur de vrais
résultats et sur des résultats tirés par hypothesis ; et des descriptions sans balisage
Sphinx (ni rôle ``:func:``, ni littéral RST, ni exemple ``>>>``).
"""

from __future__ import annotations

import functools
import re
from typing import Any, Literal

import jsonschema
import pydantic
import pytest
from hypothesis import HealthCheck, given, settings

import recommandeur
from recommandeur import EtSi, Moteur, Profil, Recommandation, et_si, recommander
from recommandeur._base.schema_json import sans_balisage
from recommandeur.testing import profils

from .exemplaires import MODELES_PUBLICS, par_classe

Mode = Literal["validation", "serialization"]
MODES: tuple[Mode, ...] = ("validation", "serialization")


@functools.cache
def _validateur(nom: str, mode: Mode) -> jsonschema.Draft202012Validator:
    schema = getattr(recommandeur, nom).model_json_schema(mode=mode)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _erreurs(objet: pydantic.BaseModel, mode: Mode) -> list[str]:
    donnees = objet.model_dump(mode="json")
    return [
        f"{'/'.join(map(str, e.absolute_path))} : {e.message[:120]}"
        for e in _validateur(type(objet).__name__, mode).iter_errors(donnees)
    ]


@pytest.fixture(scope="module")
def exemplaires(moteur: Moteur) -> dict[str, list[pydantic.BaseModel]]:
    return par_classe(moteur)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("nom", MODELES_PUBLICS)
def test_le_schema_accepte_le_json(
    exemplaires: dict[str, list[pydantic.BaseModel]], nom: str, mode: Mode
) -> None:
    assert exemplaires[nom], nom
    for objet in exemplaires[nom]:
        assert _erreurs(objet, mode) == []


def test_recommandation_nomme_ses_mesures_par_identifiant() -> None:
    """Le cas de l'issue : 32 erreurs « 'personne_neutre' is not of type 'object' »."""
    schema = Recommandation.model_json_schema()
    proprietes = schema["$defs"]["MesureRecommandee"]["properties"]
    assert {"type": "string"}.items() <= proprietes["mesure"]["anyOf"][0].items()
    assert proprietes["mesure"]["anyOf"][1] == {"$ref": "#/$defs/Mesure"}
    assert proprietes["partenaires"]["items"]["anyOf"][0]["type"] == "string"
    serialisation = Recommandation.model_json_schema(mode="serialization")
    assert serialisation["$defs"]["MesureRecommandee"]["properties"]["acteur"]["type"] == "string"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profil=profils())
def test_proprietes_schema_des_resultats(profil: Profil) -> None:
    reco = recommander(profil)
    for mode in MODES:
        assert _erreurs(reco, mode) == []
        assert _erreurs(profil, mode) == []
    # le JSON, validé par le schéma, se relit en un résultat égal
    assert Recommandation.model_validate(reco.model_dump(mode="json")) == reco


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profil=profils())
def test_proprietes_schema_et_si(profil: Profil) -> None:
    reponse: EtSi = et_si(profil, {"ecole": {"conseiller_pedagogique": False}})
    assert _erreurs(reponse, "validation") == []


_BALISAGE = re.compile(r":[a-z]+:`|``|^\s*>>>|\n\nChamps :", re.M)


def _textes(schema: Any) -> list[str]:
    pile, textes = [schema], []
    while pile:
        courant = pile.pop()
        if isinstance(courant, dict):
            for cle, valeur in courant.items():
                if cle in {"description", "title"} and isinstance(valeur, str):
                    textes.append(valeur)
                else:
                    pile.append(valeur)
        elif isinstance(courant, list):
            pile.extend(courant)
    return textes


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("nom", MODELES_PUBLICS)
def test_descriptions_sans_balisage_sphinx(nom: str, mode: Mode) -> None:
    schema = getattr(recommandeur, nom).model_json_schema(mode=mode)
    fautives = [t[:100] for t in _textes(schema) if _BALISAGE.search(t)]
    assert fautives == []


def test_sans_balisage_garde_le_sens() -> None:
    assert sans_balisage(":class:`~recommandeur.Recommandation` et :meth:`Moteur.depuis`") == (
        "`Recommandation` et `depuis()`"
    )
    assert sans_balisage("Un texte.\n\n    Suite ``x``.\n\nChamps :\n\n- ``a`` : b") == (
        "Un texte.\n\nSuite `x`."
    )
    assert sans_balisage("Avant.\n\n>>> 1 + 1\n2\n\nAprès.") == "Avant.\n\nAprès."
