"""Les entrées d'un dossier de données : sa version et ses tables ``[[genre]]``, avec leurs problèmes."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

from pydantic import BaseModel

from .erreurs import Probleme, suggerer
from .fichiers import lire_toml
from .messages import valider_entree

M = TypeVar("M", bound=BaseModel)


def lire_entrees(
    racine: Traversable,
    genres: tuple[str, ...],
    problemes: list[Probleme],
    uniques: tuple[str, ...] = (),
) -> tuple[str | None, list[tuple[str, str, int, dict[str, Any]]]]:
    """Lit un dossier de données : sa version et ses entrées ``[[genre]]``.

    Chaque fichier peut déclarer ``version`` (une seule fois dans tout le dossier) et des
    listes de tables ``[[genre]]`` ; un genre de ``uniques`` est une seule table ``[genre]``. Renvoie la version et les entrées
    ``(fichier, genre, rang, table)`` dans l'ordre des fichiers ; tout écart (clé de premier
    niveau inconnue, version répétée ou vide, entrée qui n'est pas une table) devient un
    :class:`Probleme` ajouté à ``problemes``.
    """
    admises = ("version", *genres, *uniques)
    version: str | None = None
    fichier_version = ""
    entrees: list[tuple[str, str, int, dict[str, Any]]] = []
    for nom, table in lire_toml(racine, problemes):
        for cle in table:
            if cle not in admises:
                problemes.append(
                    Probleme(
                        "clé de premier niveau inconnue",
                        fichier=nom,
                        champ=cle,
                        suggestions=suggerer(cle, admises),
                    )
                )
        if "version" in table:
            if not isinstance(table["version"], str) or not table["version"]:
                problemes.append(
                    Probleme(
                        "attendu une chaîne non vide",
                        fichier=nom,
                        champ="version",
                        valeur=table["version"],
                    )
                )
            elif version is not None:
                problemes.append(
                    Probleme(
                        f"version déjà déclarée dans {fichier_version}",
                        fichier=nom,
                        champ="version",
                        valeur=table["version"],
                    )
                )
            else:
                version, fichier_version = table["version"], nom
        for genre in (*genres, *uniques):
            if genre not in table:
                continue
            brutes = table[genre]
            if genre in uniques:
                if not isinstance(brutes, dict):
                    problemes.append(
                        Probleme(f"attendu une table [{genre}]", fichier=nom, champ=genre)
                    )
                    continue
                brutes = [brutes]
            if not isinstance(brutes, list):
                problemes.append(
                    Probleme(f"attendu une liste de tables [[{genre}]]", fichier=nom, champ=genre)
                )
                continue
            for rang, brute in enumerate(brutes):
                if isinstance(brute, dict) and profondeur(brute) > PROFONDEUR_MAX:
                    problemes.append(
                        Probleme(
                            f"imbrication trop profonde (au plus {PROFONDEUR_MAX} niveaux)",
                            fichier=nom,
                            id=identifiant(brute, genre, rang),
                        )
                    )
                elif isinstance(brute, dict):
                    entrees.append((nom, genre, rang, brute))
                else:
                    problemes.append(
                        Probleme("attendu une table", fichier=nom, champ=f"{genre}[{rang}]")
                    )
    if version is None and not problemes:
        problemes.append(Probleme("aucune version déclarée (clé 'version')", fichier=str(racine)))
    return version, entrees


def identifiant(brute: dict[str, Any], genre: str, rang: int, cle: str = "id") -> str:
    """L'identifiant d'une entrée brute (sa clé ``cle``), ou « genre n° N » s'il manque ou n'est
    pas une chaîne."""
    ident = brute.get(cle)
    return ident if isinstance(ident, str) else f"{genre} n° {rang + 1}"


def lire_identifiee(
    modele: type[M],
    nom: str,
    rang: int,
    brute: dict[str, Any],
    lues: dict[str, tuple[str, M]],
    problemes: list[Probleme],
    *,
    genre: str,
    cle: str = "id",
    prefixe: str = "",
    remplacer: bool = False,
    deja: str = "identifiant déjà défini dans {origine}",
) -> M | None:
    """Une entrée ``[[genre]]`` identifiée par sa clé ``cle``, validée en ``modele`` et rangée
    dans ``lues`` sous son identifiant, avec son origine (le fichier ``nom`` qui l'écrit).

    Renvoie l'entrée validée, ou ``None`` si elle ne l'est pas (ses problèmes ajoutés à
    ``problemes``, son identifiant dit ``prefixe`` + ``identifiant(brute, genre, rang, cle)``).
    Un identifiant déjà lu : avec ``remplacer``, la dernière entrée l'emporte ; sans, elle est
    refusée (« ``deja`` », avec l'origine de la première). Une surcouche a déjà remplacé les
    entrées de la base de même identifiant (``_catalogue.surcouche.fusionner``) : ce qui se
    répète ici se répète dans un même dossier.

    >>> from pydantic import BaseModel
    >>> class Essai(BaseModel):
    ...     id: str
    ...     n: int
    >>> lues: dict[str, tuple[str, Essai]] = {}
    >>> problemes: list[Probleme] = []
    >>> lire_identifiee(Essai, "a.toml", 0, {"id": "e", "n": 1}, lues, problemes, genre="essai")
    Essai(id='e', n=1)
    >>> lire_identifiee(Essai, "b.toml", 0, {"id": "e", "n": 2}, lues, problemes, genre="essai")
    Essai(id='e', n=2)
    >>> lues["e"][0], [p.message for p in problemes]
    ('a.toml', ['identifiant déjà défini dans a.toml'])
    >>> lire_identifiee(Essai, "b.toml", 0, {"id": "e", "n": 2}, lues, [], genre="essai",
    ...                 remplacer=True) and lues["e"]
    ('b.toml', Essai(id='e', n=2))
    >>> lire_identifiee(Essai, "c.toml", 4, {"n": 3}, lues, problemes, genre="essai") is None
    True
    >>> problemes[-1].id
    'essai n° 5'
    """
    ident = prefixe + identifiant(brute, genre, rang, cle)
    objet = valider_entree(modele, brute, problemes, fichier=nom, id=ident)
    if objet is None:
        return None
    valeur = getattr(objet, cle)
    if valeur in lues and not remplacer:
        problemes.append(
            Probleme(
                deja.format(origine=lues[valeur][0]),
                fichier=nom,
                id=valeur,
                champ=cle,
                valeur=valeur,
            )
        )
    else:
        lues[valeur] = (nom, objet)
    return objet


#: Profondeur d'imbrication maximale d'une entrée (tables et listes) d'un fichier de données.
PROFONDEUR_MAX = 40


def profondeur(valeur: Any) -> int:
    """La profondeur d'imbrication de tables et de listes, calculée sans récursion.

    >>> profondeur({"si": {"non": {"champ": "ordre"}}})
    3
    """
    maximum = 0
    pile: list[tuple[Any, int]] = [(valeur, 0)]
    while pile:
        courant, niveau = pile.pop()
        if isinstance(courant, dict):
            enfants = list(courant.values())
        elif isinstance(courant, list):
            enfants = courant
        else:
            continue
        maximum = max(maximum, niveau + 1)
        pile.extend((enfant, niveau + 1) for enfant in enfants)
    return maximum


def imbrication_excessive(valeur: Any, maximum: int = PROFONDEUR_MAX) -> str | None:
    """Ce qui rend une valeur impossible à parcourir : un cycle ou plus de ``maximum`` niveaux.

    Sans récursion, et chaque table ou liste n'est parcourue qu'une fois (une table partagée
    n'est pas un cycle).

    >>> d = {"a": 1}; d["moi"] = d
    >>> imbrication_excessive(d)
    'une table se contient elle-même (cycle)'
    >>> imbrication_excessive({"a": [[[1]]]}, maximum=3)
    'imbrication trop profonde (au plus 3 niveaux)'
    >>> imbrication_excessive({"ecole": {"imse": 9}}) is None
    True
    """
    sur_le_chemin: set[int] = set()
    vues: set[int] = set()
    pile: list[tuple[Any, int, bool]] = [(valeur, 1, False)]
    while pile:
        courant, niveau, sortie = pile.pop()
        if sortie:
            sur_le_chemin.discard(id(courant))
            continue
        if not isinstance(courant, dict | list | tuple | Mapping):
            continue
        if id(courant) in sur_le_chemin:
            return "une table se contient elle-même (cycle)"
        if id(courant) in vues:
            continue
        if niveau > maximum:
            return f"imbrication trop profonde (au plus {maximum} niveaux)"
        vues.add(id(courant))
        sur_le_chemin.add(id(courant))
        pile.append((courant, niveau, True))
        enfants = courant.values() if isinstance(courant, Mapping) else courant
        pile.extend((enfant, niveau + 1, False) for enfant in enfants)
    return None
