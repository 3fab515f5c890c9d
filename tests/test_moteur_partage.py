"""Un moteur partagé donne ce que donne un moteur neuf, quels que soient les appels d'avant.

Les mémoires d'un moteur (décisions, mesures recommandées, motifs) servent tous les appels :
une partie oubliée dans une clé rendrait un résultat qui dépend des appels précédents (le
drapeau prioritaire d'un autre appel, la mesure « déjà reçue » d'une autre personne). La
propriété tire des suites d'appels (``recommander``, ``recommander_lot``, ``pourquoi_pas``,
``et_si``, ``planifier``) sur des profils proches (mêmes bases, ``prioritaires``, ``limite`` et
mesures reçues qui varient) et compare chaque résultat du moteur partagé à celui d'un moteur
neuf (mémoires vides), construit pour l'appel.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import (
    Moteur,
    et_si,
    planifier,
    pourquoi_pas,
    recommander,
    recommander_lot,
)

PARTAGE = Moteur.depuis(evaluateur="reference")


def _neuf() -> Moteur:
    """Un moteur neuf sur les mêmes données : ses mémoires sont vides."""
    return Moteur(PARTAGE.catalogue, PARTAGE.base, evaluateur="reference")


#: Des bases proches : beaucoup de mesures communes, donc des clés de mémoire qui se croisent.
BASES: list[dict[str, Any]] = [
    {
        "annees_experience": 0,
        "ordre": "primaire",
        "affectation": {"nouveau_dans_l_ecole": True},
        "besoins": {"gestion_de_classe": "elevee", "bien_etre": "moderee"},
    },
    {
        "annees_experience": 1,
        "ordre": "primaire",
        "ecole": {"mentor_dans_l_ecole": True},
        "besoins": {"gestion_de_classe": "elevee", "evaluation": "elevee"},
    },
    {
        "annees_experience": 2,
        "ordre": "secondaire",
        "affectation": {"partage_de_tache": True},
        "besoins": {"planification": "elevee", "bien_etre": "elevee"},
    },
    {"annees_experience": 12, "ordre": "primaire", "besoins": {"gestion_de_classe": "moderee"}},
    {
        "annees_experience": 1,
        "ordre": "primaire",
        "signaux_de_detresse": True,
        "besoins": {"bien_etre": "elevee", "gestion_de_classe": "elevee"},
    },
]
MESURES = sorted(PARTAGE.ids_mesures)
#: Les mesures que ces bases reçoivent souvent : une réception y change quelque chose.
RECUES = [
    "mentorat",
    "accompagnement_individuel",
    "accompagnement_sous_groupe",
    "accueil_etablissement",
    "cap",
]

#: Qui a offert une mesure reçue (facultatif) : qui éviter dépend de qui a échoué, et où.
QUI = ["mentor", "equipe_ecole", "conseiller_pedagogique"]


@st.composite
def profils_proches(draw: st.DrawFn) -> dict[str, Any]:
    base = draw(st.sampled_from(BASES))
    recues = draw(
        st.lists(
            st.fixed_dictionaries(
                {"mesure": st.sampled_from(RECUES), "efficace": st.booleans()},
                optional={"intervenant": st.sampled_from(QUI)},
            ),
            max_size=3,
        )
    )
    return {**base, "mesures_recues": recues}


LIMITES = st.none() | st.integers(1, 8)
PRIORITAIRES = st.integers(1, 6)


def _ligne(i: int, profil: dict[str, Any]) -> dict[str, Any]:
    """Le profil en ligne des effectifs d'un centre."""
    ligne: dict[str, Any] = {
        "enseignant": f"p{i}",
        "ecole": "A",
        "annees_experience": profil["annees_experience"],
        "ordre": profil["ordre"],
        **profil.get("affectation", {}),
        **{f"besoin_{b}": v for b, v in profil.get("besoins", {}).items()},
        "mesures_recues": "; ".join(
            f"{r['mesure']}:{'avec_effet' if r['efficace'] else 'sans_effet'}"
            + (f":{r['intervenant']}" if "intervenant" in r else "")
            for r in profil["mesures_recues"]
        ),
    }
    if profil.get("signaux_de_detresse"):
        ligne["signaux_de_detresse"] = True
    return ligne


APPELS = st.one_of(
    st.tuples(st.just("recommander"), profils_proches(), PRIORITAIRES, LIMITES),
    st.tuples(st.just("lot"), st.lists(profils_proches(), min_size=1, max_size=3), LIMITES),
    st.tuples(st.just("pourquoi_pas"), profils_proches(), st.sampled_from(MESURES)),
    st.tuples(
        st.just("et_si"),
        profils_proches(),
        st.sampled_from(
            [
                {"annees_experience": 9},
                {"ecole": {"mentor_dans_l_ecole": False}},
                {"ecole": {"mentor_dans_l_ecole": True}},
                {"mesures_recues": [{"mesure": "mentorat", "efficace": True}]},
                {"besoins": {"gestion_de_classe": "faible"}},
            ]
        ),
    ),
    st.tuples(st.just("planifier"), st.lists(profils_proches(), min_size=1, max_size=4)),
)


def _appeler(appel: tuple[Any, ...], moteur: Moteur) -> Any:
    genre = appel[0]
    if genre == "recommander":
        _, profil, prioritaires, limite = appel
        reco = recommander(profil, moteur=moteur, prioritaires=prioritaires, limite=limite)
        return reco.model_dump_json()
    if genre == "lot":
        _, profils, limite = appel
        return [r.model_dump_json() for r in recommander_lot(profils, moteur=moteur, limite=limite)]
    if genre == "pourquoi_pas":
        _, profil, mesure = appel
        return pourquoi_pas(profil, mesure, moteur=moteur).model_dump_json()
    if genre == "et_si":
        _, profil, changements = appel
        return et_si(profil, changements, moteur=moteur).model_dump_json()
    _, profils = appel
    ecoles = [{"ecole": "A", "nom": "École A", "nb_enseignants": 30, "mentors": 1}]
    lignes = [_ligne(i, p) for i, p in enumerate(profils)]
    return planifier(lignes, ecoles, moteur=moteur).model_dump_json()


@settings(max_examples=40, deadline=None)
@given(st.lists(APPELS, min_size=2, max_size=8))
def test_un_moteur_partage_comme_un_moteur_neuf(appels: list[tuple[Any, ...]]) -> None:
    for appel in appels:
        assert _appeler(appel, PARTAGE) == _appeler(appel, _neuf()), appel[0]


def test_le_drapeau_prioritaire_ne_vient_pas_d_un_autre_appel() -> None:
    """Le même profil avec ``prioritaires`` 1 puis 4 : les mesures de rang 2 à 4 changent de drapeau."""
    moteur = _neuf()
    profil = BASES[0] | {"mesures_recues": []}
    un = recommander(profil, moteur=moteur, prioritaires=1)
    quatre = recommander(profil, moteur=moteur, prioritaires=4)
    assert [m.prioritaire for m in un.mesures[:4]] == [True, False, False, False]
    assert [m.prioritaire for m in quatre.mesures[:4]] == [True] * 4


def test_deja_recue_ne_vient_pas_d_une_autre_personne() -> None:
    """La cap reçue avec effet par une personne n'est pas « déjà reçue » pour la suivante."""
    moteur = _neuf()
    profil = BASES[0] | {"mesures_recues": []}
    recue = recommander(
        profil | {"mesures_recues": [{"mesure": "cap", "efficace": True}]}, moteur=moteur
    )
    assert [m.deja_recue for m in recue.mesures if m.mesure.id == "cap"] == [True]
    autre = recommander(profil, moteur=moteur)
    assert [m.deja_recue for m in autre.mesures if m.mesure.id == "cap"] == [False]


def test_qui_ne_plus_proposer_ne_vient_pas_d_une_autre_personne() -> None:
    """Mêmes personnes à éviter (mentor, équipe-école), pas la même à ne plus proposer."""

    def recues(individuel: str, sous_groupe: str) -> list[dict[str, Any]]:
        return [
            {"mesure": "accompagnement_individuel", "efficace": False, "intervenant": individuel},
            {"mesure": "accompagnement_sous_groupe", "efficace": False, "intervenant": sous_groupe},
        ]

    base = BASES[1] | {"ecole": {"mentor_dans_l_ecole": True, "conseiller_pedagogique": True}}
    a = base | {"mesures_recues": recues("mentor", "equipe_ecole")}
    b = base | {"mesures_recues": recues("equipe_ecole", "mentor")}

    def autres(reco: Any) -> list[list[str]]:
        return [
            [x.id for x in m.alternatives]
            for m in reco.mesures
            if m.mesure.id == "accompagnement_individuel"
        ]

    moteur = _neuf()
    assert autres(recommander(a, moteur=moteur)) == [["equipe_ecole"]]
    assert autres(recommander(b, moteur=moteur)) == [["mentor"]]
