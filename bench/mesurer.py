"""Mesure la vitesse et la mémoire de ``recommander``, côte à côte avec le moteur brut.

Usage (depuis la racine du dépôt, paquet installé) ::

    python bench/mesurer.py                      # tout : ~6 minutes sur 2 cœurs
    python bench/mesurer.py --appels-memoire 100000 --sortie /tmp/r.json

Écrit un résultat JSON (``bench/resultats.json`` par défaut) et affiche un tableau. Les
temps sont des médianes (p50) et des p99 mesurés dans la même exécution ; les comparaisons
sont des rapports, pas des temps absolus (la machine est partagée et bruyante).
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from population import ecrire_regles_generees, population
from recommandeur import Moteur, Profil, recommander, recommander_lot
from recommandeur._langage.evaluation import evaluer
from recommandeur._moteur.durable_json import en_json_durable
from recommandeur._profil.validation import valider_profil

CIBLES = {
    "recommander_p50_us": ("≤", 150.0),
    "recommander_p99_us": ("≤", 1000.0),
    "profils_par_seconde": ("≥", 8000.0),
    "rapport_recommander_sur_durable": ("≤", 6.0),
    "rapport_recommander_sur_moteur_direct": ("≤", 2.0),
    "demarrage_a_froid_ms": ("≤", 250.0),
    "rapport_garder_sur_jeter": ("≤", 1.3),
    "p50_1000_regles_us": ("≤", 1000.0),
    "croissance_memoire_mo": ("≤", 5.0),
}


def chronometrer(fonction: Callable[[Any], object], entrees: Sequence[Any]) -> list[float]:
    """Le temps de chaque appel, en microsecondes."""
    temps = []
    horloge = time.perf_counter
    for entree in entrees:
        debut = horloge()
        fonction(entree)
        temps.append((horloge() - debut) * 1e6)
    return temps


def centiles(temps: list[float]) -> dict[str, float]:
    ordonnes = sorted(temps)
    return {
        "p50": round(statistics.median(ordonnes), 1),
        "p99": round(ordonnes[min(len(ordonnes) - 1, int(len(ordonnes) * 0.99))], 1),
        "moyenne": round(statistics.fmean(ordonnes), 1),
    }


def rss_mo() -> float:
    with open("/proc/self/status", encoding="ascii") as statut:
        for ligne in statut:
            if ligne.startswith("VmRSS:"):
                return int(ligne.split()[1]) / 1024
    return float("nan")


def faits_de(moteur: Moteur, profils: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    resultat = []
    for donnees in profils:
        resultat.append(moteur.fait(valider_profil(donnees, moteur.ids_mesures)))
    return resultat


def durable_brut(moteur: Moteur) -> Callable[[dict[str, Any]], object]:
    """Le même ensemble compilé, par l'API de durable-rules (Host.assert_fact + retract_fact)."""
    from durable import engine

    hote = engine.Host()
    definition: dict[str, Any] = {
        f"r{i}": {"all": [{"m": en_json_durable(r.condition)}], "run": lambda c: None}
        for i, r in enumerate(moteur.regles)
    }
    definition["tout"] = {"all": [{"m": {"recommandeur_fait": 1}}], "run": lambda c: None}
    hote.set_rulesets({"brut": definition})

    def evaluer_brut(f: dict[str, Any]) -> object:
        donnees = {**f, "id": "f", "sid": "0", "recommandeur_fait": 1}
        hote.assert_fact("brut", donnees)
        return hote.retract_fact("brut", donnees)

    return evaluer_brut


def demarrage_a_froid(repetitions: int = 5) -> float:
    code = (
        "import time; t = time.perf_counter(); import recommandeur; "
        "from recommandeur import moteur_par_defaut; moteur_par_defaut(); "
        "print((time.perf_counter() - t) * 1000)"
    )
    mesures = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repetitions)
    ]
    return round(statistics.median(mesures), 1)


def mesurer(n_profils: int, appels_memoire: int, processus: int) -> dict[str, Any]:
    resultat: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "systeme": platform.platform(),
            "processeurs": __import__("os").cpu_count(),
        },
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }
    moteur = Moteur.depuis()
    profils = population(n_profils, moteur.catalogue)
    recommander(profils[0])
    print(f"population : {n_profils} profils", file=sys.stderr)

    gc.collect()
    debut = time.perf_counter()
    temps_reco = chronometrer(recommander, profils)
    duree = time.perf_counter() - debut
    resultat["recommander"] = centiles(temps_reco) | {
        "profils_par_seconde": round(n_profils / duree),
        "mesures_par_profil": round(
            statistics.fmean(len(recommander(p).mesures) for p in profils[:2000]), 1
        ),
    }
    # deuxième passage : mémoires chaudes (motifs et justifications déjà calculés)
    resultat["recommander_second_passage"] = centiles(chronometrer(recommander, profils))

    faits = faits_de(moteur, profils)
    brut = durable_brut(moteur)
    resultat["durable_api"] = centiles(chronometrer(brut, faits))
    resultat["durable_direct"] = centiles(chronometrer(moteur.declencher, faits))
    resultat["reference"] = centiles(
        chronometrer(lambda f: [r.id for r in moteur.regles if evaluer(r.condition, f)], faits)
    )

    validation = centiles(chronometrer(lambda d: valider_profil(d, moteur.ids_mesures), profils))
    profils_valides = [valider_profil(d, moteur.ids_mesures) for d in profils]
    mise_a_plat = centiles(
        chronometrer(
            moteur.fait,
            profils_valides,
        )
    )
    total = resultat["recommander"]["p50"]
    parties = {
        "validation": validation["p50"],
        "mise_a_plat": mise_a_plat["p50"],
        "moteur": resultat["durable_direct"]["p50"],
    }
    parties["classement_justification"] = round(max(0.0, total - sum(parties.values())), 1)
    resultat["repartition_p50_us"] = parties

    resultat["demarrage_a_froid_ms"] = demarrage_a_froid()
    print("démarrage à froid mesuré", file=sys.stderr)

    echelle = {}
    with tempfile.TemporaryDirectory() as temporaire:
        for n_regles in (100, 1000):
            dossier = ecrire_regles_generees(
                Path(temporaire) / f"r{n_regles}", n_regles, moteur.catalogue
            )
            debut = time.perf_counter()
            gros = Moteur.depuis(regles=dossier)
            compilation = time.perf_counter() - debut
            echantillon = profils[:2000]
            recommander(echantillon[0], moteur=gros)
            echelle[str(n_regles)] = {
                "compilation_ms": round(compilation * 1000),
                "recommander": centiles(
                    chronometrer(lambda p, g=gros: recommander(p, moteur=g), echantillon)
                ),
                "durable_direct": centiles(
                    chronometrer(gros.declencher, faits_de(gros, echantillon))
                ),
            }
    echelle["livree"] = {
        "regles": len(moteur.regles),
        "recommander": resultat["recommander"],
        "durable_direct": resultat["durable_direct"],
    }
    resultat["selon_le_nombre_de_regles"] = echelle
    print("échelle mesurée", file=sys.stderr)

    if processus > 1:
        echantillon = profils[: min(n_profils, 10_000)]
        debut = time.perf_counter()
        sequentiel = recommander_lot(echantillon, processus=1)
        t_seq = time.perf_counter() - debut
        debut = time.perf_counter()
        parallele = recommander_lot(echantillon, processus=processus)
        t_par = time.perf_counter() - debut
        resultat["lot"] = {
            "profils": len(echantillon),
            "processus": processus,
            "sequentiel_s": round(t_seq, 2),
            "parallele_s": round(t_par, 2),
            "acceleration": round(t_seq / t_par, 2),
            "identiques": sequentiel == parallele,
        }
        del sequentiel, parallele  # 20 000 résultats gardés fausseraient la mesure de mémoire

    resultat["garder"] = garder_ou_jeter(profils[: min(n_profils, 10_000)])
    print("garder / jeter mesuré", file=sys.stderr)

    gc.collect()
    avant = rss_mo()
    for i in range(appels_memoire):
        recommander(profils[i % n_profils])
    gc.collect()
    apres = rss_mo()
    resultat["memoire"] = {
        "appels": appels_memoire,
        "rss_avant_mo": round(avant, 1),
        "rss_apres_mo": round(apres, 1),
        "croissance_mo": round(apres - avant, 1),
    }

    r = resultat
    r["synthese"] = {
        "recommander_p50_us": r["recommander"]["p50"],
        "recommander_p99_us": r["recommander"]["p99"],
        "profils_par_seconde": r["recommander"]["profils_par_seconde"],
        "rapport_recommander_sur_durable": round(
            r["recommander"]["p50"] / r["durable_api"]["p50"], 2
        ),
        "rapport_recommander_sur_moteur_direct": round(
            r["recommander"]["p50"] / r["durable_direct"]["p50"], 2
        ),
        "rapport_durable_api_sur_direct": round(
            r["durable_api"]["p50"] / r["durable_direct"]["p50"], 2
        ),
        "rapport_reference_sur_direct": round(
            r["reference"]["p50"] / r["durable_direct"]["p50"], 2
        ),
        "demarrage_a_froid_ms": r["demarrage_a_froid_ms"],
        "p50_1000_regles_us": echelle["1000"]["recommander"]["p50"],
        "croissance_memoire_mo": r["memoire"]["croissance_mo"],
        "rapport_garder_sur_jeter": r["garder"]["rapport"],
    }
    return resultat


def garder_ou_jeter(profils: Sequence[dict[str, Any]], repetitions: int = 3) -> dict[str, Any]:
    """La même boucle de ``recommander``, qui garde les résultats ou les jette (ramasse-miettes
    par défaut), côte à côte ; médianes de ``repetitions``, et octets par résultat gardé."""
    valides = [Profil.model_validate(p) for p in profils]

    def boucle(garder: bool) -> float:
        gc.collect()
        gardes = []
        debut = time.perf_counter()
        for p in valides:
            r = recommander(p)
            if garder:
                gardes.append(r)
        duree = time.perf_counter() - debut
        del gardes
        gc.collect()
        return duree

    jeter, garder = [], []
    for _ in range(repetitions):
        jeter.append(boucle(False))
        garder.append(boucle(True))
    t_jeter, t_garder = statistics.median(jeter), statistics.median(garder)
    # les octets qu'ajoute un résultat gardé (les objets partagés déjà faits ne comptent pas)
    import tracemalloc

    tracemalloc.start()
    depart = tracemalloc.get_traced_memory()[0]
    gardes = [recommander(p) for p in valides[:2000]]
    octets = (tracemalloc.get_traced_memory()[0] - depart) / len(gardes)
    tracemalloc.stop()
    del gardes
    return {
        "profils": len(valides),
        "jeter_s": round(t_jeter, 2),
        "garder_s": round(t_garder, 2),
        "rapport": round(t_garder / t_jeter, 2),
        "octets_par_resultat_garde": round(octets),
    }


def tableau(resultat: dict[str, Any]) -> str:
    lignes = ["| mesure | valeur | cible | tenue |", "| --- | --- | --- | --- |"]
    for cle, valeur in resultat["synthese"].items():
        cible = CIBLES.get(cle)
        if cible:
            signe, seuil = cible
            tenue = valeur <= seuil if signe == "≤" else valeur >= seuil
            lignes.append(f"| {cle} | {valeur} | {signe} {seuil:g} | {'oui' if tenue else 'non'} |")
        else:
            lignes.append(f"| {cle} | {valeur} | | |")
    return "\n".join(lignes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profils", type=int, default=10_000)
    parser.add_argument("--appels-memoire", type=int, default=1_000_000)
    parser.add_argument("--processus", type=int, default=2)
    parser.add_argument("--sortie", type=Path, default=Path(__file__).parent / "resultats.json")
    args = parser.parse_args()
    resultat = mesurer(args.profils, args.appels_memoire, args.processus)
    args.sortie.write_text(
        json.dumps(resultat, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(tableau(resultat))
    print(f"\nrésultat complet : {args.sortie}")


if __name__ == "__main__":
    main()
