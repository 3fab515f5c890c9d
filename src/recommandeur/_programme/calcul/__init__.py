"""Le calcul des recommandations d'un plan : ici et dans un processus de calcul, au fil de la
lecture, avec sa progression.
"""
