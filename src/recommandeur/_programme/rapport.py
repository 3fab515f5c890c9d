"""Le rapport d'un plan : une page HTML autonome et imprimable, le JSON et son schéma, des CSV.

>>> from recommandeur import planifier
>>> plan = planifier([{"enseignant": "e1", "ecole": "a", "annees_experience": 0,
...                    "ordre": "primaire"}], [{"ecole": "a", "nom": "École A"}])
>>> page = html_du_plan(plan)
>>> page.startswith("<!doctype html>"), "<svg" in page, "École A" in page
(True, True, True)
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from .._base.ecriture import ecrire_atomique
from .._langage.valeurs import nombre, valeur_lisible
from .._profil.champs import CHAMPS
from .._profil.schema import DIALECTE
from .._rendu.html import rendre_page
from .._vocabulaire import Ordre, PeriodeInsertion, Qualification, Statut, _Libelle
from .exports import fichiers_csv, valeur
from .graphiques import graphiques
from .modeles import Plan

#: Les libellés des décomptes d'affectation du portrait.
AFFECTATIONS = {
    "partage_de_tache": "tâche partagée",
    "specialiste": "spécialiste",
    "classe_multiniveau": "classe multiniveau",
    "adaptation_scolaire": "adaptation scolaire",
    "nouveau_dans_l_ecole": "nouvelle dans l'école",
    "nouveau_dans_le_centre": "nouvelle dans le centre",
    "plusieurs_ecoles": "plus d'une école",
}


def _libelles(table: dict[str, int], genre: type[_Libelle]) -> dict[str, int]:
    return {genre(k).libelle: n for k, n in table.items()}


def _pour_cent(part: float | None) -> str:
    return "?" if part is None else valeur_lisible(CHAMPS["ecole.part_novices"], part)


def _heures(h: float | None) -> str:
    return "—" if h is None else nombre(h)


def _totaux(plan: Plan) -> list[dict[str, Any]]:
    par_acteur: dict[str, dict[str, Any]] = defaultdict(
        lambda: {
            "personnes": set(),
            "individuelles": 0,
            "groupes": 0,
            "places": 0,
            "a_confirmer": 0,
            "heures": None,
        }
    )
    for c in plan.charges:
        t = par_acteur[c.libelle]
        t["personnes"].update(c.enseignants)
        t["individuelles"] += c.offres_individuelles
        t["groupes"] += len(c.groupes)
        t["places"] += c.places_en_groupe
        t["a_confirmer"] += c.a_confirmer
        if c.heures is not None:
            t["heures"] = (t["heures"] or 0.0) + c.heures
    lignes = [{"libelle": k, **v, "personnes": len(v["personnes"])} for k, v in par_acteur.items()]
    return sorted(lignes, key=lambda t: (-(t["individuelles"] + t["groupes"]), t["libelle"]))


def html_du_plan(plan: Plan) -> str:
    """La page HTML du plan : portrait et graphiques, alertes, groupes, plans par école, charges, bilan."""
    p = plan.portrait
    tableaux = [
        ("qualification", _libelles(p.par_qualification, Qualification)),
        ("statut", _libelles(p.par_statut, Statut)),
        ("ordre", _libelles(p.par_ordre, Ordre)),
        ("période d'insertion", _libelles(p.par_periode, PeriodeInsertion)),
        ("affectation", {AFFECTATIONS.get(k, k): n for k, n in p.affectations.items()}),
    ]
    acteurs = {c.acteur: c.libelle for c in plan.charges}
    acteurs.update(
        {a.acteur: a.acteur for e in plan.ecoles for a in e.actions if a.acteur not in acteurs}
    )
    return rendre_page(
        "plan.html.j2",
        plan=plan,
        date=time.strftime("%Y-%m-%d"),
        origines={"donnee": "donnée", "calculee": "calculée"},
        graphiques=graphiques(plan),
        tableaux=tableaux,
        totaux=_totaux(plan),
        acteurs=acteurs,
        noms_ecoles={e.ecole: e.nom for e in plan.ecoles},
        pour_cent=_pour_cent,
        heures=_heures,
    )


def schema_du_plan() -> dict[str, Any]:
    """Le schéma JSON (2020-12) du JSON d'un :class:`Plan`."""
    return {"$schema": DIALECTE, **Plan.model_json_schema(mode="serialization")}


def ecrire_csv(plan: Plan, dossier: str | Path) -> list[Path]:
    """Écrit les CSV du plan dans ``dossier`` (créé au besoin) ; renvoie les fichiers écrits.

    UTF-8 avec BOM et séparateur ``;`` : un tableur francophone les ouvre tels quels. Une
    cellule de texte qui commencerait par ``=``, ``+``, ``-``, ``@``, une tabulation ou un
    retour de chariot est précédée d'une apostrophe (:func:`neutraliser`) : un tableur n'y
    voit jamais une formule. Chaque fichier est écrit à part puis mis en place d'un coup.
    """
    cible = Path(dossier)
    cible.mkdir(parents=True, exist_ok=True)
    ecrits = []
    for nom, (lignes, colonnes) in fichiers_csv(plan).items():
        tampon = io.StringIO(newline="")
        ecrivain = csv.writer(tampon, delimiter=";")
        ecrivain.writerow([c if isinstance(c, str) else c[0] for c in colonnes])
        ecrivain.writerows([[_cellule(valeur(x, c)) for c in colonnes] for x in lignes])
        ecrits.append(ecrire_atomique(cible / nom, tampon.getvalue(), encodage="utf-8-sig"))
    return ecrits


#: Les débuts de cellule qu'un tableur lit comme une formule (OWASP, « CSV injection »).
DEBUTS_DE_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def neutraliser(texte: str) -> str:
    """Le texte d'une cellule, précédé d'une apostrophe s'il serait lu comme une formule.

    >>> neutraliser("=SOMME(A1)"), neutraliser("-1+1"), neutraliser("e1")
    ("'=SOMME(A1)", "'-1+1", 'e1')
    """
    return f"'{texte}" if texte.startswith(DEBUTS_DE_FORMULE) else texte


def _cellule(v: Any) -> Any:
    """Une valeur pour un tableur francophone : vide pour None, virgule décimale, valeur
    d'énumération ; un texte jamais lu comme une formule."""
    if v is None:
        return ""
    if isinstance(v, bool | int):
        return v
    if isinstance(v, float):
        return nombre(v)
    if isinstance(v, list):
        return neutraliser(" ".join(map(str, v)))
    return neutraliser(str(getattr(v, "value", v)))


def ecrire_json(plan: Plan, chemin: str | Path) -> Path:
    """Écrit le JSON du plan (schéma : :func:`schema_du_plan`), mis en place d'un coup."""
    texte = json.dumps(plan.model_dump(mode="json"), ensure_ascii=False)
    return ecrire_atomique(Path(chemin), texte)
