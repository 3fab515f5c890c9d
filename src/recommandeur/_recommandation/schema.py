"""Le schéma JSON exporté d'un résultat : la forme exacte de ``Recommandation.model_dump(mode="json")``."""

from __future__ import annotations

import copy
import functools
from typing import Any

from .._profil.schema import DIALECTE
from .modeles import Recommandation


@functools.cache
def _schema() -> dict[str, Any]:
    schema = Recommandation.model_json_schema(mode="serialization")
    return {
        "$schema": DIALECTE,
        **schema,
        "description": (
            "Le résultat de recommander(profil) en JSON. Les mesures et les acteurs y sont "
            "nommés par identifiant ; `tables` donne, une fois chacun, ce qu'il faut pour les "
            "afficher (les fiches complètes : `recommandeur catalogue --json`)."
        ),
    }


def schema_resultat() -> dict[str, Any]:
    """Le schéma JSON (2020-12) du JSON d'une :class:`Recommandation`.

    >>> s = schema_resultat()
    >>> s["properties"]["mesures"]["items"]["$ref"]
    '#/$defs/MesureRecommandee'
    >>> s["$defs"]["MesureRecommandee"]["properties"]["acteur"]["type"]
    'string'
    >>> sorted(s["properties"]["tables"]["$ref"].split("/")[-1:])
    ['Tables']
    """
    return copy.deepcopy(_schema())
