"""Le démarrage à froid : import de la bibliothèque et première recommandation, en CPU.

Chaque mesure est un processus Python neuf qui importe ``recommandeur`` et recommande pour
``exemples/profil_complet.json`` ; on note le temps CPU (``time.process_time``) de l'import et
de la recommandation, et le CPU de tout le processus (interpréteur compris, ``getrusage``).
Les variantes sont lancées à tour de rôle, dans un ordre qui tourne, dans le même lancement :

- ``avant`` : le code d'une révision (``--avant``, extraite par ``git archive``), sans cache ;
  avec ``--avant-cache``, aussi ``avant, cache chaud`` (une révision qui a déjà le cache) ;
- ``sans cache`` : ce code-ci, ``RECOMMANDEUR_CACHE=0`` ;
- ``cache vide`` : ce code-ci, un dossier de cache neuf à chaque fois (le moteur y est écrit) ;
- ``cache chaud`` : ce code-ci, le moteur compilé relu du cache ;
- ``cache chaud, sans .pyc`` : le même, mais chaque module de la bibliothèque recompilé depuis
  sa source (une copie de ``src`` sans ``__pycache__``, ``PYTHONDONTWRITEBYTECODE=1``).

Les variantes (sauf la dernière) tournent sur les ``.pyc``, comme une installation : le premier
lancement de chacune les écrit (``PYTHONDONTWRITEBYTECODE`` est retiré de l'environnement des
processus mesurés ; avec lui, chaque lancement recompilait les 70 modules importés, ≈ 90 ms).

Chaque processus imprime aussi l'empreinte de la recommandation : elles doivent être égales.

    .venv/bin/python bench/demarrage.py --avant 3c283db --repetitions 9
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
PROFIL = json.loads((RACINE / "exemples" / "profil_complet.json").read_text(encoding="utf-8"))

ENFANT = f"""
import hashlib, json, time
t0 = time.process_time()
import recommandeur
r = recommandeur.recommander({PROFIL!r})
t1 = time.process_time()
empreinte = hashlib.sha256(r.model_dump_json().encode()).hexdigest()[:16]
print(json.dumps({{"ms": (t1 - t0) * 1000, "empreinte": empreinte}}))
"""

#: La même chose, découpée : pydantic, les modules de la bibliothèque, le moteur, la recommandation.
PARTIES = f"""
import json, time
t = [time.process_time()]
import pydantic, pydantic.main
t.append(time.process_time())
import recommandeur
from recommandeur._recommandation.recommander import recommander
from recommandeur._moteur.moteur import moteur_par_defaut
t.append(time.process_time())
moteur_par_defaut()
t.append(time.process_time())
recommander({PROFIL!r})
t.append(time.process_time())
print(json.dumps([(b - a) * 1000 for a, b in zip(t, t[1:])]))
"""
NOMS_DES_PARTIES = ("pydantic", "modules de la bibliothèque", "moteur", "1re recommandation")


def parties(env: dict[str, str]) -> list[float]:
    """Les parties d'un démarrage (ms CPU), dans un processus neuf."""
    sortie = subprocess.run(
        [sys.executable, "-c", PARTIES], env=env, capture_output=True, text=True, check=True
    ).stdout
    return [float(v) for v in json.loads(sortie.splitlines()[-1])]


def un_lancement(env: dict[str, str]) -> tuple[float, float, str]:
    """(ms CPU import + 1re recommandation, ms CPU de tout le processus, empreinte)."""
    avant = resource.getrusage(resource.RUSAGE_CHILDREN)
    sortie = subprocess.run(
        [sys.executable, "-c", ENFANT], env=env, capture_output=True, text=True, check=True
    ).stdout
    apres = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = (apres.ru_utime - avant.ru_utime + apres.ru_stime - avant.ru_stime) * 1000
    lu = json.loads(sortie.splitlines()[-1])
    return lu["ms"], total, lu["empreinte"]


def extraire(revision: str, dossier: Path) -> Path:
    """Le code de ``revision`` extrait dans ``dossier`` (sans toucher au dépôt) ; son ``src``."""
    archive = subprocess.run(
        ["git", "-C", str(RACINE), "archive", revision], capture_output=True, check=True
    ).stdout
    dossier.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(dossier)], input=archive, check=True)
    return dossier / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--avant", help="révision à comparer (par exemple 3c283db)")
    parser.add_argument(
        "--avant-cache", action="store_true", help="mesurer aussi la révision avec son cache"
    )
    parser.add_argument("--repetitions", type=int, default=9)
    parser.add_argument("--sortie", type=Path, help="fichier JSON des mesures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = {
            k: v
            for k, v in os.environ.items()
            if k not in {"PYTHONPATH", "RECOMMANDEUR_CACHE", "PYTHONDONTWRITEBYTECODE"}
        }
        chaud = Path(tmp) / "cache_chaud"
        variantes: dict[str, dict[str, str]] = {}
        if args.avant:
            src = extraire(args.avant, Path(tmp) / "avant")
            variantes[f"avant ({args.avant})"] = base | {
                "PYTHONPATH": str(src),
                "RECOMMANDEUR_CACHE": "0",
            }
            if args.avant_cache:
                variantes[f"avant ({args.avant}), cache chaud"] = base | {
                    "PYTHONPATH": str(src),
                    "RECOMMANDEUR_CACHE": str(Path(tmp) / "cache_avant"),
                }
        variantes["sans cache"] = base | {"RECOMMANDEUR_CACHE": "0"}
        variantes["cache vide"] = base  # un dossier neuf à chaque lancement (ci-dessous)
        variantes["cache chaud"] = base | {"RECOMMANDEUR_CACHE": str(chaud)}
        sans_pyc = Path(tmp) / "sans_pyc"
        shutil.copytree(
            RACINE / "src", sans_pyc / "src", ignore=shutil.ignore_patterns("__pycache__")
        )
        for donnees in ("catalogue", "regles"):  # les données livrées, à leur place
            (sans_pyc / donnees).symlink_to(RACINE / donnees)
        variantes["cache chaud, sans .pyc"] = variantes["cache chaud"] | {
            "PYTHONPATH": str(sans_pyc / "src"),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        for env in variantes.values():  # compile les .pyc, remplit le cache chaud
            un_lancement(env | {"RECOMMANDEUR_CACHE": env.get("RECOMMANDEUR_CACHE", str(chaud))})
        mesures: dict[str, list[tuple[float, float, str]]] = {v: [] for v in variantes}
        noms = list(variantes)
        for tour in range(args.repetitions):
            for nom in noms[tour % len(noms) :] + noms[: tour % len(noms)]:
                env = variantes[nom]
                if nom == "cache vide":
                    env = env | {"RECOMMANDEUR_CACHE": str(Path(tmp) / f"vide_{tour}")}
                mesures[nom].append(un_lancement(env))
        decoupees: dict[str, list[list[float]]] = {"sans cache": [], "cache chaud": []}
        for _ in range(args.repetitions):  # à tour de rôle, elles aussi
            for nom, decoupe in decoupees.items():
                decoupe.append(parties(variantes[nom]))
    decoupes = {
        nom: [statistics.median(c) for c in zip(*decoupe, strict=True)]
        for nom, decoupe in decoupees.items()
    }
    charge = os.getloadavg()
    print(f"{args.repetitions} lancements par variante, à tour de rôle ; charge {charge[0]:.1f}")
    print(
        "| variante | import + 1re recommandation, CPU (médiane, min–max) | processus entier, CPU |"
    )
    print("| --- | --- | --- |")
    for nom, lignes in mesures.items():
        ms = [m for m, _, _ in lignes]
        tot = [t for _, t, _ in lignes]
        print(
            f"| {nom} | {statistics.median(ms):.0f} ms ({min(ms):.0f}–{max(ms):.0f}) "
            f"| {statistics.median(tot):.0f} ms ({min(tot):.0f}–{max(tot):.0f}) |"
        )
    print("\n| parties (médianes, ms CPU) | " + " | ".join(NOMS_DES_PARTIES) + " |")
    print("| --- |" + " --- |" * len(NOMS_DES_PARTIES))
    for nom, valeurs in decoupes.items():
        print(f"| {nom} | " + " | ".join(f"{v:.1f}" for v in valeurs) + " |")
    empreintes = {e for lignes in mesures.values() for _, _, e in lignes}
    print(f"empreintes des recommandations : {sorted(empreintes)} (une seule : mêmes résultats)")
    if args.sortie:
        args.sortie.write_text(
            json.dumps(
                {"charge": charge, "mesures": mesures, "parties": decoupes},
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
