"""En période de détresse : au plus six offres, un seul professionnel à confirmer, un suivi.

Propriétés sur tous les profils en détresse (présences, besoins, ordres quelconques).
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Profil, recommander
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
    from recommandeur._programme.resume import resumer

    reco = recommander({"annees_experience": 1, "ordre": "primaire", "signaux_de_detresse": True})
    assert "suivi_de_la_personne" in {m.mesure.id for m in reco.actions_milieu}
    assert "suivi_de_la_personne" not in {a.mesure for a in resumer(reco).actions}
