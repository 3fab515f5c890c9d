"""Les profils d'exemple partagés par plusieurs fichiers de tests."""

from __future__ import annotations

from typing import Any

#: L'exemple du README (« En Python ») : NLQ, tâche partagée, besoin élevé, école à forte part.
EXEMPLE_DU_README: dict[str, Any] = {
    "annees_experience": 1,
    "ordre": "secondaire",
    "qualification": "non_legalement_qualifie",
    "affectation": {"partage_de_tache": True, "nb_ecoles": 2, "nouveau_dans_l_ecole": True},
    "besoins": {"gestion_de_classe": "elevee", "planification": "moderee"},
    "ecole": {"part_novices": 0.45, "imse": 9},
}
