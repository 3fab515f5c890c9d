"""L'aperçu borné d'une valeur fautive, pour les messages : sûr, court, sans récursion."""

from __future__ import annotations

import enum
import itertools
import math
from typing import Any


def repr_borne(valeur: object, longueur: int = 80, *, rien: str = "None") -> str:
    """Un aperçu court et sûr de ``valeur``, pour les messages d'erreur.

    Ne lève jamais et ne fait aucune récursion : le ``repr`` d'un objet inconnu n'est pas
    appelé (il pourrait lever ou boucler), un entier démesuré est résumé par son nombre de
    chiffres, les conteneurs sont parcourus jusqu'à ``longueur`` caractères ; ``rien`` écrit
    ``None`` (``"null"`` pour un client JSON : voir :func:`apercu`).

    >>> repr_borne("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."
    >>> repr_borne(10**5000)
    '<entier de 5001 chiffres>'
    >>> repr_borne({"a": [1, 2.5, None, True]})
    "{'a': [1, 2.5, None, True]}"
    >>> class Hostile:
    ...     def __repr__(self): raise RuntimeError("non")
    >>> repr_borne([Hostile()])
    '[<Hostile>]'
    """
    morceaux: list[str] = []
    taille = 0
    pile: list[object] = [valeur]
    while pile and taille <= longueur:
        courant = pile.pop()
        if isinstance(courant, _Texte):
            texte = courant.texte
        elif isinstance(courant, dict):
            elements: list[object] = [_Texte("{")]
            for rang, (cle, enfant) in enumerate(itertools.islice(courant.items(), longueur)):
                elements += [_Texte(", ")] if rang else []
                elements += [cle, _Texte(": "), enfant]
            pile.extend(reversed([*elements, _Texte("}")]))
            continue
        elif isinstance(courant, list | tuple | set | frozenset):
            ouvre, ferme = {list: ("[", "]"), tuple: ("(", ")")}.get(type(courant), ("{", "}"))
            elements = [_Texte(ouvre)]
            for rang, enfant in enumerate(itertools.islice(courant, longueur)):
                elements += [_Texte(", "), enfant] if rang else [enfant]
            if isinstance(courant, tuple) and len(courant) == 1:
                elements.append(_Texte(","))
            pile.extend(reversed([*elements, _Texte(ferme)]))
            continue
        else:
            texte = rien if courant is None else _feuille(courant, longueur)
        morceaux.append(texte)
        taille += len(texte)
    resultat = "".join(morceaux)
    return resultat if len(resultat) <= longueur and not pile else resultat[: longueur - 3] + "..."


def apercu(valeur: object, longueur: int = 80) -> str:
    """L'aperçu d'une valeur reçue dans un message : celui de :func:`repr_borne`, mais ``null``
    pour rien (un message peut aller à un client HTTP, qui a envoyé ``null``, pas ``None``).

    >>> apercu(None), apercu("x"), apercu([None, {"a": None}])
    ('null', "'x'", "[null, {'a': null}]")
    """
    return repr_borne(valeur, longueur, rien="null")


#: Les bornes d'une valeur en données (:func:`valeur_json`) : caractères d'une chaîne, éléments
#: en tout, profondeur des listes et tables.
CARACTERES_MAX, ELEMENTS_MAX, PROFONDEUR_MAX = 200, 50, 4


def valeur_json(valeur: object) -> Any:
    """La valeur elle-même, en JSON et bornée : ce que ``to_dict()`` donne d'une valeur fautive.

    Les nombres, chaînes, booléens et ``None`` restent ce qu'ils sont ; une chaîne est coupée à
    200 caractères (« … »), un entier démesuré ou un nombre non fini devient son aperçu (une
    chaîne) ; listes, tuples et tables font au plus 50 valeurs en tout (elles comprises), sur 4
    niveaux ; tout autre objet devient son aperçu sûr. Jamais de récursion sans fin ni de
    ``repr`` inconnu.

    >>> valeur_json({"a": (1, 2.5, None, True)}), valeur_json(10**5000), valeur_json(float("nan"))
    ({'a': [1, 2.5, None, True]}, '<entier de 5001 chiffres>', 'nan')
    >>> len(valeur_json(list(range(1000)))), len(valeur_json("x" * 1000))
    (49, 201)
    """
    budget = [ELEMENTS_MAX]

    def convertir(objet: object, profondeur: int) -> Any:
        budget[0] -= 1
        if objet is None or isinstance(objet, bool | str):
            return (
                objet
                if not isinstance(objet, str) or len(objet) <= CARACTERES_MAX
                else (objet[:CARACTERES_MAX] + "…")
            )
        if isinstance(objet, int):
            return objet if objet.bit_length() <= 64 else _feuille(objet, 80)
        if isinstance(objet, float):
            return objet if math.isfinite(objet) else repr(objet)
        if isinstance(objet, enum.Enum):
            return convertir(objet.value, profondeur)
        if profondeur < PROFONDEUR_MAX and isinstance(objet, dict):
            table = {}
            for cle, enfant in itertools.islice(objet.items(), ELEMENTS_MAX):
                if budget[0] <= 0:
                    break
                table[cle if isinstance(cle, str) else repr_borne(cle)] = convertir(
                    enfant, profondeur + 1
                )
            return table
        if profondeur < PROFONDEUR_MAX and isinstance(objet, list | tuple):
            elements = []
            for enfant in itertools.islice(objet, ELEMENTS_MAX):
                if budget[0] <= 0:
                    break
                elements.append(convertir(enfant, profondeur + 1))
            return elements
        return repr_borne(objet)

    return convertir(valeur, 0)


class _Texte:
    """Un morceau littéral de l'aperçu d'un conteneur."""

    __slots__ = ("texte",)

    def __init__(self, texte: str) -> None:
        self.texte = texte


def _feuille(valeur: object, longueur: int) -> str:
    if valeur is None or isinstance(valeur, bool | float):
        return repr(valeur)
    if isinstance(valeur, int):
        if valeur.bit_length() > 200:
            chiffres = len(str(abs(valeur))) if valeur.bit_length() < 10_000 else None
            if chiffres is None:
                chiffres = int(valeur.bit_length() * 0.30103) + 1
            return f"<entier de {chiffres} chiffres>"
        return repr(valeur)
    if isinstance(valeur, str):
        return repr(valeur[: longueur + 1])
    if isinstance(valeur, bytes):
        return repr(valeur[: longueur + 1])
    if isinstance(valeur, enum.Enum):
        return _feuille(valeur.value, longueur)
    return f"<{type(valeur).__name__}>"
