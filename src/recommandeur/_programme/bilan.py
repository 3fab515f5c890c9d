"""La régulation et le bilan : les mesures reçues et leur effet, par mesure et par école (001)."""

from __future__ import annotations

from collections import Counter

from .._catalogue.modeles import Catalogue
from .effectifs import Effectifs
from .modeles import Bilan, BilanMesure
from .resume import Resume


def bilan(effectifs: Effectifs, resumes: dict[str, Resume], catalogue: Catalogue) -> Bilan:
    """Ce que les effectifs disent avoir reçu, avec ou sans effet, et les besoins montés d'un cran."""
    avec: Counter[tuple[str, str]] = Counter()
    sans: Counter[tuple[str, str]] = Counter()
    for e in effectifs.enseignants:
        for recue in e.profil.mesures_recues:
            (avec if recue.efficace else sans)[(recue.mesure, e.ecole)] += 1
    cles = sorted(set(avec) | set(sans))

    def ligne(mesure: str, ecole: str | None, a: int, s: int) -> BilanMesure:
        libelle = catalogue.mesure(mesure).libelle if catalogue.contient_mesure(mesure) else mesure
        return BilanMesure.model_construct(
            mesure=mesure, libelle=libelle, ecole=ecole, avec_effet=a, sans_effet=s
        )

    mesures = sorted({m for m, _ in cles})
    return Bilan.model_construct(
        par_mesure=[
            ligne(
                m,
                None,
                sum(v for (x, _), v in avec.items() if x == m),
                sum(v for (x, _), v in sans.items() if x == m),
            )
            for m in mesures
        ],
        par_ecole=[ligne(m, ecole, avec[(m, ecole)], sans[(m, ecole)]) for m, ecole in cles],
        besoins_escalades=sum(r.escalades for r in resumes.values()),
    )
