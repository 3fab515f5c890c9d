"""Le texte de la page d'un plan, lu sans navigateur : aucun identifiant brut (la passe de
mutation écarte les tests de Chromium ; celui-ci dit la même chose sur la page écrite)."""

from __future__ import annotations

import re
from pathlib import Path

from recommandeur import Moteur, Plan, planifier

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


def test_une_raison_qui_nomme_des_mesures_par_leur_identifiant_les_dit_par_leur_libelle(
    tmp_path: Path,
) -> None:
    """Un plan relu d'un JSON où une escalade nomme ses mesures par leur identifiant (comme les
    écrivaient les versions d'avant les libellés) : le tableau des écoles les dit par leur
    libellé ; une parenthèse qui n'est pas faite d'identifiants de mesures reste telle quelle."""
    (tmp_path / "enseignants.csv").write_text(
        "enseignant,ecole,annees_experience,ordre,statut,besoin_gestion_de_classe,mesures_recues\n"
        "P1,E1,1,primaire,contrat,faible,accompagnement_sous_groupe:sans_effet\n",
        encoding="utf-8",
    )
    (tmp_path / "ecoles.csv").write_text(
        "ecole,nom,nb_enseignants\nE1,École A (fictive),10\n", encoding="utf-8"
    )
    avec_titres = planifier(tmp_path / "enseignants.csv", tmp_path / "ecoles.csv")
    titre = "(“Accompagnement en sous-groupe”)"
    [action] = [a for a in avec_titres.ecoles[0].actions if titre in a.raisons[0]]
    assert action.mesure == "outil_gestion_classe_ecole"
    ancien = (
        avec_titres.model_dump_json()
        .replace(titre, "(accompagnement_sous_groupe, mentorat)")
        .replace("(seuil de 10 %, le quart", "(mentorat, le quart")
    )
    relu = Plan.model_validate_json(ancien)
    [relue] = [a for a in relu.ecoles[0].actions if a.mesure == action.mesure]
    assert "(accompagnement_sous_groupe, mentorat)" in relue.raisons[0]
    texte = _texte_visible(relu.html())
    assert "(accompagnement_sous_groupe" not in texte
    assert (
        "sans effet (“Accompagnement en sous-groupe”, “Mentorat par une personne mentore du "
        "milieu”). Si l'école" in texte
    )
    assert "(mentorat, le quart supérieur du centre)" in texte


def test_chaque_parenthese_d_identifiants_est_dite_par_ses_libelles(tmp_path: Path) -> None:
    """Toutes les parenthèses d'une raison, pas seulement la première : celles qui ne sont faites
    que d'identifiants de mesures (reçues ou du plan) par leurs libellés, les autres telles
    quelles ; le reste du texte intact."""
    from recommandeur._programme.sorties.contenus import _sans_identifiants

    (tmp_path / "enseignants.csv").write_text(
        "enseignant,ecole,annees_experience,ordre,mesures_recues\n"
        "P1,E1,1,primaire,accompagnement_sous_groupe:sans_effet\n",
        encoding="utf-8",
    )
    (tmp_path / "ecoles.csv").write_text("ecole,nom\nE1,École A\n", encoding="utf-8")
    lisible = _sans_identifiants(planifier(tmp_path / "enseignants.csv", tmp_path / "ecoles.csv"))
    mentorat = "“Mentorat par une personne mentore du milieu”"
    assert lisible(
        "Reçues (voir le bilan) : (accompagnement_sous_groupe, mentorat) ; puis (mentorat) "
        "et (mentorat, inconnue)."
    ) == (
        f"Reçues (voir le bilan) : (“Accompagnement en sous-groupe”, {mentorat}) ; puis "
        f"({mentorat}) et (mentorat, inconnue)."
    )
