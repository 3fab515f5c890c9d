"""Le modèle du plan d'une école : primaire ou secondaire (les deux exemples de 003), léger, lié.

003 donne deux plans de déploiement différents : celui d'une école **primaire** (une structure
de communication entre la direction et les personnes mentores, des rencontres d'équipe, des
outils partagés) et celui d'une école **secondaire** (le CPE, un comité d'insertion
professionnelle avec des mandats précis, son plan d'action, la mesure de l'impact). Le plan
d'une école suit le modèle de son ordre (celui de la plupart de ses personnes en insertion ;
le préscolaire suit le primaire).

- **Léger** : une école qui compte au plus ``PERSONNES_LEGER`` personnes en insertion (la
  première tranche, « 1 à 5 », du tableau « Personnes en IP / Nombre d'écoles » de 003) reçoit
  un plan léger : la nomination et la rencontre de mentorat, le suivi entre la direction et la
  personne mentore, ce que ses besoins appellent ; pas de comité sur le modèle d'une école
  secondaire (« psychoéducateur, TES, adjointe administrative, GAE ») pour si peu de personnes.
- **Lié** : une école dont la part en insertion atteint ``PART_LIEE`` (une convention du plan,
  hors des documents sources ; dans le tableau « Taux de PE en IP » de 003, deux écoles sur 34
  étaient à 60 % ou plus) n'a pas assez de collègues d'expérience : ce qui en demande (la CAP,
  le soutien de l'équipe-école) se fait avec une autre école du même ordre (et de la même
  région si le fichier la donne), la moins chargée en personnes en insertion, sinon avec le
  centre (004 : « Créer des communautés d'apprentissage professionnelles interécoles »).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ..._catalogue.deploiement import Etape
from ..._catalogue.modeles import Catalogue
from ..._vocabulaire import CycleAction, PeriodeInsertion, Presence
from ..calcul.resume import Resume
from ..donnees.ecoles import EcoleDuCentre
from ..modeles import EtapePlan
from .ciblage import presence_dans

#: Au plus autant de personnes en insertion : un plan léger (« 1 à 5 », la première tranche de 003).
PERSONNES_LEGER = 5
#: À partir de cette part en insertion, l'école est liée à une autre (une convention du plan).
PART_LIEE = 0.6
ORIGINE_LIEE = (
    "60 % ou plus du personnel en insertion : une convention du plan, hors des documents "
    "sources (au CSSPS, deux écoles sur 34 étaient à 60 % ou plus)"
)
#: Les actions qu'un plan léger n'a pas : un comité sur le modèle d'une école secondaire.
ECARTEES_LEGER = frozenset({"comite_insertion_professionnelle"})
#: Les intervenants d'une école liée qui viennent de l'école (ou du centre) à laquelle elle est liée.
COLLEGUES = frozenset({"equipe_ecole", "pair_experimente"})

Modele = Literal["primaire", "secondaire", "leger"]


@dataclass(frozen=True)
class ModeleEcole:
    """Le modèle du plan d'une école, pourquoi, et l'école (ou le centre) à laquelle elle est liée."""

    modele: Modele
    ordre: str | None
    raison: str
    #: L'école liée (son identifiant), ``"centre"``, ou ``None`` : l'école n'est pas liée.
    liee_a: str | None = None
    liee_nom: str | None = None
    liaison: str | None = None


def ordre_de_l_ecole(resumes: Sequence[Resume]) -> str | None:
    """L'ordre de la plupart des personnes en insertion de l'école (préscolaire : primaire).

    >>> from recommandeur._programme.calcul.resume import Resume
    >>> r = lambda o: Resume("en_cours", o, (), (), (), 0)
    >>> ordre_de_l_ecole([r("prescolaire"), r("primaire"), r("secondaire")])
    'primaire'
    >>> ordre_de_l_ecole([]) is None
    True
    """
    compte = Counter(
        "primaire" if r.ordre == "prescolaire" else r.ordre
        for r in resumes
        if PeriodeInsertion(r.periode).en_insertion
    )
    if not compte:
        return None
    return sorted(compte.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _modele(ordre: str | None, n: int) -> tuple[Modele, str]:
    if n <= PERSONNES_LEGER:
        return "leger", (
            f"{n} personne(s) en insertion : un plan léger (de 1 à {PERSONNES_LEGER} personnes, "
            "la première tranche d'un tableau du rapport du CSSPS), sans comité"
        )
    if ordre == "secondaire":
        return (
            "secondaire",
            "le modèle d'une école secondaire du rapport du CSSPS (le CPE, un comité d'insertion)",
        )
    return (
        "primaire",
        "le modèle d'une école primaire du rapport du CSSPS (direction et personnes mentores)",
    )


def modeles_des_ecoles(
    ecoles: Sequence[EcoleDuCentre], resumes_par_ecole: Mapping[str, Sequence[Resume]]
) -> dict[str, ModeleEcole]:
    """Le modèle du plan de chaque école qui a des personnes en insertion, et ses liens."""
    ordres = {e.id: ordre_de_l_ecole(resumes_par_ecole.get(e.id, ())) for e in ecoles}
    modeles: dict[str, ModeleEcole] = {}
    for ecole in ecoles:
        resumes = resumes_par_ecole.get(ecole.id, ())
        n = sum(PeriodeInsertion(r.periode).en_insertion for r in resumes)
        if not n:
            continue
        modele, raison = _modele(ordres[ecole.id], n)
        part = ecole.contexte.part_novices
        if part is None or part < PART_LIEE:
            modeles[ecole.id] = ModeleEcole(modele, ordres[ecole.id], raison)
            continue
        partenaire = _partenaire(ecole, ecoles, ordres)
        if partenaire is None:
            liee_a, avec = "centre", "le centre (une communauté d'apprentissage interécoles)"
        else:
            liee_a, avec = (
                partenaire.id,
                f"{partenaire.nom} ({_pour_cent(partenaire)} en insertion)",
            )
        liaison = (
            f"{_pour_cent(ecole)} du personnel en insertion ({ORIGINE_LIEE}) : ce qui demande des "
            f"collègues d'expérience (la CAP, le soutien de l'équipe-école) se fait avec {avec}"
        )
        nom = None if partenaire is None else partenaire.nom
        modeles[ecole.id] = ModeleEcole(modele, ordres[ecole.id], raison, liee_a, nom, liaison)
    return modeles


def _pour_cent(ecole: EcoleDuCentre) -> str:
    return f"{round((ecole.contexte.part_novices or 0) * 100):d} %"


def _partenaire(
    ecole: EcoleDuCentre,
    ecoles: Sequence[EcoleDuCentre],
    ordres: Mapping[str, str | None],
) -> EcoleDuCentre | None:
    """L'école du même ordre (et de la même région), la moins chargée, qui a des collègues
    d'expérience et une personne mentore si on le sait ; ``None`` : aucune."""
    candidates = [
        (e.contexte.part_novices or 0.0, i, e)
        for i, e in enumerate(ecoles)
        if e.id != ecole.id
        and ordres.get(e.id) == ordres.get(ecole.id)
        and e.contexte.part_novices is not None
        and e.contexte.part_novices < PART_LIEE
        and e.mentors != 0
        and (ecole.region is None or e.region == ecole.region)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c[0], c[1]))[2]


def libelle_dans(
    catalogue: Catalogue, acteur: str, ecole: EcoleDuCentre, modele: ModeleEcole | None
) -> tuple[str, Presence]:
    """Le libellé d'un intervenant dans le plan d'une école, et sa présence ; dans une école
    liée, l'équipe-école et les pairs viennent de l'école liée (ou du centre)."""
    libelle = catalogue.acteur(acteur).libelle
    if modele is not None and modele.liee_a is not None and acteur in COLLEGUES:
        avec = "du centre" if modele.liee_a == "centre" else f"de l'école liée ({modele.liee_nom})"
        return f"{libelle} {avec}", Presence.PRESENT
    presence = presence_dans(catalogue, acteur, ecole)
    if presence is Presence.ABSENT:
        return f"{libelle} (absente : à nommer ou à remplacer)", presence
    if presence is Presence.INCONNUE:
        return f"{libelle} (à confirmer)", presence
    return libelle, presence


def responsable(
    etape: Etape, catalogue: Catalogue, ecole: EcoleDuCentre, modele: ModeleEcole | None
) -> str:
    """Le responsable d'une étape : ses responsables présents ; un responsable qui ne l'est pas
    est remplacé par le premier suppléant présent (la rencontre de mentorat sans PANE connue :
    la conseillère pédagogique de l'école, sinon les services éducatifs) ; un absent ne porte
    rien s'il en reste un autre ; sinon le premier reste dit « à confirmer » (ou absent)."""
    noms: list[str] = []
    premier = ""
    for acteur in etape.responsables:
        libelle, presence = libelle_dans(catalogue, acteur, ecole, modele)
        premier = premier or libelle
        if presence is not Presence.PRESENT:
            for suppleant in etape.suppleants:
                autre, la = libelle_dans(catalogue, suppleant, ecole, modele)
                if la is Presence.PRESENT:
                    libelle, presence = autre, la
                    break
        if presence is not Presence.ABSENT:
            noms.append(libelle)
    return " et ".join(dict.fromkeys(noms)) or premier


def etape_de_liaison(modele: ModeleEcole) -> EtapePlan | None:
    """L'étape qui lie l'école à une autre (ou au centre), en tête de son plan."""
    if modele.liee_a is None or modele.liaison is None:
        return None
    avec = "le centre" if modele.liee_a == "centre" else modele.liee_nom
    return EtapePlan.model_construct(
        etape=f"Lier l'école à {avec} pour ce qui demande des collègues d'expérience",
        intentions=[
            modele.liaison,
            "« Créer des communautés d'apprentissage professionnelles interécoles » (les objectifs "
            "de développement professionnel)",
        ],
        responsable="Direction d'établissement et Service des ressources éducatives",
        personnes_impliquees=["Direction d'établissement", f"l'équipe de {avec}"],
        quand="avant la rentrée",
        cycle=CycleAction.AGIR,
        mesure=None,
        sources=["ppc/10.3/interecoles", "cssps/part_novices"],
    )
