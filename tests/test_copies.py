"""Les modèles publics se comportent comme des valeurs Python : pickle, copies, processus.

Chaque modèle public (``Profil``, ``Recommandation``, ``Plan``, le catalogue, les règles…)
revient égal à lui-même de ``pickle``, de ``copy.deepcopy`` et de ``model_copy(deep=True)`` ;
un ``ProcessPoolExecutor`` les rend ; et les parties partagées (listes figées des mesures
recommandées, table des besoins) restent immuables dans les copies.
"""

from __future__ import annotations

import copy
import multiprocessing
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings

from recommandeur import (
    Besoin,
    Catalogue,
    Moteur,
    Profil,
    Recommandation,
    planifier,
    recommander,
)
from recommandeur._recommandation.sortie import ListeFigee
from recommandeur.testing import profils

from .exemplaires import ECOLES, ENSEIGNANTS, MODELES_PUBLICS, PROFIL, par_classe

#: Les trois façons de copier qu'un utilisateur attend d'une valeur Python.
COPIES: dict[str, Callable[[Any], Any]] = {
    "pickle": lambda o: pickle.loads(pickle.dumps(o)),
    "deepcopy": copy.deepcopy,
    "model_copy": lambda o: o.model_copy(deep=True),
}


@pytest.fixture(scope="module")
def exemplaires(moteur: Moteur) -> dict[str, list[pydantic.BaseModel]]:
    return par_classe(moteur)


def test_chaque_modele_public_a_un_exemplaire(exemplaires: dict[str, list[Any]]) -> None:
    assert set(MODELES_PUBLICS) <= set(exemplaires), set(MODELES_PUBLICS) - set(exemplaires)


@pytest.mark.parametrize("facon", sorted(COPIES))
@pytest.mark.parametrize("nom", MODELES_PUBLICS)
def test_copie_egale(exemplaires: dict[str, list[Any]], nom: str, facon: str) -> None:
    for objet in exemplaires[nom]:
        copie = COPIES[facon](objet)
        assert type(copie) is type(objet)
        assert copie == objet
        assert copie.model_dump(mode="json") == objet.model_dump(mode="json")


@pytest.mark.parametrize("facon", sorted(COPIES))
def test_catalogue_copie_garde_ses_index(moteur: Moteur, facon: str) -> None:
    copie: Catalogue = COPIES[facon](moteur.catalogue)
    assert copie.ids_mesures == moteur.catalogue.ids_mesures
    assert copie.mesure("mentorat") == moteur.catalogue.mesure("mentorat")
    assert copie.cles_sources == moteur.catalogue.cles_sources


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profil=profils())
def test_proprietes_des_copies(profil: Profil) -> None:
    reco = recommander(profil)
    for copier in COPIES.values():
        assert copier(profil) == profil
        copie = copier(reco)
        assert copie == reco
        assert copie.texte(details=True) == reco.texte(details=True)
        assert copie.model_dump(mode="json") == reco.model_dump(mode="json")


@pytest.mark.parametrize("facon", sorted(COPIES))
def test_parties_partagees_restent_immuables(facon: str) -> None:
    reco = recommander(PROFIL)
    copie = COPIES[facon](reco)
    mesure = copie.mesures[0]
    for liste in (mesure.motifs, mesure.alternatives, mesure.partenaires):
        assert isinstance(liste, ListeFigee)
        with pytest.raises(TypeError, match="immuable"):
            liste.append(liste[0] if liste else None)
    with pytest.raises(AttributeError, match="immuable"):
        copie.profil.besoins._table = {}
    with pytest.raises(pydantic.ValidationError):
        copie.profil.annees_experience = 3
    assert (
        copie.profil.besoins[Besoin.GESTION_DE_CLASSE]
        == reco.profil.besoins[Besoin.GESTION_DE_CLASSE]
    )
    # l'original n'a pas bougé
    assert reco == recommander(PROFIL)


def test_un_processus_rend_profil_recommandation_et_plan() -> None:
    profil = Profil.model_validate(PROFIL)
    contexte = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=contexte) as executeur:
        reco = executeur.submit(recommander, profil).result(timeout=300)
        plan = executeur.submit(planifier, ENSEIGNANTS, ECOLES).result(timeout=300)
        copie = executeur.submit(copy.deepcopy, profil).result(timeout=300)
    assert isinstance(reco, Recommandation)
    assert reco == recommander(profil)
    assert plan == planifier(ENSEIGNANTS, ECOLES)
    assert copie == profil
