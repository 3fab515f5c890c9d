"""Les invariants du plan d'un centre, sur des effectifs générés, et un petit oracle écrit à part.

Le portrait : chaque ventilation s'additionne à l'effectif ; l'oracle recompte chaque décompte
depuis les lignes brutes (années au Québec, sinon d'expérience ; 7 et plus ; période). Les
groupes : un seul ordre par groupe du centre, une seule école par groupe d'école, une
présence qui est la plus faible de ses membres (recalculée depuis la recommandation de chaque
membre). Les charges s'additionnent aux offres ; chaque colonne CSV égale le champ du modèle
qu'elle exporte, comme le JSON.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from importlib.resources import as_file
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Moteur, Plan, planifier, recommander
from recommandeur._base.fichiers import dossier_livre
from recommandeur._programme.donnees.effectifs import charger_effectifs
from recommandeur._programme.sorties.exports_mentorat import caviarder_json

MOTEUR = Moteur.depuis()


#: Le dossier de la copie du catalogue, effacé à la fin des tests.
_COPIE = tempfile.TemporaryDirectory(prefix="catalogue_")


def _sans_ressources_du_centre() -> Moteur:
    """Le catalogue livré sans les ressources que déclare le centre : des présences à confirmer."""
    dossier = Path(_COPIE.name) / "catalogue"
    with as_file(dossier_livre("catalogue")) as source:
        shutil.copytree(source, dossier)
    ressources = dossier / "ressources.toml"
    texte = ressources.read_text("utf-8")
    ressources.write_text(texte.replace("conseiller_pedagogique = true\n", ""), "utf-8")
    return Moteur.depuis(dossier, evaluateur="reference")


MOTEURS = [MOTEUR, _sans_ressources_du_centre()]
INTENSITES = ["faible", "moderee", "elevee"]
ORDRES = ["prescolaire", "primaire", "secondaire", "formation_professionnelle", "education_adultes"]


@st.composite
def effectifs(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    n_ecoles = draw(st.integers(1, 3))
    ecoles = []
    for i in range(n_ecoles):
        ecole: dict[str, Any] = {"ecole": f"E{i}", "nom": f"École {i}", "nb_enseignants": 40}
        for cle, valeurs in (
            ("mentors", st.integers(0, 2)),
            ("conseiller_pedagogique", st.booleans()),
            ("pane", st.booleans()),
        ):
            if draw(st.booleans()):
                ecole[cle] = draw(valeurs)
        ecoles.append(ecole)
    lignes = []
    for i in range(draw(st.integers(1, 16))):
        ligne: dict[str, Any] = {
            "enseignant": f"t{i}",
            "ecole": f"E{draw(st.integers(0, n_ecoles - 1))}",
            # autour des bornes : 4, 5, 6, 7, 8 ans
            "annees_experience": draw(st.integers(0, 12)),
            "ordre": draw(st.sampled_from(ORDRES)),
            "statut": draw(st.sampled_from(["suppleance", "contrat", "permanent"])),
            "qualification": draw(
                st.sampled_from(
                    ["legalement_qualifie", "en_voie_de_qualification", "non_legalement_qualifie"]
                )
            ),
            "partage_de_tache": draw(st.booleans()),
            "nb_ecoles": draw(st.integers(1, 3)),
        }
        if draw(st.booleans()):
            ligne["annees_au_quebec"] = draw(st.integers(0, ligne["annees_experience"]))
        for besoin in ("gestion_de_classe", "bien_etre", "evaluation"):
            if draw(st.booleans()):
                ligne[f"besoin_{besoin}"] = draw(st.sampled_from(INTENSITES))
        if draw(st.integers(0, 5)) == 0:
            ligne["signaux_de_detresse"] = True
        if draw(st.integers(0, 3)) == 0:
            ligne["mesures_recues"] = draw(
                st.sampled_from(
                    ["mentorat:sans_effet", "accompagnement_sous_groupe:avec_effet", "cap:non"]
                )
            )
        lignes.append(ligne)
    return lignes, ecoles


# --- l'oracle, écrit à part du code : des lignes brutes aux décomptes ---


def _annees_au_quebec(ligne: dict[str, Any]) -> int:
    return int(ligne.get("annees_au_quebec", ligne["annees_experience"]))


def _tranche_d_annees(n: int) -> str:
    return str(n) if n <= 6 else "7 et plus"


def _periode(n: int) -> str:
    if n <= 4:
        return "en_cours"
    return "fin_de_periode" if n <= 6 else "terminee"


def oracle_du_portrait(lignes: list[dict[str, Any]]) -> dict[str, Any]:
    """Le portrait recompté depuis les lignes brutes (sans le code du portrait)."""
    quebec = [_annees_au_quebec(x) for x in lignes]
    return {
        "nb_enseignants": len(lignes),
        "nb_en_insertion": sum(n < 7 for n in quebec),
        "par_annees_au_quebec": Counter(map(_tranche_d_annees, quebec)),
        "par_annees_experience": Counter(
            _tranche_d_annees(int(x["annees_experience"])) for x in lignes
        ),
        "par_periode": Counter(map(_periode, quebec)),
        "par_ordre": Counter(x["ordre"] for x in lignes),
        "par_statut": Counter(x["statut"] for x in lignes),
        "par_qualification": Counter(x["qualification"] for x in lignes),
        "en_insertion_par_ecole": Counter(
            x["ecole"] for x, n in zip(lignes, quebec, strict=True) if n < 7
        ),
        "plusieurs_ecoles": sum(x["nb_ecoles"] > 1 for x in lignes),
        "partage_de_tache": sum(x["partage_de_tache"] for x in lignes),
    }


def _sans_zeros(compte: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in compte.items() if v}


def _verifier_portrait(plan: Plan, lignes: list[dict[str, Any]]) -> None:
    p = plan.portrait
    n = len(lignes)
    # chaque ventilation s'additionne à l'effectif
    for nom in (
        "par_annees_au_quebec",
        "par_annees_experience",
        "par_periode",
        "par_qualification",
        "par_statut",
        "par_ordre",
    ):
        assert sum(getattr(p, nom).values()) == n, nom
    assert sum(e.nb_dans_les_effectifs for e in p.ecoles) == n
    assert sum(e.nb_en_insertion for e in p.ecoles) == p.nb_en_insertion
    assert sum(t.nb_ecoles for t in p.ecoles_par_part) == p.nb_ecoles == len(p.ecoles)
    for besoin, par_intensite in p.besoins.items():
        assert sum(par_intensite.values()) == sum(f"besoin_{besoin}" in x for x in lignes)
    # et chaque décompte égale celui de l'oracle
    o = oracle_du_portrait(lignes)
    assert (p.nb_enseignants, p.nb_en_insertion) == (o["nb_enseignants"], o["nb_en_insertion"])
    for nom in (
        "par_annees_au_quebec",
        "par_annees_experience",
        "par_periode",
        "par_ordre",
        "par_statut",
        "par_qualification",
    ):
        assert _sans_zeros(getattr(p, nom)) == dict(o[nom]), nom
    assert {e.ecole: e.nb_en_insertion for e in p.ecoles if e.nb_en_insertion} == dict(
        o["en_insertion_par_ecole"]
    )
    assert p.affectations["plusieurs_ecoles"] == o["plusieurs_ecoles"]
    assert p.affectations["partage_de_tache"] == o["partage_de_tache"]


def _verifier_groupes(plan: Plan, lignes: list[dict[str, Any]], recos: dict[str, Any]) -> None:
    ligne_de = {x["enseignant"]: x for x in lignes}
    rang_presence = {"present": 2, "inconnue": 1, "absent": 0}
    vus: set[tuple[str, str]] = set()
    for g in plan.groupes:
        assert len(g.membres) >= 2 or g.niveau.value == "cible"
        if g.ecole is None:  # un groupe du centre : un seul ordre
            assert len({ligne_de[m]["ordre"] for m in g.membres}) == 1, g
        else:
            assert {ligne_de[m]["ecole"] for m in g.membres} == {g.ecole}
        presences = []
        for m in g.membres:
            assert (m, g.mesure) not in vus  # une personne, un groupe par offre
            vus.add((m, g.mesure))
            offre = recos[m][g.mesure]
            assert offre.acteur.id == g.acteur
            presences.append(offre.presence.value)
        # la présence du groupe : la plus faible de ses membres
        assert g.presence.value == min(presences, key=rang_presence.__getitem__), g


def _verifier_charges(plan: Plan) -> None:
    offres = sum(t.nb_offres for t in plan.enseignants)
    assert offres == sum(c.offres_individuelles + c.places_en_groupe for c in plan.charges)
    par_id = {g.id: g for g in plan.groupes}
    for c in plan.charges:
        assert c.places_en_groupe == sum(len(par_id[g].membres) for g in c.groupes)
        assert all(par_id[g].acteur == c.acteur and par_id[g].ecole == c.ecole for g in c.groupes)
    assert sorted(g for c in plan.charges for g in c.groupes) == sorted(par_id)


#: Les colonnes calculées de chaque CSV, écrites ici à part : colonne → champ et calcul.
CALCULEES: dict[str, dict[str, Any]] = {
    "groupes.csv": {
        "groupe": lambda g, plan: g.id,
        "nb_membres": lambda g, plan: len(g.membres),
    },
    "charges.csv": {
        "nb_enseignants": lambda c, plan: len(c.enseignants),
        "nb_groupes": lambda c, plan: len(c.groupes),
    },
    "enseignants.csv": {
        "prioritaires_libelles": lambda t, plan: " ; ".join(plan.mesures[m] for m in t.prioritaires)
    },
}
#: Les lignes de chaque CSV comparé champ à champ : le modèle qu'il exporte.
LIGNES: dict[str, Callable[[Plan], Sequence[Any]]] = {
    "ecoles.csv": lambda plan: plan.portrait.ecoles,
    "groupes.csv": lambda plan: plan.groupes,
    "charges.csv": lambda plan: plan.charges,
    "bilan.csv": lambda plan: plan.bilan.par_ecole,
    "enseignants.csv": lambda plan: plan.enseignants,
    "alertes.csv": lambda plan: plan.alertes,
}


def _ecrit(v: Any) -> str:
    """Une valeur du modèle comme un tableur francophone la lit dans le CSV."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, float):
        return f"{v:g}".replace(".", ",")
    if isinstance(v, list):
        return " ".join(map(str, v))
    return str(getattr(v, "value", v))


def _verifier_exports(plan: Plan, dossier: Path) -> None:
    plan.ecrire_csv(dossier)
    for nom, lignes_de in LIGNES.items():
        with (dossier / nom).open(encoding="utf-8-sig", newline="") as f:
            lues = list(csv.DictReader(f, delimiter=";"))
        modeles = lignes_de(plan)
        assert len(lues) == len(modeles), nom
        for lue, modele in zip(lues, modeles, strict=True):
            for colonne, texte in lue.items():
                calcul = CALCULEES.get(nom, {}).get(colonne)
                attendu = calcul(modele, plan) if calcul else getattr(modele, colonne)
                assert texte.lstrip("'") == _ecrit(attendu), (nom, colonne)
    plan.ecrire_json(dossier / "plan.json")
    # le JSON du centre : le plan, sans ce qui dit un mentorat précédent resté sans effet
    ecrit = json.loads((dossier / "plan.json").read_text("utf-8"))
    assert ecrit == caviarder_json(plan.model_dump(mode="json"))


@settings(max_examples=25, deadline=None, database=None)
@given(effectifs(), st.integers(2, 5), st.sampled_from(MOTEURS))
def test_les_invariants_du_plan(donnees: Any, taille: int, moteur: Moteur) -> None:
    lignes, ecoles = donnees
    plan = planifier(lignes, ecoles, moteur=moteur, taille_max_groupe=taille)
    _verifier_portrait(plan, lignes)
    recos = {}
    for e in _effectifs(lignes, ecoles, moteur):
        reco = recommander(e.profil, moteur=moteur)
        recos[e.id] = {m.mesure.id: m for m in reco.mesures}
    _verifier_groupes(plan, lignes, recos)
    _verifier_charges(plan)
    with tempfile.TemporaryDirectory() as dossier:
        _verifier_exports(plan, Path(dossier))


def _effectifs(lignes: list[dict[str, Any]], ecoles: list[dict[str, Any]], moteur: Moteur) -> Any:
    return charger_effectifs(
        lignes, ecoles, mesures=moteur.ids_mesures, acteurs=moteur.ids_acteurs
    ).enseignants


# --- de petits cas faits à la main, sorties exactes ---


def test_sept_ans_exactement_dans_le_portrait() -> None:
    lignes = [
        {"enseignant": "a", "ecole": "E", "annees_experience": 7, "ordre": "primaire"},
        {
            "enseignant": "b",
            "ecole": "E",
            "annees_experience": 9,
            "annees_au_quebec": 7,
            "ordre": "primaire",
        },
        {"enseignant": "c", "ecole": "E", "annees_experience": 6, "ordre": "primaire"},
    ]
    plan = planifier(lignes, [{"ecole": "E", "nom": "E"}], moteur=MOTEUR)
    p = plan.portrait
    assert (p.par_annees_au_quebec["6"], p.par_annees_au_quebec["7 et plus"]) == (1, 2)
    assert p.par_periode == {"en_cours": 0, "fin_de_periode": 1, "terminee": 2}
    assert p.nb_en_insertion == 1


def test_un_groupe_du_centre_ne_mele_pas_primaire_et_secondaire() -> None:
    lignes = [
        {
            "enseignant": f"{o[0]}{i}",
            "ecole": f"E{i}",
            "annees_experience": 1,
            "ordre": o,
            "besoin_gestion_de_classe": "moderee",
        }
        for o in ("primaire", "secondaire")
        for i in range(2)
    ]
    ecoles = [{"ecole": f"E{i}", "nom": f"E{i}", "conseiller_pedagogique": True} for i in range(2)]
    plan = planifier(lignes, ecoles, moteur=MOTEUR)
    centre = [
        (g.mesure, g.membres)
        for g in plan.groupes
        if g.ecole is None and g.mesure == "accompagnement_sous_groupe"
    ]
    assert centre == [
        ("accompagnement_sous_groupe", ["p0", "p1"]),
        ("accompagnement_sous_groupe", ["s0", "s1"]),
    ]


def test_la_presence_d_un_groupe_est_la_plus_faible() -> None:
    # le centre ne déclare pas sa CP : présente dans E0, à confirmer dans E1 ; le groupe du
    # centre est « à confirmer » (la plus faible), puis présent quand E1 la déclare aussi
    moteur = MOTEURS[1]
    lignes = [
        {
            "enseignant": f"t{i}",
            "ecole": f"E{i}",
            "annees_experience": 1,
            "ordre": "primaire",
            "besoin_gestion_de_classe": "moderee",
        }
        for i in range(2)
    ]
    ecoles: list[dict[str, Any]] = [
        {"ecole": "E0", "nom": "E0", "conseiller_pedagogique": True},
        {"ecole": "E1", "nom": "E1"},
    ]
    plan = planifier(lignes, ecoles, moteur=moteur)
    groupe = next(g for g in plan.groupes if g.mesure == "accompagnement_sous_groupe")
    assert (groupe.membres, groupe.presence.value) == (["t0", "t1"], "inconnue")
    ecoles[1]["conseiller_pedagogique"] = True
    plan = planifier(lignes, ecoles, moteur=moteur)
    groupe = next(g for g in plan.groupes if g.mesure == "accompagnement_sous_groupe")
    assert groupe.presence.value == "present"


def test_charges_csv_compte_les_groupes_pas_les_places(tmp_path: Path) -> None:
    lignes = [
        {
            "enseignant": f"t{i}",
            "ecole": "E0",
            "annees_experience": 1,
            "ordre": "primaire",
            "besoin_gestion_de_classe": "moderee",
        }
        for i in range(3)
    ]
    plan = planifier(
        lignes, [{"ecole": "E0", "nom": "E0", "conseiller_pedagogique": True}], moteur=MOTEUR
    )
    plan.ecrire_csv(tmp_path)
    with (tmp_path / "charges.csv").open(encoding="utf-8-sig", newline="") as f:
        lues = {(x["acteur"], x["ecole"]): x for x in csv.DictReader(f, delimiter=";")}
    cp = lues[("conseiller_pedagogique", "")]
    assert (cp["nb_groupes"], cp["places_en_groupe"], cp["nb_enseignants"]) == ("1", "3", "3")


#: Des mesures reçues qui changent la recommandation d'une personne en insertion.
RECUES = [
    "",
    "mentorat:sans_effet",
    "mentorat:avec_effet",
    "accompagnement_individuel:sans_effet",
    "accompagnement_sous_groupe:avec_effet",
    "cap:non",
]


def _personnes(plan: Plan) -> dict[str, tuple[Any, ...]]:
    return {e.enseignant: (e.periode, e.prioritaires, e.nb_offres) for e in plan.enseignants}


@settings(max_examples=15, deadline=None, database=None)
@given(
    st.integers(0, 6),
    st.sampled_from(["primaire", "secondaire"]),
    st.sampled_from(INTENSITES),
    st.lists(st.sampled_from(RECUES), min_size=2, max_size=4),
)
def test_chaque_personne_du_plan_comme_seule(
    annees: int, ordre: str, intensite: str, recues: list[str]
) -> None:
    """Des personnes qui ne diffèrent que par leurs mesures reçues : chacune a, dans le plan
    commun, ce qu'elle a dans un plan où elle est seule (le plan recommande une fois par profil
    distinct : la clé couvre tout le profil)."""
    ecoles = [{"ecole": "E", "nom": "École E", "nb_enseignants": 40, "mentors": 1}]
    base = {
        "ecole": "E",
        "annees_experience": annees,
        "ordre": ordre,
        "besoin_gestion_de_classe": intensite,
    }
    lignes = [
        {"enseignant": f"t{i}", **base, **({"mesures_recues": r} if r else {})}
        for i, r in enumerate(recues)
    ]
    ensemble = _personnes(planifier(lignes, ecoles))
    for ligne in lignes:
        seule = _personnes(planifier([ligne], ecoles))
        assert ensemble[str(ligne["enseignant"])] == seule[str(ligne["enseignant"])], ligne


def test_deux_lignes_qui_ne_different_que_par_une_mesure_recue() -> None:
    """Le mentorat reçu sans effet : la seconde personne a le mentorat d'une autre école et une
    offre de plus ; la première, le mentorat de l'école."""
    ecoles = [{"ecole": "E", "nom": "École E", "nb_enseignants": 40, "mentors": 1}]
    base = {
        "ecole": "E",
        "annees_experience": 1,
        "ordre": "primaire",
        "besoin_gestion_de_classe": "elevee",
    }
    lignes = [
        {"enseignant": "a", **base},
        {"enseignant": "b", **base, "mesures_recues": "mentorat:sans_effet"},
    ]
    attendu = {
        "a": (["accompagnement_individuel", "mentorat", "accompagnement_sous_groupe"], 12),
        "b": (
            ["accompagnement_individuel", "mentorat_autre_ecole", "accompagnement_sous_groupe"],
            13,
        ),
    }
    for ordre in (lignes, lignes[::-1]):
        plan = planifier(ordre, ecoles)
        assert {e.enseignant: (e.prioritaires, e.nb_offres) for e in plan.enseignants} == attendu
