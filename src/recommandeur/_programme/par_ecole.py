"""Le plan de chaque école : ses actions du milieu, son plan de déploiement (003), ses alertes."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from .._catalogue.deploiement import Etape
from .._catalogue.modeles import Catalogue
from .._vocabulaire import CycleAction, Presence
from .ecoles import EcoleDuCentre
from .modeles import ActionEcole, EtapePlan, Groupe, PlanEcole
from .resume import Resume

#: Personnes en insertion qu'une personne mentore accompagne au plus : une convention du
#: plan, hors des documents sources (003 libère les mentors « deux jours par cycle »).
MENTORES_PAR_MENTOR = 6

_ORDRE_CYCLE = {c: rang for rang, c in enumerate(CycleAction)}
#: 003 : « Un mentor par bâtisse est essentiel. »
UN_MENTOR_PAR_BATISSE = "« Un mentor par bâtisse est essentiel. » (003)"


def _actions(resumes: Sequence[Resume], catalogue: Catalogue) -> list[ActionEcole]:
    concernes: Counter[str] = Counter()
    acteurs: dict[str, Counter[tuple[str, Presence]]] = defaultdict(Counter)
    raisons: dict[str, dict[str, None]] = defaultdict(dict)
    for resume in resumes:
        for action in resume.actions:
            concernes[action.mesure] += 1
            acteurs[action.mesure][(action.acteur, action.presence)] += 1
            for texte in action.raisons:
                raisons[action.mesure].setdefault(texte)
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


def _libelle_present(catalogue: Catalogue, acteur: str, ecole: EcoleDuCentre) -> str:
    libelle = catalogue.acteur(acteur).libelle
    presence = catalogue.acteur(acteur).presence
    if presence == "a_confirmer":
        return f"{libelle} (à confirmer)"
    if presence.startswith("ecole."):
        valeur = getattr(ecole.contexte, presence.removeprefix("ecole."), None)
        if valeur is None:
            valeur = catalogue.ressources.get(presence.removeprefix("ecole."))
        if valeur is False:
            return f"{libelle} (absente : à nommer ou à remplacer)"
        if valeur is None:
            return f"{libelle} (à confirmer)"
    return libelle


def _etape(etape: Etape, catalogue: Catalogue, ecole: EcoleDuCentre, concernes: int) -> EtapePlan:
    impliques = [_libelle_present(catalogue, a, ecole) for a in etape.impliques]
    if etape.concernes:
        impliques.append(f"{concernes} personne(s) en insertion concernée(s)")
    return EtapePlan.model_construct(
        etape=etape.libelle,
        intentions=list(etape.intentions),
        responsable=_libelle_present(catalogue, etape.responsable, ecole),
        personnes_impliquees=impliques,
        quand=etape.quand,
        cycle=etape.cycle,
        mesure=etape.mesure,
        sources=list(etape.sources),
    )


def deploiement(
    ecole: EcoleDuCentre, actions: Sequence[ActionEcole], catalogue: Catalogue
) -> list[EtapePlan]:
    """Les étapes du plan de l'école : celles de toute école, puis celles de ses actions.

    Une action sans étape décrite devient une étape « agir » tirée de la mesure : son
    libellé, sa description comme intention, son intervenant comme responsable.
    """
    par_mesure = {a.mesure: a for a in actions}
    decrites = {e.mesure for e in catalogue.etapes if e.mesure is not None}
    etapes = [
        _etape(e, catalogue, ecole, par_mesure[e.mesure].nb_concernes if e.mesure else 0)
        for e in catalogue.etapes
        if e.mesure is None or e.mesure in par_mesure
    ]
    for action in actions:
        if action.mesure in decrites:
            continue
        mesure = catalogue.mesure(action.mesure)
        etapes.append(
            EtapePlan.model_construct(
                etape=mesure.libelle,
                intentions=[mesure.description],
                responsable=_libelle_present(catalogue, action.acteur, ecole),
                personnes_impliquees=[
                    _libelle_present(catalogue, action.acteur, ecole),
                    f"{action.nb_concernes} personne(s) en insertion concernée(s)",
                ],
                quand="à fixer par l'école",
                cycle=CycleAction.AGIR,
                mesure=mesure.id,
                sources=list(mesure.sources),
            )
        )
    return sorted(etapes, key=lambda e: _ORDRE_CYCLE[e.cycle])


def alertes(ecole: EcoleDuCentre, resumes: Sequence[Resume], mentores_par_mentor: int) -> list[str]:
    """Ce qui demande l'attention du centre dans cette école : mentors absents ou débordés."""
    dites: list[str] = []
    n = len(resumes)
    mentores = sum(
        any(o.mesure == "mentorat" and o.acteur == "mentor" for o in r.offres) for r in resumes
    )
    if ecole.mentors == 0 and n:
        dites.append(
            f"aucune personne mentore dans l'école pour {n} personne(s) en insertion : le mentorat "
            "d'une autre école est offert en attendant ; nommer une personne mentore du milieu"
        )
    elif ecole.mentors is not None and mentores > ecole.mentors * mentores_par_mentor:
        dites.append(
            f"{mentores} personne(s) à accompagner pour {ecole.mentors} personne(s) mentore(s) "
            f"(au plus {mentores_par_mentor} chacune : une convention du plan, hors des documents "
            "sources) : libérer une autre personne mentore"
        )
    if ecole.mentors and ecole.contexte.nb_batiments > ecole.mentors:
        dites.append(
            f"{ecole.contexte.nb_batiments} bâtiments pour {ecole.mentors} personne(s) "
            f"mentore(s) : {UN_MENTOR_PAR_BATISSE}"
        )
    a_confirmer = Counter(
        o.acteur for r in resumes for o in r.offres if o.presence is Presence.INCONNUE
    )
    if a_confirmer:
        qui = ", ".join(f"{a} ({k})" for a, k in sorted(a_confirmer.items()))
        dites.append(f"présence à confirmer pour des offres : {qui}")
    return dites


def plans_des_ecoles(
    ecoles: Iterable[EcoleDuCentre],
    resumes_par_ecole: dict[str, list[Resume]],
    groupes: Sequence[Groupe],
    catalogue: Catalogue,
    mentores_par_mentor: int = MENTORES_PAR_MENTOR,
) -> list[PlanEcole]:
    """Le plan de chaque école, dans l'ordre du fichier des écoles."""
    plans = []
    groupes_de: dict[str, list[str]] = defaultdict(list)
    for g in groupes:
        if g.ecole is not None:
            groupes_de[g.ecole].append(g.id)
    for ecole in ecoles:
        resumes = resumes_par_ecole.get(ecole.id, [])
        actions = _actions(resumes, catalogue)
        plans.append(
            PlanEcole.model_construct(
                ecole=ecole.id,
                nom=ecole.nom,
                nb_en_insertion=len(resumes),
                part_novices=ecole.contexte.part_novices,
                mentors=ecole.mentors,
                actions=actions,
                deploiement=deploiement(ecole, actions, catalogue) if resumes else [],
                groupes=groupes_de.get(ecole.id, []),
                alertes=alertes(ecole, resumes, mentores_par_mentor),
            )
        )
    return plans
