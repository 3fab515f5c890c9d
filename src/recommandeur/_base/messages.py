"""Traduction des erreurs de validation de pydantic en problèmes lisibles, en français."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from enum import Enum
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from .attendus import TYPES, attendu_de_l_erreur
from .chemins import en_texte, regrouper
from .erreurs import ABSENT, Probleme, suggerer
from .probleme import Attendu

M = TypeVar("M", bound=BaseModel)

_NOMS_DE_TYPES = {
    "str": "une chaîne",
    "int": "un entier",
    "float": "un nombre",
    "bool": "un booléen",
    "list": "une liste",
    "dict": "une table",
    "NoneType": "rien (null)",
}


def _chemin(loc: Sequence[int | str]) -> str:
    morceaux: list[str] = []
    for element in loc:
        if isinstance(element, int):
            morceaux.append(f"[{element}]")
        elif element == "[key]":
            continue
        else:
            morceaux.append(("." if morceaux else "") + element)
    return "".join(morceaux)


def _champs_connus(modele: type[BaseModel], loc: Sequence[int | str]) -> list[str]:
    """Les noms de champs admis à l'endroit ``loc`` (pour suggérer sur un champ inconnu) ; dans
    une union, ceux de tous ses modèles."""
    candidats: list[type[BaseModel]] = [modele]
    for element in loc[:-1]:
        if isinstance(element, int):
            continue
        suivants: list[type[BaseModel]] = []
        for candidat in candidats:
            info = candidat.model_fields.get(str(element))
            if info is not None:
                suivants.extend(m for m in _modeles_internes(info.annotation) if m not in suivants)
        if suivants:
            candidats = suivants
        elif not any(element in c.model_fields for c in candidats):
            continue  # une étiquette d'union ou un membre : on reste sur place
    noms = [nom for c in candidats for nom, info in c.model_fields.items() if not info.exclude]
    return list(dict.fromkeys(noms))


def _modeles_internes(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    trouves: list[type[BaseModel]] = []
    for argument in get_args(annotation):
        trouves.extend(m for m in _modeles_internes(argument) if m not in trouves)
    return trouves


def _attendus(ctx: Mapping[str, Any]) -> list[str]:
    attendu = ctx.get("expected", "")
    if isinstance(attendu, str):
        return [
            morceau.strip(" '")
            for morceau in attendu.replace(" or ", ",").split(",")
            if morceau.strip(" '")
        ]
    return []


_CODES = {
    "missing": "manquant",
    "extra_forbidden": "champ_inconnu",
    "enum": "valeur_inconnue",
    "literal_error": "valeur_inconnue",
    "greater_than_equal": "hors_limites",
    "greater_than": "hors_limites",
    "less_than_equal": "hors_limites",
    "less_than": "hors_limites",
    "too_short": "longueur",
    "too_long": "longueur",
    "string_too_short": "longueur",
    "string_too_long": "longueur",
    "string_pattern_mismatch": "forme",
    "union_tag_invalid": "forme",
    "union_tag_not_found": "forme",
    "forme_condition": "forme",
}


def code_du_probleme(erreur: Mapping[str, Any]) -> str:
    """Le code stable (voir ``CODES``) d'une erreur de pydantic.

    >>> code_du_probleme({"type": "int_parsing"}), code_du_probleme({"type": "missing"})
    ('type', 'manquant')
    """
    genre = erreur["type"]
    if genre in TYPES or genre == "union_membres":
        return "type"
    cause = (erreur.get("ctx") or {}).get("error")
    if genre == "value_error" and isinstance(cause, ValeurInconnue):
        return cause.code
    return _CODES.get(genre, "invalide")


def message_francais(erreur: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    """Le message français et les suggestions pour une erreur de pydantic."""
    genre = erreur["type"]
    ctx: Mapping[str, Any] = erreur.get("ctx") or {}
    entree = erreur.get("input")
    if genre == "missing":
        return "champ obligatoire manquant", ()
    if genre == "union_membres":
        attendus = list(ctx.get("attendus", ()))
        liste = (
            ", ".join(attendus[:-1]) + " ou " + attendus[-1]
            if len(attendus) > 1
            else "".join(attendus)
        )
        return f"valeur de forme inattendue ; attendu {liste}", ()
    if genre == "extra_forbidden":
        return "champ inconnu", ()
    if genre in {"enum", "literal_error"}:
        attendus = _attendus(ctx)
        return f"valeur inconnue ; attendu : {', '.join(attendus)}", suggerer(entree, attendus)
    if genre in TYPES:
        if isinstance(entree, int) and not isinstance(entree, bool) and entree.bit_length() > 64:
            return "nombre démesuré", ()
        return (
            f"attendu {TYPES[genre]}, reçu {_NOMS_DE_TYPES.get(type(entree).__name__, type(entree).__name__)}",
            (),
        )
    bornes = {
        "greater_than_equal": ("ge", "≥"),
        "greater_than": ("gt", ">"),
        "less_than_equal": ("le", "≤"),
        "less_than": ("lt", "<"),
    }
    if genre in bornes:
        cle, signe = bornes[genre]
        return f"doit être {signe} {ctx.get(cle)}", ()
    if genre == "too_short":
        return f"doit contenir au moins {ctx.get('min_length')} élément(s)", ()
    if genre == "too_long":
        return f"doit contenir au plus {ctx.get('max_length')} élément(s)", ()
    if genre == "string_too_short":
        return "ne doit pas être vide", ()
    if genre == "string_too_long":
        return f"trop long : au plus {ctx.get('max_length')} caractères", ()
    if genre == "string_pattern_mismatch":
        return f"forme invalide ; attendu le motif {ctx.get('pattern')}", ()
    if genre == "value_error":
        cause = ctx.get("error")
        texte = str(cause) if cause is not None else str(erreur.get("msg", ""))
        suggestions: tuple[str, ...] = getattr(cause, "suggestions", ())
        return texte, suggestions
    if genre == "union_tag_invalid" or genre == "union_tag_not_found":
        return f"forme de condition inconnue ; attendu une de : {ctx.get('expected_tags', '')}", ()
    return str(erreur.get("msg", genre)), ()


def problemes_de_validation(
    exc: ValidationError,
    modele: type[BaseModel],
    *,
    fichier: str | None = None,
    id: str | None = None,
    prefixe: str = "",
    brute: Any = ABSENT,
) -> Iterator[Probleme]:
    """Convertit une ``ValidationError`` en problèmes qui nomment champ et valeur.

    Avec ``brute`` (les données validées), les chemins sont ceux que l'auteur a écrits
    (voir :mod:`recommandeur._base.chemins`).
    """
    erreurs: list[Any] = exc.errors(include_url=False)
    if brute is not ABSENT:
        erreurs = regrouper(erreurs, brute)
    lieux = [tuple(e["loc"]) for e in erreurs]
    for erreur in erreurs:
        loc = tuple(erreur["loc"])
        if erreur["type"] == "too_short" and any(
            autre[: len(loc)] == loc and len(autre) > len(loc) for autre in lieux
        ):
            continue  # une liste dont un élément est refusé : l'élément suffit à l'expliquer
        champ = prefixe + (en_texte(loc) if brute is not ABSENT else _chemin(loc))
        message, suggestions = message_francais(erreur)
        valeur: Any = erreur.get("input")
        if erreur["type"] == "extra_forbidden":
            loc_modele = tuple(erreur.get("loc_pydantic", loc))
            suggestions = suggerer(loc[-1], _champs_connus(modele, loc_modele)) if loc else ()
        code, attendu = (
            code_du_probleme(erreur),
            attendu_de_l_erreur(erreur, modele, _attendus(erreur.get("ctx") or {})),
        )
        if erreur["type"] == "missing":
            yield Probleme(message, fichier=fichier, id=id, champ=champ, code=code)
            continue
        if isinstance(valeur, Enum):
            valeur = valeur.value
        yield Probleme(
            message,
            fichier=fichier,
            id=id,
            champ=champ,
            valeur=valeur,
            suggestions=suggestions,
            code=code,
            attendu=attendu,
        )


def valider_entree(
    modele: type[M],
    brute: Any,
    problemes: list[Probleme],
    *,
    fichier: str | None = None,
    id: str | None = None,
) -> M | None:
    """L'entrée validée en ``modele`` ; sinon ``None``, ses problèmes ajoutés à ``problemes``.

    >>> from pydantic import BaseModel
    >>> class Essai(BaseModel):
    ...     n: int
    >>> problemes: list[Probleme] = []
    >>> valider_entree(Essai, {"n": "x"}, problemes, fichier="a.toml", id="e") is None
    True
    >>> [(p.fichier, p.id, p.champ) for p in problemes]
    [('a.toml', 'e', 'n')]
    """
    try:
        return modele.model_validate(brute)
    except ValidationError as exc:
        problemes.extend(problemes_de_validation(exc, modele, fichier=fichier, id=id, brute=brute))
        return None


class ValeurInconnue(ValueError):
    """Une ``ValueError`` d'un validateur, qui porte ses suggestions, ce qui était attendu (les
    valeurs admises, une plage ou une phrase) et le code du problème."""

    def __init__(
        self,
        message: str,
        suggestions: tuple[str, ...] = (),
        *,
        attendu: Attendu = None,
        code: str = "valeur_inconnue",
    ) -> None:
        super().__init__(message)
        self.suggestions, self.attendu, self.code = suggestions, attendu, code
