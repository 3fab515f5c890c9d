"""La commande ``recommandeur province`` : les centres d'une province l'un après l'autre, et leur récapitulatif."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._base.erreurs import ErreurEffectifs
from .._programme.provincial.centres import lire_province
from .._programme.provincial.province import planifier_province, verifier_province
from .._programme.provincial.recapitulatif import CSV, MARKDOWN, total
from .plan import date, options_de_calcul, valeurs_de_calcul


def ajouter(sous: Any) -> None:
    """Ajoute la sous-commande ``province`` à l'analyseur de ``recommandeur``."""
    p = sous.add_parser(
        "province",
        help="les plans des centres d'une province, l'un après l'autre, et leur récapitulatif",
    )
    p.add_argument(
        "dossier",
        help="la province : un sous-dossier par centre (enseignants, ecoles, mentors facultatif, "
        "surcouche/ facultative)",
    )
    p.add_argument(
        "--sortie",
        metavar="DOSSIER",
        help="où écrire les exports de chaque centre et le récapitulatif (obligatoire sauf --verifier)",
    )
    p.add_argument(
        "--reprendre",
        action="store_true",
        help="ne pas refaire un centre déjà écrit dont les fichiers et les options sont inchangés",
    )
    p.add_argument(
        "--verifier",
        action="store_true",
        help="seulement vérifier les fichiers de chaque centre (tous leurs problèmes), sans planifier",
    )
    p.add_argument(
        "--date",
        type=date,
        default=None,
        metavar="AAAA-MM-JJ",
        help="la date des plans (défaut : aujourd'hui), la même pour tous les centres",
    )
    options_de_calcul(p)
    p.add_argument("--catalogue", metavar="DOSSIER", help="dossier du catalogue (défaut : livré)")
    p.add_argument("--regles", metavar="DOSSIER", help="dossier des règles (défaut : livré)")
    p.set_defaults(executer=_province)


def _province(args: argparse.Namespace) -> int:
    base = {"catalogue": args.catalogue, "regles": args.regles}
    if args.verifier:
        comptes = verifier_province(args.dossier, **base)
        print(
            f"Province valide : {len(comptes)} centre(s), {sum(c[1] for c in comptes)} "
            f"personne(s), {sum(c[2] for c in comptes)} école(s)."
        )
        return 0
    if not args.sortie:
        print("erreur : --sortie DOSSIER est demandé (ou --verifier)", file=sys.stderr)
        return 2
    options = valeurs_de_calcul(args)
    lire_province(args.dossier)  # la forme d'abord : ses problèmes ne disent rien d'écrit
    try:
        lignes = planifier_province(
            args.dossier,
            args.sortie,
            reprendre=args.reprendre,
            progression=not args.sans_progression and sys.stderr.isatty(),
            date=args.date,
            **base,
            **options,
        )
    except ErreurEffectifs as exc:
        centres = len({p.fichier.split("/")[0] for p in exc.problemes if p.fichier})
        print(
            f"{centres} centre(s) avec des problèmes, sans plan ni récapitulatif ; les autres sont "
            "écrits : après correction, --reprendre ne les refait pas.",
            file=sys.stderr,
        )
        raise
    somme = total(lignes)
    sortie = Path(args.sortie)
    print(
        f"Province : {len(lignes)} centre(s), {somme.personnes} personne(s) "
        f"({somme.en_insertion} en insertion), {somme.ecoles} école(s), {somme.alertes} alerte(s)"
    )
    print(f"récapitulatif : {sortie / CSV}, {sortie / MARKDOWN}")
    return 0
