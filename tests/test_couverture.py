"""L'analyse de couverture : chaque défaut semé est trouvé avec les bonnes règles ; la base livrée est propre."""

from __future__ import annotations

from pathlib import Path

import pytest

from recommandeur import Constat, ErreurRegle, Moteur, RapportCouverture, couverture
from recommandeur._cli.commande import main

DEFAUTS = Path(__file__).parent / "donnees" / "defauts"
RACINE = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def rapport() -> RapportCouverture:
    return couverture(Moteur.depuis(catalogue=DEFAUTS / "catalogue", regles=DEFAUTS / "regles"))


def _constats(rapport: RapportCouverture, genre: str) -> list[Constat]:
    return [c for c in rapport.constats if c.genre == genre]


def test_regles_contradictoire_et_hors_domaine(rapport: RapportCouverture) -> None:
    jamais = _constats(rapport, "regle_jamais_declenchee")
    assert [(c.regles, c.fichiers) for c in jamais] == [
        (["contradictoire"], ["regles.toml"]),
        (["hors_domaine"], ["regles.toml"]),
    ]
    assert jamais[0].message == (
        "la règle 'contradictoire' (regles.toml) ne peut jamais se déclencher : ses conditions se "
        "contredisent ou demandent une valeur hors du domaine d'un champ"
    )


def test_mesures_orphelines(rapport: RapportCouverture) -> None:
    orphelines = _constats(rapport, "mesure_orpheline")
    assert [(c.mesure, c.regles) for c in orphelines] == [
        ("m_orpheline", []),
        ("m_jamais", ["contradictoire"]),
    ]
    assert orphelines[1].message == (
        "la mesure 'm_jamais' n'est recommandée par aucune règle qui peut se déclencher "
        "(seulement par 'contradictoire' (regles.toml))"
    )


def test_regles_en_double(rapport: RapportCouverture) -> None:
    doubles = _constats(rapport, "regles_en_double")
    assert [c.regles for c in doubles] == [["doublon_a", "doublon_b"]]
    subsumees = {r for c in _constats(rapport, "regle_subsumee") for r in c.regles}
    assert not subsumees & {"doublon_a", "doublon_b"}


def test_regle_subsumee(rapport: RapportCouverture) -> None:
    subsumees = _constats(rapport, "regle_subsumee")
    assert [c.regles for c in subsumees] == [["subsumee", "generale"]]
    assert subsumees[0].message == (
        "la règle 'subsumee' (regles.toml) est subsumée par 'generale' (regles.toml) : sa condition "
        "implique celle de l'autre, qui recommande les mêmes mesures avec un poids au moins égal"
    )


def test_besoin_non_couvert(rapport: RapportCouverture) -> None:
    lacunes = {
        (c.besoin.value, c.intensite.value, c.niveau.value)
        for c in _constats(rapport, "lacune")
        if c.besoin and c.intensite and c.niveau
    }
    assert ("planification", "elevee", "individuel") in lacunes
    assert ("gestion_de_classe", "elevee", "individuel") not in lacunes
    assert ("gestion_de_classe", "moderee", "individuel") in lacunes
    cellule = rapport.cellule("gestion_de_classe", "elevee", "individuel")
    assert (cellule.mesures, cellule.regles) == (["m_individuelle"], ["besoin_eleve"])


def test_acteur_sans_mesure(rapport: RapportCouverture) -> None:
    assert [c.acteur for c in _constats(rapport, "acteur_sans_mesure")] == ["inactif"]


def test_sans_explication_tout_est_a_corriger(rapport: RapportCouverture) -> None:
    assert rapport.non_expliques == rapport.constats


def test_explication_vise_un_constat(tmp_path: Path) -> None:
    regles = tmp_path / "regles"
    regles.mkdir()
    (regles / "regles.toml").write_text(
        (DEFAUTS / "regles" / "regles.toml").read_text("utf-8"), "utf-8"
    )
    (regles / "explications.toml").write_text(
        '[[explication]]\nconstat = "regle_subsumee"\nregle = "subsumee"\nraison = "renfort voulu"\n',
        encoding="utf-8",
    )
    rapport = couverture(Moteur.depuis(catalogue=DEFAUTS / "catalogue", regles=regles))
    (subsumee,) = _constats(rapport, "regle_subsumee")
    assert subsumee.explication == "renfort voulu"
    assert subsumee not in rapport.non_expliques


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        (
            '[[explication]]\nconstat = "lacunes"\nraison = "x"\n',
            "explications.toml : [explication n° 1] champ 'constat' : genre de constat inconnu ; attendu : "
            "lacune, mesure_orpheline, acteur_sans_mesure, regle_jamais_declenchee, regle_subsumee, "
            "regles_en_double (reçu : 'lacunes') ; vouliez-vous dire 'lacune' ?",
        ),
        (
            '[[explication]]\nconstat = "regle_subsumee"\nregle = "subsumé"\nraison = "x"\n',
            "explications.toml : [explication regle_subsumee] champ 'regle' : règle inconnue "
            "(reçu : 'subsumé') ; vouliez-vous dire 'subsumee' ?",
        ),
    ],
)
def test_explication_fautive(tmp_path: Path, texte: str, attendu: str) -> None:
    regles = tmp_path / "regles"
    regles.mkdir()
    (regles / "regles.toml").write_text(
        (DEFAUTS / "regles" / "regles.toml").read_text("utf-8"), "utf-8"
    )
    (regles / "explications.toml").write_text(texte, encoding="utf-8")
    with pytest.raises(ErreurRegle) as info:
        Moteur.depuis(catalogue=DEFAUTS / "catalogue", regles=regles)
    assert str(info.value) == attendu


def test_base_livree_sans_constat_non_explique() -> None:
    rapport = couverture()
    assert [str(c) for c in rapport.non_expliques] == []
    assert rapport.constats  # les lacunes voulues sont bien rapportées, et expliquées


def test_chaque_besoin_eleve_a_une_mesure_individuelle_livree() -> None:
    rapport = couverture()
    for cellule in rapport.cellules:
        if cellule.intensite.value == "elevee" and cellule.niveau.value == "individuel":
            assert cellule.mesures, cellule.besoin


def test_rapport_de_la_documentation_a_jour() -> None:
    attendu = couverture().markdown()
    assert (RACINE / "docs" / "couverture.md").read_text(encoding="utf-8") == attendu, (
        "docs/couverture.md est périmé : lancer `recommandeur couverture --markdown > docs/couverture.md`"
    )


def test_commande_couverture(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["couverture"]) == 0
    assert "0 non expliqué(s)" in capsys.readouterr().out
    assert (
        main(
            [
                "couverture",
                "--catalogue",
                str(DEFAUTS / "catalogue"),
                "--regles",
                str(DEFAUTS / "regles"),
            ]
        )
        == 1
    )
    assert "[regle_jamais_declenchee] la règle 'contradictoire'" in capsys.readouterr().out


POLITIQUE = Path(__file__).parent / "donnees" / "politique"


def _base(tmp_path: Path, texte: str) -> Moteur:
    regles = tmp_path / "regles"
    regles.mkdir()
    (regles / "regles.toml").write_text('version = "t"\n' + texte, encoding="utf-8")
    return Moteur.depuis(catalogue=POLITIQUE / "catalogue", regles=regles)


def test_une_cellule_ne_retient_que_les_mesures_qui_visent_le_besoin(tmp_path: Path) -> None:
    moteur = _base(
        tmp_path,
        '[[regle]]\nid = "planif"\ntitre = "p"\nsi = { besoin = "planification", au_moins = "moderee" }\n'
        'justification = "p"\nsources = ["annexe1/individuel/b", "cnipe/niveau3", "annexe1/cible/a"]\n'
        'recommande = [{ mesure = "i_suivi", poids = 1 }, { mesure = "i_ecoute", poids = 1 }, '
        '{ mesure = "c_groupe", poids = 1 }]\n',
    )
    rapport = couverture(moteur)
    assert rapport.cellule("planification", "moderee", "individuel").mesures == ["i_suivi"]
    assert rapport.cellule("planification", "elevee", "cible").mesures == ["c_groupe"]
    assert rapport.cellule("planification", "faible", "individuel").mesures == []
    assert rapport.cellule("bien_etre", "elevee", "individuel").mesures == []


def test_une_explication_ne_vise_que_ses_regles(tmp_path: Path) -> None:
    def regle(id: str, annees: int) -> str:
        return (
            f'[[regle]]\nid = "{id}"\ntitre = "{id}"\n'
            f'si = {{ champ = "annees_experience", op = "<", valeur = {annees} }}\n'
            f'justification = "x"\nsources = ["annexe1/universel/b"]\n'
            f'recommande = [{{ mesure = "u_accueil", poids = {2 if id == "generale" else 1} }}]\n'
        )

    moteur = _base(
        tmp_path,
        regle("generale", 7)
        + regle("sub_a", 3)
        + regle("sub_b", 5)
        + '[[explication]]\nconstat = "regle_subsumee"\nregle = "sub_b"\nraison = "voulu"\n',
    )
    subsumees = [c for c in couverture(moteur).constats if c.genre == "regle_subsumee"]
    assert [(c.regles, c.explication) for c in subsumees] == [
        (["sub_a", "generale"], None),
        (["sub_a", "sub_b"], "voulu"),
        (["sub_b", "generale"], "voulu"),
    ]


RANGS = [None, 1, 2]


@pytest.mark.parametrize("rang_general", RANGS)
@pytest.mark.parametrize("rang_etroit", RANGS)
def test_une_regle_n_est_subsumee_que_par_une_priorite_au_moins_aussi_tot(
    tmp_path: Path, rang_etroit: int | None, rang_general: int | None
) -> None:
    """Chaque paire de rangs : la règle étroite qui rend sa mesure prioritaire n'est subsumée que
    si la générale la rend prioritaire à un rang au moins aussi tôt (un rang plus petit)."""

    def regle(id: str, annees: int, poids: int, rang: int | None) -> str:
        priorite = "" if rang is None else f", priorite = {rang}"
        return (
            f'[[regle]]\nid = "{id}"\ntitre = "{id}"\n'
            f'si = {{ champ = "annees_experience", op = "<", valeur = {annees} }}\n'
            f'justification = "x"\nsources = ["annexe1/universel/b"]\n'
            f'recommande = [{{ mesure = "u_accueil", poids = {poids}{priorite} }}]\n'
        )

    moteur = _base(
        tmp_path, regle("etroite", 3, 1, rang_etroit) + regle("generale", 7, 2, rang_general)
    )
    subsumees = [c.regles for c in couverture(moteur).constats if c.genre == "regle_subsumee"]
    attendu = rang_etroit is None or (rang_general is not None and rang_general <= rang_etroit)
    assert subsumees == ([["etroite", "generale"]] if attendu else [])
