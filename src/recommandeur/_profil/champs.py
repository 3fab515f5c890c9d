"""Les champs qu'une règle peut tester, tirés des modèles du profil.

Chaque champ a un chemin pointé (``ecole.imse``), un genre (booléen, entier, nombre, choix,
intensité) et un domaine (bornes, valeurs admises), lus dans les modèles de
:mod:`.modeles` : une règle qui nomme un champ inconnu ou le compare à une valeur du
mauvais type est refusée au chargement. Le *fait* (:mod:`recommandeur._moteur.fait`) a
exactement ces clés.
"""

from __future__ import annotations

import enum
import types
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel

from .._vocabulaire import Besoin, Intensite, PeriodeInsertion
from .modeles import Affectation, Ecole, Profil

Genre = Literal["booleen", "entier", "nombre", "choix", "intensite"]

#: Décimales gardées des nombres d'un fait et admises dans une règle (voir ``docs/moteur.md``).
DECIMALES = 4
#: Plus grande valeur absolue d'un nombre dans une règle.
NOMBRE_MAX = 10**15

#: Les valeurs d'intensité d'un besoin dans un fait ; 0 = besoin non déclaré.
INTENSITES: dict[str, int] = {"aucune": 0} | {i.value: i.ordre for i in Intensite}
LIBELLES_INTENSITES: dict[int, str] = {0: "non déclaré"} | {i.ordre: i.libelle for i in Intensite}


@dataclass(frozen=True)
class Champ:
    """Un champ testable : son chemin pointé, son genre et son domaine."""

    nom: str
    genre: Genre
    description: str
    valeurs: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    peut_etre_inconnu: bool = False
    libelles: tuple[tuple[str, str], ...] = ()
    #: Un entier qui est une date AAAAMMJJ (écrite « 20 novembre 2026 » dans les textes).
    date: bool = False
    #: Un entier d'années terminées, écrit par l'année en cours (0 : « première année »).
    annee_en_cours: bool = False

    @property
    def ordonne(self) -> bool:
        """Vrai si les comparaisons d'ordre (<, >=, ...) ont un sens pour ce champ."""
        return self.genre in {"entier", "nombre", "intensite"}


def _genre_python(annotation: Any) -> tuple[Any, bool]:
    """Le type simple sous une annotation, et si ``None`` est admis."""
    if get_origin(annotation) in {Union, types.UnionType}:
        args = [a for a in get_args(annotation) if a is not type(None)]
        return args[0], True
    return annotation, False


def _champs_du_modele(modele: type[BaseModel], prefixe: str) -> dict[str, Champ]:
    champs: dict[str, Champ] = {}
    for nom, info in modele.model_fields.items():
        type_, optionnel = _genre_python(info.annotation)
        minimum = maximum = None
        for contrainte in info.metadata:
            if isinstance(contrainte, annotated_types.Ge):
                minimum = float(contrainte.ge)  # type: ignore[arg-type]
            if isinstance(contrainte, annotated_types.Le):
                maximum = float(contrainte.le)  # type: ignore[arg-type]
        chemin = prefixe + nom
        description = info.description or nom.replace("_", " ")
        if type_ is bool:
            champs[chemin] = Champ(chemin, "booleen", description, peut_etre_inconnu=optionnel)
        elif type_ is int:
            champs[chemin] = Champ(
                chemin,
                "entier",
                description,
                minimum=minimum,
                maximum=maximum,
                peut_etre_inconnu=optionnel,
            )
        elif type_ is float:
            champs[chemin] = Champ(
                chemin,
                "nombre",
                description,
                minimum=minimum,
                maximum=maximum,
                peut_etre_inconnu=optionnel,
            )
        elif isinstance(type_, type) and issubclass(type_, enum.Enum):
            membres = list(type_)
            champs[chemin] = Champ(
                chemin,
                "choix",
                description,
                valeurs=tuple(m.value for m in membres),
                libelles=tuple((m.value, getattr(m, "libelle", m.value)) for m in membres),
                peut_etre_inconnu=optionnel,
            )
    return champs


def _construire() -> dict[str, Champ]:
    champs = _champs_du_modele(Profil, "")
    champs |= _champs_du_modele(Affectation, "affectation.")
    champs |= _champs_du_modele(Ecole, "ecole.")
    for besoin in Besoin:
        nom = f"besoins.{besoin.value}"
        champs[nom] = Champ(
            nom,
            "intensite",
            f"intensité effective du besoin « {besoin.libelle} »",
            valeurs=tuple(INTENSITES),
            minimum=0,
            maximum=3,
            libelles=tuple((v, LIBELLES_INTENSITES[o]) for v, o in INTENSITES.items()),
        )
    champs |= _champs_derives()
    return champs


def _champs_derives() -> dict[str, Champ]:
    """Les champs calculés à partir du profil (voir :mod:`recommandeur._moteur.fait`)."""
    periodes = tuple(PeriodeInsertion)
    derives = [
        Champ(
            "annees_en_insertion",
            "entier",
            "années d'enseignement au Québec (annees_au_quebec s'il est donné, sinon annees_experience)",
            minimum=0,
            maximum=60,
            annee_en_cours=True,
        ),
        Champ(
            "periode_insertion",
            "choix",
            "la période d'insertion : en cours (moins de 5 ans), en fin de période (5 ou 6 ans), "
            "terminée (7 ans et plus) ; l'insertion dure de cinq à sept ans selon la personne (000)",
            valeurs=tuple(p.value for p in periodes),
            libelles=tuple((p.value, p.libelle) for p in periodes),
        ),
        Champ("nb_mesures_recues", "entier", "nombre de mesures déjà reçues", minimum=0),
        Champ(
            "nb_mesures_inefficaces",
            "entier",
            "nombre de mesures reçues restées sans effet",
            minimum=0,
        ),
        Champ(
            "nb_individuelles_inefficaces",
            "entier",
            "nombre de mesures individuelles reçues restées sans effet",
            minimum=0,
        ),
        Champ(
            "programme_couvre_l_ordre",
            "booleen",
            "le programme de mentorat du centre de services couvre son ordre d'enseignement ([programme] du "
            "catalogue ou de la surcouche ; par défaut, du préscolaire au secondaire)",
        ),
        Champ(
            "nb_mentorats_inefficaces",
            "entier",
            "nombre de formes de mentorat reçues restées sans effet (mentorat = true au catalogue)",
            minimum=0,
        ),
    ]
    for besoin in Besoin:
        derives.append(
            Champ(
                f"allegement.{besoin.value}",
                "choix",
                f"allègement du soutien du besoin « {besoin.libelle} » après une mesure jugée "
                "efficace à une revue du journal de suivi (vers un soutien ciblé après une mesure "
                "individuelle, vers un soutien universel après une mesure ciblée) ; absent sinon",
                valeurs=tuple(ALLEGEMENTS),
                libelles=tuple(ALLEGEMENTS.items()),
                peut_etre_inconnu=True,
            )
        )
        derives.append(
            Champ(
                f"bilan_efficace.{besoin.value}",
                "entier",
                f"date (AAAAMMJJ) de la dernière revue où une mesure du besoin « {besoin.libelle} » "
                "a été jugée efficace ; absente sinon",
                minimum=19000101,
                maximum=20991231,
                peut_etre_inconnu=True,
                date=True,
            )
        )
    return {c.nom: c for c in derives}


#: Les valeurs d'un champ ``allegement.<besoin>`` et leurs libellés.
ALLEGEMENTS: dict[str, str] = {
    "vers_cible": "vers un soutien ciblé",
    "vers_universel": "vers un soutien universel",
}


#: Tous les champs qu'une condition de règle peut nommer.
CHAMPS: dict[str, Champ] = _construire()
