"""Du profil au fait : la seule chaîne profil → escalade → fait plat.

Le *fait* est le dict plat que reçoivent durable-rules et l'évaluateur de référence : une
clé par champ testable (:data:`recommandeur._profil.champs.CHAMPS`) ; un champ inconnu
(``ecole.imse`` non renseigné) est absent du fait.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._profil.champs import DECIMALES
from .._profil.modeles import Profil
from .._vocabulaire import Besoin
from .escalade import intensites_effectives, montees


@dataclass(frozen=True)
class FaitEvalue:
    """Un fait et ce qui a servi à le construire : les besoins montés et leurs intensités."""

    valeurs: dict[str, Any]
    montees: dict[Besoin, tuple[str, ...]]
    effectives: dict[Besoin, int]


def construire(profil: Profil, besoins_des_mesures: Mapping[str, tuple[Besoin, ...]]) -> FaitEvalue:
    """Le fait d'un profil, besoins escaladés selon les besoins des mesures du catalogue.

    >>> p = Profil(annees_experience=1, ordre="primaire", besoins={"numerique": "moderee"},
    ...            mesures_recues=[{"mesure": "webinaire", "efficace": False}])
    >>> f = construire(p, {"webinaire": (Besoin.NUMERIQUE,)})
    >>> f.valeurs["besoins.numerique"], f.valeurs["nb_mesures_inefficaces"], f.montees
    (3, 1, {<Besoin.NUMERIQUE: 'numerique'>: ('webinaire',)})
    """
    montes = montees(profil, besoins_des_mesures)
    effectives = intensites_effectives(profil, montes)
    return FaitEvalue(mettre_a_plat(profil, effectives), montes, effectives)


def mettre_a_plat(profil: Profil, effectives: Mapping[Besoin, int]) -> dict[str, Any]:
    """Le fait plat d'un profil : un champ pointé par clé ; un champ inconnu est absent.

    >>> p = Profil(annees_experience=1, ordre="primaire", besoins={"numerique": "moderee"})
    >>> f = mettre_a_plat(p, {Besoin.NUMERIQUE: 2})
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
    for besoin in Besoin:
        resultat[CLES_BESOINS[besoin]] = effectives.get(besoin, 0)
    return resultat


#: La clé du fait de chaque besoin (``besoins.<besoin>``).
CLES_BESOINS: dict[Besoin, str] = {besoin: f"besoins.{besoin.value}" for besoin in Besoin}
