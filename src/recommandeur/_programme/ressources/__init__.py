"""Les ressources du programme : heures demandées et disponibles, ETP par rôle, coûts."""
