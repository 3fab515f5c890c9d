"""Les profils et les règles d'exemple partagés par plusieurs fichiers de tests."""

from __future__ import annotations

import tomllib
from typing import Any

from recommandeur._langage.syntaxe import Condition, RegleSource

#: L'exemple du README (« En Python ») : NLQ, tâche partagée, besoin élevé, école à forte part.
EXEMPLE_DU_README: dict[str, Any] = {
    "annees_experience": 1,
    "ordre": "secondaire",
    "qualification": "non_legalement_qualifie",
    "affectation": {"partage_de_tache": True, "nb_ecoles": 2, "nouveau_dans_l_ecole": True},
    "besoins": {"gestion_de_classe": "elevee", "planification": "moderee"},
    "ecole": {"part_novices": 0.45, "imse": 9},
}


def condition_ecrite(texte: str) -> Condition:
    """La condition ``si`` d'une règle minimale, écrite en TOML en ligne, telle que lue d'un fichier."""
    return RegleSource.model_validate(
        {
            "id": "x",
            "titre": "x",
            "si": tomllib.loads(f"si = {texte}")["si"],
            "recommande": [{"mesure": "m", "poids": 1}],
            "justification": "x",
            "sources": ["cnipe/niveau1"],
        }
    ).si


#: Les présences d'intervenants qu'un profil peut dire (écrites ici, pas tirées du code :
#: un champ de présence perdu par le code se verrait).
PRESENCES = [
    "mentor_dans_l_ecole",
    "conseiller_pedagogique",
    "pane",
    "professionnel",
    "technopedagogue",
]
