"""``outils/muter.py --cibler`` : les tests lancés d'abord pour un mutant, lus dans le dépôt."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

RACINE = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def muter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("muter", RACINE / "outils" / "muter.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _depot(racine: Path) -> Path:
    """Un petit dépôt : ``recommandeur.p.b`` (public : ``nom``), ``p.c`` qui l'importe, ``p.d``
    importé seulement par ``p.c``, et des tests qui les importent de toutes les façons."""
    fichiers = {
        "src/recommandeur/__init__.py": "if TYPE_CHECKING:\n    from .p.b import nom\n",
        "src/recommandeur/p/__init__.py": "from . import b, c, d\n",
        "src/recommandeur/p/b.py": "def nom() -> None: ...\n",
        "src/recommandeur/p/c.py": "from . import d\nfrom .b import nom\n",
        "src/recommandeur/p/d.py": "X = 1\n",
        "tests/test_public.py": "from recommandeur import nom\n",
        "tests/test_chaine.py": 'CIBLE = "recommandeur.p.b.nom"  # monkeypatch.setattr\n',
        "tests/test_paquet_importe.py": "from recommandeur.p import c\n",
        "tests/test_sans_rapport.py": "import json\nfrom recommandeur import autre\n",
        "tests/test_b_par_son_nom.py": "\n",
        "tests/aide.py": "from recommandeur.p.b import nom\n",  # pas un fichier de tests
    }
    for chemin, texte in fichiers.items():
        (racine / chemin).parent.mkdir(parents=True, exist_ok=True)
        (racine / chemin).write_text(texte, encoding="utf-8")
    return racine


def test_les_tests_qui_importent_ou_nomment_le_module_puis_sa_doctest(
    muter: ModuleType, tmp_path: Path
) -> None:
    racine = _depot(tmp_path)
    assert muter.tests_cibles(racine, "p/b.py") == [
        "tests/test_b_par_son_nom.py",
        "tests/test_chaine.py",
        "tests/test_public.py",
        "tests/test_qualite.py::test_doctests[recommandeur.p.b]",
    ]
    assert muter.tests_cibles(racine, "p/c.py") == [
        "tests/test_paquet_importe.py",
        "tests/test_qualite.py::test_doctests[recommandeur.p.c]",
    ]


def test_sans_test_direct_ceux_des_modules_qui_l_importent(
    muter: ModuleType, tmp_path: Path
) -> None:
    """``p.d`` n'est importé par aucun test : ceux de ``p.c`` (qui l'importe), pas ceux de
    ``recommandeur.p`` (un ``__init__`` importe tout)."""
    racine = _depot(tmp_path)
    assert muter.tests_cibles(racine, "p/d.py") == [
        "tests/test_paquet_importe.py",
        "tests/test_qualite.py::test_doctests[recommandeur.p.d]",
    ]


def test_dans_le_depot(muter: ModuleType) -> None:
    cibles = muter.tests_cibles(RACINE, "_programme/provincial/reprise.py")
    assert "tests/test_province.py" in cibles
    assert "tests/test_vocabulaire.py" not in cibles
    assert (
        cibles[-1]
        == "tests/test_qualite.py::test_doctests[recommandeur._programme.provincial.reprise]"
    )
    assert "tests/test_generer_effectifs.py" in muter.tests_cibles(
        RACINE, "../../outils/generer_effectifs.py"
    )


@pytest.mark.parametrize("phases", ["complete", "rapide", "aucune"])
def test_chaque_phase_ecarte_les_tests_qui_echouent_dans_toute_copie_mutee(
    muter: ModuleType, phases: str
) -> None:
    """Les tests « d'abord » aussi : ``--cibler`` lance ``tests/test_qualite.py`` entier pour un
    mutant de ``__init__.py`` ou de ``outils/muter.py``, et sa vérification des textes « avant »
    échoue dans toute copie mutée (un mutant survivant y serait dit tué)."""
    lancements = muter.phases_de_tests(["tests/test_qualite.py"], phases)
    assert lancements[0][0] == "d'abord"
    avec_tueurs = muter.phases_de_tests(["tests/test_qualite.py"], phases, ["tests/test_x.py"])
    assert [nom for nom, _ in avec_tueurs][:2] == [muter.TUEURS, "d'abord"]
    lancements += avec_tueurs
    ecarte = (
        "--deselect=tests/test_qualite.py::test_chaque_mutant_vise_un_texte_present_une_seule_fois"
    )
    assert [ecarte] == muter.DESELECTIONNES
    for _, choix in lancements:
        assert ecarte in choix
    assert "tests/test_qualite.py" in muter.tests_cibles(RACINE, "__init__.py")


def test_un_module_n_est_pas_pris_pour_celui_dont_le_nom_le_prolonge(
    muter: ModuleType, tmp_path: Path
) -> None:
    """``p/b.py`` : un test de ``recommandeur.p.bis`` (dont le nom commence par ``p.b``) n'est
    pas lancé d'abord ; un test d'un sous-module de ``p.b`` (``p.b.x``), si."""
    racine = _depot(tmp_path)
    (racine / "tests" / "test_bis.py").write_text(
        "from recommandeur.p.bis import autre\n", encoding="utf-8"
    )
    (racine / "tests" / "test_sous_module.py").write_text(
        "import recommandeur.p.b.x\n", encoding="utf-8"
    )
    cibles = muter.tests_cibles(racine, "p/b.py")
    assert "tests/test_bis.py" not in cibles
    assert "tests/test_sous_module.py" in cibles


def test_les_tueurs_appris_par_fichier(muter: ModuleType) -> None:
    """Le tueur propre d'un mutant d'abord, puis ceux de son fichier, le plus récent en tête,
    sans doublon, au plus ``par_fichier`` ; rien d'un autre fichier."""
    mutants = [{"id": f"m{i}", "fichier": "x.py" if i < 3 else "y.py"} for i in range(4)]
    tueurs = muter.Tueurs(mutants, {"m0": {"test": "t0"}, "m3": {"test": ["t3", "t3b"]}}, 3)
    assert [tueurs.pour(m) for m in mutants] == [["t0"], ["t0"], ["t0"], ["t3", "t3b"]]
    for test in ("t1", "t2", "t0", "t4"):
        tueurs.retenir(mutants[1], test)
    assert tueurs.pour(mutants[0]) == ["t0", "t4", "t2"]
    assert tueurs.pour(mutants[2]) == ["t4", "t0", "t2"]
    assert tueurs.pour(mutants[3]) == ["t3", "t3b"]
    # tous fichiers confondus, les plus tueurs d'abord, hors ceux déjà essayés pour ce mutant
    tueurs.retenir(mutants[3], "t4")
    assert tueurs.generaux(mutants[3], 2) == ["t0", "t1"]  # t4 : 2 fois, déjà dans pour()
    assert tueurs.generaux({"id": "z", "fichier": "z.py"}, 3) == [
        "t0",
        "t4",
        "t3",
    ]  # à égalité : le premier vu


def _petit_depot(racine: Path) -> Path:
    fichiers = {
        "src/recommandeur/__init__.py": "",
        "src/recommandeur/x.py": "def f() -> int:\n    return 1\n",
        "tests/test_a.py": "from recommandeur.x import f\n\n\ndef test_f() -> None:\n"
        "    assert f() == 1\n",
        "tests/test_b.py": "def test_rien() -> None:\n    pass\n",
        "tests/test_c.py": "def test_faux() -> None:\n    assert False\n",
        "tests/test_d.py": "import pytest\n\n\n@pytest.fixture\ndef casse() -> None:\n"
        "    raise RuntimeError\n\n\ndef test_erreur(casse: None) -> None:\n    pass\n",
        "tests/test_e.py": "import time\n\n\ndef test_dort() -> None:\n    time.sleep(60)\n",
    }
    for chemin, texte in fichiers.items():
        (racine / chemin).parent.mkdir(parents=True, exist_ok=True)
        (racine / chemin).write_text(texte, encoding="utf-8")
    return racine


@pytest.mark.lent  # trois pytest en sous-processus
@pytest.mark.parametrize(
    ("tueurs", "phase"),
    [
        (["tests/test_a.py::test_f"], "tueur connu"),
        (["tests/test_b.py::test_rien", "tests/disparu.py::test_x"], "d'abord"),
        ([], "d'abord"),
    ],
)
def test_un_tueur_connu_tue_en_premier(
    muter: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tueurs: list[str],
    phase: str,
) -> None:
    """Le tueur connu tourne seul, en premier ; un tueur qui ne tue pas (ou disparu) laisse la
    main aux tests d'abord, qui tuent alors."""
    monkeypatch.setattr(muter, "RACINE", _petit_depot(tmp_path / "depot"))
    mutant = {"id": "m", "fichier": "x.py", "avant": "return 1", "apres": "return 2"}
    verdict = muter.essayer(mutant, 120, "aucune", ["tests/test_a.py"], tueurs)
    assert (verdict.verdict, verdict.phase, verdict.test) == (
        "tue",
        phase,
        "tests/test_a.py::test_f",
    )


def test_les_verdicts_ecrits_au_fil_et_d_un_coup(muter: ModuleType, tmp_path: Path) -> None:
    import json

    chemin = tmp_path / "v.json"
    v = muter.Verdict("m", "tue", "tueur connu", "t", 1.0, None)
    muter._ecrire_verdicts(chemin, [v])
    assert json.loads(chemin.read_text(encoding="utf-8"))["m"]["phase"] == "tueur connu"
    assert [p.name for p in tmp_path.iterdir()] == ["v.json"]


def test_les_fichiers_ignores_ne_sont_jamais_lances_meme_nommes(muter: ModuleType) -> None:
    """``--ignore`` ne vaut pas pour un chemin donné à pytest : la roue et la survie, ciblées
    ou tueuses connues, sont retirées de chaque phase."""
    lancements = muter.phases_de_tests(
        ["tests/test_paquet.py", "tests/test_x.py"],
        "rapide",
        ["tests/test_survie.py::t"],
        ["tests/test_paquet.py::t", "tests/test_y.py::t"],
    )
    assert [nom for nom, _ in lancements] == ["d'abord", muter.GENERAUX, "rapide", "lente"]
    assert lancements[1][1][0] == "tests/test_y.py::t"
    assert lancements[0][1][0] == "tests/test_x.py"
    arguments = [a for _, choix in lancements for a in choix]
    assert not {a for a in arguments if not a.startswith("--")} & set(muter.IGNORES)
    assert muter.phases_de_tests(["tests/test_survie.py"], "aucune") == []


@pytest.mark.lent  # pytest en sous-processus
@pytest.mark.parametrize("introuvable", [False, True])
def test_les_tueurs_qui_echouent_sans_mutant_en_un_lancement(
    muter: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, introuvable: bool
) -> None:
    """Le témoin des tueurs : ensemble en un pytest ; avec un identifiant introuvable (pytest
    ne lance alors rien), chacun seul ; le même verdict dans les deux cas."""
    monkeypatch.setattr(muter, "RACINE", _petit_depot(tmp_path / "depot"))
    tests = ["tests/test_a.py::test_f", "tests/test_c.py::test_faux", "tests/test_b.py::test_rien"]
    tests += ["tests/test_d.py::test_erreur"]  # en erreur (sa fixture), pas en échec
    tests += ["tests/test_a.py::test_absent"] if introuvable else []
    assert muter.echouent_sans_mutant(tests, 120, 1) == {
        "tests/test_c.py::test_faux",
        "tests/test_d.py::test_erreur",
    }
    assert muter.echouent_sans_mutant([], 120) == set()


@pytest.mark.parametrize(
    ("profil", "attendu"), [(None, "False False None"), ("passe", "True True None")]
)
def test_la_passe_lance_hypothesis_aux_memes_exemples(
    muter: ModuleType, profil: str | None, attendu: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Les pytest d'une copie mutée ont hypothesis au profil ``passe`` (dérandomisé : un verdict
    « tué » se reproduit ; sans la base d'exemples, qu'un lancement précédent aurait remplie ;
    sans échéance, comme le profil du projet) ; la suite lancée à la main garde le profil au
    hasard."""
    import os
    import subprocess
    import sys

    # sous la passe elle-même, la variable est déjà là : la copie doit la poser seule
    monkeypatch.delenv("RECOMMANDEUR_HYPOTHESIS", raising=False)
    # hors d'une CI : hypothesis y dérandomise de lui-même (CI=true de .ci/run, par exemple)
    from hypothesis import _settings

    hors_ci = set(getattr(_settings, "_CI_VARS", {"CI": None}))
    env = {k: v for k, v in os.environ.items() if k not in hors_ci}
    if profil is not None:
        assert muter.environnement(RACINE)["RECOMMANDEUR_HYPOTHESIS"] == profil
        env = muter.environnement(RACINE)
    lu = subprocess.run(
        [
            sys.executable,
            "-c",
            "import conftest, hypothesis; s = hypothesis.settings.default; "
            "print(s.derandomize, s.database is None, s.deadline)",
        ],
        cwd=RACINE,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert lu.stdout.strip() == attendu


def test_un_tueur_qui_tue_de_suite_ne_chasse_pas_les_autres(muter: ModuleType) -> None:
    """Un test qui tue plusieurs mutants de suite n'occupe qu'une place parmi les tueurs de son
    fichier : les autres y restent."""
    mutants = [{"id": f"m{i}", "fichier": "x.py"} for i in range(5)]
    tueurs = muter.Tueurs(mutants, {}, 3)
    for test in ("t1", "t2", "t2", "t2", "t2"):
        tueurs.retenir(mutants[0], test)
    assert tueurs.pour(mutants[4]) == ["t2", "t1"]
    for test in ("t3", "t4"):
        tueurs.retenir(mutants[0], test)
    assert tueurs.pour(mutants[4]) == ["t4", "t3", "t2"]


@pytest.mark.lent  # un pytest en sous-processus chacun
@pytest.mark.parametrize("place", ["tueurs", "d_abord", "generaux", "couvrants"])
def test_un_test_introuvable_ne_tue_pas(
    muter: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, place: str
) -> None:
    """Un tueur connu, un test « d'abord », un tueur de la passe ou un test couvrant qui n'existe
    plus dans son fichier (pytest : « not found », code 4) n'est pas un échec : le mutant n'est
    pas tué."""
    monkeypatch.setattr(muter, "RACINE", _petit_depot(tmp_path / "depot"))
    mutant = {"id": "m", "fichier": "x.py", "avant": "return 1", "apres": "return 2"}
    disparu = ["tests/test_a.py::test_disparu"]
    places = ("d_abord", "tueurs", "generaux", "couvrants")
    listes = [disparu if p == place else [] for p in places]
    verdict = muter.essayer(mutant, 120, "aucune", *listes)
    assert (verdict.verdict, verdict.phase, verdict.test) == ("survivant", None, None)


@pytest.mark.lent  # pytest en sous-processus, jusqu'au délai
def test_un_tueur_qui_depasse_le_delai_sans_mutant_est_douteux(
    muter: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Un tueur qui dépasse le délai sur le code tel quel ne prouve rien : ses verdicts sont
    douteux, comme ceux d'un tueur qui y échoue."""
    monkeypatch.setattr(muter, "RACINE", _petit_depot(tmp_path / "depot"))
    assert muter.echouent_sans_mutant(["tests/test_e.py::test_dort"], 2, 1) == {
        "tests/test_e.py::test_dort"
    }


def test_sans_tueur_le_temoin_ne_lance_rien(
    muter: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Aucun mutant tué : pas de témoin, pas même une copie du dépôt (ni la suite entière)."""
    monkeypatch.setattr(muter, "RACINE", tmp_path / "absent")
    assert muter.echouent_sans_mutant([], 120) == set()


def test_les_verdicts_d_avant_restent_si_l_ecriture_echoue(
    muter: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Une écriture interrompue (disque plein) laisse le fichier des verdicts tel qu'il était,
    jamais à moitié écrit."""
    import json

    chemin = tmp_path / "v.json"
    premier = muter.Verdict("m", "tue", "tueur connu", "t", 1.0, None)
    muter._ecrire_verdicts(chemin, [premier])
    avant = chemin.read_text(encoding="utf-8")

    def a_moitie(self: Path, texte: str, encoding: str | None = None) -> int:
        with open(self, "w", encoding=encoding) as flux:
            flux.write(texte[: len(texte) // 2])
        raise OSError("disque plein")

    monkeypatch.setattr(Path, "write_text", a_moitie)
    with pytest.raises(OSError, match="disque plein"):
        muter._ecrire_verdicts(chemin, [premier, premier._replace(id="n")])
    assert chemin.read_text(encoding="utf-8") == avant
    assert list(json.loads(avant)) == ["m"]


def test_la_passe_ecrit_chaque_verdict_des_qu_il_tombe(
    muter: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--prefixe`` répétable : les mutants de chaque préfixe, dans l'ordre du fichier ; avec
    ``--sortie``, chaque verdict est écrit dès qu'il tombe (une passe interrompue le garde)."""
    import json
    import sys

    monkeypatch.setattr(muter, "RACINE", _petit_depot(tmp_path / "depot"))
    mutants = tmp_path / "mutants.toml"
    mutants.write_text(
        "".join(
            f'[[mutant]]\nid = "{i}"\nfichier = "x.py"\navant = "return 1"\napres = "return 2"\n'
            for i in ("a_1", "b_1", "c_1", "a_2")
        ),
        encoding="utf-8",
    )
    sortie = tmp_path / "v.json"
    vus: list[tuple[str, list[str]]] = []

    def essayer(mutant: dict[str, str], *_: object) -> object:
        deja = json.loads(sortie.read_text(encoding="utf-8")) if sortie.exists() else {}
        vus.append((mutant["id"], sorted(deja)))
        return muter.Verdict(mutant["id"], "survivant", None, None, 0.0, None)

    monkeypatch.setattr(muter, "essayer", essayer)
    arguments = ["--mutants", str(mutants), "--prefixe", "a_", "--prefixe", "b_"]
    monkeypatch.setattr(
        sys, "argv", ["muter.py", *arguments, "--fils", "1", "--sortie", str(sortie)]
    )
    assert muter.main() == 1  # trois survivants
    assert vus == [("a_1", []), ("b_1", ["a_1"]), ("a_2", ["a_1", "b_1"])]
    assert sorted(json.loads(sortie.read_text(encoding="utf-8"))) == ["a_1", "a_2", "b_1"]


def test_l_environnement_de_la_copie_l_emporte_sur_celui_de_la_passe(
    muter: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Le ``src`` de la copie et le profil ``passe``, même si la passe tourne elle-même avec un
    autre ``PYTHONPATH`` ou un autre profil ; le reste de l'environnement est gardé."""
    monkeypatch.setenv("PYTHONPATH", "/ailleurs/src")
    monkeypatch.setenv("RECOMMANDEUR_HYPOTHESIS", "recommandeur")
    monkeypatch.setenv("M9R_GARDEE", "oui")
    env = muter.environnement(Path("/tmp/depot"))
    assert (env["PYTHONPATH"], env["RECOMMANDEUR_HYPOTHESIS"], env["M9R_GARDEE"]) == (
        "/tmp/depot/src",
        "passe",
        "oui",
    )
