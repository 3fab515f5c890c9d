"""Le moteur compilé en cache : mêmes résultats, invalidé par tout changement, jamais cru sur parole."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from recommandeur import Moteur, Profil, recommander
from recommandeur._base.fichiers import dossier_livre
from recommandeur._moteur import cache
from recommandeur._moteur import moteur as module_moteur
from recommandeur.testing import profils

RACINE = Path(__file__).resolve().parents[1]
SURCOUCHE = RACINE / "exemples" / "surcouche_centre"


@pytest.fixture
def dossier_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    dossier = tmp_path / "cache"
    monkeypatch.setenv(cache.VARIABLE, str(dossier))
    return dossier


@pytest.fixture
def donnees(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Des copies du catalogue, des règles et de la surcouche d'exemple, à modifier."""
    copies = []
    for nom, source in (
        ("catalogue", dossier_livre("catalogue")),
        ("regles", dossier_livre("regles")),
        ("surcouche_centre", SURCOUCHE),
    ):
        assert isinstance(source, Path)
        copies.append(Path(shutil.copytree(source, tmp_path / nom)))
    return copies[0], copies[1], copies[2]


def _sans_compiler(monkeypatch: pytest.MonkeyPatch) -> None:
    """Toute construction qui ne vient pas du cache échoue : le moteur doit en venir."""

    def interdit(*_: object) -> object:
        raise AssertionError("le moteur a été recompilé au lieu d'être relu du cache")

    monkeypatch.setattr(module_moteur, "_compiler", interdit)


def _fichiers(dossier: Path) -> list[Path]:
    return sorted(dossier.glob("moteur-*.json"))


def _empreinte(moteur: Moteur) -> tuple[object, ...]:
    return (moteur.catalogue, moteur.base, moteur.parametres_de_la_surcouche, moteur.version_regles)


# --- mêmes résultats ------------------------------------------------------------------------


def test_le_moteur_relu_est_celui_qui_a_ete_compile(
    dossier_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compile_ = Moteur.depuis(surcouche=SURCOUCHE)
    assert len(_fichiers(dossier_cache)) == 1
    _sans_compiler(monkeypatch)
    relu = Moteur.depuis(surcouche=SURCOUCHE)
    assert _empreinte(relu) == _empreinte(compile_)
    assert relu.parametres_de_la_surcouche == {"seuil_part_novices"}
    assert relu.surcouche == SURCOUCHE and relu.dossiers == (None, None)


_DIRECT: dict[str, Moteur] = {}


def _moteurs() -> tuple[Moteur, Moteur]:
    """(compilé sans cache, relu du cache), faits une fois pour toute la propriété."""
    if not _DIRECT:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv(cache.VARIABLE, "0")
            _DIRECT["sans"] = Moteur.depuis()
        with pytest.MonkeyPatch.context() as mp:
            dossier = Path(__import__("tempfile").mkdtemp(prefix="cache-moteur-"))
            mp.setenv(cache.VARIABLE, str(dossier))
            Moteur.depuis()
            _sans_compiler(mp)
            _DIRECT["avec"] = Moteur.depuis()
            shutil.rmtree(dossier)
    return _DIRECT["sans"], _DIRECT["avec"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profil=profils())
def test_memes_recommandations_avec_et_sans_cache(profil: Profil) -> None:
    sans, avec = _moteurs()
    assert (
        recommander(profil, moteur=avec).model_dump_json()
        == recommander(profil, moteur=sans).model_dump_json()
    )


# --- invalidé par tout changement -----------------------------------------------------------


def _remplacer(fichier: Path, avant: str, apres: str) -> None:
    texte = fichier.read_text(encoding="utf-8")
    assert texte.count(avant) == 1
    fichier.write_text(texte.replace(avant, apres), encoding="utf-8")


def test_un_changement_d_une_regle_invalide_le_cache(
    dossier_cache: Path, donnees: tuple[Path, Path, Path]
) -> None:
    catalogue, regles, _ = donnees
    assert Moteur.depuis(catalogue, regles).regle("accueil_nouveau_ecole").titre == (
        "Nouvelle personne dans l'école"
    )
    _remplacer(regles / "1_accueil.toml", "dans l'école\"", "dans l'établissement\"")
    assert Moteur.depuis(catalogue, regles).regle("accueil_nouveau_ecole").titre == (
        "Nouvelle personne dans l'établissement"
    )
    assert len(_fichiers(dossier_cache)) == 2


def test_un_changement_du_catalogue_invalide_le_cache(
    dossier_cache: Path, donnees: tuple[Path, Path, Path]
) -> None:
    catalogue, regles, _ = donnees
    assert Moteur.depuis(catalogue, regles).version_catalogue == "2026.12.1"
    _remplacer(catalogue / "version.toml", '"2026.12.1"', '"2026.12.9"')
    assert Moteur.depuis(catalogue, regles).version_catalogue == "2026.12.9"


def test_un_changement_de_la_surcouche_invalide_le_cache(
    dossier_cache: Path, donnees: tuple[Path, Path, Path]
) -> None:
    catalogue, regles, surcouche = donnees
    avant = Moteur.depuis(catalogue, regles, surcouche=surcouche)
    assert avant.base.parametre("seuil_part_novices").valeur == 0.25
    _remplacer(surcouche / "regles.toml", "valeur = 0.25", "valeur = 0.4")
    apres = Moteur.depuis(catalogue, regles, surcouche=surcouche)
    assert apres.base.parametre("seuil_part_novices").valeur == 0.4


def test_un_fichier_change_pendant_la_compilation_n_est_pas_garde_sous_l_ancienne_cle(
    dossier_cache: Path, donnees: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue, regles, _ = donnees
    compiler = module_moteur._compiler

    def apres_la_cle(*args: Any) -> Any:
        _remplacer(regles / "1_accueil.toml", "dans l'école\"", "dans l'établissement\"")
        return compiler(*args)

    monkeypatch.setattr(module_moteur, "_compiler", apres_la_cle)
    assert Moteur.depuis(catalogue, regles).regle("accueil_nouveau_ecole").titre.endswith("ment")
    monkeypatch.setattr(module_moteur, "_compiler", compiler)
    _remplacer(regles / "1_accueil.toml", "dans l'établissement\"", "dans l'école\"")
    assert Moteur.depuis(catalogue, regles).regle("accueil_nouveau_ecole").titre.endswith("école")


def test_une_autre_surcouche_une_autre_cle(donnees: tuple[Path, Path, Path]) -> None:
    catalogue, regles, surcouche = donnees
    assert len({cache.cle(catalogue, regles, s) for s in (None, surcouche, SURCOUCHE)}) == 3
    assert cache.cle(None, None, Moteur.depuis().surcouche) is not None
    from recommandeur._catalogue.surcouche import lire_surcouche

    assert cache.cle(None, None, lire_surcouche(SURCOUCHE)) is None  # déjà lue : rien à hacher


def test_une_autre_version_de_la_bibliotheque_une_autre_cle(
    dossier_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cle = cache.cle(None, None, None)
    Moteur.depuis()
    monkeypatch.setattr(cache, "version_de_la_bibliotheque", lambda: "99.0")
    autre = cache.cle(None, None, None)
    assert autre is not None and autre != cle
    assert cache.lire(autre) is None  # le cache de l'autre version n'est pas relu
    Moteur.depuis()
    assert len(_fichiers(dossier_cache)) == 2


def test_un_changement_du_code_une_autre_cle(monkeypatch: pytest.MonkeyPatch) -> None:
    cle = cache.cle(None, None, None)
    monkeypatch.setattr(cache, "empreinte_du_code", lambda: "autre code")
    assert cache.cle(None, None, None) != cle


# --- jamais cru sur parole -------------------------------------------------------------------


def _ecrit(dossier_cache: Path) -> Path:
    Moteur.depuis()
    (fichier,) = _fichiers(dossier_cache)
    return fichier


def _forger(contenu: bytes, cle: str) -> bytes:
    """Un fichier de cache dont l'en-tête est juste pour ce contenu (une falsification soignée)."""
    entete = {"format": cache.FORMAT, "cle": cle, "empreinte": hashlib.sha256(contenu).hexdigest()}
    return json.dumps(entete).encode() + b"\n" + contenu


def _alterations(fichier: Path, cle: str) -> dict[str, bytes]:
    octets = fichier.read_bytes()
    entete, _, contenu = octets.partition(b"\n")
    donnees: dict[str, Any] = json.loads(contenu)
    mesure = donnees["catalogue"]["mesures"][0]
    faux_titre = json.loads(contenu)
    faux_titre["regles"]["regles"][0]["titre"] = "Un titre changé à la main"
    fausse_mesure = json.loads(contenu)
    fausse_mesure["catalogue"]["mesures"][0] = {**mesure, "niveau": "introuvable"}
    faux_op = json.loads(contenu)
    faux_op["regles"]["regles"][0]["condition"] = ["ordre", "$ex", 1]
    # l'opérateur inconnu au bout d'une condition : chaque atome est vérifié, pas le premier
    faux_op_loin = json.loads(contenu)
    faux_op_loin["regles"]["regles"][-1]["condition"] = {
        "et": [
            ["ordre", "==", "primaire"],
            {"ou": [["ordre", "==", "secondaire"], ["ordre", "$ex", 1]]},
        ]
    }
    return {
        "vide": b"",
        "tronque": octets[: len(octets) // 2],
        "sans_contenu": entete,
        "pas_du_json": b"\x80\x81 pas du JSON\n{",
        "autre_forme": b'{"format": 1}\n[1, 2, 3]',
        "autre_format": octets.replace(b'"format": 1', b'"format": 2', 1),
        "autre_cle": _forger(contenu, "0" * 64),
        "modifie_a_la_main": octets.replace(
            mesure["libelle"].encode(), b"Un libelle change a la main", 1
        ),
        "titre_forge": _forger(json.dumps(faux_titre).encode(), cle),
        "mesure_forgee": _forger(json.dumps(fausse_mesure).encode(), cle),
        "operateur_forge": _forger(json.dumps(faux_op).encode(), cle),
        "operateur_forge_au_bout": _forger(json.dumps(faux_op_loin).encode(), cle),
        "nan_forge": _forger(contenu.replace(b'"poids":1.0', b'"poids":NaN', 1), cle),
        "forme_forgee": _forger(json.dumps({"catalogue": [], "regles": 3}).encode(), cle),
        "parametres_forges": _forger(
            json.dumps({**donnees, "parametres_de_la_surcouche": "abc"}).encode(), cle
        ),
    }


@pytest.mark.parametrize(
    "alteration",
    [
        "vide",
        "tronque",
        "sans_contenu",
        "pas_du_json",
        "autre_forme",
        "autre_format",
        "autre_cle",
        "modifie_a_la_main",
        "mesure_forgee",
        "operateur_forge",
        "operateur_forge_au_bout",
        "nan_forge",
        "forme_forgee",
        "parametres_forges",
    ],
)
def test_un_cache_abime_est_ignore_puis_reecrit(dossier_cache: Path, alteration: str) -> None:
    fichier = _ecrit(dossier_cache)
    cle = cache.cle(None, None, None)
    assert cle is not None
    bon = fichier.read_bytes()
    fichier.write_bytes(_alterations(fichier, cle)[alteration])
    assert cache.lire(cle) is None
    moteur = Moteur.depuis()
    assert (moteur.catalogue, moteur.base, moteur.parametres_de_la_surcouche) == (
        module_moteur._compiler(None, None, None)
    )
    assert fichier.read_bytes() == bon  # réécrit
    assert cache.lire(cle) is not None


def test_une_falsification_soignee_mais_valide_est_relue_telle_quelle(dossier_cache: Path) -> None:
    """Une forme juste passe (le cache est à l'utilisateur) : seule la forme est contrôlée."""
    fichier = _ecrit(dossier_cache)
    cle = cache.cle(None, None, None)
    assert cle is not None
    fichier.write_bytes(_alterations(fichier, cle)["titre_forge"])
    lu = cache.lire(cle)
    assert lu is not None and lu[1].regles[0].titre == "Un titre changé à la main"


# --- où il est, et quand il n'y en a pas ---------------------------------------------------


def test_cache_coupe_rien_n_est_ecrit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.VARIABLE, "0")
    assert cache.dossier_du_cache() is None
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    Moteur.depuis()
    assert list(tmp_path.rglob("*")) == []


def test_par_defaut_le_dossier_de_cache_de_l_utilisateur(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cache.VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.dossier_du_cache() == tmp_path / "recommandeur"
    Moteur.depuis()
    assert len(_fichiers(tmp_path / "recommandeur")) == 1


def test_sans_dossier_personnel_pas_de_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def inconnu() -> Path:
        raise RuntimeError("Could not determine home directory.")

    for variable in (cache.VARIABLE, "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(Path, "home", inconnu)
    assert cache.dossier_du_cache() is None
    assert Moteur.depuis().base.version == "2026.12.1"


def test_un_dossier_non_inscriptible_n_empeche_rien(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fichier = tmp_path / "un_fichier"
    fichier.write_text("pas un dossier", encoding="utf-8")
    monkeypatch.setenv(cache.VARIABLE, str(fichier / "cache"))
    assert Moteur.depuis().base.version == "2026.12.1"
    assert fichier.read_text(encoding="utf-8") == "pas un dossier"


def test_une_ecriture_interrompue_ne_laisse_aucun_fichier(
    dossier_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def panne(*_: object) -> None:
        raise OSError(28, "plus de place")

    monkeypatch.setattr(os, "replace", panne)  # ecrire_atomique renomme par os.replace
    assert Moteur.depuis().base.version == "2026.12.1"
    assert list(dossier_cache.iterdir()) == []


def test_au_plus_gardes_fichiers(dossier_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(cache.GARDES + 3):
        monkeypatch.setattr(cache, "version_de_la_bibliotheque", lambda i=i: f"0.{i}")
        Moteur.depuis()
    assert len(_fichiers(dossier_cache)) == cache.GARDES


def test_l_elagage_garde_les_plus_recents(
    dossier_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Après :data:`GARDES` + 3 versions, le moteur de la dernière est encore relu (les plus
    anciens sont partis, pas les plus récents)."""
    cles = []
    for i in range(cache.GARDES + 3):
        monkeypatch.setattr(cache, "version_de_la_bibliotheque", lambda i=i: f"0.{i}")
        Moteur.depuis()
        cles.append(cache.cle(None, None, None))
    assert [cache.lire(c) is not None for c in cles if c] == [False] * 3 + [True] * cache.GARDES


def test_l_elagage_ne_retire_que_les_fichiers_du_moteur(dossier_cache: Path) -> None:
    """``RECOMMANDEUR_CACHE`` peut nommer un dossier partagé : rien d'autre n'y est retiré."""
    dossier_cache.mkdir()
    autres = [dossier_cache / f"notes-{i}.json" for i in range(cache.GARDES + 2)]
    for autre in autres:
        autre.write_text("{}", encoding="utf-8")
    Moteur.depuis()
    assert all(autre.exists() for autre in autres)


@pytest.mark.parametrize("valeur", ["", "  ", "0", " 0 "])
def test_une_variable_vide_ou_zero_coupe_le_cache(valeur: str) -> None:
    """Vide (``RECOMMANDEUR_CACHE=``) : coupé, comme ``0`` (pas le dossier courant)."""
    assert cache.dossier_du_cache({cache.VARIABLE: valeur, "HOME": "/h"}) is None


def test_l_empreinte_du_code_suit_chaque_module_meme_a_taille_egale(tmp_path: Path) -> None:
    """Un module d'un sous-paquet réécrit à taille égale change l'empreinte (sa date) ; un
    fichier compilé de ``__pycache__`` ou un fichier qui n'est pas un module, non."""
    (tmp_path / "_sous" / "__pycache__").mkdir(parents=True)
    module = tmp_path / "_sous" / "b.py"
    module.write_text("y = 1\n", encoding="utf-8")
    os.utime(module, ns=(10**18, 10**18))
    avant = cache.empreinte_des_modules(str(tmp_path))
    (tmp_path / "_sous" / "__pycache__" / "b.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / "_sous" / "notes.txt").write_text("rien", encoding="utf-8")
    assert cache.empreinte_des_modules(str(tmp_path)) == avant
    module.write_text("y = 2\n", encoding="utf-8")  # même taille
    os.utime(module, ns=(10**18 + 1, 10**18 + 1))
    assert cache.empreinte_des_modules(str(tmp_path)) != avant


def test_pas_de_cle_pour_un_dossier_qui_pose_probleme(tmp_path: Path) -> None:
    """Un dossier que la construction refusera (ici sans TOML) n'a pas de clé : un moteur gardé
    d'avant ne cache jamais son problème."""
    vide = tmp_path / "vide"
    vide.mkdir()
    assert cache.cle(None, None, vide) is None
    assert cache.cle(vide, None, None) is None
    assert cache.cle(None, vide, None) is None


@pytest.mark.parametrize("remplace", ["python", "pydantic"])
def test_une_autre_version_de_python_ou_de_pydantic_une_autre_cle(
    monkeypatch: pytest.MonkeyPatch, remplace: str
) -> None:
    cle = cache.cle(None, None, None)
    if remplace == "python":
        monkeypatch.setattr(cache, "sys", SimpleNamespace(version_info=(3, 99, 0)))
    else:
        monkeypatch.setattr(cache, "pydantic", SimpleNamespace(VERSION="99.0"))
    assert cache.cle(None, None, None) not in {cle, None}


def test_un_cache_trop_imbrique_est_ignore(dossier_cache: Path) -> None:
    """Une falsification soignée mais trop imbriquée pour être relue (RecursionError) : ignorée."""
    fichier = _ecrit(dossier_cache)
    cle = cache.cle(None, None, None)
    assert cle is not None
    fichier.write_bytes(_forger(b"[" * 100_000 + b"]" * 100_000, cle))
    assert cache.lire(cle) is None


_ECRIVAIN = """
import sys
from recommandeur._moteur import cache
from recommandeur._moteur.moteur import _compiler
cle = cache.cle(None, None, None)
compile_ = _compiler(None, None, None)
for _ in range(int(sys.argv[1])):
    cache.ecrire(cle, compile_)
"""


def test_deux_processus_qui_ecrivent_en_meme_temps(dossier_cache: Path) -> None:
    """Pendant que deux processus réécrivent le même fichier, il est toujours entier."""
    dossier_cache.mkdir()
    ecrivains = [subprocess.Popen([sys.executable, "-c", _ECRIVAIN, "40"]) for _ in range(2)]
    cle = cache.cle(None, None, None)
    assert cle is not None
    lus = 0
    while any(e.poll() is None for e in ecrivains):
        if _fichiers(dossier_cache):
            assert cache.lire(cle) is not None  # jamais à moitié écrit
            lus += 1
    assert [e.returncode for e in ecrivains] == [0, 0]
    assert cache.lire(cle) is not None
    assert [f.name for f in dossier_cache.iterdir()] == [_fichiers(dossier_cache)[0].name]
    assert lus > 0


# après les tests d'écriture : une écriture à travers le tube bloquerait (pytest -x)
def test_un_fichier_de_cache_qui_n_est_pas_ordinaire_n_est_pas_lu(dossier_cache: Path) -> None:
    cle = cache.cle(None, None, None)
    assert cle is not None
    dossier_cache.mkdir()
    # un tube bloquerait une lecture, et une écriture qui ne passerait pas par un fichier voisin
    os.mkfifo(dossier_cache / f"moteur-{cle[:40]}.json")
    assert cache.lire(cle) is None
    assert Moteur.depuis().base.version == "2026.12.1"
    assert cache.lire(cle) is not None  # le tube remplacé par le fichier écrit
