"""Une partie d'un plan : un modèle pydantic figé, léger en mémoire.

Pydantic garde dans chaque instance l'ensemble des champs donnés (``model_fields_set``) : un
``set`` de 5 noms ou plus pèse 728 octets, plus que l'objet et son ``__dict__`` ensemble
(352). Un plan de 6 710 personnes compte 26 000 parties : 18 Mo de ces ensembles, tous pareils
d'une partie à l'autre (``bench/chiffres/province_decomposition.txt``). Les parties d'un plan
partagent donc un même ensemble par combinaison de champs donnés : une partie est figée,
pydantic ne change jamais son ensemble (il en fait une copie dans ``model_copy``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from .._base.schema_json import nettoyer_schema

#: Un ensemble de champs donnés par combinaison : quelques dizaines en tout.
_ENSEMBLES: dict[frozenset[str], set[str]] = {}


class Partie(BaseModel):
    """Une partie figée d'un plan, qui partage l'ensemble de ses champs donnés.

    >>> class Exemple(Partie):
    ...     a: int
    ...     b: int = 0
    >>> x, y = Exemple(a=1), Exemple.model_construct(a=2)
    >>> x.model_fields_set, x.model_fields_set is y.model_fields_set
    ({'a'}, True)
    >>> Exemple(a=1, b=2).model_fields_set is x.model_fields_set
    False
    """

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)

    def model_post_init(self, contexte: Any, /) -> None:
        donnes = self.__pydantic_fields_set__
        partage = _ENSEMBLES.setdefault(frozenset(donnes), donnes)
        object.__setattr__(self, "__pydantic_fields_set__", partage)
