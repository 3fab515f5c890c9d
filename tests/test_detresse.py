"""En période de détresse : au plus six offres, un seul professionnel à confirmer, un suivi.

Propriétés sur tous les profils en détresse (présences, besoins, ordres quelconques).
"""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace
from typing import cast

from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Ordre, Profil, moteur_par_defaut, recommander
from recommandeur._recommandation.decisions import Decision
from recommandeur._recommandation.detresse import alleger
from recommandeur._vocabulaire import Presence
from recommandeur.testing import profils

from .profils_exemples import PRESENCES

EXPOSANTES = {
    "plan_developpement_competence",
    "plan_dp",
    "activites_groupe",
    "activites_groupe_thematiques",
}


@st.composite
def en_detresse(draw: st.DrawFn) -> Profil:
    profil = draw(profils(signaux_de_detresse=True))
    ecole = profil.ecole.model_copy(
        update={c: draw(st.sampled_from([True, False, None])) for c in PRESENCES}
    )
    return profil.model_copy(update={"ecole": ecole})


@settings(max_examples=150, deadline=None)
@given(en_detresse())
def test_court_calme_suivi(profil: Profil) -> None:
    reco = recommander(profil)
    assert len(reco.mesures) <= 6
    assert not {m.mesure.id for m in reco.mesures} & EXPOSANTES
    a_confirmer = Counter(m.acteur.id for m in reco.mesures if m.presence.value == "inconnue")
    assert all(n == 1 for n in a_confirmer.values()), a_confirmer
    deja_suivie = any(r.mesure == "suivi_de_la_personne" for r in profil.mesures_recues)
    assert deja_suivie or "suivi_de_la_personne" in {m.mesure.id for m in reco.actions_milieu}
    # rien ne disparaît sans raison : chaque mesure retirée est dans ecartees
    for e in reco.ecartees:
        assert e.raison


def test_differees_au_dela_de_six_avec_la_raison() -> None:
    reco = recommander(
        {
            "annees_experience": 0,
            "ordre": "primaire",
            "signaux_de_detresse": True,
            "affectation": {"nouveau_dans_l_ecole": True, "nouveau_dans_le_centre": True},
            "besoins": {"gestion_de_classe": "elevee", "planification": "moderee"},
            "ecole": {"professionnel": None, "mentor_dans_l_ecole": True},
        }
    )
    assert len(reco.mesures) == 6
    genres = {e.mesure: e.genre for e in reco.ecartees}
    assert genres["soutien_professionnel"] == "regroupee"
    assert genres["plan_dp"] == "differee"
    assert any("six offres au plus" in e.raison for e in reco.ecartees)
    neutre = next(m for m in reco.mesures if m.mesure.id == "personne_neutre")
    assert neutre.presence.value == "inconnue"
    assert "professionnel_a_distance" in {a.id for a in neutre.alternatives}


def test_sans_detresse_pas_de_plafond() -> None:
    reco = recommander(
        {
            "annees_experience": 0,
            "ordre": "primaire",
            "affectation": {"nouveau_dans_l_ecole": True, "nouveau_dans_le_centre": True},
            "besoins": {"gestion_de_classe": "elevee", "planification": "moderee"},
        }
    )
    assert len(reco.mesures) > 6
    assert "suivi_de_la_personne" not in {m.mesure.id for m in reco.actions_milieu}


def test_le_suivi_de_la_personne_n_entre_pas_dans_le_plan_du_centre() -> None:
    from recommandeur._programme.calcul.resume import resumer

    reco = recommander({"annees_experience": 1, "ordre": "primaire", "signaux_de_detresse": True})
    assert "suivi_de_la_personne" in {m.mesure.id for m in reco.actions_milieu}
    assert "suivi_de_la_personne" not in {a.mesure for a in resumer(reco).actions}


# --- Ticket 18c (revue du 2026-12-03, point 5) : pas de groupe, la présence au quotidien avant
# le travail en classe, la personne mentore présente parmi les prioritaires, en tout ordre.

#: Les seules offres en groupe gardées en détresse : une équipe réunie autour de la personne
#: (une consultation, pas une activité de groupe) et du temps de planification libéré.
GROUPE_PERMIS = {"equipe_soutien_multidisciplinaire", "temps_planification_collegues"}


@st.composite
def en_detresse_par_ordre(draw: st.DrawFn) -> Profil:
    """Tous les ordres, toutes les présences, des besoins quelconques, avec ou sans mentore."""
    profil = draw(en_detresse())
    ordre = draw(
        st.sampled_from(
            ["primaire", "secondaire", "formation_professionnelle", "education_adultes"]
        )
    )
    return profil.model_copy(update={"ordre": Ordre(ordre)})


@settings(max_examples=60, deadline=None)
@given(en_detresse_par_ordre())
def test_aucune_activite_de_groupe_en_detresse(profil: Profil) -> None:
    reco = recommander(profil)
    en_groupe = {
        m.mesure.id for m in reco.mesures if "en_groupe" in {x.value for x in m.mesure.modalites}
    }
    assert en_groupe <= GROUPE_PERMIS, en_groupe


@settings(max_examples=60, deadline=None)
@given(en_detresse_par_ordre())
def test_la_consultation_breve_avant_le_travail_en_classe(profil: Profil) -> None:
    reco = recommander(profil)
    suite = reco.mesures[reco.nb_prioritaires :]
    en_classe = [m.rang for m in suite if "en_classe" in {x.value for x in m.mesure.modalites}]
    breve = next((m for m in reco.mesures if m.mesure.id == "consultation_breve"), None)
    if breve is not None and breve.presence.value == "present" and en_classe:
        assert breve.rang < min(en_classe)
    differee = any(
        e.mesure == "consultation_breve" and e.genre == "differee" for e in reco.ecartees
    )
    if differee and profil.ecole.mentor_dans_l_ecole is True:
        assert not en_classe, [m.mesure.id for m in suite]


@settings(max_examples=60, deadline=None)
@given(en_detresse_par_ordre())
def test_la_personne_mentore_presente_parmi_les_prioritaires(profil: Profil) -> None:
    reco = recommander(profil)
    # la personne mentore accompagne les personnes en insertion (hors insertion, elle ne porte rien)
    # ni après un mentorat, ou une autre mesure portée par elle, resté sans effet : on change
    # alors de personne (sans intervenant dit, c'est le premier de la mesure : docs/profil.md)
    catalogue = moteur_par_defaut().catalogue
    echec = any(
        r.mesure.startswith("mentorat")
        or (r.intervenant or catalogue.mesure(r.mesure).intervenants[0].acteur) == "mentor"
        for r in profil.mesures_recues
        if not r.efficace
    )
    if profil.ecole.mentor_dans_l_ecole is not True or reco.periode_insertion.value == "terminee":
        return
    if echec:
        return
    tete = reco.mesures[: reco.nb_prioritaires]
    assert "mentor" in {m.acteur.id for m in tete}, [(m.mesure.id, m.acteur.id) for m in tete]


def test_la_personne_mentore_est_evitee_seulement_si_sa_mesure_est_restee_sans_effet() -> None:
    """Trouvé par hypothesis sur un clone neuf : en FP, en détresse, une mesure individuelle
    reçue sans effet de la personne mentore (intervenant non dit : le premier de la mesure) fait
    porter le mentorat par une ou un pair ; reçue d'une autre personne, la mentore le porte."""
    profil = {
        "annees_experience": 0,
        "ordre": "formation_professionnelle",
        "statut": "suppleance",
        "signaux_de_detresse": True,
        "ecole": {presence: True for presence in PRESENCES},
    }

    def porteur(recue: dict[str, object]) -> str:
        reco = recommander({**profil, "mesures_recues": [recue]})
        return next(
            m.acteur.id for m in reco.prioritaires if m.mesure.id == "mentorat_par_les_pairs"
        )

    recue = {"mesure": "accompagnement_individuel", "efficace": False}
    assert porteur(recue) == "pair_experimente"
    assert porteur({**recue, "intervenant": "conseiller_pedagogique"}) == "mentor"


# --- Revue du second tour (point 5, reste ; point mineur 4) : la consultation brève d'une
# personne présente passe devant dans tous les ordres ; une même personne présente, une entrée.


@settings(max_examples=80, deadline=None)
@given(en_detresse_par_ordre())
def test_la_consultation_breve_passe_devant_dans_tous_les_ordres(profil: Profil) -> None:
    reco = recommander(profil)
    assert not any(
        e.mesure == "consultation_breve" and e.genre == "differee" for e in reco.ecartees
    ), [(m.mesure.id, m.prioritaire) for m in reco.mesures]
    breve = next((m for m in reco.mesures if m.mesure.id == "consultation_breve"), None)
    if breve is not None and breve.presence.value == "present":
        # parmi les prioritaires, ou la première des autres offres
        assert breve.rang <= reco.nb_prioritaires + 1, [m.mesure.id for m in reco.mesures]


@settings(max_examples=80, deadline=None)
@given(en_detresse_par_ordre())
def test_une_meme_personne_presente_une_entree_par_besoin(profil: Profil) -> None:
    reco = recommander(profil)
    besoins = {b.value for b in profil.besoins}
    individuelles = [
        (m.acteur.id, {b.value for b in m.mesure.besoins} & besoins, m.mesure.id)
        for m in reco.mesures
        if m.mesure.niveau.value == "individuel" and m.presence.value == "present"
    ]
    for i, (acteur, servis, mid) in enumerate(individuelles):
        for autre, servis_avant, avant in individuelles[:i]:
            assert not (autre == acteur and servis <= servis_avant), (avant, mid, acteur)
    for e in reco.ecartees:
        if e.genre == "regroupee" and "présente" in e.raison:
            assert e.raison.startswith("regroupée : la même personne, présente, porte déjà ")


def test_l_exemple_de_la_revue_en_fga_la_breve_passe_devant() -> None:
    """Le profil FGA du second tour : la consultation brève de la mentore présente n'attend plus,
    le soutien du professionnel présent est regroupé sous la personne neutre."""
    reco = recommander(
        {
            "annees_experience": 0,
            "ordre": "education_adultes",
            "signaux_de_detresse": True,
            "qualification": "non_legalement_qualifie",
            "besoins": {
                "bien_etre": "elevee",
                "charge_de_travail": "elevee",
                "evaluation": "elevee",
            },
            "ecole": {"mentor_dans_l_ecole": True, "professionnel": True},
        }
    )
    assert [(m.mesure.id, m.acteur.id) for m in reco.prioritaires] == [
        ("personne_neutre", "professionnel"),
        ("consultation_individuelle", "conseiller_pedagogique"),
        ("mentorat_par_les_pairs", "mentor"),
        ("accompagnement_individuel", "mentor"),
        ("consultation_breve", "mentor"),
    ]
    assert [m.mesure.id for m in reco.mesures[5:]] == ["accueil_css"]
    genres = {e.mesure: e.genre for e in reco.ecartees}
    assert genres["soutien_professionnel"] == "regroupee"
    assert genres["temps_planification_collegues"] == "differee"


def test_en_fp_la_breve_de_la_mentore_avant_une_offre_ciblee() -> None:
    """Le profil FP du second tour (V1) : plus de « Temps de planification entre collègues »
    gardé pendant que la consultation brève de la personne mentore présente attend."""
    profil = {
        "annees_experience": 1,
        "ordre": "formation_professionnelle",
        "signaux_de_detresse": True,
        "affectation": {"nouveau_dans_l_ecole": True},
        "besoins": {
            "bien_etre": "elevee",
            "gestion_de_classe": "elevee",
            "charge_de_travail": "elevee",
            "planification": "moderee",
        },
        "ecole": {"mentor_dans_l_ecole": True},
    }
    reco = recommander(profil)
    ids = [m.mesure.id for m in reco.mesures]
    assert "consultation_breve" in ids
    breve = reco.mesures[ids.index("consultation_breve")]
    assert breve.acteur.id == "mentor"
    assert all(m.rang > breve.rang for m in reco.mesures if m.mesure.niveau.value == "cible")


def test_la_breve_differee_prend_la_place_de_la_derniere_offre_deplacable() -> None:
    """Revue indépendante (tickets 18, 23) : la consultation brève différée prend la place de
    la DERNIÈRE offre déplaçable gardée (la moins bien classée), jamais d'une prioritaire."""
    d = SimpleNamespace(
        choix=SimpleNamespace(presence=Presence.PRESENT, intervenant=None, alternatives=())
    )
    ordre = ["neutre", "classe1", "classe2", "breve"]
    gardees, retirees = alleger(
        ordre,
        dict.fromkeys(ordre, cast(Decision, d)),
        {},
        maximum=3,
        quotidiennes=frozenset({"breve"}),
        deplacables=frozenset({"classe1", "classe2"}),
    )
    assert gardees == ["neutre", "classe1", "breve"]
    assert [(m, genre) for m, genre, _ in retirees] == [("classe2", "differee")]
