"""L'architecture lue dans le code : le graphe des importations, les couches, la page qui les dit.

Le graphe compte TOUTES les importations d'un module, y compris celles faites dans une fonction
(elles cachent des cycles aussi bien que les autres) ; seules celles sous ``if TYPE_CHECKING:``
(jamais exécutées) sont ignorées. Les couches et ce que chacune peut importer sont dans
``ORDRE`` et ``EXCLUES`` ci-dessous : c'est la seule déclaration, que lisent les tests
(``tests/test_architecture.py``) et la partie générée de ``docs/architecture.md`` ::

    .venv/bin/python outils/architecture.py             # réécrit la partie générée de la page
    .venv/bin/python outils/architecture.py --verifier  # code 1 si la page diffère du code
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import textwrap
from pathlib import Path

import networkx as nx

RACINE = Path(__file__).resolve().parents[1]
PAQUET = RACINE / "src" / "recommandeur"
PAGE = RACINE / "docs" / "architecture.md"
DEBUT = "<!-- début de la partie générée par outils/architecture.py : ne pas modifier à la main -->"
FIN = "<!-- fin de la partie générée -->"

#: Les couches, de la plus basse à la plus haute : chacune n'importe que des couches d'avant.
ORDRE: tuple[str, ...] = (
    "_base",
    "_vocabulaire",
    "_profil",
    "_catalogue",
    "_langage",
    "_rendu",
    "_moteur",
    "_recommandation",
    "_analyse",
    "_suivi",
    "_programme",
    "testing",
    "_cli",
    "__main__",
    "__init__",
)
#: Les couches d'avant qu'une couche n'importe pas pour autant, et pourquoi.
EXCLUES: dict[str, tuple[frozenset[str], str]] = {
    "_analyse": (
        frozenset({"_moteur", "_recommandation"}),
        "l'analyse d'une base (couverture, satisfiabilité, graphe) fonctionne sans moteur",
    ),
    "_suivi": (frozenset({"_analyse"}), "le suivi ne dépend pas de l'analyse des règles"),
    "_programme": (frozenset({"_analyse"}), "le plan ne dépend pas de l'analyse des règles"),
    "testing": (
        frozenset({"_moteur", "_recommandation", "_analyse", "_suivi", "_programme", "_rendu"}),
        "les stratégies hypothesis ne produisent que des données d'entrée",
    ),
    "__main__": (frozenset(ORDRE[:-3]), "`python -m recommandeur` n'appelle que la commande"),
}


def couche(module: str) -> str:
    """La couche d'un module : ``recommandeur._profil.modeles`` → ``_profil``.

    >>> couche("recommandeur._profil.modeles"), couche("recommandeur"), couche("recommandeur.testing")
    ('_profil', '__init__', 'testing')
    """
    morceaux = module.split(".")
    return "__init__" if len(morceaux) == 1 else morceaux[1]


def permises(nom: str) -> frozenset[str]:
    """Les couches que ``nom`` peut importer (elle-même comprise).

    >>> sorted(permises("_vocabulaire"))
    ['_base', '_vocabulaire']
    """
    rang = ORDRE.index(nom)
    exclues = EXCLUES.get(nom, (frozenset(), ""))[0]
    return frozenset(ORDRE[: rang + 1]) - exclues


def nom_de_module(fichier: Path, paquet: Path = PAQUET) -> str:
    """Le nom importable d'un fichier du paquet."""
    morceaux = list(fichier.relative_to(paquet.parent).with_suffix("").parts)
    if morceaux[-1] == "__init__":
        morceaux.pop()
    return ".".join(morceaux)


def _sous_type_checking(arbre: ast.Module) -> set[int]:
    ignores: set[int] = set()
    for noeud in ast.walk(arbre):
        if isinstance(noeud, ast.If) and (
            (isinstance(noeud.test, ast.Name) and noeud.test.id == "TYPE_CHECKING")
            or (isinstance(noeud.test, ast.Attribute) and noeud.test.attr == "TYPE_CHECKING")
        ):
            for enfant in noeud.body:
                ignores.update(id(n) for n in ast.walk(enfant))
    return ignores


def importations(fichier: Path, module: str) -> list[tuple[str, int]]:
    """Les modules qu'importe un fichier, partout (fonctions comprises), sauf sous TYPE_CHECKING.

    Rend des (nom de module visé, ligne) ; un ``from x import y`` vise ``x`` et ``x.y``.
    """
    arbre = ast.parse(fichier.read_text(encoding="utf-8"))
    paquet = module if fichier.name == "__init__.py" else module.rpartition(".")[0]
    ignores = _sous_type_checking(arbre)
    cibles: list[tuple[str, int]] = []
    for noeud in ast.walk(arbre):
        if id(noeud) in ignores:
            continue
        if isinstance(noeud, ast.Import):
            cibles += [(a.name, noeud.lineno) for a in noeud.names]
        elif isinstance(noeud, ast.ImportFrom):
            if noeud.level:
                base = paquet.split(".")[: len(paquet.split(".")) - noeud.level + 1]
                racine = ".".join([*base, noeud.module] if noeud.module else base)
            else:
                racine = noeud.module or ""
            cibles.append((racine, noeud.lineno))
            cibles += [(f"{racine}.{a.name}", noeud.lineno) for a in noeud.names]
    return cibles


def graphe_des_importations(paquet: Path = PAQUET) -> nx.DiGraph:
    """Le graphe module → module importé, importations locales aux fonctions comprises.

    Importer ``a.b.c`` exécute aussi le paquet ``a.b`` : l'arête va vers lui, sauf si c'est un
    paquet parent de l'importateur (déjà en cours d'importation) ou la racine (qui réexporte tout
    et n'est importée par aucun module).
    """
    modules = {nom_de_module(f, paquet): f for f in sorted(paquet.rglob("*.py"))}
    racine = paquet.name
    g: nx.DiGraph = nx.DiGraph()
    g.add_nodes_from(modules)
    for nom, fichier in modules.items():
        for cible, ligne in importations(fichier, nom):
            morceaux = cible.split(".")
            for n in range(2, len(morceaux) + 1):
                visee = ".".join(morceaux[:n])
                parent_de_l_importateur = nom == visee or nom.startswith(visee + ".")
                if visee in modules and visee != racine and not parent_de_l_importateur:
                    g.add_edge(nom, visee, ligne=ligne)
    return g


def cycles(g: nx.DiGraph) -> list[list[str]]:
    """Les cycles élémentaires du graphe (``networkx.simple_cycles``), chacun trié pour être lu."""
    return sorted(sorted(c) for c in nx.simple_cycles(g))


def fautes_de_couches(g: nx.DiGraph) -> list[str]:
    """Les importations vers une couche que la couche de l'importateur ne peut pas importer."""
    fautes = []
    for a, b, donnees in sorted(g.edges(data=True)):
        if couche(b) not in permises(couche(a)):
            fautes.append(f"{a} (ligne {donnees['ligne']}) importe {b} : couche {couche(b)}")
    return fautes


# --- la page ------------------------------------------------------------------------------------


def resume(fichier: Path) -> str:
    """La première phrase de la docstring d'un module, sans numéro de couche ni point final."""
    texte = ast.get_docstring(ast.parse(fichier.read_text(encoding="utf-8"))) or ""
    paragraphe = " ".join(texte.strip().split("\n\n")[0].split())
    phrase = re.split(r"(?<=\.)\s", paragraphe, maxsplit=1)[0].rstrip(".")
    phrase = re.sub(r"^\d+( bis)?\.\s*", "", phrase)
    if phrase[:1].isupper() and not phrase[1:2].isupper():
        phrase = phrase[0].lower() + phrase[1:]
    return phrase


def _ligne(retrait: int, nom: str, largeur_nom: int, texte: str) -> list[str]:
    """Une ligne de l'arbre, le texte replié à 100 colonnes sous lui-même."""
    debut = " " * retrait + f"{nom:<{largeur_nom}}"
    insecable = texte.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    lignes = textwrap.wrap(
        insecable, width=100, initial_indent=debut, subsequent_indent=" " * len(debut)
    )
    return [ligne.replace("\u00a0", " ") for ligne in lignes] or [debut.rstrip()]


def _modules_dans_l_ordre(g: nx.DiGraph, paquet: str) -> list[str]:
    """Les modules d'un sous-paquet, chacun après ceux qu'il importe (puis par nom)."""
    noms = [n for n in g if n.startswith(paquet + ".")]
    interne = g.subgraph(noms).reverse(copy=True)
    return list(nx.lexicographical_topological_sort(interne))


def _contenu_de_couche(g: nx.DiGraph, paquet: Path, couche_: str) -> list[str]:
    """Les modules d'une couche (retrait 4), puis ses sous-paquets avec leurs modules (retrait 6).

    Modules et sous-paquets suivent l'ordre du flux : un sous-paquet vient à la place de son
    premier module dans l'ordre des importations de la couche.
    """
    lignes: list[str] = []
    vus: set[str] = set()
    for module in _modules_dans_l_ordre(g, f"{paquet.name}.{couche_}"):
        morceaux = module.split(".")
        fichier = paquet.parent.joinpath(*morceaux).with_suffix(".py")
        if len(morceaux) == 3:
            if fichier.is_file():
                lignes += _ligne(4, fichier.name, 21, resume(fichier))
            continue
        sous_paquet = morceaux[2]
        if sous_paquet in vus:
            continue
        vus.add(sous_paquet)
        dossier = paquet / couche_ / sous_paquet
        lignes += _ligne(4, sous_paquet + "/", 21, resume(dossier / "__init__.py"))
        for interne in _modules_dans_l_ordre(g, ".".join(morceaux[:3])):
            chemin = paquet.parent.joinpath(*interne.split(".")).with_suffix(".py")
            if chemin.is_file():
                lignes += _ligne(6, chemin.name, 21, resume(chemin))
    return lignes


def arbre(g: nx.DiGraph, paquet: Path = PAQUET) -> list[str]:
    """Les lignes de l'arbre ``src/recommandeur/`` : couches numérotées, modules dans l'ordre du flux."""
    lignes = ["```", f"src/{paquet.name}/"]
    for nom in ("__init__", "__main__"):
        lignes += _ligne(2, f"{nom}.py", 19, resume(paquet / f"{nom}.py"))
    numero = 0
    for nom in ORDRE:
        if nom in {"__init__", "__main__", "testing"}:
            continue
        numero += 1
        lignes += _ligne(2, nom + "/", 19, f"{numero}. {resume(paquet / nom / '__init__.py')}")
        lignes += _contenu_de_couche(g, paquet, nom)
    lignes += _ligne(2, "testing.py", 19, resume(paquet / "testing.py"))
    return [*lignes, "```"]


def tableau_des_couches() -> list[str]:
    """L'ordre des couches, puis les couches d'avant que certaines n'importent pas, et pourquoi."""
    lignes = [
        "Chaque couche peut importer celles qui la précèdent dans cet ordre : "
        + " → ".join(f"`{c}`" for c in ORDRE)
        + " ; sauf :",
        "",
        "| couche | n'importe pas | pourquoi |",
        "| --- | --- | --- |",
    ]
    for nom in ORDRE:
        if nom in EXCLUES:
            exclues, raison = EXCLUES[nom]
            pas = ", ".join(f"`{c}`" for c in ORDRE if c in exclues)
            lignes.append(f"| `{nom}` | {pas} | {raison} |")
    return lignes


def partie_generee(paquet: Path = PAQUET) -> str:
    """Le texte généré de la page, entre ses deux marques."""
    g = graphe_des_importations(paquet)
    return "\n".join(
        [
            DEBUT,
            "",
            *arbre(g, paquet),
            "",
            *tableau_des_couches(),
            "",
            FIN,
        ]
    )


def page_regeneree(texte: str, paquet: Path = PAQUET) -> str:
    """La page avec sa partie générée remplacée (erreur si les marques manquent)."""
    if DEBUT not in texte or FIN not in texte:
        raise ValueError(f"{PAGE.name} : les marques de la partie générée sont introuvables")
    avant, _, reste = texte.partition(DEBUT)
    _, _, apres = reste.partition(FIN)
    return avant + partie_generee(paquet) + apres


def main(arguments: list[str] | None = None) -> int:
    """Réécrit (ou vérifie) la partie générée de docs/architecture.md."""
    analyse = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyse.add_argument("--verifier", action="store_true", help="code 1 si la page diffère")
    options = analyse.parse_args(arguments)
    texte = PAGE.read_text(encoding="utf-8")
    nouveau = page_regeneree(texte)
    if nouveau == texte:
        print(f"{PAGE.relative_to(RACINE)} : à jour")
        return 0
    if options.verifier:
        print(f"{PAGE.relative_to(RACINE)} : à régénérer (python outils/architecture.py)")
        return 1
    PAGE.write_text(nouveau, encoding="utf-8")
    print(f"{PAGE.relative_to(RACINE)} : partie générée réécrite")
    return 0


if __name__ == "__main__":
    sys.exit(main())
