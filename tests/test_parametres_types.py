"""Un paramètre est le seuil d'un champ : l'utiliser contre un autre champ est refusé au chargement.

``seuil_imse`` (déclaré pour ``ecole.imse``) comparé à ``affectation.nb_ecoles`` compilerait
``nb_ecoles >= 8`` : un centre qui change son seuil IMSE changerait en silence une règle sans
rapport. Le refus nomme le fichier, la règle, le chemin de la valeur, le paramètre et les deux
champs ; toutes les fautes d'un dossier sont dites ensemble, comme le reste du chargement.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from recommandeur import Catalogue, ErreurRegle, charger_regles, iter_erreurs_regles

Fabrique = Callable[[str], Path]

PARAMETRES = """
[[parametre]]
id = "seuil_imse"
champ = "ecole.imse"
valeur = 8
libelle = "rang IMSE"
origine = "convention du test"

[[parametre]]
id = "plusieurs_ecoles"
champ = "affectation.nb_ecoles"
valeur = 2
libelle = "nombre d'écoles"
origine = "convention du test"
"""


def _regle(id: str, champ: str, parametre: str) -> str:
    return f"""
[[regle]]
id = "{id}"
titre = "Essai"
si = {{ tous = [ {{ champ = "annees_en_insertion", op = "<", valeur = 7 }}, {{ champ = "{champ}", op = ">=", valeur = {{ parametre = "{parametre}" }} }} ] }}
justification = "Essai."
sources = ["annexe1/cible/g"]
recommande = [{{ mesure = "soutien_ecole_soutenue", poids = 1 }}]
"""


def test_un_parametre_contre_un_autre_champ_est_refuse(
    catalogue: Catalogue, dossier_regles: Fabrique
) -> None:
    dossier = dossier_regles(PARAMETRES + _regle("mauvais", "affectation.nb_ecoles", "seuil_imse"))
    with pytest.raises(ErreurRegle) as info:
        charger_regles(catalogue, dossier)
    assert str(info.value) == (
        "regles.toml : [mauvais] champ 'si.tous[1].valeur.parametre' : le paramètre 'seuil_imse' "
        "est un seuil du champ 'ecole.imse', pas de 'affectation.nb_ecoles' ; utiliser un "
        "paramètre déclaré pour 'affectation.nb_ecoles' (reçu : 'seuil_imse') ; "
        "vouliez-vous dire 'plusieurs_ecoles' ?"
    )
    probleme = info.value.problemes[0]
    assert (probleme.fichier, probleme.id, probleme.valeur) == (
        "regles.toml",
        "mauvais",
        "seuil_imse",
    )


def test_toutes_les_fautes_sont_dites_ensemble(
    catalogue: Catalogue, dossier_regles: Fabrique
) -> None:
    texte = (
        PARAMETRES
        + _regle("premiere", "affectation.nb_ecoles", "seuil_imse")
        + _regle("seconde", "ecole.imse", "plusieurs_ecoles")
        + _regle("bonne", "ecole.imse", "seuil_imse")
    )
    problemes = list(iter_erreurs_regles(catalogue, dossier_regles(texte)))
    assert [(p.id, p.valeur) for p in problemes] == [
        ("premiere", "seuil_imse"),
        ("seconde", "plusieurs_ecoles"),
    ]


def test_un_parametre_contre_son_champ_est_admis(
    catalogue: Catalogue, dossier_regles: Fabrique
) -> None:
    texte = PARAMETRES + _regle("bonne", "affectation.nb_ecoles", "plusieurs_ecoles")
    base = charger_regles(catalogue, dossier_regles(texte))
    assert [r.id for r in base.regles] == ["bonne"]
