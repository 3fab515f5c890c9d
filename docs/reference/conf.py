"""Sphinx : la référence de l'API, tirée des docstrings, en français.

Construite par ``sphinx-build -W --keep-going -b html docs/reference build/reference`` (README,
« Contribuer ») et par la suite de tests (``tests/test_reference.py``) : un avertissement fait
échouer la construction.

Chaque page nomme les couches qu'elle présente (directive ``{publics}``) ; les objets de
``recommandeur.__all__`` y sont placés selon le module qui les définit, les exceptions sur la
page des erreurs. Un nom public qu'aucune page ne présente est un avertissement : la référence
suit ``__all__`` sans liste recopiée à la main.
"""

from __future__ import annotations

import enum
import inspect
import re
import sys
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from pydantic import BaseModel
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles
from sphinx.util.typing import stringify_annotation

import recommandeur

_PAQUET = Path(recommandeur.__file__).resolve().parent

project = "recommandeur"
author = "Équipe recommandeur"
copyright = "2026, Équipe recommandeur"
release = recommandeur.__version__
language = "fr"

extensions = ["myst_parser", "sphinx.ext.autodoc"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]
smartquotes = False  # « d'`Erreur` » devenait « d”Erreur » ; les textes ont déjà leurs guillemets
html_theme = "alabaster"
html_title = "recommandeur : référence de l'API"
html_static_path: list[str] = []
html_show_sphinx = False
html_show_sourcelink = False
html_sidebars = {"**": ["about.html", "navigation.html", "searchbox.html"]}

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "separated"
autodoc_default_options = {
    "members": True,
    "exclude-members": (
        "model_config, model_fields, model_computed_fields, model_post_init, __new__"
    ),
}

_journal = logging.getLogger(__name__)


def _exception(objet: object) -> bool:
    return isinstance(objet, type) and issubclass(objet, BaseException)


def _place(nom: str, couches: list[str]) -> bool:
    """Ce nom public va-t-il sur la page de ces couches (« erreurs » : les exceptions) ?"""
    objet = getattr(recommandeur, nom)
    if _exception(objet):
        return "erreurs" in couches
    module = _module_de_definition(objet)
    return any(
        module == f"recommandeur.{c}" or module.startswith(f"recommandeur.{c}.") for c in couches
    )


def _module_de_definition(objet: object) -> str:
    """Le module qui définit l'objet, même si son ``__module__`` dit ``recommandeur``.

    Un objet public peut s'afficher ``recommandeur.Nom`` (``__module__ = "recommandeur"``) :
    le fichier de son code (celui d'une fonction, ou d'une méthode de la classe) dit alors où
    il est défini.
    """
    module = getattr(objet, "__module__", "") or ""
    if module.startswith("recommandeur._"):
        return module
    fonctions = [objet, *vars(objet).values()] if isinstance(objet, type) else [objet]
    for fonction in fonctions:
        fonction = getattr(fonction, "__func__", fonction)  # classmethod, staticmethod
        code = getattr(inspect.unwrap(fonction), "__code__", None) if callable(fonction) else None
        fichier = Path(code.co_filename).resolve() if code is not None else None
        if fichier is not None and fichier.is_relative_to(_PAQUET):
            chemin = fichier.relative_to(_PAQUET.parent).with_suffix("")
            return ".".join(chemin.parts).removesuffix(".__init__")
    # une classe sans méthode : le module privé dont le source la définit (``class Nom``)
    nom = getattr(objet, "__name__", "")
    for candidat, contenu in sorted(sys.modules.items()):
        fichier = getattr(contenu, "__file__", None)
        if candidat.startswith("recommandeur._") and getattr(contenu, nom, None) is objet:
            source = Path(fichier).read_text(encoding="utf-8") if fichier else ""
            if re.search(rf"^class {re.escape(nom)}\b", source, re.MULTILINE):
                return candidat
    # une constante ou un alias de type (``CODES``, ``Entree``) : le module qui l'affecte
    for nom_public in recommandeur.__all__:
        if getattr(recommandeur, nom_public) is not objet:
            continue
        for candidat, contenu in sorted(sys.modules.items()):
            fichier = getattr(contenu, "__file__", None)
            if (
                candidat.startswith("recommandeur._")
                and fichier
                and getattr(contenu, nom_public, None) is objet
            ):
                source = Path(fichier).read_text(encoding="utf-8")
                if re.search(rf"^{re.escape(nom_public)}\s*[:=]", source, re.MULTILINE):
                    return candidat
    return module


def _directive_autodoc(nom: str) -> list[str]:
    """La directive autodoc (reStructuredText) d'un nom public."""
    objet = getattr(recommandeur, nom)
    cible = f"recommandeur.{nom}"
    if inspect.isfunction(objet):
        return [f".. autofunction:: {cible}", ""]
    if not isinstance(objet, type):
        # une constante ou un alias : le commentaire ``#:`` de son module, pas la docstring
        # de son type (celle de ``tuple`` ou de ``dict``)
        module = _module_de_definition(objet)
        commentaires = ModuleAnalyzer.for_module(module).find_attr_docs().get(("", nom), [])
        return [f".. py:data:: {cible}", "", *(f"   {ligne}" for ligne in commentaires), ""]
    options = ["   :members:"]
    if issubclass(objet, enum.Enum):
        options.append("   :undoc-members:")
    if _exception(objet):
        options.append("   :show-inheritance:")
    return [f".. autoclass:: {cible}", *options, ""]


class Publics(SphinxDirective):
    """``{publics} _profil _vocabulaire`` : les objets de ``__all__`` définis dans ces couches."""

    required_arguments = 1
    optional_arguments = 20
    option_spec: ClassVar[dict[str, Any]] = {
        "sauf": directives.unchanged,
        "aussi": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        sauf = set((self.options.get("sauf") or "").split())
        aussi = set((self.options.get("aussi") or "").split())
        noms = [
            n
            for n in recommandeur.__all__
            if n in aussi or (n not in sauf and _place(n, self.arguments))
        ]
        # les fonctions d'abord, puis les classes, chacune dans l'ordre de __all__
        noms.sort(key=lambda n: isinstance(getattr(recommandeur, n), type))
        self.env.domaindata.setdefault("publics", {}).update(dict.fromkeys(noms, self.env.docname))
        # autodoc écrit du reStructuredText : le bloc est lu comme tel dans la page MyST
        lignes = [
            "```{eval-rst}",
            *(ligne for nom in noms for ligne in _directive_autodoc(nom)),
            "```",
        ]
        contenu = StringList(lignes, source=self.env.docname)
        noeud = nodes.container()
        nested_parse_with_titles(self.state, contenu, noeud)
        return noeud.children


def _verifier_tout_place(app: Sphinx, env: BuildEnvironment) -> None:
    places = env.domaindata.get("publics", {})
    for nom in recommandeur.__all__:
        if nom not in places:
            module = getattr(getattr(recommandeur, nom), "__module__", "?")
            _journal.warning(
                "recommandeur.%s (défini dans %s) n'est sur aucune page de la référence : "
                "ajouter sa couche à une directive {publics} de docs/reference/",
                nom,
                module,
            )


def _champs_des_modeles(
    app: Sphinx, quoi: str, nom: str, objet: Any, options: Any, lignes: list[str]
) -> None:
    """Les champs d'un modèle pydantic (nom, type, description), sous sa docstring."""
    if quoi != "class" or not (inspect.isclass(objet) and issubclass(objet, BaseModel)):
        return
    champs = objet.model_fields
    if not champs or "Champs :" in (objet.__doc__ or ""):  # déjà écrits (documenter_champs)
        return
    lignes.extend(["", ".. rubric:: Champs", ""])
    for champ, info in champs.items():
        genre = re.sub(r"~?(?:\w+\.)+(\w+)", r"\1", stringify_annotation(info.annotation, "smart"))
        texte = " ".join((info.description or "").split())
        if not texte and info.title and info.title.lower().replace(" ", "_") != champ.lower():
            texte = info.title  # un titre écrit, pas celui tiré du nom
        lignes.append(f"- ``{champ}`` (``{genre}``) — {texte}".rstrip(" —"))
    lignes.append("")


def _bases_publiques(app: Sphinx, nom: str, objet: Any, options: Any, bases: list[Any]) -> None:
    """« Bases : ErreurRecommandeur » plutôt qu'une classe privée (``_ErreurAProblemes``)."""
    publiques: list[Any] = []
    for base in bases:
        while isinstance(base, type) and base.__name__.startswith("_") and base.__bases__:
            base = base.__bases__[0]
        if base not in publiques:
            publiques.append(base)
    bases[:] = publiques


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("publics", Publics)
    app.connect("env-check-consistency", _verifier_tout_place)
    app.connect("autodoc-process-docstring", _champs_des_modeles)
    app.connect("autodoc-process-bases", _bases_publiques)
    return {"parallel_read_safe": False}
