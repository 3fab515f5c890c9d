"""La table des opérateurs : chaque opérateur compilé, nié, évalué, envoyé à durable et rendu — exactement."""

from __future__ import annotations

from typing import Any

import pytest

from recommandeur._langage.compilation import normaliser
from recommandeur._langage.evaluation import evaluer
from recommandeur._langage.expressions import Atome, Et, Ou
from recommandeur._langage.operateurs import ELEMENTAIRES, OPERATEURS
from recommandeur._langage.valeurs import fait_lisible
from recommandeur._moteur.durable import EnsembleDurable
from recommandeur._moteur.durable_json import en_json_durable

from .profils_exemples import condition_ecrite


def _compiler(texte: str) -> Any:
    return normaliser(condition_ecrite(texte))


@pytest.mark.parametrize(
    ("op", "nie"),
    [("<", ">="), ("<=", ">"), (">", "<="), (">=", "<"), ("==", "!="), ("!=", "==")],
)
def test_negation_de_chaque_comparaison(op: str, nie: str) -> None:
    assert _compiler(f'{{ champ = "annees_experience", op = "{op}", valeur = 3 }}') == Atome(
        "annees_experience", op, 3
    )
    assert _compiler(
        f'{{ non = {{ champ = "annees_experience", op = "{op}", valeur = 3 }} }}'
    ) == Atome("annees_experience", nie, 3)


# Pour chaque opérateur, les années (0 à 5) pour lesquelles « annees_experience op 3 » tient.
TENUES = {
    "<": [0, 1, 2],
    "<=": [0, 1, 2, 3],
    ">": [4, 5],
    ">=": [3, 4, 5],
    "==": [3],
    "!=": [0, 1, 2, 4, 5],
}


@pytest.mark.parametrize("op", sorted(TENUES))
def test_chaque_comparaison_et_sa_negation_aux_bornes(op: str) -> None:
    condition = _compiler(f'{{ champ = "annees_experience", op = "{op}", valeur = 3 }}')
    niee = _compiler(f'{{ non = {{ champ = "annees_experience", op = "{op}", valeur = 3 }} }}')
    durable = EnsembleDurable({"c": condition, "n": niee})
    for annees in range(6):
        fait = {"annees_experience": annees}
        attendu = annees in TENUES[op]
        assert evaluer(condition, fait) is attendu
        assert evaluer(niee, fait) is (not attendu)
        assert durable.declencher(fait) == (["c"] if attendu else ["n"])


def test_dans_hors_et_leurs_negations() -> None:
    dans = '{ champ = "ordre", op = "dans", valeur = ["primaire", "prescolaire"] }'
    hors = '{ champ = "ordre", op = "hors", valeur = ["primaire", "prescolaire"] }'
    egal_p, egal_s = Atome("ordre", "==", "primaire"), Atome("ordre", "==", "prescolaire")
    diff_p, diff_s = Atome("ordre", "!=", "primaire"), Atome("ordre", "!=", "prescolaire")
    assert _compiler(dans) == Ou((egal_p, egal_s))
    assert _compiler(hors) == Et((diff_p, diff_s))
    assert _compiler(f"{{ non = {dans} }}") == Et((diff_p, diff_s))
    assert _compiler(f"{{ non = {hors} }}") == Ou((egal_p, egal_s))
    hors_seul = _compiler('{ champ = "ordre", op = "hors", valeur = ["primaire"] }')
    assert hors_seul == diff_p
    durable = EnsembleDurable({"hors": _compiler(hors)})
    assert [
        o
        for o in ("prescolaire", "primaire", "secondaire", "education_adultes")
        if durable.declencher({"ordre": o})
    ] == ["secondaire", "education_adultes"]


def test_de_morgan() -> None:
    si = (
        '{ non = { tous = [ { champ = "ecole.imse", op = ">=", valeur = 8 }, '
        '{ un_de = [ { besoin = "numerique", au_moins = "moderee" }, '
        '{ champ = "ordre", op = "==", valeur = "primaire" } ] } ] } }'
    )
    assert _compiler(si) == Ou(
        (
            Atome("ecole.imse", "<", 8),
            Et((Atome("besoins.numerique", "<", 2), Atome("ordre", "!=", "primaire"))),
        )
    )


def test_un_champ_inconnu_ne_tient_jamais_meme_nie() -> None:
    for op in ELEMENTAIRES:
        condition = _compiler(f'{{ champ = "ecole.imse", op = "{op}", valeur = 5 }}')
        niee = _compiler(f'{{ non = {{ champ = "ecole.imse", op = "{op}", valeur = 5 }} }}')
        assert not evaluer(condition, {}) and not evaluer(niee, {})
        assert EnsembleDurable({"c": condition, "n": niee}).declencher({"ordre": "primaire"}) == []


RENDUS = {
    "==": "ecole.imse = 9 (règle : = 8)",
    "!=": "ecole.imse = 9 (règle : ≠ 8)",
    "<": "ecole.imse = 9 (règle : < 8)",
    "<=": "ecole.imse = 9 (règle : ≤ 8)",
    ">": "ecole.imse = 9 (règle : > 8)",
    ">=": "ecole.imse = 9 (règle : ≥ 8)",
}


def test_rendu_de_chaque_operateur() -> None:
    assert set(RENDUS) == set(ELEMENTAIRES)
    for op, attendu in RENDUS.items():
        assert fait_lisible(Atome("ecole.imse", op, 8), 9) == attendu
    assert fait_lisible(Atome("ecole.part_novices", ">=", 0.3), 0.45) == (
        "ecole.part_novices = 45 % (règle : ≥ 30 %)"
    )
    assert fait_lisible(Atome("affectation.partage_de_tache", "==", True), False) == (
        "affectation.partage_de_tache = non (règle : = oui)"
    )
    assert fait_lisible(Atome("besoins.bien_etre", ">=", 2), 0) == (
        "besoins.bien_etre = non déclaré (règle : ≥ modérée)"
    )


JSON_DURABLE = {
    "==": {"ecole.imse": 8},
    "!=": {"$neq": {"ecole.imse": 8}},
    "<": {"$lt": {"ecole.imse": 8}},
    "<=": {"$lte": {"ecole.imse": 8}},
    ">": {"$gt": {"ecole.imse": 8}},
    ">=": {"$gte": {"ecole.imse": 8}},
}


def test_json_durable_de_chaque_operateur() -> None:
    assert set(JSON_DURABLE) == set(ELEMENTAIRES)
    for op, attendu in JSON_DURABLE.items():
        assert en_json_durable(Atome("ecole.imse", op, 8)) == attendu


def test_la_table_est_coherente() -> None:
    for symbole, op in OPERATEURS.items():
        contraire = OPERATEURS[op.contraire]
        assert contraire.contraire == symbole, symbole
        assert contraire.de_liste == op.de_liste and contraire.ordonne == op.ordonne
        if op.de_liste:
            assert op.element in ELEMENTAIRES and op.tester is None
            assert OPERATEURS[op.element].contraire == contraire.element
            assert {op.liaison, contraire.liaison} == {"ou", "et"}
        else:
            assert op.tester is not None
            for a in range(3):
                for b in range(3):
                    assert contraire.tester is not None
                    assert op.tester(a, b) is (not contraire.tester(a, b)), (symbole, a, b)
