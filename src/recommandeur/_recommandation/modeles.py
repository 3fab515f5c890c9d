"""Les modèles de sortie de :func:`~recommandeur.recommander` : immuables, en JSON et relus du JSON.

Ils sont construits par ``construire`` (comme ``model_construct``, sans validation) à partir de données déjà validées (le profil, le
catalogue, les règles compilées) : aucune validation n'est refaite à chaque
recommandation. ``Recommandation.model_validate`` relit le JSON produit, avec validation.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    ValidationInfo,
    computed_field,
    field_serializer,
    model_validator,
)

from .._catalogue.modeles import Acteur, Mesure, passages_connus
from .._langage.expressions import Atome
from .._langage.valeurs import fait_lisible
from .._profil.modeles import Profil
from .._rendu import html
from .._rendu.apercus import apercu_mesure_recommandee, apercu_recommandation
from .._rendu.courts import texte_ecartee, texte_escalade, texte_mesure_recommandee, texte_motif
from .._rendu.recommandation import justification, phrase_escalade, texte_recommandation
from .._vocabulaire import Besoin, Intensite, PeriodeInsertion, Presence
from .._vocabulaire.centre import au_centre, dire_en_centre
from .references import (
    ParIdentifiant,
    Tables,
    resoudre_mesure_recommandee,
    tables,
    verifier_version,
)
from .sortie import _Sortie

#: Une valeur de fait ou de seuil, telle que le profil l'écrit (``"elevee"``, ``0.45``, ``True``).
Valeur = bool | int | float | str | None
#: Un seuil de règle : jamais inconnu.
Seuil = bool | int | float | str


class Fait(_Sortie):
    """Une comparaison d'une règle et la valeur lue dans le profil : ``champ operateur seuil``.

    ``valeur`` et ``seuil`` sont écrits comme dans un profil (une intensité par son nom) ;
    ``texte`` est la même chose en français.
    """

    champ: str
    valeur: Valeur
    operateur: str
    seuil: Seuil

    @functools.cached_property
    def texte(self) -> str:
        """Le fait en français : ``besoins.gestion_de_classe = élevée (règle : ≥ modérée)``."""
        return fait_lisible(Atome(self.champ, self.operateur, self.seuil), self.valeur)

    def __str__(self) -> str:
        return self.texte


class Motif(_Sortie):
    """Une règle qui a mené à une mesure : son texte, les faits lus et ses sources."""

    regle: str
    titre: str
    poids: float
    texte: str
    faits: tuple[Fait, ...]
    sources: tuple[str, ...]
    #: Le rang de priorité de cette raison (1 d'abord ; ``None`` : elle ne rend pas prioritaire).
    priorite: int | None = None

    def __str__(self) -> str:
        return texte_motif(self)


class MesureRecommandee(_Sortie):
    """Une mesure recommandée : l'intervenant choisi, les autres possibles, le score, les raisons.

    ``acteur`` est l'intervenant choisi pour cette personne : le plus proche parmi ceux qui sont
    présents (001 : « la proximité (présence dans le milieu) »), ou, si aucun n'est connu pour
    présent, le premier à confirmer (``presence`` le dit). ``role`` est la ligne de son rôle
    qui le justifie (``None`` : aucun document ne le nomme). ``alternatives`` sont les autres
    intervenants possibles, jamais un intervenant connu pour absent.
    """

    rang: int
    mesure: Annotated[Mesure, ParIdentifiant("une mesure")]
    acteur: Annotated[Acteur, ParIdentifiant("un acteur")]
    role: str | None
    presence: Presence
    alternatives: list[Annotated[Acteur, ParIdentifiant("un acteur")]]
    partenaires: list[Annotated[Acteur, ParIdentifiant("un acteur")]]
    score: float
    prioritaire: bool
    motifs: list[Motif]
    deja_recue: bool
    #: Un autre intervenant que celui d'une mesure restée sans effet (changement d'intervenant).
    changement_d_intervenant: bool = False
    #: Offerte dans un centre (formation professionnelle, éducation des adultes) : ses textes
    #: disent « centre » plutôt qu'« école » (« Personne mentore du centre »). Hors du JSON :
    #: l'ordre du profil le redit à la relecture.
    en_centre: bool = Field(default=False, exclude=True)

    @functools.cached_property
    def regles(self) -> list[str]:
        """Les règles qui la recommandent, dans l'ordre des raisons."""
        return [m.regle for m in self.motifs]

    @functools.cached_property
    def sources(self) -> list[str]:
        """Les sources citées : celles des raisons, puis celles de la mesure, sans doublon."""
        return list(
            dict.fromkeys([s for m in self.motifs for s in m.sources] + list(self.mesure.sources))
        )

    @functools.cached_property
    def justification(self) -> str:
        """Les raisons en français, une ligne chacune avec ses faits et sources, puis l'intervenant.

        Composée à la lecture à partir des champs (``motifs``, ``acteur``, ``role``,
        ``presence``, ``alternatives``) ; le JSON porte ces champs, pas ce texte.
        """
        texte = justification(
            self.mesure, self.acteur, self.role, self.presence, self.alternatives, self.motifs
        )
        return au_centre(texte) if self.en_centre else texte

    @field_serializer("mesure", "acteur")
    def _par_identifiant(self, objet: Mesure | Acteur) -> str:
        return objet.id

    @field_serializer("alternatives", "partenaires")
    def _par_identifiants(self, acteurs: list[Acteur]) -> list[str]:
        return [a.id for a in acteurs]

    @model_validator(mode="before")
    @classmethod
    def _resoudre(cls, donnees: Any, info: ValidationInfo) -> Any:
        return resoudre_mesure_recommandee(donnees, info.context)

    def __str__(self) -> str:
        return texte_mesure_recommandee(self)

    def __repr__(self) -> str:
        return apercu_mesure_recommandee(self)

    def _repr_html_(self) -> str:
        return html.html_mesure_recommandee(self, passages_connus())


GenreEcart = Literal["recue_sans_effet", "differee", "sans_intervenant", "regroupee"]


class MesureEcartee(_Sortie):
    """Une mesure que des règles recommandaient mais qui n'est pas offerte, et pourquoi.

    ``genre`` : ``recue_sans_effet`` (déjà reçue sans l'effet attendu, sans autre intervenant
    possible), ``differee`` (cette offre ajouterait une charge ou une exposition pendant une période de
    détresse, ou au-delà des six offres d'une période de détresse), ``sans_intervenant``
    (aucun intervenant possible n'est présent) ou ``regroupee`` (en période de détresse, la même
    personne à confirmer porte déjà une offre mieux classée, ou la même personne présente une
    offre individuelle mieux classée pour les mêmes besoins).
    """

    mesure: str
    libelle: str
    raison: str
    regles: list[str]
    genre: GenreEcart = "recue_sans_effet"

    def __str__(self) -> str:
        return texte_ecartee(self)


class Escalade(_Sortie):
    """Un besoin monté d'un cran parce qu'une mesure reçue est restée sans effet."""

    besoin: Besoin
    declaree: Intensite
    effective: Intensite
    mesures_sans_effet: list[str]
    #: Leurs titres (libellés du catalogue), dans le même ordre : ceux que dit la phrase.
    libelles_sans_effet: list[str] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def phrase(self) -> str:
        """La phrase qui l'explique."""
        return phrase_escalade(self)

    def __str__(self) -> str:
        return texte_escalade(self)


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

    @computed_field  # type: ignore[prop-decorator]
    @property
    def tables(self) -> Tables:
        """Les mesures et acteurs nommés par identifiant dans le JSON, chacun une fois."""
        return tables((*self.mesures, *self.actions_milieu))

    @model_validator(mode="before")
    @classmethod
    def _meme_catalogue(cls, donnees: Any, info: ValidationInfo) -> Any:
        verifier_version(donnees, info.context)
        if isinstance(donnees, dict) and "tables" in donnees:
            donnees = {k: v for k, v in donnees.items() if k != "tables"}
        return dire_en_centre(donnees)

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

    def _repr_html_(self) -> str:
        """Le rendu des carnets Jupyter : offres d'abord, badges de niveau, raisons repliées."""
        return html.html_recommandation(self, passages_connus())
