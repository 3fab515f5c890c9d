"""Ticket 19 : les surfaces du plan (effectifs, profils, dossiers, exports) devant des entrées hostiles.

Chaque cas de l'issue a son test : un fichier qui n'est pas ordinaire, une boucle de liens,
un JSON démesuré, un chiffre en exposant, des identifiants qui ne sont pas du texte, une
cellule qui serait une formule dans un tableur… Les cas qui pourraient bloquer tournent dans
un sous-processus avec une limite de temps généreuse.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recommandeur import ErreurArgument, ErreurEffectifs, ErreurProfil, et_si, planifier
from recommandeur._base.fichiers import lire_octets
from recommandeur._programme.donnees.effectifs import charger_effectifs
from recommandeur._programme.donnees.mentors import charger_mentors

ECOLES = "ecole,nom,nb_enseignants,mentors\nA,École A,20,1\nB,École B,10,0\n"
ENSEIGNANTS = (
    "enseignant,ecole,annees_experience,ordre,besoin_gestion_de_classe\n"
    "e1,A,0,primaire,elevee\ne2,A,1,primaire,moderee\ne3,B,2,secondaire,\n"
)
PROFIL = 'annees_experience = 1\nordre = "primaire"\n'


def _ecrire(dossier: Path, nom: str, texte: str | bytes) -> Path:
    chemin = dossier / nom
    if isinstance(texte, bytes):
        chemin.write_bytes(texte)
    else:
        chemin.write_text(texte, encoding="utf-8")
    return chemin


def _cli(
    *args: str, entree: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """La commande dans un sous-processus, avec une limite de temps généreuse (un blocage
    devient un échec, pas un test qui ne finit pas)."""
    resultat = subprocess.run(
        [sys.executable, "-m", "recommandeur", *args],
        input=entree.decode("utf-8"),
        capture_output=True,
        text=True,
        timeout=240,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert "Traceback" not in resultat.stderr
    return resultat


def _problemes(erreur: pytest.ExceptionInfo[ErreurEffectifs]) -> list[tuple[str | None, str]]:
    return [(p.fichier, p.message) for p in erreur.value.problemes]


# --- item 2 : un seul lecteur sûr -------------------------------------------------------------


@pytest.mark.parametrize("genre", ["tube", "zero", "boucle"])
def test_un_fichier_qui_n_est_pas_ordinaire_est_refuse_sans_etre_lu(
    tmp_path: Path, genre: str
) -> None:
    x = tmp_path / "x.csv"
    if genre == "tube":
        os.mkfifo(x)
    elif genre == "zero":
        x.symlink_to("/dev/zero")
    else:
        x.symlink_to(x)
    _ecrire(tmp_path, "ecoles.csv", ECOLES)
    code = (
        "import sys\nfrom recommandeur import planifier, ErreurEffectifs\n"
        "try:\n    planifier(sys.argv[1], sys.argv[2])\n"
        "except ErreurEffectifs as e:\n    print(e.problemes[0].fichier, '|', e.problemes[0].message)\n"
    )
    sortie = subprocess.run(
        [sys.executable, "-c", code, str(x), str(tmp_path / "ecoles.csv")],
        capture_output=True,
        text=True,
        timeout=240,
    )
    attendu = {
        "tube": "x.csv | n'est pas un fichier ordinaire",
        "zero": "x.csv | n'est pas un fichier ordinaire",
        "boucle": "x.csv | lecture impossible : trop de liens symboliques",
    }[genre]
    assert sortie.stdout.startswith(attendu), sortie.stderr


@pytest.mark.parametrize("commande", [["plan"], ["plan", "--verifier"]])
def test_plan_sur_un_tube_nomme(tmp_path: Path, commande: list[str]) -> None:
    os.mkfifo(tmp_path / "x.csv")
    ecoles = _ecrire(tmp_path, "ecoles.csv", ECOLES)
    r = _cli(*commande, str(tmp_path / "x.csv"), "--ecoles", str(ecoles), "--processus", "1")
    assert r.returncode == 2
    assert "x.csv : n'est pas un fichier ordinaire" in r.stderr


@pytest.mark.parametrize("genre", ["tube", "zero"])
def test_recommander_sur_un_tube_ou_dev_zero(tmp_path: Path, genre: str) -> None:
    nom = {"tube": "fifo.toml", "zero": "zero.toml"}[genre]
    if genre == "tube":
        os.mkfifo(tmp_path / nom)
    else:
        (tmp_path / nom).symlink_to("/dev/zero")
    r = _cli("recommander", str(tmp_path / nom))
    assert r.returncode == 2
    assert (
        r.stderr
        == f"erreur : {tmp_path / nom} : n'est pas un fichier ordinaire (tube nommé, périphérique ou dossier) : refusé\n"
    )


def test_la_taille_est_bornee_pendant_la_lecture(tmp_path: Path) -> None:
    # /proc annonce une taille de 0 : seule la lecture bornée arrête un fichier trop grand
    assert os.stat("/proc/self/maps").st_size == 0
    refus = lire_octets("/proc/self/maps", 10, "maps")
    assert not isinstance(refus, bytes)
    assert refus.message == "fichier trop grand (plus de 10 octets)"
    assert lire_octets(_ecrire(tmp_path, "a.toml", "abc"), 3) == b"abc"


@pytest.mark.parametrize("ou", ["regles", "surcouche"])
def test_une_boucle_de_liens_dans_un_dossier(tmp_path: Path, ou: str) -> None:
    # item 7 : RuntimeError de Path.resolve avant ; un problème qui nomme le fichier après
    dossier = tmp_path / ou
    dossier.mkdir()
    (dossier / "x.toml").symlink_to(dossier / "x.toml")
    if ou == "regles":
        r = _cli("verifier", "--regles", str(dossier))
    else:
        r = _cli("verifier", "--surcouche", str(dossier))
    assert r.returncode in (1, 2)
    assert f"{ou}/x.toml" in r.stdout + r.stderr or "x.toml" in r.stdout + r.stderr
    assert "boucle" in r.stdout + r.stderr


# --- issue 22 : Windows-1252, fichier illisible, la commande et l'entrée standard ---------------


def test_un_csv_windows_1252_est_refuse_en_une_ligne_sans_erreurs_en_cascade(
    tmp_path: Path,
) -> None:
    ecoles = _ecrire(tmp_path, "ecoles.csv", ECOLES.replace("École", "Écôle").encode("cp1252"))
    enseignants = _ecrire(tmp_path, "enseignants.csv", ENSEIGNANTS)
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(enseignants, ecoles)
    assert _problemes(erreur) == [
        (
            "ecoles.csv",
            "encodage Windows-1252 (ou Latin-1) reconnu, pas UTF-8 (ligne 2) : enregistrer en "
            "CSV UTF-8 (Excel : Enregistrer sous › CSV UTF-8)",
        )
    ]
    r = _cli("plan", str(enseignants), "--ecoles", str(ecoles), "--processus", "1")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "enregistrer en CSV UTF-8" in r.stderr


def test_la_commande_lit_le_profil_sur_l_entree_standard() -> None:
    toml = _cli("recommander", "-", "--json", entree=PROFIL.encode("utf-8"))
    en_json = _cli(
        "recommander", "-", "--json", entree=b'{"annees_experience": 1, "ordre": "primaire"}'
    )
    assert toml.returncode == en_json.returncode == 0
    assert json.loads(toml.stdout) == json.loads(en_json.stdout)
    assert json.loads(toml.stdout)["mesures"]
    mal = _cli("recommander", "-", entree=b"{pas du json")
    assert (mal.returncode, mal.stderr) == (
        2,
        "erreur : entrée standard : JSON mal formé (ligne 1, colonne 2)\n",
    )


def test_les_messages_de_fichier_sont_en_francais(tmp_path: Path) -> None:
    r = _cli("recommander", str(tmp_path / "absent.toml"))
    assert (
        r.stderr
        == f"erreur : {tmp_path / 'absent.toml'} : lecture impossible : fichier introuvable\n"
    )
    (tmp_path / "d.toml").mkdir()
    r = _cli("recommander", str(tmp_path / "d.toml"))
    assert "n'est pas un fichier ordinaire" in r.stderr
    r = _cli("plan", str(tmp_path / "absent.csv"), "--ecoles", str(tmp_path / "e.csv"))
    assert "No such file" not in r.stderr and "fichier introuvable" in r.stderr


# --- item 6 : aucune erreur brute de Python depuis des effectifs --------------------------------


@pytest.mark.parametrize(
    ("nom", "contenu", "message"),
    [
        ("enseignants.json", "[" * 100_000 + "]" * 100_000, "JSON imbriqué trop profondément"),
        (
            "enseignants.toml",
            "a = " + "[" * 100_000 + "]" * 100_000,
            "TOML imbriqué trop profondément",
        ),
        ("enseignants.json", '[{"annees_experience": ' + "9" * 5000 + "}]", "un entier a plus de"),
        (
            "enseignants.toml",
            "[[enseignant]]\nannees_experience = " + "9" * 5000,
            "un entier a plus de",
        ),
    ],
)
def test_effectifs_demesures(tmp_path: Path, nom: str, contenu: str, message: str) -> None:
    chemin = _ecrire(tmp_path, nom, contenu)
    ecoles = _ecrire(tmp_path, "ecoles.csv", ECOLES)
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(chemin, ecoles)
    ((fichier, texte),) = _problemes(erreur)
    assert fichier == nom and message in texte


def test_un_chiffre_en_exposant_est_une_valeur_refusee(tmp_path: Path) -> None:
    ecoles = _ecrire(tmp_path, "ecoles.csv", "ecole,nom,nb_enseignants,mentors\nA,École A,²,³\n")
    enseignants = _ecrire(
        tmp_path, "enseignants.csv", "enseignant,ecole,annees_experience,ordre\ne1,A,³,primaire\n"
    )
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(enseignants, ecoles)
    champs = {(p.fichier, p.id, p.champ) for p in erreur.value.problemes}
    assert ("ecoles.csv", "ligne 2", "nb_enseignants") in champs
    assert ("enseignants.csv", "ligne 2", "annees_experience") in champs
    r = _cli("plan", str(enseignants), "--ecoles", str(ecoles), "--processus", "1")
    assert r.returncode == 2 and "invalid literal" not in r.stderr
    assert "ecoles.csv" in r.stderr and "ligne 2" in r.stderr


# --- item 8 : et_si ---------------------------------------------------------------------------

BASE = {"annees_experience": 1, "ordre": "primaire"}


def test_et_si_refuse_un_cycle_et_une_imbrication_profonde() -> None:
    cycle: dict[str, object] = {}
    cycle["ecole"] = cycle
    profond: dict[str, object] = {}
    courant = profond
    for _ in range(10_000):
        courant["x"] = {}
        courant = courant["x"]  # type: ignore[assignment]
    for changements in (cycle, profond):
        with pytest.raises(ErreurArgument) as erreur:
            et_si(BASE, changements)
        assert erreur.value.argument == "changements"
    with pytest.raises(ErreurArgument, match="cycle"):
        et_si(BASE, cycle)


def test_et_si_nomme_le_champ_d_un_entier_demesure() -> None:
    with pytest.raises(ErreurProfil) as erreur:
        et_si(BASE, {"ecole": {"part_novices": 10**5000}})
    (probleme,) = erreur.value.problemes
    assert (probleme.champ, probleme.message) == ("ecole.part_novices", "nombre démesuré")


# --- item 11 : les petits cas -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("valeur", "message"),
    [
        (None, "identifiant manquant"),
        ([], "attendu du texte, reçu une liste"),
        ({}, "attendu du texte, reçu une table"),
        (True, "attendu du texte, reçu un booléen"),
        ("e\x00", "caractère de contrôle '\\x00' dans l'identifiant : refusé"),
        ("e\tf", "caractère de contrôle '\\t' dans l'identifiant : refusé"),
        ("e\u2028f", "caractère de contrôle '\\u2028' dans l'identifiant : refusé"),
        ("e\u2029f", "caractère de contrôle '\\u2029' dans l'identifiant : refusé"),
        # un octet mal décodé (``surrogateescape``) : ni UTF-8 ni écrivable dans un export
        ("e\udc80", "caractère de contrôle '\\udc80' dans l'identifiant : refusé"),
    ],
)
def test_un_identifiant_qui_n_est_pas_du_texte(valeur: object, message: str) -> None:
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(
            [{"enseignant": valeur, "ecole": "A", "annees_experience": 1, "ordre": "primaire"}],
            [{"ecole": "A"}],
        )
    ((probleme),) = erreur.value.problemes
    assert (probleme.champ, probleme.message) == ("enseignant", message)


#: « \udc80 » : un demi-caractère (un octet mal décodé), que ni le CSV ni le classeur n'écrivent.
CONTROLES = ["\x00", "\x01", "\t", "\n", "\r", "\x1f", "\x7f", "\x85", "\u2028", "\u2029", "\udc80"]
#: Ce qu'un tableur écrit dans une cellule : permis dans un texte libre, gardé tel quel (une fin
#: de ligne « \r » est lue « \n », comme un tableur la relit).
BLANCS_PERMIS = {"\t": "\t", "\n": "\n", "\r": "\n", "\u2028": "\u2028", "\u2029": "\u2029"}


@pytest.mark.parametrize("controle", CONTROLES)
@pytest.mark.parametrize(
    ("fichier", "champ"),
    [("ecoles", "nom"), ("ecoles", "region"), ("mentors", "matieres[0]")],
)
def test_un_texte_libre_refuse_chaque_caractere_de_controle(
    fichier: str, champ: str, controle: str
) -> None:
    """Un nom d'école, une région, une matière de personne mentore : aucun caractère de contrôle
    que le classeur xlsx ne pourrait écrire ; le problème nomme fichier, ligne, champ et
    valeur, avant tout calcul. La tabulation et les fins de ligne restent (un tableur les
    écrit). Les matières sont une liste dont chaque élément a ses blancs ramenés à une espace."""
    texte = f"a{controle}b"
    ecole = {"ecole": "A", "nom": "École A", "region": "Nord"}
    mentor = {"mentor": "M1", "ecole": "A", "matieres": "maths"}
    if fichier == "ecoles":
        ecole[champ] = texte
    else:
        mentor["matieres"] = texte
    profs = [{"enseignant": "e1", "ecole": "A", "annees_experience": 1, "ordre": "primaire"}]
    if fichier == "mentors" and controle.isspace():
        (lu,) = charger_mentors([mentor])
        assert lu.matieres == ("a b",)
        return
    if fichier == "ecoles" and controle in BLANCS_PERMIS:
        (lue,) = charger_effectifs(profs, [ecole]).ecoles
        attendu = {k: v.replace(controle, BLANCS_PERMIS[controle]) for k, v in ecole.items()}
        assert (lue.nom, lue.region) == (attendu["nom"], attendu["region"])
        return
    with pytest.raises(ErreurEffectifs) as erreur:
        planifier(profs, [ecole], mentors=[mentor])
    ((probleme),) = erreur.value.problemes
    assert (probleme.fichier, probleme.id, probleme.champ) == (fichier, "élément n° 1", champ)
    assert probleme.message == f"caractère de contrôle {controle!a} refusé : le retirer du texte"
    assert probleme.valeur == texte


@pytest.mark.parametrize(
    ("champ", "valeur", "message"),
    [
        ("nom", 12, "attendu une chaîne de caractères, reçu un entier"),
        ("region", ["Nord"], "attendu une chaîne de caractères, reçu une liste"),
        ("region", "  ", "doit contenir au moins 1 élément(s)"),
        ("region", "R" * 81, "doit contenir au plus 80 élément(s)"),
    ],
)
def test_un_texte_libre_d_un_autre_type_ou_hors_bornes(
    champ: str, valeur: object, message: str
) -> None:
    """Un nom ou une région qui n'est pas du texte, une région vide ou de plus de 80 caractères :
    un problème qui nomme le champ, jamais une trace ; 80 caractères (espaces autour retirés)
    sont admis."""
    profs = [{"enseignant": "e1", "ecole": "A", "annees_experience": 1, "ordre": "primaire"}]
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(profs, [{"ecole": "A", champ: valeur}])
    ((probleme),) = erreur.value.problemes
    assert (probleme.fichier, probleme.champ, probleme.message) == ("ecoles", champ, message)
    (ecole,) = charger_effectifs(profs, [{"ecole": "A", "region": f" {'R' * 80} "}]).ecoles
    assert ecole.region == "R" * 80


def test_un_nom_nul_est_un_nom_absent() -> None:
    effectifs = charger_effectifs(
        [{"enseignant": 7, "ecole": "A", "annees_experience": 1, "ordre": "primaire"}],
        [{"ecole": "A", "nom": None}],
    )
    assert effectifs.ecoles[0].nom == "A" and effectifs.enseignants[0].id == "7"


def test_des_en_tetes_en_double(tmp_path: Path) -> None:
    ecoles = _ecrire(tmp_path, "ecoles.csv", ECOLES)
    enseignants = _ecrire(
        tmp_path, "enseignants.csv", "enseignant,ecole,ordre,ordre\ne1,A,primaire,secondaire\n"
    )
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(enseignants, ecoles)
    assert [(p.champ, p.message) for p in erreur.value.problemes] == [
        ("ordre", "colonne en double (2 fois) : une seule est permise")
    ]


def test_nfc_nfd_et_casse_designent_la_meme_personne() -> None:
    ligne = {"ecole": "École-A", "annees_experience": 1, "ordre": "primaire"}
    with pytest.raises(ErreurEffectifs) as erreur:
        charger_effectifs(
            [
                {**ligne, "enseignant": "Émile"},
                {**ligne, "enseignant": "E\u0301mile"},
                {**ligne, "enseignant": "émile"},
            ],
            [{"ecole": "École-A"}],
        )
    assert [p.message for p in erreur.value.problemes] == [
        "enseignant déjà décrit (élément n° 1)",
        "enseignant déjà décrit (élément n° 1 sous « Émile », à la casse près)",
    ]
    # une école citée avec une autre casse ou en NFD est la même école
    effectifs = charger_effectifs(
        [{**ligne, "enseignant": "p1", "ecole": "E\u0301COLE-a"}], [{"ecole": "École-A"}]
    )
    assert effectifs.enseignants[0].ecole == "École-A"


@pytest.mark.parametrize(
    ("appel", "argument"),
    [
        (lambda: planifier(None, []), "enseignants"),  # type: ignore[arg-type]
        (lambda: planifier([], 5), "ecoles"),  # type: ignore[arg-type]
        (lambda: planifier([], [], processus=33), "processus"),
        (lambda: planifier([], [], moteur="m"), "moteur"),  # type: ignore[arg-type]
    ],
)
def test_des_arguments_du_mauvais_type(appel: object, argument: str) -> None:
    with pytest.raises(ErreurArgument) as erreur:
        appel()  # type: ignore[operator]
    assert erreur.value.argument == argument


def test_recommander_lot_et_moteur_depuis_refusent_un_mauvais_type() -> None:
    from recommandeur import Moteur, recommander_lot

    with pytest.raises(ErreurArgument) as erreur:
        recommander_lot(5)  # type: ignore[arg-type]
    assert erreur.value.argument == "profils"
    with pytest.raises(ErreurArgument) as erreur:
        Moteur.depuis(surcouche=["a", "b"])  # type: ignore[arg-type]
    assert erreur.value.argument == "surcouche"


def test_une_surcouche_qui_desactive_tout_est_nommee(tmp_path: Path) -> None:
    import tomllib

    from recommandeur import ErreurRegle, Moteur
    from recommandeur._base.fichiers import dossier_livre
    from recommandeur._langage.chargement import charger_regles  # noqa: F401

    ids = [
        r["id"]
        for f in sorted(Path(str(dossier_livre("regles"))).glob("*.toml"))
        for r in tomllib.loads(f.read_text("utf-8")).get("regle", [])
    ]
    dessus = tmp_path / "centre"
    dessus.mkdir()
    _ecrire(
        dessus,
        "ajustements.toml",
        f'version = "c1"\n[ajustements]\ndesactiver = {json.dumps(ids)}\n',
    )
    with pytest.raises(ErreurRegle) as erreur:
        Moteur.depuis(surcouche=dessus)
    (probleme,) = erreur.value.problemes
    assert probleme.fichier == "centre/ajustements.toml"
    assert "désactive toutes les règles" in probleme.message


@given(
    st.one_of(st.none(), st.integers(), st.text(max_size=20), st.lists(st.integers(), max_size=3))
)
def test_une_erreur_d_argument_garde_son_message_apres_pickle(valeur: object) -> None:
    erreur = ErreurArgument("limite", "un entier ≥ 1", valeur)
    assert str(pickle.loads(pickle.dumps(erreur))) == str(erreur)


def test_un_fork_pendant_un_lot_remet_le_ramasse_miettes_dans_l_enfant() -> None:
    code = (
        "import gc, os\n"
        "from recommandeur._recommandation.ramasse_miettes import ramasse_miettes_suspendu\n"
        "with ramasse_miettes_suspendu():\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        os._exit(0 if gc.isenabled() else 3)\n"
        "    _, statut = os.waitpid(pid, 0)\n"
        "print(os.waitstatus_to_exitcode(statut), gc.isenabled())\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.stdout.split() == ["0", "True"], r.stderr
