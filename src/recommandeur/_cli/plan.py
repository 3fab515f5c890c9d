"""La commande ``recommandeur plan`` : des effectifs d'un centre au plan et à son rapport."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._base.erreurs import ErreurArgument
from .._moteur.moteur import Moteur, moteur_par_defaut
from .._programme.comparaison import comparer_plans, superposer
from .._programme.donnees.identifiants import cle
from .._programme.donnees.mentors import charger_mentors, en_ligne_de_mentor
from .._programme.jumelage.mentorat import charger_avec_mentors, texte_mentorat
from .._programme.modeles import Plan
from .._programme.planifier import planifier
from .._programme.sorties.confidentiel import AVERTISSEMENT
from .._programme.sorties.rapport import ecrire_html, json_du_plan, morceaux_html
from .._suivi.journal import Journal
from .francais import entier


def date(texte: str) -> dt.date:
    """Le type « date » de l'option ``--date`` (AAAA-MM-JJ ; son nom figure dans le message).

    >>> date("2026-12-04")
    datetime.date(2026, 12, 4)
    """
    return dt.date.fromisoformat(texte)


def options_de_calcul(p: argparse.ArgumentParser) -> None:
    """Les options du calcul d'un plan, les mêmes pour ``plan`` et pour ``province``."""
    p.add_argument(
        "--taille-groupe", type=entier, default=None, metavar="N", help="groupes d'au plus N"
    )
    p.add_argument(
        "--taille-cohorte",
        type=entier,
        default=None,
        metavar="N",
        help="cohortes du centre (activités universelles) d'au plus N",
    )
    p.add_argument(
        "--mentores-par-mentor",
        type=entier,
        default=None,
        metavar="N",
        help="personnes qu'une personne mentore accompagne au plus",
    )
    p.add_argument(
        "--processus",
        type=entier,
        default=min(2, os.cpu_count() or 1),
        metavar="N",
        help="processus de calcul d'un plan (défaut : 2, ou 1 sur une machine à un cœur)",
    )
    p.add_argument(
        "--inclure-confidentiel",
        action="store_true",
        help="montrer la détresse et les offres qui la révèlent (chaque fichier le dit en tête)",
    )
    p.add_argument(
        "--sans-progression", action="store_true", help="ne pas afficher la barre de progression"
    )


def valeurs_de_calcul(args: argparse.Namespace) -> dict[str, Any]:
    """Les arguments de ``planifier`` que donnent les options de :func:`options_de_calcul`
    (celles qui ne sont pas données gardent le défaut de ``planifier``)."""
    valeurs: dict[str, Any] = {"processus": args.processus}
    for attribut, argument in (
        ("taille_groupe", "taille_max_groupe"),
        ("taille_cohorte", "taille_max_cohorte"),
        ("mentores_par_mentor", "mentores_par_mentor"),
    ):
        if getattr(args, attribut) is not None:
            valeurs[argument] = getattr(args, attribut)
    if args.inclure_confidentiel:
        valeurs["inclure_confidentiel"] = True
    return valeurs


def ajouter(
    sous: Any,
    dossiers: Callable[[argparse.ArgumentParser], None],
    moteur: Callable[[argparse.Namespace], Moteur | None],
) -> None:
    """Ajoute la sous-commande ``plan`` à l'analyseur de ``recommandeur``."""
    plan = sous.add_parser(
        "plan",
        help="le plan d'un centre depuis ses effectifs : portrait, groupes, écoles, charges",
    )
    plan.add_argument("enseignants", help="fichier des enseignants (.csv, .json ou .toml)")
    plan.add_argument(
        "--ecoles", required=True, metavar="FICHIER", help="fichier des écoles (.csv, .json, .toml)"
    )
    plan.add_argument(
        "--journal", metavar="FICHIER", help="un journal de suivi : le bilan lit ses revues"
    )
    plan.add_argument(
        "--mentors",
        metavar="FICHIER",
        help="fichier des personnes mentores nommées (.csv, .json, .toml) : l'appariement",
    )
    plan.add_argument(
        "--comparer",
        metavar="DOSSIER",
        help="une variante posée sur la surcouche (ce qui change, et son mentors.csv s'il y en a "
        "un) : les deux plans côte à côte",
    )
    plan.add_argument(
        "--html", metavar="FICHIER", help="écrire le rapport HTML (- : la sortie standard)"
    )
    plan.add_argument(
        "--json", metavar="FICHIER", help="écrire le plan en JSON (- : la sortie standard)"
    )
    plan.add_argument("--csv", metavar="DOSSIER", help="écrire les CSV du plan dans ce dossier")
    plan.add_argument(
        "--xlsx", metavar="FICHIER", help="écrire le classeur xlsx du plan (une feuille par CSV)"
    )
    plan.add_argument(
        "--date",
        type=date,
        default=None,
        metavar="AAAA-MM-JJ",
        help="la date du plan (défaut : aujourd'hui) : le calendrier du centre sert la rentrée qui suit",
    )
    options_de_calcul(plan)
    plan.add_argument(
        "--verifier",
        action="store_true",
        help="seulement vérifier les fichiers d'effectifs (tous leurs problèmes), sans planifier",
    )
    dossiers(plan)
    plan.set_defaults(executer=lambda args: _plan(args, moteur(args)))


def _plan(args: argparse.Namespace, moteur: Moteur | None) -> int:
    if args.verifier:
        m = moteur or moteur_par_defaut()
        effectifs, nommes = charger_avec_mentors(
            Path(args.enseignants), Path(args.ecoles), args.mentors and Path(args.mentors), m
        )
        mentors = "" if nommes is None else f", {len(nommes)} personne(s) mentore(s)"
        print(
            f"Effectifs valides : {len(effectifs.enseignants)} personne(s), "
            f"{len(effectifs.ecoles)} école(s){mentors}."
        )
        return 0
    options = valeurs_de_calcul(args)
    if args.date is not None:
        options["date"] = args.date
    if args.mentors:
        options["mentors"] = Path(args.mentors)
    with contextlib.ExitStack() as pile:
        if args.journal:
            options["journal"] = pile.enter_context(Journal.ouvrir(args.journal, moteur=moteur))
        resultat = planifier(
            Path(args.enseignants),
            Path(args.ecoles),
            moteur=moteur,
            progression=not args.sans_progression and sys.stderr.isatty(),
            **options,
        )
    vers_la_sortie = "-" in (args.html, args.json)
    if args.html == "-" and args.json == "-":
        raise ErreurArgument("--html et --json", "au plus une sortie « - »", "-")
    resume = sys.stderr if vers_la_sortie else sys.stdout  # la sortie standard reste au document
    p = resultat.portrait
    if resultat.confidentiel:
        print(AVERTISSEMENT, file=resume)
    print(
        f"Plan : {p.nb_en_insertion} personne(s) en insertion (sur {p.nb_enseignants} dans les "
        f"effectifs), {p.nb_ecoles} école(s), {len(resultat.groupes)} groupe(s), "
        f"{len(resultat.alertes)} alerte(s)",
        file=resume,
    )
    noms = {e.ecole: e.nom for e in resultat.ecoles}
    print(f"Catalogue {resultat.version_catalogue} · règles {resultat.version_regles}", file=resume)
    for alerte in resultat.alertes[:5]:
        ou = f"{noms.get(alerte.ecole, alerte.ecole)} : " if alerte.ecole else ""
        print(f"  ⚠ {ou}{alerte.message}", file=resume)
    if len(resultat.alertes) > 5:
        print(f"  … et {len(resultat.alertes) - 5} autres alertes (voir le rapport)", file=resume)
    print(texte_mentorat(resultat), file=resume)
    if args.comparer:
        print(_comparer(args, resultat, options), file=resume)
    if args.html == "-":
        sys.stdout.writelines(morceaux_html(resultat))
    elif args.html:
        ecrire_html(resultat, args.html)
        print(f"rapport : {args.html}", file=resume)
    if args.json == "-":
        sys.stdout.write(json_du_plan(resultat))
    elif args.json:
        resultat.ecrire_json(args.json)
        print(f"JSON : {args.json}", file=resume)
    if args.csv:
        fichiers = resultat.ecrire_csv(args.csv)
        print(f"CSV : {len(fichiers)} fichiers dans {args.csv}", file=resume)
    if args.xlsx:
        resultat.ecrire_xlsx(args.xlsx)
        print(f"classeur : {args.xlsx}", file=resume)
    return 0


def _comparer(args: argparse.Namespace, plan_a: Plan, options: dict[str, Any]) -> str:
    """Le plan avec la surcouche de ``--comparer`` (et son ``mentors.csv``), côte à côte."""
    dossier = Path(args.comparer)
    surcouche_b = superposer(args.surcouche, dossier)
    moteur_b = Moteur.depuis(catalogue=args.catalogue, regles=args.regles, surcouche=surcouche_b)
    options_b = {k: v for k, v in options.items() if k not in {"journal", "inclure_confidentiel"}}
    if (dossier / "mentors.csv").is_file():  # des personnes mentores de plus (ou changées)
        ecoles = {cle(e.ecole): e.ecole for e in plan_a.ecoles}
        nommes = {m.id: m for m in charger_mentors(args.mentors, ecoles)} if args.mentors else {}
        nommes.update({m.id: m for m in charger_mentors(dossier / "mentors.csv", ecoles)})
        options_b["mentors"] = [en_ligne_de_mentor(m) for m in nommes.values()]
    plan_b = planifier(
        Path(args.enseignants),
        Path(args.ecoles),
        moteur=moteur_b,
        **options_b,
    )
    a = Path(args.surcouche).name if args.surcouche else "plan"
    b = f"{a}+{dossier.name}" if args.surcouche else dossier.name
    return str(comparer_plans(plan_a, plan_b, libelle_a=a, libelle_b=b))
