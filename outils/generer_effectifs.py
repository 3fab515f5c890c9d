"""Génère des effectifs FICTIFS (enseignants et écoles) pour l'exemple et le banc d'essai.

    python outils/generer_effectifs.py                       # exemples/effectifs/ (40 écoles)
    python outils/generer_effectifs.py --ecoles 600 --enseignants 30000 --dossier /tmp/grand
    python outils/generer_effectifs.py --centres 72 --enseignants 100000 --dossier /tmp/province

Les noms, les nombres et les besoins sont tirés au hasard (graine fixe) : rien ne décrit un
centre ni une personne réels. Les proportions (années, qualification, affectation, besoins)
sont des choix vraisemblables, pas des statistiques.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import unicodedata
from collections import Counter
from pathlib import Path

from recommandeur._programme.donnees.colonnes import (
    COLONNES_APPARIEMENT,
    COLONNES_ECOLE,
    COLONNES_PROPRES_ECOLE,
)
from recommandeur._programme.donnees.mentors import COLONNES_MENTOR
from recommandeur._vocabulaire import Besoin

RACINE = Path(__file__).resolve().parents[1]
LIEUX = [
    "du Ruisseau",
    "des Érables",
    "des Monts",
    "de la Rivière",
    "du Boisé",
    "du Plateau",
    "de la Colline",
    "du Lac",
    "du Vallon",
    "des Pins",
    "de la Grève",
    "de la Prairie",
    "des Cèdres",
    "de la Source",
    "de la Falaise",
    "des Bouleaux",
    "de l'Anse",
    "du Coteau",
    "du Verger",
    "de l'Étang",
]
#: Les régions fictives du centre (colonne ``region`` : les cohortes du centre ne mêlent pas
#: deux régions) ; les écoles y sont réparties par blocs d'écoles voisines, sans tirage (le
#: reste des effectifs ne change pas).
REGIONS = ["Nord", "Sud", "Est", "Ouest"]
#: Personnes en insertion par personne mentore nommée (option ``--personnes-par-mentor``) : une
#: convention de ce générateur, d'après le rapport du CSSPS (003) : 41 personnes mentores pour
#: les personnes en insertion de 37 écoles (1 à 5 dans 9 écoles, 6 à 10 dans 20, 11 à 15 dans
#: 7, 16 et plus dans 1 : environ 296 au milieu des tranches), une pour 7 environ. Une école
#: qui a des personnes mentores en a au moins une au primaire et deux au secondaire (003 :
#: « une personne enseignante du primaire et deux du secondaire par école »), et une de plus
#: par tranche de 7 personnes en insertion ; 0 : ce minimum seulement.
PERSONNES_PAR_MENTOR = 7
ENSEIGNANT = [
    "enseignant",
    "ecole",
    "annees_experience",
    "annees_au_quebec",
    "ordre",
    "statut",
    "qualification",
    "formation_hors_quebec",
    "partage_de_tache",
    "nb_ecoles",
    "specialiste",
    "classe_multiniveau",
    "adaptation_scolaire",
    "nouveau_dans_l_ecole",
    "nouveau_dans_le_centre",
    "signaux_de_detresse",
    *(f"besoin_{b.value}" for b in Besoin),
    "mesures_recues",
    *COLONNES_APPARIEMENT,
]
ECOLE = [
    *COLONNES_PROPRES_ECOLE,
    "imse",
    "nb_batiments",
    "region_eloignee",
    "pedagogie_alternative",
    "conseiller_pedagogique",
]


def ecoles(n: int, hasard: random.Random) -> list[dict[str, object]]:
    lignes = []
    for i in range(1, n + 1):
        secondaire = i % 4 == 0
        lieu = LIEUX[i % len(LIEUX)]
        mentors = 0 if hasard.random() < 0.1 else (2 if secondaire else 1)
        lignes.append(
            {
                "ecole": f"E{i:03d}",
                "nom": f"{'École secondaire' if secondaire else 'École'} {lieu} n° {i} (fictive)",
                "nb_enseignants": hasard.randint(45, 110) if secondaire else hasard.randint(18, 50),
                "mentors": "" if hasard.random() < 0.05 else mentors,
                "region": REGIONS[(i - 1) * len(REGIONS) // n],
                "imse": hasard.randint(1, 10),
                "nb_batiments": 2 if hasard.random() < 0.15 else 1,
                "region_eloignee": "oui" if hasard.random() < 0.1 else "non",
                "pedagogie_alternative": "oui" if hasard.random() < 0.05 else "non",
                "conseiller_pedagogique": "oui",
            }
        )
    assert set(ECOLE) <= {*COLONNES_PROPRES_ECOLE, *COLONNES_ECOLE}
    return lignes


def _oui(hasard: random.Random, p: float) -> str:
    return "oui" if hasard.random() < p else ""


def enseignants(
    n: int, ecoles_: list[dict[str, object]], hasard: random.Random
) -> list[dict[str, object]]:
    lignes = []
    poids = [int(e["nb_enseignants"]) for e in ecoles_]  # type: ignore[call-overload]
    for i in range(1, n + 1):
        ecole = hasard.choices(ecoles_, poids)[0]
        secondaire = str(ecole["nom"]).startswith("École secondaire")
        annees = hasard.choices(range(8), [22, 20, 16, 12, 10, 8, 7, 5])[0]
        hors_quebec = hasard.random() < 0.08
        besoins = {b: "" for b in Besoin}
        for b in hasard.sample(list(Besoin), hasard.choices([0, 1, 2, 3], [25, 35, 28, 12])[0]):
            besoins[b] = hasard.choices(["faible", "modérée", "élevée"], [30, 45, 25])[0]
        recues = []
        if hasard.random() < 0.15:
            recues.append(
                f"accompagnement_sous_groupe:{hasard.choice(['avec_effet', 'sans_effet'])}"
            )
        if hasard.random() < 0.1:
            recues.append(f"mentorat:{hasard.choice(['avec_effet', 'avec_effet', 'sans_effet'])}")
        partage = hasard.random() < 0.12
        lignes.append(
            {
                "enseignant": f"P{i:05d}",
                "ecole": ecole["ecole"],
                "annees_experience": annees + (hasard.randint(1, 6) if hors_quebec else 0),
                "annees_au_quebec": annees if hors_quebec else "",
                "ordre": "secondaire"
                if secondaire
                else hasard.choices(["primaire", "prescolaire"], [9, 1])[0],
                "statut": hasard.choices(["suppleance", "contrat", "permanent"], [3, 5, 2])[0],
                "qualification": hasard.choices(
                    ["legalement_qualifie", "en_voie_de_qualification", "non_legalement_qualifie"],
                    [80, 8, 12],
                )[0],
                "formation_hors_quebec": "oui" if hors_quebec else "",
                "partage_de_tache": "oui" if partage else "",
                "nb_ecoles": 2 if partage and hasard.random() < 0.6 else "",
                "specialiste": _oui(hasard, 0.1),
                "classe_multiniveau": "" if secondaire else _oui(hasard, 0.08),
                "adaptation_scolaire": _oui(hasard, 0.07),
                "nouveau_dans_l_ecole": _oui(hasard, 0.35),
                "nouveau_dans_le_centre": "oui" if annees == 0 else _oui(hasard, 0.1),
                "signaux_de_detresse": _oui(hasard, 0.03),
                **{f"besoin_{b.value}": v for b, v in besoins.items()},
                "mesures_recues": "; ".join(recues),
            }
        )
    return lignes


MATIERES = [
    "français",
    "mathématiques",
    "sciences",
    "univers social",
    "anglais",
    "éducation physique",
]


def mentors_a_l_echelle(
    ecoles_: list[dict[str, object]], lignes: list[dict[str, object]], par_mentor: int
) -> None:
    """Le nombre de ``mentors`` d'une école qui en a : au moins celui tiré (1 au primaire, 2 au
    secondaire), et une personne mentore pour ``par_mentor`` personnes en insertion de l'école
    (0 : le nombre tiré). Aucun tirage : le reste des effectifs ne change pas.

    >>> e = [{"ecole": "E1", "mentors": 1}, {"ecole": "E2", "mentors": 2},
    ...      {"ecole": "E3", "mentors": 0}, {"ecole": "E4", "mentors": ""}]
    >>> lignes = [{"ecole": "E1"}] * 15 + [{"ecole": "E2"}] * 3 + [{"ecole": "E3"}] * 9
    >>> mentors_a_l_echelle(e, lignes, 7)
    >>> [x["mentors"] for x in e]
    [3, 2, 0, '']
    """
    if par_mentor <= 0:
        return
    par_ecole = Counter(str(t["ecole"]) for t in lignes)
    for e in ecoles_:
        tire = e["mentors"]
        if isinstance(tire, int) and tire > 0:
            e["mentors"] = max(tire, math.ceil(par_ecole[str(e["ecole"])] / par_mentor))


def mentors(
    ecoles_: list[dict[str, object]], lignes: list[dict[str, object]], hasard: random.Random
) -> list[dict[str, object]]:
    """Les personnes mentores nommées de chaque école (son nombre de ``mentors``), et, pour
    l'appariement, le bâtiment et la matière des personnes et leur personne mentore précédente.

    Un hasard à part (le reste des effectifs ne change pas) ; quelques personnes mentores
    interviennent aussi dans une école sans personne mentore (« dans plus d'une école », 003).
    """
    nommes: list[dict[str, object]] = []
    par_ecole: dict[str, list[dict[str, object]]] = {}
    for e in ecoles_:
        n = e["mentors"] if isinstance(e["mentors"], int) else 0
        secondaire = str(e["nom"]).startswith("École secondaire")
        for k in range(1, n + 1):
            m: dict[str, object] = {
                "mentor": f"M{str(e['ecole'])[1:]}-{k}",
                "ecole": e["ecole"],
                "autres_ecoles": "",
                "batiment": str(min(k, int(e["nb_batiments"]))),  # type: ignore[call-overload]
                "ordre": "secondaire" if secondaire else "primaire",
                "matieres": "; ".join(hasard.sample(MATIERES, 2)) if secondaire else "",
                "liberation": "",
                "capacite": "",
            }
            nommes.append(m)
            par_ecole.setdefault(str(e["ecole"]), []).append(m)
    for ordre in ("primaire", "secondaire"):
        sans = [
            e
            for e in ecoles_
            if e["mentors"] == 0
            and str(e["nom"]).startswith("École secondaire") == (ordre == "secondaire")
        ]
        du_meme = [m for m in nommes if m["ordre"] == ordre]
        for e, m in zip(
            sans, hasard.sample(du_meme, min(len(sans), len(du_meme) // 8)), strict=False
        ):
            m["autres_ecoles"] = e["ecole"]
    batiments = {str(e["ecole"]): int(e["nb_batiments"]) for e in ecoles_}  # type: ignore[call-overload]
    for t in lignes:
        ecole = str(t["ecole"])
        t["batiment"] = str(hasard.randint(1, batiments[ecole])) if batiments[ecole] > 1 else ""
        t["matiere"] = hasard.choice(MATIERES) if t["ordre"] == "secondaire" else ""
        t["mentor_precedent"] = ""
        if "mentorat:" in str(t["mesures_recues"]) and par_ecole.get(ecole):
            t["mentor_precedent"] = hasard.choice(par_ecole[ecole])["mentor"]
    return nommes


def ecrire(chemin: Path, colonnes: list[str], lignes: list[dict[str, object]]) -> None:
    with chemin.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.DictWriter(f, colonnes)
        ecrivain.writeheader()
        ecrivain.writerows(lignes)


def generer(
    dossier: Path,
    nb_ecoles: int,
    nb_enseignants: int,
    graine: int,
    par_mentor: int = PERSONNES_PAR_MENTOR,
) -> int:
    """Écrit les effectifs d'un centre (écoles, personnes mentores, enseignants) dans ``dossier`` ;
    renvoie le nombre de personnes mentores (``par_mentor`` : :func:`mentors_a_l_echelle`)."""
    hasard = random.Random(graine)
    dossier.mkdir(parents=True, exist_ok=True)
    lignes_ecoles = ecoles(nb_ecoles, hasard)
    echelle = max(1.0, nb_enseignants / nb_ecoles / 10)  # environ 10 personnes par école
    for e in lignes_ecoles:
        e["nb_enseignants"] = round(int(e["nb_enseignants"]) * echelle)  # type: ignore[call-overload]
    lignes = enseignants(nb_enseignants, lignes_ecoles, hasard)
    par_ecole = Counter(str(t["ecole"]) for t in lignes)
    for e in lignes_ecoles:  # une école compte au moins ses personnes en insertion
        e["nb_enseignants"] = max(int(e["nb_enseignants"]), par_ecole[str(e["ecole"])])  # type: ignore[call-overload]
    mentors_a_l_echelle(lignes_ecoles, lignes, par_mentor)
    nommes = mentors(lignes_ecoles, lignes, random.Random(graine + 1))
    ecrire(dossier / "ecoles.csv", ECOLE, lignes_ecoles)
    ecrire(dossier / "mentors.csv", list(COLONNES_MENTOR), nommes)
    ecrire(dossier / "enseignants.csv", ENSEIGNANT, lignes)
    return len(nommes)


#: Les colonnes qui portent un identifiant d'école, de personne ou de personne mentore.
IDENTIFIANTS = ("ecole", "enseignant", "mentor", "autres_ecoles", "mentor_precedent")


def tailles_des_centres(n: int, total: int, hasard: random.Random) -> list[int]:
    """Les tailles de ``n`` centres qui font ``total`` personnes : inégales (loi log-normale,
    quelques grands centres et beaucoup de petits, comme au Québec), au moins 60 chacun."""
    tirages = [hasard.lognormvariate(0.0, 0.9) for _ in range(n)]
    tailles = [max(60, round(total * t / sum(tirages))) for t in tirages]
    tailles[tailles.index(max(tailles))] += total - sum(tailles)  # le total exact
    return tailles


def province(
    dossier: Path,
    nb_centres: int,
    nb_enseignants: int,
    graine: int,
    par_mentor: int = PERSONNES_PAR_MENTOR,
) -> list[int]:
    """Une province FICTIVE : un dossier par centre (``css-01-du-ruisseau``, …), chacun généré
    comme un centre (environ 20 personnes par école), ses identifiants préfixés par son
    numéro (``C01-E001``, ``C01-P00001`` : uniques dans la province) ; renvoie les tailles."""
    tailles = tailles_des_centres(nb_centres, nb_enseignants, random.Random(graine))
    for k, taille in enumerate(tailles, 1):
        ascii_ = unicodedata.normalize("NFKD", LIEUX[k % len(LIEUX)]).encode("ascii", "ignore")
        lieu = ascii_.decode().replace("'", "-").replace(" ", "-").lower()
        centre = dossier / f"css-{k:02d}-{lieu}"
        generer(centre, max(2, round(taille / 20)), taille, graine + 2 * k, par_mentor)
        for nom in ("ecoles.csv", "mentors.csv", "enseignants.csv"):
            with (centre / nom).open(encoding="utf-8", newline="") as f:
                lecteur = csv.DictReader(f)
                colonnes, lignes = list(lecteur.fieldnames or []), list(lecteur)
            for ligne in lignes:
                for c in IDENTIFIANTS:
                    if ligne.get(c):
                        ligne[c] = f"C{k:02d}-{ligne[c]}"
            ecrire(centre / nom, colonnes, lignes)
    return tailles


def main() -> None:
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("--ecoles", type=int, default=40)
    analyseur.add_argument("--enseignants", type=int, default=400)
    analyseur.add_argument("--graine", type=int, default=2026)
    analyseur.add_argument(
        "--personnes-par-mentor",
        type=int,
        default=PERSONNES_PAR_MENTOR,
        help="personnes en insertion par personne mentore nommée (une convention, d'après le "
        "rapport du CSSPS) ; 0 : une au primaire et deux au secondaire par école seulement",
    )
    analyseur.add_argument("--dossier", type=Path, default=RACINE / "exemples" / "effectifs")
    analyseur.add_argument(
        "--centres", type=int, default=0, help="une province de N centres (--ecoles est ignoré)"
    )
    args = analyseur.parse_args()
    if args.centres:
        tailles = province(
            args.dossier, args.centres, args.enseignants, args.graine, args.personnes_par_mentor
        )
        print(
            f"{args.dossier} : {args.centres} centres, {sum(tailles)} enseignants "
            f"(de {min(tailles)} à {max(tailles)} par centre, fictifs)"
        )
        return
    mentors_ = generer(
        args.dossier, args.ecoles, args.enseignants, args.graine, args.personnes_par_mentor
    )
    print(
        f"{args.dossier} : {args.ecoles} écoles, {args.enseignants} enseignants, "
        f"{mentors_} personnes mentores (fictifs)"
    )


if __name__ == "__main__":
    main()
