"""Formation professionnelle et éducation des adultes : hors du dispositif de mentorat scolaire.

003 : le dispositif de mentorat visait « le primaire et le secondaire » ; « Le mentor doit être
issu du milieu. Il doit être connu et présent. » Propriétés sur tous les profils de ces ordres.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Profil, recommander
from recommandeur.testing import profils

SCOLAIRE = {"mentorat", "mentorat_autre_ecole"}


@st.composite
def hors_scolaire(draw: st.DrawFn) -> Profil:
    ordre = draw(st.sampled_from(["formation_professionnelle", "education_adultes"]))
    profil = draw(profils(ordre=ordre, mesures_recues=[]))
    ecole = profil.ecole.model_copy(
        update={
            "mentor_dans_l_ecole": draw(st.sampled_from([True, False, None])),
            "pedagogie_alternative": draw(st.booleans()),
        }
    )
    return profil.model_copy(update={"ecole": ecole})


@settings(max_examples=120, deadline=None)
@given(hors_scolaire())
def test_pas_de_mentorat_scolaire_et_le_mentor_present_d_abord(profil: Profil) -> None:
    reco = recommander(profil)
    assert not SCOLAIRE & {m.mesure.id for m in reco.mesures}
    assert "nommer_mentor" not in {m.mesure.id for m in reco.actions_milieu}
    pairs = [m for m in reco.mesures if m.mesure.id == "mentorat_par_les_pairs"]
    if profil.ecole.mentor_dans_l_ecole and pairs:
        assert pairs[0].acteur.id == "mentor" and pairs[0].presence.value == "present"
        assert "Mentorat" not in "".join(
            m.mesure.libelle for m in reco.mesures[: reco.mesures.index(pairs[0])]
        )


def test_centre_avec_mentor_present() -> None:
    reco = recommander(
        {
            "annees_experience": 0,
            "ordre": "education_adultes",
            "ecole": {"mentor_dans_l_ecole": True},
        }
    )
    m = next(m for m in reco.prioritaires if m.mesure.id == "mentorat_par_les_pairs")
    assert (m.acteur.id, m.presence.value) == ("mentor", "present")
    assert (
        "« Le mentor doit être issu du milieu. Il doit être connu et présent. »" in m.justification
    )
    ligne = reco.texte().split("Mentorat par un pair expérimenté\n")[1].splitlines()[0]
    assert "Personne mentore" in ligne and "à confirmer" not in ligne
