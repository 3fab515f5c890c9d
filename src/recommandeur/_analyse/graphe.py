"""Le graphe d'une base de règles : besoins et conditions → règles → mesures → acteurs.

Un ``networkx.DiGraph`` dont chaque nœud porte ``genre`` (``besoin``, ``champ``, ``regle``,
``mesure``, ``acteur``) et ``libelle`` ; les mesures portent ``niveau``, les règles
``fichier``. Les arêtes portent ``relation`` (``lu_par``, ``recommande``, ``porte_par``,
``partenaire``) et, de règle à mesure, ``poids``. Il s'exporte en GraphML et en DOT et se
dessine en PNG ou SVG.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from .._base.erreurs import ErreurArgument, ErreurRecommandeur
from .._langage.chargement import APourDonnees, donnees_de

if TYPE_CHECKING:  # networkx n'est importé qu'à l'usage : il coûte ~0,1 s au démarrage
    import networkx as nx

#: L'ordre des colonnes du dessin.
COLONNES = ("besoin", "champ", "regle", "mesure", "acteur")
_COULEURS = {
    "besoin": "#e9a23b",
    "champ": "#c9c9c9",
    "regle": "#7aa6c2",
    "mesure": "#7bbf6a",
    "acteur": "#c27ba0",
}


def graphe(moteur: APourDonnees | None = None) -> nx.DiGraph:
    """Le graphe besoins/conditions → règles → mesures → acteurs d'un moteur (base livrée par défaut).

    Comme :func:`~recommandeur.couverture`, il ne lit que les données (catalogue et règles).

    >>> g = graphe()
    >>> g.nodes["mesure:personne_neutre"]["niveau"]
    'individuel'
    >>> sorted(g.predecessors("regle:besoin_eleve_bien_etre"))
    ['besoin:bien_etre']
    >>> g.edges["regle:besoin_eleve_bien_etre", "mesure:personne_neutre"]["poids"]
    5.0
    """
    import networkx as nx

    donnees = donnees_de(moteur)
    catalogue = donnees.catalogue
    g: nx.DiGraph = nx.DiGraph(
        version_catalogue=donnees.version_catalogue, version_regles=donnees.version_regles
    )
    for acteur in catalogue.acteurs:
        g.add_node(f"acteur:{acteur.id}", genre="acteur", libelle=acteur.libelle)
    for mesure in catalogue.mesures:
        noeud = f"mesure:{mesure.id}"
        g.add_node(noeud, genre="mesure", libelle=mesure.libelle, niveau=mesure.niveau.value)
        g.nodes[noeud]["destinataire"] = mesure.destinataire.value
        for rang, intervenant in enumerate(mesure.intervenants, start=1):
            g.add_edge(noeud, f"acteur:{intervenant.acteur}", relation="porte_par", rang=rang)
        for partenaire in mesure.partenaires:
            g.add_edge(noeud, f"acteur:{partenaire}", relation="partenaire")
    for regle in donnees.regles:
        noeud = f"regle:{regle.id}"
        g.add_node(noeud, genre="regle", libelle=regle.titre, fichier=regle.fichier)
        for champ in regle.champs:
            if champ.startswith("besoins."):
                source = f"besoin:{champ.removeprefix('besoins.')}"
                g.add_node(source, genre="besoin", libelle=champ.removeprefix("besoins."))
            else:
                source = f"champ:{champ}"
                g.add_node(source, genre="champ", libelle=champ)
            g.add_edge(source, noeud, relation="lu_par")
        for mesure_id, poids in regle.recommandations:
            g.add_edge(noeud, f"mesure:{mesure_id}", relation="recommande", poids=float(poids))
    return g


def ecrire_graphe(g: nx.DiGraph, chemin: str | Path) -> Path:
    """Écrit le graphe selon l'extension : ``.graphml``, ``.dot``, ``.png`` ou ``.svg``.

    Le DOT demande ``pydot`` ; le dessin, ``matplotlib`` (``pip install "recommandeur[graphe]"``).

    >>> import tempfile, networkx as nx
    >>> with tempfile.TemporaryDirectory() as d:
    ...     chemin = ecrire_graphe(graphe(), f"{d}/base.graphml")
    ...     nx.read_graphml(chemin).number_of_nodes() == graphe().number_of_nodes()
    True
    """
    import networkx as nx

    chemin = Path(chemin)
    suffixe = chemin.suffix.lower()
    if suffixe == ".graphml":
        nx.write_graphml(g, chemin)
    elif suffixe == ".dot":
        _exiger("pydot", "le format DOT")
        from networkx.drawing.nx_pydot import write_dot

        # « genre:id » serait lu par DOT comme un nœud et un port : citer les noms.
        write_dot(nx.relabel_nodes(g, {n: f'"{n}"' for n in g}), chemin)
    elif suffixe in {".png", ".svg"}:
        _exiger("matplotlib", "le dessin")
        _dessiner(g, chemin)
    else:
        raise ErreurArgument(
            "chemin",
            "une extension .graphml, .dot, .png ou .svg",
            str(chemin),
            admis=(".graphml", ".dot", ".png", ".svg"),
        )
    return chemin


def _exiger(module: str, usage: str) -> None:
    """Lève une erreur claire si un module optionnel manque."""
    try:
        importlib.import_module(module)
    except ImportError:
        raise ErreurRecommandeur(
            f'{usage} demande le paquet {module!r} : pip install "recommandeur[graphe]"'
        ) from None


def _dessiner(g: nx.DiGraph, chemin: Path) -> None:
    # Une figure sans pyplot : ni l'interface ni le moteur de rendu de l'appelant ne changent.
    import networkx as nx
    from matplotlib.figure import Figure

    # une copie aux nœuds triés : chaque colonne du dessin est dans l'ordre alphabétique
    trie: nx.DiGraph = nx.DiGraph()
    trie.add_nodes_from(sorted(g.nodes(data=True), reverse=True))
    trie.add_edges_from(g.edges(data=True))
    g = trie
    for _, donnees in g.nodes(data=True):
        donnees["colonne"] = COLONNES.index(donnees["genre"])
    positions = nx.multipartite_layout(g, subset_key="colonne", align="vertical")
    hauteur = max(
        sum(1 for _, d in g.nodes(data=True) if d["genre"] == genre) for genre in COLONNES
    )
    figure = Figure(figsize=(22, max(10, hauteur * 0.28)))
    axes = figure.add_subplot()
    nx.draw_networkx_edges(g, positions, ax=axes, alpha=0.25, arrows=False, width=0.6)
    nx.draw_networkx_nodes(
        g,
        positions,
        ax=axes,
        node_size=60,
        node_color=[_COULEURS[d["genre"]] for _, d in g.nodes(data=True)],
    )
    etiquettes = {n: n.split(":", 1)[1] for n in g.nodes}
    nx.draw_networkx_labels(g, positions, etiquettes, ax=axes, font_size=7)
    for rang, genre in enumerate(COLONNES):
        x = min(p[0] for n, p in positions.items() if g.nodes[n]["genre"] == genre)
        axes.text(
            x,
            1.02,
            ["besoins", "autres conditions", "règles", "mesures", "acteurs"][rang],
            transform=axes.get_xaxis_transform(),
            ha="center",
            fontsize=12,
            weight="bold",
        )
    axes.set_axis_off()
    figure.tight_layout()
    figure.savefig(chemin, dpi=110)
