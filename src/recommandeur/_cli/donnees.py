"""Les commandes sur les données : ``recommandeur catalogue`` et ``recommandeur verifier``."""

from __future__ import annotations

import argparse
import json
import sys

from .._base.erreurs import ErreurCatalogue, ErreurRegle
from .._catalogue.chargement import charger_catalogue
from .._catalogue.surcouche import lire_surcouche
from .._langage.chargement import charger_regles, erreurs_sans_catalogue
from .._rendu.catalogue import texte_catalogue


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
    dessus = None if args.surcouche is None else lire_surcouche(args.surcouche)
    try:
        catalogue = charger_catalogue(args.catalogue, surcouche=dessus)
        base = charger_regles(catalogue, args.regles, surcouche=dessus)
    except ErreurCatalogue as exc:
        # les règles sont vérifiées quand même, pour tout ce qui ne dépend pas du catalogue
        problemes = [*exc.problemes, *erreurs_sans_catalogue(args.regles, surcouche=dessus)]
        for probleme in problemes:
            print(probleme)
        print(
            f"{len(problemes)} problème(s) ; catalogue invalide : les mesures, intervenants et "
            "sources des règles seront vérifiés quand il sera corrigé.",
            file=sys.stderr,
        )
        return 1
    except ErreurRegle as exc:
        for probleme in exc.problemes:
            print(probleme)
        print(f"{len(exc.problemes)} problème(s).", file=sys.stderr)
        return 1
    if args.surcouche:
        print(
            f"Catalogue et règles valides, avec la surcouche {args.surcouche} : catalogue "
            f"{catalogue.version}, règles {base.version}, {len(base.regles)} "
            f"règles, {len(catalogue.mesures)} mesures."
        )
        return 0
    print("Catalogue et règles valides.")
    return 0
