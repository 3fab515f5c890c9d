"""recommander_lot : mêmes résultats qu'un par un, en un ou plusieurs processus."""

from __future__ import annotations

from pathlib import Path

import pytest

from recommandeur import ErreurMoteur, ErreurProfil, Moteur, Profil, recommander, recommander_lot

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


def test_un_moteur_construit_directement_sert_aussi_en_parallele(moteur: Moteur) -> None:
    construit = Moteur(moteur.catalogue, moteur.base)
    assert recommander_lot(PROFILS[:10], processus=2, moteur=construit) == [
        recommander(p, moteur=construit) for p in PROFILS[:10]
    ]


def test_le_lot_sert_le_moteur_donne_quoi_qu_il_arrive_sur_le_disque(
    copie_regles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(copie_regles.parent)
    moteur = Moteur.depuis(regles=copie_regles.name)  # un chemin relatif
    attendus = [recommander(p, moteur=moteur) for p in PROFILS[:12]]
    fichier = copie_regles / "7_detresse_regulation.toml"
    fichier.write_text(
        fichier.read_text(encoding="utf-8").replace("poids = 8", "poids = 80"), encoding="utf-8"
    )
    assert recommander_lot(PROFILS[:12], processus=2, moteur=moteur) == attendus
    fichier.write_text("[[regle]\n", encoding="utf-8")  # un fichier cassé
    monkeypatch.chdir(tmp_path)  # et un autre dossier courant
    lot = recommander_lot(PROFILS[:12], processus=2, moteur=moteur)
    assert lot == attendus
    assert {r.version_regles for r in lot} == {moteur.version_regles}


def test_une_erreur_dans_un_processus_remonte(monkeypatch: pytest.MonkeyPatch) -> None:
    import recommandeur._recommandation.lot as lot

    monkeypatch.setattr(lot, "vers_json", lambda moteur: '{"evaluateur": "durable"}')
    with pytest.raises(ErreurMoteur) as info:
        recommander_lot(PROFILS[:4], processus=2)
    assert str(info.value) == (
        "moteur de règles : un processus de calcul a échoué : KeyError: 'regles'"
    )


def test_un_processus_qui_meurt(monkeypatch: pytest.MonkeyPatch) -> None:
    import recommandeur._recommandation.lot as lot

    from . import aide_lot

    monkeypatch.setattr(lot, "_traiter", aide_lot.mourir)
    with pytest.raises(ErreurMoteur, match="un processus de calcul s'est arrêté brutalement"):
        recommander_lot(PROFILS[:4], processus=2)


def test_l_exception_de_l_appelant_remonte_telle_quelle() -> None:
    class Arret(Exception):
        pass

    def progression(faits: int, total: int) -> None:
        raise Arret(f"{faits}/{total}")

    for processus in (1, 2):
        with pytest.raises(Arret):
            recommander_lot(PROFILS[:150], processus=processus, progression=progression)


def test_processus_invalide() -> None:
    with pytest.raises(ValueError, match="processus : attendu un entier ≥ 1, reçu 0"):
        recommander_lot(PROFILS, processus=0)


def test_profils_deja_valides() -> None:
    valides = [Profil.model_validate(p) for p in PROFILS[:5]]
    assert recommander_lot(valides) == [recommander(p) for p in valides]
