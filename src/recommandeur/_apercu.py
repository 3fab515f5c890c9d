"""L'aperçu borné d'une valeur fautive, pour les messages : sûr, court, sans récursion."""

from __future__ import annotations

import enum
import itertools


def repr_borne(valeur: object, longueur: int = 80) -> str:
    """Un aperçu court et sûr de ``valeur``, pour les messages d'erreur.

    Ne lève jamais et ne fait aucune récursion : le ``repr`` d'un objet inconnu n'est pas
    appelé (il pourrait lever ou boucler), un entier démesuré est résumé par son nombre de
    chiffres, les conteneurs sont parcourus jusqu'à ``longueur`` caractères.

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
            texte = _feuille(courant, longueur)
        morceaux.append(texte)
        taille += len(texte)
    resultat = "".join(morceaux)
    return resultat if len(resultat) <= longueur and not pile else resultat[: longueur - 3] + "..."


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
