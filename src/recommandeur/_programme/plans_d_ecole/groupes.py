"""Les offres groupées : une même offre en groupe, pour un même besoin, dans une école ou au centre.

Une offre du catalogue qui se fait en groupe (modalité ``en_groupe``, niveau universel ou
ciblé) et que reçoivent plusieurs personnes pour le même besoin devient un groupe : dans
l'école pour une offre d'établissement, au centre pour une offre inter-établissements (par
ordre d'enseignement, et par région quand le fichier des écoles la donne : le préscolaire, le
primaire et le secondaire ne sont pas mêlés). Une offre ciblée (un sous-groupe) se fait à au
plus ``taille_max`` personnes : au-delà, les membres sont répartis en sous-groupes de tailles
voisines. Une offre universelle du centre (une activité de groupe, une journée de cohorte) se
fait en **cohortes** d'au plus ``taille_max_cohorte`` personnes, de tailles voisines, les
personnes d'une même école ensemble ; une offre universelle d'école (une CAP) réunit tout son
groupe.
Un groupe a un seul intervenant : les personnes à qui un autre intervenant fait la même
offre (après une mesure restée sans effet, par exemple) sont d'un autre groupe. Une offre
qu'une seule personne reçoit reste une offre individuelle.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

from ..._catalogue.modeles import Catalogue
from ..._vocabulaire import Niveau, Presence
from ..calcul.resume import Resume
from ..modeles import Groupe

#: Taille maximale d'un groupe : une convention du plan, hors des documents sources.
TAILLE_MAX_GROUPE = 8
#: Taille maximale d'une cohorte du centre (activité universelle inter-établissements) : une
#: convention du plan, hors des documents sources (003 forme des « cohortes de suivis pour les
#: PANE » sans en dire la taille).
TAILLE_MAX_COHORTE = 25
ORIGINE_COHORTE = (
    "une convention du plan, hors des documents sources : le rapport du CSSPS parle de "
    "« cohortes » sans en donner la taille"
)


def repartir(membres: list[str], taille_max: int) -> list[list[str]]:
    """Les membres en sous-groupes d'au plus ``taille_max``, de tailles voisines, dans l'ordre.

    >>> [len(g) for g in repartir([str(i) for i in range(10)], 8)]
    [5, 5]
    >>> repartir(["a", "b", "c"], 8)
    [['a', 'b', 'c']]
    """
    nombre = math.ceil(len(membres) / taille_max)
    base, reste = divmod(len(membres), nombre)
    groupes, debut = [], 0
    for rang in range(nombre):
        fin = debut + base + (1 if rang < reste else 0)
        groupes.append(membres[debut:fin])
        debut = fin
    return groupes


def grouper(
    resumes: Iterable[tuple[str, str, Resume]],
    catalogue: Catalogue,
    heures_par_groupe: Mapping[str, float],
    taille_max: int = TAILLE_MAX_GROUPE,
    taille_max_cohorte: int = TAILLE_MAX_COHORTE,
    regions: Mapping[str, str] | None = None,
) -> tuple[list[Groupe], dict[tuple[str, str], str]]:
    """Les groupes, et pour chaque (personne, mesure) groupée l'identifiant de son groupe.

    ``resumes`` : (personne, école, résumé de sa recommandation), dans l'ordre des effectifs ;
    ``regions`` : la région de chaque école qui en a une (les groupes du centre ne mêlent pas
    deux régions).
    """
    regions = regions or {}
    Cle = tuple[str, str | None, str | None, str, str, str]
    candidats: dict[Cle, list[tuple[str, str, Presence]]] = defaultdict(list)
    for enseignant, ecole, resume in resumes:
        for offre in resume.offres:
            if offre.groupe is None:
                continue
            lieu = ecole if offre.groupe == "ecole" else None
            ordre = "" if lieu is not None else resume.ordre
            region = "" if lieu is not None else regions.get(ecole, "")
            candidats[(offre.mesure, offre.besoin, lieu, offre.acteur, ordre, region)].append(
                (enseignant, ecole, offre.presence)
            )
    mesures = {m.id: m for m in catalogue.mesures}
    groupes: list[Groupe] = []
    affectation: dict[tuple[str, str], str] = {}
    for (mid, besoin, lieu, acteur, ordre, region), membres in sorted(
        candidats.items(), key=lambda kv: (kv[0][2] or "", kv[0][0], kv[0][1] or "", *kv[0][3:])
    ):
        if len(membres) < 2:
            continue
        mesure = mesures[mid]
        presence = (
            Presence.PRESENT
            if all(p is Presence.PRESENT for _, _, p in membres)
            else Presence.INCONNUE
        )
        if mesure.niveau is Niveau.CIBLE:
            taille, noms = taille_max, [m for m, _, _ in membres]
        elif lieu is None:  # une cohorte du centre : les personnes d'une école ensemble
            rang_ecole: dict[str, int] = {}
            for _, ecole, _ in membres:
                rang_ecole.setdefault(ecole, len(rang_ecole))
            ranges = sorted(membres, key=lambda m: rang_ecole[m[1]])
            taille, noms = taille_max_cohorte, [m for m, _, _ in ranges]
        else:
            taille, noms = len(membres), [m for m, _, _ in membres]
        for partie in repartir(noms, taille):
            gid = f"g{len(groupes) + 1}"
            groupes.append(
                Groupe.model_construct(
                    id=gid,
                    mesure=mid,
                    libelle=mesure.libelle,
                    niveau=mesure.niveau,
                    besoin=besoin,
                    ecole=lieu,
                    acteur=acteur,
                    presence=presence,
                    membres=partie,
                    heures=heures_par_groupe.get(mid),
                    ordre=ordre or None,
                    region=region or None,
                )
            )
            affectation.update({(m, mid): gid for m in partie})
    return groupes, affectation
