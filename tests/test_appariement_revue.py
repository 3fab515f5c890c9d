"""Les raisons d'une paire et d'une personne sans personne mentore, faites main (revue de
mutation indépendante m7) : qui est dite « plus proche mais à sa capacité », et la personne
mentore d'un mentorat resté sans effet jamais nommée ailleurs que dans sa raison ; les raisons
de deux paires de même profil, et l'alerte des personnes non appariées (revue m8p)."""

from __future__ import annotations

from recommandeur._programme.donnees.mentors import Mentor
from recommandeur._programme.jumelage.appariement import apparier
from recommandeur._programme.jumelage.criteres import Demande
from recommandeur._programme.jumelage.mentorat import NOMMEES_MAX, alertes_non_apparies
from recommandeur._programme.jumelage.modeles_mentorat import NonApparie
from recommandeur._programme.jumelage.raisons_paires import (
    pourquoi_sans_mentor,
    raisons_de_la_paire,
)

M1 = Mentor(id="M1", ecole="A", batiment="1", ordre="primaire")
M2 = Mentor(id="M2", ecole="A", batiment="2", ordre="primaire")
M3 = Mentor(id="M3", ecole="A", batiment="3", ordre="primaire")
M4 = Mentor(id="M4", ecole="B", autres_ecoles=("A",), ordre="secondaire")
SERVANT = {"A": [M1, M2, M3, M4]}
#: M1 et M2 à leur capacité (1 sur 1), M3 pas encore (1 sur 2), M4 libre.
MENTORES = {"M1": ["x"], "M2": ["y"], "M3": ["z"], "M4": []}
CAPACITES = {"M1": 1, "M2": 1, "M3": 2, "M4": 1}
NOMS = {"A": "École A", "B": "École B"}
AUTRE_ECOLE = (
    "personne mentore d'une autre école (École B) qui intervient aussi dans la sienne "
    "(« dans plus d'une école », le rapport du CSSPS)"
)


def _raisons(d: Demande, m: Mentor) -> list[str]:
    return raisons_de_la_paire(d, m, SERVANT, MENTORES, CAPACITES, NOMS)


def test_plus_proche_seulement_si_plus_proche_et_pleine() -> None:
    d = Demande("e1", "A", "primaire", batiment="9")
    assert _raisons(d, M4) == [AUTRE_ECOLE, "plus proche mais à sa capacité : M1, M2"]
    # M1 est aussi proche que M2 (la même école), pas plus : non nommée
    assert _raisons(d, M2) == ["même école (École A)", "même ordre (primaire)"]


def test_le_mentorat_sans_effet_n_est_pas_dit_plus_proche() -> None:
    d = Demande("e1", "A", "primaire", batiment="9", precedent="M1", echec=True)
    assert _raisons(d, M4) == [
        AUTRE_ECOLE,
        "plus proche mais à sa capacité : M2",
        "une autre personne mentore que M1, avec qui le mentorat est resté sans effet",
    ]
    # un précédent sans échec n'est pas « resté sans effet »
    sans_echec = Demande("e2", "A", "primaire", batiment="1", precedent="M9")
    assert _raisons(sans_echec, M1) == [
        "même bâtiment (1) de la même école",
        "même ordre (primaire)",
    ]


def test_sans_personne_mentore_la_precedente_n_est_nommee_que_par_son_motif() -> None:
    d = Demande("e1", "A", "primaire", precedent="M1", echec=True)
    motif, raison = pourquoi_sans_mentor(d, {"A": [M1]}, MENTORES, CAPACITES)
    assert motif == "precedent"
    assert raison.startswith("la seule personne mentore de l'école, M1, est celle avec qui")
    assert pourquoi_sans_mentor(d, {"A": [M1, M2]}, MENTORES, CAPACITES) == (
        "capacite",
        "les personnes mentores possibles sont à leur capacité (M2 : 1 sur 1) : libérer une "
        "autre personne mentore ou augmenter une capacité",
    )


def test_deux_personnes_de_meme_profil_ont_chacune_les_raisons_de_leur_paire() -> None:
    # e1 et e2 sont interchangeables (même profil) mais appariées à deux personnes mentores
    # différentes : les raisons gardées par profil le sont aussi par personne mentore
    ms = [Mentor(id="M1", ecole="A", batiment="1"), Mentor(id="M2", ecole="A", batiment="2")]
    demandes = [
        Demande("e1", "A", "primaire", batiment="1"),
        Demande("e2", "A", "primaire", batiment="1"),
    ]
    r = apparier(demandes, ms, {"M1": 1, "M2": 1}, NOMS)
    assert [(p.enseignant, p.mentor, p.raisons) for p in r.paires] == [
        ("e1", "M1", ["même bâtiment (1) de la même école"]),
        ("e2", "M2", ["même école (École A)", "plus proche mais à sa capacité : M1"]),
    ]


def _sans(n: int) -> list[NonApparie]:
    return [
        NonApparie(enseignant=f"e{i}", ecole="A", motif="capacite", raison="r")
        for i in range(1, n + 1)
    ]


def test_l_alerte_des_non_apparies_nomme_les_premieres_et_dit_s_il_y_en_a_d_autres() -> None:
    assert NOMMEES_MAX == 5
    (cinq,) = alertes_non_apparies(_sans(5), NOMS)
    assert cinq.ecole == "A"
    assert cinq.message == (
        "5 personne(s) à qui le mentorat est offert sans personne mentore nommée "
        "(e1, e2, e3, e4, e5) : r"
    )
    (six,) = alertes_non_apparies(_sans(6), NOMS)
    assert six.message == (
        "6 personne(s) à qui le mentorat est offert sans personne mentore nommée "
        "(e1, e2, e3, e4, e5 …) : r"
    )
