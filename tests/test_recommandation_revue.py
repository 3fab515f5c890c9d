"""Revue de mutation indépendante (m8m) : la recommandation autour du moteur.

La clé d'une mesure recommandée (``recommandeur._recommandation.construction``) : chacune de
ses entrées compte, même quand les raisons sont les mêmes objets.
"""

from __future__ import annotations

from typing import Any

import pytest

from recommandeur import Moteur
from recommandeur._recommandation.construction import constructeur
from recommandeur._recommandation.decisions import Decision
from recommandeur._recommandation.intervenants import Choix
from recommandeur._recommandation.modeles import Motif
from recommandeur._recommandation.motifs import fiche
from recommandeur._vocabulaire import Presence

MOTEUR = Moteur.depuis()

#: Les entrées d'une mesure recommandée, une paire de valeurs chacune, et ce qui les montre.
ENTREES: dict[str, tuple[Any, Any]] = {
    "rang": (1, 2),
    "prioritaire": (True, False),
    "score": (2.0, 3.5),
    "recue": (None, False),
    "en_centre": (False, True),
}


def _montre(mesure: Any) -> tuple[Any, ...]:
    return (
        mesure.rang,
        mesure.prioritaire,
        mesure.score,
        mesure.deja_recue,
        mesure.changement_d_intervenant,
        mesure.en_centre,
    )


@pytest.mark.parametrize("entree", list(ENTREES))
def test_chaque_entree_compte_dans_la_cle_a_raisons_egales(entree: str) -> None:
    """Deux mesures qui ne diffèrent que par une entrée (mêmes raisons, même décision) ne sont
    jamais resservies l'une pour l'autre, gardées ou non."""
    f = fiche(MOTEUR)
    f.recommandees.clear()
    choix = Choix(f.mesures["mentorat"].intervenants[0], Presence.PRESENT, (), ())
    decision = Decision("mentorat", choix, None, ())
    motif = Motif.construire(regle="r", titre="T", poids=1.0, texte="t", faits=(), sources=())
    vues = []
    for valeur in ENTREES[entree]:
        valeurs: dict[str, Any] = {
            "rang": 1,
            "prioritaire": True,
            "score": 2.0,
            "recue": None,
            "en_centre": False,
        }
        valeurs[entree] = valeur
        recues = {} if valeurs["recue"] is None else {"mentorat": valeurs["recue"]}
        faire = constructeur(
            f,
            {"mentorat": [motif]},
            {"mentorat": decision},
            {"mentorat": valeurs["score"]},
            recues,
            valeurs["en_centre"],
        )
        # trois fois : la mesure est gardée à la deuxième, puis resservie
        faites = [faire(valeurs["rang"], "mentorat", valeurs["prioritaire"]) for _ in range(3)]
        assert faites[1] is faites[2]
        vues.append(_montre(faites[2]))
    assert vues[0] != vues[1]
    attendu = {
        "rang": [(1, True, 2.0, False, False, False), (2, True, 2.0, False, False, False)],
        "prioritaire": [(1, True, 2.0, False, False, False), (1, False, 2.0, False, False, False)],
        "score": [(1, True, 2.0, False, False, False), (1, True, 3.5, False, False, False)],
        "recue": [(1, True, 2.0, False, False, False), (1, True, 2.0, False, True, False)],
        "en_centre": [(1, True, 2.0, False, False, False), (1, True, 2.0, False, False, True)],
    }
    assert vues == attendu[entree]
