"""Passe de mutation à la main : chaque mutant de ``mutants.toml`` doit faire échouer la suite.

Usage (depuis la racine du dépôt, paquet installé) ::

    python outils/muter.py                 # tous les mutants, 2 à la fois
    python outils/muter.py --mutant hors_en_ou --fils 1

Chaque mutant remplace un texte exact (présent une seule fois) dans un fichier de
``src/recommandeur`` (ou des données ou des exemples, si son chemin commence par ``regles/``,
``catalogue/`` ou ``exemples/``). Il est appliqué dans une copie du dépôt, et la suite (sans ruff,
mypy, la référence de l'API, le navigateur, la roue ni les sous-processus de survie, mais avec
les autres tests marqués ``lent``) y tourne avec ``-x`` : le mutant est « tué »
si un test échoue, « survivant » sinon. Le dépôt lui-même n'est jamais modifié.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
EXCLUS = ["--ignore=tests/test_paquet.py", "--ignore=tests/test_survie.py"]
SELECTION = ["-m", "not qualite and not navigateur"]  # ruff, mypy, Sphinx, Chromium


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


def essayer(mutant: dict[str, str], delai: int) -> tuple[str, str, float]:
    """Applique le mutant dans une copie du dépôt et lance la suite ; (id, verdict, secondes)."""
    debut = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mutant_") as dossier:
        copie = Path(dossier) / "depot"
        shutil.copytree(
            RACINE,
            copie,
            ignore=shutil.ignore_patterns(
                ".git", ".venv", "__pycache__", ".hypothesis", "*.egg-info"
            ),
        )
        cible = chemin_du_mutant(copie, mutant["fichier"])
        cible.write_text(
            cible.read_text(encoding="utf-8").replace(mutant["avant"], mutant["apres"]),
            encoding="utf-8",
        )
        env = {**os.environ, "PYTHONPATH": str(copie / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
        try:
            resultat = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "-x",
                    "-q",
                    "-p",
                    "no:cacheprovider",
                    *EXCLUS,
                    *SELECTION,
                ],
                cwd=copie,
                env=env,
                capture_output=True,
                text=True,
                timeout=delai,
                check=False,
            )
            verdict = "survivant" if resultat.returncode == 0 else "tue"
        except subprocess.TimeoutExpired:
            verdict = "tue (délai)"
    return mutant["id"], verdict, time.perf_counter() - debut


def main() -> int:
    """Lance la passe et affiche le tableau des verdicts ; code 1 s'il reste des survivants."""
    parseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parseur.add_argument("--mutants", type=Path, default=Path(__file__).with_name("mutants.toml"))
    parseur.add_argument("--mutant", action="append", help="seulement ces identifiants")
    parseur.add_argument("--fils", type=int, default=2)
    parseur.add_argument("--delai", type=int, default=600)
    parseur.add_argument("--sortie", type=Path, help="écrire les verdicts en JSON")
    args = parseur.parse_args()
    mutants = charger(args.mutants)
    if args.mutant:
        mutants = [m for m in mutants if m["id"] in args.mutant]
    with ThreadPoolExecutor(args.fils) as executeur:
        verdicts = list(executeur.map(lambda m: essayer(m, args.delai), mutants))
    survivants = [i for i, v, _ in verdicts if v == "survivant"]
    for ident, verdict, secondes in verdicts:
        print(f"{ident:<40} {verdict:<12} {secondes:5.0f} s")
    print(
        f"\n{len(mutants)} mutants, {len(mutants) - len(survivants)} tués, {len(survivants)} survivants"
    )
    if args.sortie:
        args.sortie.write_text(
            json.dumps({i: v for i, v, _ in verdicts}, ensure_ascii=False, indent=2),
            encoding="utf-8",
        )
    return 1 if survivants else 0


if __name__ == "__main__":
    sys.exit(main())
