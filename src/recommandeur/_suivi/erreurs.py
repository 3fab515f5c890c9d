"""``ErreurSuivi`` : une entrée du journal refusée, ou un fichier de journal illisible.

L'erreur porte en données l'entrée en cause (son genre et la personne), le champ, la valeur
reçue et une suggestion ; son message est construit à partir d'elles.
"""

from __future__ import annotations

from typing import Any

from .._base.apercu import repr_borne
from .._base.erreurs import ErreurRecommandeur


class ErreurSuivi(ErreurRecommandeur, ValueError):
    """Une entrée du journal de suivi refusée (rien n'est écrit), ou un journal illisible.

    ``entree`` nomme l'entrée (« revue de p-001 », « fichier suivi.sqlite »), ``champ`` le champ
    fautif, ``valeur`` la valeur reçue, ``suggestion`` ce qu'il faut faire (ou ``None``).

    >>> e = ErreurSuivi("revue de p-001", "mesure", "mentora", "débuter la mesure d'abord")
    >>> str(e)
    "revue de p-001 : champ 'mesure' (reçu : 'mentora') ; débuter la mesure d'abord"
    >>> e.champ, e.valeur
    ('mesure', 'mentora')
    """

    __module__ = "recommandeur"  # affichée recommandeur.ErreurSuivi, comme les autres

    _code = "suivi"

    def __init__(
        self,
        entree: str,
        champ: str,
        valeur: Any,
        suggestion: str | None = None,
        probleme: str | None = None,
    ) -> None:
        self.entree, self.champ, self.valeur = entree, champ, valeur
        self.suggestion, self.probleme = suggestion, probleme
        #: Pour ``to_dict()`` : le champ fautif et la suggestion, comme les autres erreurs.
        self.argument = champ
        self.suggestions: tuple[str, ...] = (suggestion,) if suggestion else ()
        texte = f"{entree} : champ '{champ}'"
        if probleme:
            texte += f" : {probleme}"
        texte += f" (reçu : {repr_borne(valeur)})"
        if suggestion:
            texte += f" ; {suggestion}"
        super().__init__(texte)

    def _message_du_probleme(self) -> str:
        return str(self)

    def __reduce__(self) -> tuple[object, ...]:
        simple = self.valeur is None or isinstance(self.valeur, str | int | float | bool)
        valeur = self.valeur if simple else repr_borne(self.valeur)
        return (type(self), (self.entree, self.champ, valeur, self.suggestion, self.probleme))
