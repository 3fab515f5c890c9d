"""Compilation d'une condition : vérification des types et forme normale négative.

Chaque condition est vérifiée contre les champs du profil (:mod:`recommandeur._profil.champs`)
et mise en forme normale négative en suivant la table des opérateurs : les ``non`` descendent
jusqu'aux comparaisons (``non (x >= 8)`` devient ``x < 8``), ``dans`` et ``hors`` se
développent en atomes, un paramètre est remplacé par sa valeur.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .._base.erreurs import ABSENT, suggerer
from .._profil.champs import CHAMPS, DECIMALES, INTENSITES, NOMBRE_MAX, Champ
from .declarations import Parametre
from .expressions import Atome, Et, Expression, Ou, Scalaire, aplatir
from .operateurs import OPERATEURS
from .syntaxe import Comparaison, Non, RefParametre, SeuilBesoin, Tous, UnDe


class Refus(Exception):
    """Une condition refusée : le message, le chemin dans la condition, la valeur, les suggestions."""

    def __init__(
        self, message: str, champ: str, valeur: object = ABSENT, suggestions: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.message, self.champ, self.valeur, self.suggestions = (
            message,
            champ,
            valeur,
            suggestions,
        )


_ATTENDUS = {
    "booleen": "un booléen",
    "entier": "un entier",
    "nombre": "un nombre",
}


def valeur_pour(champ: Champ, valeur: Any, chemin: str) -> Scalaire:
    """Convertit une valeur de règle au type du champ dans le fait, ou lève :class:`Refus`.

    >>> valeur_pour(CHAMPS["besoins.numerique"], "moderee", "si.valeur")
    2
    """
    attendu = _ATTENDUS.get(champ.genre) or (
        ("une des intensités " if champ.genre == "intensite" else "une des valeurs ")
        + ", ".join(champ.valeurs)
    )
    erreur = Refus(
        f"valeur de mauvais type pour le champ '{champ.nom}' ; attendu {attendu}", chemin, valeur
    )
    if champ.genre == "booleen":
        if not isinstance(valeur, bool):
            raise erreur
        return valeur
    if champ.genre == "entier":
        if isinstance(valeur, bool) or not isinstance(valeur, int):
            raise erreur
        if abs(valeur) >= NOMBRE_MAX:
            raise Refus(
                f"nombre hors des limites du moteur (moins de {NOMBRE_MAX:.0e} en valeur absolue)",
                chemin,
                valeur,
            )
        return valeur
    if champ.genre == "nombre":
        if isinstance(valeur, bool) or not isinstance(valeur, int | float):
            raise erreur
        if (
            not math.isfinite(valeur)
            or abs(valeur) >= NOMBRE_MAX
            or round(valeur, DECIMALES) != valeur
        ):
            raise Refus(
                f"nombre hors des limites du moteur (fini, au plus {DECIMALES} décimales, "
                f"moins de {NOMBRE_MAX:.0e} en valeur absolue)",
                chemin,
                valeur,
            )
        return float(valeur) + 0.0
    if not isinstance(valeur, str) or valeur not in champ.valeurs:
        raise Refus(erreur.message, chemin, valeur, suggerer(valeur, champ.valeurs))
    return INTENSITES[valeur] if champ.genre == "intensite" else valeur


def champ_du_profil(nom: str, chemin: str) -> Champ:
    """Le champ du profil nommé ``nom`` ; :class:`Refus` (au chemin ``chemin.champ``) sinon.

    >>> champ_du_profil("ecole.imse", "si").genre
    'entier'
    """
    champ = CHAMPS.get(nom)
    if champ is None:
        raise Refus("champ de profil inconnu", f"{chemin}.champ", nom, suggerer(nom, CHAMPS))
    return champ


def _comparaison(
    c: Comparaison, chemin: str, nie: bool, parametres: Mapping[str, Parametre]
) -> Expression:
    champ = champ_du_profil(c.champ, chemin)
    if isinstance(c.valeur, RefParametre):
        parametre = parametres.get(c.valeur.parametre)
        if parametre is None:
            raise Refus(
                "paramètre inconnu ; le déclarer dans une table [[parametre]] du dossier",
                f"{chemin}.valeur.parametre",
                c.valeur.parametre,
                suggerer(c.valeur.parametre, parametres),
            )
        if parametre.champ != champ.nom:
            # un seuil ne vaut que pour son champ : changer ``seuil_imse`` ne doit pas changer
            # en silence une règle sur le nombre d'écoles
            raise Refus(
                f"le paramètre '{parametre.id}' est un seuil du champ '{parametre.champ}', pas de "
                f"'{champ.nom}' ; utiliser un paramètre déclaré pour '{champ.nom}'",
                f"{chemin}.valeur.parametre",
                c.valeur.parametre,
                tuple(p.id for p in parametres.values() if p.champ == champ.nom),
            )
        c = Comparaison(champ=c.champ, op=c.op, valeur=parametre.valeur)
    operateur = OPERATEURS[c.op]
    if nie:
        operateur = OPERATEURS[operateur.contraire]
    if operateur.element is not None:
        if not isinstance(c.valeur, list) or not c.valeur:
            raise Refus(
                f"l'opérateur '{c.op}' attend une liste non vide", f"{chemin}.valeur", c.valeur
            )
        valeurs = [valeur_pour(champ, v, f"{chemin}.valeur[{i}]") for i, v in enumerate(c.valeur)]
        termes = tuple(Atome(champ.nom, operateur.element, v) for v in valeurs)
        return aplatir(Ou(termes) if operateur.liaison == "ou" else Et(termes))
    if isinstance(c.valeur, list):
        raise Refus(
            f"l'opérateur '{c.op}' attend une valeur simple, pas une liste ; "
            "pour une liste, utiliser 'dans' ou 'hors'",
            f"{chemin}.valeur",
            c.valeur,
        )
    if operateur.ordonne and not champ.ordonne:
        raise Refus(
            f"l'opérateur '{c.op}' ne s'applique pas au champ '{champ.nom}' "
            f"({champ.genre}) ; utiliser '==', '!=', 'dans' ou 'hors'",
            f"{chemin}.op",
            c.op,
        )
    return Atome(champ.nom, operateur.symbole, valeur_pour(champ, c.valeur, f"{chemin}.valeur"))


def normaliser(
    condition: Any,
    chemin: str = "si",
    nie: bool = False,
    parametres: Mapping[str, Parametre] | None = None,
    refus: list[Refus] | None = None,
) -> Expression:
    """Vérifie une condition de règle et la met en forme normale négative.

    Un seuil de besoin ``{besoin, au_moins}`` est la comparaison ``besoins.<besoin> >= au_moins`` ;
    une valeur ``{ parametre = "x" }`` est remplacée par celle du paramètre. Sans ``refus``, la
    première comparaison fautive lève :class:`Refus` ; avec, chaque comparaison fautive y est
    ajoutée et la vérification continue (l'expression rendue ne vaut alors rien).

    >>> trouves: list[Refus] = []
    >>> _ = normaliser(Tous(tous=[Comparaison(champ="x", op="==", valeur=1),
    ...                           Comparaison(champ="ordre", op="<", valeur="primaire")]), refus=trouves)
    >>> [r.champ for r in trouves]
    ['si.tous[0].champ', 'si.tous[1].op']
    """
    parametres = parametres or {}
    if isinstance(condition, Comparaison | SeuilBesoin):
        if isinstance(condition, SeuilBesoin):
            condition = Comparaison(
                champ=f"besoins.{condition.besoin.value}", op=">=", valeur=condition.au_moins.value
            )
        try:
            return _comparaison(condition, chemin, nie, parametres)
        except Refus as exc:
            if refus is None:
                raise
            refus.append(exc)
            return Atome(condition.champ, "==", False)
    if isinstance(condition, Non):
        return normaliser(condition.non, f"{chemin}.non", not nie, parametres, refus)
    if isinstance(condition, Tous | UnDe):
        membres, nom = (
            (condition.tous, "tous") if isinstance(condition, Tous) else (condition.un_de, "un_de")
        )
        termes = tuple(
            normaliser(c, f"{chemin}.{nom}[{i}]", nie, parametres, refus)
            for i, c in enumerate(membres)
        )
        conjonction = isinstance(condition, Tous) != nie
        return aplatir(Et(termes) if conjonction else Ou(termes))
    raise TypeError(f"condition inattendue : {condition!r}")
