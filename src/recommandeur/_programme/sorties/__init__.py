"""Ce qu'un plan donne à lire : le rapport HTML, les CSV, le classeur, le JSON, le résumé, et ce
qui reste confidentiel.
"""
