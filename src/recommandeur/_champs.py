"""Les champs qu'une règle peut tester, et la mise à plat d'un profil en fait.

Les champs sont tirés du modèle :class:`Profil` (types, bornes, valeurs admises) :
une règle qui nomme un champ inconnu ou le compare à une valeur du mauvais type
est refusée au chargement. Le *fait* est le dict plat que reçoivent le moteur
durable-rules et l'évaluateur de référence.
"""

from __future__ import annotations

import enum
import types
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel

from ._profil import Affectation, Ecole, Profil
from ._vocabulaire import Besoin, Intensite

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
            champs[chemin] = Champ(chemin, "booleen", description)
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
    champs["nb_mesures_recues"] = Champ(
        "nb_mesures_recues", "entier", "nombre de mesures déjà reçues", minimum=0
    )
    champs["nb_mesures_inefficaces"] = Champ(
        "nb_mesures_inefficaces",
        "entier",
        "nombre de mesures reçues restées sans effet",
        minimum=0,
    )
    return champs


#: Tous les champs qu'une condition de règle peut nommer.
CHAMPS: dict[str, Champ] = _construire()


def escalades(
    profil: Profil, besoins_des_mesures: dict[str, tuple[Besoin, ...]]
) -> dict[Besoin, tuple[str, ...]]:
    """Pour chaque besoin, les mesures reçues sans effet qui le visaient.

    Une mesure reçue sans effet fait monter d'un cran l'intensité des besoins
    déclarés qu'elle visait, sauf ceux déjà à l'intensité élevée (voir
    ``docs/classement.md``).
    """
    resultat: dict[Besoin, list[str]] = {}
    for recue in profil.mesures_recues:
        if recue.efficace:
            continue
        for besoin in besoins_des_mesures.get(recue.mesure, ()):
            if besoin in profil.besoins and profil.besoins[besoin] is not Intensite.ELEVEE:
                resultat.setdefault(besoin, []).append(recue.mesure)
    return {b: tuple(m) for b, m in resultat.items()}


def intensites_effectives(
    profil: Profil, montees: dict[Besoin, tuple[str, ...]]
) -> dict[Besoin, int]:
    """L'intensité (0 à 3) de chaque besoin après escalade."""
    return {
        besoin: min(3, profil.besoins[besoin].ordre + (1 if besoin in montees else 0))
        if besoin in profil.besoins
        else 0
        for besoin in Besoin
    }


def fait(profil: Profil, effectives: dict[Besoin, int]) -> dict[str, Any]:
    """Le fait plat d'un profil : un champ pointé par clé ; un champ inconnu est absent.

    >>> from recommandeur._profil import Profil
    >>> p = Profil(annees_experience=1, ordre="primaire", besoins={"numerique": "moderee"})
    >>> f = fait(p, intensites_effectives(p, {}))
    >>> f["besoins.numerique"], f["ordre"], "ecole.imse" in f
    (2, 'primaire', False)
    """
    a, e = profil.affectation, profil.ecole
    resultat: dict[str, Any] = {
        "annees_experience": profil.annees_experience,
        "ordre": profil.ordre.value,
        "statut": profil.statut.value,
        "qualification": profil.qualification.value,
        "formation_hors_quebec": profil.formation_hors_quebec,
        "signaux_de_detresse": profil.signaux_de_detresse,
        "affectation.partage_de_tache": a.partage_de_tache,
        "affectation.nb_ecoles": a.nb_ecoles,
        "affectation.specialiste": a.specialiste,
        "affectation.classe_multiniveau": a.classe_multiniveau,
        "affectation.adaptation_scolaire": a.adaptation_scolaire,
        "affectation.nouveau_dans_l_ecole": a.nouveau_dans_l_ecole,
        "affectation.nouveau_dans_le_centre": a.nouveau_dans_le_centre,
        "ecole.region_eloignee": e.region_eloignee,
        "ecole.nb_batiments": e.nb_batiments,
        "ecole.mentor_dans_l_ecole": e.mentor_dans_l_ecole,
        "ecole.pedagogie_alternative": e.pedagogie_alternative,
        "nb_mesures_recues": len(profil.mesures_recues),
        "nb_mesures_inefficaces": sum(1 for r in profil.mesures_recues if not r.efficace),
    }
    if e.part_novices is not None:
        # Arrondie à 4 décimales : durable-rules refuse les nombres que json écrit en notation
        # exponentielle (5e-324, 1e-05) ; le moteur et l'évaluateur lisent la même valeur.
        resultat["ecole.part_novices"] = round(e.part_novices, DECIMALES) + 0.0
    if e.imse is not None:
        resultat["ecole.imse"] = e.imse
    for besoin, niveau in effectives.items():
        resultat[_CLES_BESOINS[besoin]] = niveau
    return resultat


_CLES_BESOINS = {besoin: f"besoins.{besoin.value}" for besoin in Besoin}
