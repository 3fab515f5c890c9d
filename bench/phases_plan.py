"""Le temps d'un plan par phases, dans ce processus-ci et dans le processus de calcul.

Usage (depuis la racine du dépôt ; ``PYTHONPATH=<autre arbre>/src`` pour mesurer un autre
arbre côte à côte) ::

    python bench/phases_plan.py DOSSIER [--processus 2] [--repetitions 1]

``DOSSIER`` : des effectifs de ``outils/generer_effectifs.py`` (``enseignants.csv``,
``ecoles.csv``, ``mentors.csv``). Pour chaque appel de ``planifier`` : le temps mur, le temps
CPU de ce processus-ci et celui du processus de calcul (arrêté à la fin du plan), puis, par
phase, le CPU et le mur de ce processus-ci : lecture, recommandations, construction du plan et,
dedans, la lecture de l'attribution de l'appariement (son mur moins son CPU : ce que ce
processus-ci a attendu le processus de calcul ; « ramenée » : multipliée par la part de CPU que
ce processus-ci a eue pendant le plan, CPU / mur). Sur une machine chargée, le mur ne vaut
rien : comparer les CPU et les attentes ramenées, deux arbres l'un après l'autre.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import os
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import recommandeur._programme.planifier as module_planifier
from recommandeur import moteur_par_defaut, planifier
from recommandeur._programme.calcul import parallele

PHASES: dict[str, list[float]] = {}


def _chrono(nom: str, fonction: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fonction)
    def mesuree(*args: Any, **kwargs: Any) -> Any:
        cpu, mur = time.process_time(), time.perf_counter()
        try:
            return fonction(*args, **kwargs)
        finally:
            avant = PHASES.setdefault(nom, [0.0, 0.0])
            avant[0] += time.process_time() - cpu
            avant[1] += time.perf_counter() - mur

    return mesuree


def _instrumenter() -> None:
    for nom in ("charger_avec_mentors", "resumes_des_effectifs", "_plan"):
        setattr(module_planifier, nom, _chrono(nom, getattr(module_planifier, nom)))
    ailleurs = parallele.Calcul.ailleurs

    def lue(self: Any, *args: Any) -> Any:
        return _chrono("attribution lue", ailleurs(self, *args))

    setattr(parallele.Calcul, "ailleurs", lue)  # noqa: B010 (un attribut de classe remplacé)


def _cpu_des_enfants() -> float:
    enfants = resource.getrusage(resource.RUSAGE_CHILDREN)
    return enfants.ru_utime + enfants.ru_stime


def main() -> None:
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("dossier", type=Path)
    analyseur.add_argument("--processus", type=int, default=2)
    analyseur.add_argument("--repetitions", type=int, default=1)
    args = analyseur.parse_args()
    _instrumenter()
    moteur_par_defaut()
    d = args.dossier
    for _ in range(args.repetitions):
        PHASES.clear()
        enfants, cpu, mur = _cpu_des_enfants(), time.process_time(), time.perf_counter()
        plan = planifier(
            d / "enseignants.csv",
            d / "ecoles.csv",
            processus=args.processus,
            mentors=d / "mentors.csv",
        )
        mur, cpu = time.perf_counter() - mur, time.process_time() - cpu
        fils = _cpu_des_enfants() - enfants
        empreinte = hashlib.sha256(plan.model_dump_json().encode()).hexdigest()[:12]
        print(
            f"processus={args.processus} mur {mur:.2f} s · CPU ici {cpu:.2f} s · processus de "
            f"calcul {fils:.2f} s · charge {os.getloadavg()[0]:.1f} · empreinte {empreinte}"
        )
        for nom, (c, m) in PHASES.items():
            print(f"  {nom:24s} CPU {c:6.2f} s  mur {m:6.2f} s")
        # l'attente, ramenée à la part de CPU que ce processus-ci a eue (machine partagée)
        c, m = PHASES.get("attribution lue", [0.0, 0.0])
        print(
            f"  attente de l'attribution : {m - c:.2f} s mur, {(m - c) * cpu / mur:.2f} s ramenée"
        )


if __name__ == "__main__":
    main()
