"""Les clés de sources : chaque mesure, acteur et règle renvoie au passage qui le fonde.

Les passages sont des données : des tables ``[[source]]`` (``cle``, ``fichier``, ``passage``)
du dossier du catalogue (livré : ``catalogue/sources.toml``). Un dossier de catalogue qui
n'en déclare aucune cite les passages livrés. Schéma des clés (voir ``docs/catalogue.md``) :

- ``annexe1/<universel|cible|individuel>/<lettre>`` : les items de l'Annexe 1 de
  ``001_eee18fa9e8195a6b.txt`` ;
- ``cnipe/niveau1`` à ``cnipe/niveau3`` : les trois niveaux de ``002_b4031a92842589cc.txt`` ;
- ``ppc/10.1`` à ``ppc/10.3`` : les objectifs de ``004_914e52ab2accb8ce.txt`` ;
- ``cssps/roles/<acteur>`` et ``cssps/<sujet>`` : le rapport de ``003_375575ca46760784.txt`` ;
- ``cnipe/mission`` et ``cnipe/axe<N>`` : ``000_9cba7f605acf9b41.txt``.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterator, Sequence

from .._base.entrees import lire_entrees, lire_identifiee
from .._base.erreurs import Probleme, suggerer
from .._base.fichiers import dossier_livre
from .documents import Document, lire_documents, titrer
from .modeles import Source


def lire_sources(
    entrees: Sequence[tuple[str, str, int, dict[str, object]]], problemes: list[Probleme]
) -> list[Source]:
    """Les ``[[source]]`` valides parmi des entrées lues ; les autres deviennent des problèmes."""
    sources: dict[str, tuple[str, Source]] = {}
    for nom, genre, rang, brute in entrees:
        if genre == "source":
            lire_identifiee(
                Source, nom, rang, brute, sources, problemes, genre="source", cle="cle",
                deja="clé de source déjà définie dans {origine}",
            )  # fmt: skip
    return [s for _, s in sources.values()]


#: Les tables ``[[genre]]`` d'un dossier de catalogue, et ses tables uniques ``[genre]``.
GENRES_DU_CATALOGUE = ("acteur", "mesure", "source", "document", "etape", "heures", "capacite")
UNIQUES_DU_CATALOGUE = ("ressources", "programme")


@functools.cache
def documents_livres() -> tuple[Document, ...]:
    """Les documents livrés (``[[document]]`` de ``catalogue/sources.toml``).

    >>> sorted(d.titre for d in documents_livres())[0]
    "l'Annexe 1"
    """
    problemes: list[Probleme] = []
    _, entrees = lire_entrees(
        dossier_livre("catalogue"), GENRES_DU_CATALOGUE, problemes, UNIQUES_DU_CATALOGUE
    )
    return tuple(lire_documents(entrees, problemes))


@functools.cache
def sources_livrees() -> tuple[Source, ...]:
    """Les passages livrés avec la bibliothèque (``catalogue/sources.toml``).

    >>> any(s.cle == "annexe1/individuel/b" for s in sources_livrees())
    True
    """
    problemes: list[Probleme] = []
    _, entrees = lire_entrees(
        dossier_livre("catalogue"), GENRES_DU_CATALOGUE, problemes, UNIQUES_DU_CATALOGUE
    )
    sources = titrer(
        lire_sources(entrees, problemes), lire_documents(entrees, problemes), problemes
    )
    if problemes:  # pragma: no cover - les données livrées sont vérifiées par les tests
        raise RuntimeError(f"sources livrées invalides : {problemes[0]}")
    return tuple(sources)


def verifier_cles(
    cles: Sequence[str],
    connues: Collection[str],
    *,
    fichier: str | None,
    id: str | None,
    champ: str = "sources",
) -> Iterator[Probleme]:
    """Les problèmes d'une liste de clés de sources : clé inconnue ou répétée.

    >>> [str(p) for p in verifier_cles(["cnipe/mision"], {"cnipe/mission"}, fichier="r.toml", id="x")]
    ["r.toml : [x] champ 'sources[0]' : clé de source inconnue (reçu : 'cnipe/mision') ; vouliez-vous dire 'cnipe/mission' ?"]
    """
    vues: set[str] = set()
    for rang, cle in enumerate(cles):
        if cle not in connues:
            yield Probleme(
                "clé de source inconnue",
                fichier=fichier,
                id=id,
                champ=f"{champ}[{rang}]",
                valeur=cle,
                suggestions=suggerer(cle, connues),
            )
        elif cle in vues:
            yield Probleme(
                "clé de source répétée",
                fichier=fichier,
                id=id,
                champ=f"{champ}[{rang}]",
                valeur=cle,
            )
        vues.add(cle)
