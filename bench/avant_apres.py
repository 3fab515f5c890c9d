"""Les mesures clés d'un arbre du projet, pour comparer deux versions côte à côte.

Usage : lancer en alternance, à la même heure, sur l'arbre d'avant et celui d'après ::

    git worktree add /tmp/avant <commit>
    for i in 1 2; do
        PYTHONPATH=/tmp/avant/src python bench/avant_apres.py avant
        python bench/avant_apres.py apres
    done

Chaque ligne imprimée est un JSON : ``recommander`` et le moteur mené directement (p50 sur
10 000 profils, meilleur de 3 ; et la moyenne, qui compte le ramasse-miettes),
``recommander_lot`` sur 30 000 profils, ``recommander`` sur 1 000 règles générées (p50 et
moyenne sur 2 000 profils), démarrage à froid (médiane de 5, temps mur). Les temps sont du
temps CPU (``process_time``, ticket 24). Les chronomètres sont ceux de ``mesurer.py`` :
l'arbre mesuré doit avoir les modules internes qu'il importe (``_recommandation.motifs.fiche``,
``_moteur.durable_json``), comme 1fb69c8.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mesurer import chronometrer, demarrage_a_froid, faits_de
from population import ecrire_regles_generees, population
from recommandeur import Moteur, recommander, recommander_lot
from recommandeur._moteur.moteur import moteur_par_defaut


def p50(fonction: Callable[[Any], object], entrees: Sequence[Any]) -> float:
    """La médiane des temps CPU d'appel, en microsecondes."""
    return statistics.median(chronometrer(fonction, entrees))


def moyenne(fonction: Callable[[Any], object], entrees: Sequence[Any]) -> float:
    """Le temps CPU moyen d'un appel, ramasse-miettes compris, en microsecondes."""
    debut = time.process_time()
    for entree in entrees:
        fonction(entree)
    return (time.process_time() - debut) / len(entrees) * 1e6


def main() -> None:
    m = moteur_par_defaut()
    profils = population(10000, m.catalogue)
    for p in profils[:3000]:
        recommander(p)
    reco = min(p50(recommander, profils) for _ in range(3))
    reco_moy = min(moyenne(recommander, profils) for _ in range(3))
    faits = faits_de(m, profils)
    direct = min(p50(m.declencher, faits) for _ in range(3))
    grande = population(30000, m.catalogue, graine=30)
    gc.collect()
    debut = time.process_time()
    lot = recommander_lot(grande)
    duree_lot = time.process_time() - debut
    del lot
    with tempfile.TemporaryDirectory() as dossier:
        gros = Moteur.depuis(regles=ecrire_regles_generees(Path(dossier) / "g", 1000, m.catalogue))
        for p in profils[:500]:
            recommander(p, moteur=gros)
        mille = p50(lambda p: recommander(p, moteur=gros), profils[:2000])
        mille_moy = moyenne(lambda p: recommander(p, moteur=gros), profils[2000:4000])
        faits_gros = faits_de(gros, profils[:2000])
        mille_direct = p50(gros.declencher, faits_gros)
    print(
        json.dumps(
            {
                "version": sys.argv[1] if len(sys.argv) > 1 else "?",
                "recommander_p50": round(reco, 1),
                "recommander_moy": round(reco_moy, 1),
                "direct_p50": round(direct, 1),
                "rapport": round(reco / direct, 2),
                "lot_30000_s_cpu": round(duree_lot, 2),
                "mille_regles_p50": round(mille, 1),
                "mille_regles_moy": round(mille_moy, 1),
                "mille_direct_p50": round(mille_direct, 1),
                "rapport_mille": round(mille / mille_direct, 2),
                "froid_ms": demarrage_a_froid(),
            }
        )
    )


if __name__ == "__main__":
    main()
