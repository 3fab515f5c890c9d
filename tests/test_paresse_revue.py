"""Revue de mutation indépendante (m8m) : ce qui se charge, se lit ou se rend à la demande.

Les noms publics de ``recommandeur`` (PEP 562) gardés après leur premier accès, et
``Parametre`` / ``Explication`` sans la syntaxe des règles ; l'empreinte du code
(``recommandeur._moteur.cache``) qui suit la taille d'un module à date égale ; les données
livrées (``recommandeur._base.fichiers``) : celles du paquet avant celles du dépôt ; une page
(``recommandeur._rendu.html``) rendue par morceaux, sa tête avant ses sections.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import recommandeur
from recommandeur._base import fichiers
from recommandeur._moteur.cache import empreinte_des_modules
from recommandeur._rendu.html import morceaux_de_page


def test_un_nom_public_est_garde_apres_son_premier_acces() -> None:
    """``__getattr__`` n'est appelé qu'une fois par nom : la valeur est gardée dans le module."""
    valeur = recommandeur.Intervalle
    assert vars(recommandeur)["Intervalle"] is valeur


def test_parametre_et_explication_sans_la_syntaxe_des_regles() -> None:
    code = (
        "import json, sys, recommandeur; recommandeur.Parametre; recommandeur.Explication; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('recommandeur._langage'))))"
    )
    sortie = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    charges = json.loads(sortie.splitlines()[-1])
    assert "recommandeur._langage.declarations" in charges
    assert [m for m in charges if m.endswith((".syntaxe", ".compilation_regle"))] == []


def test_l_empreinte_du_code_suit_la_taille_a_date_egale(tmp_path: Path) -> None:
    """Un module réécrit dans la même nanoseconde (ou sa date remise) change l'empreinte s'il
    change de taille."""
    module = tmp_path / "paquet" / "a.py"
    module.parent.mkdir()
    empreintes = []
    for texte in ("x = 1\n", "x = 10\n"):
        module.write_text(texte, encoding="utf-8")
        os.utime(module, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
        empreintes.append(empreinte_des_modules(str(tmp_path)))
    assert empreintes[0] != empreintes[1]


def _paquet_installe(racine: Path, *, dans_le_paquet: bool, dans_le_depot: bool) -> Path:
    """Un faux emplacement de ``_base/fichiers.py`` : ``racine/src/recommandeur/_base``, avec
    les données dans le paquet (``_donnees/catalogue``) et/ou à la racine (``catalogue``)."""
    paquet = racine / "src" / "recommandeur"
    (paquet / "_base").mkdir(parents=True)
    if dans_le_paquet:
        (paquet / "_donnees" / "catalogue").mkdir(parents=True)
    if dans_le_depot:
        (racine / "catalogue").mkdir()
    return paquet / "_base" / "fichiers.py"


@pytest.mark.parametrize(
    ("dans_le_paquet", "dans_le_depot", "attendu"),
    [
        (True, True, "src/recommandeur/_donnees/catalogue"),
        (True, False, "src/recommandeur/_donnees/catalogue"),
        (False, True, "catalogue"),
    ],
)
def test_les_donnees_du_paquet_avant_celles_du_depot(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dans_le_paquet: bool,
    dans_le_depot: bool,
    attendu: str,
) -> None:
    faux = _paquet_installe(tmp_path, dans_le_paquet=dans_le_paquet, dans_le_depot=dans_le_depot)
    monkeypatch.setattr(fichiers, "__file__", str(faux))
    trouve = fichiers.dossier_livre("catalogue")
    assert isinstance(trouve, Path)
    assert trouve == tmp_path.resolve() / attendu


def test_une_page_par_morceaux_donne_sa_tete_avant_de_lire_ses_sections() -> None:
    from recommandeur import planifier
    from recommandeur._programme.sorties.contenus import communs
    from recommandeur._programme.sorties.sections import SECTIONS

    plan = planifier(
        [{"enseignant": "e1", "ecole": "a", "annees_experience": 0, "ordre": "primaire"}],
        [{"ecole": "a", "nom": "École A"}],
    )
    lus: list[str] = []

    def corps() -> Iterator[str]:
        lus.append(SECTIONS[0].nom)
        yield "<p>le corps de la section</p>"

    morceaux = morceaux_de_page(
        "plan.html.j2", sections=[(SECTIONS[0], corps())], **communs(plan, date="2026-12-04")
    )
    tete = next(morceaux)
    assert tete.startswith("<!DOCTYPE html>") or tete.lstrip().startswith("<")
    assert lus == []  # rien de la section n'est lu pour donner la tête
    reste = "".join(morceaux)
    assert lus == [SECTIONS[0].nom]
    assert "<p>le corps de la section</p>" in reste
