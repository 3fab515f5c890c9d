"""Le texte de la page d'un plan, lu sans navigateur : aucun identifiant brut (la passe de
mutation écarte les tests de Chromium ; celui-ci dit la même chose sur la page écrite)."""

from __future__ import annotations

import re

from recommandeur import Moteur, Plan

# le plan du centre d'exemple et son moteur : les fixtures du test de la page dans Chromium
from .test_rapport_navigateur import _texte_visible, identifiants_bruts, moteur, plan

__all__ = ["moteur", "plan"]


def test_aucun_identifiant_brut_dans_le_texte_de_la_page(plan: Plan, moteur: Moteur) -> None:
    texte = _texte_visible(plan.html())
    assert "Plan par école" in texte and "Table des matières" in texte
    trouves = {
        i
        for i in identifiants_bruts(moteur)
        if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", texte)
    }
    assert not trouves, sorted(trouves)
    # une escalade nomme la mesure reçue sans effet par son libellé, jamais par son identifiant
    # (« (mentorat) » n'a pas de « _ » : la recherche ci-dessus ne le verrait pas)
    assert "(“Mentorat par une personne mentore du milieu”)" in texte
    groupes = re.findall(r"\(([a-z_]+(?:, [a-z_]+)*)\)", texte)
    assert not [g for g in groupes if all(i in plan.mesures for i in g.split(", "))], groupes
