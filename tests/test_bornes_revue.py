"""Deux bornes trouvées par les mutants d'une revue indépendante (2026-12-03) : la longueur d'un
identifiant des effectifs, et la taille maximale d'une solution de que_faudrait_il."""

from __future__ import annotations

from recommandeur import que_faudrait_il
from recommandeur._programme.donnees.identifiants import LONGUEUR_MAX, lire_identifiant


def test_un_identifiant_de_la_longueur_maximale_est_admis_un_de_plus_refuse() -> None:
    assert lire_identifiant("x" * LONGUEUR_MAX) == ("x" * LONGUEUR_MAX, None)
    identifiant, probleme = lire_identifiant("x" * (LONGUEUR_MAX + 1))
    assert identifiant is None and probleme


def test_une_solution_d_exactement_changements_max_changements_est_trouvee() -> None:
    profil = {"annees_experience": 2, "ordre": "primaire"}
    reponse = que_faudrait_il(profil, "rencontre_titulaires_partage_de_tache", changements_max=1)
    assert [len(s.changements) for s in reponse.solutions] == [1]
