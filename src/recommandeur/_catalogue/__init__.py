"""Le catalogue : mesures, acteurs, passages des sources, et leur chargement."""
