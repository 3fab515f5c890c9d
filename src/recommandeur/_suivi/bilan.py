"""Le bilan de l'année (001 : « Comment l'efficacité et la satisfaction seront vérifiées? »).

L'effet des mesures par mesure, par intervenant et par école, la part des revues faites à
temps, les escalades (revues sans effet) et les allègements (revues efficaces), et la
satisfaction quand elle a été sondée. Les offres qui révèlent la détresse n'y comptent que
pour les personnes qui ont consenti, et si on le demande.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict

from .._base.schema_json import nettoyer_schema
from .echeances import Intervalle
from .entrees import Debut, Entree, Revue
from .historique import SENSIBLES, ecole, par_personne, trier
from .tableau import partage


class Effets(BaseModel):
    """Les revues d'une mesure, d'un intervenant ou d'une école, par effet."""

    model_config = ConfigDict(frozen=True, json_schema_extra=nettoyer_schema)

    cle: str
    efficace: int = 0
    partiel: int = 0
    sans_effet: int = 0

    @property
    def revues(self) -> int:
        """Le nombre de revues."""
        return self.efficace + self.partiel + self.sans_effet


class BilanSuivi(BaseModel):
    """Le bilan d'une période : effets, revues à temps, escalades, allègements, satisfaction."""

    model_config = ConfigDict(frozen=True, json_schema_extra=nettoyer_schema)

    debut: date
    fin: date
    personnes: int
    par_mesure: tuple[Effets, ...]
    par_intervenant: tuple[Effets, ...]
    par_ecole: tuple[Effets, ...]
    revues: int
    revues_a_temps: int
    escalades: int
    allegements: int
    satisfaction: float | None = None
    nb_satisfaction: int = 0

    @property
    def part_a_temps(self) -> float | None:
        """La part des revues faites à temps (au plus ``Intervalle.retard`` jours après le
        début ou la revue précédente), ``None`` sans revue."""
        return self.revues_a_temps / self.revues if self.revues else None


def _effets(compte: Counter[tuple[str, str]]) -> tuple[Effets, ...]:
    cles = sorted({c for c, _ in compte})
    return tuple(
        Effets(
            cle=c,
            efficace=compte[(c, "efficace")],
            partiel=compte[(c, "partiel")],
            sans_effet=compte[(c, "sans_effet")],
        )
        for c in cles
    )


def bilan(
    entrees: Iterable[Entree] | Mapping[str, Sequence[Entree]],
    debut: date,
    fin: date,
    intervalle: Intervalle | None = None,
    *,
    avec_detresse: bool = False,
) -> BilanSuivi:
    """Le bilan des revues notées du ``debut`` à la ``fin`` (comprises).

    >>> from recommandeur._suivi.entrees import Arrivee
    >>> es = [Arrivee(personne="p-1", date=date(2026, 9, 1), par="cp", ecole="a"),
    ...       Debut(personne="p-1", date=date(2026, 9, 15), par="cp", mesure="mentorat",
    ...             intervenant="mentor"),
    ...       Revue(personne="p-1", date=date(2026, 11, 20), par="cp", mesure="mentorat",
    ...             effet="efficace", satisfaction=4)]
    >>> b = bilan(es, date(2026, 8, 1), date(2027, 6, 30))
    >>> b.par_mesure[0], b.revues_a_temps, b.allegements, b.satisfaction
    (Effets(cle='mentorat', efficace=1, partiel=0, sans_effet=0), 0, 1, 4.0)
    """
    intervalle = intervalle or Intervalle()
    groupes = entrees if isinstance(entrees, Mapping) else par_personne(entrees)
    mesures: Counter[tuple[str, str]] = Counter()
    intervenants: Counter[tuple[str, str]] = Counter()
    ecoles: Counter[tuple[str, str]] = Counter()
    revues = a_temps = escalades = allegements = personnes = 0
    notes: list[int] = []
    for es in groupes.values():
        es = trier(es)
        montrer = partage(es, avec_detresse)
        lieu = ecole(es) or "?"
        depuis: dict[str, date] = {}
        qui: dict[str, str | None] = {}
        compte = False
        for e in es:
            if isinstance(e, Debut):
                depuis[e.mesure], qui[e.mesure] = e.date, e.intervenant
            if not isinstance(e, Revue) or e.mesure not in depuis:
                continue
            precedente, depuis[e.mesure] = depuis[e.mesure], e.date
            if not (debut <= e.date <= fin) or (e.mesure in SENSIBLES and not montrer):
                continue
            compte = True
            revues += 1
            a_temps += (e.date - precedente).days <= intervalle.retard
            escalades += e.effet == "sans_effet"
            allegements += e.effet == "efficace"
            mesures[(e.mesure, e.effet)] += 1
            intervenants[(qui[e.mesure] or "non précisé", e.effet)] += 1
            ecoles[(lieu, e.effet)] += 1
            if e.satisfaction is not None:
                notes.append(e.satisfaction)
        personnes += compte
    return BilanSuivi(
        debut=debut,
        fin=fin,
        personnes=personnes,
        par_mesure=_effets(mesures),
        par_intervenant=_effets(intervenants),
        par_ecole=_effets(ecoles),
        revues=revues,
        revues_a_temps=a_temps,
        escalades=escalades,
        allegements=allegements,
        satisfaction=round(sum(notes) / len(notes), 2) if notes else None,
        nb_satisfaction=len(notes),
    )
