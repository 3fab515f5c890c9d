"""Le schéma JSON exporté du profil : exactement ce que la validation admet.

``Profil.model_json_schema()`` décrit le profil sans catalogue (une mesure reçue est une
chaîne) ; :func:`schema_profil` le précise pour un catalogue (une mesure reçue est l'un de
ses identifiants). Les écritures françaises admises (:mod:`.saisie`) y sont décrites par les
mêmes expressions régulières que celles du validateur.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Sequence
from typing import Any

from .modeles import Profil

#: L'identifiant du dialecte du schéma exporté.
DIALECTE = "https://json-schema.org/draft/2020-12/schema"


@functools.cache
def _schema_sans_catalogue() -> dict[str, Any]:
    schema = Profil.model_json_schema()
    return {"$schema": DIALECTE, **schema}


def schema_profil_pour(
    mesures: Sequence[str] | None, acteurs: Sequence[str] | None = None
) -> dict[str, Any]:
    """Le schéma JSON du profil ; avec ``mesures`` (``acteurs``), la mesure (l'intervenant)
    d'une mesure reçue est l'un de ces identifiants.

    >>> s = schema_profil_pour(["mentorat", "webinaire"], ["mentor"])
    >>> s["$defs"]["MesureRecue"]["properties"]["mesure"]["enum"]
    ['mentorat', 'webinaire']
    >>> s["$defs"]["MesureRecue"]["properties"]["intervenant"]["anyOf"][0]["enum"]
    ['mentor']
    >>> s["required"]
    ['annees_experience', 'ordre']
    """
    schema = copy.deepcopy(_schema_sans_catalogue())
    if mesures is not None:
        propriete = schema["$defs"]["MesureRecue"]["properties"]["mesure"]
        schema["$defs"]["MesureRecue"]["properties"]["mesure"] = {
            "type": "string",
            "enum": list(mesures),
            "title": propriete.get("title", "Mesure"),
            "description": propriete.get("description", ""),
        }
    if acteurs is not None:
        propriete = schema["$defs"]["MesureRecue"]["properties"]["intervenant"]
        propriete["anyOf"] = [{"type": "string", "enum": list(acteurs)}, {"type": "null"}]
    return schema
