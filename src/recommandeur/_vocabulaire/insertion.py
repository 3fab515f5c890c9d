"""Les années qui comptent pour la période d'insertion : celles au Québec, écrites une fois.

La période d'insertion se compte en années d'enseignement au Québec (000) : ``annees_au_quebec``
quand le profil ou la ligne des effectifs le donne, sinon toute l'expérience. Le fait du moteur,
le portrait d'un centre et la part des personnes en insertion d'une école lisent cette règle
ici ; « encore en insertion » est :attr:`PeriodeInsertion.en_insertion`.
"""

from __future__ import annotations

from .enumerations import PeriodeInsertion


def annees_au_quebec(annees_experience: int, annees_au_quebec: int | None) -> int:
    """Les années d'enseignement au Québec : celles données, sinon toute l'expérience.

    >>> annees_au_quebec(8, 0), annees_au_quebec(3, None)
    (0, 3)
    """
    return annees_experience if annees_au_quebec is None else annees_au_quebec


def periode_d_insertion(
    annees_experience: int, annees_au_quebec_donnees: int | None
) -> PeriodeInsertion:
    """La période d'insertion d'une personne, de ses années d'expérience et au Québec.

    >>> periode_d_insertion(12, None).en_insertion, periode_d_insertion(12, 6).value
    (False, 'fin_de_periode')
    """
    return PeriodeInsertion.depuis_annees(
        annees_au_quebec(annees_experience, annees_au_quebec_donnees)
    )
