"""Produit le plan des effectifs d'exemple et en prend une capture dans Chromium sans écran.

    python outils/capture_plan.py          # écrit docs/plan.png (et /tmp/plan.html)

Demande Chromium (paquet Debian ``chromium``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from recommandeur import Moteur, planifier

sys.path.insert(0, str(Path(__file__).resolve().parent))
from navigateur import capturer, chromium

RACINE = Path(__file__).resolve().parents[1]
EXEMPLES = RACINE / "exemples"
CAPTURE = RACINE / "docs" / "plan.png"


def main() -> int:
    moteur = Moteur.depuis(surcouche=EXEMPLES / "surcouche_centre")
    plan = planifier(
        EXEMPLES / "effectifs" / "enseignants.csv",
        EXEMPLES / "effectifs" / "ecoles.csv",
        moteur=moteur,
    )
    page = Path(tempfile.gettempdir()) / "plan.html"
    page.write_text(plan.html(), encoding="utf-8")
    if chromium() is None:
        print("Chromium introuvable : apt-get install chromium", file=sys.stderr)
        return 1
    capturer(page, CAPTURE, 1200, 2200)
    print(f"{CAPTURE.relative_to(RACINE)} écrit ({CAPTURE.stat().st_size} octets) ; HTML : {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
