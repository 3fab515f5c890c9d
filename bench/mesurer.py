"""Mesure la vitesse et la mémoire de ``recommander``, côte à côte avec le moteur brut.

Usage (depuis la racine du dépôt, paquet installé) ::

    python bench/mesurer.py                      # tout : ~10 minutes sur 2 cœurs
    python bench/mesurer.py --appels-memoire 100000 --sortie /tmp/r.json

Écrit un résultat JSON (``bench/resultats.json`` par défaut) et affiche les tableaux des
cibles (tickets 13 et 24). Les temps sont des temps CPU (``process_time``, depuis le ticket 24 ;
le démarrage à froid et la compilation restent en temps mur), des médianes (p50) et des p99
mesurés dans la même exécution ; les comparaisons sont des rapports, pas des temps absolus
(la machine est partagée et bruyante).
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
from recommandeur._recommandation.motifs import fiche


def chronometrer(fonction: Callable[[Any], object], entrees: Sequence[Any]) -> list[float]:
    """Le temps CPU de chaque appel (``process_time``), en microsecondes.

    Du temps CPU, pas du temps mur (ticket 24) : la machine est partagée, et un appel suspendu
    par un autre processus ne coûte rien de plus.
    """
    temps = []
    horloge = time.process_time
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


def demarrage_a_froid(repetitions: int = 7, cache: str | None = None) -> float:
    """Import et première recommandation, en ms CPU (médiane de processus neufs).

    ``cache`` : le dossier du moteur compilé (rempli par un premier lancement) ; ``None`` :
    sans cache (``RECOMMANDEUR_CACHE=0``). Le détail, avant/après : ``bench/demarrage.py``.
    """
    code = (
        "import time; t = time.process_time(); import recommandeur; "
        "recommandeur.recommander({'annees_experience': 1, 'ordre': 'secondaire'}); "
        "print((time.process_time() - t) * 1000)"
    )
    env = {**__import__("os").environ, "RECOMMANDEUR_CACHE": cache or "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # sur les .pyc, comme une installation

    def un() -> float:
        sortie = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout
        return float(sortie)

    un()  # les .pyc, et le moteur compilé écrit dans le cache
    return round(statistics.median(un() for _ in range(repetitions)), 1)


def mesurer(n_profils: int, appels_memoire: int, plan: bool) -> dict[str, Any]:
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
    debut = time.process_time()
    temps_reco = chronometrer(recommander, profils)
    duree = time.process_time() - debut
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

    with tempfile.TemporaryDirectory() as cache:
        resultat["demarrage_a_froid_ms"] = demarrage_a_froid(cache=cache)
    resultat["demarrage_a_froid_sans_cache_ms"] = demarrage_a_froid()
    print("démarrage à froid mesuré", file=sys.stderr)

    echelle = {}
    with tempfile.TemporaryDirectory() as temporaire:
        for n_regles in (100, 1000, 5000):
            dossier = ecrire_regles_generees(
                Path(temporaire) / f"r{n_regles}", n_regles, moteur.catalogue
            )
            debut = time.perf_counter()
            gros = Moteur.depuis(regles=dossier)
            compilation = time.perf_counter() - debut
            echantillon = profils[:2000]
            for p in echantillon[:500]:  # mémoires chaudes, comme un service qui tourne
                recommander(p, moteur=gros)
            infos_avant = fiche(gros).motif.cache_info()
            temps_gros = chronometrer(lambda p, g=gros: recommander(p, moteur=g), echantillon)
            infos = fiche(gros).motif.cache_info()
            touches = infos.hits - infos_avant.hits
            echelle[str(n_regles)] = {
                "compilation_ms": round(compilation * 1000),
                "ensembles_durable": gros._evaluateur.nombre_d_ensembles,
                "memoire_motifs": fiche(gros).taille,
                "motifs_retrouves": round(
                    touches / max(1, touches + infos.misses - infos_avant.misses), 3
                ),
                "recommander": centiles(temps_gros),
                "durable_direct": centiles(
                    chronometrer(gros.declencher, faits_de(gros, echantillon))
                ),
            }
            del gros
            print(f"{n_regles} règles mesurées", file=sys.stderr)
    echelle["livree"] = {
        "regles": len(moteur.regles),
        "recommander": resultat["recommander"],
        "durable_direct": resultat["durable_direct"],
    }
    resultat["selon_le_nombre_de_regles"] = echelle
    print("échelle mesurée", file=sys.stderr)

    grande = population(30_000, moteur.catalogue, graine=30)
    recommander_lot(grande[:500])
    temps_lot = []
    for _ in range(3):
        gc.collect()
        debut = time.process_time()  # CPU d'un cœur : le lot est calculé dans ce processus
        lot = recommander_lot(grande)
        temps_lot.append(time.process_time() - debut)
        del lot
    resultat["lot"] = {
        "profils": len(grande),
        "recommander_lot_s": round(statistics.median(temps_lot), 2),
        "multi_processus": "retiré (FutureWarning) : 11,2 s en 2 processus contre 6,3 s en 1 le 2026-12-01",
    }
    print("lot de 30 000 mesuré", file=sys.stderr)
    resultat["garder"] = garder_ou_jeter(grande)
    del grande
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

    if plan:
        resultat["plan"] = plan_30000()
        print("planifier mesuré", file=sys.stderr)

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
        "demarrage_a_froid_sans_cache_ms": r["demarrage_a_froid_sans_cache_ms"],
        "p50_1000_regles_us": echelle["1000"]["recommander"]["p50"],
        "rapport_1000_regles_sur_moteur_direct": round(
            echelle["1000"]["recommander"]["p50"] / echelle["1000"]["durable_direct"]["p50"], 2
        ),
        "p50_5000_regles_us": echelle["5000"]["recommander"]["p50"],
        "croissance_memoire_mo": r["memoire"]["croissance_mo"],
        "rapport_garder_sur_jeter": r["garder"]["rapport"],
        "octets_par_resultat_garde": r["garder"]["octets_par_resultat_garde"],
        "lot_30000_s": r["lot"]["recommander_lot_s"],
    }
    if plan:
        r["synthese"]["planifier_30000_s"] = r["plan"]["planifier_2_processus_s"]
    return resultat


def plan_30000() -> dict[str, Any]:
    """``bench/plan.py`` une fois (30 000 personnes, 600 écoles), dans un processus à part."""
    with tempfile.TemporaryDirectory() as dossier:
        sortie = Path(dossier) / "plan.json"
        subprocess.run(
            [
                sys.executable,
                str(Path(__file__).parent / "plan.py"),
                "--repetitions",
                "1",
                "--sortie",
                str(sortie),
            ],
            check=True,
            capture_output=True,
        )
        resultat: dict[str, Any] = json.loads(sortie.read_text(encoding="utf-8"))
        return resultat


def garder_ou_jeter(profils: Sequence[dict[str, Any]], repetitions: int = 3) -> dict[str, Any]:
    """La même boucle de ``recommander``, qui garde les résultats ou les jette (ramasse-miettes
    par défaut), côte à côte ; médianes de ``repetitions``, et octets par résultat gardé."""
    valides = [Profil.model_validate(p) for p in profils]

    def boucle(garder: bool) -> float:
        gc.collect()
        gardes = []
        debut = time.process_time()
        for p in valides:
            r = recommander(p)
            if garder:
                gardes.append(r)
        duree = time.process_time() - debut
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


#: Les cibles du ticket 13 : (clé de la synthèse, libellé, signe, seuil, avant le ticket).
CIBLES_13 = [
    (
        "rapport_recommander_sur_moteur_direct",
        "recommander / moteur mené directement (p50)",
        "≤",
        2.0,
        "≈ 4,5 ×",
    ),
    ("rapport_garder_sur_jeter", "garder 30 000 résultats / les jeter", "≤", 1.3, "3 ×"),
    ("lot_30000_s", "recommander_lot, 30 000 profils (s)", "≤", 3.0, "6,5 s (1 proc.), 14,1 s (2)"),
    ("p50_1000_regles_us", "1 000 règles, p50 de recommander (µs)", "≤", 1000.0, "1 391 µs"),
    ("p50_5000_regles_us", "5 000 règles, p50 de recommander (µs)", "", 0.0, "non mesuré"),
    ("demarrage_a_froid_ms", "démarrage à froid (ms CPU, cache chaud)", "≤", 250.0, "265,9 ms"),
    ("planifier_30000_s", "planifier, 30 000 personnes (s)", "≤", 10.0, "—"),
    ("croissance_memoire_mo", "mémoire résidente sur les appels (Mo)", "≤", 5.0, "plate"),
    ("octets_par_resultat_garde", "octets par résultat gardé", "", 0.0, "—"),
]


#: Les cibles du ticket 24 (temps CPU) : (clé de la synthèse, libellé, signe, seuil, avant).
CIBLES_24 = [
    (
        "rapport_recommander_sur_moteur_direct",
        "recommander / moteur.declencher, base livrée (p50)",
        "≤",
        3.0,
        "≈ 5 × (ticket) ; 6,5 × (224ee54)",
    ),
    (
        "rapport_1000_regles_sur_moteur_direct",
        "recommander / moteur.declencher, 1 000 règles (p50)",
        "≤",
        2.5,
        "≈ 3 ×",
    ),
    ("lot_30000_s", "recommander_lot, 30 000 profils (s CPU, un cœur)", "≤", 4.5, "7,1–7,9 s"),
    ("p50_1000_regles_us", "1 000 règles, p50 de recommander (µs CPU)", "≤", 1500.0, "1,9–2,3 ms"),
]


def tableau(resultat: dict[str, Any]) -> str:
    """Les tableaux des cibles des tickets 13 et 24 : mesuré, cible, tenue, et avant."""
    return _tableau(resultat, "13", CIBLES_13) + "\n\n" + _tableau(resultat, "24", CIBLES_24)


def _tableau(
    resultat: dict[str, Any], ticket: str, cibles: list[tuple[str, str, str, float, str]]
) -> str:
    synthese = resultat["synthese"]
    lignes = [
        f"| cible (ticket {ticket}) | mesuré | cible | tenue | avant |",
        "| --- | --- | --- | --- | --- |",
    ]
    for cle, libelle, signe, seuil, avant in cibles:
        if cle not in synthese:
            continue
        valeur = synthese[cle]
        if signe:
            tenue = "oui" if (valeur <= seuil if signe == "≤" else valeur >= seuil) else "non"
            cible = f"{signe} {seuil:g}"
        else:
            tenue, cible = "", "mesurée"
        lignes.append(f"| {libelle} | {valeur} | {cible} | {tenue} | {avant} |")
    if ticket == "24":
        return "\n".join(lignes)
    lignes += ["", "| autre mesure | valeur |", "| --- | --- |"]
    lignes += [
        f"| {cle} | {valeur} |"
        for cle, valeur in synthese.items()
        if cle not in {c for c, *_ in CIBLES_13 + CIBLES_24}
    ]
    return "\n".join(lignes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profils", type=int, default=10_000)
    parser.add_argument("--appels-memoire", type=int, default=1_000_000)
    parser.add_argument(
        "--sans-plan", action="store_true", help="ne pas mesurer planifier (30 000 personnes)"
    )
    parser.add_argument("--sortie", type=Path, default=Path(__file__).parent / "resultats.json")
    args = parser.parse_args()
    resultat = mesurer(args.profils, args.appels_memoire, not args.sans_plan)
    args.sortie.write_text(
        json.dumps(resultat, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(tableau(resultat))
    print(f"\nrésultat complet : {args.sortie}")


if __name__ == "__main__":
    main()
