"""Les plans des écoles : calibrage des déclencheurs, modèle de plan, actions du milieu, groupes,
charge.
"""
