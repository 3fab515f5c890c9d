"""Lecture des dossiers de données (catalogue, règles) : emplacement et fichiers TOML."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ._erreurs import Probleme

#: Un dossier de données : un chemin, ou une ressource de paquet.
Dossier = str | Path | Traversable

#: Taille maximale d'un fichier de données lu (protège contre les fichiers démesurés).
TAILLE_MAX = 2_000_000


def dossier_livre(nom: str) -> Traversable:
    """Le dossier ``catalogue`` ou ``regles`` livré avec la bibliothèque.

    Dans une installation (roue), il est dans le paquet ; dans une copie de travail
    installée en mode éditable, c'est le dossier à la racine du dépôt.

    >>> dossier_livre("catalogue").is_dir()
    True
    """
    dans_le_paquet = resources.files("recommandeur").joinpath("_donnees", nom)
    if dans_le_paquet.is_dir():
        return dans_le_paquet
    depot = Path(__file__).resolve().parents[2] / nom
    if depot.is_dir():
        return depot
    raise FileNotFoundError(f"dossier de données {nom!r} introuvable dans le paquet installé")


def en_dossier(dossier: Dossier) -> Traversable:
    """Normalise un dossier donné par l'appelant."""
    return Path(dossier) if isinstance(dossier, str) else dossier


def lire_toml(
    dossier: Traversable, fichiers: list[Probleme]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Les fichiers ``*.toml`` du dossier, triés par nom, lus en tables.

    Un fichier illisible ou mal formé devient un :class:`Probleme` ajouté à ``fichiers``.
    """
    if not dossier.is_dir():
        fichiers.append(Probleme("dossier introuvable", fichier=str(dossier)))
        return
    entrees = sorted(
        (e for e in dossier.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name
    )
    if not entrees:
        fichiers.append(Probleme("aucun fichier .toml dans le dossier", fichier=str(dossier)))
    for entree in entrees:
        try:
            octets = entree.read_bytes()
        except OSError as exc:
            fichiers.append(Probleme(f"lecture impossible : {exc.strerror}", fichier=entree.name))
            continue
        if len(octets) > TAILLE_MAX:
            fichiers.append(
                Probleme(
                    f"fichier trop grand ({len(octets)} octets, au plus {TAILLE_MAX})",
                    fichier=entree.name,
                )
            )
            continue
        try:
            texte = octets.decode("utf-8")
        except UnicodeDecodeError as exc:
            fichiers.append(Probleme(f"pas en UTF-8 (octet {exc.start})", fichier=entree.name))
            continue
        try:
            yield entree.name, tomllib.loads(texte)
        except tomllib.TOMLDecodeError as exc:
            fichiers.append(Probleme(f"TOML invalide : {exc}", fichier=entree.name))
