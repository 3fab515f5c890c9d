"""Les cohortes du centre : les activités universelles inter-établissements, par ordre (et
région), d'au plus ``taille_max_cohorte`` personnes ; chaque personne dans une seule cohorte."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import planifier
from recommandeur._moteur.moteur import moteur_par_defaut
from recommandeur._programme.calcul.resume import Offre, Resume
from recommandeur._programme.plans_d_ecole.groupes import TAILLE_MAX_COHORTE, grouper
from recommandeur._vocabulaire import Niveau, Presence

ORDRES = ("prescolaire", "primaire", "secondaire")


def _resume(ordre: str, mesures: tuple[str, ...]) -> Resume:
    return Resume(
        periode="en_cours",
        ordre=ordre,
        prioritaires=(),
        offres=tuple(
            Offre(m, "services_educatifs", Presence.PRESENT, None, "centre") for m in mesures
        ),
        actions=(),
        escalades=0,
    )


@st.composite
def centres(draw: st.DrawFn) -> tuple[list[tuple[str, str, Resume]], dict[str, str], int]:
    n_ecoles = draw(st.integers(1, 6))
    regions = {
        f"E{i}": r for i in range(n_ecoles) if (r := draw(st.sampled_from(["", "Nord", "Sud"])))
    }
    suite = []
    for i in range(draw(st.integers(0, 120))):
        ordre = draw(st.sampled_from(ORDRES))
        mesures = draw(
            st.lists(st.sampled_from(["activites_groupe", "plan_dp"]), unique=True, max_size=2)
        )
        suite.append(
            (f"p{i}", f"E{draw(st.integers(0, n_ecoles - 1))}", _resume(ordre, tuple(mesures)))
        )
    return suite, regions, draw(st.integers(2, 30))


@settings(max_examples=80, deadline=None, database=None)
@given(centres())
def test_proprietes_des_cohortes(
    donnees: tuple[list[tuple[str, str, Resume]], dict[str, str], int],
) -> None:
    suite, regions, taille = donnees
    catalogue = moteur_par_defaut().catalogue
    groupes, affectation = grouper(suite, catalogue, {}, 8, taille, regions)
    ordre_de = {p: r.ordre for p, _, r in suite}
    ecole_de = {p: e for p, e, _ in suite}
    vus: Counter[tuple[str, str]] = Counter()
    for g in groupes:
        assert g.ecole is None and g.niveau is Niveau.UNIVERSEL
        assert 1 <= len(g.membres) <= taille  # aucune cohorte au-delà du maximum
        assert {ordre_de[m] for m in g.membres} == {g.ordre}  # un seul ordre
        assert {regions.get(ecole_de[m]) for m in g.membres} == {g.region}  # une seule région
        vus.update((m, g.mesure) for m in g.membres)
    # chaque personne dans exactement une cohorte par activité, dès que l'activité a 2 personnes
    offertes = Counter((o.mesure, r.ordre, regions.get(e)) for _, e, r in suite for o in r.offres)
    for p, e, r in suite:
        for o in r.offres:
            attendu = 1 if offertes[(o.mesure, r.ordre, regions.get(e))] >= 2 else 0
            assert vus[(p, o.mesure)] == attendu
            assert ((p, o.mesure) in affectation) == bool(attendu)
    # des cohortes de tailles voisines pour une même activité, un même ordre, une même région
    tailles: dict[tuple[str, str | None, str | None], list[int]] = {}
    for g in groupes:
        tailles.setdefault((g.mesure, g.ordre, g.region), []).append(len(g.membres))
    assert all(max(t) - min(t) <= 1 for t in tailles.values())


def test_cohortes_a_la_main() -> None:
    """Sortie exacte : 7 personnes du primaire (deux écoles), 2 du secondaire, cohortes de 3."""
    suite = [
        ("a1", "A", _resume("primaire", ("activites_groupe",))),
        ("b1", "B", _resume("primaire", ("activites_groupe",))),
        ("a2", "A", _resume("primaire", ("activites_groupe",))),
        ("b2", "B", _resume("primaire", ("activites_groupe",))),
        ("a3", "A", _resume("primaire", ("activites_groupe",))),
        ("s1", "A", _resume("secondaire", ("activites_groupe",))),
        ("a4", "A", _resume("primaire", ("activites_groupe",))),
        ("s2", "B", _resume("secondaire", ("activites_groupe",))),
        ("b3", "B", _resume("primaire", ("activites_groupe",))),
    ]
    groupes, _ = grouper(suite, moteur_par_defaut().catalogue, {}, 8, 3)
    # les personnes d'une même école ensemble, des cohortes de tailles voisines (3, 3, 1 → 3, 2, 2)
    assert [(g.ordre, g.membres) for g in groupes] == [
        ("primaire", ["a1", "a2", "a3"]),
        ("primaire", ["a4", "b1"]),
        ("primaire", ["b2", "b3"]),
        ("secondaire", ["s1", "s2"]),
    ]


def test_plus_de_groupe_de_213() -> None:
    """L'exemple du centre : aucune activité universelle du centre au-delà de la convention."""
    plan = planifier("exemples/effectifs/enseignants.csv", "exemples/effectifs/ecoles.csv")
    du_centre = [g for g in plan.groupes if g.ecole is None and g.niveau is Niveau.UNIVERSEL]
    assert du_centre and max(len(g.membres) for g in du_centre) <= TAILLE_MAX_COHORTE
    assert plan.parametres["taille_max_cohorte"] == TAILLE_MAX_COHORTE


def test_region_du_fichier_des_ecoles() -> None:
    profs = [
        {
            "enseignant": f"t{i}",
            "ecole": "N" if i % 2 else "S",
            "annees_experience": 0,
            "ordre": "primaire",
            "nouveau_dans_le_centre": "oui",
        }
        for i in range(6)
    ]
    ecoles = [{"ecole": "N", "region": " Nord "}, {"ecole": "S", "region": "Sud"}]
    plan = planifier(profs, ecoles)
    du_centre = [g for g in plan.groupes if g.ecole is None and g.niveau is Niveau.UNIVERSEL]
    assert du_centre
    for g in du_centre:
        assert g.region in {"Nord", "Sud"}
        assert {int(m[1:]) % 2 for m in g.membres} == ({1} if g.region == "Nord" else {0})


def test_une_offre_universelle_d_ecole_reunit_tout_son_groupe() -> None:
    """Une CAP (universelle, d'établissement) de 10 personnes : un seul groupe, pas 2 de 5."""
    cap = Offre("cap", "equipe_ecole", Presence.PRESENT, None, "ecole")
    suite = [(f"p{i}", "A", Resume("en_cours", "primaire", (), (cap,), (), 0)) for i in range(10)]
    groupes, _ = grouper(suite, moteur_par_defaut().catalogue, {}, 8, 3)
    assert [(g.ecole, len(g.membres)) for g in groupes] == [("A", 10)]
