"""recommander_lot : mêmes résultats qu'un par un, en un ou plusieurs processus."""

from __future__ import annotations

from pathlib import Path

import pytest

from recommandeur import ErreurProfil, Moteur, Profil, recommander, recommander_lot

PROFILS = [
    {
        "annees_experience": i % 8,
        "ordre": ("primaire", "secondaire", "prescolaire")[i % 3],
        "besoins": {"gestion_de_classe": ("faible", "moderee", "elevee")[i % 3]},
        "ecole": {"imse": 1 + i % 10},
        "signaux_de_detresse": i % 5 == 0,
    }
    for i in range(60)
]


def test_un_processus_comme_un_par_un() -> None:
    assert recommander_lot(PROFILS, limite=5) == [recommander(p, limite=5) for p in PROFILS]


def test_deux_processus_comme_un_par_un() -> None:
    vus: list[tuple[int, int]] = []
    lot = recommander_lot(
        PROFILS, processus=2, progression=lambda faits, total: vus.append((faits, total))
    )
    assert lot == [recommander(p) for p in PROFILS]
    assert vus[-1] == (60, 60)
    assert [f for f, _ in vus] == sorted(f for f, _ in vus)


def test_deux_processus_avec_un_moteur_de_dossiers(copie_regles: Path) -> None:
    moteur = Moteur.depuis(regles=copie_regles)
    assert recommander_lot(PROFILS[:10], processus=2, moteur=moteur) == [
        recommander(p, moteur=moteur) for p in PROFILS[:10]
    ]


def test_profils_invalides_tous_nommes_par_rang() -> None:
    profils = [
        *PROFILS[:3],
        {"annees_experience": -1, "ordre": "primaire"},
        {"ordre": "lycee", "annees_experience": 1},
    ]
    with pytest.raises(ErreurProfil) as info:
        recommander_lot(profils)
    assert [p.champ for p in info.value.problemes] == ["[3].annees_experience", "[4].ordre"]
    assert str(info.value).startswith("champ '[3].annees_experience' : doit être ≥ 0 (reçu : -1)")


def test_moteur_sans_dossiers_refuse_en_parallele(moteur: Moteur) -> None:
    construit = Moteur(moteur.catalogue, moteur.base)
    with pytest.raises(ValueError, match=r"un moteur venu de Moteur\.depuis"):
        recommander_lot(PROFILS, processus=2, moteur=construit)
    assert recommander_lot(PROFILS[:2], moteur=construit) == [recommander(p) for p in PROFILS[:2]]


def test_processus_invalide() -> None:
    with pytest.raises(ValueError, match="processus : attendu un entier ≥ 1, reçu 0"):
        recommander_lot(PROFILS, processus=0)


def test_profils_deja_valides() -> None:
    valides = [Profil.model_validate(p) for p in PROFILS[:5]]
    assert recommander_lot(valides) == [recommander(p) for p in valides]
