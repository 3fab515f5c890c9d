"""Le plan d'un centre sur des effectifs minuscules faits à la main : chiffres exacts.

``tests/donnees/effectifs`` : 3 écoles (A : 20 enseignants, 1 mentor, 2 bâtiments ; B : 10
enseignants, aucun mentor ; C : taille et mentors inconnus) et 5 personnes. Les décomptes
attendus ci-dessous sont comptés à la main dans les deux fichiers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import ErreurArgument, ErreurMoteur, Moteur, Niveau, Plan, planifier
from recommandeur._cli.commande import main
from recommandeur._programme.sorties.rapport import schema_du_plan

EFFECTIFS = Path(__file__).parent / "donnees" / "effectifs"
ENSEIGNANTS, ECOLES = EFFECTIFS / "enseignants.csv", EFFECTIFS / "ecoles.csv"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return planifier(ENSEIGNANTS, ECOLES)


def test_portrait_compte_a_la_main(plan: Plan) -> None:
    p = plan.portrait
    assert (p.nb_enseignants, p.nb_en_insertion, p.nb_ecoles) == (5, 5, 3)
    assert p.par_annees_au_quebec == {
        "0": 1,
        "1": 1,
        "2": 1,
        "3": 1,
        "4": 0,
        "5": 0,
        "6": 1,
        "7 et plus": 0,
    }  # t3 : 8 ans d'expérience, dont 3 au Québec
    assert p.par_periode == {"en_cours": 4, "fin_de_periode": 1, "terminee": 0}
    assert p.par_qualification == {
        "legalement_qualifie": 3,
        "en_voie_de_qualification": 1,
        "non_legalement_qualifie": 1,
    }
    assert p.par_statut == {"suppleance": 1, "contrat": 3, "permanent": 1}
    assert (p.par_ordre["primaire"], p.par_ordre["secondaire"]) == (4, 1)
    assert (p.affectations["partage_de_tache"], p.affectations["plusieurs_ecoles"]) == (1, 1)
    # la détresse est confidentielle : comptée seulement à la demande
    assert (p.formation_hors_quebec, p.signaux_de_detresse) == (1, None)
    montre = planifier(ENSEIGNANTS, ECOLES, inclure_confidentiel=True).portrait
    assert montre.signaux_de_detresse == 1
    assert p.besoins["gestion_de_classe"] == {"faible": 0, "moderee": 2, "elevee": 1}
    assert p.besoins["bien_etre"] == {"faible": 0, "moderee": 0, "elevee": 1}
    # A : t1, t2, t3 ont 5 ans et moins au Québec sur 20 ; B : t4 sur 10 ; C : taille inconnue
    assert [
        (e.ecole, e.nb_en_insertion, e.part_novices, e.origine_part_novices) for e in p.ecoles
    ] == [
        ("A", 3, 0.15, "calculee"),
        ("B", 1, 0.1, "calculee"),
        ("C", 1, None, None),
    ]
    assert [(t.tranche, t.nb_ecoles) for t in p.ecoles_par_part] == [
        ("10 à 20 %", 2),
        ("inconnue", 1),
    ]


def test_une_part_donnee_l_emporte_sur_la_part_calculee(tmp_path: Path) -> None:
    ecoles = tmp_path / "ecoles.csv"
    texte = "ecole,nom,nb_enseignants,part_novices\nA,École A,20,45 %\nB,École B,10,\nC,École C,,\n"
    ecoles.write_text(texte, "utf-8")
    plan = planifier(ENSEIGNANTS, ecoles)
    assert [(e.part_novices, e.origine_part_novices) for e in plan.portrait.ecoles] == [
        (0.45, "donnee"),
        (0.1, "calculee"),
        (None, None),
    ]


def test_offres_groupees(plan: Plan) -> None:
    groupes = {(g.mesure, g.besoin, g.ecole): (g.acteur, g.membres) for g in plan.groupes}
    # t2 a reçu l'accompagnement en sous-groupe sans effet : il n'est pas redonné dans le groupe
    assert groupes[("accompagnement_sous_groupe", "gestion_de_classe", None)] == (
        "conseiller_pedagogique",
        ["t1", "t3"],
    )
    assert groupes[("cap", None, "A")] == ("equipe_ecole", ["t1", "t2", "t3"])
    # une offre qu'une seule personne d'une école reçoit reste individuelle
    assert all(len(g.membres) >= 2 for g in plan.groupes)


def test_sous_groupes_de_taille_bornee() -> None:
    plan = planifier(ENSEIGNANTS, ECOLES, taille_max_groupe=1)
    # une offre ciblée (un sous-groupe) est répartie ; une offre universelle réunit son groupe
    sous_groupes = [g.membres for g in plan.groupes if g.mesure == "accompagnement_sous_groupe"]
    assert sous_groupes == [["t1"], ["t3"]]
    assert [g.membres for g in plan.groupes if g.mesure == "cap"] == [["t1", "t2", "t3"]]


def test_les_charges_additionnent_les_offres(plan: Plan) -> None:
    offres = sum(t.nb_offres for t in plan.enseignants)
    assert offres == sum(c.offres_individuelles + c.places_en_groupe for c in plan.charges)
    places = {g.id: len(g.membres) for g in plan.groupes}
    for c in plan.charges:
        assert c.places_en_groupe == sum(places[g] for g in c.groupes)
    mentor_a = next(c for c in plan.charges if (c.acteur, c.ecole) == ("mentor", "A"))
    assert mentor_a.enseignants == ["t1", "t2", "t3"]


def test_plan_par_ecole_et_alertes(plan: Plan) -> None:
    a, b, _ = plan.ecoles
    assert "rencontre_titulaires_partage_de_tache" in [x.mesure for x in a.actions]  # t2
    etapes = [e.etape for e in a.deploiement]
    assert etapes[0].startswith("Rencontre de mentorat avec la direction et les personnes mentores")
    assert "Rencontre d'équipe : titulaires et personnes ayant un partage de tâche" in etapes
    responsables = {e.etape: e.responsable for e in a.deploiement}
    assert responsables[
        "Rencontre d'équipe : titulaires et personnes ayant un partage de tâche"
    ] == ("Direction d'établissement et Personne mentore de l'école")
    assert [(x.genre, x.ecole) for x in a.alertes] == [("batiments", "A")]
    assert "« Un mentor par bâtisse est essentiel. »" in a.alertes[0].message
    assert "« intervienne dans nos deux bâtiments »" in a.alertes[0].message
    assert b.alertes[0].genre == "sans_mentor"
    assert b.alertes[0].message.startswith(
        "aucune personne mentore dans l'école pour 1 personne(s)"
    )
    assert [x.mesure for x in b.actions] == ["nommer_mentor"]
    nommer = next(e for e in b.deploiement if e.mesure == "nommer_mentor")
    assert (nommer.responsable, nommer.quand) == (
        "Service des ressources humaines et Direction d'établissement",
        "avril et mai, pour l'année suivante",
    )
    assert (plan.alertes[-1].genre, plan.alertes[-1].ecole) == ("a_confirmer", None)


def test_bilan(plan: Plan) -> None:
    assert [(b.mesure, b.ecole, b.avec_effet, b.sans_effet) for b in plan.bilan.par_ecole] == [
        ("accompagnement_sous_groupe", "A", 0, 1),
        ("mentorat", "B", 1, 0),
    ]
    assert plan.bilan.besoins_escalades == 1


def test_le_json_suit_son_schema(plan: Plan, tmp_path: Path) -> None:
    chemin = plan.ecrire_json(tmp_path / "plan.json")
    donnees = json.loads(chemin.read_text("utf-8"))
    jsonschema.Draft202012Validator(schema_du_plan()).validate(donnees)
    assert Plan.model_validate(donnees) == plan


def test_les_csv(plan: Plan, tmp_path: Path) -> None:
    fichiers = {f.name: f for f in plan.ecrire_csv(tmp_path)}
    assert set(fichiers) >= {"ecoles.csv", "groupes.csv", "charges.csv", "deploiement.csv"}
    lignes = fichiers["ecoles.csv"].read_text("utf-8-sig").splitlines()
    assert lignes[0] == (
        "ecole;nom;nb_enseignants;nb_dans_les_effectifs;nb_en_insertion;part_novices;"
        "origine_part_novices;part_cinq_ans_et_moins;mentors"
    )
    assert lignes[1] == "A;École A;20;3;3;0,15;calculee;0,15;1"


def test_la_surcouche_change_le_plan() -> None:
    moteur = Moteur.depuis(surcouche=Path(__file__).parent.parent / "exemples" / "surcouche_centre")
    plan = planifier(ENSEIGNANTS, ECOLES, moteur=moteur)
    assert plan.version_regles.endswith("+css-exemples-2026")
    mentor_a = next(c for c in plan.charges if (c.acteur, c.ecole) == ("mentor", "A"))
    individuels = [
        t.enseignant for t in plan.enseignants if "accompagnement_individuel" in t.prioritaires
    ]
    assert individuels == ["t2", "t3"]  # besoin élevé en gestion de classe (t2 : par escalade)
    # heures du centre : mentorat 36 h × 3 personnes, accompagnement individuel 10 h × 2 ;
    # heures du catalogue (catalogue/capacite.toml) : consultation brève 6 h × 3, visite de
    # classe d'un pair 3 h × 2, vidéoscopie 4 h × 2 (l'aide-mémoire, sans heures, ne compte pas)
    assert mentor_a.heures == 3 * 36.0 + 2 * 10.0 + 3 * 6.0 + 2 * 3.0 + 2 * 4.0


#: Assez de lignes pour que planifier(processus=2) démarre un processus de calcul.
_INTENSITES = ["faible", "moderee", "elevee"]
_BESOINS = ["planification", "evaluation", "numerique", "bien_etre", "differenciation"]
#: 2 400 profils tous distincts : 6 années × 400 combinaisons de besoins et d'arrivée.
GRAND = [
    {
        "enseignant": f"p{i}",
        "ecole": "A" if i % 2 else "B",
        "annees_experience": i % 6,
        "ordre": "primaire",
        **{f"besoin_{b}": _INTENSITES[(i // 6 // 3**k) % 3] for k, b in enumerate(_BESOINS)},
        "nouveau_dans_l_ecole": (i // 6) >= 243,
    }
    for i in range(2400)
]
GRANDES_ECOLES = [
    {"ecole": "A", "nom": "A", "nb_enseignants": 3000, "mentors": 3},
    {"ecole": "B", "nom": "B", "nb_enseignants": 3000, "mentors": 0},
]


@pytest.fixture
def lots_rendus(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Un processus de calcul dès 1 000 profils, attendu à chaque tour : les lots qu'il rend."""
    from . import aide_lot

    return aide_lot.attendre_les_processus(monkeypatch)


def test_meme_plan_en_deux_processus(lots_rendus: list[int]) -> None:
    assert len({json.dumps({**t, "enseignant": ""}, sort_keys=True) for t in GRAND}) == 2400
    assert planifier(GRAND, GRANDES_ECOLES, processus=2) == planifier(GRAND, GRANDES_ECOLES)
    assert lots_rendus  # des résumés calculés par le processus de calcul


def test_deux_processus_servent_le_moteur_donne_pas_ses_dossiers(lots_rendus: list[int]) -> None:
    # un moteur construit directement n'a pas de dossiers : le processus de calcul le reçoit
    base = Moteur.depuis()
    construit = Moteur(base.catalogue, base.base)
    assert planifier(GRAND, GRANDES_ECOLES, processus=2, moteur=construit) == planifier(
        GRAND, GRANDES_ECOLES
    )
    assert lots_rendus


def test_une_erreur_dans_un_processus_de_calcul_remonte(
    monkeypatch: pytest.MonkeyPatch, lots_rendus: list[int]
) -> None:
    import recommandeur._programme.calcul.parallele as parallele

    monkeypatch.setattr(parallele, "vers_json", lambda moteur: '{"evaluateur": "durable"}')
    with pytest.raises(ErreurMoteur) as info:
        planifier(GRAND, GRANDES_ECOLES, processus=2)
    assert str(info.value) == (
        "moteur de règles : un processus de calcul a échoué : KeyError: 'regles'"
    )


def test_un_processus_de_calcul_qui_meurt(
    monkeypatch: pytest.MonkeyPatch, lots_rendus: list[int]
) -> None:
    import recommandeur._programme.calcul.parallele as parallele

    from . import aide_lot

    monkeypatch.setattr(parallele, "_resumer", aide_lot.mourir)
    with pytest.raises(ErreurMoteur, match="un processus de calcul s'est arrêté brutalement"):
        planifier(GRAND, GRANDES_ECOLES, processus=2)


def test_arguments_refuses() -> None:
    with pytest.raises(ErreurArgument, match="taille_max_groupe"):
        planifier(ENSEIGNANTS, ECOLES, taille_max_groupe=0)
    with pytest.raises(ErreurArgument, match="progression"):
        planifier(ENSEIGNANTS, ECOLES, progression="oui")  # type: ignore[arg-type]


def test_la_progression_est_appelee_jusqu_au_bout() -> None:
    vus: list[tuple[int, int]] = []
    planifier(ENSEIGNANTS, ECOLES, progression=lambda faits, total: vus.append((faits, total)))
    assert vus[-1] == (5, 5)


def test_la_progression_compte_les_profils_distincts(tmp_path: Path) -> None:
    """Deux personnes de même profil ne sont calculées qu'une fois : la barre le dit (le total est
    le nombre de profils distincts, pas de personnes), et elle arrive au bout."""
    lignes = ENSEIGNANTS.read_text(encoding="utf-8").splitlines()
    t1 = next(ligne for ligne in lignes if ligne.startswith("t1,"))
    doubles = [t1.replace("t1,", f"{nom},", 1) for nom in ("t6", "t7")]
    fichier = tmp_path / "enseignants.csv"
    fichier.write_text("\n".join([*lignes, *doubles]) + "\n", encoding="utf-8")
    vus: list[tuple[int, int]] = []
    plan = planifier(fichier, ECOLES, progression=lambda faits, total: vus.append((faits, total)))
    assert len(plan.enseignants) == 7
    assert vus[-1] == (5, 5)
    assert {total for _, total in vus} == {5}


def test_la_commande_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html, js, dossier = tmp_path / "plan.html", tmp_path / "plan.json", tmp_path / "csv"
    code = main(
        [
            "plan",
            str(ENSEIGNANTS),
            "--ecoles",
            str(ECOLES),
            "--html",
            str(html),
            "--json",
            str(js),
            "--csv",
            str(dossier),
        ]
    )
    assert code == 0
    sortie = capsys.readouterr().out
    assert sortie.startswith(
        "Plan : 5 personne(s) en insertion (sur 5 dans les effectifs), 3 école(s)"
    )
    assert html.read_text("utf-8").startswith("<!doctype html>")
    assert json.loads(js.read_text("utf-8"))["portrait"]["nb_enseignants"] == 5
    # les 8 du plan, et la capacité : capacite.csv, couts.csv (sans --mentors : pas de paires)
    assert len(list(dossier.glob("*.csv"))) == 10


ANNEES = st.integers(0, 9)
INTENSITES = st.sampled_from(["", "faible", "moderee", "elevee"])


@st.composite
def effectifs(draw: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    n_ecoles = draw(st.integers(1, 4))
    ecoles = [
        {
            "ecole": f"E{i}",
            "nom": f"E{i}",
            "nb_enseignants": 40,
            "mentors": draw(st.sampled_from(["", 0, 1, 2])),
        }
        for i in range(n_ecoles)
    ]
    profs = []
    for i in range(draw(st.integers(1, 25))):
        ligne = {
            "enseignant": f"t{i}",
            "ecole": f"E{draw(st.integers(0, n_ecoles - 1))}",
            "annees_experience": draw(ANNEES),
            "ordre": draw(st.sampled_from(["primaire", "secondaire"])),
            "besoin_gestion_de_classe": draw(INTENSITES),
            "besoin_bien_etre": draw(INTENSITES),
            "partage_de_tache": draw(st.booleans()),
        }
        profs.append({k: v for k, v in ligne.items() if v != ""})
    return profs, [{k: v for k, v in e.items() if v != ""} for e in ecoles]


@settings(max_examples=40, deadline=None, database=None)
@given(effectifs(), st.integers(2, 6))
def test_proprietes_des_groupes_et_des_charges(donnees: Any, taille: int) -> None:
    profs, ecoles = donnees
    plan = planifier(profs, ecoles, taille_max_groupe=taille)
    ecole_de = {p["enseignant"]: p["ecole"] for p in profs}
    vus: set[tuple[str, str]] = set()
    for g in plan.groupes:
        assert len(g.membres) >= 1
        if g.niveau is Niveau.CIBLE:  # un sous-groupe ; une offre universelle réunit tout
            assert len(g.membres) <= taille
        if g.ecole is not None:
            assert {ecole_de[m] for m in g.membres} == {g.ecole}
        for m in g.membres:
            assert (m, g.mesure) not in vus  # une personne est dans un seul groupe par offre
            vus.add((m, g.mesure))
    total = sum(t.nb_offres for t in plan.enseignants)
    assert total == sum(c.offres_individuelles + c.places_en_groupe for c in plan.charges)
    assert sum(e.nb_dans_les_effectifs for e in plan.portrait.ecoles) == len(profs)


def test_la_commande_plan_verifie_seulement(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", str(ENSEIGNANTS), "--ecoles", str(ECOLES), "--verifier"]) == 0
    assert capsys.readouterr().out == "Effectifs valides : 5 personne(s), 3 école(s).\n"


def test_la_commande_dit_tous_les_problemes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    enseignants = tmp_path / "e.csv"
    enseignants.write_text(
        "enseignant,ecole,annees_experience,ordre\n"
        + "".join(f"t{i},A,x,primaire\n" for i in range(7)),
        "utf-8",
    )
    assert main(["plan", str(enseignants), "--ecoles", str(ECOLES), "--verifier"]) == 2
    erreur = capsys.readouterr().err.splitlines()
    assert erreur[0] == "erreur : 7 problèmes"
    assert len(erreur) == 8 and "… et" not in "\n".join(erreur)


def test_part_en_insertion_et_part_de_cinq_ans_et_moins() -> None:
    # 2, 5, 6 et 9 ans au Québec dans une école de 10 : 3 en insertion (moins de 7 ans),
    # 2 de 5 ans et moins, 4 dans les effectifs
    lignes = [
        {"enseignant": f"p{a}", "ecole": "X", "annees_experience": a, "ordre": "primaire"}
        for a in (2, 5, 6, 9)
    ]
    plan = planifier(lignes, [{"ecole": "X", "nom": "X", "nb_enseignants": 10}])
    (x,) = plan.portrait.ecoles
    assert (x.nb_dans_les_effectifs, x.nb_en_insertion) == (4, 3)
    assert (x.part_novices, x.part_cinq_ans_et_moins) == (0.3, 0.2)


def test_les_heures_d_un_groupe_comptent_une_fois() -> None:
    moteur = Moteur.depuis(surcouche=Path(__file__).parent.parent / "exemples" / "surcouche_centre")
    plan = planifier(ENSEIGNANTS, ECOLES, moteur=moteur)
    (sous_groupe,) = [g for g in plan.groupes if g.mesure == "accompagnement_sous_groupe"]
    assert (sous_groupe.membres, sous_groupe.heures) == (["t1", "t3"], 12.0)
    cp = next(c for c in plan.charges if (c.acteur, c.ecole) == ("conseiller_pedagogique", None))
    avec_heures = [g for g in plan.groupes if g.id in cp.groupes and g.heures is not None]
    assert cp.heures == sum(g.heures for g in avec_heures if g.heures) == 12.0


def test_la_barre_de_progression_montre_le_total_et_le_temps_restant(
    capsys: pytest.CaptureFixture[str],
) -> None:
    planifier(ENSEIGNANTS, ECOLES, progression=True)
    barre = capsys.readouterr().err
    distincts = len({p for p in ENSEIGNANTS.read_text("utf-8").splitlines()[1:]})
    assert f"/{distincts} profils" in barre and "reste" in barre and "écoulé" in barre


@pytest.mark.parametrize(
    ("personnes", "plafond"), [(1, 1), (2, 1), (2, 2), (3, 2), (3, 3), (4, 3), (6, 5)]
)
def test_alerte_mentors_debordes_au_dela_du_plafond(personnes: int, plafond: int) -> None:
    """« plus de N chacune » : à exactement ``mentores_par_mentor`` personnes par personne
    mentore, pas d'alerte ; une de plus, une alerte (une école, une personne mentore, chaque
    personne en insertion reçoit le mentorat de la mentore)."""
    lignes = [
        {"enseignant": f"p{i}", "ecole": "A", "annees_experience": 1, "ordre": "primaire"}
        for i in range(personnes)
    ]
    ecoles = [{"ecole": "A", "nom": "École A", "nb_enseignants": 30, "mentors": 1}]
    plan = planifier(lignes, ecoles, mentores_par_mentor=plafond)
    genres = [a.genre for a in plan.alertes]
    assert genres == (["mentors_debordes"] if personnes > plafond else [])
    if personnes > plafond:
        assert plan.alertes[0].message.startswith(
            f"{personnes} personne(s) à qui le mentorat est offert pour 1 personne(s) "
            f"mentore(s) : plus de {plafond} chacune ("
        )


_PANE = "Professionnelle à l'accompagnement des nouveaux enseignants (PANE)"
_SURCOUCHE = Path(__file__).parent.parent / "exemples" / "surcouche_centre"


@pytest.mark.parametrize(
    ("surcouche", "pane_de_l_ecole", "responsable", "pane_dit"),
    [
        # l'école ne dit rien : la ressource du centre ([ressources] pane = true) fait foi
        (True, None, _PANE, _PANE),
        # l'école dit : elle l'emporte sur le centre, dans un sens comme dans l'autre
        (True, True, _PANE, _PANE),
        (
            True,
            False,
            "Conseillère ou conseiller pédagogique",
            f"{_PANE} (absente : à nommer ou à remplacer)",
        ),
        # sans surcouche, personne ne dit rien : à confirmer
        (False, None, "Conseillère ou conseiller pédagogique", f"{_PANE} (à confirmer)"),
    ],
    ids=["centre_seul", "ecole_oui", "ecole_non", "sans_surcouche"],
)
def test_deploiement_lit_l_ecole_sinon_les_ressources_du_centre(
    surcouche: bool, pane_de_l_ecole: bool | None, responsable: str, pane_dit: str
) -> None:
    """La rencontre de mentorat du plan de déploiement : qui en est responsable et comment la
    PANE y est nommée dépendent de ce que dit l'école, sinon des ressources du centre."""
    moteur = Moteur.depuis(surcouche=_SURCOUCHE) if surcouche else Moteur.depuis()
    ecole: dict[str, Any] = {"ecole": "A", "nom": "École A", "nb_enseignants": 30, "mentors": 1}
    if pane_de_l_ecole is not None:
        ecole["pane"] = pane_de_l_ecole
    lignes = [
        {"enseignant": f"p{i}", "ecole": "A", "annees_experience": 1, "ordre": "primaire"}
        for i in range(2)
    ]
    plan = planifier(lignes, [ecole], moteur=moteur)
    (rencontre,) = [
        e for e in plan.ecoles[0].deploiement if e.etape.startswith("Rencontre de mentorat")
    ]
    assert rencontre.responsable == responsable
    assert rencontre.personnes_impliquees == [
        "Direction d'établissement",
        "Personne mentore de l'école",
        pane_dit,
        "Université",
    ]
