"""Les modèles de sortie de :func:`~recommandeur.recommander` : immuables, en JSON et relus du JSON.

Ils sont construits par ``model_construct`` à partir de données déjà validées (le profil, le
catalogue, les règles compilées) : aucune validation n'est refaite à chaque
recommandation. ``Recommandation.model_validate`` relit le JSON produit, avec validation.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from .._catalogue.modeles import Acteur, Mesure
from .._profil.modeles import Profil
from .._rendu.apercus import apercu_mesure_recommandee, apercu_recommandation
from .._rendu.recommandation import phrase_escalade, texte_recommandation
from .._vocabulaire import Besoin, Intensite, PeriodeInsertion, Presence


class _Sortie(BaseModel):
    model_config = ConfigDict(frozen=True)


class Motif(_Sortie):
    """Une règle qui a mené à une mesure : son texte, les faits lus et ses sources."""

    regle: str
    titre: str
    poids: float
    texte: str
    faits: tuple[str, ...]
    sources: tuple[str, ...]
    #: Le rang de priorité de cette raison (1 d'abord ; ``None`` : elle ne rend pas prioritaire).
    priorite: int | None = None


class MesureRecommandee(_Sortie):
    """Une mesure recommandée : l'intervenant choisi, les autres possibles, le score, les raisons.

    ``acteur`` est l'intervenant choisi pour cette personne : le plus proche parmi ceux qui sont
    présents (001 : « la proximité (présence dans le milieu) »), ou, si aucun n'est connu pour
    présent, le premier à confirmer (``presence`` le dit). ``role`` est la ligne de son rôle
    qui le justifie (``None`` : aucun document ne le nomme). ``alternatives`` sont les autres
    intervenants possibles, jamais un intervenant connu pour absent.
    """

    rang: int
    mesure: Mesure
    acteur: Acteur
    role: str | None
    presence: Presence
    alternatives: list[Acteur]
    partenaires: list[Acteur]
    score: float
    prioritaire: bool
    justification: str
    regles: list[str]
    motifs: list[Motif]
    sources: list[str]
    deja_recue: bool
    #: Un autre intervenant que celui d'une mesure restée sans effet (changement d'intervenant).
    changement_d_intervenant: bool = False

    def __repr__(self) -> str:
        return apercu_mesure_recommandee(self)


GenreEcart = Literal["recue_sans_effet", "differee", "sans_intervenant"]


class MesureEcartee(_Sortie):
    """Une mesure que des règles recommandaient mais qui n'est pas offerte, et pourquoi.

    ``genre`` : ``recue_sans_effet`` (déjà reçue sans l'effet attendu, sans autre intervenant
    possible), ``differee`` (elle ajouterait une charge ou une exposition pendant une période de
    détresse) ou ``sans_intervenant`` (aucun intervenant possible n'est présent).
    """

    mesure: str
    libelle: str
    raison: str
    regles: list[str]
    genre: GenreEcart = "recue_sans_effet"


class Escalade(_Sortie):
    """Un besoin monté d'un cran parce qu'une mesure reçue est restée sans effet."""

    besoin: Besoin
    declaree: Intensite
    effective: Intensite
    mesures_sans_effet: list[str]

    @property
    def phrase(self) -> str:
        """La phrase qui l'explique."""
        return phrase_escalade(self)


class Recommandation(_Sortie):
    """Le résultat de :func:`recommander`.

    ``mesures`` : les offres à la personne, les prioritaires d'abord (``prioritaires``, au plus
    cinq par défaut), puis les autres par score. ``actions_milieu`` : ce que l'école, le centre
    ou le programme devrait faire, classé à part, jamais mêlé aux offres.
    """

    profil: Profil
    periode_insertion: PeriodeInsertion
    mesures: list[MesureRecommandee]
    nb_prioritaires: int
    actions_milieu: list[MesureRecommandee]
    ecartees: list[MesureEcartee]
    escalades: list[Escalade]
    regles_declenchees: list[str]
    version_catalogue: str
    version_regles: str

    @property
    def prioritaires(self) -> list[MesureRecommandee]:
        """Les offres à faire d'abord : le début de ``mesures``."""
        return self.mesures[: self.nb_prioritaires]

    def texte(self, details: bool = False) -> str:
        """La recommandation lisible : les offres prioritaires, les autres par niveau, les actions du milieu.

        Avec ``details=True``, chaque mesure donne toutes ses raisons, faits et sources.
        """
        return texte_recommandation(self, details)

    def __str__(self) -> str:
        return self.texte()

    def __repr__(self) -> str:
        return apercu_recommandation(self)
