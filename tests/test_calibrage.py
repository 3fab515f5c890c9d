"""Le calibrage des déclencheurs d'école : « école soutenue » relativement au centre.

Une distribution faite à la main (sortie exacte), des propriétés sur des centres tirés au
hasard, et le plan de l'exemple : le soutien d'une école soutenue ne va plus qu'aux écoles
retenues.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Moteur, planifier
from recommandeur._programme.plans_d_ecole.calibrage import (
    PAR_ID,
    SOUTIEN,
    calibrer,
    seuil_du_quart,
)

#: Huit écoles : part en insertion, rang IMSE, part en adaptation scolaire.
ECOLES: dict[str, dict[str, float | None]] = {
    "A": {"part_novices": 0.10, "imse": 3, "adaptation_scolaire": 0.0},
    "B": {"part_novices": 0.40, "imse": 9, "adaptation_scolaire": 0.0},
    "C": {"part_novices": 0.20, "imse": 10, "adaptation_scolaire": 0.5},
    "D": {"part_novices": 0.35, "imse": 2, "adaptation_scolaire": 0.0},
    "E": {"part_novices": 0.15, "imse": 8, "adaptation_scolaire": 0.25},
    "F": {"part_novices": None, "imse": None, "adaptation_scolaire": None},
    "G": {"part_novices": 0.05, "imse": 10, "adaptation_scolaire": 0.0},
    "H": {"part_novices": 0.30, "imse": 5, "adaptation_scolaire": 0.1},
}
NOMS = {e: f"École {e}" for e in ECOLES}


def test_distribution_a_la_main() -> None:
    c = calibrer(ECOLES, NOMS, planchers={"imse": 8.0})
    # 7 valeurs connues par critère : le quart supérieur, c'est le rang ⌈7/4⌉ = 2
    assert [(d.critere, d.seuil, d.origine, d.ecoles) for d in c.declencheurs] == [
        ("part_novices", 0.35, "centre", ["B", "D"]),
        ("imse", 10, "centre", ["C", "G"]),
        ("adaptation_scolaire", 0.25, "centre", ["C", "E"]),
    ]
    # au plus ⌈8/4⌉ = 2 écoles : C (deux motifs), puis la mieux classée : B (1re en part)
    assert c.maximum == 2
    assert [(e.ecole, e.motifs, e.retenue) for e in c.ecoles] == [
        ("B", ["part_novices"], True),
        ("C", ["imse", "adaptation_scolaire"], True),
        ("D", ["part_novices"], False),
        ("E", ["adaptation_scolaire"], False),
        ("G", ["imse"], False),
    ]
    assert c.retenues() == ["B", "C"]
    assert c.ecoles[1].raisons == [
        "rang IMSE de l'école : rang 10 (seuil de rang 10, le quart supérieur du centre)",
        "part des personnes en insertion de l'école affectées en adaptation scolaire : 50 % "
        "(seuil de 25 %, le quart supérieur du centre)",
    ]
    lignes = c.lignes()
    assert lignes[0].startswith(
        "École soutenue : 2 école(s) retenue(s) sur 8 pour le soutien du centre (au plus le "
        "quart des écoles du centre, une convention du plan hors des documents sources"
    )
    assert lignes[0].endswith("; 5 école(s) signalée(s)")
    assert lignes[1] == (
        "  part du personnel enseignant en insertion : 2 école(s) ; 35 % ou plus : le quart "
        "supérieur des 7 école(s) du centre dont la valeur est connue (un seuil calculé par le "
        "plan sur le centre lui-même, hors des documents sources : l'Annexe 1 dit seulement "
        "« % élevé de nouveaux enseignants »)"
    )


def test_le_plancher_imse_et_le_seuil_de_la_surcouche() -> None:
    centre = {e: {"imse": v} for e, v in zip("ABCDEFGH", [1, 2, 3, 4, 5, 6, 7, 8], strict=True)}
    c = calibrer(centre, {}, planchers={"imse": 8.0}, criteres=[PAR_ID["imse"]])
    # le quart supérieur serait le rang 7 : jamais sous le rang 8 (convention dite)
    assert (c.declencheurs[0].seuil, c.declencheurs[0].ecoles) == (8.0, ["H"])
    assert "jamais sous le rang 8" in c.declencheurs[0].explication
    # la surcouche : son seuil l'emporte, et toutes ses écoles sont retenues (au-delà du quart)
    c = calibrer(
        centre,
        {},
        seuils_du_centre={"imse": (5.0, "le choix du centre")},
        criteres=[PAR_ID["imse"]],
    )
    assert c.declencheurs[0].origine == "surcouche"
    assert c.declencheurs[0].explication == (
        "rang 5 ou plus : le seuil du centre, dans sa surcouche (le choix du centre)"
    )
    assert c.retenues() == ["E", "F", "G", "H"] and c.maximum == 2


def test_seuil_du_quart_ex_aequo_et_zeros() -> None:
    assert seuil_du_quart([0.3, 0.3, 0.3, 0.3, 0.1]) == 0.3  # ex æquo : tous signalés
    assert seuil_du_quart([0.0] * 10 + [0.05]) == 0.05  # jamais zéro
    assert seuil_du_quart([0.0, 0.0]) is None


VALEUR = st.one_of(st.none(), st.floats(0, 1, allow_nan=False))


@st.composite
def centres(draw: st.DrawFn) -> dict[str, dict[str, float | None]]:
    n = draw(st.integers(1, 30))
    return {
        f"E{i}": {
            "part_novices": draw(VALEUR),
            "imse": draw(st.one_of(st.none(), st.integers(1, 10).map(float))),
            "adaptation_scolaire": draw(VALEUR),
        }
        for i in range(n)
    }


@settings(max_examples=150, deadline=None, database=None)
@given(centres(), st.booleans())
def test_proprietes_du_calibrage(
    centre: dict[str, dict[str, float | None]], surcouche: bool
) -> None:
    seuils = {"part_novices": (0.3, "choix")} if surcouche else {}
    c = calibrer(centre, {}, seuils_du_centre=seuils, planchers={"imse": 8.0})
    assert c.maximum == math.ceil(len(centre) / 4)
    signalees = {e.ecole: e for e in c.ecoles}
    for d in c.declencheurs:
        connues: dict[str, float] = {
            e: x for e, v in centre.items() if (x := v[d.critere]) is not None
        }
        for e, v in connues.items():
            # signalée si et seulement si elle atteint le seuil (et n'est pas à zéro)
            attendu = d.seuil is not None and v >= d.seuil and v > 0
            assert (e in d.ecoles) == attendu
            assert (e in signalees and d.critere in signalees[e].motifs) == attendu
        if d.origine == "centre" and d.critere != "imse" and any(v > 0 for v in connues.values()):
            # le quart supérieur : au moins ⌈n/4⌉ écoles, ou toutes celles qui ne sont pas à zéro
            positives = sum(v > 0 for v in connues.values())
            assert len(d.ecoles) >= min(math.ceil(len(connues) / 4), positives)
        if d.critere == "imse" and d.seuil is not None:
            assert d.seuil >= 8
    retenues = c.retenues()
    par_surcouche = [e for e in c.ecoles if "part_novices" in e.motifs and surcouche]
    assert len(retenues) <= max(c.maximum, len(par_surcouche))
    assert all(e.ecole in retenues for e in par_surcouche)
    assert all(e.motifs for e in c.ecoles)
    assert all(len(e.raisons) == len(e.motifs) for e in c.ecoles)
    # déterministe
    assert calibrer(centre, {}, seuils_du_centre=seuils, planchers={"imse": 8.0}) == c


def _soutenues(plan: object) -> list[str]:
    return [
        p.ecole
        for p in plan.ecoles  # type: ignore[attr-defined]
        if any(a.mesure == SOUTIEN for a in p.actions)
    ]


def test_le_plan_de_l_exemple_cible_les_ecoles_soutenues() -> None:
    enseignants, ecoles = "exemples/effectifs/enseignants.csv", "exemples/effectifs/ecoles.csv"
    plan = planifier(enseignants, ecoles)
    assert plan.calibrage is not None
    retenues = plan.calibrage.retenues()
    assert _soutenues(plan) == retenues
    assert len(retenues) <= math.ceil(len(plan.ecoles) / 4)
    for p in plan.ecoles:
        for a in p.actions:
            if a.mesure == SOUTIEN:  # la raison est celle du calibrage, pas le seuil fixe
                assert all("quart supérieur du centre" in r for r in a.raisons)
    # avec la surcouche d'exemple : son seuil de la part en insertion l'emporte
    plan = planifier(
        enseignants, ecoles, moteur=Moteur.depuis(surcouche="exemples/surcouche_centre")
    )
    assert plan.calibrage is not None
    part = plan.calibrage.declencheurs[0]
    assert (part.critere, part.seuil, part.origine) == ("part_novices", 0.25, "surcouche")
    assert _soutenues(plan) == plan.calibrage.retenues()


def test_une_ecole_signalee_recoit_le_comite_meme_sous_le_seuil_fixe() -> None:
    """Quatre écoles ; la plus chargée est à 25 % (6 personnes sur 24, sous le seuil fixe de
    30 %) : elle est dans le quart supérieur du centre, donc signalée, et reçoit le comité et
    le soutien (6 personnes : pas un plan léger, qui n'aurait pas de comité)."""
    profs = [
        {"enseignant": f"{e}{i}", "ecole": e, "annees_experience": 1, "ordre": "primaire"}
        for e, n in (("A", 6), ("B", 2), ("C", 1), ("D", 1))
        for i in range(n)
    ]
    ecoles = [{"ecole": e, "nb_enseignants": 24, "mentors": 1} for e in "ABCD"]
    plan = planifier(profs, ecoles)
    assert plan.calibrage is not None and plan.calibrage.retenues() == ["A"]
    a = plan.ecoles[0]
    mesures = {x.mesure: x for x in a.actions}
    assert SOUTIEN in mesures and "comite_insertion_professionnelle" in mesures
    assert mesures[SOUTIEN].nb_concernes == 6
    assert mesures[SOUTIEN].raisons == [
        "part du personnel enseignant en insertion : 25 % (seuil de 25 %, le quart supérieur du centre)"
    ]
    assert all(SOUTIEN not in {x.mesure for x in p.actions} for p in plan.ecoles[1:])
