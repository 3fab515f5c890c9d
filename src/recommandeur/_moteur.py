"""Le moteur : un catalogue, une base de règles compilée et son ensemble durable-rules."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ._champs import escalades, fait, intensites_effectives
from ._chargement_catalogue import charger_catalogue
from ._compilation import BaseDeRegles, RegleCompilee, charger_regles, en_json_durable
from ._durable import EnsembleDurable
from ._erreurs import suggerer
from ._fichiers import Dossier
from ._modeles_catalogue import Catalogue
from ._profil import Profil
from ._vocabulaire import Besoin


class Moteur:
    """Un catalogue et une base de règles, compilés une fois et prêts à recommander.

    Sûr entre fils d'exécution : un même moteur peut servir plusieurs fils à la fois.

    >>> m = Moteur.depuis()
    >>> m.catalogue.version == m.version_catalogue
    True
    >>> m.regle("accueil_nouveau_centre").titre
    'Nouvelle personne dans le centre de services scolaire'
    """

    def __init__(
        self,
        catalogue: Catalogue,
        base: BaseDeRegles,
        dossiers: tuple[Dossier | None, Dossier | None] | None = None,
    ) -> None:
        self.catalogue = catalogue
        #: Les dossiers (catalogue, règles) d'où vient le moteur, s'il a été construit par
        #: :meth:`depuis` (``None`` = données livrées) ; sinon ``None``.
        self.dossiers = dossiers
        self.base = base
        self._regles: Mapping[str, RegleCompilee] = MappingProxyType({r.id: r for r in base.regles})
        self._rang = {r.id: rang for rang, r in enumerate(base.regles)}
        self.ids_mesures: frozenset[str] = frozenset(catalogue.ids_mesures)
        self.besoins_des_mesures: dict[str, tuple[Besoin, ...]] = {
            m.id: m.besoins for m in catalogue.mesures
        }
        self._durable = EnsembleDurable({r.id: en_json_durable(r.condition) for r in base.regles})

    @classmethod
    def depuis(cls, catalogue: Dossier | None = None, regles: Dossier | None = None) -> Moteur:
        """Construit un moteur depuis des dossiers (les données livrées par défaut).

        Lève :class:`ErreurCatalogue` ou :class:`ErreurRegle` si un dossier est
        invalide ; rien n'est alors chargé.
        """
        cat = charger_catalogue(catalogue)
        return cls(cat, charger_regles(cat, regles), dossiers=(catalogue, regles))

    def recharger(self) -> Moteur:
        """Un nouveau moteur relu depuis les mêmes dossiers (pour prendre des fichiers modifiés).

        Si les dossiers sont devenus invalides, lève :class:`ErreurCatalogue` ou
        :class:`ErreurRegle` ; ce moteur-ci reste intact et continue de servir ses règles.
        """
        if self.dossiers is None:
            raise ValueError("ce moteur n'a pas été construit par Moteur.depuis : rien à relire")
        return Moteur.depuis(*self.dossiers)

    @property
    def version_catalogue(self) -> str:
        """La version déclarée du catalogue."""
        return self.catalogue.version

    @property
    def version_regles(self) -> str:
        """La version déclarée de la base de règles."""
        return self.base.version

    @property
    def regles(self) -> tuple[RegleCompilee, ...]:
        """Les règles compilées, dans l'ordre des fichiers (triés par nom) puis de leur écriture."""
        return self.base.regles

    def regle(self, id: str) -> RegleCompilee:
        """La règle d'identifiant ``id`` ; ``KeyError`` avec suggestion sinon."""
        try:
            return self._regles[id]
        except KeyError:
            proches = suggerer(id, self._regles)
            suite = f" ; vouliez-vous dire '{proches[0]}' ?" if proches else ""
            raise KeyError(f"règle inconnue {id!r}{suite}") from None

    def fait(self, profil: Profil) -> dict[str, Any]:
        """Le fait qu'évalue ce moteur : le profil mis à plat, besoins escaladés.

        Les mesures reçues sans effet font monter les besoins qu'elles visent selon ce
        catalogue (voir ``docs/classement.md``).

        >>> m = Moteur.depuis()
        >>> m.fait(Profil(annees_experience=1, ordre="primaire", besoins={"numerique": "moderee"},
        ...               mesures_recues=[{"mesure": "webinaire", "efficace": False}]))["besoins.numerique"]
        3
        """
        return fait(
            profil, intensites_effectives(profil, escalades(profil, self.besoins_des_mesures))
        )

    def declencher(self, fait: Mapping[str, Any]) -> list[str]:
        """Les règles que durable-rules déclenche pour ce fait, dans l'ordre de la base."""
        return sorted(self._durable.declencher(fait), key=self._rang.__getitem__)

    def __repr__(self) -> str:
        return (
            f"Moteur(catalogue {self.version_catalogue} : {len(self.catalogue.mesures)} mesures, "
            f"règles {self.version_regles} : {len(self.base.regles)} règles)"
        )


_DEFAUT: Moteur | None = None
_VERROU_DEFAUT = threading.Lock()


def moteur_par_defaut() -> Moteur:
    """Le moteur des données livrées, construit une seule fois, à la première demande.

    >>> moteur_par_defaut() is moteur_par_defaut()
    True
    """
    global _DEFAUT
    if _DEFAUT is None:
        with _VERROU_DEFAUT:
            if _DEFAUT is None:
                _DEFAUT = Moteur.depuis()
    return _DEFAUT
