"""Mesure le journal de suivi sur 30 000 personnes et une année d'entrées.

Usage (depuis la racine du dépôt, paquet installé) ::

    python bench/suivi.py                      # 30 000 personnes
    python bench/suivi.py --personnes 3000

Les entrées sont générées (fictives, graine fixe) : pour chaque personne, l'arrivée et le
profil fin août, un consentement une fois sur dix, une ou deux mesures débutées en septembre,
leurs revues de novembre (efficace, partielle ou sans effet), une nouvelle mesure après une
revue sans effet, les revues de février des mesures partielles ou nouvelles. Mesurés : le
temps de l'importation (toutes les entrées en une transaction, contrôlées une à une), de
``a_revoir`` et de ``tableau`` à deux dates, du bilan de l'année, et la taille du fichier.
Temps CPU du processus (``time.process_time``) et temps écoulé ; écrit ``bench/suivi.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from recommandeur import Journal, moteur_par_defaut

RACINE = Path(__file__).resolve().parents[1]
BESOINS = {
    "gestion_de_classe": ("accompagnement_individuel", "accompagnement_sous_groupe"),
    "planification": ("temps_planification_collegues", "banque_outils"),
    "numerique": ("accompagnement_technopedagogique", "webinaire"),
    "bien_etre": ("groupe_de_soutien", "activites_groupe"),
    "evaluation": ("formation_accompagnee", "cap"),
}
ORDRES = ("primaire", "secondaire", "formation_professionnelle")


def entrees(n: int, graine: int = 20) -> list[dict[str, Any]]:
    """Les entrées d'une année pour ``n`` personnes fictives."""
    hasard = random.Random(graine)
    resultat: list[dict[str, Any]] = []
    for i in range(n):
        p = f"P{i:06d}"

        def noter(genre: str, le: date, p: str = p, **suite: Any) -> None:
            resultat.append({"genre": genre, "personne": p, "date": le, "par": "cp", **suite})

        besoins = hasard.sample(sorted(BESOINS), hasard.randint(1, 2))
        profil = {
            "annees_experience": hasard.randint(0, 4),
            "ordre": hasard.choice(ORDRES),
            "signaux_de_detresse": hasard.random() < 0.05,
            "besoins": {b: hasard.choice(("moderee", "elevee")) for b in besoins},
        }
        accueil = date(2026, 8, 24) + timedelta(days=hasard.randint(0, 10))
        noter("arrivee", accueil, ecole=f"E{i % 600:03d}")
        noter("instantane", accueil, profil=profil)
        if hasard.random() < 0.1:
            noter("consentement", accueil, partage=True)
        for besoin in besoins:
            mesure = BESOINS[besoin][0 if profil["besoins"][besoin] == "elevee" else 1]
            debut = date(2026, 9, 7) + timedelta(days=hasard.randint(0, 20))
            noter("debut", debut, mesure=mesure, besoin=besoin)
            effet = hasard.choice(("efficace", "efficace", "partiel", "sans_effet"))
            revue = debut + timedelta(days=hasard.randint(40, 70))
            noter("revue", revue, mesure=mesure, effet=effet, satisfaction=hasard.randint(1, 5))
            if effet == "sans_effet":
                autre = BESOINS[besoin][1 - BESOINS[besoin].index(mesure)]
                noter("debut", revue + timedelta(days=7), mesure=autre, besoin=besoin)
                mesure, effet = autre, "partiel"
            if effet == "partiel":
                noter("revue", date(2027, 2, 1) + timedelta(days=hasard.randint(0, 20)),
                      mesure=mesure, effet=hasard.choice(("efficace", "partiel")))  # fmt: skip
    return resultat


def mesurer(faire: Callable[[], Any]) -> tuple[Any, float, float]:
    """Le résultat, le temps CPU et le temps écoulé (secondes)."""
    cpu, mur = time.process_time(), time.perf_counter()
    resultat = faire()
    return resultat, time.process_time() - cpu, time.perf_counter() - mur


def main() -> None:
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("--personnes", type=int, default=30_000)
    analyseur.add_argument("--sortie", type=Path, default=RACINE / "bench" / "suivi.json")
    args = analyseur.parse_args()
    moteur_par_defaut()  # le catalogue chargé avant de mesurer
    a_importer = entrees(args.personnes)
    chiffres: dict[str, Any] = {"personnes": args.personnes, "entrees": len(a_importer)}
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "suivi.sqlite"
        with Journal.ouvrir(chemin) as journal:
            n, cpu, mur = mesurer(lambda: journal.importer(a_importer))
            assert n == len(a_importer)
            chiffres["importer"] = {"cpu_s": round(cpu, 2), "ecoule_s": round(mur, 2)}
            for nom, le in (("novembre", date(2026, 11, 2)), ("fevrier", date(2027, 2, 15))):
                dues, cpu, mur = mesurer(lambda le=le: journal.a_revoir(le))
                chiffres[f"a_revoir_{nom}"] = {
                    "cpu_s": round(cpu, 2), "ecoule_s": round(mur, 2), "dues": len(dues)
                }  # fmt: skip
                lignes, cpu, mur = mesurer(lambda le=le: journal.tableau(le))
                chiffres[f"tableau_{nom}"] = {
                    "cpu_s": round(cpu, 2), "ecoule_s": round(mur, 2), "lignes": len(lignes)
                }  # fmt: skip
            b, cpu, mur = mesurer(lambda: journal.bilan(date(2026, 8, 1), date(2027, 6, 30)))
            chiffres["bilan"] = {"cpu_s": round(cpu, 2), "ecoule_s": round(mur, 2),
                                 "revues": b.revues}  # fmt: skip
        chiffres["taille_fichier_mo"] = round(chemin.stat().st_size / 1e6, 1)
    chiffres["machine"] = f"{platform.python_version()} · {platform.machine()}"
    args.sortie.write_text(json.dumps(chiffres, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps(chiffres, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
