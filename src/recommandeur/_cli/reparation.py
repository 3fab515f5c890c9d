"""La commande ``recommandeur que-faudrait-il PROFIL MESURE`` : les plus petits changements qui
apporteraient (``--retirer`` : retireraient) une mesure."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._moteur.moteur import Moteur
from .._recommandation.reparation import que_faudrait_il
from .francais import entier


def ajouter(
    sous: Any,
    dossiers: Callable[[argparse.ArgumentParser], None],
    moteur: Callable[[argparse.Namespace], Moteur | None],
    lire_profil: Callable[[Path], dict[str, Any]],
) -> None:
    """Ajoute la sous-commande ``que-faudrait-il`` à l'analyseur de ``recommandeur``."""
    qf = sous.add_parser(
        "que-faudrait-il",
        help="les plus petits changements du profil qui apporteraient (ou retireraient) une mesure",
    )
    qf.add_argument("profil", help="fichier de profil (.toml ou .json)")
    qf.add_argument("mesure", help="identifiant de la mesure du catalogue")
    qf.add_argument(
        "--retirer", action="store_true", help="les changements qui retireraient la mesure"
    )
    qf.add_argument(
        "--changements-max",
        type=entier,
        default=3,
        metavar="N",
        help="au plus N changements par solution (1 à 5, défaut : 3)",
    )
    qf.add_argument("--json", action="store_true", help="sortie JSON")
    dossiers(qf)

    def executer(args: argparse.Namespace) -> int:
        reponse = que_faudrait_il(
            lire_profil(Path(args.profil)),
            args.mesure,
            retirer=args.retirer,
            changements_max=args.changements_max,
            moteur=moteur(args),
        )
        if args.json:
            print(json.dumps(reponse.model_dump(mode="json"), ensure_ascii=False, indent=2))
        else:
            print(reponse.texte())
        return 0

    qf.set_defaults(executer=executer)
