"""Le portrait de la situation (001) : les personnes en insertion, leurs besoins, les écoles."""

from __future__ import annotations

from collections import Counter

from ..._profil.modeles import Profil
from ..._vocabulaire import (
    FIN_DE_PERIODE,
    Besoin,
    Intensite,
    Ordre,
    PeriodeInsertion,
    Qualification,
    Statut,
    annees_au_quebec,
)
from ..donnees.effectifs import Effectifs
from ..modeles import LigneEcole, Portrait, Tranche

#: Les tranches de part de personnes en insertion, comme la table de 003 (« 10 à 20% », …).
TRANCHES = [(a / 100, (a + 10) / 100, f"{a} à {a + 10} %") for a in range(0, 100, 10)]
AFFECTATIONS = (
    "partage_de_tache",
    "specialiste",
    "classe_multiniveau",
    "adaptation_scolaire",
    "nouveau_dans_l_ecole",
    "nouveau_dans_le_centre",
)


def tranche(part: float | None) -> str:
    """La tranche d'une part (0,27 → « 20 à 30 % » ; 1 → « 90 à 100 % »).

    >>> tranche(0.27), tranche(1.0), tranche(None)
    ('20 à 30 %', '90 à 100 %', 'inconnue')
    """
    if part is None:
        return "inconnue"
    for bas, haut, nom in TRANCHES:
        if bas <= part < haut or (haut == 1.0 and part == 1.0):
            return nom
    return TRANCHES[-1][2]


def au_quebec(p: Profil) -> int:
    """Les années d'enseignement au Québec (l'expérience si elles ne sont pas données)."""
    return annees_au_quebec(p.annees_experience, p.annees_au_quebec)


#: Les tranches d'années du portrait : une par année avant la fin de la période, puis le reste.
CLES_ANNEES = [*map(str, range(FIN_DE_PERIODE)), f"{FIN_DE_PERIODE} et plus"]


def _annees(n: int) -> str:
    return CLES_ANNEES[min(n, FIN_DE_PERIODE)]


def portrait(effectifs: Effectifs) -> Portrait:
    """Le portrait : chaque décompte sur les personnes des effectifs, et la part par école."""
    profils = [e.profil for e in effectifs.enseignants]
    par_ecole = Counter(e.ecole for e in effectifs.enseignants)
    en_insertion = [
        e
        for e in effectifs.enseignants
        if PeriodeInsertion.depuis_annees(au_quebec(e.profil)).en_insertion
    ]
    insertion_par_ecole = Counter(e.ecole for e in en_insertion)
    besoins: dict[str, dict[str, int]] = {b.value: {i.value: 0 for i in Intensite} for b in Besoin}
    for p in profils:
        for b, i in p.besoins.items():
            besoins[b.value][i.value] += 1
    ecoles = [
        LigneEcole.model_construct(
            ecole=e.id,
            nom=e.nom,
            nb_enseignants=e.nb_enseignants,
            nb_dans_les_effectifs=par_ecole[e.id],
            nb_en_insertion=insertion_par_ecole[e.id],
            part_novices=e.contexte.part_novices,
            origine_part_novices=e.origine_part_novices
            if e.contexte.part_novices is not None
            else None,
            part_cinq_ans_et_moins=e.part_cinq_ans_et_moins,
            mentors=e.mentors,
        )
        for e in effectifs.ecoles
    ]
    parts = Counter(tranche(e.part_novices) for e in ecoles)
    noms = [nom for _, _, nom in TRANCHES] + ["inconnue"]
    annees = Counter(_annees(au_quebec(p)) for p in profils)
    experience = Counter(_annees(p.annees_experience) for p in profils)
    return Portrait.model_construct(
        nb_enseignants=len(profils),
        nb_en_insertion=len(en_insertion),
        nb_ecoles=len(effectifs.ecoles),
        par_annees_au_quebec={k: annees[k] for k in CLES_ANNEES},
        par_annees_experience={k: experience[k] for k in CLES_ANNEES},
        par_periode=_compter(
            [PeriodeInsertion.depuis_annees(au_quebec(p)).value for p in profils],
            [x.value for x in PeriodeInsertion],
        ),
        par_qualification=_compter(
            [p.qualification.value for p in profils], [q.value for q in Qualification]
        ),
        par_statut=_compter([p.statut.value for p in profils], [s.value for s in Statut]),
        par_ordre=_compter([p.ordre.value for p in profils], [o.value for o in Ordre]),
        affectations={
            **{a: sum(bool(getattr(p.affectation, a)) for p in profils) for a in AFFECTATIONS},
            "plusieurs_ecoles": sum(p.affectation.nb_ecoles > 1 for p in profils),
        },
        formation_hors_quebec=sum(p.formation_hors_quebec for p in profils),
        signaux_de_detresse=sum(p.signaux_de_detresse for p in profils),
        besoins=besoins,
        ecoles_par_part=[
            Tranche.model_construct(tranche=n, nb_ecoles=parts[n]) for n in noms if parts[n]
        ],
        ecoles=ecoles,
    )


def _compter(valeurs: list[str], ordre: list[str]) -> dict[str, int]:
    compte = Counter(valeurs)
    return {v: compte[v] for v in ordre}
