"""Des comportements que les mutants d'une revue indépendante ont montrés sans test (ticket 21).

Chacun est tenu par une propriété sur une classe d'entrées et par un petit cas fait à la main,
sortie exacte : le résumé ne compte pas plus de prioritaires que d'offres, une mesure reçue
deux fois compte sans effet si une réception le dit, une absence déclarée l'emporte sur une
présence attestée, un acteur réservé à l'insertion ne sert plus après elle, une action du
milieu n'est pas une offre dans ``pourquoi_pas``.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Moteur, Profil, Recommandation, pourquoi_pas, recommander
from recommandeur.testing import profils

from .profils_exemples import PRESENCES

MOTEUR = Moteur.depuis()
RESERVES = frozenset(a.id for a in MOTEUR.catalogue.acteurs if a.insertion_seulement)
NOUVELLE = {
    "annees_experience": 0,
    "ordre": "primaire",
    "affectation": {"nouveau_dans_l_ecole": True},
    "besoins": {"gestion_de_classe": "elevee"},
}


def _porteurs(reco: Recommandation) -> set[str]:
    """Tous les acteurs qui portent quelque chose : intervenants, autres possibles, partenaires."""
    return {
        a.id
        for m in (*reco.mesures, *reco.actions_milieu)
        for a in (m.acteur, *m.alternatives, *m.partenaires)
    }


# --- le résumé : « N offre(s) dont K prioritaire(s) », K ≤ N ---


@settings(max_examples=60, deadline=None)
@given(profils(MOTEUR.catalogue), st.none() | st.integers(1, 6), st.integers(1, 6))
def test_le_resume_ne_compte_que_les_prioritaires_gardees(
    profil: Profil, limite: int | None, prioritaires: int
) -> None:
    reco = recommander(profil, moteur=MOTEUR, limite=limite, prioritaires=prioritaires)
    drapeaux = [m.prioritaire for m in reco.mesures]
    assert reco.nb_prioritaires == sum(drapeaux) <= len(reco.mesures)
    assert drapeaux == sorted(drapeaux, reverse=True)  # les prioritaires d'abord
    assert f"{len(reco.mesures)} offre(s) dont {reco.nb_prioritaires} prioritaire(s)" in str(reco)


def test_limite_2_parmi_4_prioritaires() -> None:
    assert recommander(NOUVELLE, moteur=MOTEUR).nb_prioritaires == 4
    reco = recommander(NOUVELLE, moteur=MOTEUR, limite=2)
    assert (len(reco.mesures), reco.nb_prioritaires) == (2, 2)
    assert "2 offre(s) dont 2 prioritaire(s)" in str(reco)


# --- une mesure reçue deux fois : sans effet si une réception le dit (docs/profil.md) ---


def _etat(reco: Recommandation, mesure: str) -> tuple[Any, ...]:
    """Ce que le résultat fait de la mesure : offerte (déjà reçue, autre intervenant), écartée."""
    offertes = [
        (m.deja_recue, m.changement_d_intervenant)
        for m in (*reco.mesures, *reco.actions_milieu)
        if m.mesure.id == mesure
    ]
    return (offertes, [e.genre for e in reco.ecartees if e.mesure == mesure])


@settings(max_examples=40, deadline=None)
@given(
    profils(MOTEUR.catalogue, mesures_recues=()),
    st.sampled_from(sorted(MOTEUR.ids_mesures)),
    st.permutations([True, False]),
    st.fixed_dictionaries({c: st.booleans() for c in PRESENCES}),
)
def test_recue_deux_fois_dont_une_sans_effet_compte_sans_effet(
    profil: Profil, mesure: str, effets: list[bool], presences: dict[str, bool]
) -> None:
    # Chaque présence est dite par l'école : la réception avec effet n'atteste alors rien de
    # plus (une présence inconnue, elle, le serait, ce qui change à bon droit le regroupement
    # en détresse ; voir le test suivant).
    donnees = profil.model_dump(mode="json")
    donnees["ecole"] = {**donnees["ecole"], **presences}
    deux_fois = recommander(
        {**donnees, "mesures_recues": [{"mesure": mesure, "efficace": e} for e in effets]},
        moteur=MOTEUR,
    )
    une_fois = recommander(
        {**donnees, "mesures_recues": [{"mesure": mesure, "efficace": False}]}, moteur=MOTEUR
    )
    # la réception avec effet atteste la présence de son intervenant (ailleurs, elle compte) ;
    # la mesure elle-même est traitée comme reçue sans effet
    assert _etat(deux_fois, mesure) == _etat(une_fois, mesure)
    assert _etat(deux_fois, mesure)[0] in ([], [(False, True)])


@settings(max_examples=40, deadline=None)
@given(
    profils(MOTEUR.catalogue, mesures_recues=()),
    st.sampled_from(sorted(MOTEUR.ids_mesures)),
    st.permutations([True, False]),
)
def test_recue_deux_fois_jamais_comptee_comme_recue_avec_effet(
    profil: Profil, mesure: str, effets: list[bool]
) -> None:
    # Présences quelconques (inconnues comprises) : jamais « déjà reçue », dans les deux ordres.
    donnees = profil.model_dump(mode="json")
    recues = [{"mesure": mesure, "efficace": e} for e in effets]
    reco = recommander({**donnees, "mesures_recues": recues}, moteur=MOTEUR)
    assert all(not deja for deja, _ in _etat(reco, mesure)[0])
    inverse = recommander({**donnees, "mesures_recues": recues[::-1]}, moteur=MOTEUR)
    assert _etat(reco, mesure) == _etat(inverse, mesure)


def test_mentorat_sans_effet_puis_avec_effet() -> None:
    profil = {**NOUVELLE, "ecole": {"mentor_dans_l_ecole": True}}
    recues = [{"mesure": "mentorat", "efficace": False}, {"mesure": "mentorat", "efficace": True}]
    reco = recommander({**profil, "mesures_recues": recues}, moteur=MOTEUR)
    assert [m.mesure.id for m in reco.mesures if m.mesure.id == "mentorat"] == []
    assert [(e.mesure, e.genre) for e in reco.ecartees if e.mesure == "mentorat"] == [
        ("mentorat", "recue_sans_effet")
    ]


# --- une absence déclarée l'emporte sur une présence attestée par une mesure reçue ---


@settings(max_examples=40, deadline=None)
@given(
    profils(MOTEUR.catalogue, ecole={"mentor_dans_l_ecole": False}),
    st.sampled_from(["mentorat", "accompagnement_individuel", "accueil_etablissement"]),
)
def test_une_mentore_declaree_absente_ne_porte_rien(profil: Profil, mesure: str) -> None:
    donnees = profil.model_dump(mode="json")
    recue = {"mesure": mesure, "efficace": True, "intervenant": "mentor"}
    donnees["mesures_recues"] = [*donnees["mesures_recues"], recue]
    assert "mentor" not in _porteurs(recommander(donnees, moteur=MOTEUR))


def test_mentore_absente_et_mesure_efficace_avec_elle() -> None:
    recue = {"mesure": "accompagnement_individuel", "efficace": True, "intervenant": "mentor"}
    profil = {**NOUVELLE, "ecole": {"mentor_dans_l_ecole": False}, "mesures_recues": [recue]}
    reco = recommander(profil, moteur=MOTEUR)
    individuel = next(m for m in reco.mesures if m.mesure.id == "accompagnement_individuel")
    assert (individuel.acteur.id, [a.id for a in individuel.alternatives]) == (
        "conseiller_pedagogique",
        ["equipe_ecole"],
    )
    assert [(e.mesure, e.genre) for e in reco.ecartees] == [("mentorat", "sans_intervenant")]
    # présence inconnue : la même personne est vue présente par sa mesure efficace, et passe
    # avant la CP que le centre déclare présente
    inconnue = recommander({**profil, "ecole": {}}, moteur=MOTEUR)
    individuel = next(m for m in inconnue.mesures if m.mesure.id == "accompagnement_individuel")
    assert (individuel.acteur.id, individuel.presence.value) == ("mentor", "present")


# --- un acteur réservé aux personnes en insertion ne sert plus après elle ---


@settings(max_examples=60, deadline=None)
@given(
    profils(
        MOTEUR.catalogue,
        annees_experience=st.integers(7, 40),
        annees_au_quebec=st.none() | st.integers(7, 40),
        ecole={"mentor_dans_l_ecole": True, "pane": True},
    )
)
def test_apres_l_insertion_aucun_acteur_reserve(profil: Profil) -> None:
    assert not _porteurs(recommander(profil, moteur=MOTEUR)) & RESERVES


def test_douze_ans_accueillie_sans_la_mentore() -> None:
    profil = {
        **NOUVELLE,
        "annees_experience": 12,
        "ecole": {"mentor_dans_l_ecole": True, "pane": True},
    }
    reco = recommander(profil, moteur=MOTEUR)
    accueil = next(m for m in reco.mesures if m.mesure.id == "accueil_etablissement")
    assert (accueil.acteur.id, [p.id for p in accueil.partenaires]) == (
        "direction",
        ["equipe_ecole"],
    )
    # en insertion, la même personne mentore est partenaire de l'accueil
    jeune = recommander({**profil, "annees_experience": 1}, moteur=MOTEUR)
    accueil = next(m for m in jeune.mesures if m.mesure.id == "accueil_etablissement")
    assert [p.id for p in accueil.partenaires] == ["equipe_ecole", "mentor"]


# --- pourquoi_pas : une action du milieu n'est pas une offre à la personne ---


@settings(max_examples=30, deadline=None)
@given(profils(MOTEUR.catalogue))
def test_pourquoi_pas_dit_action_ou_offre_comme_recommander(profil: Profil) -> None:
    reco = recommander(profil, moteur=MOTEUR)
    for m in (*reco.mesures[:2], *reco.actions_milieu[:2]):
        reponse = pourquoi_pas(profil, m.mesure.id, moteur=MOTEUR)
        action = m in reco.actions_milieu
        assert (reponse.action_du_milieu, reponse.rang) == (action, m.rang)
        entete = reponse.texte().splitlines()[0]
        assert ("au milieu" in entete) is action


def test_pourquoi_pas_une_action_de_l_ecole() -> None:
    profil = {
        "annees_experience": 1,
        "ordre": "primaire",
        "affectation": {"partage_de_tache": True},
    }
    reponse = pourquoi_pas(profil, "rencontre_titulaires_partage_de_tache", moteur=MOTEUR)
    assert reponse.texte().splitlines()[0] == (
        "“Réunir les titulaires et les personnes qui ont une tâche partagée” est recommandée "
        "au milieu, au rang 1 des actions."
    )


# --- la présence d'une ressource : ce que dit l'école, sinon ce que déclare le centre ---


@settings(max_examples=30, deadline=None)
@given(profils(MOTEUR.catalogue, ecole={"conseiller_pedagogique": False}))
def test_l_ecole_qui_dit_absente_l_emporte_sur_le_centre(profil: Profil) -> None:
    # le centre livré déclare sa CP présente ([ressources]) ; l'école dit qu'elle ne l'a pas
    assert MOTEUR.catalogue.ressources["conseiller_pedagogique"] is True
    assert "conseiller_pedagogique" not in _porteurs(recommander(profil, moteur=MOTEUR))


def test_l_ecole_muette_suit_le_centre() -> None:
    profil = {"annees_experience": 1, "ordre": "primaire", "besoins": {"evaluation": "elevee"}}
    reco = recommander(profil, moteur=MOTEUR)
    assert "conseiller_pedagogique" in {m.acteur.id for m in reco.mesures}
    assert all(
        m.presence.value == "present"
        for m in reco.mesures
        if m.acteur.id == "conseiller_pedagogique"
    )
