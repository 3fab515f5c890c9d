"""Un TOML mal formé est dit en français partout où la bibliothèque en lit : profil de la
commande, effectifs d'un centre (et dossiers de données : tests/test_verifier_tout.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from recommandeur import ErreurEffectifs, charger_effectifs

#: Des TOML cassés de plusieurs façons (chaîne non fermée, valeur, en-tête, clé en double).
CASSES = [
    'ordre = "primaire\nannees_experience = 1\n',
    "ordre = primaire\n",
    "[[enseignant\nid = 1\n",
    "a = 1\na = 2\n",
    "a = [1, 2\n",
]
#: Les mots des messages de tomllib : aucun ne doit rester.
ANGLAIS = re.compile(r"\b(Invalid|Expected|Illegal|Unclosed|Cannot|overwrite|character|value)\b")


@pytest.mark.parametrize("texte", CASSES)
def test_profil_de_la_commande(tmp_path: Path, texte: str) -> None:
    fichier = tmp_path / "p.toml"
    fichier.write_text(texte, encoding="utf-8")
    sortie = subprocess.run(
        [sys.executable, "-m", "recommandeur", "recommander", str(fichier)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert sortie.returncode == 2
    assert re.search(
        r"p\.toml : \[(ligne \d+, colonne \d+|fin du fichier)\] TOML invalide : ", sortie.stderr
    )
    assert not ANGLAIS.search(sortie.stderr), sortie.stderr


@pytest.mark.parametrize("texte", CASSES)
def test_effectifs(tmp_path: Path, texte: str) -> None:
    enseignants, ecoles = tmp_path / "e.toml", tmp_path / "ecoles.csv"
    enseignants.write_text(texte, encoding="utf-8")
    ecoles.write_text("id,nom\nA,École A\n", encoding="utf-8")
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(enseignants, ecoles)
    message = str(erreur.value)
    assert "e.toml : [" in message and "TOML invalide : " in message
    assert not ANGLAIS.search(message), message
