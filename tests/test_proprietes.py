"""Propriétés de la base livrée, sur des profils générés (``recommandeur.testing``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Besoin, Intensite, Niveau, Profil, Recommandation, couverture, recommander
from recommandeur.testing import profils

EN_INSERTION = st.integers(0, 6)


@settings(max_examples=150, deadline=None)
@given(profils(annees_experience=EN_INSERTION))
def test_toute_personne_en_insertion_recoit_une_mesure_universelle(profil: Profil) -> None:
    assert Niveau.UNIVERSEL in {m.mesure.niveau for m in recommander(profil).mesures}


def _individuelles_pour(reco: Recommandation, besoin: Besoin) -> set[str]:
    return {
        m.mesure.id
        for m in reco.mesures
        if m.mesure.niveau is Niveau.INDIVIDUEL and besoin in m.mesure.besoins
    }


@settings(max_examples=150, deadline=None)
@given(profils(), st.sampled_from(list(Besoin)))
def test_besoin_eleve_recoit_une_mesure_individuelle_ou_est_explique(
    profil: Profil, besoin: Besoin
) -> None:
    profil = profil.model_copy(update={"besoins": {**profil.besoins, besoin: Intensite.ELEVEE}})
    reco = recommander(profil)
    if _individuelles_pour(reco, besoin):
        return
    # sinon, l'analyse de couverture doit documenter pourquoi : lacune expliquée, ou mesures
    # individuelles écartées parce que déjà reçues sans effet
    cellule = couverture().cellule(besoin, Intensite.ELEVEE, Niveau.INDIVIDUEL)
    ecartees = {e.mesure for e in reco.ecartees}
    assert set(cellule.mesures) <= ecartees, (besoin, cellule.mesures)


@settings(max_examples=150, deadline=None)
@given(profils(), st.sampled_from(list(Besoin)))
def test_monter_l_intensite_ne_retire_pas_les_mesures_individuelles(
    profil: Profil, besoin: Besoin
) -> None:
    actuelle = profil.besoins.get(besoin)
    plus_haute = [i for i in Intensite if actuelle is None or i.ordre > actuelle.ordre]
    avant = _individuelles_pour(recommander(profil), besoin)
    for intensite in plus_haute:
        apres_profil = profil.model_copy(update={"besoins": {**profil.besoins, besoin: intensite}})
        assert avant <= _individuelles_pour(recommander(apres_profil), besoin)


@settings(max_examples=100, deadline=None)
@given(profils())
def test_aller_retour_json(profil: Profil) -> None:
    assert Profil.model_validate_json(profil.model_dump_json()) == profil
    reco = recommander(profil)
    assert Recommandation.model_validate_json(reco.model_dump_json()) == reco
