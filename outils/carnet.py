"""Exécute le carnet d'exemple, l'exporte en HTML et en prend une capture dans Chromium sans écran.

    python outils/carnet.py            # écrit docs/carnet.png (et /tmp/carnet.html)

Demande nbconvert (dépendances de test) et Chromium (paquet Debian ``chromium``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from navigateur import capturer, chromium

RACINE = Path(__file__).resolve().parents[1]
CARNET = RACINE / "exemples" / "carnet_conseiller.ipynb"
CAPTURE = RACINE / "docs" / "carnet.png"


def main() -> int:
    carnet = nbformat.read(CARNET, as_version=4)
    NotebookClient(
        carnet, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(RACINE)}}
    ).execute()
    html, _ = HTMLExporter().from_notebook_node(carnet)
    page = Path(tempfile.gettempdir()) / "carnet.html"
    page.write_text(html, encoding="utf-8")
    if chromium() is None:
        print("Chromium introuvable : apt-get install chromium", file=sys.stderr)
        return 1
    capturer(page, CAPTURE, 1100, 4700)
    print(f"{CAPTURE.relative_to(RACINE)} écrit ({CAPTURE.stat().st_size} octets) ; HTML : {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
