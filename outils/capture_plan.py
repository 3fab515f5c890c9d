"""Produit le plan des effectifs d'exemple et en prend une capture dans Chromium sans écran.

    python outils/capture_plan.py          # écrit docs/plan.png (et /tmp/plan.html)

Demande Chromium (paquet Debian ``chromium``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from recommandeur import Moteur, planifier

sys.path.insert(0, str(Path(__file__).resolve().parent))
from navigateur import capturer_html

RACINE = Path(__file__).resolve().parents[1]
EXEMPLES = RACINE / "exemples"
CAPTURE = RACINE / "docs" / "plan.png"


def main() -> int:
    moteur = Moteur.depuis(surcouche=EXEMPLES / "surcouche_centre")
    plan = planifier(
        EXEMPLES / "effectifs" / "enseignants.csv",
        EXEMPLES / "effectifs" / "ecoles.csv",
        moteur=moteur,
        mentors=EXEMPLES / "effectifs" / "mentors.csv",
    )
    return capturer_html(plan.html(), "plan.html", CAPTURE, 1200, 2200, RACINE)


if __name__ == "__main__":
    sys.exit(main())
