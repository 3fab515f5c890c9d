"""Le vocabulaire : chaque membre a son libellé, sans collision entre énumérations."""

from __future__ import annotations

from recommandeur import Besoin, Intensite, Modalite, Niveau, Ordre, Portee, Qualification, Statut
from recommandeur._vocabulaire import (
    _LIBELLES,
    CycleAction,
    Destinataire,
    GenreSuppleance,
    PeriodeInsertion,
    Presence,
)

ENUMERATIONS = (
    GenreSuppleance,
    Niveau,
    Portee,
    Modalite,
    Besoin,
    Intensite,
    Ordre,
    Statut,
    Qualification,
    Destinataire,
    PeriodeInsertion,
    Presence,
    CycleAction,
)


def test_chaque_membre_a_un_libelle_distinct_de_cle() -> None:
    membres = [m for e in ENUMERATIONS for m in e]
    assert len(_LIBELLES) == len(membres)
    assert all(m.libelle for m in membres)


def test_intensites_ordonnees() -> None:
    assert [i.ordre for i in Intensite] == [1, 2, 3]
    assert Intensite.depuis_ordre(9) is Intensite.ELEVEE
    assert str(Besoin.NUMERIQUE) == "numerique"
