"""Les emplacements de rendu : un modèle affiche par une fonction que la couche de rendu fournit.

Un modèle (profil, catalogue, erreur, plan) ne connaît pas son affichage : sa méthode
``__str__`` ou ``_repr_html_`` appelle un emplacement, rempli par la couche de rendu
(``_rendu/rendus.py``, ``_programme/sorties/rendus.py``) quand elle est importée. Aucune importation
vers le haut, donc aucun cycle, même caché dans une fonction : un emplacement encore vide au
premier appel importe son fournisseur **par son nom** (le paquet s'importe paresseusement,
PEP 562 : ``import recommandeur`` n'importe plus tout).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class RenduNonFourni(RuntimeError):
    """Un emplacement appelé avant que la couche de rendu l'ait rempli (une faute du paquet)."""


class Rendu(Generic[P, R]):
    """Un emplacement de rendu : nommé, rempli une fois par :meth:`fournir`, appelé comme la fonction.

    Appelé vide, il importe d'abord son fournisseur (un module de ``recommandeur``), qui le remplit.

    >>> texte: Rendu[[int], str] = Rendu("texte d'un nombre", "tests")
    >>> texte(3)
    Traceback (most recent call last):
    ...
    recommandeur._base.rendus.RenduNonFourni: rendu « texte d'un nombre » non fourni : le module tests le fournit à l'importation de recommandeur
    >>> _ = texte.fournir(lambda n: f"{n} !")
    >>> texte(3)
    '3 !'
    """

    __slots__ = ("_fonction", "fournisseur", "nom")

    def __init__(self, nom: str, fournisseur: str) -> None:
        self.nom = nom
        self.fournisseur = fournisseur
        self._fonction: Callable[P, R] | None = None

    def fournir(self, fonction: Callable[P, R]) -> Callable[P, R]:
        """Remplit l'emplacement (la dernière fonction fournie l'emporte) ; rend ``fonction``."""
        self._fonction = fonction
        return fonction

    @property
    def fourni(self) -> bool:
        """L'emplacement est-il rempli ?"""
        return self._fonction is not None

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        if self._fonction is None and self.fournisseur.startswith("recommandeur."):
            importlib.import_module(self.fournisseur)  # le fournisseur remplit l'emplacement
        if self._fonction is None:
            raise RenduNonFourni(
                f"rendu « {self.nom} » non fourni : le module {self.fournisseur} le fournit "
                "à l'importation de recommandeur"
            )
        return self._fonction(*args, **kwargs)

    def __repr__(self) -> str:
        etat = "fourni" if self.fourni else "non fourni"
        return f"<Rendu « {self.nom} » {etat}>"
