"""Une province, centre par centre : les dossiers des centres, le plan de chacun, la reprise, le
récapitulatif.
"""
