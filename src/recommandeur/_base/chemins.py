"""Les chemins d'erreur de pydantic dits dans les termes de l'auteur : les clés qu'il a écrites.

pydantic nomme dans ``loc`` des choses que l'auteur n'a pas écrites : l'étiquette d'une union
discriminée (``si.comparaison.op``, ``si.tous.tous[2]``) et le membre essayé d'une union
(``valeur.bool``, ``valeur.list[...]``, ``intervenants[0].IntervenantChoisi``). Ce module
suit ``loc`` dans les données reçues et ne garde que les clés et les rangs réellement écrits ;
les erreurs des membres d'une même union deviennent une seule erreur (« attendu un booléen,
un entier… »).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

#: Ce que pydantic écrit pour un membre d'union, et ce que l'auteur devait écrire.
_MEMBRES = {
    "bool": "un booléen",
    "int": "un entier",
    "float": "un nombre",
    "str": "une chaîne",
    "none": "rien",
    "RefParametre": "une table { parametre = … }",
    "IntervenantChoisi": "une table { acteur = …, role = … }",
}

_MEMBRE = re.compile(
    r"^(?:[A-Z]|(?:bool|int|float|str|bytes|none|list|dict|tuple|set|frozenset|union|function|"
    r"json|lax|chain|nullable|literal|enum|is-instance|constrained)\b)"
)


def est_membre(element: object) -> bool:
    """Vrai si ``element`` de ``loc`` nomme un membre d'union essayé par pydantic.

    >>> est_membre("bool"), est_membre("list[union[bool,int]]"), est_membre("op")
    (True, True, False)
    """
    return isinstance(element, str) and _MEMBRE.match(element) is not None


def libelle_membre(element: str) -> str:
    """Ce que l'auteur devait écrire pour un membre d'union.

    >>> libelle_membre("list[union[bool,int]]"), libelle_membre("int")
    ('une liste', 'un entier')
    """
    if element in _MEMBRES:
        return _MEMBRES[element]
    if element.startswith(("list[", "tuple[", "set[", "frozenset[")):
        return "une liste"
    if element.startswith("dict[") or element[:1].isupper():
        return "une table"
    return element


def chemin_auteur(loc: Sequence[int | str], brute: Any) -> tuple[tuple[int | str, ...], int | None]:
    """Le chemin de ``loc`` fait des seules clés et rangs écrits dans ``brute``, et la longueur du
    chemin au premier membre d'union sauté (``None`` s'il n'y en a pas).

    >>> brute = {"si": {"tous": [{"champ": "x", "op": "=>", "valeur": 1}]}}
    >>> chemin_auteur(("si", "tous", "tous", 0, "comparaison", "op"), brute)
    (('si', 'tous', 0, 'op'), None)
    >>> chemin_auteur(("si", "valeur", "bool"), {"si": {"valeur": {"x": 1}}})
    (('si', 'valeur'), 2)
    """
    garde: list[int | str] = []
    union: int | None = None
    courant: Any = brute
    for rang, element in enumerate(loc):
        suivant = loc[rang + 1] if rang + 1 < len(loc) else None
        if element == "[key]":
            continue
        if isinstance(element, int):
            garde.append(element)
            courant = courant[element] if _indexable(courant, element) else None
            continue
        if isinstance(courant, Mapping) and element in courant:
            enfant = courant[element]
            etiquette = isinstance(suivant, str) and (
                suivant in courant or not isinstance(enfant, Mapping)
            )
            if etiquette and not est_membre(suivant):
                continue  # l'étiquette d'une union discriminée qui porte le nom d'une clé
            garde.append(element)
            courant = enfant
            continue
        if est_membre(element):
            if union is None:
                union = len(garde)
            continue
        if suivant is None and (isinstance(courant, Mapping) or courant is None):
            garde.append(element)  # une clé manquante
        # sinon : l'étiquette d'une union discriminée (``comparaison``), que l'auteur n'écrit pas
    return tuple(garde), union


def _indexable(courant: Any, rang: int) -> bool:
    return isinstance(courant, list | tuple) and 0 <= rang < len(courant)


def en_texte(chemin: Sequence[int | str]) -> str:
    """``("recommande", 0, "mesure")`` → ``"recommande[0].mesure"``.

    >>> en_texte(("si", "tous", 2, "op"))
    'si.tous[2].op'
    """
    morceaux: list[str] = []
    for element in chemin:
        if isinstance(element, int):
            morceaux.append(f"[{element}]")
        else:
            morceaux.append(("." if morceaux else "") + element)
    return "".join(morceaux)


def regrouper(erreurs: Sequence[Mapping[str, Any]], brute: Any) -> list[dict[str, Any]]:
    """Les erreurs de pydantic avec ``loc`` dans les termes de l'auteur ; celles des membres d'une
    même union, fondues en une erreur ``union_membres`` (``ctx["attendus"]``).

    >>> erreurs = [
    ...     {"type": "bool_type", "loc": ("v", "bool"), "input": {}},
    ...     {"type": "int_type", "loc": ("v", "int"), "input": {}},
    ... ]
    >>> [(e["type"], e["loc"], e["ctx"]) for e in regrouper(erreurs, {"v": {}})]
    [('union_membres', ('v',), {'attendus': ['un booléen', 'un entier']})]
    """
    sorties: list[dict[str, Any]] = []
    unions: dict[tuple[int | str, ...], dict[str, Any]] = {}
    for erreur in erreurs:
        loc = tuple(erreur["loc"])
        chemin, union = chemin_auteur(loc, brute)
        if union is None:
            sorties.append({**erreur, "loc": chemin, "loc_pydantic": loc})
            continue
        cle = chemin[:union]
        membre = next(str(e) for e in loc if est_membre(e))
        libelle = libelle_membre(membre)
        fondue = unions.get(cle)
        if fondue is None:
            fondue = {
                "type": "union_membres",
                "loc": cle,
                "input": _valeur(brute, cle),
                "ctx": {"attendus": [libelle]},
                "_premiere": {**erreur, "loc": chemin, "loc_pydantic": loc},
                "_nombre": 1,
            }
            unions[cle] = fondue
            sorties.append(fondue)
        else:
            fondue["_nombre"] += 1
            if libelle not in fondue["ctx"]["attendus"]:
                fondue["ctx"]["attendus"].append(libelle)
    resultat: list[dict[str, Any]] = []
    for erreur in sorties:
        if erreur["type"] == "union_membres" and erreur["_nombre"] == 1:
            resultat.append(erreur["_premiere"])
        else:
            resultat.append({k: v for k, v in erreur.items() if not k.startswith("_")})
    return resultat


def _valeur(brute: Any, chemin: Sequence[int | str]) -> Any:
    courant = brute
    for element in chemin:
        lisible = (
            _indexable(courant, element)
            if isinstance(element, int)
            else isinstance(courant, Mapping) and element in courant
        )
        if not lisible:
            return None
        courant = courant[element]
    return courant
