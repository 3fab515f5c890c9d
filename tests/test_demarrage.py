"""Le démarrage : ``import recommandeur`` paresseux (PEP 562), et ce qu'une recommandation importe."""

from __future__ import annotations

import ast
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import recommandeur
from recommandeur._base.rendus import Rendu

INIT = Path(recommandeur.__file__)

#: Ce qu'une première recommandation n'importe jamais (le plan, le suivi, l'analyse, les graphes).
JAMAIS_POUR_RECOMMANDER = (
    "openpyxl",
    "networkx",
    "jinja2",
    "matplotlib",
    "numpy",
    "tqdm",
    "recommandeur._programme.planifier",
    "recommandeur._suivi.journal",
    "recommandeur._analyse.graphe",
)


def _dans_un_processus_neuf(code: str) -> object:
    sortie = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    return json.loads(sortie.splitlines()[-1])


def _noms_importes_pour_le_typage() -> set[str]:
    arbre = ast.parse(INIT.read_text(encoding="utf-8"))
    (bloc,) = [n for n in arbre.body if isinstance(n, ast.If)]
    return {a.asname or a.name for n in bloc.body if isinstance(n, ast.ImportFrom) for a in n.names}


def test_les_trois_listes_des_noms_publics_sont_les_memes() -> None:
    """``__all__``, la table des origines et les importations pour le typage nomment les mêmes."""
    assert set(recommandeur._ORIGINES) == set(recommandeur.__all__)
    assert _noms_importes_pour_le_typage() == set(recommandeur.__all__)
    assert len(recommandeur.__all__) == len(set(recommandeur.__all__)) >= 150


def test_chaque_nom_public_vient_du_module_que_le_typage_dit() -> None:
    arbre = ast.parse(INIT.read_text(encoding="utf-8"))
    (bloc,) = [n for n in arbre.body if isinstance(n, ast.If)]
    for noeud in bloc.body:
        assert isinstance(noeud, ast.ImportFrom) and noeud.module
        module = importlib.import_module("recommandeur." + noeud.module)
        for alias in noeud.names:
            nom = alias.asname or alias.name
            assert getattr(recommandeur, nom) is getattr(module, alias.name), nom


def test_un_nom_inconnu_leve_attribute_error() -> None:
    try:
        recommandeur.recommanderr  # noqa: B018  (le __getattr__ du paquet)
    except AttributeError as exc:
        assert "recommanderr" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("aucune AttributeError")
    assert "recommander" in dir(recommandeur) and "__version__" in dir(recommandeur)


def test_import_recommandeur_n_importe_aucun_sous_module() -> None:
    charges = _dans_un_processus_neuf(
        "import json, sys, recommandeur; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('recommandeur.'))))"
    )
    assert charges == []


def test_une_recommandation_n_importe_ni_le_plan_ni_le_suivi_ni_les_graphes() -> None:
    charges = _dans_un_processus_neuf(
        "import json, sys, recommandeur; "
        "r = recommandeur.recommander({'annees_experience': 1, 'ordre': 'secondaire'}); "
        "print(json.dumps([len(r.mesures), sorted(sys.modules)]))"
    )
    assert isinstance(charges, list)
    mesures, modules = charges
    assert mesures > 0
    assert [m for m in JAMAIS_POUR_RECOMMANDER if m in modules] == []


def test_les_rendus_d_un_plan_sont_fournis_a_la_demande() -> None:
    """Un emplacement vide importe son fournisseur au premier appel (le paquet est paresseux)."""
    sortie = _dans_un_processus_neuf(
        "import json, sys, recommandeur\n"
        "from recommandeur._programme import modeles\n"
        "avant = modeles.TEXTE_ALERTE.fourni\n"
        "alerte = modeles.Alerte.model_construct(ecole='x', message='trop de novices')\n"
        "try:\n"
        "    texte = str(alerte)\n"
        "except Exception as exc:\n"
        "    texte = type(exc).__name__\n"
        "print(json.dumps([avant, modeles.TEXTE_ALERTE.fourni, 'recommandeur._programme.sorties.rendus' "
        "in sys.modules]))"
    )
    assert sortie == [False, True, True]


def test_un_emplacement_hors_du_paquet_n_importe_rien() -> None:
    emplacement: Rendu[[int], str] = Rendu("texte", "os.path")
    try:
        emplacement(1)
    except RuntimeError as exc:
        assert "non fourni" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("aucune erreur")


#: Ce qu'une recommandation n'importe pas quand le moteur est relu du cache : la lecture des
#: dossiers, la syntaxe des fichiers de règles et leur compilation, les surcouches, le TOML.
SANS_LECTURE = (
    "recommandeur._langage.syntaxe",
    "recommandeur._langage.compilation",
    "recommandeur._langage.compilation_regle",
    "recommandeur._catalogue.surcouche",
    "recommandeur._catalogue.sources",
    "recommandeur._catalogue.documents",
    "recommandeur._base.toml_francais",
    "tomllib",
)


def test_un_moteur_relu_du_cache_n_importe_pas_la_lecture_des_dossiers(tmp_path: Path) -> None:
    code = (
        "import json, sys, recommandeur; "
        "r = recommandeur.recommander({'annees_experience': 1, 'ordre': 'secondaire'}); "
        "print(json.dumps(sorted(m for m in sys.modules if m.endswith('.chargement') "
        f"or m in {SANS_LECTURE!r})))"
    )
    env = {**os.environ, "RECOMMANDEUR_CACHE": str(tmp_path)}
    sorties = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(2)
    ]
    compile_, relu = sorties
    assert compile_ == sorted(  # la liste nomme des modules qui existent : la compilation les lit
        ["recommandeur._catalogue.chargement", "recommandeur._langage.chargement", *SANS_LECTURE]
    )
    assert relu == []  # relu du cache


#: Les modèles de sortie : une recommandation les fait sans validation (``_Sortie.construire``),
#: et leur schéma pydantic n'est construit qu'au premier usage (JSON, validation, schéma JSON).
SCHEMAS_A_LA_DEMANDE = {
    "modeles": (
        "Recommandation",
        "MesureRecommandee",
        "MesureEcartee",
        "Motif",
        "Fait",
        "Escalade",
    ),
    "references": ("Tables", "MesureEnTable", "ActeurEnTable"),
}


def test_une_recommandation_ne_construit_pas_les_schemas_de_sortie() -> None:
    """Ni à l'import ni pour recommander ; le JSON les construit, et il se relit à l'identique."""
    sortie = _dans_un_processus_neuf(
        "import json, recommandeur\n"
        "from recommandeur._recommandation import modeles, references\n"
        f"noms = {SCHEMAS_A_LA_DEMANDE!r}\n"
        "def construits():\n"
        "    return sorted(n for m in (modeles, references) for n in noms[m.__name__.split('.')[-1]]"
        " if getattr(m, n).__pydantic_complete__)\n"
        "r = recommandeur.recommander({'annees_experience': 1, 'ordre': 'secondaire',"
        " 'besoins': {'gestion_de_classe': 'elevee'}})\n"
        "avant = construits()\n"
        "texte = r.model_dump_json()\n"
        "relue = recommandeur.Recommandation.model_validate_json(texte)\n"
        "print(json.dumps([avant, 'Recommandation' in construits(), relue == r, len(r.mesures)]))"
    )
    assert isinstance(sortie, list)
    avant, recommandation_construite, relue_a_l_identique, mesures = sortie
    assert avant == []
    assert recommandation_construite and relue_a_l_identique and mesures > 0
