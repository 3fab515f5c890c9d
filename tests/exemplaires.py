"""Au moins un objet de chaque modèle public, tiré de vrais résultats (pour les tests de copie,
de schéma et d'affichage)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pydantic

import recommandeur
from recommandeur import (
    ErreurEnDonnees,
    ErreurProfil,
    Moteur,
    Profil,
    charger_effectifs,
    couverture,
    et_si,
    planifier,
    pourquoi_pas,
    recommander,
)
from recommandeur._surcouche import lire_surcouche

EXEMPLES = Path(__file__).resolve().parents[1] / "exemples"
SURCOUCHE = EXEMPLES / "surcouche_centre"
ENSEIGNANTS, ECOLES = (
    EXEMPLES / "effectifs" / "enseignants.csv",
    EXEMPLES / "effectifs" / "ecoles.csv",
)

PROFIL = {
    "annees_experience": 1,
    "ordre": "primaire",
    "besoins": {"gestion_de_classe": "elevee", "bien_etre": "moderee"},
    "signaux_de_detresse": True,
    "mesures_recues": [{"mesure": "mentorat", "efficace": False}],
}

MODELES_PUBLICS = sorted(
    nom
    for nom in recommandeur.__all__
    if isinstance(getattr(recommandeur, nom), type)
    and issubclass(getattr(recommandeur, nom), pydantic.BaseModel)
)


def _racines(moteur: Moteur) -> Iterator[pydantic.BaseModel]:
    profil = Profil.model_validate(PROFIL)
    yield recommander(profil, moteur=moteur)
    yield moteur.catalogue
    yield moteur.base
    yield pourquoi_pas(profil, "mentorat", moteur=moteur)
    yield et_si(profil, {"ecole": {"conseiller_pedagogique": False}}, moteur=moteur)
    yield couverture(moteur)
    yield charger_effectifs(ENSEIGNANTS, ECOLES)
    yield planifier(ENSEIGNANTS, ECOLES, moteur=moteur)
    for _, ajustements in lire_surcouche(SURCOUCHE).ajustements:
        yield ajustements
    yield Moteur.depuis(surcouche=SURCOUCHE).catalogue
    try:
        recommander({**PROFIL, "affectation": {"nb_ecoles": 0}}, moteur=moteur)
    except ErreurProfil as erreur:
        yield ErreurEnDonnees.model_validate(erreur.to_dict())


def _exemplaires(moteur: Moteur) -> Iterator[pydantic.BaseModel]:
    """Chaque modèle atteint depuis de vrais résultats, champs et champs calculés parcourus
    (les premiers éléments de chaque liste, table ou tuple)."""
    pile: list[object] = list(_racines(moteur))
    while pile:
        objet = pile.pop()
        if isinstance(objet, pydantic.BaseModel):
            yield objet
            noms = [*type(objet).model_fields, *type(objet).model_computed_fields]
            pile.extend(getattr(objet, nom) for nom in noms)
        elif isinstance(objet, dict):
            pile.extend(list(objet.values())[:3])
        elif isinstance(objet, list | tuple):
            pile.extend(objet[:3])


def par_classe(moteur: Moteur) -> dict[str, list[pydantic.BaseModel]]:
    """Les exemplaires rangés par nom de classe."""
    classes: dict[str, list[pydantic.BaseModel]] = {}
    for objet in _exemplaires(moteur):
        classes.setdefault(type(objet).__name__, []).append(objet)
    return classes
