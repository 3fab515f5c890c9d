"""Les justifications en français : valeurs du profil lisibles et gabarits des règles."""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

from ._champs import CHAMPS, LIBELLES_INTENSITES, Champ
from ._compilation import SYMBOLES, Atome

_FORMATEUR = string.Formatter()


def valeur_lisible(champ: Champ, valeur: Any) -> str:
    """Une valeur de fait écrite pour une personne.

    >>> valeur_lisible(CHAMPS["ecole.part_novices"], 0.45)
    '45 %'
    >>> valeur_lisible(CHAMPS["besoins.gestion_de_classe"], 3)
    'élevée'
    >>> valeur_lisible(CHAMPS["affectation.partage_de_tache"], True)
    'oui'
    >>> valeur_lisible(CHAMPS["qualification"], "non_legalement_qualifie")
    'non légalement qualifié·e (NLQ)'
    """
    if valeur is None:
        return "inconnu"
    if champ.genre == "booleen":
        return "oui" if valeur else "non"
    if champ.genre == "intensite":
        return LIBELLES_INTENSITES.get(int(valeur), str(valeur))
    if champ.genre == "choix":
        return dict(champ.libelles).get(str(valeur), str(valeur))
    if champ.genre == "nombre" and champ.maximum == 1.0:
        return f"{round(float(valeur) * 100, 1):g} %".replace(".", ",")
    if isinstance(valeur, float):
        return f"{valeur:g}".replace(".", ",")
    return str(valeur)


def rendre(gabarit: str, fait: Mapping[str, Any]) -> str:
    """Remplit un gabarit vérifié (voir ``verifier_gabarit``) avec les valeurs du fait.

    >>> rendre("IMSE de l'école : {ecole.imse}.", {"ecole.imse": 9})
    "IMSE de l'école : 9."
    """
    morceaux: list[str] = []
    for litteral, nom, _, _ in _FORMATEUR.parse(gabarit):
        morceaux.append(litteral)
        if nom is not None:
            morceaux.append(valeur_lisible(CHAMPS[nom], fait.get(nom)))
    return "".join(morceaux)


def fait_lisible(test: Atome, lue: Any) -> str:
    """Une comparaison et la valeur lue, pour la liste des faits d'une justification.

    >>> fait_lisible(Atome("ecole.imse", "gte", 8), 9)
    'ecole.imse = 9 (règle : ≥ 8)'
    """
    champ = CHAMPS[test.champ]
    attendu = valeur_lisible(champ, test.valeur)
    symbole = {"==": "=", "!=": "≠", "<=": "≤", ">=": "≥"}.get(SYMBOLES[test.op], SYMBOLES[test.op])
    return f"{test.champ} = {valeur_lisible(champ, lue)} (règle : {symbole} {attendu})"


def champs_du_gabarit(gabarit: str) -> tuple[str, ...]:
    """Les champs qu'un gabarit cite, dans l'ordre.

    >>> champs_du_gabarit("IMSE {ecole.imse}, part {ecole.part_novices}.")
    ('ecole.imse', 'ecole.part_novices')
    """
    return tuple(nom for _, nom, _, _ in _FORMATEUR.parse(gabarit) if nom is not None)
