"""L'architecture : couches sans cycle, modules courts, analyse sans durable-rules."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import networkx as nx
import pytest

PAQUET = Path(__file__).resolve().parents[1] / "src" / "recommandeur"
LIGNES_MAX = 300


def _module(fichier: Path) -> str:
    morceaux = list(fichier.relative_to(PAQUET.parent).with_suffix("").parts)
    if morceaux[-1] == "__init__":
        morceaux.pop()
    return ".".join(morceaux)


def _importations_a_l_import(arbre: ast.Module) -> list[ast.ImportFrom | ast.Import]:
    """Les importations faites à l'import du module (pas dans les fonctions ni sous TYPE_CHECKING)."""
    trouvees: list[ast.ImportFrom | ast.Import] = []
    pile: list[ast.stmt] = list(arbre.body)
    while pile:
        noeud = pile.pop()
        if isinstance(noeud, ast.Import | ast.ImportFrom):
            trouvees.append(noeud)
        elif isinstance(noeud, ast.If):
            if not (isinstance(noeud.test, ast.Name) and noeud.test.id == "TYPE_CHECKING"):
                pile.extend(noeud.body + noeud.orelse)
        elif isinstance(noeud, ast.Try):
            pile.extend(noeud.body + noeud.orelse + noeud.finalbody)
            for gestion in noeud.handlers:
                pile.extend(gestion.body)
    return trouvees


def graphe_des_imports() -> nx.DiGraph:
    modules = {_module(f): f for f in PAQUET.rglob("*.py")}
    g: nx.DiGraph = nx.DiGraph()
    g.add_nodes_from(modules)
    for nom, fichier in modules.items():
        paquet = nom if fichier.name == "__init__.py" else nom.rsplit(".", 1)[0]
        for noeud in _importations_a_l_import(ast.parse(fichier.read_text(encoding="utf-8"))):
            if isinstance(noeud, ast.Import):
                cibles = [a.name for a in noeud.names]
            else:
                base = paquet.split(".")
                if noeud.level:
                    base = base[: len(base) - noeud.level + 1]
                    racine = ".".join([*base, noeud.module] if noeud.module else base)
                else:
                    racine = noeud.module or ""
                cibles = [racine] + [f"{racine}.{a.name}" for a in noeud.names]
            for cible in cibles:
                if cible in modules and cible != nom:
                    g.add_edge(nom, cible)
    return g


def test_aucun_cycle_d_importation() -> None:
    g = graphe_des_imports()
    g.remove_node("recommandeur")  # le paquet racine réexporte tout : il n'est importé par personne
    cycles = list(nx.simple_cycles(g))
    assert cycles == []


@pytest.mark.parametrize(
    ("couche", "interdites"),
    [
        (
            "recommandeur._profil",
            (
                "_catalogue",
                "_langage",
                "_moteur",
                "_recommandation",
                "_analyse",
                "_programme",
                "_suivi",
            ),
        ),
        (
            "recommandeur._catalogue",
            ("_langage", "_moteur", "_recommandation", "_analyse", "_programme", "_suivi"),
        ),
        (
            "recommandeur._langage",
            ("_moteur", "_recommandation", "_analyse", "_programme", "_suivi"),
        ),
        ("recommandeur._moteur", ("_recommandation", "_analyse", "_programme", "_suivi")),
        ("recommandeur._recommandation", ("_analyse", "_programme", "_suivi")),
        ("recommandeur._analyse", ("_moteur", "_recommandation", "_programme", "_suivi")),
        ("recommandeur._suivi", ("_analyse", "_programme")),
        ("recommandeur._programme", ("_analyse",)),
        (
            "recommandeur._rendu",
            ("_moteur", "_recommandation", "_analyse", "_catalogue", "_programme", "_suivi"),
        ),
    ],
)
def test_les_couches_n_importent_pas_plus_haut(couche: str, interdites: tuple[str, ...]) -> None:
    g = graphe_des_imports()
    fautes = [
        (a, b)
        for a, b in g.edges
        if a.startswith(couche) and any(b.startswith(f"recommandeur.{i}") for i in interdites)
    ]
    assert fautes == []


def test_modules_courts() -> None:
    longs = {
        f.relative_to(PAQUET).as_posix(): n
        for f in PAQUET.rglob("*.py")
        if (n := len(f.read_text(encoding="utf-8").splitlines())) > LIGNES_MAX
    }
    assert longs == {}


def test_langage_et_analyse_sans_durable() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["durable"] = None
        sys.modules["durable_rules_engine"] = None
        import recommandeur
        from recommandeur import (ErreurMoteur, Moteur, charger_catalogue, charger_regles,
                                  couverture, graphe, recommander)
        from recommandeur._analyse.satisfiabilite import satisfiable
        cat = charger_catalogue()
        base = charger_regles(cat)
        assert all(satisfiable(r.condition) for r in base.regles)
        assert couverture().non_expliques == []
        assert graphe().number_of_nodes() > 50
        reference = Moteur.depuis(evaluateur="reference")
        assert recommander({"annees_experience": 1, "ordre": "primaire"}, moteur=reference).mesures
        try:
            recommander({"annees_experience": 1, "ordre": "primaire"})
        except ErreurMoteur as exc:
            print(exc)
        assert "durable" not in sys.modules or sys.modules["durable"] is None
        """
    )
    resultat = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stdout.startswith(
        "moteur de règles : durable-rules ne peut pas être importé (import of "
        "durable_rules_engine halted; None in sys.modules) ; l'installer"
    )
