"""La reprise d'une province (``--reprendre``) : un centre déjà écrit et inchangé n'est pas refait.

Après les exports d'un centre, un témoin ``.province.json`` est écrit **en dernier** dans son
dossier de sortie : l'empreinte de ce qui fait le plan (les octets de chaque fichier lu, le
moteur effectif en JSON — catalogue, règles et surcouche —, la version de la bibliothèque, les
options et la date du plan), l'empreinte de chaque fichier écrit, et sa ligne du
récapitulatif. Un centre est repris tel quel seulement si l'empreinte est la même et que ses
fichiers écrits sont là, inchangés ; sinon il est refait (son témoin retiré d'abord : un arrêt
en cours d'écriture ne laisse jamais un centre « fait » à moitié écrit).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..._base.ecriture import ecrire_atomique
from ..._base.fichiers import lire_octets
from ..donnees.lecture import TAILLE_MAX
from .recapitulatif import LigneProvince

#: Le témoin d'un centre fait, dans son dossier de sortie.
TEMOIN = ".province.json"
#: La forme du témoin (changée : tout est refait).
FORME = 1


def empreinte_des_octets(octets: bytes) -> str:
    """L'empreinte SHA-256 d'octets.

    >>> empreinte_des_octets(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(octets).hexdigest()


def empreinte_du_centre(
    fichiers: Iterable[tuple[str, Path]], moteur_json: str, reglages: Mapping[str, Any]
) -> str | None:
    """L'empreinte de ce qui fait le plan d'un centre ; ``None`` si un fichier ne se lit pas
    (le plan le dira, avec son problème).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = Path(d) / "e.csv"
    ...     _ = f.write_text("a")
    ...     un = empreinte_du_centre([("e.csv", f)], "{}", {"date": "2026-12-04"})
    ...     _ = f.write_text("b")
    ...     un == empreinte_du_centre([("e.csv", f)], "{}", {"date": "2026-12-04"})
    False
    """
    h = hashlib.sha256()
    h.update(json.dumps({"forme": FORME, **reglages}, sort_keys=True, default=str).encode())
    h.update(empreinte_des_octets(moteur_json.encode("utf-8")).encode())
    for nom, chemin in fichiers:
        octets = lire_octets(chemin, TAILLE_MAX)
        if not isinstance(octets, bytes):
            return None
        h.update(f"\0{nom}\0{empreinte_des_octets(octets)}".encode())
    return h.hexdigest()


def _ecrits(dossier: Path, fichiers: Iterable[Path]) -> dict[str, str] | None:
    """L'empreinte de chaque fichier écrit (chemin relatif au dossier) ; ``None`` s'il en manque."""
    ecrits = {}
    for chemin in fichiers:
        octets = lire_octets(chemin, 1 << 31)
        if not isinstance(octets, bytes):
            return None
        ecrits[chemin.relative_to(dossier).as_posix()] = empreinte_des_octets(octets)
    return ecrits


def retirer_le_temoin(dossier: Path) -> None:
    """Retire le témoin d'un centre (avant de le refaire)."""
    with contextlib.suppress(FileNotFoundError):
        (dossier / TEMOIN).unlink()


def ecrire_le_temoin(
    dossier: Path, empreinte: str | None, ecrits: Iterable[Path], ligne: LigneProvince
) -> None:
    """Écrit le témoin d'un centre fait (rien si l'empreinte n'est pas connue)."""
    if empreinte is None:
        return
    temoin = {
        "forme": FORME,
        "empreinte": empreinte,
        "fichiers": _ecrits(dossier, ecrits),
        "ligne": ligne.model_dump(mode="json"),
    }
    ecrire_atomique(dossier / TEMOIN, json.dumps(temoin, ensure_ascii=False, indent=1))


def ligne_reprise(dossier: Path, empreinte: str | None) -> LigneProvince | None:
    """La ligne d'un centre déjà fait avec la même empreinte, ses fichiers écrits inchangés ;
    ``None`` sinon (le centre est à refaire).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     ligne = LigneProvince(centre="a", personnes=1, en_insertion=1, ecoles=1, paires=None,
    ...                           non_apparies=None, heures=0.0, cout=0, alertes=0)
    ...     ecrire_le_temoin(Path(d), "x", [], ligne)
    ...     ligne_reprise(Path(d), "x") == ligne, ligne_reprise(Path(d), "y")
    (True, None)
    """
    if empreinte is None:
        return None
    octets = lire_octets(dossier / TEMOIN, 1 << 20)
    if not isinstance(octets, bytes):
        return None
    try:
        temoin = json.loads(octets)
        if temoin.get("forme") != FORME or temoin.get("empreinte") != empreinte:
            return None
        fichiers = temoin["fichiers"]
        if _ecrits(dossier, (dossier / nom for nom in fichiers)) != fichiers:
            return None
        return LigneProvince.model_validate(temoin["ligne"])
    except (ValueError, KeyError, TypeError, AttributeError):  # un témoin abîmé : refaire
        return None
