"""recommander_lot : mêmes résultats qu'un par un ; plusieurs processus ne sont plus suivis."""

from __future__ import annotations

from typing import Any

import pytest

from recommandeur import ErreurProfil, Profil, recommander, recommander_lot

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


def test_plusieurs_processus_avertit_et_calcule_ici() -> None:
    vus: list[tuple[int, int]] = []
    with pytest.warns(FutureWarning) as avertissements:
        lot = recommander_lot(
            PROFILS, processus=2, progression=lambda faits, total: vus.append((faits, total))
        )
    assert lot == [recommander(p) for p in PROFILS]
    assert vus == [(60, 60)]
    (avertissement,) = avertissements
    assert str(avertissement.message) == (
        "recommander_lot : processus=2 est ignoré, le lot est calculé dans ce processus (mêmes "
        "résultats) ; en plusieurs processus, il était plus lent : reconstruire ici les "
        "résultats coûtait plus que les calculer (voir docs/performances.md)"
    )
    assert avertissement.filename == __file__


def test_profils_invalides_tous_nommes_par_rang() -> None:
    profils: list[Any] = [
        *PROFILS[:3],
        {"annees_experience": -1, "ordre": "primaire"},
        {"ordre": "lycee", "annees_experience": 1},
    ]
    with pytest.raises(ErreurProfil) as info:
        recommander_lot(profils)
    assert [p.champ for p in info.value.problemes] == ["[3].annees_experience", "[4].ordre"]
    assert str(info.value).startswith("champ '[3].annees_experience' : doit être ≥ 0 (reçu : -1)")


def test_l_exception_de_l_appelant_remonte_telle_quelle() -> None:
    class Arret(Exception):
        pass

    def progression(faits: int, total: int) -> None:
        raise Arret(f"{faits}/{total}")

    with pytest.raises(Arret):
        recommander_lot(PROFILS[:150], progression=progression)


def test_processus_invalide() -> None:
    with pytest.raises(ValueError, match="processus : attendu un entier ≥ 1, reçu 0"):
        recommander_lot(PROFILS, processus=0)


def test_profils_deja_valides() -> None:
    valides = [Profil.model_validate(p) for p in PROFILS[:5]]
    assert recommander_lot(valides) == [recommander(p) for p in valides]


def test_un_lot_ne_laisse_aucun_cycle_et_remet_le_ramasse_miettes() -> None:
    import gc

    gc.collect()
    gc.disable()
    try:
        recommander_lot(PROFILS * 3)
        for p in PROFILS:
            recommander(p)
        # rien à ramasser : suspendre le ramasse-miettes pendant un lot ne retient rien
        assert gc.collect() == 0
    finally:
        gc.enable()
    vus: list[bool] = []
    recommander_lot(PROFILS[:3], progression=lambda faits, total: vus.append(gc.isenabled()))
    assert vus == [False] and gc.isenabled()


def test_ramasse_miettes_remis_apres_des_lots_simultanes() -> None:
    import gc
    import threading

    from recommandeur._recommandation.ramasse_miettes import ramasse_miettes_suspendu

    dedans = threading.Barrier(2)
    pendant: list[bool] = []

    def lot() -> None:
        with ramasse_miettes_suspendu():
            dedans.wait()
            pendant.append(gc.isenabled())
            dedans.wait()

    fils = [threading.Thread(target=lot) for _ in range(2)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    assert pendant == [False, False] and gc.isenabled()
    gc.disable()
    try:
        with ramasse_miettes_suspendu():
            pass
        assert not gc.isenabled()  # suspendu avant : laissé suspendu
    finally:
        gc.enable()


def test_le_premier_lot_fini_ne_rallume_pas_le_ramasse_miettes_sous_l_autre() -> None:
    import gc
    import threading

    from recommandeur._recommandation.ramasse_miettes import ramasse_miettes_suspendu

    entre = threading.Event()
    premier_fini = threading.Event()
    pendant_le_second: list[bool] = []

    def second() -> None:
        with ramasse_miettes_suspendu():
            entre.set()
            premier_fini.wait(10)
            pendant_le_second.append(gc.isenabled())

    assert gc.isenabled()
    fil = threading.Thread(target=second)
    with ramasse_miettes_suspendu():
        fil.start()
        assert entre.wait(10)
    premier_fini.set()  # le premier lot est fini, le second tourne encore
    fil.join()
    assert pendant_le_second == [False] and gc.isenabled()


def test_les_objets_d_un_lot_vieillissent_sans_etre_parcourus() -> None:
    """Après un lot, ses objets sont dans la plus vieille génération : le passage suivant du
    ramasse-miettes (génération 0) ne parcourt pas tous les résultats gardés."""
    import gc

    from recommandeur._recommandation.ramasse_miettes import ramasse_miettes_suspendu

    passages: list[int] = []

    def noter(phase: str, infos: dict[str, int]) -> None:
        if phase == "start":
            passages.append(infos["generation"])

    assert gc.isenabled() and gc.get_freeze_count() == 0
    with ramasse_miettes_suspendu():
        gardes = [[i] for i in range(5_000)]
        gc.callbacks.append(noter)
    try:
        apres = [[i] for i in range(100)]  # sans le vieillissement : un passage sur 5 000 objets
    finally:
        gc.callbacks.remove(noter)
    assert passages == [] and len(apres) == 100 and gc.get_freeze_count() == 0
    # ils restent ramassables : un cycle fait pendant le lot est libéré par un passage complet
    with ramasse_miettes_suspendu():
        cycle: list[object] = []
        cycle.append(cycle)
    del cycle
    assert gc.collect() >= 1 and len(gardes) == 5_000


def test_des_objets_deja_geles_restent_geles_apres_un_lot() -> None:
    """Un processus qui a gelé ses objets (``gc.freeze`` avant ``fork``) les garde gelés."""
    import gc

    gc.freeze()
    try:
        geles = gc.get_freeze_count()
        recommander_lot(PROFILS[:3])
        assert 0 < gc.get_freeze_count() <= geles  # (des objets gelés libérés entre-temps)
    finally:
        gc.unfreeze()


def test_un_lot_fait_les_verifications_de_valider_profil() -> None:
    """Validé d'un seul appel de pydantic, un lot refuse ce que valider_profil refuse après le
    modèle (années au Québec, mesure ou acteur inconnus) et avant (profil démesuré)."""
    profils: list[Any] = [
        PROFILS[0],
        {"annees_experience": 1, "annees_au_quebec": 2, "ordre": "primaire"},
        {"annees_experience": 1, "ordre": "primaire", "mesures_recues": [{"mesure": "mentorta"}]},
        {
            "annees_experience": 1,
            "ordre": "primaire",
            "mesures_recues": [{"mesure": "mentorat", "intervenant": "personne_x"}],
        },
        {"annees_experience": 1, "ordre": "primaire", "ecole": {"x": [[[[[[[[1]]]]]]]]}},
    ]
    for rang in range(1, len(profils)):
        with pytest.raises(ErreurProfil) as info:
            recommander_lot([profils[0], profils[rang]])
        assert [(p.champ or "").split(".")[0] for p in info.value.problemes] == ["[1]"]
    assert [p.champ for p in _erreur_du_lot(profils).problemes] == [
        "[1].annees_au_quebec",
        "[2].mesures_recues[0].mesure",
        "[3].mesures_recues[0].intervenant",
        "[4].ecole.x",
    ]


def _erreur_du_lot(profils: list[Any]) -> ErreurProfil:
    with pytest.raises(ErreurProfil) as info:
        recommander_lot(profils)
    return info.value


def test_un_lot_valide_d_un_coup_comme_un_par_un() -> None:
    from recommandeur._moteur.moteur import moteur_par_defaut
    from recommandeur._profil.validation import valider_profil
    from recommandeur._recommandation.lot import valider_lot

    m = moteur_par_defaut()
    entrees: list[Any] = [*PROFILS, *(Profil.model_validate(p) for p in PROFILS[:5])]
    un_par_un = [valider_profil(p, m.ids_mesures, m.ids_acteurs) for p in entrees]
    assert valider_lot(iter(entrees), m.ids_mesures, m.ids_acteurs) == un_par_un


def test_un_profil_demesure_n_est_jamais_donne_a_pydantic(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dans un lot aussi, la démesure est refusée avant pydantic (sans rien lui faire parcourir)."""
    from recommandeur._recommandation import lot

    appels: list[int] = []
    monkeypatch.setattr(lot, "_adaptateur", lambda: appels.append(1))
    profond: dict[str, Any] = {"annees_experience": 1, "ordre": "primaire"}
    profond["ecole"] = {"x": [[[[[[[[1]]]]]]]]}
    with pytest.raises(ErreurProfil, match="imbrication trop profonde"):
        recommander_lot([PROFILS[0], profond])
    assert appels == []
