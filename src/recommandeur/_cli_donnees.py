"""Les commandes sur les données : ``recommandeur catalogue`` et ``recommandeur verifier``."""

from __future__ import annotations

import argparse
import json
import sys

from ._catalogue.chargement import charger_catalogue, iter_erreurs_catalogue
from ._langage.chargement import iter_erreurs_regles
from ._moteur.moteur import Moteur
from ._rendu.catalogue import texte_catalogue


def commande_catalogue(args: argparse.Namespace) -> int:
    """Liste les mesures du catalogue (texte ou JSON)."""
    cat = charger_catalogue(args.catalogue, surcouche=args.surcouche)
    if args.json:
        print(json.dumps(cat.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return 0
    print(texte_catalogue(cat))
    return 0


def commande_verifier(args: argparse.Namespace) -> int:
    """Liste tous les problèmes du catalogue, des règles et de la surcouche ; code 1 s'il y en a."""
    problemes = list(iter_erreurs_catalogue(args.catalogue, surcouche=args.surcouche))
    if not problemes:
        catalogue = charger_catalogue(args.catalogue, surcouche=args.surcouche)
        problemes = list(iter_erreurs_regles(catalogue, args.regles, surcouche=args.surcouche))
    for probleme in problemes:
        print(probleme)
    if problemes:
        print(f"{len(problemes)} problème(s).", file=sys.stderr)
        return 1
    if args.surcouche:
        moteur = Moteur.depuis(args.catalogue, args.regles, surcouche=args.surcouche)
        print(
            f"Catalogue et règles valides, avec la surcouche {args.surcouche} : catalogue "
            f"{moteur.version_catalogue}, règles {moteur.version_regles}, {len(moteur.regles)} "
            f"règles, {len(moteur.catalogue.mesures)} mesures."
        )
        return 0
    print("Catalogue et règles valides.")
    return 0
