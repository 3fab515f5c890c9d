"""Le jumelage : qui demande une personne mentore, les critères, l'appariement et ses raisons."""
