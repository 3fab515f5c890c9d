"""La carte de couverture de la passe de mutation : pour chaque ligne du code, les tests qui l'exécutent.

Dressée une fois par ``python outils/couverture.py carte.json`` (la suite rapide sous
``coverage``, un contexte par test), elle sert à ``outils/muter.py --couverture carte.json`` :
un mutant lance d'abord les seuls tests qui exécutent les lignes de son texte « avant », au lieu
de fichiers de tests entiers. Un mutant dont aucune ligne n'est dans la carte (un gabarit, une
règle en TOML, du code lancé dans un sous-processus) passe aux phases suivantes, comme avant.

Ce module est aussi le greffon pytest (``-p couverture``) qui nomme le contexte de chaque test :
son identifiant pytest, posé avant la préparation de ses fixtures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

RACINE = Path(__file__).resolve().parents[1]
SOURCES = RACINE / "src" / "recommandeur"
#: Les tests de la carte : la suite rapide, sans ruff, mypy, Sphinx ni Chromium.
SELECTION = "not lent and not qualite and not navigateur"

#: Une carte : ``tests`` (identifiants pytest) et ``lignes`` (fichier du mutant → numéro de
#: ligne en texte → indices dans ``tests``).
Carte = dict[str, Any]


def pytest_runtest_setup(item: Any) -> None:
    """Greffon : le contexte de couverture devient l'identifiant du test (fixtures comprises)."""
    import coverage

    courant = coverage.Coverage.current()
    if courant is not None:
        courant.switch_context(item.nodeid)


def fichier_du_mutant(chemin: str) -> str:
    """Un fichier mesuré, écrit comme le ``fichier`` d'un mutant (relatif à ``src/recommandeur``).

    >>> fichier_du_mutant(str(SOURCES / "_moteur" / "cache.py"))
    '_moteur/cache.py'
    >>> fichier_du_mutant(str(RACINE / "outils" / "muter.py"))
    '../../outils/muter.py'
    """
    return Path(os.path.relpath(chemin, SOURCES)).as_posix()


def lignes_du_mutant(texte: str, avant: str) -> range:
    """Les numéros des lignes que couvre le texte « avant » dans le fichier (vide s'il n'y est pas).

    >>> lignes_du_mutant("a\\nb = 1\\nc = 2\\n", "= 1\\nc")
    range(2, 4)
    >>> lignes_du_mutant("a\\n", "z")
    range(0, 0)
    """
    debut = texte.find(avant)
    if debut < 0:
        return range(0)
    premiere = texte.count("\n", 0, debut) + 1
    return range(premiere, premiere + avant.count("\n") + 1)


def _poids(carte: Carte) -> list[int]:
    """Le nombre de lignes que chaque test de la carte exécute (calculé une fois par carte)."""
    if "poids" not in carte:
        poids = [0] * len(carte["tests"])
        for par_ligne in carte["lignes"].values():
            for indices in par_ligne.values():
                for i in indices:
                    poids[i] += 1
        carte["poids"] = poids
    resultat: list[int] = carte["poids"]
    return resultat


def tests_couvrant(carte: Carte, mutant: Mapping[str, str], texte: str) -> list[str]:
    """Les tests de la carte qui exécutent une ligne du texte « avant » du mutant, les plus
    étroits d'abord (ceux qui exécutent le moins de lignes : les plus rapides, le plus souvent,
    et les plus près du code muté) ; ``texte`` : le fichier tel quel.

    >>> carte = {"tests": ["t::a", "t::b", "t::c"], "lignes": {"x.py": {"2": [2, 0], "3": [1]}}}
    >>> tests_couvrant(carte, {"fichier": "x.py", "avant": "= 1\\nc"}, "a\\nb = 1\\nc = 2\\n")
    ['t::a', 't::b', 't::c']
    >>> carte = {"tests": ["t::large", "t::etroit"], "lignes": {"x.py": {"1": [0, 1], "2": [0]}}}
    >>> tests_couvrant(carte, {"fichier": "x.py", "avant": "a"}, "a\\nb = 1\\n")
    ['t::etroit', 't::large']
    >>> tests_couvrant(carte, {"fichier": "y.py", "avant": "a"}, "a\\n")
    []
    """
    par_ligne = carte["lignes"].get(mutant["fichier"], {})
    indices = {
        i for n in lignes_du_mutant(texte, mutant["avant"]) for i in par_ligne.get(str(n), ())
    }
    poids = _poids(carte)
    return [carte["tests"][i] for i in sorted(indices, key=lambda i: (poids[i], i))]


def lire_donnees(donnees: Path) -> Carte:
    """La carte tirée d'un fichier de données de ``coverage`` dont les contextes sont des tests."""
    import coverage

    lues = coverage.CoverageData(basename=str(donnees))
    lues.read()
    tests: dict[str, int] = {}
    lignes: dict[str, dict[str, list[int]]] = {}
    for mesure in sorted(lues.measured_files()):
        par_ligne = lues.contexts_by_lineno(mesure)
        carte_du_fichier = {
            str(n): sorted({tests.setdefault(c, len(tests)) for c in contextes if c})
            for n, contextes in sorted(par_ligne.items())
        }
        lignes[fichier_du_mutant(mesure)] = {n: t for n, t in carte_du_fichier.items() if t}
    ordre = sorted(tests, key=tests.__getitem__)
    return {"tests": ordre, "lignes": lignes}


def dresser(sortie: Path, options: Sequence[str] = ()) -> Carte:
    """Lance la suite rapide sous ``coverage`` (un contexte par test) et écrit la carte en JSON,
    d'un coup. Les tests en échec n'empêchent pas la carte ; une suite qui ne tourne pas, si."""
    with tempfile.TemporaryDirectory(prefix="couverture_") as dossier:
        donnees = Path(dossier) / ".coverage"
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(RACINE / "src"), str(RACINE / "outils")]),
            "RECOMMANDEUR_HYPOTHESIS": "passe",
        }
        commande = [
            sys.executable, "-m", "coverage", "run", f"--data-file={donnees}",
            f"--source={SOURCES},{RACINE / 'outils'}", "-m", "pytest", "-q", "-p", "no:cacheprovider",
            "-p", "couverture", "-m", SELECTION, "--ignore=tests/test_paquet.py",
            "--ignore=tests/test_survie.py", *options,
        ]  # fmt: skip
        fin = subprocess.run(commande, cwd=RACINE, env=env, check=False)
        if fin.returncode not in (0, 1) or not donnees.exists():
            raise SystemExit(f"la suite sous coverage n'a pas tourné (code {fin.returncode})")
        carte = lire_donnees(donnees)
    provisoire = sortie.with_name(sortie.name + ".tmp")
    provisoire.write_text(json.dumps(carte, ensure_ascii=False), encoding="utf-8")
    provisoire.replace(sortie)
    return carte


def main() -> int:
    """``python outils/couverture.py CARTE [options de pytest…]``."""
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        print("utilisation : couverture.py CARTE.json [options de pytest…]", file=sys.stderr)
        return 2
    carte = dresser(Path(sys.argv[1]), sys.argv[2:])
    n = sum(len(x) for x in carte["lignes"].values())
    print(f"{len(carte['tests'])} tests, {len(carte['lignes'])} fichiers, {n} lignes couvertes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
