"""Chromium sans écran, comme le lancent les outils de capture et les tests du rapport.

Les options sont celles qui marchent sur une machine sans réseau : sans elles, Chromium
essaie de joindre ses serveurs à chaque démarrage.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: Les options de Chromium sans écran, sans réseau de fond, sans profil gardé.
OPTIONS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str | None:
    """Le chemin de Chromium, ou ``None`` s'il n'est pas installé (paquet Debian ``chromium``)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def lancer(page: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Lance Chromium sur une page locale avec un profil jetable ; lève s'il échoue."""
    navigateur = chromium()
    if navigateur is None:
        raise FileNotFoundError("Chromium introuvable : apt-get install chromium")
    with tempfile.TemporaryDirectory() as profil:
        return subprocess.run(
            [navigateur, *OPTIONS, f"--user-data-dir={profil}", *arguments, page.as_uri()],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )


def capturer(page: Path, capture: Path, largeur: int, hauteur: int) -> None:
    """Une capture PNG de la page, à cette taille de fenêtre."""
    lancer(page, f"--window-size={largeur},{hauteur}", f"--screenshot={capture}")


def capturer_html(
    html: str, nom: str, capture: Path, largeur: int, hauteur: int, racine: Path
) -> int:
    """Écrit ``html`` dans ``<tmp>/<nom>`` et en fait la capture ; le code de sortie d'un outil.

    Sans Chromium : un message et 1 ; sinon 0, après avoir dit ce qui a été écrit (la capture
    nommée depuis ``racine``).
    """
    page = Path(tempfile.gettempdir()) / nom
    page.write_text(html, encoding="utf-8")
    if chromium() is None:
        print("Chromium introuvable : apt-get install chromium", file=sys.stderr)
        return 1
    capturer(page, capture, largeur, hauteur)
    print(f"{capture.relative_to(racine)} écrit ({capture.stat().st_size} octets) ; HTML : {page}")
    return 0
