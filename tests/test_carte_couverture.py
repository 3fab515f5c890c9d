"""La carte de couverture de la passe de mutation (``outils/couverture.py``) et la phase
« couverture » de ``outils/muter.py`` : un mutant lance d'abord les tests qui exécutent ses lignes."""

from __future__ import annotations

import doctest
import importlib.util
import inspect
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

RACINE = Path(__file__).resolve().parents[1]


def _outil(nom: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(nom, RACINE / "outils" / f"{nom}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def couverture() -> ModuleType:
    return _outil("couverture")


@pytest.mark.parametrize("nom", ["couverture", "muter"])
def test_les_exemples_des_outils(nom: str, monkeypatch: pytest.MonkeyPatch) -> None:
    module = _outil(nom)
    # doctest ne lit que les objets du module inscrit sous ce nom ; inscrit le temps du test
    # seulement (un autre test charge le sien, un autre objet du même nom)
    monkeypatch.setitem(sys.modules, nom, module)
    resultat = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert resultat.attempted > 0 and resultat.failed == 0


def test_la_carte_d_un_test_nomme_ses_lignes_et_seulement_elles(
    couverture: ModuleType, tmp_path: Path
) -> None:
    """Dressée sur un seul test : ce test, et seulement lui, couvre les lignes de la fonction
    qu'il exerce ; une ligne exécutée à l'importation (hors de tout test) n'a aucun test."""
    from recommandeur._langage import diagnostic

    test = (
        "tests/test_verifier_tout.py::"
        "test_un_operateur_inconnu_n_en_cache_pas_une_autre_faute_de_la_comparaison[terme0-attendus0]"
    )
    carte = couverture.dresser(tmp_path / "carte.json", [test])
    assert json.loads((tmp_path / "carte.json").read_text("utf-8")) == carte
    assert carte["tests"] == [test]
    source, debut = inspect.getsourcelines(diagnostic._feuille)
    lignes = carte["lignes"]["_langage/diagnostic.py"]
    corps = [str(debut + i) for i, ligne in enumerate(source) if 'essai["op"] = ' in ligne]
    assert corps and all(lignes[n] == [0] for n in corps)
    assert str(debut) not in lignes  # le « def » : exécuté à l'importation
    texte = (RACINE / "src/recommandeur/_langage/diagnostic.py").read_text("utf-8")
    mutant = {"fichier": "_langage/diagnostic.py", "avant": "            op_fautif = True\n"}
    assert couverture.tests_couvrant(carte, mutant, texte) == [test]
    assert couverture.tests_couvrant(carte, {**mutant, "fichier": "autre.py"}, texte) == []


def test_la_phase_couverture_vient_apres_les_tueurs_connus_et_avant_le_reste() -> None:
    muter = _outil("muter")
    phases = muter.phases_de_tests(
        ["tests/test_x.py"],
        "rapide",
        ["tests/test_a.py::t"],
        ["tests/test_g.py::t"],
        ["tests/test_c.py::t", "tests/test_survie.py::t"],
    )
    assert [nom for nom, _ in phases] == [
        "tueur connu",
        "couverture",
        "d'abord",
        "tueur de la passe",
        "rapide",
        "lente",
    ]
    couvrants = dict(phases)["couverture"]
    assert couvrants[0] == "tests/test_c.py::t" and "tests/test_survie.py::t" not in couvrants
    assert muter.phases_de_tests([], "rapide", couvrants=[])[0][0] == "rapide"


def test_un_mutant_est_tue_par_un_test_de_la_carte_avant_tout_autre(tmp_path: Path) -> None:
    """La passe sur un seul mutant, avec une carte faite main : le test de la carte le tue, en
    phase « couverture », avant les tests ciblés et la suite."""
    import subprocess
    import tomllib

    texte = (RACINE / "src/recommandeur/_langage/diagnostic.py").read_text("utf-8")
    avant = '            essai["op"] = "dans" if isinstance(essai.get("valeur"), list) else "=="'
    (mutant,) = [
        m for m in tomllib.loads((RACINE / "outils/mutants.toml").read_text("utf-8"))["mutant"]
        if m["avant"] == avant
    ]  # fmt: skip
    ligne = texte[: texte.index(avant)].count("\n") + 1
    test = (
        "tests/test_verifier_tout.py::"
        "test_un_operateur_inconnu_n_en_cache_pas_une_autre_faute_de_la_comparaison[terme2-attendus2]"
    )
    carte = {
        "tests": ["tests/test_x.py::rien", test],
        "lignes": {mutant["fichier"]: {str(ligne): [1]}},
    }
    (tmp_path / "carte.json").write_text(json.dumps(carte), encoding="utf-8")
    # un fichier de mutants à lui seul : dans la copie d'une passe, un autre mutant est appliqué
    # et son texte « avant » n'y est plus (muter.py refuse alors tout le fichier)
    (tmp_path / "m.toml").write_text(
        "[[mutant]]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in mutant.items()),
        encoding="utf-8",
    )
    commande = [
        sys.executable,
        str(RACINE / "outils/muter.py"),
        "--mutants",
        str(tmp_path / "m.toml"),
    ]
    commande += ["--rapide", "--fils", "1", "--couverture", str(tmp_path / "carte.json")]
    fin = subprocess.run(
        [*commande, "--sortie", str(tmp_path / "v.json")],
        cwd=RACINE,
        capture_output=True,
        text=True,
        check=False,
    )
    assert fin.returncode == 0, fin.stdout + fin.stderr
    verdict = json.loads((tmp_path / "v.json").read_text("utf-8"))[mutant["id"]]
    assert (verdict["verdict"], verdict["phase"], verdict["test"]) == ("tue", "couverture", test)
