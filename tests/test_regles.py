"""Le langage des règles : compilation, forme normale, et refus des fichiers fautifs (message exact)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from recommandeur import Catalogue, ErreurRegle, Moteur, charger_regles, iter_erreurs_regles
from recommandeur._langage.compilation import normaliser
from recommandeur._langage.expressions import Atome, Et, Ou
from recommandeur._moteur.durable_json import en_json_durable

from .profils_exemples import condition_ecrite

Fabrique = Callable[[str], Path]

_REGLE = """
[[regle]]
id = "{id}"
titre = "Essai"
si = {si}
justification = "{justification}"
sources = ["annexe1/cible/g"]
recommande = [{{ mesure = "{mesure}", poids = {poids} }}]
"""


def regle(
    id: str = "essai",
    si: str = '{ champ = "ecole.imse", op = ">=", valeur = 8 }',
    justification: str = "IMSE {ecole.imse}",
    mesure: str = "soutien_ecole_soutenue",
    poids: str = "2",
) -> str:
    return _REGLE.format(id=id, si=si, justification=justification, mesure=mesure, poids=poids)


def _message(catalogue: Catalogue, dossier: Path) -> str:
    with pytest.raises(ErreurRegle) as info:
        charger_regles(catalogue, dossier)
    return str(info.value)


def test_regles_livrees_valides(catalogue: Catalogue) -> None:
    assert list(iter_erreurs_regles(catalogue)) == []
    base = charger_regles(catalogue)
    assert len({r.id for r in base.regles}) == len(base.regles)


def test_regle_valide_compilee(catalogue: Catalogue, dossier_regles: Fabrique) -> None:
    base = charger_regles(catalogue, dossier_regles(regle()))
    assert base.version == "test"
    assert base.regles[0].condition == Atome("ecole.imse", ">=", 8)
    assert base.regles[0].recommandations == (("soutien_ecole_soutenue", 2.0),)


def test_forme_normale_negative() -> None:
    si = condition_ecrite(
        '{ non = { tous = [ { champ = "ecole.imse", op = ">=", valeur = 8 }, '
        '{ besoin = "numerique", au_moins = "moderee" } ] } }'
    )
    assert normaliser(si) == Ou((Atome("ecole.imse", "<", 8), Atome("besoins.numerique", "<", 2)))


def test_dans_et_hors() -> None:
    dans = condition_ecrite(
        '{ champ = "ordre", op = "dans", valeur = ["primaire", "prescolaire"] }'
    )
    assert normaliser(dans) == Ou(
        (Atome("ordre", "==", "primaire"), Atome("ordre", "==", "prescolaire"))
    )
    hors = condition_ecrite('{ non = { champ = "ordre", op = "hors", valeur = ["primaire"] } }')
    assert normaliser(hors) == Atome("ordre", "==", "primaire")


def test_intensite_comparee_par_ordre() -> None:
    si = condition_ecrite('{ champ = "besoins.bien_etre", op = ">", valeur = "faible" }')
    assert normaliser(si) == Atome("besoins.bien_etre", ">", 1)


def test_json_durable_imbrique() -> None:
    expression = Et((Atome("a", "==", True), Ou((Atome("b", "<", 2), Atome("c", "!=", "x")))))
    assert en_json_durable(expression) == {
        "$and": [{"a": True}, {"$or": [{"$lt": {"b": 2}}, {"$neq": {"c": "x"}}]}]
    }


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        (
            regle(si='{ champ = "ecole.imsee", op = ">=", valeur = 8 }'),
            "regles.toml : [essai] champ 'si.champ' : champ de profil inconnu (reçu : 'ecole.imsee') ; "
            "vouliez-vous dire 'ecole.imse' ?",
        ),
        (
            regle(mesure="soutien_ecole_soutenu"),
            "regles.toml : [essai] champ 'recommande[0].mesure' : mesure inconnue du catalogue "
            "(reçu : 'soutien_ecole_soutenu') ; vouliez-vous dire 'soutien_ecole_soutenue' ?",
        ),
        (
            regle(si='{ champ = "ecole.imse", op = "=>", valeur = 8 }'),
            "regles.toml : [essai] champ 'si.op' : opérateur inconnu ; attendu : ==, !=, <, <=, "
            ">, >=, dans, hors (reçu : '=>') ; vouliez-vous dire '>=' ?",
        ),
        (
            regle(si='{ champ = "ecole.imse", op = "plus_grand", valeur = 8 }'),
            "regles.toml : [essai] champ 'si.op' : opérateur inconnu ; attendu : ==, !=, <, <=, "
            ">, >=, dans, hors (reçu : 'plus_grand')",
        ),
        (
            regle(si='{ champ = "ecole.imse", op = ">=", valeur = "huit" }'),
            "regles.toml : [essai] champ 'si.valeur' : valeur de mauvais type pour le champ 'ecole.imse' ; "
            "attendu un entier (reçu : 'huit')",
        ),
        (
            regle(si='{ champ = "affectation.partage_de_tache", op = "==", valeur = 1 }'),
            "regles.toml : [essai] champ 'si.valeur' : valeur de mauvais type pour le champ "
            "'affectation.partage_de_tache' ; attendu un booléen (reçu : 1)",
        ),
        (
            regle(si='{ champ = "ordre", op = "<", valeur = "primaire" }'),
            "regles.toml : [essai] champ 'si.op' : l'opérateur '<' ne s'applique pas au champ 'ordre' "
            "(choix) ; utiliser '==', '!=', 'dans' ou 'hors' (reçu : '<')",
        ),
        (
            regle(si='{ champ = "ordre", op = "==", valeur = "secondair" }'),
            "regles.toml : [essai] champ 'si.valeur' : valeur de mauvais type pour le champ 'ordre' ; "
            "attendu une des valeurs prescolaire, primaire, secondaire, formation_professionnelle, "
            "education_adultes (reçu : 'secondair') ; vouliez-vous dire 'secondaire' ?",
        ),
        (
            regle(si='{ champ = "ordre", op = "dans", valeur = "primaire" }'),
            "regles.toml : [essai] champ 'si.valeur' : l'opérateur 'dans' attend une liste non vide "
            "(reçu : 'primaire')",
        ),
        (
            regle(si="{ quand = 1 }"),
            "regles.toml : [essai] champ 'si' : condition de forme inconnue ; attendu une table avec l'une "
            "des clés champ, besoin, tous, un_de ou non (reçu : {'quand': 1})",
        ),
        (
            regle(si="{ tous = [] }"),
            "regles.toml : [essai] champ 'si.tous' : doit contenir au moins 1 élément(s) (reçu : [])",
        ),
        (
            regle(justification="IMSE {ecole.imse:>3}"),
            "regles.toml : [essai] champ 'justification' : gabarit : '{ecole.imse:>3}' ne peut avoir ni "
            "conversion ni format ; écrire {ecole.imse}",
        ),
        (
            regle(justification="IMSE {ecole.__class__}"),
            "regles.toml : [essai] champ 'justification' : gabarit : champ inconnu {ecole.__class__}",
        ),
        (
            regle(poids="0"),
            "regles.toml : [essai] champ 'recommande[0].poids' : doit être > 0.0 (reçu : 0)",
        ),
        (
            regle(si='{ champ = "ecole.part_novices", op = ">=", valeur = 1e-7 }'),
            "regles.toml : [essai] champ 'si.valeur' : nombre hors des limites du moteur (fini, au plus 4 "
            "décimales, moins de 1e+15 en valeur absolue) (reçu : 1e-07)",
        ),
        (
            regle(si='{ champ = "annees_experience", op = ">=", valeur = 99999999999999999 }'),
            "regles.toml : [essai] champ 'si.valeur' : nombre hors des limites du moteur (moins de 1e+15 "
            "en valeur absolue) (reçu : 99999999999999999)",
        ),
        (
            regle(id="Essai-1"),
            "regles.toml : [Essai-1] champ 'id' : forme invalide ; attendu le motif ^[a-z][a-z0-9_]*$ "
            "(reçu : 'Essai-1')",
        ),
    ],
)
def test_regle_fautive_refusee(
    catalogue: Catalogue, dossier_regles: Fabrique, texte: str, attendu: str
) -> None:
    assert _message(catalogue, dossier_regles(texte)) == attendu


def test_condition_trop_complexe_pour_le_moteur(
    catalogue: Catalogue, dossier_regles: Fabrique
) -> None:
    branche = '{ un_de = [ { champ = "ecole.imse", op = "==", valeur = 1 }, { champ = "ecole.imse", op = "==", valeur = 2 } ] }'
    si = "{ tous = [" + ", ".join([branche] * 5) + "] }"  # 2**5 = 32 termes de 5 comparaisons
    assert _message(catalogue, dossier_regles(regle(si=si))) == (
        "regles.toml : [essai] champ 'si' : condition trop complexe pour le moteur : 160 comparaisons "
        "une fois développée en forme disjonctive (au plus 59) ; la scinder en plusieurs règles"
    )


def test_identifiant_repris(catalogue: Catalogue, dossier_regles: Fabrique) -> None:
    dossier = dossier_regles(regle())
    (dossier / "autres.toml").write_text(regle(), encoding="utf-8")
    assert _message(catalogue, dossier) == (
        "regles.toml : [essai] champ 'id' : identifiant de règle déjà défini dans autres.toml (reçu : 'essai')"
    )


def test_toml_invalide(catalogue: Catalogue, dossier_regles: Fabrique) -> None:
    assert _message(catalogue, dossier_regles("[[regle]\n")) == (
        "regles.toml : [ligne 1, colonne 8] TOML invalide : « ]] » attendu à la fin de l'en-tête [[…]]"
    )


def test_code_dans_une_regle_reste_du_texte(catalogue: Catalogue, dossier_regles: Fabrique) -> None:
    texte = regle(si="{ champ = \"__import__('os').system('true')\", op = \"==\", valeur = 1 }")
    assert _message(catalogue, dossier_regles(texte)) == (
        "regles.toml : [essai] champ 'si.champ' : champ de profil inconnu "
        "(reçu : \"__import__('os').system('true')\")"
    )


def test_un_dossier_fautif_est_refuse_en_entier(catalogue: Catalogue, copie_regles: Path) -> None:
    (copie_regles / "9_fautif.toml").write_text(regle(mesure="inconnue"), encoding="utf-8")
    problemes = list(iter_erreurs_regles(catalogue, copie_regles))
    assert [(p.fichier, p.id, p.champ) for p in problemes] == [
        ("9_fautif.toml", "essai", "recommande[0].mesure")
    ]
    with pytest.raises(ErreurRegle):
        Moteur.depuis(regles=copie_regles)


def test_tous_les_problemes_listes(catalogue: Catalogue, dossier_regles: Fabrique) -> None:
    texte = regle(id="a", mesure="x1") + regle(id="b", si='{ champ = "zz", op = "==", valeur = 1 }')
    problemes = list(iter_erreurs_regles(catalogue, dossier_regles(texte)))
    assert [(p.id, p.champ) for p in problemes] == [
        ("a", "recommande[0].mesure"),
        ("b", "si.champ"),
    ]
