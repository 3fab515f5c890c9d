"""Le journal de suivi : entrées, profil courant, revues dues, tableau, bilan, fautes."""

from __future__ import annotations

import copy
import os
import pickle
import sqlite3
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from recommandeur import (
    Arrivee,
    Debut,
    ErreurSuivi,
    Instantane,
    Intervalle,
    Journal,
    Profil,
    Revue,
    a_revoir,
    bilan_de_suivi,
    profil_courant,
    tableau_de_suivi,
)
from recommandeur._suivi import stockage
from recommandeur._suivi.entrees import Entree, entree
from recommandeur._vocabulaire import Besoin

D = date(2026, 9, 1)
PROFIL = {"annees_experience": 0, "ordre": "primaire", "besoins": {"gestion_de_classe": "elevee"}}


def _arrivee(j: Journal, p: str = "p-1", ecole: str = "ecole-a", le: date = D) -> None:
    j.ajouter({"genre": "arrivee", "personne": p, "date": le, "par": "cp", "ecole": ecole})
    j.ajouter({"genre": "instantane", "personne": p, "date": le, "par": "cp", "profil": PROFIL})


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal.ouvrir(tmp_path / "suivi.sqlite")
    _arrivee(j)
    yield j
    j.fermer()


def test_profil_courant_tire_des_mesures_et_des_revues(journal: Journal) -> None:
    journal.debuter("p-1", date(2026, 9, 15), "accompagnement_individuel", par="cp",
                    intervenant="conseiller_pedagogique", besoin="gestion_de_classe")  # fmt: skip
    journal.revue("p-1", date(2026, 11, 10), "accompagnement_individuel", "efficace", par="cp")
    p = journal.profil("p-1")
    assert p.besoins == {"gestion_de_classe": "moderee"}
    assert [(r.mesure, r.efficace, r.bilan) for r in p.mesures_recues] == [
        ("accompagnement_individuel", True, date(2026, 11, 10))
    ]
    avant = journal.profil("p-1", date(2026, 10, 1))
    assert avant.besoins == {"gestion_de_classe": "elevee"}
    assert [(r.mesure, r.bilan) for r in avant.mesures_recues] == [
        ("accompagnement_individuel", None)
    ]


def test_allegement_et_escalade_a_la_recommandation(journal: Journal) -> None:
    journal.debuter("p-1", date(2026, 9, 15), "accompagnement_individuel", par="cp",
                    besoin="gestion_de_classe")  # fmt: skip
    journal.revue("p-1", date(2026, 11, 14), "accompagnement_individuel", "efficace", par="cp")
    reco = journal.recommander("p-1", date(2026, 11, 20), par="cp")
    assert "allegement_gestion_de_classe_vers_cible" in reco.regles_declenchees
    assert "accompagnement_individuel" not in [m.mesure.id for m in reco.mesures]
    sous_groupe = next(m for m in reco.mesures if m.mesure.id == "accompagnement_sous_groupe")
    assert any("efficace au bilan du 14 novembre 2026" in m.texte for m in sous_groupe.motifs)
    faite = journal.historique("p-1")[-1]
    assert faite.genre == "recommandation" and "accompagnement_sous_groupe" in faite.offres
    journal.debuter("p-1", date(2026, 11, 21), "accompagnement_sous_groupe", par="cp",
                    besoin="gestion_de_classe")  # fmt: skip
    journal.revue("p-1", date(2027, 2, 1), "accompagnement_sous_groupe", "sans_effet", par="cp")
    reco = journal.recommander("p-1", date(2027, 2, 2), par="cp")
    assert "allegement_gestion_de_classe_vers_cible" not in reco.regles_declenchees
    assert [e.besoin for e in reco.escalades] == ["gestion_de_classe"]


def test_a_revoir_intervalle_et_retard(journal: Journal) -> None:
    journal.debuter("p-1", date(2026, 9, 15), "mentorat", par="cp")
    assert journal.a_revoir(date(2026, 10, 26)) == []  # 41 jours
    (due,) = journal.a_revoir(date(2026, 10, 27))  # 42 jours : six semaines
    assert (due.personne, due.mesure, due.jours, due.en_retard) == ("p-1", "mentorat", 42, False)
    (due,) = journal.a_revoir(date(2026, 11, 10))  # 56 jours : huit semaines, pas en retard
    assert not due.en_retard
    (due,) = journal.a_revoir(date(2026, 11, 11))  # 57 jours : plus de huit semaines
    assert due.en_retard
    journal.revue("p-1", date(2026, 11, 11), "mentorat", "partiel", par="cp")
    assert journal.a_revoir(date(2026, 11, 20)) == []
    assert [d.depuis for d in journal.a_revoir(date(2026, 12, 23))] == [date(2026, 11, 11)]
    journal.revue("p-1", date(2026, 12, 23), "mentorat", "efficace", par="cp")
    assert journal.a_revoir(date(2027, 6, 1)) == []  # jugée : plus de revue due
    assert journal.a_revoir(date(2026, 12, 1), Intervalle(jours=7, retard=10))[0].jours == 20


def test_detresse_confidentielle(journal: Journal) -> None:
    detresse = dict(PROFIL, signaux_de_detresse=True)
    journal.ajouter({"genre": "instantane", "personne": "p-1", "date": date(2026, 9, 2),
                     "par": "cp", "profil": detresse})  # fmt: skip
    journal.debuter("p-1", date(2026, 9, 3), "personne_neutre", par="cp")
    le = date(2026, 9, 30)
    (ligne,) = journal.tableau(le)
    assert ligne.detresse is None and "personne_neutre" not in ligne.mesures
    assert all("personne_neutre" not in c for c in ligne.changements)
    assert [d.motif for d in journal.a_revoir(le)] == ["suivi"]
    # demandé sans consentement : toujours tu
    assert journal.tableau(le, avec_detresse=True)[0].detresse is None
    journal.ajouter({"genre": "consentement", "personne": "p-1", "date": date(2026, 9, 4),
                     "par": "cp", "partage": True})  # fmt: skip
    assert journal.tableau(le)[0].detresse is None  # consentement sans demande : tu
    ouvert = journal.tableau(le, avec_detresse=True)[0]
    assert ouvert.detresse is True and ouvert.mesures == ("personne_neutre",)
    assert [d.motif for d in journal.a_revoir(le, avec_detresse=True)] == ["detresse"]
    assert bilan_de_suivi(journal.entrees(), D, le).revues == 0


def test_bilan_revue_a_temps_jusqu_a_huit_semaines(journal: Journal) -> None:
    journal.debuter("p-1", date(2026, 9, 10), "mentorat", par="cp")
    journal.revue("p-1", date(2026, 11, 5), "mentorat", "partiel", par="cp")  # 56 jours
    journal.revue("p-1", date(2027, 1, 1), "mentorat", "partiel", par="cp")  # 57 jours
    b = journal.bilan(date(2026, 8, 1), date(2027, 6, 30))
    assert (b.revues, b.revues_a_temps) == (2, 1)
    assert journal.bilan(date(2026, 12, 1), date(2027, 6, 30)).revues == 1


def test_offre_sensible_tue_dans_a_revoir(journal: Journal) -> None:
    journal.debuter("p-1", date(2026, 9, 3), "soutien_professionnel", par="cp")
    (due,) = journal.a_revoir(date(2026, 10, 30))
    assert (due.motif, due.mesure) == ("suivi", None)
    journal.ajouter({"genre": "consentement", "personne": "p-1", "date": date(2026, 9, 4),
                     "par": "cp", "partage": True})  # fmt: skip
    assert journal.a_revoir(date(2026, 10, 30))[0].mesure is None
    (due,) = journal.a_revoir(date(2026, 10, 30), avec_detresse=True)
    assert (due.motif, due.mesure) == ("revue", "soutien_professionnel")


@pytest.mark.parametrize(
    ("texte", "admise"),
    [("2000-02-29", True), ("2024-02-29", True), ("1900-02-29", False), ("2026-02-29", False),
     ("2026-04-31", False), ("2026-12-31", True), ("2100-01-01", False), ("26-11-20", False)],
)  # fmt: skip
def test_date_du_bilan_d_une_mesure_recue(texte: str, admise: bool) -> None:
    profil = {"annees_experience": 0, "ordre": "primaire",
              "mesures_recues": [{"mesure": "mentorat", "bilan": texte}]}  # fmt: skip
    if admise:
        assert Profil.model_validate(profil).mesures_recues[0].bilan == date.fromisoformat(texte)
    else:
        with pytest.raises(ValueError, match="AAAA-MM-JJ"):
            Profil.model_validate(profil)


def test_bilan_par_mesure_intervenant_ecole(journal: Journal) -> None:
    _arrivee(journal, "p-2", "ecole-b")
    journal.debuter("p-1", date(2026, 9, 10), "mentorat", par="cp", intervenant="mentor")
    journal.debuter("p-2", date(2026, 9, 10), "mentorat", par="cp", intervenant="mentor")
    journal.revue("p-1", date(2026, 10, 30), "mentorat", "efficace", par="cp", satisfaction=5)
    journal.revue("p-2", date(2026, 11, 30), "mentorat", "sans_effet", par="cp", satisfaction=2)
    b = journal.bilan(date(2026, 8, 1), date(2027, 6, 30))
    assert [(e.cle, e.efficace, e.sans_effet) for e in b.par_mesure] == [("mentorat", 1, 1)]
    assert [(e.cle, e.revues) for e in b.par_intervenant] == [("mentor", 2)]
    assert [(e.cle, e.efficace, e.sans_effet) for e in b.par_ecole] == [
        ("ecole-a", 1, 0),
        ("ecole-b", 0, 1),
    ]
    assert (b.revues, b.revues_a_temps, b.part_a_temps) == (2, 1, 0.5)
    assert (b.escalades, b.allegements, b.satisfaction, b.personnes) == (1, 1, 3.5, 2)


# --- fautes : une ErreurSuivi qui nomme entrée, champ, valeur, et rien d'écrit ---------------


@pytest.mark.parametrize(
    ("donnees", "champ", "valeur", "suggestion"),
    [
        ({"genre": "debut", "personne": "p-9", "date": "2026-09-10", "mesure": "mentorat"},
         "personne", "p-9", "vouliez-vous dire 'p-1' ?"),
        ({"genre": "debut", "personne": "p-1", "date": "2026-08-10", "mesure": "mentorat"},
         "date", "2026-08-10", "la première entrée de p-1 est du 2026-09-01"),
        ({"genre": "revue", "personne": "p-1", "date": "2026-10-10", "mesure": "mentorat",
          "effet": "efficace"}, "mesure", "mentorat", "débuter la mesure avant de la revoir"),
        ({"genre": "debut", "personne": "p-1", "date": "2026-09-10", "mesure": "mentora"},
         "mesure", "mentora", "vouliez-vous dire 'mentorat' ?"),
        ({"genre": "debut", "personne": "p-1", "date": "2026-09-10", "mesure": "mentorat",
          "intervenant": "mentr"}, "intervenant", "mentr", "vouliez-vous dire 'mentor' ?"),
        ({"genre": "revue", "personne": "p-1", "date": "2026-10-10", "mesure": "mentorat",
          "effet": "efficac"}, "effet", "efficac", None),
        ({"genre": "revu", "personne": "p-1", "date": "2026-10-10"}, "genre", None, "revue"),
    ],
)  # fmt: skip
def test_entree_fautive_rien_d_ecrit(
    journal: Journal, donnees: dict[str, object], champ: str, valeur: object, suggestion: str | None
) -> None:
    avant = journal._stockage.compter()
    with pytest.raises(ErreurSuivi) as e:
        journal.ajouter({"par": "cp", **donnees})
    assert e.value.champ == champ
    if valeur is not None:
        assert e.value.valeur == valeur
    if suggestion is not None:
        assert suggestion in (e.value.suggestion or "")
    assert str(e.value).startswith(("début de mesure de", "revue de", "entrée", "revu"))
    assert journal._stockage.compter() == avant


def test_importer_tout_ou_rien(journal: Journal) -> None:
    avant = journal._stockage.compter()
    bonnes = [{"genre": "debut", "personne": "p-1", "date": "2026-09-10", "par": "cp",
               "mesure": "mentorat"}] * 3  # fmt: skip
    fautive = {"genre": "revue", "personne": "p-1", "date": "2026-09-11", "par": "cp",
               "mesure": "webinaire", "effet": "efficace"}  # fmt: skip
    with pytest.raises(ErreurSuivi, match="jamais débutée"):
        journal.importer([*bonnes, fautive])
    assert journal._stockage.compter() == avant
    assert journal.importer(bonnes) == 3


def test_profil_personne_inconnue_ou_date_anterieure(journal: Journal) -> None:
    with pytest.raises(ErreurSuivi, match="personne inconnue") as e:
        journal.profil("p-2")
    assert e.value.suggestion == "vouliez-vous dire 'p-1' ?"
    with pytest.raises(ErreurSuivi, match="antérieure") as e:
        journal.profil("p-1", date(2026, 8, 1))
    assert e.value.champ == "a_la_date"


# --- fichiers --------------------------------------------------------------------------------


def test_fichier_pas_sqlite(tmp_path: Path) -> None:
    f = tmp_path / "x.sqlite"
    f.write_text("ceci n'est pas une base\n" * 100)
    with pytest.raises(ErreurSuivi, match="pas une base SQLite") as e:
        Journal.ouvrir(f)
    assert e.value.champ == "fichier" and e.value.valeur == str(f)


def test_fichier_tronque_ou_endommage(tmp_path: Path) -> None:
    f = tmp_path / "s.sqlite"
    with Journal.ouvrir(f) as j:
        for i in range(300):
            _arrivee(j, f"p-{i}")
    octets = f.read_bytes()
    tronque = tmp_path / "t.sqlite"
    tronque.write_bytes(octets[: len(octets) // 2])
    with pytest.raises(ErreurSuivi, match="endommagé"):
        Journal.ouvrir(tronque).entrees()
    abime = tmp_path / "a.sqlite"
    milieu = len(octets) // 2
    abime.write_bytes(octets[:milieu] + b"\xff" * 4096 + octets[milieu + 4096 :])
    with pytest.raises(ErreurSuivi, match=r"endommagé|pas une base"):
        Journal.ouvrir(abime).entrees()


def test_fichier_en_lecture_seule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "s.sqlite"
    Journal.ouvrir(f).fermer()
    f.chmod(0o444)
    if os.geteuid() == 0:  # root écrit partout : le droit est simulé
        monkeypatch.setattr(os, "access", lambda *_: False)
    try:
        with pytest.raises(ErreurSuivi, match="lecture seule"):
            Journal.ouvrir(f)
    finally:
        f.chmod(0o644)


def test_autre_base_et_version_plus_recente(tmp_path: Path) -> None:
    autre = tmp_path / "autre.sqlite"
    c = sqlite3.connect(autre)
    c.execute("CREATE TABLE t (x)")
    c.commit()
    c.close()
    with pytest.raises(ErreurSuivi, match="pas un journal de suivi"):
        Journal.ouvrir(autre)
    f = tmp_path / "s.sqlite"
    Journal.ouvrir(f).fermer()
    c = sqlite3.connect(f)
    c.execute(f"PRAGMA user_version = {stockage.VERSION + 1}")
    c.commit()
    c.close()
    with pytest.raises(ErreurSuivi, match="version plus récente") as e:
        Journal.ouvrir(f)
    assert e.value.suggestion == "mettre à jour recommandeur"


def test_migration_depuis_la_version_1(tmp_path: Path) -> None:
    f = tmp_path / "v1.sqlite"
    c = sqlite3.connect(f)
    for instruction in stockage.MIGRATIONS[1]:
        c.execute(instruction)
    c.execute(f"PRAGMA application_id = {stockage.APPLICATION_ID}")
    c.execute("PRAGMA user_version = 1")
    c.execute("INSERT INTO personne VALUES ('p-1', 'e')")
    a = Arrivee(personne="p-1", date=D, par="cp", ecole="e")
    c.execute("INSERT INTO entree(personne, date, genre, donnees) VALUES ('p-1', ?, 'arrivee', ?)",
              (D.isoformat(), a.model_dump_json()))  # fmt: skip
    c.commit()
    c.close()
    with Journal.ouvrir(f) as j:
        assert j._stockage.version() == stockage.VERSION == 2
        assert j.historique("p-1") == [a]
    c = sqlite3.connect(f)
    index = {n for (n,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    c.close()
    assert "entree_genre" in index


def test_effacer_ne_laisse_aucune_copie(tmp_path: Path) -> None:
    f = tmp_path / "s.sqlite"
    with Journal.ouvrir(f) as j:
        _arrivee(j, "secret-7391", "ecole-zq")
        _arrivee(j, "p-2")
        j.debuter("secret-7391", date(2026, 9, 5), "personne_neutre", par="cp")
        for i in range(60):  # assez pour occuper des pages entières, libérées à l'effacement
            j.revue("secret-7391", date(2026, 10, 1) + timedelta(i), "personne_neutre", "partiel",
                    par="cp", commentaire="confidentiel " * 30)  # fmt: skip
        assert j.effacer("secret-7391") == 63
        assert j.personnes() == ["p-2"]
        with pytest.raises(ErreurSuivi, match="personne inconnue"):
            j.historique("secret-7391")
        assert j._stockage._c.execute("PRAGMA freelist_count").fetchone()[0] == 0
        brut = f.read_bytes() + b"".join(
            p.read_bytes() for p in tmp_path.glob("s.sqlite-*") if p.is_file()
        )
    assert b"secret-7391" not in brut and b"ecole-zq" not in brut
    assert b"p-2" in brut


# --- propriétés des fonctions pures ---------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    debut=st.integers(0, 200),
    revues=st.lists(st.tuples(st.integers(1, 120), st.sampled_from(["efficace", "partiel",
                                                                    "sans_effet"])), max_size=4),
    jour=st.integers(0, 400),
)  # fmt: skip
def test_proprietes_a_revoir_et_profil(
    debut: int, revues: list[tuple[int, str]], jour: int
) -> None:
    es: list[object] = [
        Arrivee(personne="p", date=D, par="cp", ecole="e"),
        Instantane(personne="p", date=D, par="cp", profil=Profil.model_validate(PROFIL)),
        Debut(personne="p", date=D + timedelta(debut), par="cp", mesure="mentorat",
              besoin="gestion_de_classe"),
    ]  # fmt: skip
    quand = D + timedelta(debut)
    for ecart, effet in revues:
        quand += timedelta(ecart)
        es.append(Revue(personne="p", date=quand, par="cp", mesure="mentorat", effet=effet))
    le = D + timedelta(jour)
    dues = a_revoir(es, le)  # type: ignore[arg-type]
    suivies = [e for e in es if getattr(e, "date", le) <= le]
    derniere = [e for e in suivies if isinstance(e, Revue)]
    jugee = bool(derniere) and derniere[-1].effet in {"efficace", "sans_effet"}
    depuis = derniere[-1].date if derniere else D + timedelta(debut)
    attendue = le >= D + timedelta(debut) and not jugee and (le - depuis).days >= 42
    assert bool(dues) == attendue
    assert all(d.jours >= 42 and d.en_retard == (d.jours > 56) for d in dues)
    profil = profil_courant(es, le)  # type: ignore[arg-type]
    assert profil is not None
    assert len(profil.mesures_recues) == (1 if le >= D + timedelta(debut) else 0)
    # une revue ne fait jamais monter un besoin ; le besoin n'est jamais abandonné
    assert profil.besoins[Besoin("gestion_de_classe")].ordre <= 3
    assert "gestion_de_classe" in profil.besoins
    lignes = tableau_de_suivi(es, le)  # type: ignore[arg-type]
    assert [x.personne for x in lignes] == ["p"]


def test_sqlite3_n_est_importe_que_par_le_stockage() -> None:
    paquet = Path(__file__).resolve().parents[1] / "src" / "recommandeur"
    importeurs = sorted(
        f.relative_to(paquet).as_posix()
        for f in paquet.rglob("*.py")
        if any(
            ligne.strip() in ("import sqlite3",) or ligne.strip().startswith("from sqlite3")
            for ligne in f.read_text(encoding="utf-8").splitlines()
        )
    )
    assert importeurs == ["_suivi/stockage.py"]


def test_verrou_tenu_puis_rendu_ou_tenu_trop_longtemps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stockage, "ATTENTE_MS", 20)  # SQLite attend 20 ms, puis les essais bornés
    monkeypatch.setattr(stockage, "ESSAIS", 6)
    f = tmp_path / "s.sqlite"
    with Journal.ouvrir(f) as j:
        _arrivee(j)
        autre = sqlite3.connect(f, isolation_level=None, check_same_thread=False)
        autre.execute("BEGIN IMMEDIATE")  # un autre programme écrit
        rendu = threading.Timer(0.3, lambda: autre.execute("COMMIT"))
        rendu.start()
        j.debuter("p-1", date(2026, 9, 10), "mentorat", par="cp")  # attend, réessaie, écrit
        rendu.join()
        assert [e.genre for e in j.historique("p-1")][-1] == "debut"
        autre.execute("BEGIN IMMEDIATE")  # tenu plus longtemps que tous les essais
        try:
            with pytest.raises(ErreurSuivi, match="resté verrouillé") as e:
                j.debuter("p-1", date(2026, 9, 11), "mentorat", par="cp")
            assert "database is locked" not in str(e.value)
        finally:
            autre.execute("ROLLBACK")
            autre.close()
        assert len(j.historique("p-1")) == 3


def test_entrees_et_erreur_en_donnees() -> None:
    revue = Revue(personne="p-1", date=D, par="cp", mesure="mentorat", effet="partiel",
                  besoins={"gestion_de_classe": "moderee"}, satisfaction=3)  # fmt: skip
    simple = revue.model_copy(update={"besoins": None})  # Besoins se copie avec le ticket 22
    for copie in (pickle.loads(pickle.dumps(simple)), copy.deepcopy(simple)):
        assert copie == simple
    assert entree(revue.model_dump_json()) == revue
    schema = TypeAdapter(Entree).json_schema()
    jsonschema.Draft202012Validator(schema).validate(revue.model_dump(mode="json"))
    e = ErreurSuivi("revue de p-1", "mesure", "mentora", "vouliez-vous dire 'mentorat' ?",
                    "mesure inconnue du catalogue")  # fmt: skip
    relue = pickle.loads(pickle.dumps(e))
    assert (str(relue), relue.champ, relue.suggestion) == (str(e), "mesure", e.suggestion)
    donnees = e.to_dict()
    assert donnees["erreur"] == "ErreurSuivi"
    assert donnees["problemes"][0]["champ"] == "mesure"


@st.composite
def _annees(draw: st.DrawFn) -> list[object]:
    """Les entrées valides d'une année pour une à trois personnes, dans un ordre quelconque
    entre personnes (chaque personne : arrivée, profil, débuts puis revues)."""
    entrees: list[object] = []
    for k in range(draw(st.integers(1, 3))):
        p, debut = f"p-{k}", D + timedelta(draw(st.integers(0, 20)))
        entrees += [
            Arrivee(personne=p, date=debut, par="cp", ecole=draw(st.sampled_from("ab"))),
            Instantane(personne=p, date=debut, par="cp", profil=Profil.model_validate(
                dict(PROFIL, signaux_de_detresse=draw(st.booleans())))),
        ]  # fmt: skip
        for mesure in draw(st.lists(st.sampled_from(["mentorat", "webinaire"]), unique=True)):
            quand = debut + timedelta(draw(st.integers(0, 30)))
            entrees.append(Debut(personne=p, date=quand, par="cp", mesure=mesure))
            for ecart in draw(st.lists(st.integers(1, 90), max_size=3)):
                quand += timedelta(ecart)
                effet = draw(st.sampled_from(["efficace", "partiel", "sans_effet"]))
                entrees.append(Revue(personne=p, date=quand, par="cp", mesure=mesure, effet=effet))
    return entrees


@settings(max_examples=25, deadline=None)
@given(entrees=_annees(), jour=st.integers(0, 300))
def test_le_journal_repond_comme_les_fonctions_pures(entrees: list[object], jour: int) -> None:
    le = D + timedelta(jour)
    with Journal.ouvrir(":memory:") as j:
        j.importer(entrees)  # type: ignore[arg-type]
        relues = j.entrees()
        assert sorted(relues, key=repr) == sorted(entrees, key=repr)
        assert j.a_revoir(le) == a_revoir(entrees, le)  # type: ignore[arg-type]
        assert j.tableau(le) == tableau_de_suivi(entrees, le)  # type: ignore[arg-type]
        assert j.bilan(D, le) == bilan_de_suivi(entrees, D, le)  # type: ignore[arg-type]
