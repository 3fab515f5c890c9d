"""Le graphe de la base : structure, exports GraphML et DOT, dessin."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pydot
import pytest

from recommandeur import Moteur, ecrire_graphe, graphe


@pytest.fixture(scope="module")
def g() -> nx.DiGraph:
    return graphe()


def test_genres_et_niveaux(g: nx.DiGraph, moteur: Moteur) -> None:
    genres = nx.get_node_attributes(g, "genre")
    assert sum(1 for v in genres.values() if v == "regle") == len(moteur.regles)
    assert sum(1 for v in genres.values() if v == "mesure") == len(moteur.catalogue.mesures)
    assert {d["niveau"] for _, d in g.nodes(data=True) if d["genre"] == "mesure"} == {
        "universel",
        "cible",
        "individuel",
    }


def test_chaque_mesure_a_ses_intervenants_dans_l_ordre(g: nx.DiGraph, moteur: Moteur) -> None:
    for mesure in moteur.catalogue.mesures:
        noeud = f"mesure:{mesure.id}"
        porteurs = sorted(
            (d["rang"], v)
            for _, v, d in g.out_edges(noeud, data=True)
            if d["relation"] == "porte_par"
        )
        assert [v for _, v in porteurs] == [f"acteur:{i.acteur}" for i in mesure.intervenants]
        assert g.nodes[noeud]["destinataire"] == mesure.destinataire.value


def test_chaque_regle_lit_et_recommande(g: nx.DiGraph) -> None:
    for noeud, genre in g.nodes(data="genre"):
        if genre == "regle":
            assert g.in_degree(noeud) >= 1 and g.out_degree(noeud) >= 1, noeud


def test_chemin_besoin_vers_acteur(g: nx.DiGraph) -> None:
    chemin = nx.shortest_path(g, "besoin:bien_etre", "acteur:professionnel")
    assert [n.split(":")[0] for n in chemin] == ["besoin", "regle", "mesure", "acteur"]


def test_graphml_aller_retour(g: nx.DiGraph, tmp_path: Path) -> None:
    relu = nx.read_graphml(ecrire_graphe(g, tmp_path / "base.graphml"))
    assert set(relu.nodes) == set(g.nodes) and set(relu.edges) == set(g.edges)
    assert relu.nodes["mesure:mentorat"]["niveau"] == "universel"


def test_dot_relu(g: nx.DiGraph, tmp_path: Path) -> None:
    lus = pydot.graph_from_dot_file(str(ecrire_graphe(g, tmp_path / "base.dot")))
    assert lus is not None
    (relu,) = lus
    assert len(relu.get_nodes()) == g.number_of_nodes()
    assert len(relu.get_edges()) == g.number_of_edges()


def test_dessin_png(g: nx.DiGraph, tmp_path: Path) -> None:
    chemin = ecrire_graphe(g, tmp_path / "base.png")
    assert chemin.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert set(g.nodes(data="colonne")) == {
        (n, None) for n in g.nodes
    }  # le graphe n'est pas modifié


def test_extension_inconnue(g: nx.DiGraph, tmp_path: Path) -> None:
    chemin = tmp_path / "base.pdf"
    with pytest.raises(ValueError) as info:
        ecrire_graphe(g, chemin)
    assert str(info.value) == (
        f"chemin : attendu une extension .graphml, .dot, .png ou .svg, reçu {str(chemin)!r}"
    )


def test_module_optionnel_absent(
    g: nx.DiGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from recommandeur import ErreurRecommandeur

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ErreurRecommandeur) as info:
        ecrire_graphe(g, tmp_path / "base.png")
    assert (
        str(info.value)
        == "le dessin demande le paquet 'matplotlib' : pip install \"recommandeur[graphe]\""
    )
