"""Le contrat de recommander() : API, classement, déterminisme, JSON, limite, moteur personnalisé."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from recommandeur import (
    Acteur,
    Mesure,
    MesureRecommandee,
    Moteur,
    Niveau,
    Profil,
    Recommandation,
    recommander,
)
from recommandeur.testing import profils

from .test_profil import CONTRAT


def test_contrat_de_l_api() -> None:
    reco = recommander(CONTRAT)
    assert isinstance(reco, Recommandation)
    assert reco.mesures
    m = reco.mesures[0]
    assert isinstance(m, MesureRecommandee)
    assert isinstance(m.mesure, Mesure) and isinstance(m.acteur, Acteur)
    assert m.mesure.id and m.mesure.libelle and m.mesure.modalites and m.mesure.sources
    assert m.acteur.id == m.mesure.acteur_responsable
    assert [a.id for a in m.partenaires] == list(m.mesure.partenaires)
    assert isinstance(m.score, float)
    assert m.regles and set(m.regles) <= set(reco.regles_declenchees)
    assert isinstance(m.justification, str)


def test_profil_ou_dict_donnent_le_meme_resultat() -> None:
    assert recommander(Profil.model_validate(CONTRAT)) == recommander(CONTRAT)


def test_justification_nomme_faits_valeurs_et_sources() -> None:
    reco = recommander(CONTRAT)
    par_id = {m.mesure.id: m for m in reco.mesures}
    soutien = par_id["soutien_ecole_soutenue"]
    assert "45 %" in soutien.justification
    assert "ecole.part_novices = 45 % (règle : ≥ 30 %)" in soutien.justification
    assert "ecole.imse = 9 (règle : ≥ 8)" in soutien.justification
    assert "annexe1/cible/g" in soutien.justification
    assert "Direction d'établissement" in soutien.justification


def test_escalade_annoncee() -> None:
    reco = recommander(CONTRAT)
    assert [(e.besoin.value, e.declaree.value, e.effective.value) for e in reco.escalades] == [
        ("planification", "moderee", "elevee")
    ]
    par_id = {m.mesure.id: m for m in reco.mesures}
    assert "passe de modérée à élevée" in par_id["consultation_individuelle"].justification
    assert [e.mesure for e in reco.ecartees] == ["accompagnement_sous_groupe"]
    assert "accompagnement_sous_groupe" not in par_id


def test_besoin_deja_eleve_ne_monte_pas() -> None:
    profil = {
        "annees_experience": 1,
        "ordre": "primaire",
        "besoins": {"gestion_de_classe": "elevee"},
        "mesures_recues": [{"mesure": "accompagnement_sous_groupe", "efficace": False}],
    }
    assert recommander(profil).escalades == []


def test_limite() -> None:
    complet = recommander(CONTRAT)
    assert recommander(CONTRAT, limite=3).mesures == complet.mesures[:3]
    with pytest.raises(ValueError, match="limite : attendu un entier ≥ 1 ou None, reçu 0"):
        recommander(CONTRAT, limite=0)


def test_profil_hors_insertion_sans_besoin() -> None:
    reco = recommander({"annees_experience": 20, "ordre": "secondaire"})
    assert reco.mesures == []
    assert "Aucune mesure" in reco.texte()


def test_departage_documente() -> None:
    reco = recommander(CONTRAT)
    cles = [(-m.score, -m.mesure.niveau.rang, m.mesure.id) for m in reco.mesures]
    assert cles == sorted(cles)
    assert [m.rang for m in reco.mesures] == list(range(1, len(reco.mesures) + 1))


def test_sortie_json_porte_versions_et_profil() -> None:
    reco = recommander(CONTRAT)
    donnees = json.loads(json.dumps(reco.model_dump(mode="json")))
    assert donnees["version_catalogue"] and donnees["version_regles"]
    assert donnees["profil"]["ecole"]["imse"] == 9
    assert donnees["mesures"][0]["acteur"]["id"] == reco.mesures[0].acteur.id
    assert Recommandation.model_validate(donnees) == reco


def test_texte_lisible() -> None:
    texte = recommander(CONTRAT, limite=3).texte()
    assert texte.splitlines()[0] == (
        "Profil : 1 an d'expérience, secondaire, contrat, non légalement qualifié·e (NLQ)"
    )
    assert " 1. " in texte or "1. " in texte
    assert "responsable : " in texte and "pourquoi : " in texte


def test_moteur_depuis_d_autres_dossiers(copie_regles: Path) -> None:
    (copie_regles / "7_local.toml").write_text(
        '[[regle]]\nid = "local_prescolaire"\ntitre = "Préscolaire"\n'
        'si = { champ = "ordre", op = "==", valeur = "prescolaire" }\n'
        'justification = "Ordre : {ordre}."\nsources = ["annexe1/cible/h"]\n'
        'recommande = [{ mesure = "activites_groupe_thematiques", poids = 50 }]\n',
        encoding="utf-8",
    )
    moteur = Moteur.depuis(regles=copie_regles)
    reco = recommander({"annees_experience": 1, "ordre": "prescolaire"}, moteur=moteur)
    assert reco.mesures[0].mesure.id == "activites_groupe_thematiques"
    assert reco.mesures[0].motifs[0].texte == "Ordre : préscolaire."
    defaut = recommander({"annees_experience": 1, "ordre": "prescolaire"})
    assert defaut.mesures[0].mesure.id != "activites_groupe_thematiques"


@settings(max_examples=150, deadline=None)
@given(profils())
def test_proprietes_generales(profil: Profil) -> None:
    reco = recommander(profil)
    ids = [m.mesure.id for m in reco.mesures]
    assert len(ids) == len(set(ids))
    scores = [m.score for m in reco.mesures]
    assert scores == sorted(scores, reverse=True)
    assert recommander(profil) == reco
    assert all(m.score > 0 and m.motifs for m in reco.mesures)


@settings(max_examples=100, deadline=None)
@given(profils(annees_experience=0))
def test_toute_personne_en_insertion_recoit_une_mesure_universelle(profil: Profil) -> None:
    niveaux = {m.mesure.niveau for m in recommander(profil).mesures}
    assert Niveau.UNIVERSEL in niveaux


def test_construction_directe_equivaut_a_la_validation() -> None:
    reco = recommander(CONTRAT)
    for m in reco.mesures:
        relue = MesureRecommandee.model_validate(m.model_dump())
        assert relue == m
        assert relue.model_fields_set == m.model_fields_set
    assert Recommandation.model_validate(reco.model_dump()) == reco
    assert reco.model_dump() == Recommandation.model_validate(reco.model_dump()).model_dump()
