"""L'exemple d'une année de suivi (exemples/suivi_annee/annee.py) : sa sortie, exactement."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXEMPLE = Path(__file__).resolve().parents[1] / "exemples" / "suivi_annee"


def test_une_annee_de_suivi_sortie_epinglee() -> None:
    resultat = subprocess.run(
        [sys.executable, str(EXEMPLE / "annee.py")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stdout == (EXEMPLE / "sortie.txt").read_text("utf-8")
    # ce que l'année doit montrer, dit à part pour qu'un changement de texte reste lisible
    assert "efficace au bilan du 9 novembre 2026" in resultat.stdout
    assert "passe de modérée à élevée" in resultat.stdout
    assert "personne_neutre" not in resultat.stdout.split("== Novembre")[1]
