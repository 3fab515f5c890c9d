"""Mémoire d'une province : centre par centre (``planifier_province``) contre un seul plan.

    .venv/bin/python bench/province.py                       # 72 centres, 100 000 personnes
    .venv/bin/python bench/province.py --centres 6 --enseignants 3000   # un essai rapide

La province FICTIVE est générée (``outils/generer_effectifs.py --centres``, graine fixe). Chaque
mesure se fait dans un **sous-processus neuf** (``python -c``) qui lit son propre pic de mémoire
résidente (``ru_maxrss``) et son temps CPU : le plancher (importer la bibliothèque et construire
le moteur), le plus grand centre seul (son plan et ses exports), la province centre par centre
(exports de chaque centre et récapitulatif écrits), puis un seul plan de toute la province (les
fichiers des centres mis bout à bout ; ses exports HTML, JSON et CSV écrits, comme
``plan --html --json --csv``). Un processus de calcul (``processus=1``) : ses processus
auxiliaires garderaient chacun leur moteur.
Écrit ``bench/province.json`` et ``bench/chiffres/province.txt``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "outils"))

from generer_effectifs import province  # noqa: E402

MESURE = """
import json, resource, sys, time, datetime as dt
from pathlib import Path
debut = time.process_time()
import recommandeur
from recommandeur import moteur_par_defaut, planifier, planifier_province
quoi, entree, sortie = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
date = dt.date(2026, 12, 4)
if quoi == "plancher":
    moteur_par_defaut()
elif quoi == "province":
    planifier_province(entree, sortie, date=date, processus=1)
else:
    plan = planifier(entree / "enseignants.csv", entree / "ecoles.csv",
                     mentors=entree / "mentors.csv", date=date, processus=1)
    sortie.mkdir(parents=True, exist_ok=True)
    (sortie / "rapport.html").write_text(plan.html(), encoding="utf-8")
    plan.ecrire_json(sortie / "plan.json")
    plan.ecrire_csv(sortie / "csv")
print(json.dumps({
    "pic_mo": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "pic_enfants_mo": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "cpu_s": time.process_time() - debut,
}))
"""


def _mesurer(quoi: str, entree: Path, sortie: Path) -> dict[str, float]:
    fini = subprocess.run(
        [sys.executable, "-c", MESURE, quoi, str(entree), str(sortie)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return {k: round(v, 1) for k, v in json.loads(fini.stdout.splitlines()[-1]).items()}


def _bout_a_bout(centres: list[Path], cible: Path) -> int:
    """Les fichiers des centres mis bout à bout (identifiants déjà uniques dans la province)."""
    cible.mkdir(parents=True)
    total = 0
    for nom in ("enseignants.csv", "ecoles.csv", "mentors.csv"):
        with (cible / nom).open("w", encoding="utf-8", newline="") as sortie:
            ecrivain = None
            for centre in centres:
                with (centre / nom).open(encoding="utf-8", newline="") as f:
                    lecteur = csv.DictReader(f)
                    if ecrivain is None:
                        ecrivain = csv.DictWriter(sortie, list(lecteur.fieldnames or []))
                        ecrivain.writeheader()
                    for ligne in lecteur:
                        ecrivain.writerow(ligne)
                        total += nom == "enseignants.csv"
    return total


def main() -> None:
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("--centres", type=int, default=72)
    analyseur.add_argument("--enseignants", type=int, default=100_000)
    analyseur.add_argument("--graine", type=int, default=2026)
    analyseur.add_argument("--sans-ecrire", action="store_true", help="ne pas écrire les chiffres")
    args = analyseur.parse_args()
    with tempfile.TemporaryDirectory() as d:
        dossier = Path(d) / "province"
        tailles = province(dossier, args.centres, args.enseignants, args.graine)
        personnes = _bout_a_bout(sorted(dossier.iterdir()), Path(d) / "un_plan")
        assert personnes == sum(tailles)
        resultats: dict[str, Any] = {
            "centres": args.centres,
            "personnes": personnes,
            "plus_grand_centre": max(tailles),
            "plancher": _mesurer("plancher", dossier, Path(d) / "rien"),
            "plus_grand_centre_seul": _mesurer(
                "plan", sorted(dossier.iterdir())[tailles.index(max(tailles))], Path(d) / "grand"
            ),
            "centre_par_centre": _mesurer("province", dossier, Path(d) / "sortie_province"),
            "un_seul_plan": _mesurer("plan", Path(d) / "un_plan", Path(d) / "sortie_plan"),
            "date": dt.date.today().isoformat(),
            "coeurs": os.cpu_count(),
            "charge": round(os.getloadavg()[0], 1),
        }
    a, b = resultats["centre_par_centre"], resultats["un_seul_plan"]
    g = resultats["plus_grand_centre_seul"]
    texte = (
        f"Province fictive : {args.centres} centres, {personnes} personnes (plus grand centre : "
        f"{max(tailles)}), graine {args.graine} ; un sous-processus neuf par mesure, processus=1.\n"
        f"plancher (import + moteur)   : pic {resultats['plancher']['pic_mo']} Mo\n"
        f"plus grand centre seul (plan): pic {g['pic_mo']} Mo, {g['cpu_s']} s CPU\n"
        f"centre par centre (province) : pic {a['pic_mo']} Mo, {a['cpu_s']} s CPU\n"
        f"un seul plan (province)      : pic {b['pic_mo']} Mo, {b['cpu_s']} s CPU\n"
        f"(machine : {resultats['coeurs']} cœurs, charge {resultats['charge']} après)\n"
    )
    print(texte, end="")
    if not args.sans_ecrire:
        (RACINE / "bench" / "province.json").write_text(
            json.dumps(resultats, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        (RACINE / "bench" / "chiffres" / "province.txt").write_text(texte, encoding="utf-8")


if __name__ == "__main__":
    main()
