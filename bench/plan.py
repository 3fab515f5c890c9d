"""Mesure ``planifier`` sur une cohorte de l'ordre d'une province : 30 000 personnes, 600 écoles.

Usage (depuis la racine du dépôt, paquet installé) ::

    python bench/plan.py                          # 30 000 personnes, 3 répétitions
    python bench/plan.py --enseignants 5000 --repetitions 1
    python bench/plan.py --personnes-par-mentor 0    # les personnes mentores d'avant (638)

Les effectifs sont générés (fictifs, graine fixe) par ``outils/generer_effectifs.py`` dans
un dossier temporaire. Chaque mesure est un appel complet de ``planifier`` (lecture et
validation des fichiers, recommandations, groupes, plans par école, charges, bilan) dans un
processus où le moteur est déjà construit ; puis le rapport HTML, le JSON et les CSV. Les
temps sont des médianes ; ``processus=1`` et ``processus=2`` sont mesurés côte à côte.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from recommandeur import moteur_par_defaut, planifier
from recommandeur._programme.calcul.parallele import coeurs, processus_utiles

RACINE = Path(__file__).resolve().parents[1]


def main() -> None:
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("--enseignants", type=int, default=30_000)
    analyseur.add_argument("--ecoles", type=int, default=600)
    analyseur.add_argument("--repetitions", type=int, default=3)
    analyseur.add_argument(
        "--personnes-par-mentor",
        type=int,
        default=None,
        help="passé au générateur (défaut : le sien, une personne mentore pour 7)",
    )
    analyseur.add_argument("--sortie", type=Path, default=RACINE / "bench" / "plan.json")
    args = analyseur.parse_args()
    with tempfile.TemporaryDirectory() as dossier:
        subprocess.run(
            [
                sys.executable,
                str(RACINE / "outils" / "generer_effectifs.py"),
                "--enseignants",
                str(args.enseignants),
                "--ecoles",
                str(args.ecoles),
                "--dossier",
                dossier,
                *(
                    ()
                    if args.personnes_par_mentor is None
                    else ("--personnes-par-mentor", str(args.personnes_par_mentor))
                ),
            ],
            check=True,
            capture_output=True,
        )
        enseignants, ecoles = Path(dossier) / "enseignants.csv", Path(dossier) / "ecoles.csv"
        mentors = Path(dossier) / "mentors.csv"  # l'appariement compris (ticket 23)
        moteur_par_defaut()
        temps: dict[int, list[float]] = {1: [], 2: []}
        cpu: dict[int, list[float]] = {1: [], 2: []}  # ce processus-ci (machine partagée)
        cpu_enfants: list[float] = []  # les processus de calcul (arrêtés à la fin du plan)
        plans = {}
        charge = os.getloadavg()[0]
        for _ in range(args.repetitions):
            for processus in (1, 2):
                debut, debut_cpu = time.perf_counter(), time.process_time()
                debut_enfants = _cpu_des_enfants()
                plans[processus] = planifier(
                    enseignants, ecoles, processus=processus, mentors=mentors
                )
                temps[processus].append(time.perf_counter() - debut)
                cpu[processus].append(time.process_time() - debut_cpu)
                if processus == 2:
                    cpu_enfants.append(_cpu_des_enfants() - debut_enfants)
        plan = plans[2]
        debut = time.perf_counter()
        page = plan.html()
        t_html = time.perf_counter() - debut
        debut = time.perf_counter()
        plan.ecrire_json(Path(dossier) / "plan.json")
        plan.ecrire_csv(Path(dossier) / "csv")
        t_exports = time.perf_counter() - debut
    p1, p2 = statistics.median(temps[1]), statistics.median(temps[2])
    resultat = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "python": platform.python_version(),
        "enseignants": args.enseignants,
        "ecoles": args.ecoles,
        "planifier_1_processus_s": round(p1, 2),
        "planifier_2_processus_s": round(p2, 2),
        "acceleration": round(p1 / p2, 2),
        "cpu_ici_1_processus_s": round(statistics.median(cpu[1]), 2),
        "cpu_ici_2_processus_s": round(statistics.median(cpu[2]), 2),
        "cpu_processus_de_calcul_s": round(statistics.median(cpu_enfants), 2),
        "processus_utiles_pour_2": processus_utiles(2, args.enseignants, coeurs()),
        "coeurs": coeurs(),
        "charge_avant": round(charge, 2),
        "charge_apres": round(os.getloadavg()[0], 2),
        "personnes_mentores": len(plan.appariement.mentors) if plan.appariement else None,
        "apparies": len(plan.appariement.paires) if plan.appariement else None,
        "non_apparies": len(plan.appariement.non_apparies) if plan.appariement else None,
        "identiques": plans[1] == plans[2],
        "html_s": round(t_html, 2),
        "html_octets": len(page.encode()),
        "json_et_csv_s": round(t_exports, 2),
        "groupes": len(plan.groupes),
        "alertes": len(plan.alertes),
        "repetitions": args.repetitions,
    }
    args.sortie.write_text(json.dumps(resultat, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(
        f"planifier, {args.enseignants} personnes dans {args.ecoles} écoles (médiane de {args.repetitions}) :"
    )
    print(
        f"  1 processus : {p1:.2f} s · 2 processus : {p2:.2f} s (accélération {p1 / p2:.2f}) ; mêmes plans : {resultat['identiques']}"
    )
    print(
        f"  rapport HTML : {t_html:.2f} s ({resultat['html_octets'] / 1e6:.1f} Mo) · JSON et CSV : {t_exports:.2f} s"
    )
    print(
        f"  temps CPU de ce processus : {resultat['cpu_ici_1_processus_s']} s et "
        f"{resultat['cpu_ici_2_processus_s']} s (+ {resultat['cpu_processus_de_calcul_s']} s "
        f"dans le processus de calcul) ; charge de la machine avant : {charge:.2f}, après : "
        f"{resultat['charge_apres']}"
    )
    print(
        f"  appariement : {resultat['personnes_mentores']} personnes mentores, "
        f"{resultat['apparies']} paires, {resultat['non_apparies']} sans personne mentore"
    )
    print(f"  {resultat['groupes']} groupes, {resultat['alertes']} alertes ; écrit {args.sortie}")


def _cpu_des_enfants() -> float:
    """Le temps CPU des processus fils déjà arrêtés (les processus de calcul d'un plan)."""
    enfants = resource.getrusage(resource.RUSAGE_CHILDREN)
    return enfants.ru_utime + enfants.ru_stime


if __name__ == "__main__":
    main()
