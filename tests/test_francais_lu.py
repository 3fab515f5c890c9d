"""Le français qu'une conseillère lit à voix haute (ticket 18, point 9).

- Aucun anglais entre « » dans un texte lu : le passage anglais reste dans ``sources.toml``,
  le texte le dit en français, sans guillemets, et cite le passage.
- « centre » plutôt qu'« école » dans les textes lus en éducation des adultes et en FP.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from recommandeur import ErreurProfil, recommander

from .textes_affiches import (
    PERSONAS,
    echantillon,
    textes_d_une_recommandation,
    textes_des_regles,
    textes_du_catalogue,
)

#: Des mots anglais qui ne sont pas aussi des mots français.
MOTS_ANGLAIS = frozenset(
    [
        "the",
        "of",
        "and",
        "by",
        "with",
        "from",
        "for",
        "to",
        "is",
        "are",
        "be",
        "should",
        "can",
        "could",
        "their",
        "this",
        "that",
        "which",
        "peer",
        "peers",
        "teacher",
        "teachers",
        "training",
        "activity",
        "activities",
        "possibility",
        "speaking",
        "online",
        "welcome",
        "mentoring",
        "e-mentoring",
        "bank",
        "significant",
        "tools",
        "school",
        "schools",
        "systems",
        "planning",
        "kit",
        "level",
        "personalized",
        "establishment",
        "inter-establishment",
        "face-to-face",
        "class",
        "experienced",
        "communicating",
        "disseminating",
        "promoting",
        "resources",
        "related",
        "including",
        "trained",
        "abroad",
        "advising",
        "supporting",
        "administrators",
        "integration",
        "duration",
        "varies",
        "research",
        "generally",
        "indicating",
        "time",
        "frame",
        "years",
        "depending",
        "automated",
        "translation",
        "mistakes",
        "creep",
    ]
)
CITATION = re.compile(r"«\s*([^»]*?)\s*»")


def anglais(texte: str) -> list[str]:
    """Les citations « » d'un texte qui contiennent un mot anglais.

    >>> anglais("Elle offre un « support by a professional » et « un soutien ».")
    ['support by a professional']
    """
    return [
        citation
        for citation in CITATION.findall(texte)
        if MOTS_ANGLAIS & set(re.findall(r"[a-z][a-z-]*", citation.lower()))
    ]


def test_le_detecteur_reconnait_l_anglais_et_laisse_le_francais() -> None:
    assert anglais("« possibility of speaking to a neutral person » (niveau 3)") != []
    assert anglais("« Its duration varies » et « five to seven school years »") == [
        "Its duration varies",
        "five to seven school years",
    ]
    assert anglais("« Le mentor doit être issu du milieu. Il doit être connu et présent. »") == []
    assert anglais("« Si oui, on poursuit. » ; « en soutenant la personne mentorée »") == []


def test_aucun_anglais_entre_guillemets_dans_le_catalogue_et_les_regles() -> None:
    fautes = [
        (ou, citation)
        for ou, texte in (*textes_du_catalogue(), *textes_des_regles())
        for citation in anglais(texte)
    ]
    assert fautes == []


@pytest.mark.parametrize(("ident", "reco"), list(echantillon()), ids=lambda x: str(x)[:40])
def test_aucun_anglais_entre_guillemets_dans_les_recommandations(ident: str, reco: object) -> None:
    fautes = [c for texte in textes_d_une_recommandation(reco) for c in anglais(texte)]  # type: ignore[arg-type]
    assert fautes == [], ident


# --- « centre » plutôt qu'« école » pour l'éducation des adultes et la FP -------------------

#: Ce que ``au_centre`` laisse tel quel : citations, lieux des sources, ce qu'a fait le CSSPS.
PROTEGE = re.compile(
    r"«[^»]*»|\[[^\]]*\]|<dt[^>]*>.*?</dt>|Au CSSPS[^.:«]*|\b[Dd]ans une école du CSSPS\b|<[^>]*>"
)
ECOLE = re.compile(r"\b[ÉéE]coles?\b")


def _ecoles_lues(texte: str) -> list[str]:
    lisible = PROTEGE.sub("", texte)
    return [lisible[max(0, m.start() - 40) : m.end() + 10] for m in ECOLE.finditer(lisible)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    persona=st.sampled_from(PERSONAS),
    ordre=st.sampled_from(["formation_professionnelle", "education_adultes"]),
)
def test_centre_et_non_ecole_en_fga_et_en_fp(persona: dict[str, Any], ordre: str) -> None:
    profil = {**persona["profil"], "ordre": ordre}
    try:
        reco = recommander(profil)
    except ErreurProfil:
        assume(False)
    for texte in (reco.texte(), reco.texte(details=True), reco._repr_html_()):
        assert _ecoles_lues(texte) == [], persona["id"]


@pytest.mark.parametrize("ordre", ["primaire", "secondaire"])
def test_l_ecole_reste_l_ecole_au_primaire_et_au_secondaire(ordre: str) -> None:
    profil = {
        "annees_experience": 0,
        "ordre": ordre,
        "affectation": {"nouveau_dans_l_ecole": True},
        "ecole": {"mentor_dans_l_ecole": True, "part_novices": 0.4},
    }
    texte = recommander(profil).texte(details=True)
    assert "Personne mentore de l'école" in texte
    assert "Actions du milieu (école, centre, programme)" in texte
    en_centre = recommander({**profil, "ordre": "formation_professionnelle"})
    assert "Personne mentore du centre" in en_centre.texte()
    assert "Actions du milieu (centre, programme)" in en_centre.texte()


# --- Épicène : les libellés et les textes lus à une personne de tout genre ---------------------

#: Un adjectif ou un participe au seul féminin ou au seul masculin, dit de la personne
#: enseignante (« Nouvelle dans le centre », « Formée hors du Québec », « permanent »), hors
#: citations ; la forme inclusive (« qualifié·e ») passe.
GENRE = re.compile(
    r"(?:^|[.:;!?]\s+|\()(?:Nouvelle|Nouveau|Formée?|Seule?|Qualifiée?|Elle|Il)\b(?!·)"
    r"|\b(?:seule?|qualifiée?|formée?|permanente?|nouvelle|nouveau)\b(?![·\w])(?! (?:personnel|enseignants?|professionnel))"
)


def genrees(texte: str) -> list[str]:
    """Les formes d'un seul genre d'un texte lu, hors citations « ».

    >>> genrees("Nouvelle dans le centre (oui). Statut permanent, légalement qualifié·e.")
    ['Nouvelle', 'permanent']
    >>> genrees("Arrivée dans l'école (oui) ; « une nouvelle enseignante » ; le nouveau personnel")
    []
    >>> genrees("Personne non légalement qualifiée ; Nouvelle personne ; le personnel enseignant formé")
    []
    """
    lisible = re.sub(r"«[^»]*»", "", texte)
    # l'accord avec « personne » ou « personnel » : « Personne formée », « le personnel formé »
    lisible = re.sub(
        r"\b(?:(?:[Nn]ouvel(?:le)?s?|[Nn]ouveaux?)\s+)?[Pp]ersonnel?s?(?:\s+enseignant)?(?:\s+non)?(?:\s+légalement)?(?:\s+\w+)?",
        "",
        lisible,
    )
    return [m.group().strip(" .:;!?(") for m in GENRE.finditer(lisible)]


def test_le_detecteur_de_genre() -> None:
    assert genrees("Formée hors du Québec (oui)") == ["Formée"]
    assert genrees("planifier plutôt que seule") == ["seule"]
    assert genrees("Elle a besoin de plus de soutien") == ["Elle"]
    assert genrees("Formation hors du Québec ; permanent·e ; la personne élabore") == []


def test_les_libelles_des_valeurs_du_profil_sont_epicenes() -> None:
    from recommandeur._profil.champs import CHAMPS

    fautes = [
        (nom, libelle)
        for nom, champ in CHAMPS.items()
        for _, libelle in champ.libelles
        if genrees(libelle)
    ]
    assert fautes == []
    statut = dict(CHAMPS["statut"].libelles)
    assert statut["permanent"] == "permanent·e"


def test_les_textes_des_regles_sont_epicenes() -> None:
    fautes = [(ou, genrees(texte)) for ou, texte in textes_des_regles() if genrees(texte)]
    assert fautes == []


@pytest.mark.parametrize(("ident", "reco"), list(echantillon()), ids=lambda x: str(x)[:40])
def test_les_recommandations_sont_epicenes(ident: str, reco: object) -> None:
    texte = reco.texte(details=True)  # type: ignore[attr-defined]
    assert genrees(texte) == [], ident
