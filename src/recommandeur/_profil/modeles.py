"""Les modèles du profil d'une personne enseignante : besoins, affectation, qualification, école.

Immuables jusqu'au bout : modèles gelés, tuples, table des besoins en lecture seule. Les
valeurs admises et leurs écritures françaises sont celles de :mod:`.saisie` (le schéma JSON
exporté les décrit exactement). Un ``Profil`` reçu déjà construit est revalidé
(``revalidate_instances="always"``) : ``model_copy(update=...)`` ne peut pas faire passer une
valeur invalide.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.fields import ComputedFieldInfo, FieldInfo

from .._base.rendus import Rendu
from .._base.schema_json import nettoyer_schema
from .._vocabulaire import Besoin, GenreSuppleance, Ordre, Qualification, Statut
from .besoins import Besoins, _besoin_facultatif
from .saisie import (
    BOOLEEN,
    DATE_FACULTATIVE,
    PART,
    booleen_facultatif,
    choix,
    choix_facultatif,
    entier,
)


def titre_francais(nom: str, info: FieldInfo | ComputedFieldInfo) -> str:
    """Le titre d'un champ dans le schéma JSON : le début de sa description française.

    >>> titre_francais("nb_ecoles", FieldInfo(description="nombre d'écoles où la personne enseigne"))
    "Nombre d'écoles où la personne enseigne"
    """
    texte = (info.description or nom.replace("_", " ")).split(" ; ")[0].split(", de 0")[0]
    return texte[:1].upper() + texte[1:]


class _Strict(BaseModel):
    model_config = ConfigDict(
        json_schema_extra=nettoyer_schema,
        frozen=True,
        extra="forbid",
        revalidate_instances="always",
        field_title_generator=titre_francais,
    )


def documenter_champs(modele: type[BaseModel]) -> None:
    """Ajoute à la docstring la liste des champs tirée des champs (pour ``help(Profil)``)."""
    lignes = ["", "Champs :", ""]
    for nom, info in modele.model_fields.items():
        lignes.append(f"- ``{nom}`` : {info.description or ''}")
    modele.__doc__ = (modele.__doc__ or "").rstrip() + "\n" + "\n".join(lignes) + "\n"


Booleen = Annotated[bool, *BOOLEEN]
#: Un booléen qui peut rester inconnu (``None``) : la présence d'une ressource dans l'école.
Presence = Annotated[bool | None, *booleen_facultatif()]


#: Les champs de présence d'un intervenant pour l'école (``ecole.<champ>``) : vrai, faux ou inconnu.
PRESENCES: tuple[str, ...] = (
    "mentor_dans_l_ecole",
    "conseiller_pedagogique",
    "pane",
    "professionnel",
    "technopedagogue",
)


class Affectation(_Strict):
    """L'affectation de la personne (tâche, écoles, clientèle)."""

    partage_de_tache: Booleen = Field(
        False, description="tâche partagée entre plusieurs fonctions ou groupes"
    )
    nb_ecoles: Annotated[int, *entier(1, 20)] = Field(
        1, description="nombre d'écoles où la personne enseigne"
    )
    specialiste: Booleen = Field(
        False,
        description="enseignante ou enseignant spécialiste (arts, éducation physique, langue seconde…)",
    )
    classe_multiniveau: Booleen = Field(False, description="classe à plusieurs niveaux")
    adaptation_scolaire: Booleen = Field(False, description="affectation en adaptation scolaire")
    nouveau_dans_l_ecole: Booleen = Field(False, description="arrivée cette année dans l'école")
    nouveau_dans_le_centre: Booleen = Field(
        False, description="arrivée cette année dans le centre de services scolaire"
    )


class Ecole(_Strict):
    """Le contexte de l'école principale.

    ``part_novices`` (0 à 1) et ``imse`` (rang de 1 à 10 de l'indice de milieu
    socio-économique) peuvent rester inconnus (``None``) : une condition de règle
    sur un champ inconnu n'est jamais satisfaite.
    """

    part_novices: Annotated[float | None, *PART] = Field(
        None,
        description="part du personnel enseignant en insertion professionnelle, de 0 à 1 (« 45 % » admis) ; inconnue si absente",
    )
    imse: Annotated[int | None, *entier(1, 10, facultatif=True)] = Field(
        None,
        description="rang décile de l'indice de milieu socio-économique (1 favorisé à 10 défavorisé) ; inconnu si absent",
    )
    region_eloignee: Booleen = Field(False, description="école en région éloignée")
    nb_batiments: Annotated[int, *entier(1, 20)] = Field(
        1, description="nombre de bâtiments de l'école"
    )
    pedagogie_alternative: Booleen = Field(False, description="école à pédagogie alternative")
    mentor_dans_l_ecole: Presence = Field(
        None,
        description="une personne mentore issue du milieu est présente dans l'école ; inconnu si absent",
    )
    conseiller_pedagogique: Presence = Field(
        None,
        description="une conseillère ou un conseiller pédagogique est disponible pour l'école ; "
        "sinon, ce que déclare le centre",
    )
    pane: Presence = Field(
        None,
        description="une PANE (professionnelle à l'accompagnement des nouveaux enseignants) sert "
        "l'école ; sinon, ce que déclare le centre",
    )
    professionnel: Presence = Field(
        None,
        description="une professionnelle ou un professionnel est présent pour l'école ; sinon, ce "
        "que déclare le centre",
    )
    technopedagogue: Presence = Field(
        None,
        description="un technopédagogue est disponible pour l'école ; sinon, ce que déclare le centre",
    )

    def presence_de(self, ressource: str, ressources_du_centre: Mapping[str, bool]) -> bool | None:
        """La présence d'une ressource pour l'école : ce que dit l'école, sinon ce que déclare le
        centre (``[ressources]`` du catalogue ou de la surcouche) ; ``None`` : inconnue.

        >>> Ecole(pane=False).presence_de("pane", {"pane": True}), Ecole().presence_de("pane", {"pane": True})
        (False, True)
        """
        valeur: bool | None = getattr(self, ressource)
        return ressources_du_centre.get(ressource) if valeur is None else valeur


class MesureRecue(_Strict):
    """Une mesure du catalogue déjà reçue, si elle a eu l'effet attendu, pour quel besoin et avec qui."""

    mesure: str = Field(
        min_length=1, max_length=80, description="identifiant d'une mesure du catalogue"
    )
    efficace: Booleen = Field(True, description="la mesure a eu l'effet attendu")
    besoin: Annotated[Besoin | None, BeforeValidator(_besoin_facultatif)] = Field(
        None,
        description="le besoin pour lequel la mesure a été reçue ; sans lui, tous les besoins que "
        "vise la mesure",
    )
    intervenant: str | None = Field(
        None,
        min_length=1,
        max_length=80,
        description="l'acteur du catalogue qui l'a offerte ; sans lui, le premier intervenant de la "
        "mesure",
    )
    bilan: Annotated[date | None, *DATE_FACULTATIVE] = Field(
        None, description="date de la revue qui a jugé son effet (AAAA-MM-JJ) ; voir docs/suivi.md"
    )

    def __str__(self) -> str:
        return TEXTE_MESURE_RECUE(self)


class Profil(_Strict):
    """Le profil d'une personne enseignante en insertion professionnelle.

    Seuls ``annees_experience`` et ``ordre`` sont obligatoires.

    >>> p = Profil(annees_experience=1, ordre="primaire", besoins={"gestion_de_classe": "élevée"})
    >>> p.besoins[Besoin.GESTION_DE_CLASSE].libelle
    'élevée'
    >>> p.ecole.mentor_dans_l_ecole is None  # inconnu tant qu'on ne le dit pas
    True
    """

    annees_experience: Annotated[int, *entier(0, 60)] = Field(
        description="années d'expérience en enseignement"
    )
    annees_au_quebec: Annotated[int | None, *entier(0, 60, facultatif=True)] = Field(
        None,
        description="années d'enseignement au Québec, si elles diffèrent (expérience hors Québec), au plus annees_experience ; la période d'insertion se compte en années au Québec",
    )
    ordre: Annotated[Ordre, *choix(Ordre)] = Field(description="ordre d'enseignement")
    statut: Annotated[Statut, *choix(Statut)] = Field(Statut.CONTRAT, description="statut d'emploi")
    suppleance: Annotated[GenreSuppleance | None, *choix_facultatif(GenreSuppleance)] = Field(
        None,
        description="pour une personne en suppléance : occasionnelle (liste de rappel, sans groupe d'élèves attitré), long_terme ou a_contrat (un groupe attitré), non_precisee ; non précisé par défaut",
    )
    qualification: Annotated[Qualification, *choix(Qualification)] = Field(
        Qualification.LEGALEMENT_QUALIFIE, description="qualification légale"
    )
    formation_hors_quebec: Booleen = Field(
        False, description="formation initiale reçue hors du Québec"
    )
    affectation: Affectation = Field(default_factory=Affectation, description="l'affectation")
    besoins: Besoins = Field(
        default_factory=Besoins,
        description="besoins déclarés : besoin → intensité (faible, modérée, élevée)",
    )
    signaux_de_detresse: Booleen = Field(
        False, description="signaux de détresse observés ou exprimés"
    )
    mesures_recues: tuple[MesureRecue, ...] = Field(
        (), max_length=200, description="mesures du catalogue déjà reçues, et leur effet"
    )
    ecole: Ecole = Field(default_factory=Ecole, description="le contexte de l'école principale")

    def __str__(self) -> str:
        return TEXTE_PROFIL(self)

    def _repr_html_(self) -> str:
        return HTML_PROFIL(self)

    def __repr__(self) -> str:
        besoins = ", ".join(f"{b.value}={i.value}" for b, i in self.besoins.items())
        quebec = (
            "" if self.annees_au_quebec is None else f" (dont {self.annees_au_quebec} au Québec)"
        )
        return (
            f"<Profil : {self.annees_experience} an(s){quebec}, {self.ordre.value}, "
            f"{self.statut.value}, {self.qualification.value} ; besoins : {besoins or 'aucun'} ; "
            f"{len(self.mesures_recues)} mesure(s) reçue(s)>"
        )


for _modele in (Affectation, Ecole, MesureRecue, Profil):
    documenter_champs(_modele)


# Les affichages, fournis par la couche de rendu (le modèle ne l'importe pas).
TEXTE_MESURE_RECUE: Rendu[[MesureRecue], str] = Rendu(
    "texte d'une mesure reçue", "recommandeur._rendu.rendus"
)
TEXTE_PROFIL: Rendu[[Profil], str] = Rendu("texte d'un profil", "recommandeur._rendu.rendus")
HTML_PROFIL: Rendu[[Profil], str] = Rendu("HTML d'un profil", "recommandeur._rendu.rendus")
