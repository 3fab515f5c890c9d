"""Au moins un objet de chaque modèle public, tiré de vrais résultats (pour les tests de copie,
de schéma et d'affichage)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pydantic

import recommandeur
from recommandeur import (
    ErreurEnDonnees,
    ErreurProfil,
    Intervalle,
    Journal,
    Moteur,
    Profil,
    charger_effectifs,
    charger_mentors,
    comparer_plans,
    couverture,
    et_si,
    planifier,
    pourquoi_pas,
    que_faudrait_il,
    recommander,
)
from recommandeur._catalogue.surcouche import lire_surcouche
from recommandeur._programme.provincial.recapitulatif import ligne_du_plan

EXEMPLES = Path(__file__).resolve().parents[1] / "exemples"
SURCOUCHE = EXEMPLES / "surcouche_centre"
ENSEIGNANTS, ECOLES, MENTORS = (
    EXEMPLES / "effectifs" / "enseignants.csv",
    EXEMPLES / "effectifs" / "ecoles.csv",
    EXEMPLES / "effectifs" / "mentors.csv",
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
    yield que_faudrait_il(profil, "mentorat_en_ligne", moteur=moteur)
    yield que_faudrait_il(profil, "accompagnement_individuel", retirer=True, moteur=moteur)
    yield et_si(profil, {"ecole": {"conseiller_pedagogique": False}}, moteur=moteur)
    # hors détresse, les rangs bougent (un Deplacement) ; en détresse, la liste courte peut rester
    sans_detresse = profil.model_copy(update={"signaux_de_detresse": False})
    yield et_si(sans_detresse, {"ecole": {"conseiller_pedagogique": False}}, moteur=moteur)
    yield couverture(moteur)
    yield charger_effectifs(ENSEIGNANTS, ECOLES)
    apparie = planifier(ENSEIGNANTS, ECOLES, moteur=moteur, mentors=MENTORS)
    yield apparie
    yield ligne_du_plan("centre-exemple", apparie)  # une ligne du récapitulatif de province
    yield comparer_plans(planifier(ENSEIGNANTS, ECOLES, moteur=moteur), apparie)
    yield from charger_mentors(MENTORS)
    for _, ajustements in lire_surcouche(SURCOUCHE).ajustements:
        yield ajustements
    yield Moteur.depuis(surcouche=SURCOUCHE).catalogue
    yield from _suivi(moteur)
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


def _suivi(moteur: Moteur) -> Iterator[pydantic.BaseModel]:
    """Un petit journal : chaque genre d'entrée, une échéance, une ligne du tableau, un bilan."""
    jour, par = date(2026, 9, 1), "cp-1"
    with Journal.ouvrir(":memory:", moteur=moteur) as journal:
        journal.ajouter(
            {"genre": "arrivee", "personne": "p1", "date": jour, "par": par, "ecole": "e1"}
        )
        journal.ajouter(
            {"genre": "instantane", "personne": "p1", "date": jour, "par": par, "profil": PROFIL}
        )
        journal.ajouter(
            {"genre": "consentement", "personne": "p1", "date": jour, "par": par, "partage": True}
        )
        journal.recommander("p1", jour, par=par)
        journal.ajouter(
            {
                "genre": "reponse",
                "personne": "p1",
                "date": jour,
                "par": par,
                "mesure": "cap",
                "decision": "differee",
            }
        )
        journal.debuter("p1", jour, "personne_neutre", par=par, intervenant="professionnel")
        journal.revue(
            "p1", date(2026, 11, 2), "personne_neutre", "partiel", par=par, satisfaction=4
        )
        yield from journal.entrees()
        yield from journal.a_revoir(date(2027, 2, 1))
        yield from journal.tableau(date(2027, 2, 1))
        journal.debuter("p1", jour, "mentorat", par=par, intervenant="mentor")
        journal.revue("p1", date(2026, 11, 2), "mentorat", "efficace", par=par)
        yield journal.bilan(date(2026, 8, 1), date(2027, 6, 30))
        yield Intervalle()
