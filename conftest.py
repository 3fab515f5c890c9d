"""Ce qui vaut pour toute la suite : la suite rapide, et les blocs de la documentation.

**La suite rapide.** ``pytest`` lance toute la suite (c'est la commande de ``.ci/run``) ;
``pytest -m "not lent"`` en retire les tests longs, nommés ici par le début de leur
identifiant (et non dans chaque fichier de test) : chacun reçoit la marque ``lent`` et, s'il y a
lieu, celle de sa famille (``qualite``, ``navigateur``, ``survie``, ``paquet`` ; déclarées dans
pyproject.toml). ``tests/test_suite.py`` vérifie que chaque identifiant désigne un vrai test.

**Les blocs ```python de README.md et de docs/** s'exécutent avec la suite
(pytest-markdown-docs). Chaque bloc tourne dans un dossier temporaire où ``mes_regles/`` et
``mon_catalogue/`` sont des copies des données livrées : les exemples qui nomment « vos
dossiers » y trouvent de vrais dossiers, et le dépôt n'est jamais modifié. Ce qu'ils
impriment est capturé comme pour tout autre test (montré seulement s'ils échouent).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from importlib.resources import as_file
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from recommandeur._base.fichiers import dossier_livre

#: Les temps vont dans ``bench/``, jamais dans les tests : ni échéance par exemple, ni contrôle
#: « génération trop lente » de hypothesis, que la charge d'une machine partagée fait échouer
#: (``test_doctests[recommandeur.testing]`` a échoué ainsi une fois, machine à la charge 10).
settings.register_profile(
    "recommandeur", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
#: Pour la passe de mutation (``outils/muter.py``) : les mêmes exemples à chaque lancement, pour
#: qu'un verdict « tué » se reproduise (un exemple trouvé au hasard une fois sur dix ferait dire
#: tués des mutants qui survivent) ; ce qu'un exemple trouvé au hasard révèle s'épingle en @example.
settings.register_profile(
    "passe", settings.get_profile("recommandeur"), derandomize=True, database=None
)
settings.load_profile(os.environ.get("RECOMMANDEUR_HYPOTHESIS", "recommandeur"))

#: Les tests hors de la suite rapide : début d'identifiant → famille (« lent » : aucune autre).
#: Les durées sont celles d'une exécution complète sur 2 cœurs partagés (--durations).
LENTS: dict[str, str] = {
    # sous-processus qui doivent survivre aux pannes de durable-rules (336 s en tout)
    "tests/test_survie.py::": "survie",
    # ruff, mypy strict (100 s), la référence de l'API construite par Sphinx
    "tests/test_qualite.py::test_ruff": "qualite",
    "tests/test_qualite.py::test_mypy_strict": "qualite",
    "tests/test_reference.py::": "qualite",
    # Chromium sans écran ; la roue construite et installée dans un environnement neuf
    "tests/test_rapport.py::test_dans_chromium": "navigateur",
    "tests/test_rapport_navigateur.py::": "navigateur",
    "tests/test_paquet.py::": "paquet",
    # propriétés à centaines d'exemples et sous-processus de calcul
    "tests/test_qualite.py::test_doctests[recommandeur.testing]": "lent",  # 157 s
    "tests/test_schema.py::test_tout_profil_admis_par_le_schema_est_accepte": "lent",  # 129 s
    "tests/test_schema.py::test_presque_valide_accepte_si_et_seulement_si_le_schema_l_admet": "lent",
    "tests/test_robustesse.py::test_huit_fils_cinq_mille_appels": "lent",  # 44 s
    "tests/test_robustesse.py::test_profil_presque_valide": "lent",
    "tests/test_robustesse.py::test_valeur_json_arbitraire_comme_profil": "lent",
    "tests/test_proprietes.py::test_les_autres_besoins_restent_tires": "lent",  # 36 s
    "tests/test_programme.py::test_meme_plan_en_deux_processus": "lent",
    "tests/test_programme.py::test_deux_processus_servent_le_moteur_donne_pas_ses_dossiers": "lent",
    "tests/test_programme.py::test_une_erreur_dans_un_processus_de_calcul_remonte": "lent",
    "tests/test_programme.py::test_un_processus_de_calcul_qui_meurt": "lent",
    "tests/test_satisfiabilite.py::test_implication_comme_la_recherche_brute": "lent",
    "tests/test_oracle.py::test_bases_generees_comme_l_oracle": "lent",
    "tests/test_memoire.py::test_une_suite_de_profils_comme_memoires_vides": "lent",
    "tests/test_graphe.py::test_dot_relu": "lent",
    "tests/test_sorties_inchangees.py::test_toute_la_population_comme_avant": "lent",  # 40 s  # pydot relit le DOT : 20 s
}


#: Le cache du moteur compilé de la suite (``RECOMMANDEUR_CACHE``) : un dossier à elle, retiré à
#: la fin, plutôt que celui de l'utilisateur ; les sous-processus des tests en héritent.
_CACHE_DE_LA_SUITE: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _CACHE_DE_LA_SUITE
    if "RECOMMANDEUR_CACHE" not in os.environ:
        _CACHE_DE_LA_SUITE = tempfile.mkdtemp(prefix="recommandeur-cache-")
        os.environ["RECOMMANDEUR_CACHE"] = _CACHE_DE_LA_SUITE


def pytest_unconfigure(config: pytest.Config) -> None:
    if _CACHE_DE_LA_SUITE is not None:
        shutil.rmtree(_CACHE_DE_LA_SUITE, ignore_errors=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        famille = next((f for debut, f in LENTS.items() if item.nodeid.startswith(debut)), None)
        if famille is None:
            continue
        item.add_marker(pytest.mark.lent)
        if famille != "lent":
            item.add_marker(getattr(pytest.mark, famille))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Les blocs de la documentation impriment dans la capture de pytest, pas sur le terminal.

    pytest-markdown-docs (0.9) suspend la capture pendant un bloc (« capman.
    global_and_fixture_disabled ») : ``print(reco)`` et la barre de tqdm d'un exemple
    s'affichaient parmi les points. Pendant un bloc, cette suspension ne fait plus rien.
    """
    capman = item.config.pluginmanager.getplugin("capturemanager")
    if capman is None or type(item).__name__ != "MarkdownInlinePythonItem":
        return (yield)
    capman.global_and_fixture_disabled = contextlib.nullcontext
    try:
        return (yield)
    finally:
        del capman.global_and_fixture_disabled


@pytest.fixture(autouse=True)
def _dossiers_des_exemples(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[None]:
    if not request.node.nodeid.endswith(".md") and ".md::" not in request.node.nodeid:
        yield
        return
    for genre, nom in (("regles", "mes_regles"), ("catalogue", "mon_catalogue")):
        with as_file(dossier_livre(genre)) as livre:
            shutil.copytree(livre, tmp_path / nom)
    shutil.copytree(Path(__file__).parent / "exemples", tmp_path / "exemples")
    avant = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield
    finally:
        os.chdir(avant)
