"""outils/reecrire_importations.py : les anciennes importations réécrites, les conflits d'importations résolus."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "reecrire_importations", RACINE / "outils" / "reecrire_importations.py"
)
assert _spec is not None and _spec.loader is not None
outil = importlib.util.module_from_spec(_spec)
sys.modules["reecrire_importations"] = outil
_spec.loader.exec_module(outil)

SRC = RACINE / "src" / "recommandeur"

CAS = [
    # (fichier, avant, après)
    (
        SRC / "_profil" / "modeles.py",
        "from .._erreurs import ErreurProfil\nfrom .._vocabulaire import Niveau\n",
        "from .._base.erreurs import ErreurProfil\nfrom .._vocabulaire import Niveau\n",
    ),
    (  # un fichier déplacé : ses importations relatives sont résolues depuis son ancien paquet
        SRC / "_cli" / "plan.py",
        "from ._cli_francais import entier\nfrom ._moteur.moteur import Moteur\n",
        "from .francais import entier\nfrom .._moteur.moteur import Moteur\n",
    ),
    (
        SRC / "_base" / "erreurs.py",
        "from ._probleme import Probleme\nfrom .apercu import apercu\n",
        "from .probleme import Probleme\nfrom .apercu import apercu\n",
    ),
    (
        SRC / "_rendu" / "html.py",
        "from .valeurs import valeur_lisible\nfrom .._titres import reference\nfrom . import valeurs\n",
        "from .._langage.valeurs import valeur_lisible\nfrom .._vocabulaire.titres import reference\n"
        "from .._langage import valeurs\n",
    ),
    (  # ``from . import x`` dans un fichier déplacé : ``x`` resté dans l'ancien paquet
        SRC / "_programme" / "sorties" / "rendus.py",
        "from . import modeles\nfrom . import contenus\nfrom .parallele import Calcul\n",
        "from .. import modeles\nfrom . import contenus\nfrom ..calcul.parallele import Calcul\n",
    ),
    (  # ``from . import a, b`` : ``a`` dans le nouveau paquet, ``b`` resté dans l'ancien
        SRC / "_programme" / "sorties" / "rendus.py",
        "from . import contenus, modeles\nfrom . import modeles as m, texte\n",
        "from . import contenus\nfrom .. import modeles\nfrom . import texte\nfrom .. import modeles as m\n",
    ),
    (  # une importation locale à une fonction garde son retrait
        SRC / "_profil" / "modeles.py",
        "def f():\n    from .._rendu.valeurs import nombre\n    return nombre\n",
        "def f():\n    from .._langage.valeurs import nombre\n    return nombre\n",
    ),
    (
        RACINE / "tests" / "test_x.py",
        "from recommandeur import _cli, _fichiers\nfrom recommandeur._cli import main\n"
        "from recommandeur._cli import plan\nimport recommandeur._surcouche\n",
        "from recommandeur._cli import commande as _cli\n"
        "from recommandeur._base import fichiers as _fichiers\n"
        "from recommandeur._cli.commande import main\nfrom recommandeur._cli import plan\n"
        "import recommandeur._catalogue.surcouche\n",
    ),
    (
        RACINE / "tests" / "test_x.py",
        'monkeypatch.setattr("recommandeur._fichiers.TAILLE_MAX", 3)\n'
        'p = RACINE / "src" / "recommandeur" / "_cli_plan.py"\n',
        'monkeypatch.setattr("recommandeur._base.fichiers.TAILLE_MAX", 3)\n'
        'p = RACINE / "src" / "recommandeur" / "_cli/plan.py"\n',
    ),
    (  # un sous-module ajouté au paquet _cli après la réorganisation n'est pas un ancien nom
        RACINE / "tests" / "test_x.py",
        "import recommandeur._cli.province as cli_province\n"
        "from recommandeur._cli.province import ajouter\nx = recommandeur._cli.main\n",
        "import recommandeur._cli.province as cli_province\n"
        "from recommandeur._cli.province import ajouter\nx = recommandeur._cli.commande.main\n",
    ),
    (
        RACINE / "outils" / "mutants.toml",
        'fichier = "_vocabulaire.py"\nfichier = "_rendu/valeurs.py"\nfichier = "_suivi/erreurs.py"\n',
        'fichier = "_vocabulaire/enumerations.py"\nfichier = "_langage/valeurs.py"\n'
        'fichier = "_suivi/erreurs.py"\n',
    ),
]


@pytest.mark.parametrize(("fichier", "avant", "apres"), CAS)
def test_reecriture_exacte_et_idempotente(fichier: Path, avant: str, apres: str) -> None:
    assert outil.reecrire(avant, fichier) == apres
    assert outil.reecrire(apres, fichier) == apres


def test_une_page_markdown_reecrit_ses_blocs_python() -> None:
    page = "Texte `recommandeur._erreurs`.\n\n```python\nfrom recommandeur._erreurs import X\n```\n"
    assert outil.reecrire(page, RACINE / "docs" / "x.md") == (
        "Texte `recommandeur._base.erreurs`.\n\n```python\n"
        "from recommandeur._base.erreurs import X\n```\n"
    )


def test_le_depot_n_a_plus_d_ancienne_importation(capsys: pytest.CaptureFixture[str]) -> None:
    assert outil.main(["--verifier"]) == 0, capsys.readouterr().out


def test_l_apres_d_un_mutant_garde_l_ancien_module_qu_il_nomme() -> None:
    """Dans ``outils/mutants.toml``, le texte visé (``avant``) suit les modules déplacés ; le
    remplacement (``apres``) peut en nommer un ancien exprès (un mutant qui le réintroduit)."""
    avant = (
        'fichier = "_programme/province.py"\n'
        'avant = "from recommandeur._programme.province import x"\n'
        'apres = "from recommandeur._programme.province import y"\n'
    )
    assert outil.reecrire(avant, RACINE / "outils" / "mutants.toml") == (
        'fichier = "_programme/provincial/province.py"\n'
        'avant = "from recommandeur._programme.provincial.province import x"\n'
        'apres = "from recommandeur._programme.province import y"\n'
    )


def test_chaque_ancien_module_a_disparu_et_chaque_nouveau_existe() -> None:
    for ancien, nouveau in outil.MODULES.items():
        assert outil.existe(nouveau), nouveau
        if ancien not in outil.SOUS_MODULES:
            assert not outil.existe(ancien), ancien


CONFLIT = (
    "from __future__ import annotations\n\n"
    "<<<<<<< HEAD\n"
    "from .._erreurs import ErreurProfil\n"
    "from .._vocabulaire import Niveau\n"
    "||||||| base\n"
    "from .._erreurs import ErreurProfil\n"
    "=======\n"
    "from .._base.erreurs import ErreurProfil, ErreurRegle\n"
    ">>>>>>> main\n"
    "\nX = 1\n"
)


def test_un_conflit_d_importations_garde_l_union_reecrite() -> None:
    resolu = outil.resoudre_conflits(CONFLIT, SRC / "_profil" / "modeles.py")
    assert resolu == (
        "from __future__ import annotations\n\n"
        "from .._base.erreurs import ErreurProfil, ErreurRegle\n"
        "from .._vocabulaire import Niveau\n"
        "\nX = 1\n"
    )


def test_un_conflit_qui_touche_autre_chose_reste_a_la_main() -> None:
    autre = CONFLIT.replace("from .._vocabulaire import Niveau\n", "Y = 2\n")
    assert outil.resoudre_conflits(autre, SRC / "_profil" / "modeles.py") is None
    assert outil.resoudre_conflits("X = 1\n", SRC / "_profil" / "modeles.py") is None


def _relatif_depuis_profil(module: str) -> str:
    """``recommandeur._x.y`` écrit depuis ``_profil/modeles.py`` : ``.._x.y``."""
    return ".." + module.removeprefix("recommandeur.")


@pytest.mark.parametrize(("ancien", "nouveau"), sorted(outil.MODULES.items()))
def test_chaque_ancien_module_sous_chaque_forme(ancien: str, nouveau: str) -> None:
    """Chaque entrée de la table, sous chaque forme d'importation : réécrite, puis stable."""
    profil = SRC / "_profil" / "modeles.py"
    parent, _, feuille = ancien.rpartition(".")
    nouveau_parent, _, nouvelle_feuille = nouveau.rpartition(".")
    formes = {
        f"from {ancien} import X\n": f"from {nouveau} import X\n",
        f"from {_relatif_depuis_profil(ancien)} import X\n": (
            f"from {_relatif_depuis_profil(nouveau)} import X\n"
        ),
        f"import {ancien}\n": f"import {nouveau}\n",
        f'patch("{ancien}.X")\n': f'patch("{nouveau}.X")\n',
        f"from {parent} import {feuille}\n": (
            f"from {nouveau_parent} import {nouvelle_feuille} as {feuille}\n"
            if nouvelle_feuille != feuille
            else f"from {nouveau_parent} import {feuille}\n"
        ),
    }
    if ancien == "recommandeur._cli":  # le paquet garde le nom : « import » le vise, pas le module
        del formes[f"import {ancien}\n"]
    for avant, apres in formes.items():
        assert outil.reecrire(avant, profil) == apres, avant
        assert outil.reecrire(apres, profil) == apres, apres


#: Les modules de la racine de ``_programme/`` avant son rangement en sous-paquets (session du
#: 2026-12-04 soir, ``acbaf55``), sauf ceux qui y sont restés (comparaison, modeles, planifier).
ANCIENS_DE_PROGRAMME = [
    "appariement",
    "au_fil",
    "bilan",
    "calendrier",
    "calibrage",
    "capacite",
    "centres",
    "charge",
    "ciblage",
    "classeur",
    "colonnes",
    "confidentiel",
    "contenus",
    "contenus_mentorat",
    "couts",
    "criteres",
    "ecoles",
    "effectifs",
    "exports",
    "exports_mentorat",
    "fils_de_calcul",
    "graphiques",
    "groupes",
    "identifiants",
    "lecture",
    "mentorat",
    "mentors",
    "modele_ecole",
    "modeles_mentorat",
    "par_ecole",
    "parallele",
    "portrait",
    "progression",
    "province",
    "raisons_paires",
    "rapport",
    "recapitulatif",
    "rendus",
    "reprise",
    "resume",
    "sections",
    "texte",
]


def test_chaque_module_range_de_programme_est_dans_la_table() -> None:
    """Chacun des 42 modules rangés garde son nom dans son sous-paquet : aucun n'est oublié
    (une branche qui l'importe encore à l'ancienne serait laissée cassée)."""
    ranges = {
        ancien.removeprefix("recommandeur._programme."): nouveau
        for ancien, nouveau in outil.MODULES.items()
        if ancien.startswith("recommandeur._programme.")
    }
    assert sorted(ranges) == sorted(ANCIENS_DE_PROGRAMME)
    for nom, nouveau in ranges.items():
        paquet, _, feuille = nouveau.removeprefix("recommandeur._programme.").partition(".")
        assert (feuille, outil.existe(nouveau)) == (nom, True), nouveau
        assert paquet in {
            "donnees",
            "calcul",
            "plans_d_ecole",
            "centre",
            "jumelage",
            "ressources",
            "sorties",
            "provincial",
        }
