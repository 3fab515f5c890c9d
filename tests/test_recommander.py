"""Le contrat de recommander() : API, offres et actions du milieu, intervenants, JSON, limite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    assert reco.mesures and reco.actions_milieu
    m = reco.mesures[0]
    assert isinstance(m, MesureRecommandee)
    assert isinstance(m.mesure, Mesure) and isinstance(m.acteur, Acteur)
    assert m.acteur.id in {i.acteur for i in m.mesure.intervenants}
    assert m.mesure.id and m.mesure.libelle and m.mesure.modalites and m.mesure.sources
    assert isinstance(m.score, float) and m.prioritaire
    assert m.regles and set(m.regles) <= set(reco.regles_declenchees)
    assert isinstance(m.justification, str)
    assert reco.prioritaires == reco.mesures[: reco.nb_prioritaires]


def test_profil_ou_dict_donnent_le_meme_resultat() -> None:
    assert recommander(Profil.model_validate(CONTRAT)) == recommander(CONTRAT)


def test_offres_et_actions_du_milieu_ne_se_melent_pas() -> None:
    reco = recommander(CONTRAT)
    assert {m.mesure.destinataire.value for m in reco.mesures} == {"personne"}
    assert {m.mesure.destinataire.value for m in reco.actions_milieu} == {"milieu"}
    milieu = {m.mesure.id for m in reco.actions_milieu}
    assert {"soutien_ecole_soutenue", "rencontre_titulaires_partage_de_tache"} <= milieu


def test_justification_nomme_faits_valeurs_et_sources() -> None:
    reco = recommander(CONTRAT)
    soutien = next(m for m in reco.actions_milieu if m.mesure.id == "soutien_ecole_soutenue")
    assert "ecole.part_novices = 45 % (règle : ≥ 30 %)" in soutien.justification
    assert "ecole.imse = 9 (règle : ≥ 8)" in soutien.justification
    assert (
        "un seuil choisi par le catalogue, que les documents sources ne fixent pas"
        in soutien.justification
    )
    assert "l'Annexe 1 [besoins selon le profil et le milieu, g)]" in soutien.justification
    assert "annexe1/cible/g" in {c for motif in soutien.motifs for c in motif.sources}
    assert "Service des ressources éducatives" in soutien.justification


def test_escalade_annoncee() -> None:
    reco = recommander(CONTRAT)
    assert [(e.besoin.value, e.declaree.value, e.effective.value) for e in reco.escalades] == [
        ("planification", "moderee", "elevee")
    ]
    par_id = {m.mesure.id: m for m in reco.mesures}
    assert "passe de modérée à élevée" in par_id["plan_developpement_competence"].justification
    assert [(e.mesure, e.genre) for e in reco.ecartees] == [
        ("accompagnement_sous_groupe", "recue_sans_effet")
    ]


def test_besoin_deja_eleve_ne_monte_pas() -> None:
    profil = {
        "annees_experience": 1,
        "ordre": "primaire",
        "besoins": {"gestion_de_classe": "elevee"},
        "mesures_recues": [{"mesure": "accompagnement_sous_groupe", "efficace": False}],
    }
    assert recommander(profil).escalades == []


def test_limite_et_prioritaires() -> None:
    complet = recommander(CONTRAT)
    assert recommander(CONTRAT, limite=3).mesures == complet.mesures[:3]
    assert recommander(CONTRAT, prioritaires=1).nb_prioritaires == 1
    with pytest.raises(ValueError, match="limite : attendu un entier ≥ 1, reçu 0"):
        recommander(CONTRAT, limite=0)
    with pytest.raises(ValueError, match="prioritaires : attendu un entier ≥ 1, reçu -1"):
        recommander(CONTRAT, prioritaires=-1)


def test_hors_insertion_sans_besoin_et_deja_dans_l_ecole() -> None:
    reco = recommander({"annees_experience": 20, "ordre": "secondaire", "statut": "permanent"})
    assert reco.mesures == [] and reco.actions_milieu == []
    assert "Aucune mesure" in reco.texte()


def test_departage_documente() -> None:
    reco = recommander(CONTRAT)
    autres = reco.mesures[reco.nb_prioritaires :]
    cles = [(-m.score, -m.mesure.niveau.rang, m.mesure.id) for m in autres]
    assert cles == sorted(cles)
    assert [m.rang for m in reco.mesures] == list(range(1, len(reco.mesures) + 1))
    assert all(m.prioritaire for m in reco.prioritaires)
    assert not any(m.prioritaire for m in autres)


def test_sortie_json_porte_versions_et_profil() -> None:
    reco = recommander(CONTRAT)
    donnees = json.loads(json.dumps(reco.model_dump(mode="json")))
    assert donnees["version_catalogue"] and donnees["version_regles"]
    assert donnees["profil"]["ecole"]["imse"] == 9
    assert donnees["mesures"][0]["acteur"] == reco.mesures[0].acteur.id
    assert Recommandation.model_validate(donnees) == reco


def test_texte_lisible() -> None:
    texte = recommander(CONTRAT).texte()
    lignes = texte.splitlines()
    assert lignes[0] == (
        "Profil : 1 an d'expérience, secondaire, contrat, non légalement qualifié·e (NLQ)"
    )
    assert lignes.index("À offrir d'abord :") < lignes.index(
        "Actions du milieu (école, centre, programme) :"
    )
    assert "pourquoi : " in texte and "Non offertes :" in texte


def test_moteur_depuis_d_autres_dossiers(copie_regles: Path) -> None:
    (copie_regles / "8_local.toml").write_text(
        '[[regle]]\nid = "local_prescolaire"\ntitre = "Préscolaire"\n'
        'si = { champ = "ordre", op = "==", valeur = "prescolaire" }\n'
        'justification = "Ordre : {ordre}."\nsources = ["annexe1/cible/h"]\n'
        'recommande = [{ mesure = "activites_groupe_thematiques", poids = 50 }]\n',
        encoding="utf-8",
    )
    moteur = Moteur.depuis(regles=copie_regles)
    reco = recommander({"annees_experience": 1, "ordre": "prescolaire"}, moteur=moteur)
    autres = reco.mesures[reco.nb_prioritaires :]
    assert autres[0].mesure.id == "activites_groupe_thematiques"
    assert autres[0].motifs[0].texte == "Ordre : préscolaire."
    defaut = recommander({"annees_experience": 1, "ordre": "prescolaire"})
    assert "activites_groupe_thematiques" not in {m.mesure.id for m in defaut.mesures}


@settings(max_examples=150, deadline=None)
@given(profils())
def test_proprietes_generales(profil: Profil) -> None:
    reco = recommander(profil)
    ids = [m.mesure.id for m in (*reco.mesures, *reco.actions_milieu)]
    assert len(ids) == len(set(ids))
    autres = [m.score for m in reco.mesures[reco.nb_prioritaires :]]
    assert autres == sorted(autres, reverse=True)
    assert recommander(profil) == reco
    assert all(m.score > 0 and m.motifs for m in reco.mesures)
    assert reco.nb_prioritaires <= 5


@settings(max_examples=100, deadline=None)
@given(profils(annees_experience=0, annees_au_quebec=st.none()))
def test_toute_personne_en_insertion_recoit_une_mesure_universelle(profil: Profil) -> None:
    niveaux = {m.mesure.niveau for m in recommander(profil).mesures}
    assert Niveau.UNIVERSEL in niveaux


def test_construction_directe_equivaut_a_la_validation() -> None:
    reco = recommander(CONTRAT)
    for m in (*reco.mesures, *reco.actions_milieu):
        relue = MesureRecommandee.model_validate(m.model_dump())
        assert relue == m
    assert Recommandation.model_validate(reco.model_dump()) == reco


def test_sans_intervenant_dit_pourquoi_par_raison() -> None:
    reco = recommander(
        {"annees_experience": 2, "ordre": "primaire", "ecole": {"mentor_dans_l_ecole": False}}
    )
    assert [(e.mesure, e.genre, e.raison) for e in reco.ecartees] == [
        (
            "mentorat",
            "sans_intervenant",
            "aucun intervenant possible (absent : Personne mentore de l'école)",
        )
    ]
    # Une personne dont la période est terminée n'a plus de personne mentore, ni d'ici ni d'ailleurs.
    reco = recommander(
        {"annees_experience": 8, "ordre": "secondaire", "ecole": {"mentor_dans_l_ecole": False}}
    )
    assert reco.periode_insertion.value == "terminee"
    assert not {"mentorat", "mentorat_autre_ecole"} & {m.mesure.id for m in reco.mesures}


def test_en_detresse_seules_les_offres_attendent() -> None:
    reco = recommander(
        {
            "annees_experience": 3,
            "ordre": "secondaire",
            "signaux_de_detresse": True,
            "besoins": {"numerique": "moderee", "bien_etre": "elevee"},
        }
    )
    # ticket 18 : plans et activités de groupe attendent aussi ; le professionnel à confirmer
    # n'est proposé qu'une fois (la personne neutre)
    assert [(e.mesure, e.genre) for e in reco.ecartees] == [
        ("accompagnement_technopedagogique", "differee"),
        ("activites_groupe", "differee"),
        ("cap", "differee"),
        ("groupe_de_soutien", "differee"),
        ("plan_dp", "differee"),
        ("webinaire", "differee"),
        ("soutien_professionnel", "regroupee"),
    ]
    assert "programme_dp_numerique" in {m.mesure.id for m in reco.actions_milieu}
    assert "suivi_de_la_personne" in {m.mesure.id for m in reco.actions_milieu}


def test_les_repr_sont_courts_et_disent_comment_en_voir_plus() -> None:
    from recommandeur import ErreurProfil, charger_catalogue, couverture, et_si, pourquoi_pas

    profil = {"annees_experience": 1, "ordre": "primaire", "besoins": {"planification": "elevee"}}
    reco = recommander(profil)
    catalogue = charger_catalogue()
    try:
        recommander({"annees_experience": -1, "ordre": "lycee"})
    except ErreurProfil as exc:
        erreur = exc
    objets = [
        reco,
        reco.mesures[0],
        reco.profil,
        catalogue,
        catalogue.mesure("mentorat"),
        catalogue.acteur("mentor"),
        pourquoi_pas(profil, "mentorat"),
        et_si(profil, {"ecole": {"imse": 9}}),
        couverture(),
        erreur,
    ]
    for objet in objets:
        texte = repr(objet)
        assert texte.startswith("<") and texte.endswith(">"), texte
        assert "\n" not in texte and len(texte) <= 300, texte
    assert repr(reco) == (
        "<Recommandation : 10 offre(s) dont 3 prioritaire(s) (accompagnement_individuel, "
        "mentorat, temps_planification_collegues), 0 action(s) du milieu, 0 non offerte(s) ; "
        "période en_cours ; print(reco) pour le texte>"
    )
    assert repr(et_si(profil, {"ecole": {"imse": 9}})) == (
        "<EtSi : offres +0 −0 ~0 ; actions du milieu +1 −0 ~0 ; print(r)>"
    )
    assert repr(erreur).startswith("<ErreurProfil : 2 problème(s), d'abord \"champ 'annees_exp")
