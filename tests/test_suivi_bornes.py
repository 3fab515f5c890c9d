"""Les bornes et les chemins que les mutants d'une revue indépendante (2026-12-03) ont trouvés
sans test : détresse vue il y a exactement l'intervalle, consentement retiré ou donné après un
refus, revue à temps comptée depuis la revue précédente, revue datée avant son début, importation
fautive après 500 entrées avec une barre de progression."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from recommandeur import ErreurSuivi, Journal

CP = "cp-1"
J0 = date(2026, 9, 1)


def _arrivee(j: Journal, personne: str = "p1", detresse: bool = False) -> None:
    j.ajouter({"genre": "arrivee", "personne": personne, "date": J0, "par": CP, "ecole": "e1"})
    profil: dict[str, Any] = {"annees_experience": 1, "ordre": "primaire"}
    if detresse:
        profil["signaux_de_detresse"] = True
    j.ajouter(
        {"genre": "instantane", "personne": personne, "date": J0, "par": CP, "profil": profil}
    )


def test_detresse_due_le_jour_meme_de_l_intervalle() -> None:
    with Journal.ouvrir(":memory:") as j:
        _arrivee(j, detresse=True)
        assert [e.motif for e in j.a_revoir(J0 + timedelta(days=13))] == []
        dues = j.a_revoir(J0 + timedelta(days=14))
        assert [(e.motif, e.mesure, e.jours) for e in dues] == [("suivi", None, 14)]


@pytest.mark.parametrize("consentements", [[], [False], [True, False]])
def test_sans_consentement_valable_la_detresse_reste_confidentielle(
    consentements: list[bool],
) -> None:
    with Journal.ouvrir(":memory:") as j:
        _arrivee(j, detresse=True)
        for rang, partage in enumerate(consentements):
            j.ajouter({"genre": "consentement", "personne": "p1", "par": CP,
                       "date": J0 + timedelta(days=rang), "partage": partage})  # fmt: skip
        j.debuter(
            "p1", J0 + timedelta(days=2), "personne_neutre", par=CP, intervenant="professionnel"
        )
        le = J0 + timedelta(days=60)
        dues = j.a_revoir(le, avec_detresse=True)
        assert dues and all((e.motif, e.mesure) == ("suivi", None) for e in dues)
        ligne = j.tableau(le, avec_detresse=True)[0]
        assert ligne.detresse is None
        assert "personne_neutre" not in ligne.model_dump_json()


def test_consentement_donne_apres_un_refus_vaut() -> None:
    with Journal.ouvrir(":memory:") as j:
        _arrivee(j, detresse=True)
        j.ajouter(
            {"genre": "consentement", "personne": "p1", "date": J0, "par": CP, "partage": False}
        )
        j.ajouter({"genre": "consentement", "personne": "p1", "date": J0 + timedelta(days=1),
                   "par": CP, "partage": True})  # fmt: skip
        dues = j.a_revoir(J0 + timedelta(days=30), avec_detresse=True)
        assert [e.motif for e in dues] == ["detresse"]
        assert j.tableau(J0 + timedelta(days=30), avec_detresse=True)[0].detresse is True


def test_une_revue_a_temps_se_compte_depuis_la_revue_precedente() -> None:
    with Journal.ouvrir(":memory:") as j:
        _arrivee(j)
        j.debuter("p1", J0, "mentorat", par=CP, intervenant="mentor")
        j.revue("p1", J0 + timedelta(days=42), "mentorat", "partiel", par=CP)
        j.revue("p1", J0 + timedelta(days=84), "mentorat", "partiel", par=CP)
        b = j.bilan(J0, J0 + timedelta(days=200))
        assert (b.revues, b.revues_a_temps) == (2, 2)


def test_une_revue_datee_avant_le_debut_de_sa_mesure_est_refusee() -> None:
    with Journal.ouvrir(":memory:") as j:
        _arrivee(j)
        j.debuter("p1", date(2026, 10, 1), "mentorat", par=CP, intervenant="mentor")
        avant = len(j.historique("p1"))
        with pytest.raises(ErreurSuivi) as erreur:
            j.revue("p1", date(2026, 9, 20), "mentorat", "efficace", par=CP)
        assert erreur.value.champ == "mesure"
        assert len(j.historique("p1")) == avant


def test_importation_fautive_apres_500_entrees_n_ecrit_rien_meme_avec_progression() -> None:
    entrees: list[dict[str, Any]] = [
        {"genre": "arrivee", "personne": f"p{i}", "date": J0, "par": CP, "ecole": "e1"}
        for i in range(600)
    ]
    entrees[550] = {"genre": "revue", "personne": "p1", "date": J0, "par": CP,
                    "mesure": "mentorat", "effet": "efficace"}  # fmt: skip
    vues: list[int] = []
    with Journal.ouvrir(":memory:") as j:
        with pytest.raises(ErreurSuivi):
            j.importer(entrees, progression=vues.append)
        assert j.personnes() == []
