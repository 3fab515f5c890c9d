"""La base des modèles de sortie : immuables, titres français, et construits sans revalidation."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict

from .._base.schema_json import nettoyer_schema
from .._profil.modeles import titre_francais


class _Sortie(BaseModel):
    model_config = ConfigDict(
        json_schema_extra=nettoyer_schema,
        frozen=True,
        field_title_generator=titre_francais,
        # le schéma au premier usage (JSON, validation) : une recommandation fait ses résultats
        # sans validation (construire), et un démarrage n'a pas à le construire (ticket 24)
        defer_build=True,
    )

    @classmethod
    def construire(cls, **champs: Any) -> Self:
        """Un résultat fait de valeurs déjà validées, **tous** ses champs donnés, sans validation.

        Comme ``model_construct`` (mêmes attributs internes de pydantic), mais sans chercher
        les valeurs par défaut : le pipeline donne chaque champ. Cinq fois plus rapide, et
        l'ensemble des champs donnés est partagé par tous les résultats d'une classe.
        """
        return cls.depuis_champs(champs)

    @classmethod
    def depuis_champs(cls, champs: dict[str, Any]) -> Self:
        """:meth:`construire` d'un dict de tous les champs, que le résultat garde (sans copie)."""
        objet = _nouveau(cls)
        _ecrire(objet, "__dict__", champs)
        donnes = _CHAMPS_DONNES.get(cls)
        if donnes is None:
            donnes = _CHAMPS_DONNES.setdefault(cls, set(cls.model_fields))
        _ecrire(objet, "__pydantic_fields_set__", donnes)
        _ecrire(objet, "__pydantic_extra__", None)
        _ecrire(objet, "__pydantic_private__", None)
        return objet


_ecrire = object.__setattr__
_nouveau = object.__new__
#: Pour chaque classe de sortie, l'ensemble de ses champs (tous donnés), partagé par ses objets.
_CHAMPS_DONNES: dict[type[_Sortie], set[str]] = {}


class ListeFigee(list[Any]):
    """Une liste qu'on ne peut plus modifier : celles des mesures recommandées partagées.

    Une mesure recommandée (et ses listes d'acteurs et de motifs) sert à plusieurs résultats :
    la modifier changerait les autres. C'est une ``list`` (le type public, le JSON et
    l'égalité ne changent pas) dont chaque modification lève :class:`TypeError`.

    >>> liste = ListeFigee([1, 2])
    >>> liste == [1, 2], isinstance(liste, list)
    (True, True)
    >>> liste.append(3)
    Traceback (most recent call last):
    ...
    TypeError: liste d'une mesure recommandée partagée entre résultats : immuable (en faire une copie : list(...))
    """

    __slots__ = ()

    def _refuser(self, *args: object, **kwargs: object) -> Any:
        raise TypeError(
            "liste d'une mesure recommandée partagée entre résultats : immuable "
            "(en faire une copie : list(...))"
        )

    append = extend = insert = remove = pop = clear = sort = reverse = _refuser
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuser

    def __reduce__(self) -> tuple[type[ListeFigee], tuple[list[Any]]]:
        return (ListeFigee, (list(self),))
