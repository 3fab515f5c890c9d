"""Le vocabulaire : chaque membre a son libellé, sans collision entre énumérations."""

from __future__ import annotations

import inspect

import recommandeur
from recommandeur import Besoin, Intensite
from recommandeur._vocabulaire import _LIBELLES, enumerations
from recommandeur._vocabulaire.enumerations import _Libelle

#: Les énumérations du module, trouvées (non recopiées).
ENUMERATIONS = tuple(
    c
    for _, c in inspect.getmembers(enumerations, inspect.isclass)
    if issubclass(c, _Libelle) and c is not _Libelle
)


def test_une_seule_liste_des_noms_reexportes() -> None:
    """``enumerations.__all__`` est la liste : ``_vocabulaire`` la réexporte entière et
    ``recommandeur`` chaque énumération publique, la même classe."""
    noms = {c.__name__ for c in ENUMERATIONS}
    assert len(noms) == 13
    assert noms <= set(enumerations.__all__)
    vocabulaire = recommandeur._vocabulaire
    assert set(enumerations.__all__) <= set(vocabulaire.__all__)
    for nom in enumerations.__all__:
        assert getattr(vocabulaire, nom) is getattr(enumerations, nom)
    for nom in noms:
        assert nom in recommandeur.__all__
        assert getattr(recommandeur, nom) is getattr(enumerations, nom)


def test_chaque_membre_a_un_libelle_distinct_de_cle() -> None:
    membres = [m for e in ENUMERATIONS for m in e]
    assert len(_LIBELLES) == len(membres)
    assert all(m.libelle for m in membres)


def test_intensites_ordonnees() -> None:
    assert [i.ordre for i in Intensite] == [1, 2, 3]
    assert Intensite.depuis_ordre(9) is Intensite.ELEVEE
    assert str(Besoin.NUMERIQUE) == "numerique"
