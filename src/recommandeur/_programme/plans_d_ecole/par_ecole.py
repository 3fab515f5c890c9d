"""Le plan de chaque école : ses actions du milieu, son plan de déploiement (003), ses alertes."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ..._catalogue.deploiement import Etape
from ..._catalogue.modeles import Catalogue
from ..._vocabulaire import CycleAction, PeriodeInsertion, Presence
from ..calcul.resume import Resume
from ..donnees.ecoles import EcoleDuCentre
from ..modeles import ActionEcole, Alerte, EtapePlan, Groupe, PlanEcole
from .ciblage import Ciblage, presence_dans
from .modele_ecole import (
    ECARTEES_LEGER,
    ModeleEcole,
    etape_de_liaison,
    libelle_dans,
    responsable,
)

#: Personnes en insertion qu'une personne mentore accompagne au plus : une convention du plan.
#: 003 ne donne pas de plafond ; au CSSPS, une personne mentore au primaire et deux au
#: secondaire par école, libérées deux jours par cycle, accompagnaient le plus souvent 6 à 10
#: personnes par école (11 à 15 dans 7 écoles), et 28 mentores sur 34 jugeaient leur temps
#: suffisant.
MENTORES_PAR_MENTOR = 15
ORIGINE_MENTORES = (
    "une convention du plan : le rapport du CSSPS (2023) ne donne pas de plafond, ses écoles accompagnaient le plus "
    "souvent 6 à 15 personnes et 28 personnes mentores sur 34 jugeaient leur temps suffisant"
)

#: Les deux avis de directions du CSSPS sur les écoles de plusieurs bâtiments (003).
DEUX_AVIS_BATIMENTS = (
    "une direction du CSSPS juge « Un mentor par bâtisse est essentiel. », une autre veut que "
    "sa personne mentore « intervienne dans nos deux bâtiments » (rapport du CSSPS, 2023)"
)


def _actions(
    resumes: Sequence[Resume],
    catalogue: Catalogue,
    ecole: EcoleDuCentre | None = None,
    ciblage: Ciblage | None = None,
) -> list[ActionEcole]:
    concernes: Counter[str] = Counter()
    acteurs: dict[str, Counter[tuple[str, Presence]]] = defaultdict(Counter)
    raisons: dict[str, dict[str, None]] = defaultdict(dict)
    for resume in resumes:
        for action in resume.actions:
            textes = action.raisons
            if ciblage is not None and ecole is not None:
                gardees = ciblage.garder(ecole.id, action)
                if gardees is None:
                    continue
                textes = gardees
            concernes[action.mesure] += 1
            acteurs[action.mesure][(action.acteur, action.presence)] += 1
            for texte in textes:
                raisons[action.mesure].setdefault(texte)
    if ciblage is not None and ecole is not None:
        en_insertion = sum(PeriodeInsertion(r.periode).en_insertion for r in resumes)
        for mid, textes in ciblage.a_ajouter(ecole.id):
            if mid in concernes or not en_insertion:
                continue
            acteur = catalogue.mesure(mid).intervenants[0].acteur
            concernes[mid] = en_insertion
            acteurs[mid][(acteur, presence_dans(catalogue, acteur, ecole))] += 1
            raisons[mid].update(dict.fromkeys(textes))
    resultat = []
    for mid, n in sorted(concernes.items(), key=lambda kv: (-kv[1], kv[0])):
        (acteur, presence), _ = acteurs[mid].most_common(1)[0]
        resultat.append(
            ActionEcole.model_construct(
                mesure=mid,
                libelle=catalogue.mesure(mid).libelle,
                acteur=acteur,
                presence=presence,
                nb_concernes=n,
                raisons=list(raisons[mid])[:3],
            )
        )
    return resultat


def _libelle_present(
    catalogue: Catalogue, acteur: str, ecole: EcoleDuCentre, modele: ModeleEcole | None = None
) -> str:
    return libelle_dans(catalogue, acteur, ecole, modele)[0]


def _etape(
    etape: Etape,
    catalogue: Catalogue,
    ecole: EcoleDuCentre,
    concernes: int,
    modele: ModeleEcole | None = None,
) -> EtapePlan:
    impliques = [_libelle_present(catalogue, a, ecole, modele) for a in etape.impliques]
    if etape.concernes:
        impliques.append(f"{concernes} personne(s) en insertion concernée(s)")
    return EtapePlan.model_construct(
        etape=etape.libelle,
        intentions=list(etape.intentions),
        responsable=responsable(etape, catalogue, ecole, modele),
        personnes_impliquees=list(dict.fromkeys(impliques)),
        quand=etape.quand,
        cycle=etape.cycle,
        mesure=etape.mesure,
        sources=list(etape.sources),
    )


def deploiement(
    ecole: EcoleDuCentre,
    actions: Sequence[ActionEcole],
    catalogue: Catalogue,
    modele: ModeleEcole | None = None,
) -> list[EtapePlan]:
    """Les étapes du plan de l'école, dans l'ordre des données (celui du calendrier de 003),
    celles de son modèle (primaire, secondaire, léger) ; une école liée commence par sa liaison.

    Une action sans étape décrite devient une étape « agir » tirée de la mesure : son
    libellé, sa description comme intention, son intervenant comme responsable.
    """
    par_mesure = {a.mesure: a for a in actions}
    decrites = {e.mesure for e in catalogue.etapes if e.mesure is not None}
    liaison = None if modele is None else etape_de_liaison(modele)
    etapes = [] if liaison is None else [liaison]
    etapes += [
        _etape(e, catalogue, ecole, par_mesure[e.mesure].nb_concernes if e.mesure else 0, modele)
        for e in catalogue.etapes
        if (e.mesure is None or e.mesure in par_mesure)
        and (modele is None or not e.modeles or modele.modele in e.modeles)
    ]
    for action in actions:
        if action.mesure in decrites:
            continue
        mesure = catalogue.mesure(action.mesure)
        etapes.append(
            EtapePlan.model_construct(
                etape=mesure.libelle,
                intentions=[mesure.description],
                responsable=_libelle_present(catalogue, action.acteur, ecole, modele),
                personnes_impliquees=[
                    _libelle_present(catalogue, action.acteur, ecole, modele),
                    f"{action.nb_concernes} personne(s) en insertion concernée(s)",
                ],
                quand="à fixer par l'école",
                cycle=CycleAction.AGIR,
                mesure=mesure.id,
                sources=list(mesure.sources),
            )
        )
    return etapes


def alertes(
    ecole: EcoleDuCentre,
    resumes: Sequence[Resume],
    mentores_par_mentor: int,
    catalogue: Catalogue,
) -> list[Alerte]:
    """Ce qui demande l'attention du centre dans cette école : mentors absents ou débordés."""
    dites: list[Alerte] = []
    n = sum(PeriodeInsertion(r.periode).en_insertion for r in resumes)
    mentores = sum(
        any(o.mesure == "mentorat" and o.acteur == "mentor" for o in r.offres) for r in resumes
    )

    def dire(genre: str, message: str) -> None:
        dites.append(Alerte.model_construct(genre=genre, ecole=ecole.id, message=message))

    if ecole.mentors == 0 and n:
        dire(
            "sans_mentor",
            f"aucune personne mentore dans l'école pour {n} personne(s) en insertion : le "
            "mentorat d'une autre école est proposé en attendant (à confirmer) ; nommer une "
            "personne mentore du milieu",
        )
    elif ecole.mentors is not None and mentores > ecole.mentors * mentores_par_mentor:
        dire(
            "mentors_debordes",
            f"{mentores} personne(s) à qui le mentorat est offert pour {ecole.mentors} personne(s) "
            f"mentore(s) : plus de {mentores_par_mentor} chacune ({ORIGINE_MENTORES}) ; "
            "libérer une autre personne mentore",
        )
    if ecole.mentors and ecole.contexte.nb_batiments > ecole.mentors:
        dire(
            "batiments",
            f"{ecole.contexte.nb_batiments} bâtiments pour {ecole.mentors} personne(s) "
            f"mentore(s) : {DEUX_AVIS_BATIMENTS}",
        )
    qui = a_confirmer(resumes, catalogue)
    if qui:
        dire("a_confirmer", f"présence à confirmer pour des offres : {qui}")
    return dites


def a_confirmer(
    resumes: Iterable[Resume], catalogue: Catalogue, *, par_frequence: bool = False
) -> str:
    """Les intervenants « à confirmer » de ces offres et leur nombre d'offres (vide : aucun),
    par ordre d'identifiant, ou du plus fréquent au moins fréquent."""
    compte = Counter(o.acteur for r in resumes for o in r.offres if o.presence is Presence.INCONNUE)
    libelles = {a.id: a.libelle for a in catalogue.acteurs}
    ordre = compte.most_common() if par_frequence else sorted(compte.items())
    return ", ".join(f"{libelles[a]} ({n})" for a, n in ordre)


def plans_des_ecoles(
    ecoles: Iterable[EcoleDuCentre],
    resumes_par_ecole: dict[str, list[Resume]],
    groupes: Sequence[Groupe],
    catalogue: Catalogue,
    mentores_par_mentor: int = MENTORES_PAR_MENTOR,
    ciblage: Ciblage | None = None,
    modeles: Mapping[str, ModeleEcole] | None = None,
) -> list[PlanEcole]:
    """Le plan de chaque école, dans l'ordre du fichier des écoles (``ciblage`` : les
    déclencheurs d'école calibrés sur le centre ; ``modeles`` : le modèle de chaque plan)."""
    modeles = modeles or {}
    plans = []
    groupes_de: dict[str, list[str]] = defaultdict(list)
    for g in groupes:
        if g.ecole is not None:
            groupes_de[g.ecole].append(g.id)
    for ecole in ecoles:
        resumes = resumes_par_ecole.get(ecole.id, [])
        actions = _actions(resumes, catalogue, ecole, ciblage)
        modele = modeles.get(ecole.id)
        if modele is not None and modele.modele == "leger":
            actions = [a for a in actions if a.mesure not in ECARTEES_LEGER]
        plans.append(
            PlanEcole.model_construct(
                ecole=ecole.id,
                nom=ecole.nom,
                nb_dans_les_effectifs=len(resumes),
                nb_en_insertion=sum(PeriodeInsertion(r.periode).en_insertion for r in resumes),
                part_novices=ecole.contexte.part_novices,
                mentors=ecole.mentors,
                actions=actions,
                deploiement=deploiement(ecole, actions, catalogue, modele) if resumes else [],
                groupes=groupes_de.get(ecole.id, []),
                alertes=alertes(ecole, resumes, mentores_par_mentor, catalogue),
                modele=None if modele is None else modele.modele,
                modele_raison=None if modele is None else modele.raison,
                liee_a=None if modele is None else modele.liee_a,
                liaison=None if modele is None else modele.liaison,
            )
        )
    return plans
