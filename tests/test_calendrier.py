"""Le calendrier du centre : les étapes 01 à 09 de la démarche du CSSPS, datées pour le plan.

Politique épinglée : l'année servie est la prochaine rentrée après la date du plan ; une étape
dont la période est passée est reportée à l'année suivante (mêmes mois, un an plus tard).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import ErreurArgument, ErreurCatalogue, Moteur, planifier
from recommandeur._cli.commande import main
from recommandeur._programme.centre.calendrier import (
    EtapeCentre,
    MoisRelatif,
    charger_calendrier,
    dater,
    rentree,
    responsables_du_centre,
)

EFFECTIFS = Path(__file__).parent / "donnees" / "effectifs"
SURCOUCHE = Path(__file__).parents[1] / "exemples" / "surcouche_centre"


@pytest.fixture(scope="module")
def etapes() -> list:  # type: ignore[type-arg]
    return charger_calendrier(Moteur.depuis().catalogue)


def test_les_neuf_etapes_de_003_sont_citees(etapes: list) -> None:  # type: ignore[type-arg]
    assert [e.numero for e in etapes] == ["01", "02", "03", "04", "05", "06", "07", "08", "09"]
    assert all(a.startswith("« ") and a.endswith(" »") for e in etapes for a in e.actions)
    assert all(e.sources and e.responsables and e.produit for e in etapes)


def test_calendrier_au_4_decembre_2026(etapes: list) -> None:  # type: ignore[type-arg]
    moteur = Moteur.depuis(surcouche=SURCOUCHE)
    datees = dater(etapes, dt.date(2026, 12, 4), responsables_du_centre(moteur.catalogue))
    passee = "après l'étape 01, reportée à l'année suivante"
    assert [(d.numero, d.statut, d.quand, d.annee_scolaire) for d in datees] == [
        (
            "01",
            "reportee",
            "janvier à novembre 2027 (sa période pour 2027-2028, janvier à novembre 2026, "
            "est passée)",
            "2028-2029",
        ),
        (
            "02",
            "reportee",
            "décembre 2027 à février 2028 (après l'étape 01, reportée à l'année suivante)",
            "2028-2029",
        ),
        ("03", "reportee", f"mars 2028 ({passee.replace('01', '02')})", "2028-2029"),
        ("04", "reportee", f"avril 2028 ({passee.replace('01', '03')})", "2028-2029"),
        ("05", "reportee", f"mai 2028 ({passee.replace('01', '04')})", "2028-2029"),
        ("06", "reportee", f"mai à juin 2028 ({passee.replace('01', '05')})", "2028-2029"),
        ("07", "reportee", f"juin 2028 ({passee.replace('01', '06')})", "2028-2029"),
        (
            "08",
            "reportee",
            f"septembre 2028 à février 2029 ({passee.replace('01', '07')})",
            "2028-2029",
        ),
        ("09", "reportee", f"février à juin 2029 ({passee.replace('01', '08')})", "2028-2029"),
    ]
    nomination = next(d for d in datees if d.numero == "05")
    assert nomination.responsables == ["Service des ressources humaines"]
    assert (nomination.debut, nomination.fin) == (dt.date(2028, 5, 1), dt.date(2028, 5, 31))
    # la PANE : présente avec la surcouche d'exemple, à confirmer sans elle
    assert (
        "Professionnelle à l'accompagnement des nouveaux enseignants (PANE)"
        in datees[3].responsables
    )
    sans = dater(etapes, dt.date(2026, 12, 4), responsables_du_centre(Moteur.depuis().catalogue))
    assert any("(à confirmer)" in r for r in sans[3].responsables)


@settings(max_examples=200, deadline=None, database=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_proprietes_du_calendrier(date: dt.date) -> None:
    etapes = charger_calendrier(Moteur.depuis().catalogue)
    datees = dater(etapes, date, {})
    annee = rentree(date)
    assert dt.date(annee, 9, 1) > date >= dt.date(annee - 1, 9, 1)
    assert len(datees) == len(etapes)
    assert [d.debut for d in datees] == sorted(d.debut for d in datees)
    for d in datees:
        assert d.fin >= date  # jamais une étape dans le passé
        assert d.debut <= d.fin
        assert (d.statut == "en_cours") == (d.debut <= date and d.statut != "reportee")
        assert (d.statut == "a_venir") == (d.debut > date and d.statut != "reportee")
        servie = annee + (1 if d.statut == "reportee" else 0)
        assert d.annee_scolaire == f"{servie}-{servie + 1}"
        reportee = "est passée" in d.quand or "reportée à l'année suivante" in d.quand
        assert reportee == (d.statut == "reportee")


def test_la_date_du_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = planifier(
        EFFECTIFS / "enseignants.csv", EFFECTIFS / "ecoles.csv", date=dt.datetime(2027, 3, 15, 9)
    )
    assert plan.date_du_plan == dt.date(2027, 3, 15)
    # la consultation (01) de 2027-2028 est passée : toute la démarche sert 2028-2029
    assert {d.statut for d in plan.calendrier} == {"reportee"}
    with pytest.raises(ErreurArgument, match="date"):
        planifier(EFFECTIFS / "enseignants.csv", EFFECTIFS / "ecoles.csv", date="2027-03-15")  # type: ignore[arg-type]
    sortie = tmp_path / "plan.json"
    code = main(
        [
            "plan",
            str(EFFECTIFS / "enseignants.csv"),
            "--ecoles",
            str(EFFECTIFS / "ecoles.csv"),
            "--date",
            "2027-03-15",
            "--json",
            str(sortie),
            "--processus",
            "1",
        ]
    )
    assert code == 0
    donnees = json.loads(sortie.read_text("utf-8"))
    assert donnees["date_du_plan"] == "2027-03-15"
    # au 15 mars 2027, la consultation (01) de 2027-2028 est passée : 02 et 03 la suivent
    assert [(e["numero"], e["statut"]) for e in donnees["calendrier"]][:3] == [
        ("01", "reportee"),
        ("02", "reportee"),
        ("03", "reportee"),
    ]


def test_une_surcouche_remplace_une_etape_et_ses_fautes_sont_dites(tmp_path: Path) -> None:
    surcouche = tmp_path / "centre_x"
    shutil.copytree(SURCOUCHE, surcouche)
    (surcouche / "centre").mkdir()
    fichier = surcouche / "centre" / "calendrier.toml"
    etape = (
        '[[etape]]\nid = "nomination"\nnumero = "05"\nlibelle = "Nommer les personnes mentores"\n'
        'actions = ["« Nommer les personnes mentores (ressources humaines) »"]\n'
        'responsables = ["{qui}"]\nproduit = "la liste"\ndebut = {{ annee = 0, mois = 6 }}\n'
        'fin = {{ annee = 0, mois = 6 }}\nquand = "mai 2022"\nsources = ["{source}"]\n'
    )
    fichier.write_text(
        'version = "1"\n' + etape.format(qui="direction_generale", source="cssps/nomination"),
        "utf-8",
    )
    moteur = Moteur.depuis(surcouche=surcouche)
    plan = planifier(
        EFFECTIFS / "enseignants.csv",
        EFFECTIFS / "ecoles.csv",
        moteur=moteur,
        date=dt.date(2026, 12, 4),
    )
    (cinq,) = [d for d in plan.calendrier if d.numero == "05"]
    assert (cinq.quand, cinq.responsables) == (
        "juin 2028 (après l'étape 04, reportée à l'année suivante)",
        ["Direction générale du centre de services scolaire"],
    )
    assert len(plan.calendrier) == 9
    fichier.write_text(
        'version = "1"\n' + etape.format(qui="ressources_humain", source="cssps/nominaton"),
        "utf-8",
    )
    with pytest.raises(ErreurCatalogue) as exc:
        planifier(
            EFFECTIFS / "enseignants.csv",
            EFFECTIFS / "ecoles.csv",
            moteur=Moteur.depuis(surcouche=surcouche),
        )
    problemes = [(p.fichier, p.id, p.champ, p.valeur, p.suggestions) for p in exc.value.problemes]
    assert problemes == [
        (
            "centre_x/centre/calendrier.toml",
            "nomination",
            "responsables[0]",
            "ressources_humain",
            ("ressources_humaines",),
        ),
        (
            "centre_x/centre/calendrier.toml",
            "nomination",
            "sources[0]",
            "cssps/nominaton",
            ("cssps/nomination",),
        ),
    ]


def test_le_dernier_jour_de_la_periode(etapes: list) -> None:  # type: ignore[type-arg]
    """Le 30 novembre 2026, l'étape 01 (janvier à novembre) est encore en cours ; le 1er
    décembre, elle est reportée, et 02 avec elle : la part de tâche ne se fixe pas avant la
    consultation syndicale. Le 1er mars, 02 est reportée à décembre 2027."""
    (un, deux) = [d for d in dater(etapes, dt.date(2026, 11, 30), {}) if d.numero in ("01", "02")]
    assert (un.statut, deux.statut, deux.annee_scolaire) == ("en_cours", "a_venir", "2027-2028")
    (un, deux) = [d for d in dater(etapes, dt.date(2026, 12, 1), {}) if d.numero in ("01", "02")]
    assert (un.statut, deux.statut, deux.annee_scolaire) == ("reportee", "reportee", "2028-2029")
    (deux,) = [d for d in dater(etapes, dt.date(2027, 3, 1), {}) if d.numero == "02"]
    assert (deux.statut, deux.debut) == ("reportee", dt.date(2027, 12, 1))


def test_les_etapes_restent_dans_l_ordre_chaque_jour_de_l_annee(
    etapes: list,  # type: ignore[type-arg]
) -> None:
    """Chaque date d'une année : les étapes datées suivent l'ordre 01 → 09 (début, fin, année
    servie) ; aucune n'est planifiée avant une étape dont elle dépend."""
    jour = dt.date(2026, 9, 1)
    while jour < dt.date(2027, 9, 1):
        datees = sorted(dater(etapes, jour, {}), key=lambda d: d.numero)
        assert [d.numero for d in datees] == [f"0{i}" for i in range(1, 10)]
        for avant, apres in itertools.pairwise(datees):
            assert avant.debut <= apres.debut, (jour, avant.numero, apres.numero)
            assert avant.fin <= apres.fin, (jour, avant.numero, apres.numero)
            assert avant.annee_scolaire <= apres.annee_scolaire, (jour, apres.numero)
        jour += dt.timedelta(days=1)


def _etape(numero: str, debut: tuple[int, int], fin: tuple[int, int]) -> EtapeCentre:
    return EtapeCentre(
        id=f"e{numero}",
        numero=numero,
        libelle="x",
        actions=("a",),
        responsables=("ressources_humaines",),
        produit="p",
        debut=MoisRelatif(annee=debut[0], mois=debut[1]),
        fin=MoisRelatif(annee=fin[0], mois=fin[1]),
        quand="q",
        sources=("s",),
    )


def test_une_etape_qui_commence_le_jour_du_plan_est_en_cours() -> None:
    """Revue indépendante (tickets 18, 23) : « commencée » compte le premier jour."""
    (e,) = dater([_etape("01", (-1, 12), (-1, 12))], dt.date(2026, 12, 1), {})
    assert (e.debut, e.statut) == (dt.date(2026, 12, 1), "en_cours")
    (e,) = dater([_etape("01", (-1, 12), (-1, 12))], dt.date(2026, 11, 30), {})
    assert e.statut == "a_venir"


def test_le_calendrier_est_trie_par_date_de_debut() -> None:
    """Revue indépendante (tickets 18, 23) : une étape (d'une surcouche) qui commence avant une
    étape de plus petit numéro vient avant elle."""
    datees = dater(
        [_etape("01", (0, 3), (0, 4)), _etape("10", (-1, 12), (-1, 12))], dt.date(2026, 10, 1), {}
    )
    assert [(d.numero, d.debut) for d in datees] == [
        ("10", dt.date(2026, 12, 1)),
        ("01", dt.date(2027, 3, 1)),
    ]


def test_le_rapport_dit_la_date_du_plan_en_mots() -> None:
    """Revue indépendante (tickets 18, 23) : la section du calendrier dit « 15 mars 2027 »."""
    plan = planifier(
        EFFECTIFS / "enseignants.csv", EFFECTIFS / "ecoles.csv", date=dt.date(2027, 3, 15)
    )
    page = plan.html()
    section = page[page.index('<section id="calendrier"') :]
    section = section[: section.index("</section>")]
    assert "datées pour le plan du 15 mars 2027" in section
    assert "2027-03-15" not in section
