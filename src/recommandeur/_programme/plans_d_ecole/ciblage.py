"""Le calibrage appliqué aux actions des écoles : ce que décident les déclencheurs d'école.

Une action du milieu recommandée par une règle d'école calibrée (``ecole_forte_part_novices``,
``ecole_defavorisee``, et ``classe_adaptation_scolaire`` pour le soutien d'une école
soutenue) ne reste dans le plan d'une école que si l'école a le motif du critère ; le soutien
d'une école soutenue, que si l'école est retenue. Sa raison devient celle du calibrage (la
valeur de l'école et le seuil du centre), pas le seuil fixe de la règle. Une école qui a le
motif reçoit ces actions même si aucune personne ne les appelait au seuil fixe. Une action
qu'une autre règle recommande aussi reste, avec ses autres raisons.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from ..._catalogue.modeles import Catalogue
from ..._langage.base import BaseDeRegles
from ..._vocabulaire import Presence
from ..calcul.resume import Action
from ..donnees.ecoles import EcoleDuCentre
from .calibrage import CRITERES, SOUTIEN, Calibrage, Critere, calibrer


class Ciblage:
    """Les décisions d'un calibrage, par école : garder, reformuler ou ajouter une action.

    ``recommandations`` : règle → mesures qu'elle recommande (les règles absentes, désactivées
    par une surcouche, ne décident rien).
    """

    def __init__(
        self,
        calibrage: Calibrage,
        recommandations: Mapping[str, tuple[str, ...]],
        criteres: tuple[Critere, ...] = CRITERES,
    ) -> None:
        self.calibrage = calibrage
        #: (règle, mesure) → critère qui en décide.
        self.decide: dict[tuple[str, str], str] = {}
        #: critère → les mesures qu'il décide, dans l'ordre de la règle.
        self.mesures: dict[str, tuple[str, ...]] = {}
        for c in criteres:
            if c.regle not in recommandations:
                continue
            mesures = tuple(
                m for m in recommandations[c.regle] if c.mesures is None or m in c.mesures
            )
            self.mesures[c.id] = mesures
            self.decide.update({(c.regle, m): c.id for m in mesures})
        self.motifs = {e.ecole: e for e in calibrage.ecoles}

    def _tient(self, ecole: str, critere: str, mesure: str) -> bool:
        signalee = self.motifs.get(ecole)
        if signalee is None or critere not in signalee.motifs:
            return False
        return mesure != SOUTIEN or signalee.retenue

    def _raison(self, ecole: str, critere: str) -> str:
        signalee = self.motifs[ecole]
        return signalee.raisons[signalee.motifs.index(critere)]

    def garder(self, ecole: str, action: Action) -> tuple[str, ...] | None:
        """Les raisons de l'action gardée dans cette école, ou ``None`` : elle n'y est pas."""
        if not action.regles:
            return action.raisons
        gardees: list[str] = []
        for regle, raison in zip(action.regles, action.raisons, strict=False):
            critere = self.decide.get((regle, action.mesure))
            if critere is None:
                gardees.append(raison)
            elif self._tient(ecole, critere, action.mesure):
                gardees.append(self._raison(ecole, critere))
        return tuple(dict.fromkeys(gardees)) or None

    def a_ajouter(self, ecole: str) -> list[tuple[str, tuple[str, ...]]]:
        """Les actions que les motifs de l'école appellent, et leurs raisons, dans l'ordre."""
        signalee = self.motifs.get(ecole)
        if signalee is None:
            return []
        ajout: dict[str, list[str]] = {}
        for critere in signalee.motifs:
            for mesure in self.mesures.get(critere, ()):
                if self._tient(ecole, critere, mesure):
                    ajout.setdefault(mesure, []).append(self._raison(ecole, critere))
        return [(m, tuple(dict.fromkeys(r))) for m, r in ajout.items()]


def presence_dans(catalogue: Catalogue, acteur: str, ecole: EcoleDuCentre) -> Presence:
    """La présence d'un acteur dans une école : selon son contexte, sinon les ressources du centre."""
    dite = catalogue.acteur(acteur).presence
    if dite == "toujours":
        return Presence.PRESENT
    if dite.startswith("ecole."):
        nom = dite.removeprefix("ecole.")
        valeur = ecole.contexte.presence_de(nom, catalogue.ressources)
        if valeur is True:
            return Presence.PRESENT
        if valeur is False:
            return Presence.ABSENT
    return Presence.INCONNUE


def valeurs_des_ecoles(
    ecoles: Sequence[EcoleDuCentre], personnes: Sequence[tuple[str, bool, bool]]
) -> dict[str, dict[str, float | None]]:
    """École → critère → valeur : sa part en insertion, son rang IMSE, et la part de ses
    personnes en insertion affectées en adaptation scolaire.

    ``personnes`` : (école, en insertion, en adaptation scolaire), une par personne.
    """
    en_insertion: Counter[str] = Counter()
    en_as: Counter[str] = Counter()
    for ecole, insertion, adaptation in personnes:
        if insertion:
            en_insertion[ecole] += 1
            en_as[ecole] += adaptation
    return {
        e.id: {
            "part_novices": e.contexte.part_novices,
            "imse": e.contexte.imse,
            "adaptation_scolaire": (
                en_as[e.id] / en_insertion[e.id] if en_insertion[e.id] else None
            ),
        }
        for e in ecoles
    }


def calibrage_du_centre(
    ecoles: Sequence[EcoleDuCentre],
    personnes: Sequence[tuple[str, bool, bool]],
    base: BaseDeRegles,
    de_la_surcouche: Collection[str],
) -> Calibrage:
    """Le calibrage d'un centre : ses valeurs, les seuils de sa surcouche, les planchers de la base."""
    seuils: dict[str, tuple[float, str]] = {}
    planchers: dict[str, float] = {}
    for critere in CRITERES:
        if critere.parametre is None:
            continue
        try:
            parametre = base.parametre(critere.parametre)
        except KeyError:
            continue
        if not isinstance(parametre.valeur, int | float) or isinstance(parametre.valeur, bool):
            continue
        if critere.parametre in de_la_surcouche:
            seuils[critere.id] = (
                float(parametre.valeur),
                parametre.mention_affichee or parametre.origine,
            )
        elif critere.genre == "rang":
            planchers[critere.id] = float(parametre.valeur)
    return calibrer(
        valeurs_des_ecoles(ecoles, personnes),
        {e.id: e.nom for e in ecoles},
        seuils_du_centre=seuils,
        planchers=planchers,
    )
