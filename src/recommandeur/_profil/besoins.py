"""La table des besoins déclarés d'un profil (immuable) et la lecture d'une clé de besoin."""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, Mapping
from typing import Annotated, Any

from pydantic import BeforeValidator, GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema

from .._base.erreurs import suggerer
from .._base.messages import ValeurInconnue
from .._vocabulaire import Besoin, Intensite
from .saisie import choix


def _cle_de_besoin(valeur: Any) -> Besoin:
    if type(valeur) is str:  # le cas ordinaire, lu dans une table faite une fois
        trouve = _BESOINS_PAR_VALEUR.get(valeur)
        if trouve is not None:
            return trouve
    valeurs = _VALEURS_BESOINS
    if isinstance(valeur, Besoin) or valeur in valeurs:
        return Besoin(valeur)
    texte = f"besoin inconnu ; attendu : {', '.join(valeurs)}"
    raise ValeurInconnue(texte, suggerer(valeur, valeurs), attendu=valeurs)


#: Les valeurs des besoins, dans l'ordre de l'énumération, et le besoin de chaque valeur.
_VALEURS_BESOINS: tuple[str, ...] = tuple(b.value for b in Besoin)
_BESOINS_PAR_VALEUR: dict[str, Besoin] = {b.value: b for b in Besoin}


def _besoin_facultatif(valeur: Any) -> Besoin | None:
    return None if valeur is None else _cle_de_besoin(valeur)


class Besoins(Mapping[Besoin, Intensite]):
    """Les besoins déclarés : une table immuable besoin → intensité.

    >>> b = Besoins({Besoin.NUMERIQUE: Intensite.ELEVEE})
    >>> b[Besoin.NUMERIQUE].libelle, len(b), b == {Besoin.NUMERIQUE: Intensite.ELEVEE}
    ('élevée', 1, True)
    """

    __slots__ = ("_table",)
    _table: dict[Besoin, Intensite]

    def __init__(self, table: Mapping[Besoin, Intensite] | None = None) -> None:
        object.__setattr__(self, "_table", dict(table or {}))

    def __getitem__(self, besoin: Besoin) -> Intensite:
        return self._table[besoin]

    def __iter__(self) -> Iterator[Besoin]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    # Les lectures de la table, en C (les méthodes de ``Mapping`` repassent par __getitem__).
    def __contains__(self, besoin: object) -> bool:
        return besoin in self._table

    def get(self, besoin: Besoin, defaut: Any = None) -> Any:
        return self._table.get(besoin, defaut)

    def items(self) -> ItemsView[Besoin, Intensite]:
        return self._table.items()

    def __hash__(self) -> int:
        return hash(frozenset(self._table.items()))

    def __eq__(self, autre: object) -> bool:
        return isinstance(autre, Mapping) and self._table == dict(autre.items())

    def __setattr__(self, nom: str, valeur: object) -> None:
        raise AttributeError("Besoins est immuable")

    def __reduce__(self) -> tuple[type[Besoins], tuple[dict[Besoin, Intensite]]]:
        return (Besoins, (dict(self._table),))  # pickle et copies : par __init__, pas __setattr__

    def __repr__(self) -> str:
        contenu = ", ".join(f"{b.value!r}: {i.value!r}" for b, i in self._table.items())
        return f"Besoins({{{contenu}}})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        table = handler.generate_schema(
            dict[
                Annotated[Besoin, BeforeValidator(_cle_de_besoin)],
                Annotated[Intensite, *choix(Intensite)],
            ]
        )
        return core_schema.no_info_after_validator_function(
            cls,
            table,
            serialization=core_schema.plain_serializer_function_ser_schema(
                dict, return_schema=table
            ),
        )
