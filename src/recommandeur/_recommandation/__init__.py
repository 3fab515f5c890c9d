"""Des règles déclenchées aux mesures classées : modèles de sortie, classement, lots, exploration."""
