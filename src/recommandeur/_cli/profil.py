"""Le profil donné à la commande : un fichier ``.toml`` ou ``.json``, ou ``-`` (l'entrée standard).

Lu par le lecteur sûr de la bibliothèque (:func:`recommandeur._base.fichiers.lire_octets`) : un
tube nommé, un périphérique, une boucle de liens sont refusés, la taille est bornée pendant
la lecture ; chaque message est en français et nomme le fichier.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any, BinaryIO

from .._base.erreurs import ErreurRecommandeur, Probleme
from .._base.fichiers import affichable, lire_borne, lire_octets
from .._base.toml_francais import probleme_toml

#: Taille maximale d'un fichier de profil (un profil fait quelques Kio).
TAILLE_MAX_PROFIL = 1_000_000
#: Le nom de l'entrée standard dans les arguments et les messages.
ENTREE_STANDARD = "-"


class ErreurFichierProfil(ErreurRecommandeur):
    """Le fichier de profil est illisible ou mal formé."""


def lire_profil(chemin: str | Path, entree: BinaryIO | None = None) -> dict[str, Any]:
    """Lit un profil depuis un fichier ``.toml`` ou ``.json``, ou ``-`` : l'entrée standard.

    Sur l'entrée standard, le format se reconnaît au premier caractère : ``{`` pour JSON,
    sinon TOML.

    >>> import io
    >>> lire_profil("-", io.BytesIO(b'annees_experience = 1\\nordre = "primaire"'))
    {'annees_experience': 1, 'ordre': 'primaire'}
    >>> lire_profil("-", io.BytesIO(b'{"ordre": "primaire"}'))
    {'ordre': 'primaire'}
    """
    if str(chemin) == ENTREE_STANDARD:
        nom = "entrée standard"
        flux = entree if entree is not None else sys.stdin.buffer
        octets = _lire_flux(flux, nom)
        texte = _texte(octets, nom)
        format_ = "json" if texte.lstrip().startswith("{") else "toml"
    else:
        chemin = Path(chemin)
        nom = affichable(str(chemin))
        format_ = chemin.suffix.lower().lstrip(".")
        if format_ not in ("json", "toml"):
            raise ErreurFichierProfil(f"{nom} : extension inconnue ; attendu .toml ou .json")
        lus = lire_octets(chemin, TAILLE_MAX_PROFIL, nom)
        if isinstance(lus, Probleme):
            raise ErreurFichierProfil(str(lus))
        texte = _texte(lus, nom)
    return _analyser(texte, format_, nom)


def _lire_flux(flux: BinaryIO, nom: str) -> bytes:
    try:
        descripteur = flux.fileno()
    except (AttributeError, OSError, ValueError):
        lus = flux.read(TAILLE_MAX_PROFIL + 1)
        octets: bytes | Probleme = lus
        if len(lus) > TAILLE_MAX_PROFIL:
            octets = Probleme(
                f"fichier trop grand (plus de {TAILLE_MAX_PROFIL} octets)", fichier=nom
            )
    else:
        octets = lire_borne(descripteur, TAILLE_MAX_PROFIL, nom)
    if isinstance(octets, Probleme):
        raise ErreurFichierProfil(str(octets))
    return octets


def _texte(octets: bytes, nom: str) -> str:
    try:
        return octets.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ErreurFichierProfil(
            f"{nom} : encodage invalide : attendu UTF-8 (octet {exc.start}) ; "
            "enregistrer le fichier en UTF-8"
        ) from None


def _analyser(texte: str, format_: str, nom: str) -> dict[str, Any]:
    try:
        donnees = json.loads(texte) if format_ == "json" else tomllib.loads(texte)
    except json.JSONDecodeError as exc:
        raise ErreurFichierProfil(
            f"{nom} : JSON mal formé (ligne {exc.lineno}, colonne {exc.colno})"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ErreurFichierProfil(str(probleme_toml(exc, nom))) from None  # en français
    except RecursionError:
        raise ErreurFichierProfil(f"{nom} : imbriqué trop profondément pour être lu") from None
    except ValueError:
        raise ErreurFichierProfil(
            f"{nom} : un entier a plus de {sys.get_int_max_str_digits()} chiffres"
        ) from None
    if not isinstance(donnees, dict):
        raise ErreurFichierProfil(f"{nom} : attendu un objet (table) de profil")
    return donnees
