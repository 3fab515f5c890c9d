"""La lecture des fichiers d'effectifs : CSV (en-têtes français), JSON ou TOML, en lignes numérotées.

Chaque ligne lue garde où elle est (« ligne 4 » d'un CSV, « élément n° 2 » d'un JSON,
« [[enseignant]] n° 3 » d'un TOML) pour que chaque problème la nomme.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._erreurs import Probleme

#: Taille maximale d'un fichier d'effectifs lu.
TAILLE_MAX = 50_000_000

#: Une ligne lue : (où elle est, ses valeurs par colonne).
Ligne = tuple[str, dict[str, Any]]


@dataclass
class Fichier:
    """Un fichier d'effectifs lu : son nom, ses en-têtes (CSV seulement) et ses lignes."""

    nom: str
    lignes: list[Ligne] = field(default_factory=list)
    entetes: list[str] = field(default_factory=list)


def lire_lignes(
    source: str | Path | Sequence[Mapping[str, Any]], genre: str, problemes: list[Probleme]
) -> Fichier:
    """Les lignes d'un fichier (``.csv``, ``.json``, ``.toml``) ou d'une liste de dicts.

    ``genre`` : ``enseignant`` ou ``ecole`` (la table TOML ``[[enseignant]]``, la clé JSON
    ``"enseignants"``). Un fichier illisible devient un problème ; rien n'en est lu.
    """
    if not isinstance(source, str | Path):
        lignes: list[Ligne] = []
        for rang, element in enumerate(source):
            if isinstance(element, Mapping):
                lignes.append((f"élément n° {rang + 1}", dict(element)))
            else:
                problemes.append(
                    Probleme(
                        "attendu un dict par ligne", fichier=genre, id=f"élément n° {rang + 1}"
                    )
                )
        return Fichier(f"{genre}s", lignes)
    chemin = Path(source)
    nom = chemin.name
    try:
        if chemin.stat().st_size > TAILLE_MAX:
            problemes.append(Probleme(f"fichier de plus de {TAILLE_MAX} octets", fichier=nom))
            return Fichier(nom)
        texte = chemin.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problemes.append(
            Probleme(f"encodage invalide : attendu UTF-8 (octet {exc.start})", fichier=nom)
        )
        return Fichier(nom)
    except OSError as exc:
        problemes.append(
            Probleme(f"fichier illisible : {exc.strerror or exc}", fichier=nom, code="fichier")
        )
        return Fichier(nom)
    suffixe = chemin.suffix.lower()
    if suffixe == ".csv":
        return _csv(texte, nom, problemes)
    if suffixe in (".json", ".toml"):
        return Fichier(nom, _tables(texte, suffixe, nom, genre, problemes))
    problemes.append(
        Probleme("extension inconnue ; attendu .csv, .json ou .toml", fichier=nom, valeur=suffixe)
    )
    return Fichier(nom)


def _csv(texte: str, nom: str, problemes: list[Probleme]) -> Fichier:
    premiere = texte.split("\n", 1)[0]
    separateur = ";" if premiere.count(";") > premiere.count(",") else ","
    lecteur = csv.reader(io.StringIO(texte), delimiter=separateur)
    try:
        entete = [c.strip() for c in next(lecteur)]
    except StopIteration:
        problemes.append(Probleme("fichier vide : attendu une ligne d'en-têtes", fichier=nom))
        return Fichier(nom)
    lignes: list[Ligne] = []
    try:
        for cellules in lecteur:
            numero = lecteur.line_num
            if not any(c.strip() for c in cellules):
                continue
            if len(cellules) > len(entete):
                problemes.append(
                    Probleme(
                        f"{len(cellules)} cellules pour {len(entete)} en-têtes",
                        fichier=nom,
                        id=f"ligne {numero}",
                        code="forme",
                    )
                )
                continue
            valeurs = {c: v for c, v in zip(entete, cellules, strict=False) if v.strip() != ""}
            lignes.append((f"ligne {numero}", valeurs))
    except csv.Error as exc:
        problemes.append(
            Probleme(f"CSV mal formé : {exc}", fichier=nom, id=f"ligne {lecteur.line_num}")
        )
    return Fichier(nom, lignes, entete)


def _tables(
    texte: str, suffixe: str, nom: str, genre: str, problemes: list[Probleme]
) -> list[Ligne]:
    try:
        donnees: Any = json.loads(texte) if suffixe == ".json" else tomllib.loads(texte)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        problemes.append(Probleme(f"{suffixe[1:].upper()} invalide : {exc}", fichier=nom))
        return []
    if isinstance(donnees, dict):
        cles = (f"{genre}s", genre)
        donnees = next((donnees[c] for c in cles if c in donnees), None)
    if not isinstance(donnees, list):
        attendu = (
            f"une liste, ou une table « {genre}s »"
            if suffixe == ".json"
            else f"des tables [[{genre}]]"
        )
        problemes.append(Probleme(f"attendu {attendu}", fichier=nom))
        return []
    etiquette = "élément" if suffixe == ".json" else f"[[{genre}]]"
    lignes: list[Ligne] = []
    for rang, element in enumerate(donnees):
        ou = f"{etiquette} n° {rang + 1}"
        if isinstance(element, dict):
            lignes.append((ou, element))
        else:
            problemes.append(Probleme("attendu une table", fichier=nom, id=ou))
    return lignes
