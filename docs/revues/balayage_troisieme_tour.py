"""Balayage de la revue du ticket 18, troisième tour : les dix points, classe par classe.

Usage (depuis la racine du dépôt, environnement installé) :

    python docs/revues/balayage_troisieme_tour.py [--n 4000] [--graine 18]

Deux passes : (1) un balayage exhaustif des présences (personne mentore, CP, professionnel,
technopédagogue : présent, absent, inconnu) × ordres × besoins élevés × détresse ; (2) un
tirage de profils variés (statut, suppléance, qualification, formation hors Québec, affectation,
mesures reçues sans effet). Pour chaque profil, les propriétés des dix points du ticket 18 ; le
script imprime, par propriété, le nombre de violations et un profil minimal par propriété.
Les propriétés de texte sont des heuristiques : chaque exemple est à relire.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # le module voisin, même sous pytest
from controles_textes import FP_FGA, ecarts

from recommandeur import recommander

ORDRES = ["prescolaire", "primaire", "secondaire", "formation_professionnelle", "education_adultes"]
BESOINS = [
    "gestion_de_classe",
    "planification",
    "evaluation",
    "differenciation",
    "eleves_a_besoins_particuliers",
    "relations_parents",
    "integration_equipe",
    "fonctionnement_ecole",
    "numerique",
    "bien_etre",
    "charge_de_travail",
    "developpement_professionnel",
]
PRESENCES = ["mentor_dans_l_ecole", "conseiller_pedagogique", "professionnel", "technopedagogue"]
ACTEUR = {
    "mentor_dans_l_ecole": "mentor",
    "conseiller_pedagogique": "conseiller_pedagogique",
    "professionnel": "professionnel",
    "technopedagogue": "technopedagogue",
}
PAROLE_DE_MENTOR = re.compile(
    r"oreilles attentives|grâce à leur aide|personnes mentores sont libérées|Le mentor doit être issu"
)
# Ce qu'une raison ne peut pas dire quand la personne est absente.
SUJET = {
    "mentor_dans_l_ecole": re.compile(
        r"la personne mentore (de l'école|du centre)|la personne mentore la met|"
        r"La personne mentore fait partie"
    ),
    "conseiller_pedagogique": re.compile(r"la CP (soutient|lui)|conseiller pédagogique lui"),
    "technopedagogue": re.compile(r"technopédagogue lui|devraient disposer de technopédagogues"),
    "professionnel": re.compile(r"la professionnelle du centre|le professionnel du centre"),
}


def proprietes(profil: dict[str, Any]) -> list[tuple[str, str]]:
    """Les violations (propriété, détail) d'un profil."""
    r = recommander(profil)
    v: list[tuple[str, str]] = []
    ordre = profil["ordre"]
    ecole = profil.get("ecole", {})
    detresse = profil.get("signaux_de_detresse", False)
    offres = {m.mesure.id: m for m in r.mesures}
    actions = {m.mesure.id: m for m in r.actions_milieu}
    prio = [m for m in r.mesures if m.prioritaire]
    besoins = profil.get("besoins", {})
    annees = profil.get("annees_au_quebec", profil["annees_experience"])
    en_insertion = annees < 7

    # 1. Chaque besoin élevé : une offre individuelle prioritaire, portée par une personne présente.
    if not detresse:
        for b, niv in besoins.items():
            if niv == "elevee" and not any(
                m.mesure.niveau.value == "individuel"
                and b in m.mesure.besoins
                and (
                    m.presence.value == "present"
                    or (b == "bien_etre" and m.mesure.id == "personne_neutre")
                )
                for m in prio
            ):
                v.append(("1 besoin élevé sans offre individuelle prioritaire présente", b))
    # 2. FP/FGA : la personne mentore présente d'abord ; pas de mentorat scolaire ni de nomination.
    if ordre in FP_FGA:
        for mid in ("mentorat", "mentorat_autre_ecole"):
            if mid in offres:
                v.append(("2 mentorat scolaire en FP/FGA", mid))
        if "nommer_mentor" in actions:
            v.append(("2 nommer une personne mentore en FP/FGA", ""))
        mentor_sans_effet = any(
            not x.get("efficace", True) and x.get("intervenant") == "mentor"
            for x in profil.get("mesures_recues", [])
        )
        if ecole.get("mentor_dans_l_ecole") is True and en_insertion and not mentor_sans_effet:
            m = offres.get("mentorat_par_les_pairs")
            if m is not None and m.acteur.id != "mentor":
                v.append(("2 pair expérimenté devant la personne mentore présente", m.acteur.id))
            mentorats = [m for m in r.mesures if m.mesure.mentorat]
            if mentorats and mentorats[0].acteur.id != "mentor":
                v.append(
                    ("2 premier mentorat pas porté par la personne mentore", mentorats[0].mesure.id)
                )
    # 3. Aucun absent ne porte ; aucune raison ne parle d'un absent.
    for champ, acteur in ACTEUR.items():
        if ecole.get(champ) is False:
            for m in [*r.mesures, *r.actions_milieu]:
                if m.acteur.id == acteur or acteur in [a.id for a in m.alternatives]:
                    v.append(("3 absent qui porte ou est proposé", f"{m.mesure.id}:{acteur}"))
                for mo in m.motifs:
                    if SUJET[champ].search(mo.texte):
                        v.append(
                            ("3 raison qui parle d'un absent", f"{m.mesure.id}: {mo.texte[:100]}")
                        )
    # 3b. Une raison qui cite des personnes mentores n'est pas portée par quelqu'un d'autre.
    for m in [*r.mesures, *r.actions_milieu]:
        if (
            m.acteur.id in ("mentor", "mentor_autre_ecole")
            or m.mesure.mentorat
            or m.mesure.id in ("nommer_mentor", "mentor_par_batiment")
        ):
            continue
        for mo in m.motifs:
            if PAROLE_DE_MENTOR.search(mo.texte):
                v.append(
                    (
                        "3 parole sur les mentores portée par un autre",
                        f"{m.mesure.id}:{m.acteur.id}: {mo.texte[:90]}",
                    )
                )
    # 4. Dossier : seulement si quelque chose est ouvert.
    ouvert = (
        profil.get("qualification", "legalement_qualifie") != "legalement_qualifie"
        or profil.get("statut", "contrat") != "permanent"
        or profil.get("affectation", {}).get("nouveau_dans_le_centre", False)
    )
    if "accueil_css" in offres and not ouvert:
        v.append(("4 suivi du dossier sans rien d'ouvert", ""))
    # 5. Détresse : court, sans charge, suivi, un seul intervenant inconnu par personne.
    if detresse:
        if len(r.mesures) > 6:
            v.append(("5 détresse : plus de six offres", str(len(r.mesures))))
        if "suivi_de_la_personne" not in actions:
            v.append(("5 détresse : pas de suivi", ""))
        for m in r.mesures:
            if m.mesure.charge:
                v.append(("5 détresse : offre qui charge", m.mesure.id))
        inconnus = Counter(m.acteur.id for m in r.mesures if m.presence.value == "inconnue")
        for a, n in inconnus.items():
            if n > 1 and a not in ("pair_experimente",):
                v.append(("5 détresse : même inconnu porte plusieurs offres", f"{a}×{n}"))
        differees = {e.mesure for e in r.ecartees if e.genre == "differee"}
        if "consultation_breve" in differees:
            presents = [
                m
                for m in r.mesures
                if m.presence.value == "present"
                and m.mesure.id
                in (
                    "soutien_en_classe_modelisation",
                    "visite_classe_pair",
                    "temps_planification_collegues",
                )
            ]
            if presents:
                v.append(
                    (
                        "5 détresse : consultation brève différée, travail en classe ou ciblé gardé",
                        presents[0].mesure.id,
                    )
                )
    # 6. AS seule : pas d'offre individuelle ; l'accueil avant la formation universitaire.
    if (
        profil.get("affectation", {}).get("adaptation_scolaire")
        and not besoins
        and not detresse
        and not profil.get("mesures_recues")
    ):
        for m in r.mesures:
            if m.mesure.niveau.value == "individuel":
                v.append(("6 AS seule : offre individuelle", m.mesure.id))
    ids = [m.mesure.id for m in r.mesures]
    aff = profil.get("affectation", {})
    arrivees = {
        "accueil_css": aff.get("nouveau_dans_le_centre"),
        "accueil_etablissement": aff.get("nouveau_dans_l_ecole"),
    }
    if "formation_universitaire" in ids:
        for acc, arrivee in arrivees.items():
            if arrivee and acc in ids and ids.index(acc) > ids.index("formation_universitaire"):
                v.append(("6 formation universitaire avant l'accueil", acc))
    # 7. Mentorat sans effet : une autre personne mentore.
    inefficaces = [
        x
        for x in profil.get("mesures_recues", [])
        if x["mesure"] == "mentorat" and not x.get("efficace", True)
    ]
    if inefficaces and ordre not in FP_FGA and en_insertion and not detresse:
        autres = [
            m
            for m in r.mesures
            if m.mesure.id
            in ("mentorat_autre_ecole", "mentorat_par_les_pairs", "mentorat_en_ligne")
        ]
        if not autres:
            v.append(("7 mentorat sans effet : pas d'autre personne mentore", ""))
        for m in autres:
            if "mentor" in [a.id for a in m.alternatives]:
                v.append(
                    ("7 mentorat sans effet : la même personne mentore en « ou : »", m.mesure.id)
                )
            if m.acteur.id == "mentor":
                v.append(
                    (
                        "7 mentorat sans effet : l'autre mentorat porté par la même personne mentore",
                        m.mesure.id,
                    )
                )
    # 8. Programmes et référentiels par la CP.
    if (
        (
            profil.get("formation_hors_quebec")
            or profil.get("qualification") == "non_legalement_qualifie"
        )
        and ecole.get("conseiller_pedagogique") is not False
        and en_insertion
        and not detresse
    ) and "presentation_programmes_referentiels" not in ids:
        v.append(("8 programmes et référentiels absents", ""))
    if "plan_dp" in offres and "présent" not in (offres["plan_dp"].role or ""):
        v.append(
            (
                "8 plan de DP : la ligne du rôle ne parle pas de présenter le programme",
                str(offres["plan_dp"].role),
            )
        )
    # 9. Textes lus.
    for vue, texte in (("courte", r.texte()), ("details", r.texte(details=True))):
        for genre, ligne in ecarts(texte):
            if genre == "anglais":
                v.append((f"9 anglais entre « » ({vue})", ligne[:80]))
            elif genre == "numero":
                v.append((f"9 numéro nu ({vue})", ligne[:100]))
            elif genre == "genre":
                v.append((f"9 accord genré ({vue})", ligne[:100]))
            elif ordre in FP_FGA and vue == "courte" and "Non offertes" not in ligne:
                v.append(("9 « école » en FP/FGA (courte)", ligne[:100]))
    # 10. Suppléance.
    if profil.get("statut") == "suppleance" and en_insertion and not detresse:
        genre = profil.get("suppleance", "non_precisee")
        if genre == "occasionnelle" and "cap" in ids:
            v.append(("10 CAP en suppléance occasionnelle", ""))
        if genre in ("long_terme", "a_contrat") and "cap" not in ids:
            v.append(("10 pas de CAP en suppléance avec un groupe", genre))
    return v


def exhaustif() -> list[dict[str, Any]]:
    """Présences × ordres × besoin élevé × détresse."""
    sortie = []
    for ordre, pres, besoin, detresse in itertools.product(
        ORDRES, itertools.product([True, False, None], repeat=4), BESOINS, [False, True]
    ):
        ecole = {c: val for c, val in zip(PRESENCES, pres, strict=True) if val is not None}
        sortie.append(
            {
                "annees_experience": 1,
                "ordre": ordre,
                "signaux_de_detresse": detresse,
                "besoins": {besoin: "elevee"},
                "ecole": ecole,
            }
        )
    return sortie


def tirage(n: int, graine: int) -> list[dict[str, Any]]:
    """Profils variés tirés au hasard."""
    h = random.Random(graine)
    sortie = []
    for _ in range(n):
        statut = h.choice(["suppleance", "contrat", "permanent"])
        p: dict[str, Any] = {
            "annees_experience": h.choice([0, 0, 1, 2, 3, 4, 5, 6, 7, 9]),
            "ordre": h.choice(ORDRES),
            "statut": statut,
            "qualification": h.choice(
                ["legalement_qualifie"] * 3
                + ["en_voie_de_qualification", "non_legalement_qualifie"]
            ),
            "formation_hors_quebec": h.random() < 0.2,
            "signaux_de_detresse": h.random() < 0.2,
        }
        if statut == "suppleance":
            p["suppleance"] = h.choice(["occasionnelle", "long_terme", "a_contrat", "non_precisee"])
        if p["formation_hors_quebec"] and p["annees_experience"] > 0:
            p["annees_au_quebec"] = h.randint(0, p["annees_experience"])
        nb = h.choice([1, 1, 1, 2, 3])
        p["affectation"] = {
            "nb_ecoles": nb,
            "partage_de_tache": nb > 1,
            "specialiste": h.random() < 0.15,
            "classe_multiniveau": h.random() < 0.1,
            "adaptation_scolaire": h.random() < 0.15,
            "nouveau_dans_l_ecole": h.random() < 0.5,
            "nouveau_dans_le_centre": h.random() < 0.4,
        }
        p["besoins"] = {
            b: h.choice(["faible", "moderee", "elevee"])
            for b in h.sample(BESOINS, h.choice([0, 0, 1, 2, 3]))
        }
        ecole: dict[str, Any] = {c: h.choice([True, False]) for c in PRESENCES if h.random() < 0.7}
        if h.random() < 0.3:
            ecole["part_novices"] = h.choice([0.1, 0.35, 0.6])
        if h.random() < 0.2:
            ecole["region_eloignee"] = True
        p["ecole"] = ecole
        if h.random() < 0.2:
            p["mesures_recues"] = [
                {"mesure": "mentorat", "efficace": False, "intervenant": "mentor"}
            ]
        sortie.append(p)
    return sortie


def main() -> int:
    """Lance les deux passes et imprime le bilan par propriété.

    >>> callable(main)
    True
    """
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--graine", type=int, default=18)
    args = ap.parse_args()
    profils = exhaustif() + tirage(args.n, args.graine)
    compte: Counter[str] = Counter()
    exemple: dict[str, tuple[dict[str, Any], str]] = {}
    parordre: dict[str, Counter[str]] = defaultdict(Counter)
    for p in profils:
        for prop, detail in proprietes(p):
            compte[prop] += 1
            parordre[prop][p["ordre"]] += 1
            if prop not in exemple or len(str(p)) < len(str(exemple[prop][0])):
                exemple[prop] = (p, detail)
    print(f"{len(profils)} profils")
    for prop, n in sorted(compte.items()):
        print(f"\n{prop} : {n}  {dict(parordre[prop])}")
        p, detail = exemple[prop]
        print(f"    exemple : {p}\n    détail : {detail}")
    if not compte:
        print("aucune violation")
    return 1 if compte else 0


if __name__ == "__main__":
    sys.exit(main())
