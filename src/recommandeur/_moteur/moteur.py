"""Le moteur : un catalogue, une base de règles compilée et l'évaluateur qui la déclenche."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .._base.erreurs import ErreurArgument, ErreurInconnu
from .._base.fichiers import Dossier
from .._catalogue.modeles import Catalogue
from .._langage.base import AccesDonnees, BaseDeRegles
from .._langage.regle import RegleCompilee
from .._profil.modeles import Profil
from .._profil.schema import schema_profil_pour
from .._vocabulaire import Besoin, Niveau
from . import cache
from .fait import Contexte, FaitEvalue, construire
from .reference import Evaluateur, fabriquer

if TYPE_CHECKING:
    from .._catalogue.surcouche import Surcouche


class Moteur(AccesDonnees):
    """Un catalogue et une base de règles, compilés une fois et prêts à recommander.

    Sûr entre fils d'exécution : un même moteur peut servir plusieurs fils à la fois.
    ``evaluateur`` choisit ce qui déclenche les règles : ``"durable"`` (durable-rules, par
    défaut) ou ``"reference"`` (l'évaluateur de référence, en Python pur).

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
        *,
        evaluateur: str = "durable",
    ) -> None:
        self.catalogue = catalogue
        #: Les dossiers (catalogue, règles) d'où vient le moteur, s'il a été construit par
        #: :meth:`depuis` (``None`` = données livrées) ; sinon ``None``.
        self.dossiers = dossiers
        self.base = base
        #: Le dossier de la surcouche d'un centre, si le moteur vient de :meth:`depuis` avec une.
        self.surcouche: Dossier | Surcouche | None = None
        #: Les paramètres (seuils) que la surcouche du centre donne : le plan les préfère à
        #: la distribution du centre (voir ``recommandeur._programme.plans_d_ecole.calibrage``).
        self.parametres_de_la_surcouche: frozenset[str] = frozenset()
        self.evaluateur = evaluateur
        self._regles: Mapping[str, RegleCompilee] = MappingProxyType({r.id: r for r in base.regles})
        self._rang = {r.id: rang for rang, r in enumerate(base.regles)}
        self.ids_mesures: frozenset[str] = frozenset(catalogue.ids_mesures)
        self.ids_acteurs: frozenset[str] = frozenset(catalogue.ids_acteurs)
        self.besoins_des_mesures: Mapping[str, tuple[Besoin, ...]] = MappingProxyType(
            {m.id: m.besoins for m in catalogue.mesures}
        )
        self._contexte = Contexte(
            self.besoins_des_mesures,
            frozenset(m.id for m in catalogue.mesures if m.niveau is Niveau.INDIVIDUEL),
            MappingProxyType(dict(catalogue.ressources)),
            frozenset(m.id for m in catalogue.mesures if m.niveau is Niveau.CIBLE),
            frozenset(m.id for m in catalogue.mesures if m.mentorat),
            frozenset(o.value for o in catalogue.ordres_du_programme),
        )
        self._evaluateur: Evaluateur = fabriquer(
            evaluateur, {r.id: r.condition for r in base.regles}
        )

    @classmethod
    def depuis(
        cls,
        catalogue: Dossier | None = None,
        regles: Dossier | None = None,
        *,
        surcouche: Dossier | Surcouche | None = None,
        evaluateur: str = "durable",
    ) -> Moteur:
        """Construit un moteur depuis des dossiers (les données livrées par défaut).

        ``surcouche`` : le dossier d'un centre de services, posé par-dessus le catalogue et
        les règles (ressources, mesures, acteurs, règles, seuils, ajustements ; voir
        ``docs/programme.md``) ; les versions deviennent ``base+surcouche``.

        Lève :class:`ErreurCatalogue` ou :class:`ErreurRegle` si un dossier est
        invalide ; rien n'est alors chargé. Le catalogue validé et les règles compilées sont
        gardés en cache, par le contenu des fichiers lus (voir ``recommandeur._moteur.cache``).

        >>> Moteur.depuis(evaluateur="reference").evaluateur
        'reference'
        """
        cle = cache.cle(catalogue, regles, surcouche)
        compile_ = None if cle is None else cache.lire(cle)
        if compile_ is None:
            compile_ = _compiler(catalogue, regles, surcouche)
            if cle is not None and cache.cle(catalogue, regles, surcouche) == cle:
                cache.ecrire(cle, compile_)  # les fichiers n'ont pas changé pendant la lecture
        cat, base, parametres = compile_
        moteur = cls(cat, base, dossiers=(catalogue, regles), evaluateur=evaluateur)
        moteur.surcouche = surcouche
        moteur.parametres_de_la_surcouche = parametres
        return moteur

    def recharger(self) -> Moteur:
        """Un nouveau moteur relu depuis les mêmes dossiers (pour prendre des fichiers modifiés).

        Si les dossiers sont devenus invalides, lève :class:`ErreurCatalogue` ou
        :class:`ErreurRegle` ; ce moteur-ci reste intact et continue de servir ses règles.
        """
        if self.dossiers is None:
            raise ErreurArgument(
                "recharger", "un moteur construit par Moteur.depuis (rien à relire)", self
            )
        return Moteur.depuis(*self.dossiers, surcouche=self.surcouche, evaluateur=self.evaluateur)

    def regle(self, id: str) -> RegleCompilee:
        """La règle d'identifiant ``id`` ; :class:`ErreurInconnu` (un ``KeyError``) sinon."""
        try:
            return self._regles[id]
        except KeyError:
            raise ErreurInconnu("règle inconnue", id, self._regles, "id") from None

    def preparer(self, profil: Profil) -> FaitEvalue:
        """Le fait qu'évalue ce moteur, avec les besoins montés par escalade.

        >>> m = Moteur.depuis()
        >>> p = Profil(annees_experience=1, ordre="primaire", besoins={"numerique": "moderee"},
        ...            mesures_recues=[{"mesure": "webinaire", "efficace": False}])
        >>> m.preparer(p).valeurs["besoins.numerique"]
        3
        """
        return construire(profil, self._contexte)

    def schema_profil(self) -> dict[str, Any]:
        """Le schéma JSON des profils que ce moteur accepte (voir :func:`schema_profil`)."""
        return schema_profil_pour(self.catalogue.ids_mesures, self.catalogue.ids_acteurs)

    def fait(self, profil: Profil) -> dict[str, Any]:
        """Le fait qu'évalue ce moteur : le profil mis à plat, besoins escaladés (voir :meth:`preparer`)."""
        return self.preparer(profil).valeurs

    def declencher(self, fait: Mapping[str, Any]) -> list[str]:
        """Les règles que l'évaluateur déclenche pour ce fait, dans l'ordre de la base."""
        return sorted(self._evaluateur.declencher(fait), key=self._rang.__getitem__)

    def __repr__(self) -> str:
        return (
            f"Moteur(catalogue {self.version_catalogue} : {len(self.catalogue.mesures)} mesures, "
            f"règles {self.version_regles} : {len(self.base.regles)} règles)"
        )


def _compiler(
    catalogue: Dossier | None, regles: Dossier | None, surcouche: Dossier | Surcouche | None
) -> cache.Compile:
    """Lit, valide et compile les dossiers : catalogue, règles, paramètres de la surcouche.

    La lecture des dossiers (et des surcouches) ne s'importe qu'ici : un moteur relu du cache
    s'en passe.
    """
    from .._catalogue.chargement import charger_catalogue
    from .._catalogue.surcouche import lire_surcouche
    from .._langage.chargement import charger_regles

    lue = None if surcouche is None else lire_surcouche(surcouche)  # lue une fois
    cat = charger_catalogue(catalogue, surcouche=lue)
    base = charger_regles(cat, regles, surcouche=lue)
    parametres = frozenset(
        str(brute.get("id"))
        for _, genre, _, brute in (lue.regles if lue is not None else ())
        if genre == "parametre"
    )
    return cat, base, parametres


_DEFAUT: Moteur | None = None
_VERROU_DEFAUT = threading.Lock()


def moteur_par_defaut() -> Moteur:
    """Le moteur par défaut : celui des données livrées, construit à la première demande.

    :func:`definir_moteur_par_defaut` le remplace ou le réinitialise.

    >>> moteur_par_defaut() is moteur_par_defaut()
    True
    """
    global _DEFAUT
    moteur = _DEFAUT
    if moteur is None:
        with _VERROU_DEFAUT:
            if _DEFAUT is None:
                _DEFAUT = Moteur.depuis()
            moteur = _DEFAUT
    return moteur


def definir_moteur_par_defaut(moteur: Moteur | None) -> None:
    """Remplace le moteur par défaut (celui qu'utilisent les fonctions sans ``moteur=``).

    ``None`` le réinitialise : le moteur des données livrées sera reconstruit à la prochaine
    demande (par exemple après une mise à jour du paquet).

    >>> ancien = moteur_par_defaut()
    >>> definir_moteur_par_defaut(Moteur.depuis(evaluateur="reference"))
    >>> moteur_par_defaut().evaluateur
    'reference'
    >>> definir_moteur_par_defaut(None)
    >>> moteur_par_defaut() is ancien, moteur_par_defaut().evaluateur
    (False, 'durable')
    """
    global _DEFAUT
    if moteur is not None and not isinstance(moteur, Moteur):
        raise ErreurArgument("moteur", "un Moteur (ou rien : le moteur par défaut)", moteur)
    with _VERROU_DEFAUT:
        _DEFAUT = moteur


def schema_profil(moteur: Moteur | None = None) -> dict[str, Any]:
    """Le schéma JSON (2020-12) des profils acceptés par un moteur (le moteur par défaut).

    Il décrit exactement la validation : tout profil qu'il admet est accepté par
    :func:`~recommandeur.recommander`, tout autre est refusé avec :class:`ErreurProfil`
    (testé avec hypothesis-jsonschema). Les mesures reçues sont les identifiants du
    catalogue de ce moteur ; les écritures françaises admises (« élevée », « oui », « 45 % »)
    y sont décrites par leurs expressions régulières.

    >>> s = schema_profil()
    >>> s["$schema"], s["required"]
    ('https://json-schema.org/draft/2020-12/schema', ['annees_experience', 'ordre'])
    """
    return (moteur or moteur_par_defaut()).schema_profil()
