"""Le langage des règles : syntaxe, table des opérateurs, compilation, évaluation de référence.

Ce paquet n'importe jamais durable-rules : l'analyse d'une base (couverture, satisfiabilité,
graphe) fonctionne sans le moteur.
"""
