"""Exécute le carnet d'exemple, l'exporte en HTML et en prend une capture dans Chromium sans écran.

    python outils/carnet.py            # écrit docs/carnet.png (et /tmp/carnet.html)

Demande nbconvert (dépendances de test) et Chromium (paquet Debian ``chromium``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

RACINE = Path(__file__).resolve().parents[1]
CARNET = RACINE / "exemples" / "carnet_conseiller.ipynb"
CAPTURE = RACINE / "docs" / "carnet.png"
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


def main() -> int:
    carnet = nbformat.read(CARNET, as_version=4)
    NotebookClient(
        carnet, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(RACINE)}}
    ).execute()
    html, _ = HTMLExporter().from_notebook_node(carnet)
    page = Path(tempfile.gettempdir()) / "carnet.html"
    page.write_text(html, encoding="utf-8")
    navigateur = shutil.which("chromium") or shutil.which("chromium-browser")
    if navigateur is None:
        print("Chromium introuvable : apt-get install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as profil:
        subprocess.run(
            [
                navigateur,
                *OPTIONS,
                f"--user-data-dir={profil}",
                "--window-size=1100,4700",
                f"--screenshot={CAPTURE}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"{CAPTURE.relative_to(RACINE)} écrit ({CAPTURE.stat().st_size} octets) ; HTML : {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
