"""Les descriptions des schémas JSON sans balisage Sphinx : du texte et du Markdown.

Les docstrings des modèles servent deux lecteurs : la référence de l'API (reStructuredText,
rôles Sphinx, exemples ``>>>``) et les schémas JSON (``Model.model_json_schema()``, OpenAPI),
lus par des programmes et des personnes qui n'ont pas Sphinx. :func:`sans_balisage` traduit
la première forme en la seconde ; chaque base de modèle public la branche par
``json_schema_extra=nettoyer_schema`` et les énumérations par :func:`schema_sans_balisage`.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic_core import CoreSchema

_ROLE = re.compile(
    r":(?:py:)?(func|meth|class|exc|attr|data|mod|obj|const|term|ref):`~?([^`<]*?)(?:\s*<[^>]*>)?`"
)
_LITTERAL = re.compile(r"``(.+?)``", re.S)


def sans_balisage(texte: str) -> str:
    """Le texte d'une docstring pour un schéma JSON : rôles Sphinx dits par leur nom,
    littéraux en Markdown, sans exemples ``>>>`` ni liste « Champs : » (les propriétés du
    schéma la donnent déjà).

    >>> sans_balisage("Le résultat de :func:`~recommandeur.recommander` : ``mesures``.")
    'Le résultat de `recommander()` : `mesures`.'
    >>> sans_balisage("Une intensité.\\n\\n>>> Intensite('elevee').rang\\n3")
    'Une intensité.'
    """
    paragraphes = [
        p
        for p in re.split(r"\n\s*\n", inspect.cleandoc(texte.split("\n\nChamps :\n")[0]))
        if not p.lstrip().startswith(">>>")
    ]
    resultat = "\n\n".join(paragraphes).strip()

    def role(correspondance: re.Match[str]) -> str:
        nom = correspondance.group(2).rsplit(".", 1)[-1]
        appel = "()" if correspondance.group(1) in {"func", "meth"} else ""
        return f"`{nom}{appel}`"

    resultat = _ROLE.sub(role, resultat)
    return _LITTERAL.sub(lambda m: f"`{m.group(1)}`", resultat)


def nettoyer_schema(schema: dict[str, Any], *_: object) -> None:
    """Retire le balisage de toutes les descriptions et titres d'un schéma (en place).

    S'utilise comme ``json_schema_extra`` d'un modèle pydantic.

    >>> s = {"description": ":class:`Profil`", "properties": {"a": {"title": "``a``"}}}
    >>> nettoyer_schema(s); s
    {'description': '`Profil`', 'properties': {'a': {'title': '`a`'}}}
    """
    pile: list[Any] = [schema]
    while pile:
        courant = pile.pop()
        if isinstance(courant, dict):
            for cle, valeur in courant.items():
                if cle in {"description", "title"} and isinstance(valeur, str):
                    courant[cle] = sans_balisage(valeur)
                else:
                    pile.append(valeur)
        elif isinstance(courant, list):
            pile.extend(courant)


def schema_sans_balisage(schema_coeur: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
    """Le schéma JSON d'un type, sans balisage : le corps de ``__get_pydantic_json_schema__``
    d'une énumération (un modèle, lui, prend ``json_schema_extra=nettoyer_schema``)."""
    schema: dict[str, Any] = handler(schema_coeur)
    nettoyer_schema(handler.resolve_ref_schema(schema))
    return schema
