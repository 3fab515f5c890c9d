"""Les mesures clés d'un arbre du projet, pour comparer deux versions côte à côte.

Usage : lancer en alternance, à la même heure, sur l'arbre d'avant et celui d'après ::

    git worktree add /tmp/avant <commit>
    for i in 1 2; do
        PYTHONPATH=/tmp/avant/src python bench/avant_apres.py avant
        python bench/avant_apres.py apres
    done

Chaque ligne imprimée est un JSON : ``recommander`` et le moteur mené directement (p50 sur
10 000 profils, meilleur de 3), ``recommander_lot`` sur 30 000 profils, ``recommander`` sur
1 000 règles générées (p50 sur 2 000 profils), démarrage à froid (médiane de 5).
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from population import ecrire_regles_generees, population
from recommandeur import Moteur, recommander, recommander_lot
from recommandeur._moteur.moteur import moteur_par_defaut
from recommandeur._profil.validation import valider_profil

h = time.perf_counter


def med(fn, xs):
    t = []
    for x in xs:
        a = h()
        fn(x)
        t.append(h() - a)
    return statistics.median(t) * 1e6


m = moteur_par_defaut()
profils = population(10000, m.catalogue)
for p in profils[:3000]:
    recommander(p)
reco = min(med(recommander, profils) for _ in range(3))
faits = [m.fait(valider_profil(p, m.ids_mesures)) for p in profils]
direct = min(med(m.declencher, faits) for _ in range(3))
grande = population(30000, m.catalogue, graine=30)
gc.collect()
a = h()
r = recommander_lot(grande)
lot = h() - a
del r
with tempfile.TemporaryDirectory() as d:
    gros = Moteur.depuis(regles=ecrire_regles_generees(Path(d) / "g", 1000, m.catalogue))
    for p in profils[:500]:
        recommander(p, moteur=gros)
    mille = med(lambda p: recommander(p, moteur=gros), profils[:2000])
froid = statistics.median(
    float(
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import time; t = time.perf_counter(); import recommandeur; from recommandeur import moteur_par_defaut; moteur_par_defaut(); print((time.perf_counter() - t) * 1000)",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    for _ in range(5)
)
print(
    json.dumps(
        {
            "version": sys.argv[1],
            "recommander_p50": round(reco, 1),
            "direct_p50": round(direct, 1),
            "rapport": round(reco / direct, 2),
            "lot_30000_s": round(lot, 2),
            "mille_regles_p50": round(mille, 1),
            "froid_ms": round(froid, 1),
        }
    )
)
