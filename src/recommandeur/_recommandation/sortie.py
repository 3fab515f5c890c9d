"""La base des modèles de sortie : immuables, titres français, et construits sans revalidation."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict

from .._base.schema_json import nettoyer_schema
from .._profil.modeles import titre_francais


class _Sortie(BaseModel):
    model_config = ConfigDict(
        json_schema_extra=nettoyer_schema, frozen=True, field_title_generator=titre_francais
    )

    @classmethod
    def construire(cls, **champs: Any) -> Self:
        """Un résultat fait de valeurs déjà validées, **tous** ses champs donnés, sans validation.

        Comme ``model_construct`` (mêmes attributs internes de pydantic), mais sans chercher
        les valeurs par défaut : le pipeline donne chaque champ. Cinq fois plus rapide, et
        l'ensemble des champs donnés est partagé par tous les résultats d'une classe.
        """
        objet = cls.__new__(cls)
        _ecrire(objet, "__dict__", champs)
        _ecrire(objet, "__pydantic_fields_set__", cls._tous_les_champs())
        _ecrire(objet, "__pydantic_extra__", None)
        _ecrire(objet, "__pydantic_private__", None)
        return objet

    @classmethod
    def _tous_les_champs(cls) -> set[str]:
        champs: set[str] | None = cls.__dict__.get("_champs_donnes")
        if champs is None:
            champs = set(cls.model_fields)
            type.__setattr__(cls, "_champs_donnes", champs)
        return champs


_ecrire = object.__setattr__


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
