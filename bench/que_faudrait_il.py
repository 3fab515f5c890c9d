"""Le temps de ``que_faudrait_il`` : chaque mesure du catalogue, pour apporter et pour retirer,
sur les profils d'exemple (``exemples/*.toml``).

Usage ::

    python bench/que_faudrait_il.py

Imprime un JSON : le nombre de questions, la médiane, le 95e centile et le maximum (en ms),
et la question la plus lente.
"""

from __future__ import annotations

import json
import statistics
import time
import tomllib
from pathlib import Path

from recommandeur import charger_catalogue, que_faudrait_il, recommander

RACINE = Path(__file__).resolve().parents[1]


def main() -> None:
    """Mesure chaque question et imprime le résumé."""
    profils = {
        chemin.name: tomllib.loads(chemin.read_text(encoding="utf-8"))
        for chemin in sorted((RACINE / "exemples").glob("*.toml"))
    }
    mesures = [m.id for m in charger_catalogue().mesures]
    recommander(next(iter(profils.values())))  # le moteur par défaut, construit une fois
    temps: list[tuple[float, str]] = []
    for nom, profil in profils.items():
        for mesure in mesures:
            for retirer in (False, True):
                debut = time.perf_counter()
                que_faudrait_il(profil, mesure, retirer=retirer)
                ecoule = (time.perf_counter() - debut) * 1000
                temps.append((ecoule, f"{nom} {mesure} retirer={retirer}"))
    valeurs = sorted(t for t, _ in temps)
    print(
        json.dumps(
            {
                "questions": len(valeurs),
                "mediane_ms": round(statistics.median(valeurs), 1),
                "p95_ms": round(valeurs[int(0.95 * (len(valeurs) - 1))], 1),
                "max_ms": round(valeurs[-1], 1),
                "plus_lente": max(temps)[1],
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
