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
``outils/verdicts.json`` (versionné) garde le test qui a tué chaque mutant : ``--reprendre``
le relance d'abord, seul. Pendant la passe, chaque test qui tue un mutant est retenu pour son
fichier : les mutants suivants du même fichier l'essaient en premier (:class:`Tueurs`), avant
les tests ciblés ; ceux qui ont tué le plus de mutants passent ensuite, avant la suite. ``--sortie`` est écrit au fil des verdicts. Chaque test
qui a tué un mutant est relancé sur le code tel quel : s'il y échoue aussi, ses verdicts sont
« douteux ». Le dépôt lui-même n'est jamais modifié.
"""

from __future__ import annotations

import argparse
import ast
import collections
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import couverture  # outils/couverture.py, à côté

RACINE = Path(__file__).resolve().parents[1]
#: Les tests qui échouent dans toute copie mutée, écartés de chaque phase (tueurs connus et
#: tests « d'abord » compris : ``--cibler`` lance ``tests/test_qualite.py`` entier pour les
#: mutants de ``__init__.py`` ou de ``outils/muter.py``) : dans la copie, le texte « avant » du
#: mutant appliqué n'existe plus.
DESELECTIONNES = [
    "--deselect=tests/test_qualite.py::test_chaque_mutant_vise_un_texte_present_une_seule_fois",
]
#: Les fichiers de tests jamais lancés pour un mutant (la roue, les sous-processus de survie),
#: même nommés par ``--cibler`` ou un tueur connu : ``--ignore`` ne vaut pas pour un chemin donné.
IGNORES = ("tests/test_paquet.py", "tests/test_survie.py")
EXCLUS = [*(f"--ignore={f}" for f in IGNORES), *DESELECTIONNES]
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


#: Ce qu'une copie du dépôt ne reprend pas.
_HORS_COPIE = shutil.ignore_patterns(".git", ".venv", "__pycache__", ".hypothesis", "*.egg-info")
#: Le nom de la première phase : les tests qui ont déjà tué un mutant du même fichier.
TUEURS = "tueur connu"
#: La phase des tests qui ont tué le plus de mutants pendant la passe, tous fichiers confondus.
GENERAUX = "tueur de la passe"
#: La phase des tests qui exécutent les lignes du mutant (``--couverture`` : voir ``couverture.py``).
COUVERTURE = "couverture"


class Tueurs:
    """Les tests qui ont tué des mutants, par fichier muté, appris pendant la passe (et repris
    d'un JSON de ``--sortie``) : un mutant essaie d'abord le sien, puis les plus récents de son
    fichier. Des mutants d'un même fichier tombent souvent sous les mêmes tests ; un test qui
    ne le tue pas ne coûte que son propre temps.

    >>> mutants = [{"id": "a", "fichier": "x.py"}, {"id": "b", "fichier": "x.py"}]
    >>> tueurs = Tueurs(mutants, {"a": {"test": "tests/test_x.py::t1"}})
    >>> tueurs.pour(mutants[1])
    ['tests/test_x.py::t1']
    >>> tueurs.retenir(mutants[1], "tests/test_x.py::t2")
    >>> tueurs.pour(mutants[0]), tueurs.pour({"id": "c", "fichier": "y.py"})
    (['tests/test_x.py::t1', 'tests/test_x.py::t2'], [])
    """

    def __init__(
        self, mutants: Sequence[dict[str, str]], connus: dict[str, Any], par_fichier: int = 6
    ) -> None:
        self._propres: dict[str, list[str]] = {}
        self._par_fichier: dict[str, list[str]] = {}
        self._comptes: collections.Counter[str] = collections.Counter()
        self._garder = par_fichier
        self._verrou = threading.Lock()
        for m in mutants:
            test = connus.get(m["id"], {}).get("test") or []
            self._propres[m["id"]] = [test] if isinstance(test, str) else list(test)
            for un in self._propres[m["id"]]:
                self.retenir(m, un)

    def retenir(self, mutant: dict[str, str], test: str) -> None:
        """Ce test a tué ce mutant : les mutants de son fichier l'essaieront d'abord."""
        with self._verrou:
            self._comptes[test] += 1
            liste = self._par_fichier.setdefault(mutant["fichier"], [])
            if test in liste:
                liste.remove(test)
            liste.insert(0, test)
            del liste[self._garder :]

    def pour(self, mutant: dict[str, str]) -> list[str]:
        """Les tests à lancer en premier pour ce mutant : le sien, puis ceux de son fichier."""
        with self._verrou:
            fichier = self._par_fichier.get(mutant.get("fichier", ""), [])
            return list(dict.fromkeys([*self._propres.get(mutant["id"], []), *fichier]))

    def generaux(self, mutant: dict[str, str], combien: int = 8) -> list[str]:
        """Les tests qui ont tué le plus de mutants, tous fichiers confondus, hors ceux de
        :meth:`pour` : essayés après les tests ciblés, avant la suite.

        >>> mutants = [{"id": "a", "fichier": "x.py"}, {"id": "b", "fichier": "y.py"}]
        >>> tueurs = Tueurs(mutants, {"a": {"test": "t1"}, "b": {"test": "t2"}})
        >>> tueurs.retenir(mutants[1], "t2")
        >>> tueurs.generaux({"id": "c", "fichier": "z.py"}), tueurs.generaux(mutants[1])
        (['t2', 't1'], ['t1'])
        """
        deja = set(self.pour(mutant))
        with self._verrou:
            return [t for t, _ in self._comptes.most_common() if t not in deja][:combien]


def phases_de_tests(
    d_abord: Sequence[str],
    phases: str,
    tueurs: Sequence[str] = (),
    generaux: Sequence[str] = (),
    couvrants: Sequence[str] = (),
) -> list[tuple[str, list[str]]]:
    """Les lancements de pytest pour un mutant, dans l'ordre : (nom de la phase, arguments).

    Les tueurs connus (lents compris), les tests qui exécutent ses lignes (``couvrants``, tirés
    de la carte de couverture de la suite rapide), les tests « d'abord » (sans les lents, sauf pour le
    témoin d'un tueur : ``aucune``), les tueurs de la passe (``generaux`` : ceux qui ont tué le
    plus de mutants), puis les phases de ``phases`` ; chacun écarte
    :data:`DESELECTIONNES`, et aucun ne lance les fichiers de :data:`IGNORES`.

    >>> [(nom, choix[-1]) for nom, choix in phases_de_tests(["tests/test_x.py"], "rapide", ["t"])]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('tueur connu', 'not qualite and not navigateur'),
     ("d'abord", 'not lent and not qualite and not navigateur'),
     ('rapide', 'not lent and not qualite and not navigateur'),
     ('lente', 'lent and not qualite and not navigateur')]
    """
    rapides = HORS if phases == "aucune" else f"not lent and {HORS}"
    tueurs = [t for t in tueurs if t.split("::")[0] not in IGNORES]
    d_abord = [t for t in d_abord if t.split("::")[0] not in IGNORES]
    tests = [(TUEURS, [*tueurs, *DESELECTIONNES, "-m", HORS])] if tueurs else []
    couvrants = [t for t in couvrants if t.split("::")[0] not in IGNORES]
    tests += [(COUVERTURE, [*couvrants, *DESELECTIONNES, "-m", HORS])] if couvrants else []
    generaux = [t for t in generaux if t.split("::")[0] not in IGNORES]
    tests += [("d'abord", [*d_abord, *DESELECTIONNES, "-m", rapides])] if d_abord else []
    tests += [(GENERAUX, [*generaux, *DESELECTIONNES, "-m", HORS])] if generaux else []
    return tests + [(nom, [*EXCLUS, "-m", selection]) for nom, selection in PHASES[phases]]


def essayer(
    mutant: dict[str, str],
    delai: int,
    phases: str = "complete",
    d_abord: Sequence[str] = (),
    tueurs: Sequence[str] = (),
    generaux: Sequence[str] = (),
    couvrants: Sequence[str] = (),
) -> Verdict:
    """Applique le mutant dans une copie du dépôt et lance la suite, phase après phase.

    ``tueurs`` : des identifiants de tests qui ont tué des mutants (le sien, ceux de son
    fichier), lancés seuls en premier, lents compris ; ``d_abord`` : des tests (chemins ou
    identifiants pytest) lancés ensuite, avant la suite. Ni les uns ni les autres ne tuent le
    mutant que s'ils échouent (un test disparu n'est pas un échec).
    """
    debut = time.perf_counter()
    verdict, phase, test = "survivant", None, None
    with tempfile.TemporaryDirectory(prefix="mutant_") as dossier:
        copie = Path(dossier) / "depot"
        shutil.copytree(RACINE, copie, ignore=_HORS_COPIE)
        if mutant.get("fichier"):  # sans fichier : le témoin, le code tel quel
            cible = chemin_du_mutant(copie, mutant["fichier"])
            texte = cible.read_text(encoding="utf-8")
            if texte.count(mutant["avant"]) != 1:  # le dépôt a changé depuis charger()
                return Verdict(mutant["id"], "introuvable", None, None, 0.0, mutant.get("auteur"))
            cible.write_text(texte.replace(mutant["avant"], mutant["apres"]), encoding="utf-8")
        env = environnement(copie)
        commande = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
        d_abord = [t for t in d_abord if (copie / t.split("::")[0]).exists()]
        tueurs = [t for t in tueurs if (copie / t.split("::")[0]).exists()]
        generaux = [t for t in generaux if (copie / t.split("::")[0]).exists()]
        couvrants = [t for t in couvrants if (copie / t.split("::")[0]).exists()]
        for nom, choix in phases_de_tests(d_abord, phases, tueurs, generaux, couvrants):
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
            if fin.returncode not in (0, 5) and (
                nom not in ("d'abord", TUEURS, GENERAUX, COUVERTURE) or fin.returncode == 1
            ):
                trouve = _ECHEC.search(fin.stdout)
                verdict, phase, test = "tue", nom, trouve[1] if trouve else None
                break
    return Verdict(
        mutant["id"], verdict, phase, test, time.perf_counter() - debut, mutant.get("auteur")
    )


def environnement(copie: Path) -> dict[str, str]:
    """L'environnement des pytest d'une copie : son ``src`` d'abord, et hypothesis au profil
    ``passe`` du ``conftest.py`` (mêmes exemples à chaque lancement : un verdict se reproduit).

    >>> e = environnement(Path("/tmp/depot"))
    >>> e["PYTHONPATH"], e["RECOMMANDEUR_HYPOTHESIS"]
    ('/tmp/depot/src', 'passe')
    """
    return {
        **os.environ,
        "PYTHONPATH": str(copie / "src"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "RECOMMANDEUR_HYPOTHESIS": "passe",
    }


def echouent_sans_mutant(tests: Sequence[str], delai: int, fils: int = 2) -> set[str]:
    """Ceux de ``tests`` (identifiants pytest) qui échouent aussi sur le code tel quel : lancés
    ensemble, en un seul pytest sans ``-x`` ; si ce lancement ne dit pas test par test (un
    identifiant introuvable, le délai dépassé), chacun seul.
    """
    if not tests:
        return set()
    with tempfile.TemporaryDirectory(prefix="temoin_") as dossier:
        copie = Path(dossier) / "depot"
        shutil.copytree(RACINE, copie, ignore=_HORS_COPIE)
        presents = [t for t in tests if (copie / t.split("::")[0]).exists()]
        env = environnement(copie)
        commande = [sys.executable, "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider"]
        try:
            fin = subprocess.run(
                [*commande, *presents, *DESELECTIONNES, "-m", HORS],
                cwd=copie,
                env=env,
                capture_output=True,
                text=True,
                timeout=delai * 3,
                check=False,
            )
            if fin.returncode in (0, 1, 5):
                return {m[1] for m in _ECHEC.finditer(fin.stdout)} & set(tests)
        except subprocess.TimeoutExpired:
            pass
    with ThreadPoolExecutor(fils) as executeur:
        temoins = executeur.map(lambda t: essayer({"id": t}, delai, "aucune", [t]), tests)
        return {v.id for v in temoins if v.verdict != "survivant"}


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
    ajouter(
        "--prefixe",
        action="append",
        metavar="DEBUT",
        help="seulement les mutants dont l'id commence ainsi (répétable)",
    )
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
        "fichier JSON (celui de --sortie), puis ceux qui ont tué les mutants de son fichier",
    )
    ajouter(
        "--couverture",
        type=Path,
        metavar="CARTE",
        help="lancer d'abord, pour chaque mutant, les tests qui exécutent ses lignes, lus dans "
        "cette carte (dressée par outils/couverture.py)",
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
        mutants = [m for m in mutants if m["id"].startswith(tuple(args.prefixe))]
    if args.temoin:
        temoin = essayer({"id": "témoin"}, args.delai, phases, args.d_abord)
        if temoin.verdict != "survivant":
            print(f"la suite échoue sans mutant ({temoin.test}) : rien n'est essayé")
            return 2
    avant = json.loads(args.reprendre.read_text(encoding="utf-8")) if args.reprendre else {}

    appris = Tueurs(mutants, avant)
    faits: dict[str, Verdict] = {}
    verrou = threading.Lock()

    def d_abord(m: dict[str, str]) -> list[str]:
        cibles = tests_cibles(RACINE, m["fichier"]) if args.cibler else []
        return list(dict.fromkeys([*args.d_abord, *cibles]))

    carte = json.loads(args.couverture.read_text(encoding="utf-8")) if args.couverture else None

    def couvrants(m: dict[str, str]) -> list[str]:
        if carte is None:
            return []
        texte = chemin_du_mutant(RACINE, m["fichier"]).read_text(encoding="utf-8")
        return couverture.tests_couvrant(carte, m, texte)

    def un(m: dict[str, str]) -> Verdict:
        tueurs = appris.pour(m)
        v = essayer(
            m,
            args.delai,
            phases,
            d_abord(m),
            tueurs,
            appris.generaux(m),
            [t for t in couvrants(m) if t not in tueurs],
        )
        if v.test:
            appris.retenir(m, v.test)
        ou = f"{v.phase} : {v.test or '?'}" if v.phase else ""
        print(f"{v.id:<52} {v.verdict:<12} {v.secondes:5.0f} s  {ou}", flush=True)
        with verrou:  # écrits au fil : une passe interrompue garde ses verdicts
            faits[v.id] = v
            if args.sortie:
                _ecrire_verdicts(args.sortie, faits.values())
        return v

    with ThreadPoolExecutor(args.fils) as executeur:
        verdicts = list(executeur.map(un, mutants))
    # un test qui échoue aussi sans mutant ne tue rien : ces verdicts-là sont douteux
    faux = echouent_sans_mutant(sorted({v.test for v in verdicts if v.test}), args.delai, args.fils)
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
        _ecrire_verdicts(args.sortie, verdicts)
    return 1 if survivants or douteux else 0


def _ecrire_verdicts(chemin: Path, verdicts: Iterable[Verdict]) -> None:
    """Les verdicts en JSON (id → verdict), mis en place d'un coup (jamais à moitié écrits)."""
    provisoire = chemin.with_name(chemin.name + ".tmp")
    provisoire.write_text(
        json.dumps({v.id: v._asdict() for v in verdicts}, ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    provisoire.replace(chemin)


if __name__ == "__main__":
    sys.exit(main())
