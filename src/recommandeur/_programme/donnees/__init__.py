"""Les données d'un centre : le fichier des effectifs, celui des écoles et celui des personnes
mentores, lus et validés.
"""
