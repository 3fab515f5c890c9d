"""Le centre lui-même : le portrait de la situation, son calendrier (étapes 01 à 09 de 003), la
régulation et le bilan.
"""
