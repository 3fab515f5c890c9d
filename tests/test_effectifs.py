"""Les fichiers d'effectifs fautifs : chaque mauvaise ligne nommée (fichier, ligne, colonne), toutes à la fois."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recommandeur import ErreurEffectifs, charger_effectifs, planifier

ECOLES = """ecole,nom,nb_enseignants,mentors,imse
A,École A,20,1,9
,Sans identifiant,10,1,3
A,École A en double,10,1,3
B,École B,2,1,11
"""

ENSEIGNANTS = """enseignant,ecole,annees_experience,ordre,besoin_gestion_de_classe,mesures_recues,partage_tache
t1,A,1,primaire,moderee,,
,A,1,primaire,,,
t1,A,2,primaire,,,
t3,Z,1,primaire,,,
t4,A,deux,primair,haute,mentorat:peut-etre,
t5,A,1,primaire,,,,trop
t6,B,1,primaire,,,
t7,B,1,primaire,,,
t8,B,1,primaire,,,
"""


def _problemes(
    tmp_path: Path, enseignants: str, ecoles: str, suffixe: str = ".csv"
) -> list[tuple[str | None, str | None, str | None, tuple[str, ...]]]:
    (tmp_path / f"enseignants{suffixe}").write_text(enseignants, encoding="utf-8")
    (tmp_path / f"ecoles{suffixe}").write_text(ecoles, encoding="utf-8")
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(tmp_path / f"enseignants{suffixe}", tmp_path / f"ecoles{suffixe}")
    return [(p.fichier, p.id, p.champ, p.suggestions[:1]) for p in erreur.value.problemes]


def test_chaque_mauvaise_ligne_est_nommee(tmp_path: Path) -> None:
    assert _problemes(tmp_path, ENSEIGNANTS, ECOLES) == [
        ("ecoles.csv", "ligne 3", "ecole", ()),  # identifiant manquant
        ("ecoles.csv", "ligne 4", "ecole", ()),  # école en double
        ("ecoles.csv", "ligne 5", "imse", ()),  # IMSE hors de 1 à 10
        ("enseignants.csv", "ligne 1", "partage_tache", ("partage_de_tache",)),  # en-tête inconnu
        ("enseignants.csv", "ligne 3", "enseignant", ()),  # identifiant manquant
        ("enseignants.csv", "ligne 4", "enseignant", ()),  # t1 en double
        ("enseignants.csv", "ligne 5", "ecole", ()),  # école inconnue (Z : rien de proche)
        ("enseignants.csv", "ligne 6", "mesures_recues", ()),  # « mentorat:peut-etre »
        ("enseignants.csv", "ligne 6", "ordre", ("primaire",)),
        ("enseignants.csv", "ligne 6", "annees_experience", ()),  # « deux »
        ("enseignants.csv", "ligne 6", "besoin_gestion_de_classe", ()),  # « haute »
        ("enseignants.csv", "ligne 7", None, ()),  # plus de cellules que d'en-têtes
    ]


def test_le_message_dit_la_ligne_la_colonne_et_la_valeur(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_text(
        "enseignant,ecole,annees_experience,ordre\nt1,A,1,primair\n", "utf-8"
    )
    (tmp_path / "c.csv").write_text("ecole,nom\nA,École A\n", "utf-8")
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(tmp_path / "e.csv", tmp_path / "c.csv")
    assert str(erreur.value) == (
        "e.csv : [ligne 2] champ 'ordre' : valeur inconnue ; attendu : prescolaire, primaire, "
        "secondaire, formation_professionnelle, education_adultes (reçu : 'primair') ; "
        "vouliez-vous dire 'primaire' ?"
    )


def test_une_ecole_plus_petite_que_ses_effectifs(tmp_path: Path) -> None:
    enseignants = "enseignant,ecole,annees_experience,ordre\n" + "".join(
        f"t{i},A,1,primaire\n" for i in range(3)
    )
    assert _problemes(tmp_path, enseignants, "ecole,nom,nb_enseignants\nA,A,2\n") == [
        ("ecoles.csv", "ligne 2", "nb_enseignants", ()),
    ]


def test_json_et_toml(tmp_path: Path) -> None:
    enseignants = json.dumps(
        {
            "enseignants": [
                {"enseignant": "t1", "ecole": "A", "annees_experience": 1, "ordre": "primaire"},
                {"enseignant": "t2", "ecole": "A", "ordre": "primaire"},
            ]
        }
    )
    ecoles = '[[ecole]]\necole = "A"\nnom = "École A"\nnb_enseignants = 10\n'
    (tmp_path / "enseignants.json").write_text(enseignants, "utf-8")
    (tmp_path / "ecoles.toml").write_text(ecoles, "utf-8")
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(tmp_path / "enseignants.json", tmp_path / "ecoles.toml")
    (probleme,) = erreur.value.problemes
    assert (probleme.fichier, probleme.id, probleme.champ, probleme.code) == (
        "enseignants.json",
        "élément n° 2",
        "annees_experience",
        "manquant",
    )
    (tmp_path / "enseignants.json").write_text(
        enseignants.replace(', {"enseignant": "t2", "ecole": "A", "ordre": "primaire"}', ""),
        "utf-8",
    )
    plan = planifier(tmp_path / "enseignants.json", tmp_path / "ecoles.toml")
    assert plan.portrait.ecoles[0].part_novices == 0.1


@pytest.mark.parametrize(
    ("nom", "contenu", "message"),
    [
        ("enseignants.xlsx", "x", "extension inconnue ; attendu .csv, .json ou .toml"),
        ("enseignants.json", "{pas du json", "JSON invalide"),
        ("enseignants.json", '{"autre": []}', "attendu une liste, ou une table « enseignants »"),
        ("enseignants.csv", "", "fichier vide : attendu une ligne d'en-têtes"),
        ("enseignants.csv", b"\xff\xfe", "encodage UTF-16 reconnu, pas UTF-8"),
        ("enseignants.csv", b"a\x00\x81\n", "encodage invalide : attendu UTF-8"),
    ],
)
def test_fichiers_illisibles(tmp_path: Path, nom: str, contenu: str | bytes, message: str) -> None:
    chemin = tmp_path / nom
    if isinstance(contenu, bytes):
        chemin.write_bytes(contenu)
    else:
        chemin.write_text(contenu, "utf-8")
    (tmp_path / "ecoles.csv").write_text("ecole,nom\nA,A\n", "utf-8")
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(chemin, tmp_path / "ecoles.csv")
    assert erreur.value.problemes[0].fichier == nom
    assert message in erreur.value.problemes[0].message


def test_un_fichier_absent(tmp_path: Path) -> None:
    (tmp_path / "ecoles.csv").write_text("ecole,nom\nA,A\n", "utf-8")
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(tmp_path / "absent.csv", tmp_path / "ecoles.csv")
    (probleme,) = erreur.value.problemes
    assert (probleme.fichier, probleme.code) == ("absent.csv", "fichier")
    assert "lecture impossible : fichier introuvable" in probleme.message


def test_separateur_point_virgule_et_bom(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_bytes(
        "\ufeffenseignant;ecole;annees_experience;ordre;besoin_bien_etre\nt1;A;1;primaire;Élevée\n".encode()
    )
    (tmp_path / "c.csv").write_text("ecole;nom;mentors\nA;École A;2\n", "utf-8")
    effectifs = charger_effectifs(tmp_path / "e.csv", tmp_path / "c.csv")
    (t,) = effectifs.enseignants
    assert [(b.value, i.value) for b, i in t.profil.besoins.items()] == [("bien_etre", "elevee")]
    assert t.profil.ecole.mentor_dans_l_ecole is True


def test_les_enseignants_lus_sont_ceux_que_la_validation_donnerait(tmp_path: Path) -> None:
    """Les personnes lues sans revalidation (ticket 23 : ``model_construct``) sont égales,
    champ par champ et champs donnés compris, à celles que ``Enseignant(...)`` validerait ;
    un profil identique reste un seul objet (la mémoire suit les profils distincts)."""
    import subprocess
    import sys

    from recommandeur._programme.donnees.effectifs import Enseignant

    racine = Path(__file__).resolve().parents[1]
    subprocess.run(
        [
            sys.executable,
            str(racine / "outils" / "generer_effectifs.py"),
            "--ecoles",
            "12",
            "--enseignants",
            "400",
            "--dossier",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    lus = charger_effectifs(tmp_path / "enseignants.csv", tmp_path / "ecoles.csv")
    assert len(lus.enseignants) == 400
    for e in lus.enseignants:
        valide = Enseignant(**{c: getattr(e, c) for c in e.model_fields_set})
        assert valide == e and valide.model_fields_set == e.model_fields_set
        assert valide.profil.model_fields_set == e.profil.model_fields_set
    # les personnes de même profil partagent l'objet, ses parties aussi
    par_profil: dict[str, set[int]] = {}
    for e in lus.enseignants:
        par_profil.setdefault(e.profil.model_dump_json(), set()).add(id(e.profil))
    assert all(len(objets) == 1 for objets in par_profil.values())
    assert len(par_profil) < 400
    assert len({id(e.profil.ecole) for e in lus.enseignants}) <= len(lus.ecoles) * 2
