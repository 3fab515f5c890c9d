"""La détresse reste confidentielle : aucun export du centre (CSV, JSON, HTML, xlsx, ``print``)
ne la montre, ni les offres qui la révèlent, sauf demande explicite, et alors chacun le dit en tête.

Propriété sur des effectifs tirés au hasard, où des personnes ont des signaux de détresse (et
des besoins de bien-être, qui appellent aussi une personne neutre)."""

from __future__ import annotations

import html
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Plan, moteur_par_defaut, planifier
from recommandeur._cli.commande import main
from recommandeur._programme.calcul.resume import Action, Resume
from recommandeur._programme.donnees.effectifs import Effectifs
from recommandeur._programme.sorties.confidentiel import (
    AVERTISSEMENT,
    NOTE,
    caviarder,
    caviarder_lot,
    caviarder_resumes,
    mesures_confidentielles,
)
from recommandeur._vocabulaire import Presence

CATALOGUE = moteur_par_defaut().catalogue
CONFIDENTIELLES = mesures_confidentielles(CATALOGUE)
#: Ce qu'aucun export par défaut ne contient : l'identifiant et le libellé de chaque offre confidentielle.
INTERDITS = sorted(
    {*CONFIDENTIELLES, *(CATALOGUE.mesure(m).libelle for m in CONFIDENTIELLES)}, key=len
)
INTENSITES = st.sampled_from(["", "faible", "moderee", "elevee"])
RECUES = st.sampled_from(
    ["", "personne_neutre:avec_effet", "soutien_professionnel:sans_effet", "mentorat:avec_effet"]
)


@st.composite
def effectifs_en_detresse(draw: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    n_ecoles = draw(st.integers(1, 3))
    ecoles = [
        {
            "ecole": f"E{i}",
            "nom": f"École {i}",
            "nb_enseignants": 30,
            "mentors": draw(st.sampled_from([0, 1])),
            "professionnel": draw(st.booleans()),
            "region_eloignee": draw(st.booleans()),
        }
        for i in range(n_ecoles)
    ]
    profs = []
    for i in range(draw(st.integers(2, 8))):
        ligne = {
            "enseignant": f"t{i}",
            "ecole": f"E{draw(st.integers(0, n_ecoles - 1))}",
            "annees_experience": draw(st.integers(0, 4)),
            "ordre": draw(st.sampled_from(["primaire", "secondaire", "formation_professionnelle"])),
            # au moins la première personne est en détresse
            "signaux_de_detresse": i == 0 or draw(st.booleans()),
            "besoin_bien_etre": draw(INTENSITES),
            "besoin_charge_de_travail": draw(INTENSITES),
            "besoin_gestion_de_classe": draw(INTENSITES),
            "mesures_recues": draw(RECUES),
        }
        profs.append({k: v for k, v in ligne.items() if v != ""})
    return profs, ecoles


def exports(plan: Plan, dossier: Path) -> dict[str, str]:
    """Le texte de chaque export du plan : chaque CSV, le JSON, la page HTML, le classeur xlsx
    (chaque cellule de chaque feuille, dans l'ordre), ``print(plan)``."""
    dossier.mkdir(parents=True, exist_ok=True)
    textes = {f.name: f.read_text("utf-8-sig") for f in plan.ecrire_csv(dossier / "csv")}
    textes["plan.json"] = plan.ecrire_json(dossier / "plan.json").read_text("utf-8")
    textes["plan.html"] = html.unescape(plan.html())
    textes["print"] = str(plan)
    livre = openpyxl.load_workbook(plan.ecrire_xlsx(dossier / "plan.xlsx"))
    textes["plan.xlsx"] = "\n".join(
        str(c.value) for f in livre.worksheets for r in f.iter_rows() for c in r if c.value
    )
    return textes


def _sans_la_note(texte: str) -> str:
    return texte.replace(NOTE, "")


def verifier_rien_de_confidentiel(textes: dict[str, str]) -> None:
    for nom, texte in textes.items():
        for interdit in INTERDITS:
            assert interdit not in texte, (nom, interdit)
        assert "détresse" not in _sans_la_note(texte), nom
        assert AVERTISSEMENT not in texte, nom
    assert json.loads(textes["plan.json"])["portrait"]["signaux_de_detresse"] is None


@settings(max_examples=8, deadline=None, database=None)
@given(effectifs_en_detresse())
def test_aucun_export_par_defaut_ne_montre_la_detresse(donnees: Any) -> None:
    profs, ecoles = donnees
    import tempfile

    plan = planifier(profs, ecoles)
    assert not plan.confidentiel
    with tempfile.TemporaryDirectory() as dossier:
        verifier_rien_de_confidentiel(exports(plan, Path(dossier)))
    # la personne en détresse : ni offre confidentielle, ni offre quotidienne en tête
    detresse = {p["enseignant"] for p in profs if p["signaux_de_detresse"]}
    quotidiennes = {m.id for m in CATALOGUE.mesures if m.frequence == "au quotidien"}
    for t in plan.enseignants:
        assert not CONFIDENTIELLES & set(t.prioritaires)
        if t.enseignant in detresse:
            assert not quotidiennes & set(t.prioritaires)
    # et les comptes restent justes : chaque offre montrée compte une fois chez un intervenant
    total = sum(t.nb_offres for t in plan.enseignants)
    assert total == sum(c.offres_individuelles + c.places_en_groupe for c in plan.charges)


@settings(max_examples=4, deadline=None, database=None)
@given(effectifs_en_detresse())
def test_a_la_demande_chaque_export_le_dit_en_tete(donnees: Any) -> None:
    profs, ecoles = donnees
    import tempfile

    plan = planifier(profs, ecoles, inclure_confidentiel=True)
    assert plan.confidentiel
    assert plan.portrait.signaux_de_detresse == sum(p["signaux_de_detresse"] for p in profs)
    with tempfile.TemporaryDirectory() as dossier:
        textes = exports(plan, Path(dossier))
    for nom, texte in textes.items():
        if nom.endswith(".csv"):
            assert (
                texte.splitlines()[0] == f'"{AVERTISSEMENT}"'
                or texte.splitlines()[0] == AVERTISSEMENT
            ), nom
    assert next(iter(json.loads(textes["plan.json"]))) == "confidentiel"
    assert json.loads(textes["plan.json"])["confidentiel"] is True
    assert textes["print"].splitlines()[0] == AVERTISSEMENT
    assert textes["plan.xlsx"].splitlines()[0] == AVERTISSEMENT  # la première feuille
    page = textes["plan.html"]
    assert page.index(AVERTISSEMENT) < page.index("Table des matières")
    assert "avec des signaux de détresse" in page


def test_la_personne_neutre_est_visible_a_la_demande_seulement() -> None:
    profs = [
        {
            "enseignant": "t1",
            "ecole": "A",
            "annees_experience": 0,
            "ordre": "primaire",
            "signaux_de_detresse": True,
        },
        {"enseignant": "t2", "ecole": "A", "annees_experience": 0, "ordre": "primaire"},
    ]
    ecoles = [{"ecole": "A", "nom": "École A", "professionnel": True}]
    cache = planifier(profs, ecoles)
    montre = planifier(profs, ecoles, inclure_confidentiel=True)
    (t1,) = [t for t in montre.enseignants if t.enseignant == "t1"]
    assert t1.prioritaires[0] == "personne_neutre"
    (t1,) = [t for t in cache.enseignants if t.enseignant == "t1"]
    assert "personne_neutre" not in t1.prioritaires and "consultation_breve" not in t1.prioritaires
    assert [c.acteur for c in cache.charges if c.acteur == "professionnel"] == []
    assert {c.acteur for c in montre.charges} >= {"professionnel"}
    # la personne qui n'est pas en détresse a le même plan dans les deux cas
    (a,) = [t for t in cache.enseignants if t.enseignant == "t2"]
    (b,) = [t for t in montre.enseignants if t.enseignant == "t2"]
    assert a == b


def test_la_commande_plan_inclure_confidentiel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    enseignants = tmp_path / "e.csv"
    enseignants.write_text(
        "enseignant,ecole,annees_experience,ordre,signaux_de_detresse\n"
        "t1,A,0,primaire,oui\nt2,A,1,primaire,non\n",
        "utf-8",
    )
    ecoles = tmp_path / "ecoles.csv"
    ecoles.write_text("ecole,nom\nA,École A\n", "utf-8")
    base = ["plan", str(enseignants), "--ecoles", str(ecoles), "--processus", "1"]
    assert main([*base, "--csv", str(tmp_path / "c1"), "--json", str(tmp_path / "p1.json")]) == 0
    sortie = capsys.readouterr().out
    assert AVERTISSEMENT not in sortie
    assert "personne_neutre" not in (tmp_path / "c1" / "enseignants.csv").read_text("utf-8-sig")
    assert main([*base, "--inclure-confidentiel", "--csv", str(tmp_path / "c2")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == AVERTISSEMENT
    texte = (tmp_path / "c2" / "enseignants.csv").read_text("utf-8-sig")
    assert texte.splitlines()[0].strip('"') == AVERTISSEMENT and "personne_neutre" in texte


def test_une_raison_d_action_qui_nomme_une_offre_confidentielle_est_retiree() -> None:
    # trouvé par hypothesis : l'escalade d'un besoin dit « mesure reçue sans effet
    # (“Soutien par un professionnel”) » dans la raison d'une action de l'école (son titre,
    # non son identifiant : ni l'un ni l'autre ne reste dans le plan du centre)
    profs = [
        {
            "enseignant": "t1",
            "ecole": "A",
            "annees_experience": 0,
            "ordre": "primaire",
            "besoin_gestion_de_classe": "faible",
            "mesures_recues": "soutien_professionnel:sans_effet",
        },
    ]
    ecoles = [{"ecole": "A", "nom": "École A", "mentors": 0}]

    def raisons(plan: Plan) -> list[str]:
        return [r for e in plan.ecoles for a in e.actions for r in a.raisons]

    assert any(
        "sans effet (“Soutien par un professionnel”)" in r
        for r in raisons(planifier(profs, ecoles, inclure_confidentiel=True))
    )
    cache = raisons(planifier(profs, ecoles))
    assert cache and not any(
        "soutien_professionnel" in r or "Soutien par un professionnel" in r for r in cache
    )


def test_une_action_confidentielle_est_retiree_meme_avec_ses_raisons() -> None:
    """Revue indépendante (tickets 18, 23) : une action dont la mesure est marquée
    confidentielle (par une surcouche) n'est pas dans le plan du centre, même si aucune de ses
    raisons ne la nomme ; une autre action garde ses raisons."""
    actions = (
        Action("cap", "equipe_ecole", Presence.PRESENT, ("une raison",)),
        Action("accueil_css", "ressources_humaines", Presence.PRESENT, ("une autre",)),
    )
    r = Resume("en_cours", "primaire", (), (), actions, 0)
    c = caviarder(r, frozenset({"cap"}), en_detresse=False)
    assert [(a.mesure, a.raisons) for a in c.actions] == [("accueil_css", ("une autre",))]


def test_une_raison_qui_nomme_une_offre_confidentielle_par_son_libelle_est_retiree() -> None:
    """Revue indépendante (tickets 18, 23) : le libellé d'une offre confidentielle
    (« Personne neutre ») compte comme son identifiant dans les raisons d'une action."""
    catalogue = moteur_par_defaut().catalogue
    libelle = catalogue.mesure("personne_neutre").libelle
    action = Action(
        "cap", "equipe_ecole", Presence.PRESENT, (f"mesure reçue sans effet ({libelle})", "autre")
    )
    r = Resume("en_cours", "primaire", (), (), (action,), 0)
    effectifs = SimpleNamespace(
        enseignants=[SimpleNamespace(id="e1", profil=SimpleNamespace(signaux_de_detresse=False))]
    )
    caviardes = caviarder_resumes(cast(Effectifs, effectifs), {"e1": r}, catalogue)
    assert [a.raisons for a in caviardes["e1"].actions] == [("autre",)]


def test_un_lot_est_caviarde_selon_la_detresse_de_chaque_profil() -> None:
    """Ticket 23 (plan) : les résumés sont caviardés là où ils sont calculés ; la personne en
    détresse perd l'offre quotidienne en tête, l'autre la garde ; l'offre confidentielle part
    chez les deux."""
    catalogue = moteur_par_defaut().catalogue
    (quotidienne,) = [m.id for m in catalogue.mesures if m.frequence == "au quotidien"]
    r = Resume("en_cours", "primaire", (quotidienne, "personne_neutre", "mentorat"), (), (), 0)
    profils = [SimpleNamespace(signaux_de_detresse=d) for d in (True, False, None)]
    caviardes = caviarder_lot([r, r, r], cast(Any, profils), catalogue)
    assert [c.prioritaires for c in caviardes] == [
        ("mentorat",),
        (quotidienne, "mentorat"),
        (quotidienne, "mentorat"),
    ]
