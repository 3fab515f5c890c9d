"""La régulation et le bilan : les mesures reçues et leur effet, par mesure et par école (001) ;
avec un journal de suivi, ses revues plutôt que les ``mesures_recues`` des effectifs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..._catalogue.modeles import Catalogue
from ..._suivi.historique import mesures_suivies, par_personne
from ..._suivi.journal import Journal
from ..calcul.resume import Resume
from ..donnees.effectifs import Effectifs
from ..modeles import Bilan, BilanMesure


def _recues(effectifs: Effectifs, journal: Journal | None) -> Iterator[tuple[str, str, bool]]:
    """(mesure, école, efficace) : les mesures reçues des effectifs, ou, avec un journal, les
    mesures revues qu'il a notées pour ces personnes (la dernière revue de chacune)."""
    if journal is None:
        for e in effectifs.enseignants:
            for recue in e.profil.mesures_recues:
                yield recue.mesure, e.ecole, recue.efficace
        return
    ecoles = {e.id: e.ecole for e in effectifs.enseignants}
    for personne, entrees in par_personne(journal.entrees()).items():
        if personne in ecoles:
            for m in mesures_suivies(entrees):
                if m.effet is not None:
                    yield m.mesure, ecoles[personne], m.effet != "sans_effet"


def bilan(
    effectifs: Effectifs,
    resumes: dict[str, Resume],
    catalogue: Catalogue,
    journal: Journal | None = None,
) -> Bilan:
    """Ce que les effectifs (ou le journal) disent avoir reçu, avec ou sans effet, et les
    besoins montés d'un cran."""
    avec: Counter[tuple[str, str]] = Counter()
    sans: Counter[tuple[str, str]] = Counter()
    for mesure, ecole, efficace in _recues(effectifs, journal):
        (avec if efficace else sans)[(mesure, ecole)] += 1
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
