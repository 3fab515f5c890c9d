"""Exécute le carnet d'exemple, l'exporte en HTML et en prend une capture dans Chromium sans écran.

    python outils/carnet.py            # écrit docs/carnet.png (et /tmp/carnet.html)

Demande nbconvert (dépendances de test) et Chromium (paquet Debian ``chromium``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from navigateur import capturer_html

RACINE = Path(__file__).resolve().parents[1]
CARNET = RACINE / "exemples" / "carnet_conseiller.ipynb"
CAPTURE = RACINE / "docs" / "carnet.png"


def main() -> int:
    carnet = nbformat.read(CARNET, as_version=4)
    NotebookClient(
        carnet, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(RACINE)}}
    ).execute()
    html, _ = HTMLExporter().from_notebook_node(carnet)
    return capturer_html(html, "carnet.html", CAPTURE, 1100, 4700, RACINE)


if __name__ == "__main__":
    sys.exit(main())
