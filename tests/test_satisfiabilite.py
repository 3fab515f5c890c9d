"""La décision exacte : satisfiable, implication, équivalence, comparées à une recherche brute."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur._analyse.satisfiabilite import (
    equivalentes,
    implique,
    representants,
    satisfiable,
    temoin,
)
from recommandeur._langage.evaluation import evaluer
from recommandeur._langage.expressions import Atome, Et, Expression, Ou
from recommandeur._profil.champs import CHAMPS

# Un petit univers de champs et de constantes, assez petit pour une recherche exhaustive.
CHAMPS_ESSAI: dict[str, list[Any]] = {
    "annees_experience": list(range(0, 61)),
    "ecole.imse": [*range(1, 11), None],
    "affectation.partage_de_tache": [False, True],
    "besoins.numerique": [0, 1, 2, 3],
}
CONSTANTES: dict[str, list[Any]] = {
    "annees_experience": [0, 1, 2, 5, 7, 60, 61],
    "ecole.imse": [0, 1, 5, 8, 10, 11],
    "affectation.partage_de_tache": [False, True],
    "besoins.numerique": [0, 1, 2, 3],
}


def _atomes() -> st.SearchStrategy[Atome]:
    def pour(champ: str) -> st.SearchStrategy[Atome]:
        ops = (
            ["==", "!="]
            if champ == "affectation.partage_de_tache"
            else ["==", "!=", "<", "<=", ">", ">="]
        )
        return st.builds(
            Atome, st.just(champ), st.sampled_from(ops), st.sampled_from(CONSTANTES[champ])
        )

    return st.sampled_from(sorted(CHAMPS_ESSAI)).flatmap(pour)


expressions: st.SearchStrategy[Expression] = st.recursive(
    _atomes(),
    lambda enfants: (
        st.builds(Et, st.lists(enfants, min_size=2, max_size=3).map(tuple))
        | st.builds(Ou, st.lists(enfants, min_size=2, max_size=3).map(tuple))
    ),
    max_leaves=6,
)


def _tous_les_faits() -> list[dict[str, Any]]:
    faits: list[dict[str, Any]] = [{}]
    for champ, valeurs in CHAMPS_ESSAI.items():
        faits = [{**f, champ: v} if v is not None else dict(f) for f in faits for v in valeurs]
    return faits


TOUS = _tous_les_faits()


@settings(max_examples=150, deadline=None)
@given(expressions)
def test_satisfiable_comme_la_recherche_brute(expression: Expression) -> None:
    assert satisfiable(expression) == any(evaluer(expression, f) for f in TOUS)


@settings(max_examples=150, deadline=None)
@given(expressions, expressions)
def test_implication_comme_la_recherche_brute(a: Expression, b: Expression) -> None:
    attendu = all(evaluer(b, f) for f in TOUS if evaluer(a, f))
    assert implique(a, b) == attendu
    assert equivalentes(a, b) == all(evaluer(a, f) == evaluer(b, f) for f in TOUS)


@settings(max_examples=100, deadline=None)
@given(expressions)
def test_le_temoin_fait_tenir_l_expression(expression: Expression) -> None:
    fait = temoin(expression)
    assert fait is None or evaluer(expression, fait)


def test_representants_des_nombres() -> None:
    assert representants(CHAMPS["ecole.part_novices"], {0.3}) == [
        0.0,
        0.2999,
        0.3,
        0.3001,
        1.0,
        representants(CHAMPS["ecole.part_novices"], set())[-1],
    ]
    assert representants(CHAMPS["nb_mesures_inefficaces"], {1}) == [0, 1, 2]


def test_valeur_hors_domaine_jamais() -> None:
    assert not satisfiable(Atome("ecole.part_novices", ">", 1.0))
    assert satisfiable(Atome("ecole.part_novices", ">", 0.9999))
