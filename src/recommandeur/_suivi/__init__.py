"""9. Le suivi au fil de l'année : journal des entrées, profil courant, revues, bilan (docs/suivi.md)."""
