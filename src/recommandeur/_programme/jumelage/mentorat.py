"""Le mentorat du plan : qui demande une personne mentore, l'appariement, la capacité et le coût.

Relie les effectifs et les recommandations résumées (``planifier``) à l'appariement
(:mod:`.appariement`) et à la capacité (:mod:`.capacite`).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..._base.erreurs import ErreurEffectifs, Probleme
from ..._catalogue.modeles import Catalogue
from ..._moteur.moteur import Moteur
from ..._profil.modeles import Profil
from ..calcul.resume import Resume
from ..donnees.ecoles import EcoleDuCentre
from ..donnees.effectifs import Effectifs, Source, charger_effectifs
from ..donnees.identifiants import cle, lire_identifiant
from ..donnees.lecture import lire_lignes
from ..donnees.mentors import Mentor, lire_mentors
from ..modeles import Alerte, Charge, Plan
from ..ressources.capacite import (
    LectureDesOffres,
    alertes_de_capacite,
    capacites_des_mentors,
    charges_des_mentors,
    lire_offres,
    nombre_fr,
)
from ..ressources.couts import capacite
from .appariement import Morceau, apparier, attribuer, morceaux, reunir
from .criteres import Demande
from .modeles_mentorat import Appariement, Capacite, NonApparie
from .raisons_paires import PRECEDENT


def charger_avec_mentors(
    enseignants: Source,
    ecoles: Source,
    mentors: Source | None,
    moteur: Moteur,
    au_fil: Callable[[Profil, str | None], None] | None = None,
) -> tuple[Effectifs, tuple[Mentor, ...] | None]:
    """Les effectifs et les personnes mentores ; tous leurs problèmes à la fois sinon.
    ``au_fil`` : voir :func:`.effectifs.charger_effectifs`."""
    problemes: list[Probleme] = []
    effectifs = None
    try:
        effectifs = charger_effectifs(
            enseignants,
            ecoles,
            mesures=moteur.ids_mesures,
            acteurs=moteur.ids_acteurs,
            au_fil=au_fil,
        )
    except ErreurEffectifs as exc:
        if mentors is None:
            raise
        problemes.extend(exc.problemes)
    nommes = None
    if mentors is not None:
        connues = (
            _ecoles_lisibles(ecoles)
            if effectifs is None
            else {cle(e.id): e.id for e in effectifs.ecoles}
        )
        nommes = lire_mentors(mentors, connues, problemes)
    if problemes or effectifs is None:
        raise ErreurEffectifs(problemes)
    return effectifs, nommes


def _ecoles_lisibles(ecoles: Source) -> dict[str, str] | None:
    """Les identifiants du fichier des écoles quand les effectifs sont fautifs (pour vérifier
    les écoles des personnes mentores quand même) ; ``None`` s'il est illisible."""
    fichier = lire_lignes(ecoles, "ecole", [])
    if not fichier.lu:
        return None
    lus = (lire_identifiant(v.get("ecole"))[0] for _, v in fichier.lignes)
    return {cle(i): i for i in lus if i is not None}


#: Ce qu'un fichier ou une alerte du centre dit d'un mentorat précédent resté sans effet : ce
#: qu'il faut faire, sans la personne mentore, sans dire qu'un mentorat a eu lieu ni comment il
#: s'est passé (003 : « la confidentialité de la relation mentor-mentoré »).
RAISON_CONFIDENTIELLE = (
    "une personne mentore d'une autre école est demandée, pour une raison confidentielle "
    "connue de la direction de l'école : en inscrire une (colonne autres_ecoles)"
)
#: Le motif qu'un fichier du centre écrit à la place de ``precedent`` (``NonApparie.motif``).
MOTIF_CONFIDENTIEL = "confidentiel"


def pour_le_centre(n: NonApparie) -> tuple[str, str]:
    """Le motif et la raison d'une personne non appariée, tels que les dit un fichier du centre
    (CSV, xlsx, JSON, rapport, alertes) : ceux d'un mentorat resté sans effet y sont remplacés.

    >>> n = NonApparie(enseignant="e1", ecole="A", motif="precedent",
    ...                raison="la seule personne mentore de l'école, M1, est celle …")
    >>> pour_le_centre(n)[0], "M1" in pour_le_centre(n)[1]
    ('confidentiel', False)
    >>> pour_le_centre(n.model_copy(update={"motif": "aucune", "raison": "r"}))
    ('aucune', 'r')
    """
    if n.motif == PRECEDENT:
        return MOTIF_CONFIDENTIEL, RAISON_CONFIDENTIELLE
    return n.motif, n.raison


#: Personnes nommées au plus dans le message d'une alerte (les autres : dans l'export).
NOMMEES_MAX = 5


def demandes(
    effectifs: Effectifs,
    resumes: Mapping[str, Resume],
    offerts: Mapping[str, int],
    catalogue: Catalogue,
) -> list[Demande]:
    """Les personnes à qui le mentorat est offert par une personne mentore (``offerts`` : leur
    rang, voir :func:`.capacite.lire_offres`), et ce qu'on sait d'elles."""
    mentorat = {m.id for m in catalogue.mesures if m.mentorat}
    resultat = []
    for e in effectifs.enseignants:
        rang = offerts.get(e.id)
        if rang is None:
            continue
        echec = any(r.mesure in mentorat and not r.efficace for r in e.profil.mesures_recues)
        resultat.append(
            Demande(
                enseignant=e.id,
                ecole=e.ecole,
                ordre=resumes[e.id].ordre,
                batiment=e.batiment,
                matiere=e.matiere,
                precedent=e.mentor_precedent,
                echec=echec,
                rang=rang,
            )
        )
    return resultat


def alertes_non_apparies(
    non_apparies: Sequence[NonApparie], noms: Mapping[str, str]
) -> list[Alerte]:
    """Une alerte par école et par raison : combien de personnes, lesquelles, pourquoi."""
    groupes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n in non_apparies:
        groupes[(n.ecole, pour_le_centre(n)[1])].append(n.enseignant)
    alertes = []
    for (ecole, raison), qui in groupes.items():
        nommees = ", ".join(qui[:NOMMEES_MAX]) + (" …" if len(qui) > NOMMEES_MAX else "")
        if raison == RAISON_CONFIDENTIELLE:
            nommees = "identifiants dans le plan de l'école"
        alertes.append(
            Alerte.model_construct(
                genre="non_apparies",
                ecole=ecole,
                message=f"{len(qui)} personne(s) à qui le mentorat est offert sans personne "
                f"mentore nommée ({nommees}) : {raison}",
            )
        )
    return alertes


#: Calcule ``attribuer(*m)`` pour chaque morceau ``m`` dans un processus de calcul (et ici, ceux
#: qu'il n'a pas pris quand le résultat est lu) pendant que ce processus-ci continue.
Ailleurs = Callable[
    [Callable[..., dict[str, str]], Sequence[Morceau]], Callable[[], list[dict[str, str]]]
]


@dataclass
class AppariementLance:
    """L'appariement lancé tôt dans le plan : les offres lues, les demandes, les capacités et
    de quoi lire l'attribution (calculée ici ou dans un processus de calcul)."""

    offres: LectureDesOffres
    qui: list[Demande] = field(default_factory=list)
    capacites: dict[str, tuple[int, str]] = field(default_factory=dict)
    attribues: Callable[[], dict[str, str]] | None = None


def lancer_l_appariement(
    effectifs: Effectifs,
    resumes: Mapping[str, Resume],
    suite: Sequence[tuple[str, str, Resume]],
    affectation: Mapping[tuple[str, str], str],
    mentors: Sequence[Mentor] | None,
    catalogue: Catalogue,
    mentores_par_mentor: int,
    ailleurs: Ailleurs | None = None,
) -> AppariementLance:
    """Les offres lues, et, avec un fichier de mentors, l'attribution lancée (``ailleurs`` :
    dans un processus de calcul, pendant que ce processus-ci construit le reste du plan)."""
    offres = lire_offres(suite, affectation, catalogue)
    if mentors is None:
        return AppariementLance(offres)
    qui = demandes(effectifs, resumes, offres.mentorat, catalogue)
    heures = offres.heures
    moyenne = sum(heures[d.enseignant] for d in qui) / len(qui) if qui else None
    capacites = capacites_des_mentors(mentors, catalogue, mentores_par_mentor, moyenne)
    nombres = {k: n for k, (n, _) in capacites.items()}
    if ailleurs is not None:
        lire = functools.partial(reunir, ailleurs(attribuer, morceaux(qui, mentors, nombres)))
    else:
        lire = functools.partial(attribuer, qui, mentors, nombres)
    return AppariementLance(offres, qui, capacites, lire)


def mentorat_du_plan(
    effectifs: Effectifs,
    lance: AppariementLance,
    charges: Sequence[Charge],
    mentors: Sequence[Mentor] | None,
    catalogue: Catalogue,
) -> tuple[Appariement | None, Capacite, list[Alerte]]:
    """L'appariement (avec un fichier de mentors), la capacité et le coût, et leurs alertes."""
    noms = {e.id: e.nom for e in effectifs.ecoles}
    appariement = None
    alertes: list[Alerte] = []
    offres = lance.offres
    if mentors is not None and lance.attribues is not None:
        capacites = lance.capacites
        nombres = {k: n for k, (n, _) in capacites.items()}
        resultat = apparier(lance.qui, mentors, nombres, noms, lance.attribues())
        lignes = charges_des_mentors(mentors, resultat, capacites, offres.heures, catalogue)
        appariement = Appariement.model_construct(
            paires=resultat.paires, non_apparies=resultat.non_apparies, mentors=lignes
        )
        alertes += alertes_non_apparies(resultat.non_apparies, noms)
    lignes_mentors = appariement.mentors if appariement is not None else None
    plan_capacite = capacite(
        catalogue,
        charges,
        effectifs.ecoles,
        lignes_mentors,
        offres.sans_heures,
    )
    alertes += alertes_de_capacite(lignes_mentors, charges, effectifs.ecoles, catalogue)
    return appariement, plan_capacite, alertes


def texte_mentorat(plan: Plan) -> str:
    """Une ligne pour l'appariement (s'il y en a un), une pour le coût.

    >>> from recommandeur import planifier
    >>> plan = planifier([{"enseignant": "e1", "ecole": "a", "annees_experience": 0,
    ...                    "ordre": "primaire"}], [{"ecole": "a", "mentors": 1}],
    ...                  mentors=[{"mentor": "M1", "ecole": "a"}])
    >>> print(texte_mentorat(plan))
    Appariement : 1 personne(s) appariée(s) à 1 personne(s) mentore(s) nommée(s), 0 sans personne mentore
    Coût estimé : 22 600 $ par année (libération des personnes mentores, compensation des personnes mentores, suivi des personnes mentores en cohortes par la PANE)
    """
    lignes = []
    a = plan.appariement
    if a is not None:
        lignes.append(
            f"Appariement : {len(a.paires)} personne(s) appariée(s) à {len(a.mentors)} "
            f"personne(s) mentore(s) nommée(s), {len(a.non_apparies)} sans personne mentore"
        )
    if plan.capacite is not None and plan.capacite.couts:
        postes = ", ".join(c.poste[0].lower() + c.poste[1:] for c in plan.capacite.couts)
        lignes.append(f"Coût estimé : {nombre_fr(plan.capacite.cout_total)} $ par année ({postes})")
    return "\n".join(lignes)


def ecoles_selon_les_mentors(
    ecoles: Sequence[EcoleDuCentre], mentors: Sequence[Mentor] | None
) -> list[EcoleDuCentre]:
    """Les écoles, où le fichier des personnes mentores fait foi quand le fichier des écoles ne
    dit pas leur nombre : une école sans personne mentore nommée l'a « absente » (à nommer),
    non « à confirmer ».

    >>> from recommandeur._profil.modeles import Ecole
    >>> a = EcoleDuCentre(id="a", nom="A", contexte=Ecole())
    >>> [e.contexte.mentor_dans_l_ecole for e in ecoles_selon_les_mentors([a], [])]
    [False]
    >>> [e.contexte.mentor_dans_l_ecole for e in ecoles_selon_les_mentors([a], None)]
    [None]
    """
    if mentors is None:
        return list(ecoles)
    nommees = {m.ecole for m in mentors}
    return [
        e.model_copy(
            update={
                "contexte": e.contexte.model_copy(update={"mentor_dans_l_ecole": e.id in nommees})
            }
        )
        if e.contexte.mentor_dans_l_ecole is None
        else e
        for e in ecoles
    ]
