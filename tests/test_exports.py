"""Tout type public s'importe de ``recommandeur`` ; les exceptions s'y affichent.

Le test parcourt les annotations des modèles publics (champs et champs calculés, de proche en
proche) et les signatures de ce que donne ``__all__`` (fonctions, constructeurs et méthodes
publiques) : chaque classe de la bibliothèque qu'on y rencontre doit être
``recommandeur.<Nom>``.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import pickle
import traceback
import typing
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pydantic
import pytest

import recommandeur


def _classes_dans(annotation: Any) -> Iterator[type]:
    """Les classes nommées par une annotation (unions, génériques, ``Annotated`` dépliés)."""
    pile = [annotation]
    while pile:
        courante = pile.pop()
        origine = typing.get_origin(courante)
        if origine is typing.Annotated:
            pile.append(typing.get_args(courante)[0])
            continue
        if origine is not None:
            pile.extend(typing.get_args(courante))
            if isinstance(origine, type):
                yield origine
            continue
        if isinstance(courante, type):
            yield courante


def _annotations(objet: Any) -> Iterator[tuple[str, Any]]:
    """Les annotations publiques d'un objet de ``__all__`` : où, et quoi."""
    nom = getattr(objet, "__name__", repr(objet))
    if isinstance(objet, type) and issubclass(objet, pydantic.BaseModel):
        for champ, info in objet.model_fields.items():
            yield f"{nom}.{champ}", info.annotation
        for champ, calcule in objet.model_computed_fields.items():
            yield f"{nom}.{champ}", calcule.return_type
    fonctions: list[tuple[str, Any]] = []
    if isinstance(objet, type):
        if not issubclass(objet, pydantic.BaseModel | BaseException) and "__init__" in vars(objet):
            fonctions.append((f"{nom}()", objet.__init__))
        for attribut, valeur in vars(objet).items():
            if attribut.startswith("_"):
                continue
            if isinstance(valeur, classmethod | staticmethod):
                valeur = valeur.__func__
            if isinstance(valeur, property):
                valeur = valeur.fget
            if inspect.isfunction(valeur):
                fonctions.append((f"{nom}.{attribut}", valeur))
    elif inspect.isfunction(objet):
        fonctions.append((f"{nom}()", objet))
    for ou, fonction in fonctions:
        module = inspect.getmodule(fonction) or recommandeur
        espace = {**_noms_du_typage(module), **vars(module), **_EXTERNES}
        indices = typing.get_type_hints(fonction, globalns=espace)
        for parametre, annotation in indices.items():
            yield f"{ou} {parametre}", annotation


def _noms_du_typage(module: ModuleType) -> dict[str, Any]:
    """Les noms qu'un module n'importe que sous ``if TYPE_CHECKING:`` (pour ne pas les importer
    au démarrage), importés ici : ses annotations les nomment."""
    noms: dict[str, Any] = {}
    for noeud in ast.parse(inspect.getsource(module)).body:
        if not (isinstance(noeud, ast.If) and ast.unparse(noeud.test) == "TYPE_CHECKING"):
            continue
        for importation in noeud.body:
            if isinstance(importation, ast.ImportFrom):
                nom = importlib.util.resolve_name(
                    "." * importation.level + (importation.module or ""), module.__package__
                )
                source = importlib.import_module(nom)
                for alias in importation.names:
                    noms[alias.asname or alias.name] = getattr(source, alias.name)
    return noms


def test_les_noms_du_typage_sont_lus() -> None:
    """Un moteur ne nomme ``Surcouche`` que pour le typage : le parcours la trouve quand même."""
    from recommandeur._catalogue.surcouche import Surcouche
    from recommandeur._moteur import moteur

    assert "Surcouche" not in vars(moteur)
    assert _noms_du_typage(moteur)["Surcouche"] is Surcouche


def _externes() -> dict[str, Any]:
    import networkx

    return {"nx": networkx}


_EXTERNES = _externes()


def _types_publics_manquants() -> dict[str, list[str]]:
    manquants: dict[str, list[str]] = {}
    vus: set[int] = set()
    pile: list[Any] = [getattr(recommandeur, nom) for nom in recommandeur.__all__]
    while pile:
        objet = pile.pop()
        if id(objet) in vus:
            continue
        vus.add(id(objet))
        for ou, annotation in _annotations(objet):
            for classe in _classes_dans(annotation):
                if not classe.__module__.startswith("recommandeur"):
                    continue
                if getattr(recommandeur, classe.__name__, None) is not classe:
                    manquants.setdefault(f"{classe.__module__}.{classe.__qualname__}", []).append(
                        ou
                    )
                pile.append(classe)
    return manquants


def test_chaque_type_public_s_importe_de_recommandeur() -> None:
    assert _types_publics_manquants() == {}


def test_le_parcours_trouve_un_type_cache() -> None:
    """Le parcours voit les types imbriqués : ceux du plan, trois niveaux sous ``Plan``."""
    trouves = {classe for _, a in _annotations(recommandeur.Plan) for classe in _classes_dans(a)}
    assert recommandeur.Portrait in trouves
    trouves = {
        classe for _, a in _annotations(recommandeur.Portrait) for classe in _classes_dans(a)
    }
    assert recommandeur.Tranche in trouves


@pytest.mark.parametrize(
    "nom", ["Presence", "PeriodeInsertion", "Destinataire", "Besoins", "Tables"]
)
def test_types_nommes_par_l_issue(nom: str) -> None:
    assert nom in recommandeur.__all__
    assert getattr(recommandeur, nom).__name__ == nom


def test_all_est_exact() -> None:
    """``__all__`` ne nomme que ce qui existe, chacun une fois, dans l'ordre alphabétique."""
    assert len(set(recommandeur.__all__)) == len(recommandeur.__all__)
    assert all(hasattr(recommandeur, nom) for nom in recommandeur.__all__)


EXCEPTIONS = [
    nom
    for nom in recommandeur.__all__
    if isinstance(getattr(recommandeur, nom), type)
    and issubclass(getattr(recommandeur, nom), BaseException)
]


@pytest.mark.parametrize("nom", EXCEPTIONS)
def test_exceptions_affichees_depuis_recommandeur(nom: str) -> None:
    classe = getattr(recommandeur, nom)
    assert classe.__module__ == "recommandeur"
    assert repr(classe) == f"<class 'recommandeur.{nom}'>"


def test_trace_dit_recommandeur_erreur_profil() -> None:
    with pytest.raises(recommandeur.ErreurProfil) as erreur:
        recommandeur.recommander({"annees_experience": 1, "ordre": "primair"})
    ligne = traceback.format_exception_only(erreur.value)[0]
    assert ligne.startswith("recommandeur.ErreurProfil: champ 'ordre'")
    assert type(pickle.loads(pickle.dumps(erreur.value))) is recommandeur.ErreurProfil


def test_la_documentation_n_importe_que_de_recommandeur() -> None:
    """Aucune page (README, docs/) ne fait importer d'un module privé."""
    import re
    from pathlib import Path

    racine = Path(__file__).resolve().parents[1]
    pages = [racine / "README.md", *sorted((racine / "docs").rglob("*.md"))]
    fautives = [
        f"{page.relative_to(racine)} : {ligne.strip()}"
        for page in pages
        for ligne in page.read_text(encoding="utf-8").splitlines()
        if re.search(r"\b(from|import)\s+recommandeur\._", ligne)
    ]
    assert fautives == []
