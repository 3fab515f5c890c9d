"""Ticket 18c (revue du 2026-12-03, point 2) : la mention d'un seuil ne coupe jamais une phrase.

Chaque gabarit de règle, chaque paramètre rendu avec sa mention (tous traités comme des
conventions) : la mention n'est jamais suivie d'un mot qui appartenait à la phrase.
"""

from __future__ import annotations

import re

from recommandeur import charger_catalogue, charger_regles
from recommandeur._langage.valeurs import rendre

MENTION = "un seuil du catalogue"


def test_aucune_phrase_coupee_par_la_mention_d_un_seuil() -> None:
    base = charger_regles(charger_catalogue())
    parametres = {p.id: p.model_copy(update={"mention": MENTION}) for p in base.parametres}
    gabarits = [
        texte
        for r in base.regles
        for texte in (r.justification, *(p.pourquoi or "" for p in r.propositions))
        if "{parametres." in texte
    ]
    assert gabarits, "aucun gabarit ne rend de paramètre"
    for gabarit in gabarits:
        texte = rendre(gabarit, {}, parametres)
        assert MENTION in texte, gabarit
        for suite in re.findall(re.escape(MENTION) + r"(.?)", texte):
            assert suite in ("", ")", ".", ";", ","), (gabarit, texte)


def test_la_phrase_des_premieres_annees_se_lit() -> None:
    from recommandeur import recommander

    reco = recommander(
        {"annees_experience": 0, "ordre": "primaire", "ecole": {"mentor_dans_l_ecole": True}}
    )
    textes = [m.texte for mesure in reco.mesures for m in mesure.motifs]
    phrase = next(t for t in textes if "premières offres" in t)
    assert "jusqu'à la deuxième année incluse (un seuil choisi par le catalogue" in phrase
    assert "(première année d'enseignement au Québec)" in phrase
    assert "ne fixent pas année" not in phrase
