"""Produit le plan des effectifs d'exemple et en prend une capture dans Chromium sans écran.

    python outils/capture_plan.py          # écrit docs/plan.png (et /tmp/plan.html)

Demande Chromium (paquet Debian ``chromium``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from recommandeur import Moteur, planifier

RACINE = Path(__file__).resolve().parents[1]
EXEMPLES = RACINE / "exemples"
CAPTURE = RACINE / "docs" / "plan.png"
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
    moteur = Moteur.depuis(surcouche=EXEMPLES / "surcouche_centre")
    plan = planifier(
        EXEMPLES / "effectifs" / "enseignants.csv",
        EXEMPLES / "effectifs" / "ecoles.csv",
        moteur=moteur,
    )
    page = Path(tempfile.gettempdir()) / "plan.html"
    page.write_text(plan.html(), encoding="utf-8")
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
                "--window-size=1200,2200",
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
