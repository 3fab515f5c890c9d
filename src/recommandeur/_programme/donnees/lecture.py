"""La lecture des fichiers d'effectifs : CSV (en-têtes français), JSON ou TOML, en lignes numérotées.

Chaque ligne lue garde où elle est (« ligne 4 » d'un CSV, « élément n° 2 » d'un JSON,
« [[enseignant]] n° 3 » d'un TOML) pour que chaque problème la nomme.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sys
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..._base.erreurs import ErreurArgument, Probleme
from ..._base.fichiers import affichable, lire_octets
from ..._base.toml_francais import probleme_toml

#: Taille maximale d'un fichier d'effectifs lu.
TAILLE_MAX = 50_000_000
#: Lignes (personnes ou écoles) au plus par fichier : le plus grand centre de services du
#: Québec compte une quinzaine de milliers d'enseignants. Borne la mémoire d'un plan
#: (docs/programme.md, « Mémoire »).
LIGNES_MAX = 200_000


def _trop_de_lignes(nom: str) -> Probleme:
    return Probleme(
        f"trop de lignes : au plus {LIGNES_MAX} par fichier (découper les effectifs)",
        fichier=nom,
        code="fichier",
    )


#: Une ligne lue : (où elle est, ses valeurs par colonne).
Ligne = tuple[str, dict[str, Any]]


@dataclass
class Fichier:
    """Un fichier d'effectifs lu : son nom, ses en-têtes (CSV seulement) et ses lignes."""

    nom: str
    lignes: list[Ligne] = field(default_factory=list)
    entetes: list[str] = field(default_factory=list)
    #: Faux si le fichier n'a pas pu être lu : les problèmes qui en dépendraient (« école
    #: inconnue » pour chaque personne) ne sont pas dits, seul celui du fichier l'est.
    lu: bool = True


def lire_lignes(
    source: str | Path | Sequence[Mapping[str, Any]], genre: str, problemes: list[Probleme]
) -> Fichier:
    """Les lignes d'un fichier (``.csv``, ``.json``, ``.toml``) ou d'une liste de dicts.

    ``genre`` : ``enseignant`` ou ``ecole`` (la table TOML ``[[enseignant]]``, la clé JSON
    ``"enseignants"``). Un fichier illisible devient un problème ; rien n'en est lu.
    """
    if not isinstance(source, str | Path | Sequence) or isinstance(source, bytes | bytearray):
        raise ErreurArgument(
            f"{genre}s", "un chemin de fichier (.csv, .json, .toml) ou une liste de dicts", source
        )
    if not isinstance(source, str | Path):
        lignes: list[Ligne] = []
        for rang, element in enumerate(source):
            if rang >= LIGNES_MAX:
                problemes.append(_trop_de_lignes(f"{genre}s"))
                return Fichier(f"{genre}s", lu=False)
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
    nom = affichable(chemin.name)
    octets = lire_octets(chemin, TAILLE_MAX, nom)
    if isinstance(octets, Probleme):
        problemes.append(dataclasses.replace(octets, code="fichier"))
        return Fichier(nom, lu=False)
    texte = decoder(octets, nom, problemes)
    if texte is None:
        return Fichier(nom, lu=False)
    suffixe = chemin.suffix.lower()
    if suffixe == ".csv":
        return _csv(texte, nom, problemes)
    if suffixe in (".json", ".toml"):
        tables = _tables(texte, suffixe, nom, genre, problemes)
        return Fichier(nom, tables or [], lu=tables is not None)
    problemes.append(
        Probleme("extension inconnue ; attendu .csv, .json ou .toml", fichier=nom, valeur=suffixe)
    )
    return Fichier(nom, lu=False)


def decoder(octets: bytes, nom: str, problemes: list[Probleme]) -> str | None:
    """Le texte UTF-8 (BOM admis) d'un fichier ; sinon un problème en une ligne, avec le remède.

    Un tableur enregistre souvent en Windows-1252 (Excel : « CSV (séparateur : point-virgule) »)
    ou en Latin-1 : c'est reconnu et dit, avec le geste qui corrige.

    >>> problemes = []
    >>> decoder("école".encode("cp1252"), "e.csv", problemes) is None
    True
    >>> print(problemes[0])
    e.csv : encodage Windows-1252 (ou Latin-1) reconnu, pas UTF-8 (ligne 1) : enregistrer en CSV UTF-8 (Excel : Enregistrer sous › CSV UTF-8)
    """
    try:
        return octets.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        ligne = octets.count(b"\n", 0, exc.start) + 1
        if octets[:2] in (b"\xff\xfe", b"\xfe\xff"):
            quoi = "encodage UTF-16 reconnu, pas UTF-8"
        elif _ressemble_a_windows_1252(octets):
            quoi = f"encodage Windows-1252 (ou Latin-1) reconnu, pas UTF-8 (ligne {ligne})"
        else:
            quoi = f"encodage invalide : attendu UTF-8 (ligne {ligne}, octet {exc.start})"
        problemes.append(
            Probleme(
                f"{quoi} : enregistrer en CSV UTF-8 (Excel : Enregistrer sous › CSV UTF-8)",
                fichier=nom,
                code="fichier",
            )
        )
        return None


def _ressemble_a_windows_1252(octets: bytes) -> bool:
    """Vrai si le texte se lit en Windows-1252 (ou Latin-1) sans caractère de contrôle."""
    try:
        texte = octets.decode("cp1252")
    except UnicodeDecodeError:
        texte = octets.decode("latin-1")
    return not any(unicodedata.category(c) == "Cc" and c not in "\t\r\n" for c in texte)


def _csv(texte: str, nom: str, problemes: list[Probleme]) -> Fichier:
    premiere = texte.split("\n", 1)[0]
    separateur = ";" if premiere.count(";") > premiere.count(",") else ","
    lecteur = csv.reader(io.StringIO(texte), delimiter=separateur)
    try:
        entete = [c.strip() for c in next(lecteur)]
    except StopIteration:
        problemes.append(Probleme("fichier vide : attendu une ligne d'en-têtes", fichier=nom))
        return Fichier(nom, lu=False)
    doubles = sorted({c for c in entete if c and entete.count(c) > 1})
    for colonne in doubles:
        problemes.append(
            Probleme(
                f"colonne en double ({entete.count(colonne)} fois) : une seule est permise",
                fichier=nom,
                id="ligne 1",
                champ=colonne,
                code="forme",
            )
        )
    if doubles:
        return Fichier(nom, entetes=entete, lu=False)
    lignes: list[Ligne] = []
    try:
        for cellules in lecteur:
            numero = lecteur.line_num
            if len(lignes) >= LIGNES_MAX:
                problemes.append(_trop_de_lignes(nom))
                return Fichier(nom, entetes=entete, lu=False)
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
) -> list[Ligne] | None:
    format_ = suffixe[1:].upper()
    try:
        donnees: Any = json.loads(texte) if suffixe == ".json" else tomllib.loads(texte)
    except json.JSONDecodeError as exc:
        problemes.append(
            Probleme(
                f"JSON invalide (ligne {exc.lineno}, colonne {exc.colno})",
                fichier=nom,
                code="fichier",
            )
        )
        return None
    except tomllib.TOMLDecodeError as exc:
        problemes.append(probleme_toml(exc, nom))  # en français, avec ligne et colonne
        return None
    except RecursionError:
        problemes.append(
            Probleme(
                f"{format_} imbriqué trop profondément pour être lu", fichier=nom, code="fichier"
            )
        )
        return None
    except ValueError:  # un entier démesuré (limite de conversion de Python)
        problemes.append(
            Probleme(
                f"{format_} illisible : un entier a plus de {sys.get_int_max_str_digits()} chiffres",
                fichier=nom,
                code="fichier",
            )
        )
        return None
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
        return None
    etiquette = "élément" if suffixe == ".json" else f"[[{genre}]]"
    lignes: list[Ligne] = []
    if len(donnees) > LIGNES_MAX:
        problemes.append(_trop_de_lignes(nom))
        return None
    for rang, element in enumerate(donnees):
        ou = f"{etiquette} n° {rang + 1}"
        if isinstance(element, dict):
            lignes.append((ou, element))
        else:
            problemes.append(Probleme("attendu une table", fichier=nom, id=ou))
    return lignes
