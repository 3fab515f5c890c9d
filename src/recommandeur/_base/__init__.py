"""La couche de base : erreurs et problèmes, messages, suggestions, lecture et écriture des fichiers.

Elle n'importe aucune autre couche du paquet : toutes les autres peuvent l'importer.
"""
