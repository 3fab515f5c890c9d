"""Les nombres à la française (``_rendu/nombres.py``) : relus, ils redonnent la valeur arrondie ;
les milliers sont groupés par trois, séparés par l'espace fine insécable."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from recommandeur._rendu.nombres import ESPACE, decimal, entier, heures, montant, pour_cent

_GROUPES = re.compile(r"-?\d{1,3}(\u202f\d{3})*(,\d+)?\Z")


def _relire(texte: str) -> float:
    return float(texte.replace(ESPACE, "").replace(",", "."))


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_un_entier_relu_redonne_l_entier_et_groupe_par_trois(n: int) -> None:
    texte = entier(n)
    assert _GROUPES.match(texte), texte
    assert int(texte.replace(ESPACE, "")) == n
    assert (ESPACE in texte) == (abs(n) >= 1000)
    assert " " not in texte and "." not in texte


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.integers(min_value=0, max_value=3),
)
def test_un_decimal_relu_redonne_la_valeur_arrondie(x: float, chiffres: int) -> None:
    texte = decimal(x, chiffres)
    assert _GROUPES.match(texte), texte
    assert abs(_relire(texte) - x) <= 0.5 * 10**-chiffres + 1e-9 * max(1.0, abs(x))
    partie = texte.partition(",")[2]
    assert len(partie) <= chiffres and not partie.endswith("0")
    assert texte != "-0" and "e" not in texte


@given(st.floats(min_value=0, max_value=1))
def test_une_part_en_pour_cent(part: float) -> None:
    texte = pour_cent(part)
    assert texte.endswith(f"{ESPACE}%")
    assert abs(_relire(texte[:-2]) - part * 100) <= 0.05 + 1e-9


def test_les_unites_et_l_inconnu_epingles() -> None:
    assert entier(1234567) == "1\u202f234\u202f567"
    assert (
        decimal(0.5) == "0,5"
        and decimal(1e15, 0) == "1\u202f000\u202f000\u202f000\u202f000\u202f000"
    )
    assert pour_cent(0.0) == "0\u202f%" and pour_cent(1.0) == "100\u202f%"
    assert (
        montant(1600) == "1\u202f600\u202f$"
        and heures(2.25) == "2,3\u202fh"
        and decimal(0.125, 2) == "0,13"
    )
    assert [f(None) for f in (entier, decimal, pour_cent, montant, heures)] == ["—"] * 5
    assert decimal(float("nan")) == "—" and decimal(float("inf")) == "—"
