"""Ce qu'attendait un champ refusé par pydantic, en données : un type, des valeurs, une plage.

Une erreur de pydantic ne donne que la borne dépassée (``ge``) ; la plage entière (``de 1 à
20``) est lue dans les contraintes du champ, trouvé dans le modèle à l'endroit de l'erreur.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .probleme import Attendu, Plage

#: Ce qu'attend un champ d'un type, pour les erreurs de type de pydantic.
TYPES = {
    "int_type": "un entier",
    "int_parsing": "un entier",
    "int_from_float": "un entier",
    "float_type": "un nombre",
    "float_parsing": "un nombre",
    "bool_type": "un booléen (true ou false)",
    "bool_parsing": "un booléen (true ou false)",
    "string_type": "une chaîne de caractères",
    "list_type": "une liste",
    "dict_type": "une table (dictionnaire)",
    "model_type": "une table (dictionnaire)",
    "model_attributes_type": "une table (dictionnaire)",
    "tuple_type": "une liste",
    "frozen_set_type": "une liste",
    "set_type": "une liste",
}

#: Contrainte de pydantic → (borne de la plage, attribut, borne exclue).
_BORNES: dict[type, tuple[str, str, bool]] = {
    annotated_types.Ge: ("minimum", "ge", False),
    annotated_types.Gt: ("minimum", "gt", True),
    annotated_types.Le: ("maximum", "le", False),
    annotated_types.Lt: ("maximum", "lt", True),
    annotated_types.MinLen: ("minimum", "min_length", False),
    annotated_types.MaxLen: ("maximum", "max_length", False),
}
_CLES_DU_CONTEXTE = {attribut: (nom, exclu) for nom, attribut, exclu in _BORNES.values()}
_BORNES_DE_VALEUR = {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}
_LONGUEURS = {"too_short", "too_long", "string_too_short", "string_too_long"}


def modele_interne(annotation: Any) -> Any:
    """Le premier modèle pydantic d'une annotation (``tuple[MesureRecue, ...]`` → ``MesureRecue``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        trouve = modele_interne(argument)
        if trouve is not None:
            return trouve
    return None


def info_du_champ(modele: type[BaseModel], loc: Sequence[int | str]) -> FieldInfo | None:
    """Le champ de ``modele`` à l'endroit ``loc`` d'une erreur (rangs de listes sautés).

    >>> from recommandeur import Profil
    >>> info_du_champ(Profil, ("affectation", "nb_ecoles")).description
    "nombre d'écoles où la personne enseigne"
    """
    courant: Any = modele
    info: FieldInfo | None = None
    for element in loc:
        if isinstance(element, int) or element == "[key]":
            continue
        if not (isinstance(courant, type) and issubclass(courant, BaseModel)):
            return None
        info = courant.model_fields.get(str(element))
        if info is None:
            return None
        courant = modele_interne(info.annotation)
    return info


def plage_du_champ(
    modele: type[BaseModel], loc: Sequence[int | str], *, longueur: bool = False
) -> Plage | None:
    """La plage admise d'un champ : ses valeurs, ou ses longueurs si ``longueur``.

    >>> from recommandeur import Profil
    >>> str(plage_du_champ(Profil, ("ecole", "imse")))
    'de 1 à 10'
    >>> str(plage_du_champ(Profil, ("mesures_recues", 0, "mesure"), longueur=True))
    'de 1 à 80'
    """
    info = info_du_champ(modele, loc)
    if info is None:
        return None
    bornes: dict[str, Any] = {}
    for contrainte in info.metadata:
        genre = _BORNES.get(type(contrainte))
        if genre is None or (genre[1] in {"min_length", "max_length"}) != longueur:
            continue
        nom, attribut, exclu = genre
        bornes[nom], bornes[f"{nom}_exclu"] = getattr(contrainte, attribut), exclu
    return Plage(**bornes) if bornes else None


def attendu_de_l_erreur(
    erreur: Mapping[str, Any], modele: type[BaseModel], valeurs: list[str]
) -> Attendu:
    """Ce qui était attendu à l'endroit d'une erreur de pydantic : la phrase d'un type, les
    valeurs admises (``valeurs``, celles d'une énumération), la plage du champ ou le motif ;
    un validateur de la bibliothèque le dit lui-même (``ValeurInconnue.attendu``)."""
    genre = erreur["type"]
    ctx: Mapping[str, Any] = erreur.get("ctx") or {}
    if genre == "value_error":
        attendu: Attendu = getattr(ctx.get("error"), "attendu", None)
        return attendu
    if genre in TYPES:
        return TYPES[genre]
    if genre in {"enum", "literal_error"}:
        return tuple(valeurs)
    if genre in _BORNES_DE_VALEUR or genre in _LONGUEURS:
        plage = plage_du_champ(modele, tuple(erreur["loc"]), longueur=genre in _LONGUEURS)
        if plage is not None:
            return plage
        for cle, (nom, exclu) in _CLES_DU_CONTEXTE.items():
            if cle in ctx:
                return Plage(**{nom: ctx[cle], f"{nom}_exclu": exclu})
    if genre == "string_pattern_mismatch":
        return f"le motif {ctx.get('pattern')}"
    return None
