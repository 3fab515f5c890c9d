"""La charge des intervenants : les personnes et les groupes que chacun porte, école par école.

Chaque offre faite à une personne compte une fois, chez l'intervenant choisi pour elle :
comme offre individuelle, ou comme place dans un groupe (le groupe compte une fois). Les
heures s'additionnent là où le catalogue (ou la surcouche du centre) les donne
(``[[heures]]``) ; ``None`` : aucune des offres de la ligne n'a d'heures connues.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..._catalogue.modeles import Catalogue
from ..._vocabulaire import Presence
from ..calcul.resume import Resume
from ..modeles import Charge, Groupe


@dataclass
class _Ligne:
    enseignants: set[str] = field(default_factory=set)
    individuelles: int = 0
    groupes: set[str] = field(default_factory=set)
    places: int = 0
    a_confirmer: int = 0
    heures: float | None = None

    def ajouter_heures(self, heures: float | None) -> None:
        if heures is not None:
            self.heures = (self.heures or 0.0) + heures


def charges(
    resumes: Iterable[tuple[str, str, Resume]],
    groupes: Iterable[Groupe],
    affectation: Mapping[tuple[str, str], str],
    catalogue: Catalogue,
) -> list[Charge]:
    """Une ligne par (intervenant, école), puis par (intervenant, centre) pour les groupes du centre."""
    par_groupe = {g.id: g for g in groupes}
    lignes: dict[tuple[str, str | None], _Ligne] = defaultdict(_Ligne)
    par_personne = {m: h.par_personne for m, h in catalogue.heures.items()}
    for enseignant, ecole, resume in resumes:
        for offre in resume.offres:
            # seule une offre qui peut se faire en groupe a pu être groupée (voir grouper)
            gid = None if offre.groupe is None else affectation.get((enseignant, offre.mesure))
            if gid is None:
                ligne = lignes[(offre.acteur, ecole)]
                ligne.individuelles += 1
                ligne.ajouter_heures(par_personne.get(offre.mesure))
            else:
                groupe = par_groupe[gid]
                ligne = lignes[(offre.acteur, groupe.ecole)]
                ligne.places += 1
                if gid not in ligne.groupes:
                    ligne.groupes.add(gid)
                    ligne.ajouter_heures(groupe.heures)
            ligne.enseignants.add(enseignant)
            if offre.presence is Presence.INCONNUE:
                ligne.a_confirmer += 1
    libelles = {a.id: a.libelle for a in catalogue.acteurs}
    return [
        Charge.model_construct(
            acteur=acteur,
            libelle=libelles[acteur],
            ecole=ecole,
            enseignants=sorted(ligne.enseignants),
            offres_individuelles=ligne.individuelles,
            groupes=sorted(ligne.groupes, key=lambda g: int(g[1:])),
            places_en_groupe=ligne.places,
            a_confirmer=ligne.a_confirmer,
            heures=ligne.heures,
        )
        for (acteur, ecole), ligne in sorted(
            lignes.items(), key=lambda kv: (kv[0][0], kv[0][1] is None, kv[0][1] or "")
        )
    ]
