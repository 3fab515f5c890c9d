"""Les bornes et les chemins que les mutants d'une revue indépendante (2026-12-03) ont trouvés
sans test : détresse vue il y a exactement l'intervalle, consentement retiré ou donné après un
refus, revue à temps comptée depuis la revue précédente, revue datée avant son début, importation
fautive après 500 entrées avec une barre de progression."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import ErreurSuivi, Journal, moteur_par_defaut

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


# --- les survivants de la revue indépendante du 2026-12-04 (ticket 21) --------------------


@pytest.mark.parametrize(
    ("effet", "bilan", "allegement"),
    [("partiel", None, None), ("efficace", 70, "vers_cible"), ("sans_effet", 70, None)],
)
def test_seule_une_revue_qui_juge_date_un_bilan(
    effet: str, bilan: int | None, allegement: str | None
) -> None:
    """Une revue « partiel » ne date pas de bilan : la mesure se poursuit, rien ne s'allège ;
    « efficace » ou « sans effet » la jugent (et seul « efficace » allège le besoin)."""
    with Journal.ouvrir(":memory:") as j:
        _arrivee(j)
        j.debuter("p1", J0 + timedelta(days=10), "accompagnement_individuel", par=CP,
                  intervenant="conseiller_pedagogique", besoin="gestion_de_classe")  # fmt: skip
        j.revue("p1", J0 + timedelta(days=70), "accompagnement_individuel", effet, par=CP)
        profil = j.profil("p1")
    recue = profil.mesures_recues[-1]
    attendu = None if bilan is None else J0 + timedelta(days=bilan)
    assert (recue.mesure, recue.bilan) == ("accompagnement_individuel", attendu)
    fait = moteur_par_defaut().fait(profil)
    assert fait.get("allegement.gestion_de_classe") == allegement
    if effet == "partiel":
        assert not [c for c in fait if c.startswith(("allegement.", "bilan_efficace."))]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["e1", "e2", "e3"]), min_size=1, max_size=4))
def test_l_ecole_est_celle_de_la_derniere_arrivee(ecoles: list[str]) -> None:
    """Une personne qui change d'école est suivie dans la dernière : tableau, échéances, bilan."""
    with Journal.ouvrir(":memory:") as j:
        for rang, ecole in enumerate(ecoles):
            j.ajouter({"genre": "arrivee", "personne": "p1", "par": CP, "ecole": ecole,
                       "date": J0 + timedelta(days=rang)})  # fmt: skip
        j.ajouter({"genre": "instantane", "personne": "p1", "date": J0, "par": CP,
                   "profil": {"annees_experience": 1, "ordre": "primaire"}})  # fmt: skip
        j.debuter("p1", J0 + timedelta(days=5), "mentorat", par=CP, intervenant="mentor")
        j.revue("p1", J0 + timedelta(days=40), "mentorat", "efficace", par=CP)
        j.debuter("p1", J0 + timedelta(days=41), "accompagnement_sous_groupe", par=CP)
        le = J0 + timedelta(days=100)
        assert [x.ecole for x in j.tableau(le)] == [ecoles[-1]]
        assert [x.ecole for x in j.a_revoir(le)] == [ecoles[-1]]
        assert [e.cle for e in j.bilan(J0, le).par_ecole] == [ecoles[-1]]


def test_deux_arrivees_la_seconde_fait_foi() -> None:
    with Journal.ouvrir(":memory:") as j:
        j.ajouter({"genre": "arrivee", "personne": "p1", "date": J0, "par": CP, "ecole": "a"})
        j.ajouter({"genre": "instantane", "personne": "p1", "date": J0, "par": CP,
                   "profil": {"annees_experience": 1, "ordre": "primaire"}})  # fmt: skip
        j.ajouter({"genre": "arrivee", "personne": "p1", "par": CP, "ecole": "b",
                   "date": J0 + timedelta(days=20)})  # fmt: skip
        j.debuter("p1", J0 + timedelta(days=21), "mentorat", par=CP, intervenant="mentor")
        le = J0 + timedelta(days=70)
        assert j.tableau(le)[0].ecole == "b"
        assert [(d.ecole, d.mesure) for d in j.a_revoir(le)] == [("b", "mentorat")]


_SENSIBLES = ("personne_neutre", "soutien_professionnel")


@settings(max_examples=40, deadline=None)
@given(
    consentements=st.lists(st.booleans(), max_size=3),
    debut=st.integers(1, 30),
    apres=st.integers(0, 40),
    avec_detresse=st.booleans(),
    sensible=st.sampled_from(_SENSIBLES),
)
def test_une_offre_sensible_n_est_dite_qu_avec_demande_et_consentement(
    consentements: list[bool], debut: int, apres: int, avec_detresse: bool, sensible: str
) -> None:
    """Quelles que soient les dates : la ligne du tableau (mesures, échéances, changements) ne
    nomme une offre qui révèle la détresse que si on le demande et que le dernier consentement
    l'autorise ; alors, son début récent paraît dans les changements."""
    with Journal.ouvrir(":memory:") as j:
        _arrivee(j, detresse=True)
        for rang, partage in enumerate(consentements):
            j.ajouter({"genre": "consentement", "personne": "p1", "par": CP,
                       "date": J0 + timedelta(days=rang), "partage": partage})  # fmt: skip
        j.debuter("p1", J0 + timedelta(days=debut), sensible, par=CP)
        j.debuter("p1", J0 + timedelta(days=debut), "mentorat", par=CP, intervenant="mentor")
        le = J0 + timedelta(days=debut + apres)
        (ligne,) = j.tableau(le, avec_detresse=avec_detresse)
    montre = avec_detresse and bool(consentements) and consentements[-1]
    assert (sensible in ligne.model_dump_json()) == montre
    recents = [c for c in ligne.changements if c.startswith("débutée")]
    attendu = [f"débutée : {sensible}"] if montre else []
    assert recents == [*attendu, "débutée : mentorat"]


def test_changements_sans_consentement_malgre_la_demande() -> None:
    """Le cas de la revue : ``avec_detresse=True`` sans consentement, la personne neutre
    débutée il y a 10 jours ne paraît pas dans les changements."""
    with Journal.ouvrir(":memory:") as j:
        _arrivee(j, detresse=True)
        j.debuter("p1", J0 + timedelta(days=5), "personne_neutre", par=CP)
        (ligne,) = j.tableau(J0 + timedelta(days=15), avec_detresse=True)
    assert ligne.changements == ()
    assert ligne.detresse is None


@pytest.mark.parametrize(
    ("jour", "comptee"), [(-1, False), (0, True), (1, True), (29, True), (30, True), (31, False)]
)
def test_le_bilan_compte_les_revues_du_debut_a_la_fin_comprises(jour: int, comptee: bool) -> None:
    """Le bilan d'une période de 30 jours : une revue du premier jour ou du dernier compte."""
    debut = J0 + timedelta(days=20)
    with Journal.ouvrir(":memory:") as j:
        _arrivee(j)
        j.debuter("p1", J0, "mentorat", par=CP, intervenant="mentor")
        j.revue("p1", debut + timedelta(days=jour), "mentorat", "partiel", par=CP)
        b = j.bilan(debut, debut + timedelta(days=30))
    assert b.revues == int(comptee)
