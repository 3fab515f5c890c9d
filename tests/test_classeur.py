"""Le classeur xlsx d'un plan, relu par openpyxl : une feuille par CSV, les colonnes exportées
sous leurs libellés français, les nombres en nombres, aucun texte lu comme une formule."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from recommandeur import Plan, planifier
from recommandeur._cli.commande import main
from recommandeur._programme.sorties.classeur import libelle_de_colonne, nom_de_colonne
from recommandeur._programme.sorties.exports import fichiers_csv

EFFECTIFS = Path(__file__).parent / "donnees" / "effectifs"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return planifier(EFFECTIFS / "enseignants.csv", EFFECTIFS / "ecoles.csv")


def test_une_feuille_par_csv_et_les_colonnes_exportees(plan: Plan, tmp_path: Path) -> None:
    livre = openpyxl.load_workbook(plan.ecrire_xlsx(tmp_path / "plan.xlsx"))
    fichiers = fichiers_csv(plan)
    assert len(livre.sheetnames) == len(fichiers)
    for feuille, (nom, (lignes, colonnes)) in zip(livre.worksheets, fichiers.items(), strict=True):
        entetes = [str(c.value) for c in feuille[1]]
        assert entetes == [libelle_de_colonne(nom_de_colonne(c)) for c in colonnes], nom
        assert all("_" not in e and e[0].isupper() for e in entetes), entetes
        assert feuille.max_row == len(lignes) + 1, nom
        assert feuille.freeze_panes == "A2"
    ecoles = {r[0]: r for r in livre["Écoles"].iter_rows(min_row=2, values_only=True)}
    for e in plan.portrait.ecoles:
        ligne = ecoles[e.ecole]
        assert ligne[1:5] == (e.nom, e.nb_enseignants, e.nb_dans_les_effectifs, e.nb_en_insertion)
        assert ligne[5] == e.part_novices  # un nombre, pas « 45 % »
    periodes = {r[2] for r in livre["Enseignants"].iter_rows(min_row=2, values_only=True)}
    from recommandeur import PeriodeInsertion

    assert periodes and periodes <= {x.libelle for x in PeriodeInsertion}


def test_les_en_tetes_epingles() -> None:
    assert libelle_de_colonne("part_novices") == "Part en insertion"
    assert libelle_de_colonne("prioritaires_libelles") == "Offres d'abord"
    assert libelle_de_colonne("colonne_nouvelle") == "Colonne nouvelle"


def test_un_texte_qui_commence_par_egal_reste_du_texte(tmp_path: Path) -> None:
    ecoles = [{"ecole": '=HYPERLINK("x")', "nom": "=1+1"}]
    profs = [
        {
            "enseignant": "@SOMME(A1)",
            "ecole": '=HYPERLINK("x")',
            "annees_experience": 0,
            "ordre": "primaire",
        }
    ]
    livre = openpyxl.load_workbook(planifier(profs, ecoles).ecrire_xlsx(tmp_path / "p.xlsx"))
    cellules = [c for f in livre.worksheets for r in f.iter_rows() for c in r]
    assert not [c.coordinate for c in cellules if c.data_type == "f"]
    feuille = livre["Écoles"]
    assert (feuille["A2"].value, feuille["B2"].value) == ('=HYPERLINK("x")', "=1+1")


def test_la_commande_ecrit_le_classeur(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cible = tmp_path / "plan.xlsx"
    args = ["plan", str(EFFECTIFS / "enseignants.csv"), "--ecoles", str(EFFECTIFS / "ecoles.csv")]
    assert main([*args, "--processus", "1", "--xlsx", str(cible)]) == 0
    assert f"classeur : {cible}" in capsys.readouterr().out
    assert openpyxl.load_workbook(cible).sheetnames[0] == "Écoles"


def test_aucune_cellule_n_est_un_identifiant_d_enumeration() -> None:
    """Les colonnes lues par des personnes (origine, motif, genre d'alerte) portent des mots."""
    import io

    from recommandeur._programme.sorties.classeur import VALEURS_EN_MOTS, classeur

    profs = [
        {"enseignant": f"e{i}", "ecole": "a", "annees_experience": 0, "ordre": "primaire"}
        for i in range(3)
    ]
    plan = planifier(
        profs,
        [{"ecole": "a", "nom": "École A", "nb_enseignants": 20, "mentors": 1}],
        mentors=[{"mentor": "M1", "ecole": "a", "capacite": 1}],
    )
    livre = openpyxl.load_workbook(io.BytesIO(classeur(plan)))
    bruts = {k for mots in VALEURS_EN_MOTS.values() for k in mots}
    cellules = {c for f in livre.worksheets for r in f.iter_rows(values_only=True) for c in r}
    assert not cellules & bruts
    motifs = {r[2] for r in livre["Non appariées"].iter_rows(min_row=2, values_only=True)}
    assert motifs == {"personnes mentores à leur capacité"}
    origines = {r[6] for r in livre["Écoles"].iter_rows(min_row=2, values_only=True)}
    assert origines == {"calculée des effectifs"}
    capacites = {r[5] for r in livre["Personnes mentores"].iter_rows(min_row=2, values_only=True)}
    assert capacites == {"le fichier des personnes mentores"}


def test_les_en_tetes_en_gras_et_seulement_eux(plan: Plan) -> None:
    import io

    from recommandeur._programme.sorties.classeur import classeur

    livre = openpyxl.load_workbook(io.BytesIO(classeur(plan)))
    for feuille in livre.worksheets:
        rangees = list(feuille.iter_rows())
        assert rangees and all(c.font.b for c in rangees[0]), feuille.title
        assert not [c.coordinate for r in rangees[1:] for c in r if c.font.b], feuille.title


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    noms=st.lists(
        st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12),
        min_size=1,
        max_size=4,
    ),
    egal=st.booleans(),
)
@example(noms=["\r"], egal=False)  # trouvé par hypothesis : XML relit « \r » comme « \n »
@example(noms=["A\r\nB", "\tC\u2028"], egal=True)
def test_chaque_nom_relu_tel_quel_ou_refuse_a_la_lecture(noms: list[str], egal: bool) -> None:
    """Tout nom d'école se relit tel quel, en texte, qu'il commence par « = » ou non ; un nom
    qu'un tableur ne peut pas écrire (caractère de contrôle) est refusé à la lecture des
    effectifs, jamais au moment d'écrire le classeur."""
    import io

    from recommandeur import ErreurEffectifs
    from recommandeur._programme.donnees.identifiants import caractere_de_controle
    from recommandeur._programme.sorties.classeur import classeur

    noms = [("=" + n) if egal else n for n in noms]
    ecoles = [{"ecole": f"e{i}", "nom": n} for i, n in enumerate(noms)]
    profs = [{"enseignant": "p", "ecole": "e0", "annees_experience": 0, "ordre": "primaire"}]
    fautifs = [
        f"élément n° {i + 1}" for i, n in enumerate(noms) if caractere_de_controle(n, blancs=True)
    ]
    if fautifs:
        with pytest.raises(ErreurEffectifs) as erreur:
            planifier(profs, ecoles)
        assert [(p.id, p.champ) for p in erreur.value.problemes] == [(f, "nom") for f in fautifs]
        return
    plan = planifier(profs, ecoles)
    # une fin de ligne « \r\n » ou « \r » est lue « \n » (un tableur la relit ainsi)
    tels_quels = {f"e{i}": n.replace("\r\n", "\n").replace("\r", "\n") for i, n in enumerate(noms)}
    assert {e.ecole: e.nom for e in plan.ecoles} == tels_quels
    livre = openpyxl.load_workbook(io.BytesIO(classeur(plan)))
    lus = {r[0].value: r[1] for r in livre["Écoles"].iter_rows(min_row=2)}
    assert {e: (c.value, c.data_type) for e, c in lus.items()} == {
        e: (n, "s") for e, n in tels_quels.items()
    }


def test_un_plan_confidentiel_commence_par_l_avis_en_gras() -> None:
    """La feuille « Confidentiel » vient d'abord : l'avertissement seul, en gras, comme les
    en-têtes ; les feuilles des CSV suivent dans le même ordre."""
    import io

    from recommandeur._programme.sorties.classeur import classeur
    from recommandeur._programme.sorties.confidentiel import AVERTISSEMENT

    profs = [
        {
            "enseignant": "e1",
            "ecole": "a",
            "annees_experience": 0,
            "ordre": "primaire",
            "signaux_de_detresse": True,
        }
    ]
    plan = planifier(profs, [{"ecole": "a", "nom": "École A"}], inclure_confidentiel=True)
    livre = openpyxl.load_workbook(io.BytesIO(classeur(plan)))
    assert livre.sheetnames[:3] == ["Confidentiel", "Écoles", "Groupes"]
    assert len(livre.sheetnames) == len(fichiers_csv(plan)) + 1
    avis = livre["Confidentiel"]
    assert [[c.value for c in r] for r in avis.iter_rows()] == [[AVERTISSEMENT]]
    assert avis["A1"].font.b and avis["A1"].data_type == "s"


def test_la_feuille_des_ecoles_d_un_petit_plan_jusqu_a_la_derniere_colonne() -> None:
    """Un petit plan fait main : la feuille « Écoles » entière, cellule par cellule (nombres en
    nombres, l'origine en mots, la dernière colonne comprise)."""
    import io

    from recommandeur._programme.sorties.classeur import classeur

    profs = [{"enseignant": "e1", "ecole": "a", "annees_experience": 0, "ordre": "primaire"}]
    ecoles = [{"ecole": "a", "nom": "École A", "nb_enseignants": 20, "mentors": 1}]
    livre = openpyxl.load_workbook(io.BytesIO(classeur(planifier(profs, ecoles))))
    assert [[c.value for c in r] for r in livre["Écoles"].iter_rows()] == [
        [
            "École (identifiant)",
            "Nom",
            "Enseignants",
            "Dans les effectifs",
            "En insertion",
            "Part en insertion",
            "Origine de la part en insertion",
            "Part de 5 ans et moins",
            "Personnes mentores",
        ],
        ["a", "École A", 20, 1, 1, 0.05, "calculée des effectifs", 0.05, 1],
    ]
