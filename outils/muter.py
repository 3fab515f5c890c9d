"""Passe de mutation à la main : chaque mutant de ``mutants.toml`` doit faire échouer la suite.

Usage (depuis la racine du dépôt, paquet installé) ::

    python outils/muter.py                          # tous les mutants, 2 à la fois
    python outils/muter.py --mutant hors_en_ou --fils 1
    python outils/muter.py --prefixe ind21_ --rapide --sortie verdicts.json
    python outils/muter.py --prefixe ind21_ --rapide --reprendre verdicts.json  # tueurs d'abord
    python outils/muter.py --prefixe m7_ --rapide --cibler --reprendre outils/verdicts.json

Un mutant est une table ``[[mutant]]`` : ``id``, ``fichier``, ``avant``, ``apres`` et, en option,
``auteur`` (qui l'a écrit : une revue indépendante, par exemple). Il remplace un texte exact
(présent une seule fois) dans un fichier de ``src/recommandeur`` (ou des données ou des
exemples, si son chemin commence par ``regles/``, ``catalogue/`` ou ``exemples/``). Il est
appliqué dans une copie du dépôt, et la suite (sans ruff, mypy, la référence de l'API, le
navigateur, la roue ni les sous-processus de survie, mais avec les autres tests marqués
``lent``) y tourne avec ``-x`` : le mutant est « tué » si un test échoue, « survivant » sinon.
Avec ``--rapide``, la suite rapide (``-m "not lent"``) tourne d'abord, et les tests lents
seulement pour les mutants qu'elle n'a pas tués. Avec ``--cibler``, chaque mutant lance d'abord
les fichiers de tests qui importent ou nomment son module (lus dans le dépôt : voir
:func:`tests_cibles`) et la doctest du module : un mutant tué là ne coûte pas la suite.
``outils/verdicts.json`` (versionné) garde le test qui a tué chaque mutant des préfixes déjà
passés (``m7_`` : par leurs tests ciblés) : ``--reprendre`` le relance d'abord. Chaque test
qui a tué un mutant est relancé sur le code tel quel : s'il y échoue aussi, ses verdicts sont
« douteux ». Le dépôt lui-même n'est jamais modifié.
"""

from __future__ import annotations

import argparse
import ast
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

RACINE = Path(__file__).resolve().parents[1]
#: Les tests qui échouent dans toute copie mutée, écartés de chaque phase (les tests « d'abord »
#: compris : ``--cibler`` lance ``tests/test_qualite.py`` entier pour les mutants de ``__init__.py``
#: ou de ``outils/muter.py``) : dans la copie, le texte « avant » du mutant appliqué n'existe plus.
DESELECTIONNES = [
    "--deselect=tests/test_qualite.py::test_chaque_mutant_vise_un_texte_present_une_seule_fois",
]
EXCLUS = ["--ignore=tests/test_paquet.py", "--ignore=tests/test_survie.py", *DESELECTIONNES]
HORS = "not qualite and not navigateur"  # ruff, mypy, Sphinx, Chromium
#: Les phases de la suite : toute la suite (par défaut), ou la rapide puis la lente.
PHASES = {
    "complete": [("suite", HORS)],
    "rapide": [("rapide", f"not lent and {HORS}"), ("lente", f"lent and {HORS}")],
    "aucune": [],  # seulement les tests « d'abord » (le témoin d'un test qui a tué)
}
#: Le test en échec d'une ligne du résumé de pytest, en entier : un identifiant paramétré peut
#: contenir des espaces (``test_x[doit être > 0]``) ; le message suit après « - ».
_ECHEC = re.compile(r"^(?:FAILED|ERROR) (.+?)(?: - .*)?$", re.MULTILINE)


class Verdict(NamedTuple):
    """Ce qu'a donné un mutant : tué ou survivant, par quelle phase, par quel test, en combien
    de secondes."""

    id: str
    verdict: str
    phase: str | None
    test: str | None
    secondes: float
    auteur: str | None


def chemin_du_mutant(racine: Path, fichier: str) -> Path:
    """Le fichier que vise un mutant : les données et les exemples depuis la racine, le code
    sous le paquet."""
    if fichier.startswith(("regles/", "catalogue/", "exemples/")):
        return racine / fichier
    return racine / "src" / "recommandeur" / fichier


def charger(chemin: Path) -> list[dict[str, str]]:
    """Les mutants du fichier, vérifiés : chaque texte remplacé existe une seule fois."""
    mutants: list[dict[str, str]] = tomllib.loads(chemin.read_text(encoding="utf-8"))["mutant"]
    for mutant in mutants:
        texte = chemin_du_mutant(RACINE, mutant["fichier"]).read_text(encoding="utf-8")
        if texte.count(mutant["avant"]) != 1:
            raise SystemExit(
                f"mutant {mutant['id']} : {mutant['avant']!r} apparaît "
                f"{texte.count(mutant['avant'])} fois dans {mutant['fichier']}"
            )
    return mutants


def _module(fichier: str) -> str | None:
    """Le nom pointé du module qu'un mutant vise (``None`` hors de ``src/recommandeur``)."""
    if not fichier.endswith(".py") or fichier.startswith(
        ("../", "regles/", "catalogue/", "exemples/")
    ):
        return None
    parties = ["recommandeur", *fichier.removesuffix(".py").split("/")]
    return ".".join(parties[:-1] if parties[-1] == "__init__" else parties)


@functools.cache
def _publics(racine: Path) -> dict[str, str]:
    """Nom public de ``recommandeur`` → module qui le définit (importations de ``__init__.py``)."""
    arbre = ast.parse((racine / "src" / "recommandeur" / "__init__.py").read_text(encoding="utf-8"))
    return {
        alias.asname or alias.name: f"recommandeur.{noeud.module}"
        for noeud in ast.walk(arbre)
        if isinstance(noeud, ast.ImportFrom) and noeud.level == 1 and noeud.module
        for alias in noeud.names
    }


def _importes(texte: str, paquet: str = "") -> set[str]:
    """Les modules qu'un fichier importe (``from paquet import module`` : les deux ; relatifs :
    résolus depuis ``paquet``), et les modules de ``recommandeur`` qu'il nomme en entier dans une
    chaîne (``monkeypatch.setattr("recommandeur._x.y.nom", ...)``)."""
    modules = set(re.findall(r"recommandeur(?:\.\w+)+", texte))
    for noeud in ast.walk(ast.parse(texte)):
        if isinstance(noeud, ast.Import):
            modules.update(a.name for a in noeud.names)
        elif isinstance(noeud, ast.ImportFrom):
            base = (
                paquet.split(".")[: len(paquet.split(".")) - noeud.level + 1] if noeud.level else []
            )
            source = ".".join([*base, *([noeud.module] if noeud.module else [])])
            modules.add(source)
            modules.update(f"{source}.{alias.name}" for alias in noeud.names)
    return modules


@functools.cache
def _modules_du_paquet(racine: Path) -> dict[str, frozenset[str]]:
    """Chaque module de ``src/recommandeur`` → les modules qu'il importe."""
    sources = racine / "src"
    graphe = {}
    for chemin in sorted((sources / "recommandeur").rglob("*.py")):
        nom = ".".join(chemin.relative_to(sources).with_suffix("").parts)
        paquet = (
            nom.removesuffix(".__init__") if chemin.stem == "__init__" else nom.rpartition(".")[0]
        )
        texte = chemin.read_text(encoding="utf-8")
        graphe[nom.removesuffix(".__init__")] = frozenset(_importes(texte, paquet))
    return graphe


@functools.cache
def _tests_du_depot(racine: Path) -> dict[str, frozenset[str]]:
    """Chaque fichier de tests → les modules qu'il importe ou nomme (un nom public de
    ``recommandeur`` compte pour le module qui le définit)."""
    publics = _publics(racine)
    tests = {}
    for test in sorted((racine / "tests").glob("test_*.py")):
        importes = _importes(test.read_text(encoding="utf-8"))
        importes |= {
            publics[n[len("recommandeur.") :]]
            for n in importes
            if n[len("recommandeur.") :] in publics
        }
        tests[test.relative_to(racine).as_posix()] = frozenset(importes)
    return tests


def tests_cibles(racine: Path, fichier: str) -> list[str]:
    """Les tests à lancer d'abord pour un mutant de ``fichier`` (lus dans le dépôt) : les
    fichiers de ``tests/`` qui importent son module (ou un nom public de ``recommandeur`` qui en
    vient), le nomment en entier (``"recommandeur._x.y.nom"``), ou dont le nom contient le sien
    (``test_province.py`` pour ``province.py``) ; s'il n'y en a aucun, ceux qui importent un
    module qui l'importe ; puis la doctest du module. Hors de ``src/recommandeur`` : les
    fichiers de tests qui nomment le fichier (``generer_effectifs``).
    """
    module = _module(fichier)
    nom = Path(fichier).stem if Path(fichier).stem != "__init__" else Path(fichier).parent.name
    if module is None:
        return [
            t.relative_to(racine).as_posix()
            for t in sorted((racine / "tests").glob("test_*.py"))
            if nom in t.read_text(encoding="utf-8")
        ]
    tests = _tests_du_depot(racine)

    def importent(vises: set[str]) -> list[str]:
        return [
            t
            for t, importes in tests.items()
            if any(i == v or i.startswith(v + ".") for i in importes for v in vises)
        ]

    choisis = [t for t in tests if f"_{nom}_" in f"_{Path(t).stem}_"] + importent({module})
    if not choisis:  # le module n'est testé qu'à travers ceux qui l'importent
        paquets = {
            m for m in _modules_du_paquet(racine) if (racine / "src" / m.replace(".", "/")).is_dir()
        }
        choisis = importent(
            {
                m
                for m, imp in _modules_du_paquet(racine).items()
                if module in imp and m not in paquets
            }
        )
    return [*dict.fromkeys(choisis), f"tests/test_qualite.py::test_doctests[{module}]"]


def phases_de_tests(d_abord: Sequence[str], phases: str) -> list[tuple[str, list[str]]]:
    """Les lancements de pytest pour un mutant, dans l'ordre : (nom de la phase, arguments).

    Les tests « d'abord » (sans les lents, sauf pour le témoin d'un tueur : ``aucune``), puis
    les phases de ``phases`` ; chacun écarte :data:`DESELECTIONNES`.

    >>> [(nom, choix[-1]) for nom, choix in phases_de_tests(["tests/test_x.py"], "rapide")]
    [("d'abord", 'not lent and not qualite and not navigateur'), ('rapide', 'not lent and not qualite and not navigateur'), ('lente', 'lent and not qualite and not navigateur')]
    """
    rapides = HORS if phases == "aucune" else f"not lent and {HORS}"
    tests = [("d'abord", [*d_abord, *DESELECTIONNES, "-m", rapides])] if d_abord else []
    return tests + [(nom, [*EXCLUS, "-m", selection]) for nom, selection in PHASES[phases]]


def essayer(
    mutant: dict[str, str], delai: int, phases: str = "complete", d_abord: Sequence[str] = ()
) -> Verdict:
    """Applique le mutant dans une copie du dépôt et lance la suite, phase après phase.

    ``d_abord`` : des tests (chemins ou identifiants pytest) lancés avant la suite ; ils ne
    tuent le mutant que s'ils échouent (un test disparu n'est pas un échec).
    """
    debut = time.perf_counter()
    verdict, phase, test = "survivant", None, None
    with tempfile.TemporaryDirectory(prefix="mutant_") as dossier:
        copie = Path(dossier) / "depot"
        shutil.copytree(
            RACINE,
            copie,
            ignore=shutil.ignore_patterns(
                ".git", ".venv", "__pycache__", ".hypothesis", "*.egg-info"
            ),
        )
        if mutant.get("fichier"):  # sans fichier : le témoin, le code tel quel
            cible = chemin_du_mutant(copie, mutant["fichier"])
            texte = cible.read_text(encoding="utf-8")
            if texte.count(mutant["avant"]) != 1:  # le dépôt a changé depuis charger()
                return Verdict(mutant["id"], "introuvable", None, None, 0.0, mutant.get("auteur"))
            cible.write_text(texte.replace(mutant["avant"], mutant["apres"]), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(copie / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
        commande = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
        d_abord = [t for t in d_abord if (copie / t.split("::")[0]).exists()]
        for nom, choix in phases_de_tests(d_abord, phases):
            try:
                fin = subprocess.run(
                    [*commande, *choix],
                    cwd=copie,
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=delai,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                verdict, phase = "tue (délai)", nom
                break
            if fin.returncode not in (0, 5) and (nom != "d'abord" or fin.returncode == 1):
                trouve = _ECHEC.search(fin.stdout)
                verdict, phase, test = "tue", nom, trouve[1] if trouve else None
                break
    return Verdict(
        mutant["id"], verdict, phase, test, time.perf_counter() - debut, mutant.get("auteur")
    )


class _Aide(argparse.HelpFormatter):
    """L'aide de la commande en français (« utilisation : »)."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[Any],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix or "utilisation : ")


def analyseur() -> argparse.ArgumentParser:
    """Les arguments de la passe, décrits en français."""
    parseur = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=_Aide, add_help=False
    )
    parseur._optionals.title = "options"
    ajouter = parseur.add_argument
    ajouter("-h", "--help", action="help", help="afficher cette aide et quitter")
    ajouter(
        "--mutants",
        type=Path,
        default=Path(__file__).with_name("mutants.toml"),
        metavar="FICHIER",
        help="le fichier des mutants (défaut : outils/mutants.toml)",
    )
    ajouter("--mutant", action="append", metavar="ID", help="seulement ce mutant (répétable)")
    ajouter("--prefixe", metavar="DEBUT", help="seulement les mutants dont l'id commence ainsi")
    ajouter(
        "--fils", type=int, default=2, metavar="N", help="mutants essayés à la fois (défaut : 2)"
    )
    ajouter(
        "--delai",
        type=int,
        default=600,
        metavar="S",
        help="secondes par phase de la suite, au-delà le mutant est tué (défaut : 600)",
    )
    ajouter(
        "--rapide",
        action="store_true",
        help="la suite rapide d'abord, les tests lents seulement pour ses survivants",
    )
    ajouter(
        "--d-abord",
        action="append",
        default=[],
        metavar="TEST",
        help="lancer d'abord ces tests (chemin ou identifiant pytest ; répétable)",
    )
    ajouter(
        "--cibler",
        action="store_true",
        help="lancer d'abord, pour chaque mutant, les tests qui importent ou nomment son module "
        "(lus dans le dépôt) et sa doctest",
    )
    ajouter(
        "--reprendre",
        type=Path,
        metavar="JSON",
        help="lancer d'abord, pour chaque mutant, le test (ou la liste) de son « test » dans ce "
        "fichier JSON (celui de --sortie)",
    )
    ajouter(
        "--temoin",
        action="store_true",
        help="lancer d'abord la suite sur le code tel quel : s'arrêter si elle échoue",
    )
    ajouter(
        "--sortie",
        type=Path,
        metavar="FICHIER",
        help="écrire les verdicts en JSON (id → verdict, phase, test, secondes, auteur)",
    )
    return parseur


def main() -> int:
    """Lance la passe et affiche le tableau des verdicts ; code 1 s'il reste des survivants."""
    args = analyseur().parse_args()
    phases = "rapide" if args.rapide else "complete"
    mutants = charger(args.mutants)
    if args.mutant:
        mutants = [m for m in mutants if m["id"] in args.mutant]
    if args.prefixe:
        mutants = [m for m in mutants if m["id"].startswith(args.prefixe)]
    if args.temoin:
        temoin = essayer({"id": "témoin"}, args.delai, phases, args.d_abord)
        if temoin.verdict != "survivant":
            print(f"la suite échoue sans mutant ({temoin.test}) : rien n'est essayé")
            return 2
    avant = json.loads(args.reprendre.read_text(encoding="utf-8")) if args.reprendre else {}

    def d_abord(m: dict[str, str]) -> list[str]:
        tueur = avant.get(m["id"], {}).get("test") or []
        cibles = tests_cibles(RACINE, m["fichier"]) if args.cibler else []
        tests = [*([tueur] if isinstance(tueur, str) else tueur), *args.d_abord, *cibles]
        return list(dict.fromkeys(tests))

    def un(m: dict[str, str]) -> Verdict:
        v = essayer(m, args.delai, phases, d_abord(m))
        ou = f"{v.phase} : {v.test or '?'}" if v.phase else ""
        print(f"{v.id:<52} {v.verdict:<12} {v.secondes:5.0f} s  {ou}", flush=True)
        return v

    with ThreadPoolExecutor(args.fils) as executeur:
        verdicts = list(executeur.map(un, mutants))
    # un test qui échoue aussi sans mutant ne tue rien : ces verdicts-là sont douteux
    tueurs = sorted({v.test for v in verdicts if v.test})
    with ThreadPoolExecutor(args.fils) as executeur:
        temoins = executeur.map(lambda t: essayer({"id": t}, args.delai, "aucune", [t]), tueurs)
        faux = {v.id for v in temoins if v.verdict != "survivant"}
    for v in verdicts:
        if v.test in faux:
            print(f"{v.id} : douteux, {v.test} échoue aussi sans mutant", flush=True)
    verdicts = [v._replace(verdict="douteux") if v.test in faux else v for v in verdicts]
    survivants = [v.id for v in verdicts if v.verdict == "survivant"]
    douteux = sum(v.verdict == "douteux" for v in verdicts)
    auteurs = sorted({v.auteur for v in verdicts if v.auteur})
    print(
        f"\n{len(mutants)} mutants, {sum(v.verdict.startswith('tue') for v in verdicts)} tués, "
        f"{len(survivants)} survivants, {douteux} douteux"
        + (f" (auteur : {', '.join(auteurs)})" if auteurs else "")
    )
    if args.sortie:
        args.sortie.write_text(
            json.dumps({v.id: v._asdict() for v in verdicts}, ensure_ascii=False, indent=2),
            encoding="utf-8",
        )
    return 1 if survivants or douteux else 0


if __name__ == "__main__":
    sys.exit(main())
