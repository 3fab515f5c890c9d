"""Le découpage des règles en ensembles durable-rules : le réseau alpha et sa pile au pire.

Chaque cas est un petit réseau fait à la main et sa pile attendue, comptée à la main comme le
parcours de ``handleAlpha`` (``rete.c``/``events.c``) : dépiler un nœud, empiler ceux de ses
enfants qui conviennent. La racine porte toujours l'attrape-tout. Le test de survie
``partage_des_noeuds_alpha`` éprouve les mêmes hypothèses contre durable-rules lui-même.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Catalogue, Moteur, Profil, charger_regles
from recommandeur._base.erreurs import ErreurMoteur
from recommandeur._langage.expressions import Atome, Et, Expression, Ou
from recommandeur._moteur.durable_json import PILE_MAX, REGLES_PAR_ENSEMBLE, Reseau, decouper


def _pile(*conditions: Expression) -> int:
    reseau = Reseau()
    for condition in conditions:
        reseau.ajouter(condition)
    return reseau.pile_max()


def _sup(champ: str, valeur: int = 0) -> Atome:
    return Atome(champ, ">=", valeur)


CAS = {
    # la racine seule : l'attrape-tout
    "vide": ((), 1),
    # deux enfants de la racine
    "une comparaison": ((_sup("a"),), 2),
    # une même comparaison sous la racine est partagée : un seul nœud
    "partagée": ((_sup("a"), _sup("a"), _sup("a")), 2),
    # 10 règles « a ≥ 0 et y = i » : a partagé, ses 10 égalités s'excluent (une convient)
    "préfixe partagé, égalités exclusives": (
        tuple(Et((_sup("a"), Atome("y", "==", i))) for i in range(10)),
        2,
    ),
    # des frères en attente : racine (attrape, a, b), puis sous a (c, d) : 2 + 2
    "frères en attente": ((Et((_sup("a"), _sup("c"))), Et((_sup("a"), _sup("d"))), _sup("b")), 4),
    # 1, 1.0 et true pourraient se confondre : trois égalités qui peuvent convenir ensemble
    "égalités confondues": (
        (Atome("x", "==", 1), Atome("x", "==", 1.0), Atome("x", "==", True)),
        4,
    ),
    "égalités distinctes": ((Atome("x", "==", 1), Atome("x", "==", 2)), 2),
    # des inégalités sur un même champ peuvent toutes convenir
    "inégalités": ((_sup("x", 1), _sup("x", 2), _sup("x", 3)), 4),
    # un $or : ses deux branches sous la racine, chacune renvoie au nœud de renvoi, d'où part
    # la suite (c) : racine (attrape, a, b) = 3 ; sous a : le renvoi (1) ; sous le renvoi : c
    "disjonction": ((Et((Ou((_sup("a"), _sup("b"))), _sup("c"))),), 3),
}


@pytest.mark.parametrize("nom", list(CAS))
def test_pile_au_pire(nom: str) -> None:
    conditions, attendue = CAS[nom]
    assert _pile(*conditions) == attendue  # type: ignore[arg-type]


def _un_a_un(conditions: dict[str, Expression], plafond: int) -> list[list[str]]:
    """Le découpage glouton règle par règle : l'oracle de la dichotomie de ``decouper``."""
    morceaux: list[list[str]] = []
    for rid in conditions:
        if morceaux and len(morceaux[-1]) < plafond:
            essai = [*morceaux[-1], rid]
            if _pile(*(conditions[r] for r in essai)) <= PILE_MAX:
                morceaux[-1] = essai
                continue
        morceaux.append([rid])
    return morceaux


_ATOMES = st.builds(
    Atome,
    st.sampled_from(["a", "b", "c", "d"]),
    st.sampled_from(["==", ">=", "<"]),
    st.integers(0, 6),
)
_CONDITIONS = st.recursive(
    _ATOMES,
    lambda enfants: (
        st.builds(Et, st.tuples(enfants, enfants)) | st.builds(Ou, st.tuples(enfants, enfants))
    ),
    max_leaves=4,
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_CONDITIONS, min_size=1, max_size=160))
def test_decouper_comme_le_glouton_regle_par_regle(conditions: list[Expression]) -> None:
    table = {f"r{i}": c for i, c in enumerate(conditions)}
    assert decouper(table) == _un_a_un(table, REGLES_PAR_ENSEMBLE)


def test_decouper_suit_la_pile_puis_le_plafond() -> None:
    sous_la_racine = {f"r{i}": _sup("x", i) for i in range(130)}
    assert [len(m) for m in decouper(sous_la_racine)] == [PILE_MAX - 1, PILE_MAX - 1, 12]
    exclusives = {f"r{i}": Atome("x", "==", i) for i in range(250)}
    assert [len(m) for m in decouper(exclusives)] == [REGLES_PAR_ENSEMBLE] * 2 + [50]
    # l'ordre des règles est gardé, chaque règle dans un seul ensemble
    morceaux = decouper(sous_la_racine | exclusives)
    assert [rid for m in morceaux for rid in m] == list(sous_la_racine | exclusives)


def test_une_regle_seule_trop_grande_est_refusee() -> None:
    trop = Ou(tuple(_sup(f"a{i}") for i in range(PILE_MAX)))
    with pytest.raises(ErreurMoteur, match=r"pile de 61 nœuds au pire, au plus 60"):
        decouper({"grande": trop})


def test_un_noeud_garde_moins_de_enfants_que_la_table_de_durable() -> None:
    # 10 égalités exclusives par règle : la pile reste basse, mais la racine remplirait la
    # table d'enfants de durable-rules (512 places) ; l'ensemble s'arrête à 256 enfants
    regles = {
        f"r{i}": Ou(tuple(Atome("x", "==", 10 * i + k) for k in range(10))) for i in range(40)
    }
    assert _pile(*list(regles.values())[:25]) <= PILE_MAX
    assert [len(m) for m in decouper(regles)] == [25, 15]


def test_une_comparaison_sous_deux_parents_differents_compte_deux_fois() -> None:
    # « c » sous la racine et « c » sous b1 sont deux nœuds : sous b1, la pile garde encore
    # ce qui attend sous la racine (attrape, c) et sous a (b2, b3), puis les trois z.
    # racine (attrape, c, a) = 3 ; a (b1, b2, b3) : 2 + 3 = 5 ; b1 (c) : 4 + 1 ; c (z1..z3) : 4 + 3
    conditions: list[Expression] = [
        _sup("c"),
        *(Et((_sup("a"), _sup("b1"), _sup("c"), _sup("z", i))) for i in range(3)),
        Et((_sup("a"), _sup("b2"))),
        Et((_sup("a"), _sup("b3"))),
    ]
    assert _pile(*conditions) == 7


def test_une_regle_de_59_comparaisons_construit_son_moteur(
    catalogue: Catalogue, dossier_regles: Callable[[str], Path]
) -> None:
    # la frontière : le compilateur admet 59 comparaisons, le moteur doit les prendre
    branches = ", ".join(
        f'{{ champ = "annees_experience", op = ">=", valeur = {i} }}' for i in range(1, 60)
    )
    texte = (
        '[[regle]]\nid = "frontiere"\ntitre = "Frontière"\n'
        f"si = {{ un_de = [{branches}] }}\n"
        'justification = "{annees_experience} ans"\nsources = ["annexe1/cible/g"]\n'
        'recommande = [{ mesure = "soutien_ecole_soutenue", poids = 1 }]\n'
    )
    base = charger_regles(catalogue, dossier_regles(texte))
    assert _pile(base.regles[0].condition) == PILE_MAX
    moteur = Moteur(catalogue, base)
    assert moteur.declencher(moteur.fait(Profil(annees_experience=3, ordre="primaire"))) == [
        "frontiere"
    ]
