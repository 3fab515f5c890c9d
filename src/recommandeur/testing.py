"""Stratégies hypothesis publiques pour les tests de propriétés des utilisateurs.

Nécessite ``hypothesis`` (``pip install "recommandeur[test]"``).

>>> from hypothesis import given
>>> from recommandeur import recommander
>>> from recommandeur.testing import profils
>>> @given(profils(besoins={"bien_etre": "elevee"}, mesures_recues=()))
... def test_bien_eleve_individuel(profil):
...     niveaux = {m.mesure.niveau.value for m in recommander(profil).mesures}
...     assert "individuel" in niveaux
>>> test_bien_eleve_individuel()

(Sans ``mesures_recues=()``, la propriété est fausse : hypothesis trouve la personne qui a
déjà reçu sans effet les deux mesures individuelles du bien-être, alors écartées.)

Chaque option fixe un champ (une valeur) ou le contraint (une stratégie) :
``profils(annees_experience=st.integers(0, 6), ordre="primaire")``. Les tables
(``affectation=``, ``ecole=``, ``besoins=``) fixent seulement les clés données ; les autres
sont tirées (``besoins=st.just({...})`` fixe la table entière). Les valeurs s'écrivent comme
dans un profil (« élevée », « oui », « 45 % ») ; un champ inconnu est refusé, avec le champ le
plus proche en suggestion.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from hypothesis import strategies as st

from ._base.erreurs import ErreurArgument, suggerer
from ._catalogue.chargement import charger_catalogue
from ._catalogue.modeles import Catalogue
from ._profil.modeles import PRESENCES, Affectation, Ecole, MesureRecue, Profil
from ._profil.validation import valider_profil
from ._vocabulaire import Besoin, Intensite, Ordre, Qualification, Statut

__all__ = ["affectations", "besoins", "ecoles", "mesures_recues", "profils"]


def _verifier(fonction: str, fixes: Mapping[str, Any], connus: list[str]) -> None:
    """Refuse un champ inconnu (au lieu de l'ignorer), avec le champ connu le plus proche."""
    for cle in fixes:
        if cle not in connus:
            raise ErreurArgument(
                f"{fonction}({cle}=…)",
                f"un champ parmi {', '.join(connus)}",
                cle,
                suggerer(cle, connus),
            )


def _convertir(table: str, fixes: Mapping[str, Any]) -> dict[str, Any]:
    """Les valeurs fixées (pas les stratégies), lues comme un profil les lirait : « élevée »,
    « oui », « 45 % » ; une valeur fautive lève :class:`ErreurProfil` en français."""
    valeurs = {k: v for k, v in fixes.items() if not isinstance(v, st.SearchStrategy)}
    if not valeurs:
        return dict(fixes)
    profil = valider_profil({"annees_experience": 0, "ordre": "primaire", table: valeurs})
    lues = getattr(profil, table)
    if table == "besoins":
        return {**fixes, **{Besoin(k).value: lues[Besoin(k)] for k in valeurs if k in set(Besoin)}}
    return {**fixes, **{k: getattr(lues, k) for k in valeurs}}


def _choisir(valeur: Any, defaut: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    if valeur is None:
        return defaut
    if isinstance(valeur, st.SearchStrategy):
        return valeur
    return st.just(valeur)


def besoins(
    *, intensites: st.SearchStrategy[Intensite] | None = None, max_besoins: int = len(Besoin)
) -> st.SearchStrategy[dict[Besoin, Intensite]]:
    """Des besoins déclarés : un dict besoin → intensité.

    >>> from hypothesis import find
    >>> len(find(besoins(), lambda b: len(b) >= 2))
    2
    """
    return st.dictionaries(
        st.sampled_from(list(Besoin)),
        intensites or st.sampled_from(list(Intensite)),
        max_size=max_besoins,
    )


def affectations(**fixes: Any) -> st.SearchStrategy[Affectation]:
    """Des affectations ; chaque argument fixe ou contraint un champ d':class:`Affectation`."""
    champs: dict[str, st.SearchStrategy[Any]] = {
        "partage_de_tache": st.booleans(),
        "nb_ecoles": st.integers(1, 4),
        "specialiste": st.booleans(),
        "classe_multiniveau": st.booleans(),
        "adaptation_scolaire": st.booleans(),
        "nouveau_dans_l_ecole": st.booleans(),
        "nouveau_dans_le_centre": st.booleans(),
    }
    _verifier("affectations", fixes, list(champs))
    fixes = _convertir("affectation", fixes)
    return st.builds(Affectation, **{k: _choisir(fixes.get(k), v) for k, v in champs.items()})


def ecoles(**fixes: Any) -> st.SearchStrategy[Ecole]:
    """Des écoles ; chaque argument fixe ou contraint un champ d':class:`Ecole`."""
    champs: dict[str, st.SearchStrategy[Any]] = {
        "part_novices": st.none() | st.floats(0, 1, allow_nan=False),
        "imse": st.none() | st.integers(1, 10),
        "region_eloignee": st.booleans(),
        "nb_batiments": st.integers(1, 3),
        "pedagogie_alternative": st.booleans(),
        **{presence: st.none() | st.booleans() for presence in PRESENCES},
    }
    _verifier("ecoles", fixes, list(champs))
    fixes = _convertir("ecole", fixes)
    return st.builds(Ecole, **{k: _choisir(fixes.get(k), v) for k, v in champs.items()})


def mesures_recues(
    catalogue: Catalogue | None = None,
) -> st.SearchStrategy[tuple[MesureRecue, ...]]:
    """Des mesures reçues, distinctes, tirées du catalogue (livré par défaut)."""
    if catalogue is None:
        catalogue = charger_catalogue()
    ids = list(catalogue.ids_mesures)
    besoins_de = {m.id: m.besoins for m in catalogue.mesures}
    return st.lists(st.sampled_from(ids), max_size=3, unique=True).flatmap(
        lambda choisies: st.tuples(
            *(
                st.builds(
                    MesureRecue,
                    mesure=st.just(m),
                    efficace=st.booleans(),
                    besoin=st.none() | st.sampled_from(besoins_de[m] or (None,)),
                    bilan=st.none() | st.dates(date(2020, 1, 1), date(2030, 12, 31)),
                )
                for m in choisies
            )
        )
    )


def profils(catalogue: Catalogue | None = None, **fixes: Any) -> st.SearchStrategy[Profil]:
    """Des profils valides.

    Chaque argument nommé fixe un champ de :class:`Profil` (une valeur, ou un dict
    pour ``affectation``, ``ecole`` et ``besoins``) ou le contraint (une stratégie).

    >>> from hypothesis import find
    >>> find(profils(ordre="primaire"), lambda p: p.annees_experience > 3).ordre.value
    'primaire'
    """

    def imbrique(
        nom: str, fabrique: Callable[..., st.SearchStrategy[Any]]
    ) -> st.SearchStrategy[Any]:
        valeur = fixes.get(nom)
        if isinstance(valeur, Mapping):
            return fabrique(**valeur)
        return _choisir(valeur, fabrique())

    valeur_besoins = fixes.get("besoins")
    if isinstance(valeur_besoins, Mapping):
        # Comme pour ecole= et affectation= : seuls les besoins donnés sont fixés, les autres
        # sont tirés (besoins=st.just({...}) fixe la table entière).
        _verifier("profils(besoins)", valeur_besoins, [b.value for b in Besoin])
        fixes_besoins = _convertir("besoins", valeur_besoins)
        autres = [b for b in Besoin if b.value not in fixes_besoins]
        strategie_besoins = st.fixed_dictionaries(
            {
                Besoin(k): _choisir(v, st.sampled_from(list(Intensite)))
                for k, v in fixes_besoins.items()
            },
            optional={b: st.sampled_from(list(Intensite)) for b in autres},
        )
    else:
        strategie_besoins = _choisir(valeur_besoins, besoins())
    # Les années au Québec font partie des années d'expérience : tirées après elles.
    annees = _choisir(fixes.get("annees_experience"), st.integers(0, 10)).flatmap(
        lambda experience: st.tuples(
            st.just(experience),
            _choisir(fixes.get("annees_au_quebec"), st.none() | st.integers(0, experience)),
        )
    )
    champs: dict[str, st.SearchStrategy[Any]] = {
        "ordre": _choisir(fixes.get("ordre"), st.sampled_from(list(Ordre))),
        "statut": _choisir(fixes.get("statut"), st.sampled_from(list(Statut))),
        "qualification": _choisir(fixes.get("qualification"), st.sampled_from(list(Qualification))),
        "formation_hors_quebec": _choisir(fixes.get("formation_hors_quebec"), st.booleans()),
        "signaux_de_detresse": _choisir(fixes.get("signaux_de_detresse"), st.booleans()),
        "affectation": imbrique("affectation", affectations),
        "ecole": imbrique("ecole", ecoles),
        "besoins": strategie_besoins,
        "mesures_recues": _choisir(fixes.get("mesures_recues"), mesures_recues(catalogue)),
    }
    _verifier("profils", fixes, [*champs, "annees_experience", "annees_au_quebec"])
    return st.builds(_profil, annees, **champs).filter(_coherent)


def _profil(annees: tuple[int, int | None], **champs: Any) -> Profil:
    return Profil(annees_experience=annees[0], annees_au_quebec=annees[1], **champs)


def _coherent(profil: Profil) -> bool:
    """Faux si des valeurs fixées par l'appelant se contredisent (plus d'années au Québec)."""
    return profil.annees_au_quebec is None or profil.annees_au_quebec <= profil.annees_experience
