"""Les régions du domaine d'un champ entre des constantes : un représentant par région.

Une condition compilée ne compare un champ qu'à des constantes ; sa vérité ne dépend que de la
région où tombe la valeur entre ces constantes. L'analyse (:mod:`recommandeur._analyse.satisfiabilite`)
et « que faudrait-il ? » (:mod:`recommandeur._recommandation.leviers`) prennent un représentant
par région.
"""

from __future__ import annotations

from typing import Any

from .._profil.champs import CHAMPS, DECIMALES, Champ

__all__ = ["CHAMPS", "INCONNU", "representants"]


def representants(champ: Champ, constantes: set[Any]) -> list[Any]:
    """Un représentant par région du domaine du champ délimitée par les constantes.

    >>> representants(CHAMPS["ecole.imse"], {8})
    [1, 7, 8, 9, 10, <inconnu>]
    >>> representants(CHAMPS["ordre"], {"primaire"})[:2]
    ['prescolaire', 'primaire']
    """
    valeurs: list[Any]
    if champ.genre == "booleen":
        valeurs = [False, True]
    elif champ.genre == "choix":
        valeurs = list(champ.valeurs)
    elif champ.genre == "intensite":
        valeurs = [0, 1, 2, 3]
    else:
        entier = champ.genre == "entier"
        pas = 1 if entier else 10**-DECIMALES
        bas = champ.minimum if champ.minimum is not None else min(constantes, default=0) - pas
        haut = champ.maximum if champ.maximum is not None else max(constantes, default=0) + pas
        candidats = {bas, haut}
        for c in constantes:
            candidats |= {c - pas, c, c + pas}
        arrondir = (lambda x: int(x)) if entier else (lambda x: round(x, DECIMALES))
        valeurs = sorted({arrondir(x) for x in candidats if bas <= x <= haut})
    if champ.peut_etre_inconnu:
        valeurs.append(INCONNU)
    return valeurs


class _Inconnu:
    """Représente un champ inconnu (absent du fait)."""

    def __repr__(self) -> str:
        return "<inconnu>"


#: Le représentant « champ inconnu » (absent du fait).
INCONNU = _Inconnu()
