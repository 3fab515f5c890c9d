"""Lecture sûre des dossiers de données (catalogue, règles) : emplacement et fichiers TOML.

Un dossier de données vient de l'extérieur ; rien n'y est lu avant d'être vérifié :

- seuls les fichiers ``*.toml`` **ordinaires** sont lus : un tube nommé, un périphérique ou
  un dossier nommé ``x.toml`` est refusé sans être ouvert (un tube bloquerait la lecture) ;
- un lien symbolique n'est suivi que s'il reste **dans le dossier** ; sinon il est refusé, et
  rien de sa cible n'apparaît dans les messages ;
- la taille est vérifiée **avant** la lecture (un fichier creux de 30 Go n'est pas lu), et
  la lecture elle-même est bornée ; le nombre de fichiers et leur taille totale aussi ;
- un nom de fichier qui n'est pas de l'UTF-8 valide est écrit avec des échappements
  (``\\xff``) : les messages s'affichent toujours ;
- un TOML mal formé, trop imbriqué ou porteur d'un entier démesuré devient un problème qui
  nomme le fichier.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .erreurs import ErreurArgument, Probleme

#: Un dossier de données : un chemin, ou une ressource de paquet.
Dossier = str | Path | Traversable

#: Taille maximale d'un fichier de données lu (protège contre les fichiers démesurés).
TAILLE_MAX = 2_000_000
#: Taille totale maximale des fichiers d'un dossier.
TAILLE_TOTALE_MAX = 20_000_000
#: Nombre maximal de fichiers ``*.toml`` d'un dossier.
FICHIERS_MAX = 200


def dossier_livre(nom: str) -> Traversable:
    """Le dossier ``catalogue`` ou ``regles`` livré avec la bibliothèque.

    Dans une installation (roue), il est dans le paquet ; dans une copie de travail
    installée en mode éditable, c'est le dossier à la racine du dépôt.

    >>> dossier_livre("catalogue").is_dir()
    True
    """
    paquet = Path(__file__).resolve().parents[1]  # ce que donne resources.files("recommandeur")
    if (dans_le_paquet := paquet / "_donnees" / nom).is_dir():
        return dans_le_paquet
    if (depot := paquet.parents[1] / nom).is_dir():
        return depot
    from importlib import resources  # un paquet hors du système de fichiers (une archive)

    ressource = resources.files("recommandeur").joinpath("_donnees", nom)
    if ressource.is_dir():
        return ressource
    raise FileNotFoundError(f"dossier de données {nom!r} introuvable dans le paquet installé")


def en_dossier(dossier: Dossier, argument: str = "dossier") -> Traversable:
    """Normalise un dossier donné par l'appelant ; :class:`ErreurArgument` si ce n'en est pas un.

    >>> en_dossier(["a", "b"], "surcouche")
    Traceback (most recent call last):
    ...
    recommandeur.ErreurArgument: surcouche : attendu un dossier (chemin : str ou Path), reçu ['a', 'b']
    """
    if isinstance(dossier, str | os.PathLike):
        return Path(dossier)
    if isinstance(dossier, Traversable):
        return dossier
    raise ErreurArgument(argument, "un dossier (chemin : str ou Path)", dossier)


def affichable(nom: str) -> str:
    """Un nom de fichier affichable : les octets qui ne sont pas de l'UTF-8 sont échappés.

    >>> affichable(os.fsdecode(b"r\\xe8gles.toml"))
    'r\\\\xe8gles.toml'
    """
    return os.fsencode(nom).decode("utf-8", "backslashreplace")


def raison(exc: OSError) -> str:
    """La raison d'une erreur du système, en français.

    >>> raison(FileNotFoundError(2, "No such file or directory"))
    'fichier introuvable'
    """
    return {
        errno.ENOENT: "fichier introuvable",
        errno.EACCES: "permission refusée",
        errno.EPERM: "opération non permise",
        errno.ELOOP: "trop de liens symboliques (ou une boucle)",
        errno.ENAMETOOLONG: "nom de fichier trop long",
        errno.EISDIR: "c'est un dossier",
        errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    }.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def _lire_fichier(chemin: Path, racine: Path, nom: str) -> bytes | Probleme:
    """Les octets d'un fichier du dossier, ou le problème qui empêche de le lire sans risque."""
    try:
        if chemin.is_symlink():
            cible = chemin.resolve(strict=True)
            if not cible.is_relative_to(racine):
                return Probleme("lien symbolique qui sort du dossier : refusé", fichier=nom)
    except RuntimeError:  # Path.resolve : boucle de liens (Python 3.11)
        return Probleme("lecture impossible : boucle de liens symboliques", fichier=nom)
    except OSError as exc:
        return Probleme(f"lecture impossible : {raison(exc)}", fichier=nom)
    return lire_octets(chemin, TAILLE_MAX, nom)


def lire_octets(chemin: str | Path, taille_max: int, nom: str | None = None) -> bytes | Probleme:
    """Les octets d'un fichier **ordinaire**, au plus ``taille_max`` ; sinon le problème.

    Le lecteur unique de tous les fichiers que la bibliothèque lit (règles, catalogue,
    surcouches, effectifs, profils de la commande) :

    - un tube nommé, un périphérique (``/dev/zero``), un dossier sont refusés sans être lus
      (l'ouverture est non bloquante, puis vérifiée sur le descripteur ouvert) ;
    - une boucle de liens symboliques, un fichier absent ou interdit deviennent un problème
      en français ;
    - la taille est bornée **pendant la lecture** (la taille annoncée par le système peut
      être fausse : ``/proc``, un fichier qui grandit).

    >>> str(lire_octets("/dev/zero", 10, "zero.csv"))
    "zero.csv : n'est pas un fichier ordinaire (tube nommé, périphérique ou dossier) : refusé"
    """
    nom = affichable(str(chemin)) if nom is None else nom
    try:
        etat = os.stat(chemin)
        if not stat.S_ISREG(etat.st_mode):
            return Probleme(NON_ORDINAIRE, fichier=nom)
        if etat.st_size > taille_max:
            return Probleme(_trop_grand(taille_max, etat.st_size), fichier=nom)
        descripteur = os.open(chemin, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        try:
            if not stat.S_ISREG(os.fstat(descripteur).st_mode):  # remplacé entre-temps
                return Probleme(NON_ORDINAIRE, fichier=nom)
            return lire_borne(descripteur, taille_max, nom)
        finally:
            os.close(descripteur)
    except OSError as exc:
        return Probleme(f"lecture impossible : {raison(exc)}", fichier=nom)
    except ValueError:  # un octet nul dans le chemin
        return Probleme("lecture impossible : nom de fichier invalide", fichier=nom)


#: Le refus d'un fichier qui n'est pas un fichier ordinaire.
NON_ORDINAIRE = "n'est pas un fichier ordinaire (tube nommé, périphérique ou dossier) : refusé"


def _trop_grand(taille_max: int, taille: int | None = None) -> str:
    if taille is None:
        return f"fichier trop grand (plus de {taille_max} octets)"
    return f"fichier trop grand ({taille} octets, au plus {taille_max})"


def lire_borne(descripteur: int, taille_max: int, nom: str) -> bytes | Probleme:
    """Lit un descripteur jusqu'à la fin, ou jusqu'à dépasser ``taille_max`` (un problème).

    >>> lecture, ecriture = os.pipe()
    >>> os.write(ecriture, b"abcdef"), os.close(ecriture)
    (6, None)
    >>> str(lire_borne(lecture, 4, "-"))
    '- : fichier trop grand (plus de 4 octets)'
    """
    morceaux: list[bytes] = []
    lus = 0
    while True:
        morceau = os.read(descripteur, min(1 << 20, taille_max + 1 - lus))
        if not morceau:
            return b"".join(morceaux)
        lus += len(morceau)
        if lus > taille_max:
            return Probleme(_trop_grand(taille_max), fichier=nom)
        morceaux.append(morceau)


def _octets(dossier: Traversable, problemes: list[Probleme]) -> Iterator[tuple[str, bytes]]:
    """Les fichiers ``*.toml`` du dossier, triés par nom : (nom affichable, octets)."""
    if isinstance(dossier, Path):
        racine_affichee = affichable(str(dossier))
        if not dossier.exists():
            problemes.append(Probleme("dossier introuvable", fichier=racine_affichee))
            return
        if not dossier.is_dir():
            problemes.append(Probleme("n'est pas un dossier", fichier=racine_affichee))
            return
        racine = dossier.resolve()
        try:
            noms = sorted(n for n in os.listdir(racine) if n.endswith(".toml"))
        except OSError as exc:
            problemes.append(
                Probleme(f"lecture impossible : {raison(exc)}", fichier=racine_affichee)
            )
            return
        if not noms:
            problemes.append(
                Probleme("aucun fichier .toml dans le dossier", fichier=racine_affichee)
            )
        if len(noms) > FICHIERS_MAX:
            problemes.append(
                Probleme(
                    f"trop de fichiers .toml ({len(noms)}, au plus {FICHIERS_MAX})",
                    fichier=racine_affichee,
                )
            )
            return
        total = 0
        for nom in noms:
            lu = _lire_fichier(racine / nom, racine, affichable(nom))
            if isinstance(lu, Probleme):
                problemes.append(lu)
                continue
            total += len(lu)
            if total > TAILLE_TOTALE_MAX:
                problemes.append(
                    Probleme(
                        f"dossier trop grand (plus de {TAILLE_TOTALE_MAX} octets de TOML)",
                        fichier=racine_affichee,
                    )
                )
                return
            yield affichable(nom), lu
        return
    if not dossier.is_dir():  # une ressource de paquet : les données livrées
        problemes.append(Probleme("dossier introuvable", fichier=str(dossier)))
        return
    entrees = sorted(
        (e for e in dossier.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name
    )
    if not entrees:
        problemes.append(Probleme("aucun fichier .toml dans le dossier", fichier=str(dossier)))
    for entree in entrees:
        yield entree.name, entree.read_bytes()


def octets_toml(dossier: Traversable, problemes: list[Probleme]) -> list[tuple[str, bytes]]:
    """Les octets des fichiers ``*.toml`` du dossier, tels que :func:`lire_toml` les lit.

    >>> [nom for nom, _ in octets_toml(dossier_livre("regles"), [])][-1]
    'version.toml'
    """
    return list(_octets(dossier, problemes))


def lire_toml(
    dossier: Traversable, problemes: list[Probleme]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Les fichiers ``*.toml`` du dossier, triés par nom, lus en tables.

    Un fichier refusé, illisible ou mal formé devient un :class:`Probleme` ajouté à
    ``problemes`` ; les autres sont lus.
    """
    import tomllib  # à l'usage : un moteur relu du cache ne lit pas de TOML

    from .toml_francais import probleme_toml

    for nom, octets in _octets(dossier, problemes):
        try:
            texte = octets.decode("utf-8")
        except UnicodeDecodeError as exc:
            problemes.append(
                Probleme(
                    f"encodage invalide : le fichier doit être en UTF-8 (octet {exc.start})",
                    fichier=nom,
                )
            )
            continue
        try:
            table = tomllib.loads(texte)
        except tomllib.TOMLDecodeError as exc:
            problemes.append(probleme_toml(exc, nom))
            continue
        except RecursionError:
            problemes.append(Probleme("TOML imbriqué trop profondément pour être lu", fichier=nom))
            continue
        except ValueError as exc:
            raison_ = (
                f"un entier a plus de {sys.get_int_max_str_digits()} chiffres"
                if "integer string conversion" in str(exc)
                else str(exc)
            )
            problemes.append(Probleme(f"TOML illisible : {raison_}", fichier=nom))
            continue
        yield nom, table
