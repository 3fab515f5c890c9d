"""Une population réaliste et reproductible de profils, et des bases de règles générées.

La population imite un centre de services : surtout des personnes des premières années, peu
de besoins déclarés à la fois (0 à 4), quelques situations particulières (NLQ, partage de
tâche, région éloignée, détresse). La graine fixe tout.
"""

from __future__ import annotations

import argparse
import random
import statistics
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from recommandeur import Besoin, Catalogue, Recommandation, recommander
from recommandeur._moteur.moteur import moteur_par_defaut
from recommandeur._profil.champs import CHAMPS

ORDRES = ["prescolaire", "primaire", "secondaire", "formation_professionnelle", "education_adultes"]


def profil_aleatoire(hasard: random.Random, mesures: list[str]) -> dict[str, Any]:
    """Un profil réaliste (dict, tel qu'une application l'enverrait)."""
    besoins = hasard.sample([b.value for b in Besoin], k=hasard.choice([0, 1, 1, 2, 2, 3, 4]))
    recues = hasard.sample(mesures, k=hasard.choice([0, 0, 0, 1, 2]))
    return {
        "annees_experience": hasard.choices(range(10), weights=[18, 18, 15, 12, 10, 8, 7, 5, 4, 3])[
            0
        ],
        "ordre": hasard.choices(ORDRES, weights=[8, 40, 35, 10, 7])[0],
        "statut": hasard.choices(["suppleance", "contrat", "permanent"], weights=[30, 45, 25])[0],
        "qualification": hasard.choices(
            ["legalement_qualifie", "en_voie_de_qualification", "non_legalement_qualifie"],
            weights=[80, 10, 10],
        )[0],
        "formation_hors_quebec": hasard.random() < 0.08,
        "affectation": {
            "partage_de_tache": hasard.random() < 0.2,
            "nb_ecoles": hasard.choices([1, 2, 3], weights=[80, 15, 5])[0],
            "specialiste": hasard.random() < 0.15,
            "classe_multiniveau": hasard.random() < 0.1,
            "adaptation_scolaire": hasard.random() < 0.1,
            "nouveau_dans_l_ecole": hasard.random() < 0.5,
            "nouveau_dans_le_centre": hasard.random() < 0.3,
        },
        "besoins": {
            b: hasard.choices(["faible", "moderee", "elevee"], weights=[30, 45, 25])[0]
            for b in besoins
        },
        "signaux_de_detresse": hasard.random() < 0.05,
        "mesures_recues": [{"mesure": m, "efficace": hasard.random() < 0.7} for m in recues],
        "ecole": {
            "part_novices": None if hasard.random() < 0.1 else round(hasard.uniform(0.05, 0.7), 2),
            "imse": None if hasard.random() < 0.1 else hasard.randint(1, 10),
            "region_eloignee": hasard.random() < 0.1,
            "nb_batiments": hasard.choices([1, 2], weights=[85, 15])[0],
            "mentor_dans_l_ecole": hasard.random() < 0.85,
            "pedagogie_alternative": hasard.random() < 0.05,
        },
    }


def population(n: int, catalogue: Catalogue, graine: int = 2026) -> list[dict[str, Any]]:
    """``n`` profils réalistes, toujours les mêmes pour une graine donnée."""
    hasard = random.Random(graine)
    mesures = list(catalogue.ids_mesures)
    return [profil_aleatoire(hasard, mesures) for _ in range(n)]


def _condition(hasard: random.Random) -> str:
    nom = hasard.choice(sorted(CHAMPS))
    champ = CHAMPS[nom]
    if champ.genre == "booleen":
        return f'{{ champ = "{nom}", op = "==", valeur = {str(hasard.random() < 0.5).lower()} }}'
    if champ.genre in {"choix", "intensite"}:
        choisie = hasard.choice(champ.valeurs)
        op = hasard.choice(["==", "!="]) if champ.genre == "choix" else hasard.choice([">=", "=="])
        return f'{{ champ = "{nom}", op = "{op}", valeur = "{choisie}" }}'
    haut = champ.maximum if champ.maximum is not None else 5
    bas = champ.minimum or 0
    if champ.genre == "entier":
        # les dates (``bilan_efficace.*``, AAAAMMJJ) ont un minimum au-delà de 10
        valeur: object = hasard.randint(int(bas), int(min(haut, max(bas, 10))))
    else:
        valeur = round(hasard.uniform(bas, haut), 2)
    return (
        f'{{ champ = "{nom}", op = "{hasard.choice(["<", "<=", ">", ">="])}", valeur = {valeur} }}'
    )


def ecrire_regles_generees(dossier: Path, n: int, catalogue: Catalogue, graine: int = 7) -> Path:
    """Écrit ``n`` règles aléatoires (1 à 3 conditions, 1 à 2 mesures) dans ``dossier``.

    Un fichier par tranche de :data:`REGLES_PAR_FICHIER` règles (un fichier de règles a au
    plus 2 Mo).
    """
    hasard = random.Random(graine)
    mesures = list(catalogue.ids_mesures)
    dossier.mkdir(parents=True, exist_ok=True)
    lignes = ['version = "generee"', ""]
    for i in range(n):
        if i and i % REGLES_PAR_FICHIER == 0:
            (dossier / f"regles_{i // REGLES_PAR_FICHIER - 1:03d}.toml").write_text(
                "\n".join(lignes), encoding="utf-8"
            )
            lignes = [""]
        conditions = ", ".join(_condition(hasard) for _ in range(hasard.randint(1, 3)))
        recommande = ", ".join(
            f'{{ mesure = "{m}", poids = {hasard.randint(1, 5)}, '
            f'sources = ["{catalogue.mesure(m).sources[0]}"] }}'
            for m in hasard.sample(mesures, k=hasard.randint(1, 2))
        )
        lignes += [
            "[[regle]]",
            f'id = "generee_{i}"',
            f'titre = "Règle générée {i}"',
            f"si = {{ tous = [{conditions}] }}",
            'justification = "Règle générée ({annees_experience} an(s))."',
            'sources = ["cnipe/mission"]',
            f"recommande = [{recommande}]",
            "",
        ]
    (dossier / f"regles_{max(0, n - 1) // REGLES_PAR_FICHIER:03d}.toml").write_text(
        "\n".join(lignes), encoding="utf-8"
    )
    return dossier


#: Règles générées par fichier.
REGLES_PAR_FICHIER = 1_000


def _centile(valeurs: Sequence[float], q: float) -> float:
    """Le centile ``q`` (0 à 1) par le rang le plus proche (pas d'interpolation)."""
    ordonnees = sorted(valeurs)
    return ordonnees[min(len(ordonnees) - 1, max(0, round(q * len(ordonnees)) - 1))]


def _individuelles_prioritaires_par_besoin_eleve(reco: Recommandation) -> tuple[int, int]:
    """(besoins élevés servis par une offre individuelle prioritaire, besoins élevés)."""
    eleves = [
        b
        for b in Besoin
        if reco.profil.besoins.get(b) is not None and reco.profil.besoins[b].value == "elevee"
    ]
    servis = sum(
        any(
            m.mesure.niveau.value == "individuel"
            and b in m.mesure.besoins
            and m.presence.value == "present"
            for m in reco.prioritaires
        )
        for b in eleves
    )
    return servis, len(eleves)


def statistiques(recos: Sequence[Recommandation]) -> dict[str, Any]:
    """Les chiffres d'une population de recommandations, tels qu'une conseillère les lirait.

    Offres par personne (médiane, 90e centile), offres prioritaires, part des personnes qui ont
    au moins une offre individuelle, longueur de la liste en détresse, répartition de la
    première offre prioritaire, besoins élevés servis par une offre individuelle prioritaire
    portée par une personne présente.
    """
    offres = [len(r.mesures) for r in recos]
    prioritaires = [r.nb_prioritaires for r in recos]
    detresse = [len(r.mesures) for r in recos if r.profil.signaux_de_detresse]
    servis = [_individuelles_prioritaires_par_besoin_eleve(r) for r in recos]
    premieres = Counter(
        r.prioritaires[0].mesure.id if r.prioritaires else "(aucune)" for r in recos
    )
    return {
        "profils": len(recos),
        "offres_mediane": statistics.median(offres),
        "offres_p90": _centile(offres, 0.9),
        "offres_max": max(offres),
        "prioritaires_moyenne": round(statistics.mean(prioritaires), 2),
        "prioritaires_mediane": statistics.median(prioritaires),
        "part_avec_offre_individuelle": round(
            sum(any(m.mesure.niveau.value == "individuel" for m in r.mesures) for r in recos)
            / len(recos),
            3,
        ),
        "detresse_profils": len(detresse),
        "detresse_offres_mediane": statistics.median(detresse) if detresse else None,
        "detresse_offres_max": max(detresse) if detresse else None,
        "besoins_eleves": sum(n for _, n in servis),
        "besoins_eleves_servis_en_tete_par_une_personne_presente": sum(s for s, _ in servis),
        "actions_milieu_mediane": statistics.median(len(r.actions_milieu) for r in recos),
        "premiere_prioritaire": dict(premieres.most_common()),
    }


def main(argv: Sequence[str] | None = None) -> None:
    """``python bench/population.py [-n 3000]`` : les chiffres de la population, en texte."""
    parseur = argparse.ArgumentParser(description=main.__doc__)
    parseur.add_argument("-n", type=int, default=3_000, help="nombre de profils (3000)")
    parseur.add_argument("--graine", type=int, default=2026)
    args = parseur.parse_args(argv)
    profils = population(args.n, moteur_par_defaut().catalogue, args.graine)
    chiffres = statistiques([recommander(p) for p in profils])
    for cle, valeur in chiffres.items():
        if isinstance(valeur, dict):
            print(f"{cle} :")
            for sous_cle, n in valeur.items():
                print(f"  {sous_cle:40} {n:5d}  ({n / chiffres['profils']:.1%})")
        else:
            print(f"{cle:58} {valeur}")


if __name__ == "__main__":
    main()
