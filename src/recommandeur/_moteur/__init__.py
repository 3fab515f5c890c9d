"""Le moteur : du profil au fait, et du fait aux règles déclenchées (durable-rules)."""
