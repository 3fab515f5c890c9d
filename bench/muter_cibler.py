"""Le temps d'un mutant avec et sans ``--cibler`` (outils/muter.py), côte à côte.

Usage (depuis la racine du dépôt, machine aussi calme que possible) ::

    python bench/muter_cibler.py m7_cache_xdg_ignore m7_recap_cout_tronque ... > bench/chiffres/muter_cibler.txt

Pour chaque mutant, dans le même lancement et en alternance : la passe ``--rapide`` sans ciblage
(la suite rapide jusqu'au premier échec), puis avec ``--cibler`` (les tests qui importent ou
nomment le module d'abord). Chaque ligne imprimée est un JSON : verdicts, temps CPU des
processus de test (``os.times`` des enfants : ``pytest`` compte presque tout) et temps mur.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "outils"))

import muter


def _cpu_des_enfants() -> float:
    t = os.times()
    return t.children_user + t.children_system


def mesurer(mutant: dict[str, str], cibler: bool) -> dict[str, Any]:
    """Un mutant essayé comme ``muter.py --rapide`` (avec ou sans ``--cibler``)."""
    d_abord = muter.tests_cibles(muter.RACINE, mutant["fichier"]) if cibler else []
    cpu, mur = _cpu_des_enfants(), time.perf_counter()
    verdict = muter.essayer(mutant, 900, "rapide", d_abord)
    return {
        "verdict": verdict.verdict,
        "phase": verdict.phase,
        "test": verdict.test,
        "cpu_s": round(_cpu_des_enfants() - cpu, 1),
        "mur_s": round(time.perf_counter() - mur, 1),
    }


def main(ids: list[str]) -> None:
    mutants = {m["id"]: m for m in muter.charger(muter.RACINE / "outils" / "mutants.toml")}
    for i in ids:
        sans = mesurer(mutants[i], cibler=False)
        avec = mesurer(mutants[i], cibler=True)
        print(json.dumps({"mutant": i, "sans": sans, "avec": avec}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
