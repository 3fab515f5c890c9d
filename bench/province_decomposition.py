"""Ce qui borne la mémoire d'une province : le plus grand centre, étape par étape (ticket 24).

    .venv/bin/python bench/province_decomposition.py
    .venv/bin/python bench/province_decomposition.py --avant /tmp/avant/src   # et le code d'avant

Même province fictive que ``bench/province.py`` (72 centres, 100 000 personnes, graine 2026) ;
son plus grand centre (6 710 personnes) est planifié dans un **sous-processus neuf**, comme un
centre de ``planifier_province`` (``processus=1``, exports ``rapport.html``, ``plan.json``,
``csv/``), et le pic de mémoire résidente (``ru_maxrss``) ainsi que la mémoire résidente du
moment (``/proc/self/statm``) sont lus après chaque étape : les fonctions que ``planifier``
appelle sont enveloppées (lecture des effectifs, recommandations, plan), puis chaque export.
``--avant`` : le même centre avec le code d'un autre arbre (``PYTHONPATH``), côte à côte.
Puis le plancher, import par import. Écrit ``bench/chiffres/province_decomposition.txt``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "outils"))

from generer_effectifs import province  # noqa: E402

ETAPES = """
import datetime as dt, gc, json, resource, sys
from pathlib import Path
etapes = []
def noter(nom):
    with open("/proc/self/statm") as f:
        rss = int(f.read().split()[1]) * 4096 / 2**20
    etapes.append((nom, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, rss))
noter("interpréteur")
import recommandeur
from recommandeur import moteur_par_defaut, planifier
noter("import de recommandeur")
moteur = moteur_par_defaut()
noter("moteur de la base livrée")
module = sys.modules[planifier.__module__]
def envelopper(nom, etiquette):
    appel = getattr(module, nom)
    def enveloppe(*a, **k):
        resultat = appel(*a, **k)
        noter(etiquette)
        return resultat
    setattr(module, nom, enveloppe)
envelopper("charger_avec_mentors", "lecture des effectifs (validés)")
envelopper("resumes_des_effectifs", "recommandations (résumés gardés)")
envelopper("_plan", "plan (groupes, appariement, écoles, charges…)")
entree, sortie = Path(sys.argv[1]), Path(sys.argv[2])
plan = planifier(entree / "enseignants.csv", entree / "ecoles.csv", mentors=entree / "mentors.csv",
                 moteur=moteur, date=dt.date(2026, 12, 4), processus=1)
gc.collect()
noter("planifier rendu (effectifs et résumés lâchés)")
import importlib
try:  # après le rangement de _programme/ (18:40), puis avant
    rapport = importlib.import_module("recommandeur._programme.sorties.rapport")
except ImportError:
    rapport = importlib.import_module("recommandeur._programme.sorties.rapport")
sortie.mkdir(parents=True, exist_ok=True)
if hasattr(rapport, "ecrire_html"):
    rapport.ecrire_html(plan, sortie / "rapport.html")
else:
    from recommandeur._base.ecriture import ecrire_atomique
    ecrire_atomique(sortie / "rapport.html", plan.html())
noter("rapport.html (matplotlib importé au premier graphique)")
plan.ecrire_json(sortie / "plan.json")
noter("plan.json")
plan.ecrire_csv(sortie / "csv")
noter("csv/ (13 fichiers)")
del plan
gc.collect()
noter("plan lâché")
print(json.dumps(etapes))
"""

PLANCHER = """
import json, resource
etapes = []
def noter(nom):
    with open("/proc/self/statm") as f:
        rss = int(f.read().split()[1]) * 4096 / 2**20
    etapes.append((nom, rss, rss))
noter("interpréteur")
import pydantic
noter("pydantic")
import durable.engine
noter("durable-rules")
import networkx
noter("networkx (l'appariement)")
from recommandeur import moteur_par_defaut, planifier_province
noter("recommandeur (planifier_province)")
moteur_par_defaut()
noter("moteur de la base livrée")
import jinja2
noter("jinja2 (la page HTML)")
from matplotlib.figure import Figure
import matplotlib.backends.backend_svg
noter("matplotlib et numpy (les graphiques SVG)")
print(json.dumps(etapes))
"""


def _lancer(code: str, arguments: list[str], pythonpath: str | None) -> list[list[object]]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    fini = subprocess.run(
        [sys.executable, "-c", code, *arguments], capture_output=True, text=True, env=env
    )
    if fini.returncode:
        raise SystemExit(f"mesure en échec :\n{fini.stderr}")
    etapes: list[list[object]] = json.loads(fini.stdout.splitlines()[-1])
    return etapes


def _tableau(titre: str, etapes: list[list[object]], avec_rss: bool = True) -> str:
    lignes = [titre]
    precedent = 0.0
    for nom, pic, rss in etapes:
        assert isinstance(pic, float) and isinstance(rss, float)
        quoi = "pic" if avec_rss else "résidente"
        ligne = f"  {nom:<54} {quoi} {pic:7.1f} Mo  (+{pic - precedent:5.1f})"
        lignes.append(ligne + (f"  résidente {rss:7.1f} Mo" if avec_rss else ""))
        precedent = pic
    return "\n".join(lignes) + "\n"


def main() -> None:
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("--centres", type=int, default=72)
    analyseur.add_argument("--enseignants", type=int, default=100_000)
    analyseur.add_argument("--graine", type=int, default=2026)
    analyseur.add_argument("--avant", help="le src d'un autre arbre (le code d'avant)")
    analyseur.add_argument("--sans-ecrire", action="store_true")
    args = analyseur.parse_args()
    with tempfile.TemporaryDirectory() as d:
        dossier = Path(d) / "province"
        tailles = province(dossier, args.centres, args.enseignants, args.graine)
        grand = sorted(dossier.iterdir())[tailles.index(max(tailles))]
        texte = (
            f"Le plus grand centre ({grand.name}, {max(tailles)} personnes) de la province "
            f"fictive ({args.centres} centres, {sum(tailles)} personnes, graine {args.graine}) : "
            "un sous-processus neuf par mesure, processus=1 ; « pic » : ru_maxrss après "
            "l'étape (entre parenthèses, ce que l'étape y ajoute) ; le pic de l'interpréteur "
            "est hérité du processus qui le lance (Linux garde ru_maxrss à travers fork et "
            "exec) : il ne compte qu'au-delà.\n"
        )
        versions = [("avant", args.avant)] if args.avant else []
        for nom, chemin in [*versions, ("après (ce code)", None)]:
            etapes = _lancer(ETAPES, [str(grand), str(Path(d) / nom)], chemin)
            texte += _tableau(f"{nom} :", etapes)
        texte += _tableau(
            "Le plancher, import par import (ce code ; mémoire résidente du moment) :",
            _lancer(PLANCHER, [], None),
            False,
        )
    print(texte, end="")
    if not args.sans_ecrire:
        (RACINE / "bench" / "chiffres" / "province_decomposition.txt").write_text(
            texte, encoding="utf-8"
        )


if __name__ == "__main__":
    main()
