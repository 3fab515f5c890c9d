"""La politique d'escalade : une mesure reçue sans effet fait monter le besoin pour lequel elle a été reçue.

Une mesure reçue **sans effet** fait monter d'un cran l'intensité du besoin déclaré pour lequel
elle a été reçue (``MesureRecue.besoin``) ; si ce besoin n'est pas dit, de chaque besoin
déclaré qu'elle visait (les ``besoins`` de la mesure dans le catalogue). Jamais au-delà de
« élevée » ; un besoin non déclaré ne monte pas. Voir ``docs/recommandation.md``.
"""

from __future__ import annotations

from collections.abc import Mapping

from .._profil.modeles import Profil
from .._vocabulaire import Besoin, Intensite

#: De combien de crans monte un besoin visé par une mesure reçue sans effet.
CRANS = 1


def montees(
    profil: Profil, besoins_des_mesures: Mapping[str, tuple[Besoin, ...]]
) -> dict[Besoin, tuple[str, ...]]:
    """Pour chaque besoin qui monte, les mesures reçues sans effet qui le visaient.

    >>> p = Profil(annees_experience=1, ordre="primaire",
    ...            besoins={"numerique": "moderee", "planification": "faible"},
    ...            mesures_recues=[{"mesure": "webinaire", "efficace": False}])
    >>> montees(p, {"webinaire": (Besoin.NUMERIQUE, Besoin.PLANIFICATION)})
    {<Besoin.NUMERIQUE: 'numerique'>: ('webinaire',), <Besoin.PLANIFICATION: 'planification'>: ('webinaire',)}
    >>> p = Profil(annees_experience=1, ordre="primaire",
    ...            besoins={"numerique": "moderee", "planification": "faible"},
    ...            mesures_recues=[{"mesure": "webinaire", "efficace": False, "besoin": "numerique"}])
    >>> montees(p, {"webinaire": (Besoin.NUMERIQUE, Besoin.PLANIFICATION)})
    {<Besoin.NUMERIQUE: 'numerique'>: ('webinaire',)}
    """
    resultat: dict[Besoin, dict[str, None]] = {}
    for recue in profil.mesures_recues:
        if recue.efficace:
            continue
        visees = (recue.besoin,) if recue.besoin else besoins_des_mesures.get(recue.mesure, ())
        for besoin in visees:
            declaree = profil.besoins.get(besoin)
            if declaree is not None and declaree is not Intensite.ELEVEE:
                resultat.setdefault(besoin, {})[recue.mesure] = None
    return {b: tuple(m) for b, m in resultat.items()}


def intensites_effectives(
    profil: Profil, montes: Mapping[Besoin, tuple[str, ...]]
) -> dict[Besoin, int]:
    """L'intensité (0 = non déclaré, 1 à 3) de chaque besoin après escalade.

    >>> p = Profil(annees_experience=1, ordre="primaire", besoins={"numerique": "moderee"})
    >>> effectives = intensites_effectives(p, {Besoin.NUMERIQUE: ("webinaire",)})
    >>> effectives[Besoin.NUMERIQUE], effectives[Besoin.BIEN_ETRE]
    (3, 0)
    """
    effectives = dict.fromkeys(_BESOINS, 0)
    for besoin, intensite in profil.besoins.items():
        effectives[besoin] = min(3, _ORDRES[intensite] + (CRANS if besoin in montes else 0))
    return effectives


#: Les besoins dans l'ordre de l'énumération, et l'ordre de chaque intensité (lus en C).
_BESOINS: tuple[Besoin, ...] = tuple(Besoin)
_ORDRES: dict[Intensite, int] = {i: i.ordre for i in Intensite}
