"""Un moteur en JSON, et de retour : pour qu'un autre processus serve exactement les mêmes règles.

Le JSON porte le catalogue validé et les règles *compilées* (conditions en forme normale),
pas des chemins : un processus de calcul reconstruit le moteur qu'on lui a donné, quoi qu'il
soit arrivé sur le disque depuis. Rien n'est évalué : le catalogue est revalidé par pydantic,
les conditions relues par :func:`recommandeur._langage.expressions.depuis_donnees`.
"""

from __future__ import annotations

import json
from typing import Any

from .._catalogue.modeles import Catalogue
from .._langage.chargement import BaseDeRegles
from .._langage.expressions import depuis_donnees, en_donnees
from .._langage.regle import Proposition, RegleCompilee
from .._langage.syntaxe import Explication, Parametre
from .moteur import Moteur


def vers_json(moteur: Moteur) -> str:
    """Le moteur en texte JSON (catalogue, règles compilées, explications, évaluateur).

    >>> from recommandeur import moteur_par_defaut
    >>> texte = vers_json(moteur_par_defaut())
    >>> depuis_json(texte).regles == moteur_par_defaut().regles
    True
    """
    base = moteur.base
    donnees: dict[str, Any] = {
        "evaluateur": moteur.evaluateur,
        "catalogue": moteur.catalogue.model_dump(mode="json"),
        "regles": {
            "version": base.version,
            "regles": [
                {
                    "id": r.id,
                    "fichier": r.fichier,
                    "titre": r.titre,
                    "condition": en_donnees(r.condition),
                    "propositions": [p.model_dump(mode="json") for p in r.propositions],
                    "justification": r.justification,
                    "sources": list(r.sources),
                    "parametres": list(r.parametres),
                }
                for r in base.regles
            ],
            "explications": [[f, e.model_dump(mode="json")] for f, e in base.explications],
            "parametres": [p.model_dump(mode="json") for p in base.parametres],
        },
    }
    return json.dumps(donnees, ensure_ascii=False, separators=(",", ":"))


def depuis_json(texte: str) -> Moteur:
    """Le moteur écrit par :func:`vers_json` (revalidé ; ``ValueError`` si le texte n'en est pas un)."""
    donnees = json.loads(texte)
    regles = donnees["regles"]
    base = BaseDeRegles(
        version=regles["version"],
        regles=tuple(
            RegleCompilee(
                id=r["id"],
                fichier=r["fichier"],
                titre=r["titre"],
                condition=depuis_donnees(r["condition"]),
                propositions=tuple(Proposition.model_validate(p) for p in r["propositions"]),
                justification=r["justification"],
                sources=tuple(r["sources"]),
                parametres=tuple(r["parametres"]),
            )
            for r in regles["regles"]
        ),
        explications=tuple((f, Explication.model_validate(e)) for f, e in regles["explications"]),
        parametres=tuple(Parametre.model_validate(p) for p in regles["parametres"]),
    )
    catalogue = Catalogue.model_validate(donnees["catalogue"])
    return Moteur(catalogue, base, evaluateur=donnees["evaluateur"])
