"""Le programme d'un centre : effectifs, portrait, plan par école, charge des intervenants, rapport."""
