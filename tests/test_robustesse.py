"""Robustesse : fichiers malformés, profils arbitraires, rechargement raté, fils d'exécution."""

from __future__ import annotations

import shutil
import threading
from importlib.resources import as_file
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommandeur import (
    ErreurProfil,
    ErreurRecommandeur,
    ErreurRegle,
    Moteur,
    charger_catalogue,
    charger_regles,
    recommander,
)
from recommandeur._base.fichiers import dossier_livre

CORPUS = Path(__file__).parent / "donnees" / "malformes"
CAS = sorted(
    (genre, cas.name)
    for genre in ("regles", "catalogue")
    for cas in (CORPUS / genre).glob("*.toml")
)


def test_le_corpus_compte_au_moins_20_cas() -> None:
    assert len(CAS) >= 20
    assert all((CORPUS / genre / nom).with_suffix(".attendu").exists() for genre, nom in CAS)


@pytest.mark.parametrize(("genre", "nom"), CAS)
def test_fichier_malforme_une_erreur_claire(genre: str, nom: str, tmp_path: Path) -> None:
    cas = CORPUS / genre / nom
    with as_file(dossier_livre(genre)) as livre:
        copie = shutil.copytree(livre, tmp_path / genre)
    shutil.copy(cas, copie / nom)
    attendu = cas.with_suffix(".attendu").read_text(encoding="utf-8").rstrip("\n")
    with pytest.raises(ErreurRecommandeur) as info:
        if genre == "regles":
            charger_regles(charger_catalogue(), copie)
        else:
            charger_catalogue(copie)
    assert str(info.value) == attendu
    assert info.value.fichier in {nom, *(p.name for p in copie.iterdir())}  # type: ignore[attr-defined]


def test_fichier_demesure(tmp_path: Path) -> None:
    with as_file(dossier_livre("regles")) as livre:
        copie = shutil.copytree(livre, tmp_path / "regles")
    (copie / "gros.toml").write_text("# " + "x" * 2_100_000 + "\n", encoding="utf-8")
    with pytest.raises(ErreurRegle) as info:
        charger_regles(charger_catalogue(), copie)
    assert str(info.value) == "gros.toml : fichier trop grand (2100003 octets, au plus 2000000)"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda enfants: (
        st.lists(enfants, max_size=4) | st.dictionaries(st.text(max_size=20), enfants, max_size=4)
    ),
    max_leaves=20,
)
CLES = [
    "annees_experience",
    "ordre",
    "statut",
    "qualification",
    "formation_hors_quebec",
    "affectation",
    "besoins",
    "signaux_de_detresse",
    "mesures_recues",
    "ecole",
]
REFERENCE: dict[str, Any] = {
    "annees_experience": 1,
    "ordre": "primaire",
    "besoins": {"bien_etre": "elevee"},
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSON)
def test_valeur_json_arbitraire_comme_profil(valeur: Any) -> None:
    attendu = recommander(REFERENCE)
    try:
        recommander(valeur)
    except ErreurProfil as exc:
        assert str(exc)
    assert recommander(REFERENCE) == attendu


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(CLES), JSON, max_size=6))
def test_profil_presque_valide(changements: dict[str, Any]) -> None:
    profil = {**REFERENCE, **changements}
    try:
        reco = recommander(profil)
    except ErreurProfil as exc:
        assert exc.problemes and all(p.champ for p in exc.problemes)
    else:
        assert all(m.score > 0 for m in reco.mesures)


def test_rechargement_rate_garde_les_regles_precedentes(copie_regles: Path) -> None:
    moteur = Moteur.depuis(regles=copie_regles)
    profil = {"annees_experience": 0, "ordre": "primaire", "signaux_de_detresse": True}
    avant = recommander(profil, moteur=moteur)
    fichier = copie_regles / "7_detresse_regulation.toml"
    texte = fichier.read_text(encoding="utf-8")
    fichier.write_text(
        texte.replace('mesure = "personne_neutre"', 'mesure = "personne_neutr"'), encoding="utf-8"
    )
    with pytest.raises(ErreurRegle, match="vouliez-vous dire 'personne_neutre'"):
        moteur.recharger()
    assert recommander(profil, moteur=moteur) == avant
    fichier.write_text(texte.replace("poids = 8", "poids = 9"), encoding="utf-8")
    nouveau = moteur.recharger()
    assert nouveau.regle("signaux_de_detresse").recommandations[0] == ("personne_neutre", 9.0)
    assert recommander(profil, moteur=moteur) == avant


def test_huit_fils_cinq_mille_appels() -> None:
    base = [
        {
            "annees_experience": i % 8,
            "ordre": ("primaire", "secondaire")[i % 2],
            "besoins": {"planification": ("faible", "moderee", "elevee")[i % 3]},
            "ecole": {
                "imse": 1 + i % 10,
                "part_novices": (i % 9) / 10,
                "region_eloignee": i % 4 == 0,
            },
            "affectation": {"partage_de_tache": i % 3 == 0},
            "signaux_de_detresse": i % 7 == 0,
        }
        for i in range(50)
    ]
    attendus = [recommander(p) for p in base]
    ecarts: list[int] = []
    erreurs: list[BaseException] = []

    def travailler(decalage: int) -> None:
        try:
            for i in range(5000):
                k = (i * 7 + decalage) % len(base)
                if recommander(base[k]) != attendus[k]:
                    ecarts.append(k)
        except BaseException as exc:
            erreurs.append(exc)

    fils = [threading.Thread(target=travailler, args=(d,)) for d in range(8)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    assert erreurs == [] and ecarts == []
