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
from recommandeur._profil.champs import CHAMPS

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


def _borne(id: str, champ: str, valeur: object) -> str:
    return (
        f'[[parametre]]\nid = "{id}"\nchamp = "{champ}"\nvaleur = {valeur}\n'
        'libelle = "seuil"\norigine = "convention du test"\n'
    )


#: Les champs numériques bornés des deux côtés, avec un pas au-delà de chaque borne.
BORNES = [
    (nom, c.minimum, c.maximum, 0.01 if c.genre == "nombre" else 1)
    for nom, c in CHAMPS.items()
    if c.genre in {"entier", "nombre"} and c.minimum is not None and c.maximum is not None
]


@pytest.mark.parametrize(("champ", "bas", "haut", "pas"), BORNES, ids=[b[0] for b in BORNES])
def test_un_parametre_aux_bornes_de_son_champ(
    catalogue: Catalogue,
    dossier_regles: Fabrique,
    champ: str,
    bas: float,
    haut: float,
    pas: float,
) -> None:
    """Un seuil égal à une borne de son champ (« doit être ≤ max », « ≥ min ») est admis ; un
    pas au-delà est refusé, sur le champ ``valeur``, avec la borne dans le message."""

    def ecrit(x: float) -> str:
        return str(int(x)) if pas == 1 else repr(round(x, 2))

    for valeur in (bas, haut):
        texte = _borne("seuil", champ, ecrit(valeur)) + _regle("bonne", champ, "seuil")
        base = charger_regles(catalogue, dossier_regles(texte))
        assert [p.valeur for p in base.parametres] == [valeur], valeur

    def lisible(x: float) -> str:  # une borne entière s'écrit en entier (19000101, 1)
        return str(int(x)) if float(x).is_integer() else str(x)

    for valeur, dit in ((haut + pas, f"≤ {lisible(haut)}"), (bas - pas, f"≥ {lisible(bas)}")):
        texte = _borne("seuil", champ, ecrit(valeur)) + _regle("bonne", champ, "seuil")
        (probleme,) = [
            p for p in iter_erreurs_regles(catalogue, dossier_regles(texte)) if p.id == "seuil"
        ]
        assert (probleme.champ, probleme.valeur) == ("valeur", pytest.approx(valeur))
        assert probleme.message.startswith(f"doit être {dit} (bornes du champ '{champ}')")


def test_seuil_imse_a_la_borne_haute(catalogue: Catalogue, dossier_regles: Fabrique) -> None:
    """Le cas du ticket : ``seuil_imse = 10`` (le rang le plus haut) se charge, 11 non."""
    texte = _borne("seuil_imse", "ecole.imse", 10) + _regle("bonne", "ecole.imse", "seuil_imse")
    assert [p.valeur for p in charger_regles(catalogue, dossier_regles(texte)).parametres] == [10]
    texte = _borne("seuil_imse", "ecole.imse", 11) + _regle("bonne", "ecole.imse", "seuil_imse")
    with pytest.raises(ErreurRegle) as info:
        charger_regles(catalogue, dossier_regles(texte))
    assert str(info.value).splitlines()[0] == (
        "regles.toml : [seuil_imse] champ 'valeur' : doit être ≤ 10 (bornes du champ "
        "'ecole.imse') (reçu : 11)"
    )
