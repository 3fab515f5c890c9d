"""Les mémoires d'un moteur (décisions, intervenants, mesures partagées) ne changent aucun résultat.

Un résultat calculé après d'autres (mémoires chaudes) est identique à celui calculé mémoires
vidées : chaque partie d'une clé de mémoire est exercée par une paire de profils qui ne
diffèrent que par elle.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Moteur, Profil, recommander
from recommandeur._recommandation.motifs import Fiche, fiche, taille_memoire
from recommandeur.testing import profils

MOTEUR = Moteur.depuis()


def _vider(f: Fiche) -> None:
    f.decisions.clear()
    f.candidats.clear()
    f.noms_candidats.clear()
    f.recommandees.clear()
    f.motif.cache_clear()


def _froid(profil: Profil | dict[str, Any]) -> str:
    """Le JSON du résultat, calculé mémoires vidées."""
    _vider(fiche(MOTEUR))
    return recommander(profil, moteur=MOTEUR).model_dump_json()


def _base(**ecole: Any) -> dict[str, Any]:
    return {
        "annees_experience": 1,
        "ordre": "primaire",
        "besoins": {"gestion_de_classe": "elevee", "bien_etre": "moderee"},
        "ecole": ecole,
    }


#: Des paires qui ne diffèrent que par une partie d'une clé de mémoire.
PAIRES = {
    "présences": (_base(mentor_dans_l_ecole=True), _base(mentor_dans_l_ecole=False)),
    "présence inconnue": (_base(), _base(conseiller_pedagogique=True)),
    "période": (_base(), {**_base(), "annees_experience": 9}),
    "vu présent": (
        _base(),
        {**_base(), "mesures_recues": [{"mesure": "accompagnement_individuel", "efficace": True}]},
    ),
    "qui éviter": (
        _base(mentor_dans_l_ecole=True),
        {
            **_base(mentor_dans_l_ecole=True),
            "mesures_recues": [{"mesure": "mentorat", "efficace": False}],
        },
    ),
    "détresse": (_base(), {**_base(), "signaux_de_detresse": True}),
    "règles qui proposent": (
        _base(),
        {**_base(), "affectation": {"nouveau_dans_l_ecole": True, "partage_de_tache": True}},
    ),
}


@pytest.mark.parametrize("nom", list(PAIRES))
def test_une_paire_qui_differe_par_une_partie_de_cle(nom: str) -> None:
    premier, second = PAIRES[nom]
    attendus = [_froid(premier), _froid(second)]
    # chaud : le premier puis le second, puis dans l'autre ordre
    for ordre in ((premier, second), (second, premier)):
        _vider(fiche(MOTEUR))
        obtenus = [recommander(p, moteur=MOTEUR).model_dump_json() for p in ordre]
        assert obtenus == (attendus if ordre[0] is premier else attendus[::-1])
    assert attendus[0] != attendus[1], f"la paire « {nom} » doit donner deux résultats"


@settings(max_examples=60, deadline=None)
@given(st.lists(profils(MOTEUR.catalogue), min_size=2, max_size=6))
def test_une_suite_de_profils_comme_memoires_vides(suite: list[Profil]) -> None:
    froids = [_froid(p) for p in suite]
    _vider(fiche(MOTEUR))
    assert [recommander(p, moteur=MOTEUR).model_dump_json() for p in suite] == froids


def test_les_memoires_se_vident_quand_elles_sont_pleines() -> None:
    f = Fiche(MOTEUR)
    for i in range(f.taille + 5):
        f.garder(f.decisions, (i,), i)
    assert len(f.decisions) == 5
    assert f.decisions == {(f.taille + k,): f.taille + k for k in range(5)}


def test_la_taille_des_memoires_suit_la_base() -> None:
    assert [taille_memoire(n) for n in (1, 54, 500, 501, 5_000)] == [
        10_000,
        10_000,
        10_000,
        10_020,
        100_000,
    ]
    assert Fiche(MOTEUR).taille == 10_000
    assert fiche(MOTEUR).motif.cache_parameters()["maxsize"] == 10_000


def test_une_decision_est_partagee_entre_profils_de_meme_signature() -> None:
    f = fiche(MOTEUR)
    _vider(f)
    a = recommander({**_base(mentor_dans_l_ecole=True), "annees_experience": 2}, moteur=MOTEUR)
    n = len(f.decisions)
    b = recommander({**_base(mentor_dans_l_ecole=True), "annees_experience": 3}, moteur=MOTEUR)
    assert len(f.decisions) == n
    assert [m.acteur.id for m in a.mesures if m.mesure.id == "mentorat"] == [
        m.acteur.id for m in b.mesures if m.mesure.id == "mentorat"
    ]


def test_les_listes_partagees_ne_se_modifient_pas() -> None:
    import pickle

    # une mesure recommandée n'est gardée qu'à la deuxième rencontre de sa clé
    recommander(_base(mentor_dans_l_ecole=True), moteur=MOTEUR)
    a = recommander(_base(mentor_dans_l_ecole=True), moteur=MOTEUR)
    b = recommander({**_base(mentor_dans_l_ecole=True), "ordre": "primaire"}, moteur=MOTEUR)
    assert a.mesures[0] is b.mesures[0]  # partagée entre les deux résultats
    avant = b.model_dump_json()
    partagee = a.mesures[0]
    for liste in (partagee.motifs, partagee.alternatives, partagee.partenaires):
        with pytest.raises(TypeError, match="partagée entre résultats : immuable"):
            liste.clear()
        with pytest.raises(TypeError):
            liste.append(None)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            liste[:] = []
    assert b.model_dump_json() == avant
    copie = list(partagee.motifs)
    copie.clear()  # une copie se modifie
    assert partagee.motifs
    assert pickle.loads(pickle.dumps(partagee)) == partagee


def test_une_mesure_recommandee_n_est_gardee_qu_a_sa_deuxieme_rencontre() -> None:
    """La mémoire des mesures recommandées garde une clé la deuxième fois qu'on la lui confie,
    oublie les empreintes vues une fois quand il y en a autant que sa taille, et les oublie
    aussi quand on la vide."""
    from recommandeur._recommandation.memoire import MemoireARevoir

    m = MemoireARevoir(taille=3)
    m["a"] = 1
    assert "a" not in m
    m["a"] = 1
    assert m == {"a": 1}
    for cle in "bcdef":
        m[cle] = 0
    assert len(m._vues) <= 3 and m == {"a": 1}
    m["g"] = 0
    m.clear()
    m["g"] = 0
    assert m == {}
    # une mesure recommandée de mêmes entrées : refaite, puis partagée dès qu'elle est gardée
    f = fiche(MOTEUR)
    _vider(f)
    profil = _base(mentor_dans_l_ecole=True)
    a, b, c = (recommander(profil, moteur=MOTEUR).mesures[0] for _ in range(3))
    assert a == b == c and a is not b and b is c


def test_des_raisons_differentes_ont_des_empreintes_differentes() -> None:
    """La clé d'une mesure recommandée se hache par les identités de ses raisons : une empreinte
    commune ferait de la mémoire une liste parcourue à chaque recherche."""
    from recommandeur._recommandation.construction import constructeur
    from recommandeur._recommandation.decisions import Decision
    from recommandeur._recommandation.intervenants import Choix
    from recommandeur._recommandation.modeles import Motif
    from recommandeur._vocabulaire import Presence

    f = fiche(MOTEUR)
    _vider(f)
    choix = Choix(f.mesures["mentorat"].intervenants[0], Presence.PRESENT, (), ())
    decision = Decision("mentorat", choix, None, ())
    motifs = [
        Motif.construire(regle=f"r{i}", titre="T", poids=1.0, texte="t", faits=(), sources=())
        for i in range(50)
    ]
    for m in motifs:
        faire = constructeur(f, {"mentorat": [m]}, {"mentorat": decision}, {"mentorat": 1.0}, {})
        premiere = faire(1, "mentorat", False)
        assert faire(1, "mentorat", False) is not premiere  # gardée à la deuxième fois
        assert faire(1, "mentorat", False).motifs == [m]
    assert len(f.recommandees) == 50
    assert len({hash(cle) for cle in f.recommandees}) == 50
