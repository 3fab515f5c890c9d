"""L'analyse d'une base de règles : satisfiabilité, couverture, graphe (sans le moteur)."""
