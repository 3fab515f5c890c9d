"""Les trois points « à corriger » de la revue du troisième tour (/work/signaux/18_revue.md).

A. Une raison propre à un intervenant (``pourquoi_par``) ne vaut que s'il est présent : jamais
   « Il doit être connu et présent » pour une personne mentore « à confirmer ».
B. Après un mentorat sans effet, la personne mentore du milieu qui l'offrait ne porte pas un autre
   mentorat et n'est pas proposée en « ou : » (ticket 18, point 7 : « another mentor »).
C. En FP et en FGA, ce qu'on rapporte d'une école du CSSPS reste « une école du CSSPS ».

Propriétés sur les ordres × les présences (personne mentore, professionnel : présent, absent,
non dit) × détresse, et les cas de la revue épinglés.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import moteur_par_defaut, recommander

from .textes_affiches import textes_d_une_recommandation

ORDRES = ["prescolaire", "primaire", "secondaire", "formation_professionnelle", "education_adultes"]
PRESENCES = st.sampled_from([True, False, None])


@st.composite
def profils(draw: st.DrawFn) -> dict[str, Any]:
    ecole = {
        champ: v
        for champ in ("mentor_dans_l_ecole", "professionnel", "conseiller_pedagogique")
        if (v := draw(PRESENCES)) is not None
    }
    besoins = draw(
        st.dictionaries(
            st.sampled_from(
                ["bien_etre", "gestion_de_classe", "charge_de_travail", "planification"]
            ),
            st.sampled_from(["moderee", "elevee"]),
            max_size=2,
        )
    )
    return {
        "annees_experience": draw(st.integers(0, 4)),
        "ordre": draw(st.sampled_from(ORDRES)),
        "signaux_de_detresse": draw(st.booleans()),
        "besoins": besoins,
        "ecole": ecole,
    }


@settings(max_examples=80, deadline=None)
@given(profils())
def test_a_une_raison_propre_a_l_intervenant_seulement_s_il_est_present(
    profil: dict[str, Any],
) -> None:
    reco = recommander(profil)
    for m in (*reco.mesures, *reco.actions_milieu):
        if m.presence.value == "present":
            continue
        for motif in m.motifs:
            for presence in ("connu et présent", "présent et connu"):
                assert presence not in motif.texte, (m.mesure.id, m.acteur.id, motif.texte)
            assert "La personne mentore du centre l'accompagne" not in motif.texte


@pytest.mark.parametrize("ordre", ["formation_professionnelle", "education_adultes"])
def test_a_le_cas_de_la_revue(ordre: str) -> None:
    reco = recommander({"annees_experience": 0, "ordre": ordre})
    pairs = next(m for m in reco.mesures if m.mesure.id == "mentorat_par_les_pairs")
    assert (pairs.acteur.id, pairs.presence.value) == ("mentor", "inconnue")
    assert "la personne mentore du centre si le centre en a une, sinon un pair expérimenté" in (
        pairs.motifs[0].texte.lower()
    )
    present = recommander(
        {"annees_experience": 0, "ordre": ordre, "ecole": {"mentor_dans_l_ecole": True}}
    )
    pairs = next(m for m in present.mesures if m.mesure.id == "mentorat_par_les_pairs")
    assert "La personne mentore du centre l'accompagne : « Le mentor doit" in pairs.motifs[0].texte


@settings(max_examples=80, deadline=None)
@given(
    profil=profils(),
    recue=st.sampled_from(["mentorat", "mentorat_par_les_pairs"]),
    intervenant=st.sampled_from(["mentor", None]),
)
def test_b_apres_un_mentorat_sans_effet_une_autre_personne(
    profil: dict[str, Any], recue: str, intervenant: str | None
) -> None:
    mesure = {"mesure": recue, "efficace": False} | (
        {"intervenant": intervenant} if intervenant else {}
    )
    reco = recommander({**profil, "mesures_recues": [mesure]})
    catalogue = moteur_par_defaut().catalogue
    for m in reco.mesures:
        if catalogue.mesure(m.mesure.id).mentorat:
            assert m.acteur.id != "mentor", (m.mesure.id, m.presence.value)
            assert "mentor" not in {a.id for a in m.alternatives}, m.mesure.id


def test_b_le_cas_de_la_revue() -> None:
    reco = recommander(
        {
            "annees_experience": 1,
            "ordre": "primaire",
            "ecole": {"mentor_dans_l_ecole": True},
            "mesures_recues": [{"mesure": "mentorat", "efficace": False, "intervenant": "mentor"}],
        }
    )
    pairs = next(m for m in reco.mesures if m.mesure.id == "mentorat_par_les_pairs")
    assert pairs.acteur.id == "pair_experimente"
    assert pairs.alternatives == []
    # la personne mentore reste possible pour ce qui n'est pas un mentorat
    breve = next(m for m in reco.mesures if m.mesure.id == "consultation_breve")
    assert "mentor" in {breve.acteur.id, *(a.id for a in breve.alternatives)}


@pytest.mark.parametrize("ordre", ["formation_professionnelle", "education_adultes"])
def test_c_ce_qu_on_rapporte_d_une_ecole_du_cssps_reste_une_ecole(ordre: str) -> None:
    reco = recommander(
        {
            "annees_experience": 1,
            "ordre": ordre,
            "affectation": {"partage_de_tache": True, "nb_ecoles": 2, "specialiste": True},
        }
    )
    textes = list(textes_d_une_recommandation(reco))
    assert not any("centre du CSSPS" in t for t in textes)
    outil = next(m for m in reco.actions_milieu if m.mesure.id == "outil_gestion_classe_ecole")
    assert "Dans une école du CSSPS, un outil de gestion de classe" in outil.justification
    assert "partagé ensuite au centre" in outil.justification
