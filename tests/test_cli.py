"""La commande ``recommandeur``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recommandeur._cli.commande import main

EXEMPLES = Path(__file__).resolve().parents[1] / "exemples"


def test_recommander_texte(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommander", str(EXEMPLES / "detresse.toml"), "--limite", "2"]) == 0
    sortie = capsys.readouterr().out
    assert "1. Possibilité de parler à une personne neutre" in sortie
    assert "individuel · Professionnelle ou professionnel du centre (à confirmer)" in sortie
    assert "ou : Professionnelle ou professionnel, à distance" in sortie
    assert "3. " not in sortie


def test_recommander_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommander", str(EXEMPLES / "profil_complet.json"), "--json"]) == 0
    donnees = json.loads(capsys.readouterr().out)
    assert donnees["mesures"][0]["rang"] == 1


def test_recommander_details(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommander", str(EXEMPLES / "nouvelle_enseignante.toml"), "--details"]) == 0
    sortie = " ".join(capsys.readouterr().out.split())
    assert "(faits : affectation.nouveau_dans_le_centre = oui" in sortie
    assert (
        "annees_en_insertion = première année (règle : ≤ deuxième année) ; programme_couvre_l_ordre = oui"
        in sortie
    )
    assert (
        "Autres intervenants possibles : Direction d'établissement, Personne mentore de l'école."
        in sortie
    )


def test_profil_fautif_un_message_clair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fichier = tmp_path / "p.toml"
    fichier.write_text(
        'annees_experience = 1\nordre = "primaire"\n[besoins]\nnumerik = "elevee"\n',
        encoding="utf-8",
    )
    assert main(["recommander", str(fichier)]) == 2
    erreur = capsys.readouterr().err
    assert erreur.startswith("erreur : champ 'besoins.numerik' : besoin inconnu")
    assert "vouliez-vous dire 'numerique' ?" in erreur
    assert "Traceback" not in erreur


def test_fichier_mal_forme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fichier = tmp_path / "p.json"
    fichier.write_text("{", encoding="utf-8")
    assert main(["recommander", str(fichier)]) == 2
    assert capsys.readouterr().err == (
        f"erreur : {fichier} : JSON mal formé (ligne 1, colonne 2)\n"
    )


def test_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue"]) == 0
    sortie = capsys.readouterr().out
    assert "Offres, niveau individuel" in sortie and "accompagnement_individuel" in sortie
    assert "Actions du milieu, niveau ciblé" in sortie and "nommer_mentor" in sortie


def test_verifier(copie_regles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verifier"]) == 0
    assert "valides" in capsys.readouterr().out
    texte = (copie_regles / "1_accueil.toml").read_text(encoding="utf-8")
    (copie_regles / "1_accueil.toml").write_text(
        texte.replace('"accueil_css"', '"accueil_cs"', 1), encoding="utf-8"
    )
    assert main(["verifier", "--regles", str(copie_regles)]) == 1
    assert "vouliez-vous dire 'accueil_css' ?" in capsys.readouterr().out


def test_sortie_fermee_sans_trace() -> None:
    import subprocess
    import sys

    commande = [sys.executable, "-m", "recommandeur", "catalogue", "--json"]
    processus = subprocess.Popen(commande, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert processus.stdout is not None and processus.stderr is not None
    assert processus.stdout.read(1) == b"{"
    processus.stdout.close()  # comme `| head -c 1`
    erreur = processus.stderr.read().decode()
    processus.stderr.close()
    assert processus.wait(timeout=60) == 141
    assert "Traceback" not in erreur and erreur == ""


def test_fichier_de_sortie_impossible(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cible = tmp_path / "absent" / "g.png"
    assert main(["graphe", str(cible)]) == 2
    assert capsys.readouterr().err == f"erreur : {cible} : fichier ou dossier introuvable\n"


def test_arguments_en_francais(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["recommander"])
    assert info.value.code == 2
    erreur = capsys.readouterr().err
    assert erreur.startswith("utilisation : recommandeur recommander [-h]")
    assert erreur.endswith(
        "recommandeur recommander : erreur : arguments obligatoires manquants : profil\n"
    )
    with pytest.raises(SystemExit):
        main(["recommander", str(EXEMPLES / "detresse.toml"), "--limite", "x"])
    assert capsys.readouterr().err.endswith(
        "erreur : argument --limite : valeur invalide (entier attendu) : 'x'\n"
    )
    with pytest.raises(SystemExit):
        main(["recomander"])
    assert "choix inconnu : 'recomander' (choisir parmi 'recommander'," in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["-h"])
    aide = capsys.readouterr().out
    assert "afficher cette aide et quitter" in aide and "usage" not in aide


def test_limite_nulle(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommander", str(EXEMPLES / "detresse.toml"), "--limite", "0"]) == 2
    assert capsys.readouterr().err == "erreur : limite : attendu un entier ≥ 1, reçu 0\n"
