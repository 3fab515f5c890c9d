"""Le français qu'une conseillère lit à voix haute (ticket 18, point 9).

- Aucun anglais entre « » dans un texte lu : le passage anglais reste dans ``sources.toml``,
  le texte le dit en français, sans guillemets, et cite le passage.
"""

from __future__ import annotations

import re

import pytest

from .textes_affiches import (
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
