"""Le moteur compilé en cache : le catalogue validé et les règles compilées, en JSON, par clé.

Lire et valider le TOML puis compiler les règles coûte l'essentiel d'une première
recommandation, une fois la bibliothèque importée. :meth:`Moteur.depuis` écrit ce résultat en
JSON (jamais pickle, rien d'évalué) et le relit au démarrage suivant, sous une **clé** faite :

- du contenu de chaque fichier ``*.toml`` que la construction lit (les dossiers donnés, les
  données livrées, le dossier de la surcouche), lu par le même lecteur qu'elle, et de leurs
  chemins ;
- de la version de la bibliothèque, d'une empreinte de son code (nom, taille et date de chaque
  module : une copie de travail modifiée ne relit pas le cache d'avant), des versions de
  Python et de pydantic.

Où : ``RECOMMANDEUR_CACHE`` (un dossier) ; ``RECOMMANDEUR_CACHE=0`` coupe le cache ; sinon le
dossier de cache de l'utilisateur (``$XDG_CACHE_HOME`` ou ``~/.cache``, ``~/Library/Caches``
sous macOS, ``%LOCALAPPDATA%`` sous Windows), sous-dossier ``recommandeur``. Écrit d'un coup
(un fichier voisin, puis un renommage) ; au plus :data:`GARDES` fichiers gardés. Un cache
illisible, tronqué, d'une autre clé ou modifié (empreinte SHA-256 du contenu) est ignoré et
réécrit ; le contenu relu est revalidé (:mod:`.forme_json`) ; un dossier non inscriptible ne
fait que priver du cache. Une surcouche donnée déjà lue (un objet ``Surcouche``) n'a pas de
fichiers à hacher : pas de cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
from collections.abc import Mapping
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pydantic

from .._base.ecriture import ecrire_atomique
from .._base.erreurs import Probleme
from .._base.fichiers import Dossier, dossier_livre, en_dossier, lire_octets, octets_toml
from .._catalogue.modeles import Catalogue
from .._langage.base import BaseDeRegles
from .forme_json import depuis_donnees_json, en_donnees_json

if TYPE_CHECKING:
    from .._catalogue.surcouche import Surcouche

#: La variable d'environnement qui déplace le cache (un dossier) ou le coupe (``0``).
VARIABLE = "RECOMMANDEUR_CACHE"
#: Le format des fichiers : un autre format est ignoré.
FORMAT = 1
#: Nombre de fichiers gardés dans le dossier (les plus anciens sont retirés).
GARDES = 16
#: Taille maximale d'un fichier de cache relu (le moteur livré en fait environ 180 ko).
TAILLE_MAX = 20_000_000
#: Le moteur compilé : catalogue, règles, et les paramètres que donne la surcouche.
Compile = tuple[Catalogue, BaseDeRegles, frozenset[str]]


def dossier_du_cache(environ: Mapping[str, str] = os.environ) -> Path | None:
    """Le dossier du cache, ou ``None`` s'il est coupé (``RECOMMANDEUR_CACHE=0``).

    >>> dossier_du_cache({"RECOMMANDEUR_CACHE": "0"}) is None
    True
    >>> dossier_du_cache({"RECOMMANDEUR_CACHE": "/tmp/cache"}), dossier_du_cache({"HOME": "/h"})
    (PosixPath('/tmp/cache'), PosixPath('/h/.cache/recommandeur'))
    """
    choisi = environ.get(VARIABLE)
    if choisi is not None:
        return None if choisi.strip() in {"", "0"} else Path(choisi)
    try:
        if sys.platform == "win32":  # pragma: no cover - la machine du projet est sous Linux
            racine = environ.get("LOCALAPPDATA") or str(_maison(environ) / "AppData" / "Local")
        elif sys.platform == "darwin":  # pragma: no cover
            racine = str(_maison(environ) / "Library" / "Caches")
        else:
            racine = environ.get("XDG_CACHE_HOME") or str(_maison(environ) / ".cache")
    except RuntimeError:  # ni HOME ni compte connu (un conteneur) : sans cache
        return None
    return Path(racine) / "recommandeur"


def _maison(environ: Mapping[str, str]) -> Path:
    return Path(environ["HOME"]) if environ.get("HOME") else Path.home()


def version_de_la_bibliotheque() -> str:
    """La version installée de la bibliothèque (``0+inconnue`` pour une copie non installée)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("recommandeur")
    except PackageNotFoundError:  # pragma: no cover - une copie de travail non installée
        return "0+inconnue"


@functools.cache
def empreinte_du_code() -> str:
    """Nom, taille et date de chaque module du paquet, hachés : change avec le code."""
    return empreinte_des_modules(str(Path(__file__).resolve().parents[1]))


def empreinte_des_modules(racine: str) -> str:
    """Nom, taille et date de chaque ``*.py`` sous ``racine`` (sous-dossiers compris, hors
    ``__pycache__``), hachés.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     vide = empreinte_des_modules(d)
    ...     _ = (Path(d) / "a.py").write_text("x = 1")
    ...     vide != empreinte_des_modules(d)
    True
    """
    elements, a_voir = [], [racine]
    while a_voir:
        with os.scandir(a_voir.pop()) as entrees:
            for e in entrees:
                if e.is_dir(follow_symlinks=False) and e.name != "__pycache__":
                    a_voir.append(e.path)
                elif e.name.endswith(".py"):
                    etat = e.stat()
                    elements.append((e.path[len(racine) :], etat.st_size, etat.st_mtime_ns))
    return hashlib.sha256(repr(sorted(elements)).encode()).hexdigest()


def _fichiers(dossier: Traversable) -> list[list[str]] | None:
    """Nom et SHA-256 de chaque ``*.toml`` lu, par le lecteur des données ; ``None`` si un
    fichier pose problème (la construction le dira)."""
    problemes: list[Probleme] = []
    fichiers = [
        [nom, hashlib.sha256(octets).hexdigest()] for nom, octets in octets_toml(dossier, problemes)
    ]
    return None if problemes else fichiers


def _chemin(dossier: Traversable) -> str:
    return str(dossier.resolve()) if isinstance(dossier, Path) else str(dossier)


def cle(
    catalogue: Dossier | None, regles: Dossier | None, surcouche: Dossier | Surcouche | None
) -> str | None:
    """La clé du moteur construit depuis ces dossiers, ou ``None`` s'il ne se met pas en cache.

    >>> cle(None, None, None) == cle(None, None, None) != cle(None, None, "exemples/surcouche_centre")
    True
    """
    if surcouche is not None and not isinstance(surcouche, str | os.PathLike | Traversable):
        return None  # une surcouche déjà lue (un objet Surcouche) : rien à hacher
    try:
        dossiers = {
            "catalogue": dossier_livre("catalogue") if catalogue is None else en_dossier(catalogue),
            "regles": dossier_livre("regles") if regles is None else en_dossier(regles),
            "catalogue_livre": dossier_livre("catalogue"),
            "regles_livrees": dossier_livre("regles"),
        }
        if surcouche is not None:
            dossiers["surcouche"] = en_dossier(surcouche)
        donnees: list[Any] = []
        lus: dict[str, list[list[str]] | None] = {}  # les données livrées, lues une fois
        for role, dossier in dossiers.items():
            chemin = _chemin(dossier)
            if chemin not in lus:
                lus[chemin] = _fichiers(dossier)
            if (fichiers := lus[chemin]) is None:
                return None
            donnees.append([role, chemin, fichiers])
    except (OSError, ValueError, TypeError):  # ErreurArgument : la construction le dira
        return None
    identite = {
        "format": FORMAT,
        "bibliotheque": version_de_la_bibliotheque(),
        "code": empreinte_du_code(),
        "python": list(sys.version_info[:2]),
        "pydantic": pydantic.VERSION,
        "donnees": donnees,
    }
    return hashlib.sha256(json.dumps(identite, sort_keys=True).encode()).hexdigest()


def _fichier(dossier: Path, cle_: str) -> Path:
    return dossier / f"moteur-{cle_[:40]}.json"


def _refuser_constante(nom: str) -> object:
    raise ValueError(f"constante non JSON : {nom}")


def lire(cle_: str) -> Compile | None:
    """Le moteur compilé gardé sous cette clé, revalidé ; ``None`` s'il n'y en a pas de sûr."""
    dossier = dossier_du_cache()
    if dossier is None:
        return None
    octets = lire_octets(_fichier(dossier, cle_), TAILLE_MAX)
    if isinstance(octets, Probleme):
        return None
    entete, _, contenu = octets.partition(b"\n")
    try:
        tete = json.loads(entete)
        if tete != {
            "format": FORMAT,
            "cle": cle_,
            "empreinte": hashlib.sha256(contenu).hexdigest(),
        }:
            return None
        donnees = json.loads(contenu, parse_constant=_refuser_constante)
        catalogue, base = depuis_donnees_json(donnees)
        parametres = donnees["parametres_de_la_surcouche"]
        if not (isinstance(parametres, list) and all(isinstance(p, str) for p in parametres)):
            return None
        return catalogue, base, frozenset(parametres)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        return None


def ecrire(cle_: str, compile_: Compile) -> None:
    """Garde le moteur compilé sous cette clé (d'un coup) ; un dossier non inscriptible : rien."""
    dossier = dossier_du_cache()
    if dossier is None:
        return
    catalogue, base, parametres = compile_
    donnees = {
        **en_donnees_json(catalogue, base),
        "parametres_de_la_surcouche": sorted(parametres),
    }
    contenu = json.dumps(donnees, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    octets = contenu.encode("utf-8")
    entete = {"format": FORMAT, "cle": cle_, "empreinte": hashlib.sha256(octets).hexdigest()}
    try:
        dossier.mkdir(parents=True, exist_ok=True)
        ecrire_atomique(_fichier(dossier, cle_), json.dumps(entete).encode() + b"\n" + octets)
        _elaguer(dossier)
    except (OSError, ValueError):  # non inscriptible, plein, nom invalide : sans cache
        return


def _elaguer(dossier: Path) -> None:
    """Ne garde que les :data:`GARDES` fichiers les plus récents."""
    fichiers = []
    for f in dossier.glob("moteur-*.json"):
        with contextlib.suppress(OSError):
            fichiers.append((f.stat().st_mtime_ns, f))
    for _, f in sorted(fichiers, reverse=True)[GARDES:]:
        with contextlib.suppress(OSError):
            f.unlink()
