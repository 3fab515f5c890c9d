"""La commande ``recommandeur`` : recommander pour un profil, lister le catalogue, vérifier des données.

Exemples ::

    recommandeur recommander exemples/non_legalement_qualifie.toml
    recommandeur recommander exemples/profil_complet.json --json --limite 5
    recommandeur schema resultat
    recommandeur schema erreur
    recommandeur plan exemples/effectifs/enseignants.csv --ecoles exemples/effectifs/ecoles.csv --html plan.html
    recommandeur province ma_province --sortie plans_province --reprendre
    recommandeur catalogue
    recommandeur verifier --catalogue mon_catalogue --regles mes_regles
    recommandeur couverture --markdown > docs/couverture.md
    recommandeur graphe docs/graphe.png
    recommandeur pourquoi-pas exemples/detresse.toml mentorat_en_ligne
    recommandeur et-si exemples/detresse.toml --changer ecole.region_eloignee=true
    recommandeur que-faudrait-il exemples/detresse.toml mentorat_en_ligne
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tomllib
from collections.abc import Sequence
from importlib import metadata
from typing import Any

from .._analyse.couverture import couverture
from .._analyse.graphe import ecrire_graphe, graphe
from .._base.erreurs import ErreurRecommandeur
from .._base.schema_erreur import schema_erreur
from .._moteur.moteur import Moteur, schema_profil
from .._programme.sorties.rapport import schema_du_plan
from .._recommandation.explorer import et_si, pourquoi_pas
from .._recommandation.recommander import recommander
from .._recommandation.schema import schema_resultat
from .donnees import commande_catalogue, commande_verifier
from .francais import (
    INTERROMPU,
    Interruption,
    arret_propre,
    dire_erreur,
    en_francais,
    entier,
    erreur_systeme,
)
from .plan import ajouter as ajouter_plan
from .profil import ErreurFichierProfil, lire_profil
from .province import ajouter as ajouter_province
from .reparation import ajouter as ajouter_reparation
from .suivi import ajouter as ajouter_suivi


def version_du_paquet() -> str:
    """La version installée du paquet (``importlib.metadata``), celle que dit ``--version``.

    >>> version_du_paquet() != ""
    True
    """
    try:
        return metadata.version("recommandeur")
    except metadata.PackageNotFoundError:  # pragma: no cover - une copie de travail non installée
        return "0+inconnue"


def _moteur(args: argparse.Namespace) -> Moteur | None:
    surcouche = getattr(args, "surcouche", None)
    if args.catalogue is None and args.regles is None and surcouche is None:
        return None
    return Moteur.depuis(catalogue=args.catalogue, regles=args.regles, surcouche=surcouche)


def _recommander(args: argparse.Namespace) -> int:
    profil = lire_profil(args.profil)
    reco = recommander(profil, moteur=_moteur(args), limite=args.limite)
    if args.json:
        print(json.dumps(reco.model_dump(mode="json"), ensure_ascii=False, indent=args.indenter))
    else:
        print(reco.texte(details=args.details))
    return 0


def _schema(args: argparse.Namespace) -> int:
    if args.quoi == "profil":
        schema = schema_profil(_moteur(args))
    elif args.quoi == "plan":
        schema = schema_du_plan()
    elif args.quoi == "erreur":
        schema = schema_erreur()
    else:
        schema = schema_resultat()
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


def _pourquoi_pas(args: argparse.Namespace) -> int:
    print(pourquoi_pas(lire_profil(args.profil), args.mesure, moteur=_moteur(args)).texte())
    return 0


def changement(texte: str) -> dict[str, Any]:
    """Lit un changement ``chemin=valeur`` (valeur TOML) en dict imbriqué.

    >>> changement("ecole.region_eloignee=true")
    {'ecole': {'region_eloignee': True}}
    >>> changement('besoins.bien_etre="elevee"')
    {'besoins': {'bien_etre': 'elevee'}}
    """
    chemin, egal, valeur = texte.partition("=")
    if not egal or not chemin.strip():
        raise ErreurFichierProfil(
            f"changement {texte!r} : attendu chemin=valeur (ex. ecole.imse=9)"
        )
    try:
        lue = tomllib.loads(f"v = {valeur.strip()}")["v"]
    except tomllib.TOMLDecodeError:
        lue = valeur.strip()  # une chaîne sans guillemets : primaire, elevee, ...
    resultat: dict[str, Any] = {}
    courant = resultat
    morceaux = chemin.strip().split(".")
    for morceau in morceaux[:-1]:
        courant = courant.setdefault(morceau, {})
    courant[morceaux[-1]] = lue
    return resultat


def _et_si(args: argparse.Namespace) -> int:
    changements: dict[str, Any] = {}
    for texte in args.changer:
        for cle, valeur in changement(texte).items():
            if isinstance(valeur, dict):
                changements.setdefault(cle, {}).update(valeur)
            else:
                changements[cle] = valeur
    reponse = et_si(lire_profil(args.profil), changements, moteur=_moteur(args))
    print(reponse.texte(tout=args.tout))
    return 0


def _couverture(args: argparse.Namespace) -> int:
    rapport = couverture(_moteur(args))
    print(
        rapport.markdown() if args.markdown else rapport.texte(),
        end="\n" if not args.markdown else "",
    )
    return 1 if rapport.non_expliques else 0


def _graphe(args: argparse.Namespace) -> int:
    chemin = ecrire_graphe(graphe(_moteur(args)), args.fichier)
    print(f"Graphe écrit dans {chemin}")
    return 0


def analyseur() -> argparse.ArgumentParser:
    """L'analyseur des arguments de la commande."""
    parser = argparse.ArgumentParser(
        prog="recommandeur",
        description="Mesures de soutien à l'insertion professionnelle des enseignants débutants.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {version_du_paquet()}",
        help="afficher la version du paquet et quitter",
    )
    sous = parser.add_subparsers(dest="commande", required=True)

    def dossiers(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--catalogue", metavar="DOSSIER", help="dossier du catalogue (défaut : livré)"
        )
        p.add_argument("--regles", metavar="DOSSIER", help="dossier des règles (défaut : livré)")
        surcouche(p)

    def surcouche(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--surcouche", metavar="DOSSIER", help="surcouche d'un centre de services, par-dessus"
        )

    reco = sous.add_parser("recommander", help="recommander des mesures pour un profil")
    reco.add_argument("profil", help="fichier de profil (.toml ou .json ; - : entrée standard)")
    reco.add_argument(
        "--json", action="store_true", help="sortie JSON (schéma : recommandeur schema resultat)"
    )
    reco.add_argument(
        "--indenter", type=entier, metavar="N", help="JSON indenté de N espaces (défaut : compact)"
    )
    reco.add_argument("--details", action="store_true", help="toutes les raisons, faits et sources")
    reco.add_argument("--limite", type=entier, metavar="N", help="garder les N meilleures mesures")
    dossiers(reco)
    reco.set_defaults(executer=_recommander)

    cat = sous.add_parser("catalogue", help="lister les mesures du catalogue")
    cat.add_argument("--json", action="store_true", help="sortie JSON")
    cat.add_argument("--catalogue", metavar="DOSSIER", help="dossier du catalogue (défaut : livré)")
    surcouche(cat)
    cat.set_defaults(executer=commande_catalogue)

    ver = sous.add_parser("verifier", help="lister tous les problèmes d'un catalogue et de règles")
    dossiers(ver)
    ver.set_defaults(executer=commande_verifier)
    pq = sous.add_parser("pourquoi-pas", help="pourquoi une mesure n'est pas (ou est) recommandée")
    pq.add_argument("profil", help="fichier de profil (.toml ou .json ; - : entrée standard)")
    pq.add_argument("mesure", help="identifiant de la mesure du catalogue")
    dossiers(pq)
    pq.set_defaults(executer=_pourquoi_pas)

    es = sous.add_parser("et-si", help="ce que change une modification du profil")
    es.add_argument("profil", help="fichier de profil (.toml ou .json ; - : entrée standard)")
    es.add_argument(
        "--changer",
        action="append",
        required=True,
        metavar="CHEMIN=VALEUR",
        help="ex. ecole.region_eloignee=true, besoins.bien_etre=elevee (répétable)",
    )
    es.add_argument("--tout", action="store_true", help="montrer aussi chaque changement de rang")
    dossiers(es)
    es.set_defaults(executer=_et_si)

    sch = sous.add_parser(
        "schema", help="écrire le schéma JSON d'un profil, d'un résultat, d'un plan ou d'une erreur"
    )
    sch.add_argument(
        "quoi",
        choices=("profil", "resultat", "plan", "erreur"),
        help="profil, resultat, plan ou erreur (erreur.to_dict())",
    )
    dossiers(sch)
    sch.set_defaults(executer=_schema)

    ajouter_plan(sous, dossiers, _moteur)
    ajouter_province(sous)
    ajouter_suivi(sous, dossiers, _moteur)
    ajouter_reparation(sous, dossiers, _moteur, lire_profil)

    cou = sous.add_parser(
        "couverture",
        help="analyser la couverture des règles (code 1 si un constat n'est pas expliqué)",
    )
    cou.add_argument("--markdown", action="store_true", help="sortie Markdown (docs/couverture.md)")
    dossiers(cou)
    cou.set_defaults(executer=_couverture)

    gra = sous.add_parser("graphe", help="écrire le graphe besoins → règles → mesures → acteurs")
    gra.add_argument("fichier", help="fichier de sortie : .graphml, .dot, .png ou .svg")
    dossiers(gra)
    gra.set_defaults(executer=_graphe)
    return parser


#: Les codes de sortie (voir docs/cli.md).
SUCCES, CONSTATS, ERREUR, SORTIE_FERMEE = 0, 1, 2, 141


def main(argv: Sequence[str] | None = None) -> int:
    """Point d'entrée de la commande ``recommandeur`` ; renvoie le code de sortie.

    0 : fait ; 1 : des problèmes ou des constats à corriger (``verifier``, ``couverture``) ;
    2 : une erreur de l'utilisateur (arguments, fichier, profil, données), dite en une ligne ;
    130 : interrompue par Ctrl-C ; 143 : arrêtée par ``SIGTERM`` ;
    141 : la sortie a été fermée avant la fin (``| head``).
    """
    try:
        with en_francais():
            args = analyseur().parse_args(argv)
        with arret_propre():
            code: int = args.executer(args)
        sys.stdout.flush()
    except Interruption as exc:
        print(f"erreur : interrompu ({exc})", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("erreur : interrompu (Ctrl-C)", file=sys.stderr)
        return INTERROMPU
    except BrokenPipeError:
        # Le lecteur est parti (| head) : plus rien à écrire, et pas de trace à la sortie.
        descripteur = os.open(os.devnull, os.O_WRONLY)
        os.dup2(descripteur, sys.stdout.fileno())
        return SORTIE_FERMEE
    except (ErreurRecommandeur, ValueError, KeyError) as exc:
        dire_erreur(exc)
        return ERREUR
    except OSError as exc:
        print(f"erreur : {erreur_systeme(exc)}", file=sys.stderr)
        return ERREUR
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
