"""L'appariement des personnes à qui le mentorat est offert avec les personnes mentores nommées.

Politique épinglée sur de petits cas faits à la main (paires et raisons exactes), puis des
propriétés sur des classes d'entrées : jamais au-delà d'une capacité, chaque personne appariée
ou dite non appariée avec sa raison, le plus de personnes appariées possible (un oracle : le
flot maximal d'un graphe personne par personne), jamais la personne mentore d'un mentorat
resté sans effet, le même appariement quel que soit l'ordre des lignes.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import ErreurEffectifs, planifier
from recommandeur._cli.commande import main
from recommandeur._programme.donnees.mentors import Mentor, charger_mentors
from recommandeur._programme.jumelage.appariement import apparier, attribuer, morceaux, reunir
from recommandeur._programme.jumelage.criteres import Demande
from recommandeur._programme.jumelage.mentorat import RAISON_CONFIDENTIELLE

from .test_confidentialite import exports

NOMS = {"A": "École A", "B": "École B"}


def _ms() -> list[Mentor]:
    return [
        Mentor(
            id="M1", ecole="A", autres_ecoles=("B",), batiment="1", ordre="primaire", capacite=2
        ),
        Mentor(
            id="M2", ecole="A", batiment="2", ordre="primaire", matieres=("Musique",), capacite=1
        ),
    ]


def test_paires_faites_a_la_main() -> None:
    demandes = [
        Demande("a1", "A", "primaire", batiment="1", rang=0),
        Demande("a2", "A", "primaire", batiment="2", rang=0),
        Demande("a3", "A", "primaire", batiment="2", precedent="M2", echec=True, rang=0),
        Demande("b1", "B", "primaire", rang=1),
    ]
    r = apparier(demandes, _ms(), {"M1": 2, "M2": 1}, NOMS)
    assert [(p.enseignant, p.mentor) for p in r.paires] == [
        ("a1", "M1"),
        ("a2", "M2"),
        ("a3", "M1"),
    ]
    assert r.paires[0].raisons == ["même bâtiment (1) de la même école", "même ordre (primaire)"]
    assert r.paires[2].raisons == [
        "même école (École A)",
        "même ordre (primaire)",
        "une autre personne mentore que M2, avec qui le mentorat est resté sans effet",
    ]
    assert [(n.enseignant, n.raison) for n in r.non_apparies] == [
        (
            "b1",
            "les personnes mentores possibles sont à leur capacité (M1 : 2 sur 2) : libérer une "
            "autre personne mentore ou augmenter une capacité",
        )
    ]
    assert r.mentores == {"M1": ["a1", "a3"], "M2": ["a2"]}


def test_une_place_de_plus_va_a_l_ecole_voisine_et_le_dit() -> None:
    r = apparier([Demande("b1", "B", "primaire")], _ms(), {"M1": 2, "M2": 1}, NOMS)
    assert r.paires[0].raisons == [
        "personne mentore d'une autre école (École A) qui intervient aussi dans la sienne "
        "(« dans plus d'une école », le rapport du CSSPS)",
        "même ordre (primaire)",
    ]


def test_le_batiment_l_emporte_puis_la_matiere_puis_la_charge_egale() -> None:
    ms = [
        Mentor(id="M1", ecole="A", batiment="1", matieres=("Mathématiques",)),
        Mentor(id="M2", ecole="A", batiment="2", matieres=("français",)),
    ]
    demandes = [
        Demande("e1", "A", "secondaire", batiment="2", matiere="mathematiques"),
        Demande("e2", "A", "secondaire", matiere="MATHÉMATIQUES"),
        Demande("e3", "A", "secondaire"),
        Demande("e4", "A", "secondaire"),
    ]
    r = apparier(demandes, ms, {"M1": 5, "M2": 5})
    assert {p.enseignant: p.mentor for p in r.paires} == {
        "e1": "M2",  # même bâtiment avant la matière
        "e2": "M1",  # même matière (accents et casse près)
        "e3": "M1",  # à égalité : la charge la plus égale (une chacune), par identifiant
        "e4": "M2",
    }
    assert "même matière (MATHÉMATIQUES)" in r.paires[1].raisons


def test_la_continuite_quand_le_mentorat_a_eu_effet() -> None:
    ms = [Mentor(id="M1", ecole="A"), Mentor(id="M2", ecole="A")]
    r = apparier([Demande("e1", "A", "primaire", precedent="m2")], ms, {"M1": 1, "M2": 1})
    assert r.paires[0].mentor == "M2"
    assert "sa personne mentore précédente (la continuité)" in r.paires[0].raisons


def test_les_raisons_de_ne_pas_apparier() -> None:
    ms = [Mentor(id="M1", ecole="A")]
    r = apparier(
        [
            Demande("e1", "A", "primaire", precedent="M1", echec=True),
            Demande("e2", "C", "primaire"),
        ],
        ms,
        {"M1": 3},
    )
    assert r.paires == []
    assert [n.raison.split(" : ")[0] for n in r.non_apparies] == [
        "la seule personne mentore de l'école, M1, est celle avec qui le mentorat est resté sans effet",
        "aucune personne mentore nommée dans l'école ni pour elle",
    ]


def test_la_priorite_passe_avant_quand_les_places_manquent() -> None:
    ms = [Mentor(id="M1", ecole="A", batiment="1")]
    demandes = [
        Demande("a", "A", "primaire", batiment="1", rang=1),
        Demande("b", "A", "primaire", rang=0),
    ]
    r = apparier(demandes, ms, {"M1": 1})
    assert [p.enseignant for p in r.paires] == ["b"]


# --- propriétés -------------------------------------------------------------------------------

ECOLES = ["A", "B", "C"]
_mentor = st.builds(
    lambda i, ecole, autres, batiment, ordre: Mentor(
        id=f"M{i}",
        ecole=ecole,
        autres_ecoles=tuple(e for e in autres if e != ecole),
        batiment=batiment,
        ordre=ordre,
    ),
    st.integers(0, 5),
    st.sampled_from(ECOLES),
    st.lists(st.sampled_from(ECOLES), max_size=2, unique=True),
    st.sampled_from([None, "1", "2"]),
    st.sampled_from([None, "primaire", "secondaire"]),
)
_demande = st.builds(
    lambda i, ecole, batiment, ordre, precedent, echec, rang: Demande(
        f"e{i}", ecole, ordre, batiment=batiment, precedent=precedent, echec=echec, rang=rang
    ),
    st.integers(0, 30),
    st.sampled_from(ECOLES),
    st.sampled_from([None, "1", "2"]),
    st.sampled_from(["primaire", "secondaire"]),
    st.sampled_from([None, "M0", "M1", "M2"]),
    st.booleans(),
    st.integers(0, 1),
)
_cas = st.tuples(
    st.lists(_demande, max_size=25, unique_by=lambda d: d.enseignant),
    st.lists(_mentor, max_size=5, unique_by=lambda m: m.id),
    st.lists(st.integers(0, 6), min_size=6, max_size=6),
)


def _possible(d: Demande, m: Mentor) -> bool:
    return d.ecole in m.ecoles and not (d.echec and d.precedent == m.id)


def _maximum(demandes: list[Demande], mentors: list[Mentor], capacites: dict[str, int]) -> int:
    """L'oracle : le flot maximal d'un graphe personne par personne (sans classes ni coûts)."""
    g = nx.DiGraph()
    g.add_nodes_from(["s", "t"])
    for d in demandes:
        g.add_edge("s", ("d", d.enseignant), capacity=1)
        for m in mentors:
            if _possible(d, m):
                g.add_edge(("d", d.enseignant), ("m", m.id), capacity=1)
    for m in mentors:
        g.add_edge(("m", m.id), "t", capacity=capacites[m.id])
    return int(nx.maximum_flow_value(g, "s", "t"))


@settings(max_examples=150, deadline=None)
@given(_cas, st.randoms(use_true_random=False))
def test_proprietes_de_l_appariement(cas: tuple, hasard: object) -> None:  # type: ignore[type-arg]
    demandes, mentors, caps = cas
    capacites = {m.id: caps[int(m.id[1:])] for m in mentors}
    r = apparier(demandes, mentors, capacites)
    # chaque personne : appariée ou non appariée, une fois
    apparies = [p.enseignant for p in r.paires]
    non = [n.enseignant for n in r.non_apparies]
    assert sorted(apparies + non) == sorted(d.enseignant for d in demandes)
    assert not set(apparies) & set(non)
    assert all(n.raison for n in r.non_apparies)
    # jamais au-delà d'une capacité ; une paire possible seulement
    par_id = {d.enseignant: d for d in demandes}
    par_mentor = {m.id: m for m in mentors}
    for m in mentors:
        assert sum(p.mentor == m.id for p in r.paires) <= capacites[m.id]
    assert all(_possible(par_id[p.enseignant], par_mentor[p.mentor]) for p in r.paires)
    assert all(p.raisons for p in r.paires)
    # le plus de personnes appariées possible
    assert len(r.paires) == _maximum(demandes, mentors, capacites)
    # le même appariement quel que soit l'ordre des lignes
    melange_d, melange_m = list(demandes), list(mentors)
    hasard.shuffle(melange_d)  # type: ignore[attr-defined]
    hasard.shuffle(melange_m)  # type: ignore[attr-defined]
    autre = apparier(melange_d, melange_m, capacites)
    assert autre.paires == r.paires
    assert autre.non_apparies == r.non_apparies


#: Plus d'écoles que de personnes mentores : plusieurs composantes, et des écoles sans personne
#: mentore (leurs demandes ne sont dans aucun morceau).
_ECOLES_M = ["A", "B", "C", "D", "E", "F", "G"]
_cas_en_morceaux = st.tuples(
    st.lists(
        st.builds(
            lambda i, ecole, ordre, precedent, echec, rang: Demande(
                f"e{i}", ecole, ordre, precedent=precedent, echec=echec, rang=rang
            ),
            st.integers(0, 40),
            st.sampled_from(_ECOLES_M),
            st.sampled_from(["primaire", "secondaire"]),
            st.sampled_from([None, "M0", "M1"]),
            st.booleans(),
            st.integers(0, 1),
        ),
        max_size=30,
        unique_by=lambda d: d.enseignant,
    ),
    st.lists(
        st.builds(
            lambda i, ecole, autres: Mentor(
                id=f"M{i}", ecole=ecole, autres_ecoles=tuple(e for e in autres if e != ecole)
            ),
            st.integers(0, 7),
            st.sampled_from(_ECOLES_M),
            st.lists(st.sampled_from(_ECOLES_M), max_size=2, unique=True),
        ),
        max_size=6,
        unique_by=lambda m: m.id,
    ),
    st.lists(st.integers(0, 5), min_size=8, max_size=8),
    st.integers(1, 4),
)


@settings(max_examples=150, deadline=None)
@given(_cas_en_morceaux)
def test_les_morceaux_de_l_attribution_la_donnent_entiere(cas: tuple) -> None:  # type: ignore[type-arg]
    """Ticket 23 (plan10) : l'attribution calculée par morceaux (une partie dans un processus de
    calcul, le reste ici) est celle de toutes les demandes ; chaque morceau est fait de
    composantes entières, chaque demande et chaque personne mentore dans un morceau au plus."""
    demandes, mentors, caps, nombre = cas
    capacites = {m.id: caps[int(m.id[1:])] for m in mentors}
    parts = morceaux(demandes, mentors, capacites, nombre)
    assert len(parts) <= nombre and all(qui for qui, _, _ in parts)
    toutes = [d.enseignant for qui, _, _ in parts for d in qui]
    servies = {e for m in mentors for e in m.ecoles}
    assert sorted(toutes) == sorted(d.enseignant for d in demandes if d.ecole in servies)
    nommees = [m.id for _, servant, _ in parts for m in servant]
    assert len(nommees) == len(set(nommees))
    assert all(caps_ == {m.id: capacites[m.id] for m in servant} for _, servant, caps_ in parts)
    attendu = attribuer(demandes, mentors, capacites)
    assert reunir(lambda: [attribuer(*m) for m in parts]) == attendu


# --- le fichier des personnes mentores ----------------------------------------------------------


def test_chaque_mauvaise_ligne_est_dite_a_la_fois() -> None:
    lignes = [
        {"mentor": "M1", "ecole": "Aa", "ordre": "primair", "liberation": "120 %"},
        {"mentor": "m1", "ecole": "A"},
        {"mentor": "M3", "ecole": "A", "capacite": "0", "autres_ecoles": "B; Z"},
        {"ecole": "A", "matiere": "français"},
    ]
    with pytest.raises(ErreurEffectifs) as exc:
        charger_mentors(lignes, {"a": "A", "b": "B"})
    dits = [(p.id, p.champ, p.valeur if p.a_valeur else None) for p in exc.value.problemes]
    assert ("élément n° 1", "ecole", "Aa") in dits
    assert ("élément n° 3", "autres_ecoles", "Z") in dits
    assert ("élément n° 4", "mentor", None) in dits
    assert ("élément n° 4", "matiere", None) in dits  # colonne inconnue : « matieres » ?
    faute = next(p for p in exc.value.problemes if p.champ == "matiere")
    assert "matieres" in faute.suggestions
    sans_ecole = [{"mentor": "M1", "ecole": "A", "ordre": "primair", "liberation": "120 %"}]
    casse = [{"mentor": "m4", "ecole": "A"}, {"mentor": "M4", "ecole": "A"}]
    with pytest.raises(ErreurEffectifs) as exc2:
        charger_mentors(sans_ecole + lignes[1:3] + casse, {"a": "A", "b": "B"})
    champs = {(p.id, p.champ) for p in exc2.value.problemes}
    assert {("élément n° 1", "ordre"), ("élément n° 1", "liberation")} <= champs
    assert ("élément n° 2", "mentor") in champs  # déjà décrite, à la casse près
    assert ("élément n° 3", "capacite") in champs
    assert ("élément n° 5", "mentor") in champs  # « M4 » : déjà décrite sous « m4 »
    ordre = next(p for p in exc2.value.problemes if p.champ == "ordre")
    assert "primaire" in ordre.suggestions


def test_planifier_dit_les_fautes_des_effectifs_et_des_mentors_ensemble(tmp_path: Path) -> None:
    (tmp_path / "mentors.csv").write_text("mentor;ecole;capacite\nM1;Z;3\n", encoding="utf-8")
    with pytest.raises(ErreurEffectifs) as exc:
        planifier(
            [{"enseignant": "e1", "ecole": "A", "annees_experience": 0, "ordre": "primair"}],
            [{"ecole": "A"}],
            mentors=tmp_path / "mentors.csv",
        )
    assert {(p.fichier, p.champ) for p in exc.value.problemes} == {
        ("enseignants", "ordre"),
        ("mentors.csv", "ecole"),
    }


@pytest.mark.parametrize("inclure_confidentiel", [False, True])
def test_un_mentorat_reste_sans_effet_est_confidentiel_dans_les_fichiers_du_centre(
    tmp_path: Path, inclure_confidentiel: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """003 : la direction accepte « la confidentialité de la relation mentor-mentoré ». Qu'un
    mentorat avec telle personne mentore soit resté sans effet, et même le motif « precedent »
    d'une personne non appariée, ne sortent jamais du plan en mémoire : ni CSV, ni xlsx, ni JSON
    (fichier et sortie de la commande), ni rapport, ni alerte, ni ``print(plan)`` — pas même
    avec ``inclure_confidentiel`` (qui montre la détresse, non la relation). Le centre lit ce
    qu'il faut faire : une personne mentore d'une autre école."""
    sans_effet = {
        "annees_experience": 0,
        "ordre": "primaire",
        "mesures_recues": "mentorat:sans_effet",
    }
    enseignants = [
        {"enseignant": "e1", "ecole": "A", "mentor_precedent": "M1", **sans_effet},
        {"enseignant": "e2", "ecole": "B", "mentor_precedent": "M2", **sans_effet},
    ]
    ecoles = [{"ecole": "A", "mentors": 1}, {"ecole": "B", "mentors": 2}]
    mentors = [
        {"mentor": "M1", "ecole": "A"},
        {"mentor": "M2", "ecole": "B"},
        {"mentor": "M3", "ecole": "B"},
    ]
    plan = planifier(
        enseignants, ecoles, mentors=mentors, inclure_confidentiel=inclure_confidentiel
    )
    assert plan.appariement is not None
    (paire,) = plan.appariement.paires
    assert (paire.enseignant, paire.mentor) == ("e2", "M3")
    assert any("resté sans effet" in r for r in paire.raisons)  # le plan en mémoire le garde
    (non,) = plan.appariement.non_apparies
    assert (non.enseignant, non.motif) == ("e1", "precedent")
    assert "M1" in non.raison
    alertes = [a.message for a in plan.alertes if a.genre == "non_apparies"]
    assert alertes and not any("e1" in m or "M1" in m or "sans effet" in m for m in alertes)

    textes = exports(plan, tmp_path)
    for f in ("enseignants.csv", "ecoles.csv", "mentors.csv"):  # la commande, sortie JSON
        lignes = enseignants if f == "enseignants.csv" else ecoles if f == "ecoles.csv" else mentors
        with (tmp_path / f).open("w", encoding="utf-8", newline="") as sortie:
            ecrivain = csv.DictWriter(sortie, list(lignes[0]))
            ecrivain.writeheader()
            ecrivain.writerows(lignes)
    options = ["--inclure-confidentiel"] if inclure_confidentiel else []
    assert main(["plan", str(tmp_path / "enseignants.csv"), "--ecoles", str(tmp_path / "ecoles.csv"),
                 "--mentors", str(tmp_path / "mentors.csv"), "--json", "-", *options]) == 0  # fmt: skip
    textes["json -"] = capsys.readouterr().out
    for nom, texte in textes.items():
        for interdit in ("resté sans effet", "precedent", "proposée de nouveau", "M1, est celle"):
            assert interdit not in texte, (nom, interdit)
    ligne_non = f"e1;A;confidentiel;{RAISON_CONFIDENTIELLE}"
    assert ligne_non in textes["non_apparies.csv"]
    assert "e2;B;M3;B;même école (B)" in textes["paires.csv"]
    for nom in ("plan.json", "json -"):
        a = json.loads(textes[nom])["appariement"]
        assert [(n["enseignant"], n["motif"], n["raison"]) for n in a["non_apparies"]] == [
            ("e1", "confidentiel", RAISON_CONFIDENTIELLE)
        ], nom
        assert a["paires"][0]["raisons"] == ["même école (B)"], nom
    assert "raison confidentielle" in textes["plan.xlsx"]  # le motif, par son libellé
    assert RAISON_CONFIDENTIELLE in textes["plan.html"]


def test_la_continuite_l_emporte_sur_l_ordre_et_le_batiment_se_compare_sans_la_casse() -> None:
    """Revue indépendante (tickets 18, 23) : la politique dit le lieu, puis la continuité, puis
    l'ordre et la matière ; un bâtiment « b1 » est le bâtiment « B1 »."""
    ms = [
        Mentor(id="M1", ecole="A", batiment="b1", ordre="secondaire"),
        Mentor(id="M2", ecole="A", batiment="B1", ordre="primaire", matieres=("Musique",)),
    ]
    demande = Demande("e1", "A", "primaire", batiment="B1", matiere="musique", precedent="M1")
    r = apparier([demande], ms, {"M1": 1, "M2": 1})
    (paire,) = r.paires
    assert paire.mentor == "M1"  # la continuité avant le même ordre et la même matière
    assert paire.raisons == [
        "même bâtiment (b1) de la même école",
        "sa personne mentore précédente (la continuité)",
    ]


#: Deux classes de personnes à coûts égaux chez deux personnes mentores : plusieurs
#: attributions sont optimales, seul l'ordre des identifiants départage.
_EGALES = [
    Demande(f"e{i}", "a", "primaire", rang=i % 2, matiere=m)
    for i, m in zip(range(6), ["x", None, "y", "x", None, "y"], strict=True)
]


@settings(max_examples=30, deadline=None, database=None)
@given(st.permutations(_EGALES))
def test_l_attribution_ne_depend_pas_de_l_ordre_des_demandes(demandes: list[Demande]) -> None:
    """Ticket 23 (plan) : ``attribuer`` (confiée à un processus de calcul par ``planifier``,
    qui lui passe les demandes dans l'ordre des effectifs) trie elle-même les demandes."""
    ms = [Mentor(id="M1", ecole="a"), Mentor(id="M2", ecole="a")]
    assert attribuer(demandes, ms, {"M1": 3, "M2": 3}) == {
        "e0": "M1",
        "e2": "M1",
        "e4": "M1",
        "e1": "M2",
        "e3": "M2",
        "e5": "M2",
    }
