"""Des dossiers et des valeurs hostiles : jamais de blocage, d'épuisement de mémoire ni d'exception étrangère.

Chaque cas passe par l'API publique. Ceux qui pourraient bloquer ou terminer le processus
tournent dans un sous-processus borné par un délai.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from importlib.resources import as_file
from pathlib import Path
from typing import Any

import pytest

from recommandeur import (
    ErreurCatalogue,
    ErreurProfil,
    ErreurRegle,
    charger_catalogue,
    charger_regles,
    recommander,
)
from recommandeur._base.fichiers import FICHIERS_MAX, dossier_livre

REGLE = (
    '[[regle]]\nid = "essai"\ntitre = "Essai"\n'
    'si = { champ = "annees_experience", op = "<", valeur = 7 }\n'
    'justification = "x"\nsources = ["cssps/mentorat"]\n'
    'recommande = [{ mesure = "mentorat", poids = POIDS }]\n'
)


@pytest.fixture
def regles(tmp_path: Path) -> Path:
    with as_file(dossier_livre("regles")) as livre:
        return Path(shutil.copytree(livre, tmp_path / "regles"))


def _message_regles(dossier: Path) -> str:
    with pytest.raises(ErreurRegle) as info:
        charger_regles(charger_catalogue(), dossier)
    return str(info.value)


def _en_sous_processus(code: str, delai: int = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=delai,
        check=False,
    )


def test_un_tube_nomme_est_refuse_sans_bloquer(regles: Path) -> None:
    os.mkfifo(regles / "zz.toml")
    resultat = _en_sous_processus(
        f"""
        from recommandeur import ErreurRegle, charger_catalogue, charger_regles
        try:
            charger_regles(charger_catalogue(), {str(regles)!r})
        except ErreurRegle as exc:
            print(exc)
        """,
        delai=30,
    )
    assert resultat.stdout.strip() == (
        "zz.toml : n'est pas un fichier ordinaire (tube nommé, périphérique ou dossier) : refusé"
    )


def test_un_dossier_nomme_toml_est_refuse(regles: Path) -> None:
    (regles / "d.toml").mkdir()
    assert _message_regles(regles) == (
        "d.toml : n'est pas un fichier ordinaire (tube nommé, périphérique ou dossier) : refusé"
    )


@pytest.mark.parametrize("cible", ["/dev/zero", "/dev/null", "secret"])
def test_un_lien_qui_sort_du_dossier_est_refuse_sans_rien_montrer(
    regles: Path, tmp_path: Path, cible: str
) -> None:
    if cible == "secret":
        secret = tmp_path / "secret.toml"
        secret.write_text('mot_de_passe = "hunter2"\n', encoding="utf-8")
        cible = str(secret)
    (regles / "lien.toml").symlink_to(cible)
    message = _message_regles(regles)
    assert message == "lien.toml : lien symbolique qui sort du dossier : refusé"
    assert "hunter2" not in message


def test_un_lien_dans_le_dossier_est_suivi(regles: Path) -> None:
    (regles / "1_accueil.toml").rename(regles / "donnees.txt.toml.bak")
    (regles / "1_accueil.toml").symlink_to(regles / "donnees.txt.toml.bak")
    assert len(charger_regles(charger_catalogue(), regles).regles) > 20


def test_un_lien_casse(regles: Path) -> None:
    (regles / "casse.toml").symlink_to(regles / "absent")
    assert _message_regles(regles) == "casse.toml : lecture impossible : fichier introuvable"


def test_un_fichier_creux_demesure_n_est_pas_lu(regles: Path) -> None:
    with (regles / "creux.toml").open("wb") as fichier:
        fichier.truncate(30 * 2**30)  # 30 Gio sans rien écrire sur le disque
    assert _message_regles(regles) == (
        f"creux.toml : fichier trop grand ({30 * 2**30} octets, au plus 2000000)"
    )


def test_trop_de_fichiers(tmp_path: Path) -> None:
    for i in range(FICHIERS_MAX + 1):
        (tmp_path / f"{i:04}.toml").write_text("", encoding="utf-8")
    assert _message_regles(tmp_path) == (
        f"{tmp_path} : trop de fichiers .toml ({FICHIERS_MAX + 1}, au plus {FICHIERS_MAX})"
    )


def test_un_nom_de_fichier_qui_n_est_pas_de_l_utf8(regles: Path) -> None:
    nom = os.fsdecode(b"r\xe8gle.toml")
    (regles / nom).write_text("[[regle]\n", encoding="utf-8")
    message = _message_regles(regles)
    assert message.startswith("r\\xe8gle.toml : [ligne 1, colonne 8] TOML invalide")
    message.encode("utf-8")  # affichable
    resultat = subprocess.run(
        [sys.executable, "-m", "recommandeur", "verifier", "--regles", str(regles)],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert resultat.returncode == 1, resultat.stderr
    assert b"r\\xe8gle.toml : [ligne 1, colonne 8] TOML invalide" in resultat.stdout
    assert b"Traceback" not in resultat.stderr


def test_un_entier_de_5000_chiffres_dans_un_fichier(regles: Path) -> None:
    (regles / "grand.toml").write_text(REGLE.replace("POIDS", "1" + "0" * 5000), encoding="utf-8")
    assert _message_regles(regles) == (
        f"grand.toml : TOML illisible : un entier a plus de {sys.get_int_max_str_digits()} chiffres"
    )


def test_un_entier_de_4000_chiffres_dans_un_fichier(regles: Path) -> None:
    (regles / "grand.toml").write_text(REGLE.replace("POIDS", "1" + "0" * 4000), encoding="utf-8")
    assert _message_regles(regles) == (
        "grand.toml : [essai] champ 'recommande[0].poids' : nombre démesuré "
        "(reçu : <entier de 4001 chiffres>)"
    )


@pytest.mark.parametrize(("poids", "attendu"), [('"5"', "une chaîne"), ("true", "un booléen")])
def test_un_poids_doit_etre_un_nombre(regles: Path, poids: str, attendu: str) -> None:
    (regles / "poids.toml").write_text(REGLE.replace("POIDS", poids), encoding="utf-8")
    assert _message_regles(regles).startswith(
        f"poids.toml : [essai] champ 'recommande[0].poids' : attendu un nombre, reçu {attendu}"
    )


def test_un_besoin_repete_dans_une_mesure(tmp_path: Path) -> None:
    with as_file(dossier_livre("catalogue")) as livre:
        copie = Path(shutil.copytree(livre, tmp_path / "catalogue"))
    fichier = copie / "mesures_ciblees.toml"
    texte = fichier.read_text(encoding="utf-8")
    avant = 'besoins = ["numerique", "developpement_professionnel"]\ncharge = true\nsources = ["cnipe/niveau2", "ppc/10.2/seances"]'
    assert avant in texte
    fichier.write_text(
        texte.replace(avant, avant.replace('"developpement_professionnel"', '"numerique"')),
        encoding="utf-8",
    )
    with pytest.raises(ErreurCatalogue) as info:
        charger_catalogue(copie)
    assert str(info.value) == (
        "mesures_ciblees.toml : [webinaire] champ 'besoins' : valeur répétée : 'numerique' "
        "(reçu : ['numerique', 'numerique'])"
    )


class Hostile:
    def __repr__(self) -> str:
        raise RuntimeError("repr hostile")


def _profond(n: int) -> Any:
    valeur: Any = 1
    for _ in range(n):
        valeur = [valeur]
    return valeur


@pytest.mark.parametrize(
    ("changements", "attendu"),
    [
        (
            {"annees_experience": 10**5000},
            "champ 'annees_experience' : doit être ≤ 60 (reçu : <entier de 5001 chiffres>)",
        ),
        (
            {"ordre": Hostile()},
            "champ 'ordre' : attendu une chaîne parmi : prescolaire, primaire, secondaire, "
            "formation_professionnelle, education_adultes (reçu : <Hostile>)",
        ),
        (
            {"inconnu": _profond(1000)},
            "champ 'inconnu[0]' : imbrication trop profonde (au plus 8 niveaux)",
        ),
        (
            {"ecole": {"imse": _profond(50)}},
            "champ 'ecole.imse' : imbrication trop profonde (au plus 8 niveaux)",
        ),
        ({"mesures_recues": [0] * 6000}, "profil démesuré : plus de 5000 valeurs"),
    ],
)
def test_valeurs_hostiles_dans_un_profil(changements: dict[str, Any], attendu: str) -> None:
    with pytest.raises(ErreurProfil) as info:
        recommander({"annees_experience": 1, "ordre": "primaire", **changements})
    assert str(info.value).split(" (et ")[0] == attendu


def test_une_table_qui_ne_se_laisse_pas_lire() -> None:
    class Piege(dict[str, Any]):
        def items(self) -> Any:
            raise RuntimeError("piège")

    with pytest.raises(ErreurProfil) as info:
        recommander(Piege(annees_experience=1, ordre="primaire"))
    assert str(info.value) == "profil illisible (RuntimeError)"


def test_un_profil_tres_profond_avec_une_limite_de_recursion_relevee() -> None:
    resultat = _en_sous_processus(
        """
        import sys
        sys.setrecursionlimit(1_000_000)
        from recommandeur import ErreurProfil, recommander
        valeur = 1
        for _ in range(200_000):
            valeur = {"x": valeur}
        for profil in ({"annees_experience": 1, "ordre": "primaire", "besoins": valeur}, valeur):
            try:
                recommander(profil)
            except ErreurProfil as exc:
                print(str(exc)[:60])
        """,
        delai=120,
    )
    assert resultat.returncode == 0, resultat.stderr[-2000:]
    assert resultat.stdout.splitlines() == [
        "champ 'besoins.x' : imbrication trop profonde (au plus 8 niv",
        "champ 'x.x' : imbrication trop profonde (au plus 8 niveaux)",
    ]
