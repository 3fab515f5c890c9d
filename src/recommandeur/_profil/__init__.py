"""Le profil d'une personne enseignante : modèles, validation et champs testables."""
