"""Un moteur en JSON, et de retour : pour qu'un autre processus serve exactement les mêmes règles.

Le JSON porte le catalogue validé et les règles *compilées* (conditions en forme normale),
pas des chemins : un processus de calcul reconstruit le moteur qu'on lui a donné, quoi qu'il
soit arrivé sur le disque depuis. Rien n'est évalué : la forme est celle de
:mod:`.forme_json`, revalidée à la relecture (pydantic, conditions, opérateurs).
"""

from __future__ import annotations

import json

from .forme_json import depuis_donnees_json, en_donnees_json
from .moteur import Moteur


def vers_json(moteur: Moteur) -> str:
    """Le moteur en texte JSON (catalogue, règles compilées, explications, évaluateur).

    >>> from recommandeur import moteur_par_defaut
    >>> texte = vers_json(moteur_par_defaut())
    >>> depuis_json(texte).regles == moteur_par_defaut().regles
    True
    """
    donnees = {"evaluateur": moteur.evaluateur, **en_donnees_json(moteur.catalogue, moteur.base)}
    return json.dumps(donnees, ensure_ascii=False, separators=(",", ":"))


def depuis_json(texte: str) -> Moteur:
    """Le moteur écrit par :func:`vers_json` (revalidé ; ``ValueError`` si le texte n'en est pas un)."""
    donnees = json.loads(texte)
    catalogue, base = depuis_donnees_json(donnees)
    return Moteur(catalogue, base, evaluateur=donnees["evaluateur"])
