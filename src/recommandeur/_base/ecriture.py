"""L'écriture d'un fichier de sortie (rapport, JSON, CSV) : d'un coup, jamais à travers un lien."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable
from pathlib import Path


def ecrire_atomique(
    chemin: Path, texte: str | bytes | Iterable[str], encodage: str = "utf-8"
) -> Path:
    """Écrit ``texte`` (ou des octets) dans ``chemin`` d'un coup : un fichier voisin, puis un renommage.

    ``texte`` peut aussi être des morceaux de texte (un générateur) : écrits au fil dans le
    fichier voisin, sans que le texte entier soit jamais en mémoire (les exports d'un plan).
    Jamais de fichier à moitié écrit ; un lien symbolique à la place de ``chemin`` est
    **remplacé** par le fichier écrit (sa cible n'est pas touchée) ; les droits sont ceux
    d'un fichier neuf (selon le masque ``umask``).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     ecrire_atomique(Path(d) / "a.txt", "é").read_text(encoding="utf-8")
    ...     ecrire_atomique(Path(d) / "b.txt", iter(["é", "tape"])).read_text(encoding="utf-8")
    'é'
    'étape'
    """
    import secrets

    if chemin.is_dir():
        raise IsADirectoryError(errno.EISDIR, "c'est un dossier", str(chemin))
    provisoire = chemin.parent / f".{chemin.name}.{secrets.token_hex(6)}.provisoire"
    drapeaux = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | os.O_NOFOLLOW
    descripteur = os.open(provisoire, drapeaux, 0o666)  # droits selon le umask
    try:
        if isinstance(texte, bytes):
            with os.fdopen(descripteur, "wb") as binaire:
                binaire.write(texte)
        else:
            with os.fdopen(descripteur, "w", encoding=encodage, newline="") as f:
                for morceau in (texte,) if isinstance(texte, str) else texte:
                    f.write(morceau)
        os.replace(provisoire, chemin)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(provisoire)
        raise
    return chemin
