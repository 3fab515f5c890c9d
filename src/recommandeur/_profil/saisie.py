"""Le contrat de saisie du profil : des types stricts, et des conversions françaises documentées.

Un nombre est un nombre, un booléen un booléen : ``True`` n'est pas un entier, ``"5"`` ni
``b"5"`` ne sont des nombres, ``"yes"`` n'est pas un booléen. Seules ces conversions, écrites
pour les personnes, sont admises :

- un choix (ordre, statut, qualification, intensité) s'écrit avec ou sans accents, en
  majuscules ou minuscules, avec des espaces ou des traits d'union à la place des ``_`` :
  ``"élevée"``, ``"Modérée"``, ``"non légalement qualifié"`` ;
- un booléen s'écrit aussi ``"oui"`` ou ``"non"`` (majuscules admises) ;
- un entier peut être un nombre sans partie décimale (``2.0``) ;
- une part (``ecole.part_novices``) s'écrit aussi ``"0,45"`` (virgule décimale) ou en
  pourcentage, ``"45 %"`` (le nombre 45 est refusé, avec la correction).

Chaque conversion est définie par une expression régulière, la même dans le validateur et
dans le schéma JSON exporté : une valeur est admise si et seulement si le schéma l'admet.
"""

from __future__ import annotations

import enum
import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

import annotated_types
from pydantic import BeforeValidator, WithJsonSchema

from .._base.erreurs import suggerer
from .._base.messages import ValeurInconnue
from .._base.probleme import Plage

#: Les variantes admises d'une lettre (accents et majuscules).
_ACCENTS = {"a": "àâä", "c": "ç", "e": "éèêë", "i": "îï", "o": "ôö", "u": "ùûü"}


def _classe(caractere: str) -> str:
    if caractere == "_":
        return "[_ -]"
    if caractere.isalpha():
        variantes = caractere + _ACCENTS.get(caractere, "")
        return "[" + variantes + variantes.upper() + "]"
    return re.escape(caractere)


def motif_de_choix(valeurs: tuple[str, ...]) -> str:
    """L'expression régulière (ancrée) des écritures admises d'un choix.

    >>> motif_de_choix(("elevee",))
    '^(?:([eéèêëEÉÈÊË][lL][eéèêëEÉÈÊË][vV][eéèêëEÉÈÊË][eéèêëEÉÈÊË]))$'
    """
    return "^(?:" + "|".join("(" + "".join(map(_classe, v)) + ")" for v in valeurs) + ")$"


def _normaliser(texte: str) -> str:
    """Sans accents, en minuscules, ``_`` pour les espaces (pour les suggestions)."""
    sans = "".join(c for c in unicodedata.normalize("NFD", texte) if not unicodedata.combining(c))
    return re.sub(r"[ -]", "_", sans.lower())


E = TypeVar("E", bound=enum.Enum)


def convertisseur_de_choix(enumeration: type[E]) -> Callable[[Any], E]:
    """Le validateur d'un choix : un membre, ou une chaîne qui l'écrit (voir :func:`motif_de_choix`)."""
    membres = tuple(enumeration)
    valeurs = tuple(str(m.value) for m in membres)
    motif = re.compile(motif_de_choix(valeurs))
    attendu = ", ".join(valeurs)

    def convertir(valeur: Any) -> E:
        if isinstance(valeur, enumeration):
            return valeur
        if isinstance(valeur, str):
            trouve = motif.search(valeur)
            if trouve is not None and trouve.lastindex is not None:
                return membres[trouve.lastindex - 1]
            raise ValeurInconnue(
                f"valeur inconnue ; attendu : {attendu}",
                suggerer(_normaliser(valeur), valeurs),
                attendu=valeurs,
            )
        raise ValeurInconnue(f"attendu une chaîne parmi : {attendu}", attendu=valeurs, code="type")

    return convertir


def schema_de_choix(enumeration: type[enum.Enum]) -> dict[str, Any]:
    """Le schéma JSON d'un choix : les valeurs, ou une écriture admise."""
    valeurs = tuple(str(m.value) for m in enumeration)
    return {
        "anyOf": [
            {"type": "string", "enum": list(valeurs)},
            {"type": "string", "pattern": motif_de_choix(valeurs)},
        ]
    }


def choix(enumeration: type[E]) -> tuple[BeforeValidator, WithJsonSchema]:
    """Les métadonnées d'un champ de choix (``Annotated[Ordre, *choix(Ordre)]``)."""
    return (
        BeforeValidator(convertisseur_de_choix(enumeration)),
        WithJsonSchema(schema_de_choix(enumeration)),
    )


def choix_facultatif(enumeration: type[E]) -> tuple[BeforeValidator, WithJsonSchema]:
    """Les métadonnées d'un choix qui peut rester inconnu (``null``)."""
    convertir = convertisseur_de_choix(enumeration)
    return (
        BeforeValidator(lambda valeur: None if valeur is None else convertir(valeur)),
        WithJsonSchema({"anyOf": [schema_de_choix(enumeration), {"type": "null"}]}),
    )


MOTIF_OUI_NON = "^(?:([Oo][Uu][Ii])|([Nn][Oo][Nn]))$"
#: Les écritures admises d'un booléen, pour ``attendu``.
OUI_NON = (True, False, "oui", "non")


def _booleen(valeur: Any) -> bool:
    if isinstance(valeur, bool):
        return valeur
    if isinstance(valeur, str):
        trouve = re.search(MOTIF_OUI_NON, valeur)
        if trouve is not None:
            return trouve.lastindex == 1
    raise ValeurInconnue(
        "attendu un booléen : true, false, « oui » ou « non »",
        attendu=OUI_NON,
        code="valeur_inconnue" if isinstance(valeur, str) else "type",
    )


def _booleen_facultatif(valeur: Any) -> bool | None:
    return None if valeur is None else _booleen(valeur)


def booleen_facultatif() -> tuple[BeforeValidator, WithJsonSchema]:
    """Les métadonnées d'un booléen qui peut rester inconnu (``null``)."""
    return (
        BeforeValidator(_booleen_facultatif),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "boolean"},
                    {"type": "string", "pattern": MOTIF_OUI_NON},
                    {"type": "null"},
                ]
            }
        ),
    )


#: Les métadonnées d'un booléen : ``true``, ``false``, ``"oui"``, ``"non"``.
BOOLEEN = (
    BeforeValidator(_booleen),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": MOTIF_OUI_NON}]}),
)


def _entier(valeur: Any) -> int:
    if isinstance(valeur, bool):
        raise ValeurInconnue(
            "attendu un entier (true et false ne sont pas des nombres)",
            attendu="un entier",
            code="type",
        )
    if isinstance(valeur, int):
        return valeur
    if isinstance(valeur, float) and math.isfinite(valeur) and valeur.is_integer():
        return int(valeur)
    raise ValeurInconnue("attendu un entier", attendu="un entier", code="type")


def _entier_facultatif(valeur: Any) -> int | None:
    return None if valeur is None else _entier(valeur)


def entier(
    minimum: int, maximum: int, *, facultatif: bool = False
) -> tuple[annotated_types.Ge, annotated_types.Le, BeforeValidator, WithJsonSchema]:
    """Les métadonnées d'un entier borné (un nombre sans partie décimale est admis).

    La seule déclaration de ses bornes : la validation (``Ge``, ``Le``), le schéma publié et
    les champs que lisent les règles les lisent toutes ici. ``facultatif`` : ``null``
    (inconnu) est aussi admis.

    >>> from typing import Annotated
    >>> from pydantic import TypeAdapter
    >>> bornes = Annotated[int, *entier(1, 20)]
    >>> TypeAdapter(bornes).json_schema(), TypeAdapter(bornes).validate_python(20.0)
    ({'maximum': 20, 'minimum': 1, 'type': 'integer'}, 20)
    """
    schema: dict[str, Any] = {"type": "integer", "minimum": minimum, "maximum": maximum}
    # les bornes avant la conversion : pydantic les pose sur l'entier, sous ``null`` admis
    bornes = annotated_types.Ge(minimum), annotated_types.Le(maximum)
    if facultatif:
        return (
            *bornes,
            BeforeValidator(_entier_facultatif),
            WithJsonSchema({"anyOf": [schema, {"type": "null"}]}),
        )
    return *bornes, BeforeValidator(_entier), WithJsonSchema(schema)


#: Les bornes d'une part, et sa plage (``attendu`` de ses erreurs) ; « 45 % » est aussi admis.
PART_MIN, PART_MAX = 0, 1
_DE_0_A_1 = Plage(PART_MIN, PART_MAX)
MOTIF_FRACTION = r"^(?:0|1|0[.,][0-9]{1,8}|1[.,]0{1,8})$"
MOTIF_POURCENTAGE = r"^(?:100(?:[.,]0{1,6})?|[0-9]{1,2}(?:[.,][0-9]{1,6})?)[ \u00a0\u202f]?%$"


def _part(valeur: Any) -> float | None:
    if valeur is None:
        return None
    if isinstance(valeur, bool):
        raise ValeurInconnue(
            "attendu un nombre de 0 à 1 (true et false ne sont pas des nombres)",
            attendu=_DE_0_A_1,
            code="type",
        )
    if isinstance(valeur, int | float):
        if not math.isfinite(valeur):
            raise ValeurInconnue(
                "attendu un nombre fini de 0 à 1", attendu=_DE_0_A_1, code="hors_limites"
            )
        if 1 < valeur <= 100:
            en_pourcentage = f"{valeur:g}".replace(".", ",")
            raise ValeurInconnue(
                f"doit être ≤ 1 : une part s'écrit de 0 à 1 ; pour {en_pourcentage} %, écrire "
                f"{valeur / 100:g} ou « {en_pourcentage} % »",
                attendu=_DE_0_A_1,
                code="hors_limites",
            )
        return float(valeur)
    if isinstance(valeur, str):
        if re.search(MOTIF_FRACTION, valeur):
            return float(valeur.strip().replace(",", "."))
        if re.search(MOTIF_POURCENTAGE, valeur):
            nombre = re.sub(r"[ \u00a0\u202f]?%\s*$", "", valeur).replace(",", ".")
            return float(nombre) / 100
    raise ValeurInconnue(
        "attendu un nombre de 0 à 1 (0.45 ou « 0,45 ») ou un pourcentage (« 45 % »)",
        attendu=_DE_0_A_1,
        code="forme" if isinstance(valeur, str) else "type",
    )


#: Les métadonnées d'une part de 0 à 1 facultative : 0.45, ``"0,45"``, ``"45 %"`` ou ``null``.
PART = (
    annotated_types.Ge(PART_MIN),
    annotated_types.Le(PART_MAX),
    BeforeValidator(_part),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": PART_MIN, "maximum": PART_MAX},
                {"type": "string", "pattern": MOTIF_FRACTION},
                {"type": "string", "pattern": MOTIF_POURCENTAGE},
                {"type": "null"},
            ]
        }
    ),
)


#: Une date du calendrier ``AAAA-MM-JJ`` (de 1900 à 2099), jours et années bissextiles compris :
#: le schéma JSON admet exactement les dates que la validation accepte.
MOTIF_DATE = (
    r"^(?:(?:19|20)[0-9]{2}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
    r"|(?:(?:19|20)(?:0[48]|[2468][048]|[13579][26])|2000)-02-29)$"
)


def _date_facultative(valeur: Any) -> date | None:
    if valeur is None:
        return None
    if isinstance(valeur, datetime):
        raise ValeurInconnue("attendu une date sans heure (AAAA-MM-JJ)")
    if isinstance(valeur, date):
        if not 1900 <= valeur.year <= 2099:
            raise ValeurInconnue("attendu une date de 1900 à 2099")
        return valeur
    if isinstance(valeur, str) and re.search(MOTIF_DATE, valeur):
        return date.fromisoformat(valeur)
    raise ValeurInconnue("attendu une date AAAA-MM-JJ (de 1900 à 2099), par exemple « 2026-11-20 »")


#: Les métadonnées d'une date facultative : ``datetime.date``, ``"2026-11-20"`` ou ``null``.
DATE_FACULTATIVE = (
    BeforeValidator(_date_facultative),
    WithJsonSchema(
        {"anyOf": [{"type": "string", "format": "date", "pattern": MOTIF_DATE}, {"type": "null"}]}
    ),
)
