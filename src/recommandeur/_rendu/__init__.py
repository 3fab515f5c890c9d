"""Tous les textes lisibles : valeurs, recommandations, explorations, couverture, catalogue."""
