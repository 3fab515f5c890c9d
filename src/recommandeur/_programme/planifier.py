"""``planifier`` : des effectifs d'un centre au plan de son programme d'insertion."""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from .._base.erreurs import ErreurArgument, Plage
from .._base.fichiers import lire_octets
from .._catalogue.modeles import Catalogue
from .._moteur.moteur import Moteur, moteur_par_defaut
from .._recommandation.ramasse_miettes import ramasse_miettes_suspendu
from .._suivi.journal import Journal
from .._vocabulaire import PeriodeInsertion
from .calcul.au_fil import Lecture, resumes_des_effectifs
from .calcul.fils_de_calcul import refuser_au_demarrage
from .calcul.parallele import Calcul, coeurs, processus_utiles
from .calcul.progression import Progression
from .calcul.resume import Resume
from .centre.bilan import bilan
from .centre.calendrier import calendrier_du_plan
from .centre.portrait import portrait
from .donnees.effectifs import Effectifs, Source
from .donnees.lecture import TAILLE_MAX
from .donnees.mentors import Mentor
from .jumelage.mentorat import (
    Ailleurs,
    charger_avec_mentors,
    ecoles_selon_les_mentors,
    lancer_l_appariement,
    mentorat_du_plan,
)
from .modeles import Alerte, Plan, PlanEcole, PlanEnseignant
from .plans_d_ecole.charge import charges
from .plans_d_ecole.ciblage import Ciblage, calibrage_du_centre
from .plans_d_ecole.groupes import TAILLE_MAX_COHORTE, TAILLE_MAX_GROUPE, grouper
from .plans_d_ecole.modele_ecole import COLLEGUES, modeles_des_ecoles
from .plans_d_ecole.par_ecole import MENTORES_PAR_MENTOR, a_confirmer, plans_des_ecoles
from .sorties.confidentiel import marquer

#: Taille approximative d'une ligne d'effectifs (pour juger un fichier sans le lire).
OCTETS_PAR_PROFIL = 60


#: Processus de calcul au plus (chacun garde un moteur : une centaine de Mo).
PROCESSUS_MAX = 32


def _entier(nom: str, valeur: object, maximum: int | None = None) -> int:
    if (
        isinstance(valeur, bool)
        or not isinstance(valeur, int)
        or valeur < 1
        or (maximum is not None and valeur > maximum)
    ):
        attendu = "un entier ≥ 1" if maximum is None else f"un entier de 1 à {maximum}"
        raise ErreurArgument(nom, attendu, valeur, admis=Plage(minimum=1, maximum=maximum))
    return valeur


def planifier(
    enseignants: Source,
    ecoles: Source,
    *,
    moteur: Moteur | None = None,
    taille_max_groupe: int = TAILLE_MAX_GROUPE,
    mentores_par_mentor: int = MENTORES_PAR_MENTOR,
    progression: Progression = False,
    processus: int = 1,
    journal: Journal | None = None,
    taille_max_cohorte: int = TAILLE_MAX_COHORTE,
    date: dt.date | None = None,
    mentors: Source | None = None,
    inclure_confidentiel: bool = False,
) -> Plan:
    """Le plan d'un centre : portrait, offres groupées, plan par école, charges, bilan.

    ``enseignants`` et ``ecoles`` : des fichiers (``.csv`` aux en-têtes français, ``.json``,
    ``.toml``) ou des listes de dicts (voir ``docs/programme.md``). Des effectifs fautifs
    lèvent :class:`~recommandeur.ErreurEffectifs`, chaque ligne fautive nommée.
    ``processus`` : les recommandations des profils distincts sont calculées dans au plus
    autant de processus (le plan est le même) : ceux qui paient, selon les cœurs et la taille
    des effectifs (voir ``docs/programme.md``). ``journal`` : un :class:`~recommandeur.Journal`
    de suivi ; le bilan lit alors ses revues au lieu des ``mesures_recues`` des effectifs.
    ``taille_max_cohorte`` : les activités universelles du centre se font en cohortes d'au
    plus autant de personnes (une convention du plan). ``date`` : la date du plan (par
    défaut, aujourd'hui) ; le calendrier du centre sert la prochaine rentrée après elle.
    ``mentors`` : le fichier des personnes mentores nommées (voir ``docs/programme.md``) :
    chaque personne à qui le mentorat est offert est appariée à l'une d'elles
    (``plan.appariement``) ; ses problèmes sont dits avec ceux des effectifs.
    ``inclure_confidentiel`` : garder la détresse et les offres qui la révèlent (par défaut,
    le plan n'en contient rien : voir :mod:`recommandeur._programme.sorties.confidentiel`).

    >>> plan = planifier(
    ...     [{"enseignant": "e1", "ecole": "a", "annees_experience": 0, "ordre": "primaire",
    ...       "besoin_gestion_de_classe": "moderee"},
    ...      {"enseignant": "e2", "ecole": "a", "annees_experience": 1, "ordre": "primaire",
    ...       "besoin_gestion_de_classe": "elevee"}],
    ...     [{"ecole": "a", "nom": "École A", "nb_enseignants": 20, "mentors": 1}])
    >>> plan.portrait.nb_enseignants, plan.portrait.ecoles[0].part_novices
    (2, 0.1)
    >>> [(g.mesure, g.besoin, g.membres) for g in plan.groupes if g.besoin]
    [('accompagnement_sous_groupe', 'gestion_de_classe', ['e1', 'e2'])]
    """
    if moteur is not None and not isinstance(moteur, Moteur):
        raise ErreurArgument("moteur", "un Moteur ou None", moteur)
    moteur = moteur or moteur_par_defaut()
    taille_max_groupe = _entier("taille_max_groupe", taille_max_groupe)
    mentores_par_mentor = _entier("mentores_par_mentor", mentores_par_mentor)
    taille_max_cohorte = _entier("taille_max_cohorte", taille_max_cohorte)
    date, calendrier = calendrier_du_plan(moteur, date)
    processus = _entier("processus", processus, PROCESSUS_MAX)
    if not (isinstance(progression, bool) or callable(progression)):
        raise ErreurArgument(
            "progression", "un booléen ou une fonction (faits, total)", progression
        )
    refuser_au_demarrage(processus)
    utiles = processus_utiles(processus, _profils_estimes(enseignants), coeurs())
    caviarder = not inclure_confidentiel  # là où les résumés sont calculés
    calcul = Calcul(moteur, utiles, caviarder) if utiles > 1 else None
    lecture = Lecture(calcul)  # les profils lus sont confiés au fil de la lecture
    # des dizaines de milliers de lignes et de résumés gardés, aucun cycle : le ramasse-miettes
    # les parcourrait pour rien (voir recommandeur._recommandation.ramasse_miettes)
    with ramasse_miettes_suspendu():
        interrompu = True
        try:
            effectifs, nommes = charger_avec_mentors(
                enseignants, ecoles, mentors, moteur, lecture.recevoir
            )
            resumes = resumes_des_effectifs(
                effectifs, lecture, moteur, calcul, progression, caviarder
            )
            conventions = {
                "taille_max_groupe": taille_max_groupe,
                "mentores_par_mentor": mentores_par_mentor,
                "taille_max_cohorte": taille_max_cohorte,
            }
            # l'attribution de l'appariement : dans le processus de calcul, pendant le plan
            ailleurs = None if calcul is None else calcul.ailleurs
            plan = _plan(effectifs, resumes, moteur, conventions, journal, nommes, ailleurs)
            interrompu = False
        finally:
            if calcul is not None:
                calcul.fermer(interrompu)
        plan = plan.model_copy(update={"calendrier": calendrier, "date_du_plan": date})
        return marquer(plan, moteur.catalogue, inclure_confidentiel=inclure_confidentiel)


def _profils_estimes(source: Source) -> int:
    """Les profils qu'annoncent les effectifs, avant de les lire (pour démarrer d'avance les
    processus de calcul) : les lignes d'un CSV, sinon d'après la taille du fichier, ou le
    nombre de lignes données."""
    if isinstance(source, str | Path):
        chemin = Path(source)
        if chemin.suffix.lower() == ".csv":
            # le lecteur de tous les fichiers : un tube, un périphérique ne sont pas lus, un
            # fichier que la lecture des effectifs refuserait (trop grand) non plus
            octets = lire_octets(chemin, TAILLE_MAX)
            if isinstance(octets, bytes):  # une ligne par personne, l'en-tête en plus
                return max(0, octets.count(b"\n") - 1)
        try:  # un tube, un périphérique : une taille nulle
            return os.stat(chemin).st_size // OCTETS_PAR_PROFIL
        except (OSError, ValueError):
            return 0
    return len(source) if isinstance(source, Sequence) else 0


def _plan(
    effectifs: Effectifs,
    resumes: dict[str, Resume],
    moteur: Moteur,
    conventions: dict[str, int],
    journal: Journal | None = None,
    mentors: tuple[Mentor, ...] | None = None,
    ailleurs: Ailleurs | None = None,
) -> Plan:
    catalogue = moteur.catalogue
    suite = [(e.id, e.ecole, resumes[e.id]) for e in effectifs.enseignants]
    heures_groupe = {m: h.par_groupe for m, h in catalogue.heures.items() if h.par_groupe}
    regions = {e.id: e.region for e in effectifs.ecoles if e.region}
    groupes, affectation = grouper(
        suite,
        catalogue,
        heures_groupe,
        conventions["taille_max_groupe"],
        conventions["taille_max_cohorte"],
        regions,
    )
    mentores_par_mentor = conventions["mentores_par_mentor"]
    lance = lancer_l_appariement(
        effectifs, resumes, suite, affectation, mentors, catalogue, mentores_par_mentor, ailleurs
    )
    par_ecole: dict[str, list[Resume]] = defaultdict(list)
    for _, ecole, resume in suite:
        par_ecole[ecole].append(resume)
    calibrage = calibrage_du_centre(
        effectifs.ecoles,
        [
            (
                e.ecole,
                PeriodeInsertion(resumes[e.id].periode).en_insertion,
                e.profil.affectation.adaptation_scolaire is True,
            )
            for e in effectifs.enseignants
        ],
        moteur.base,
        moteur.parametres_de_la_surcouche,
    )
    recommandations = {r.id: tuple(m for m, _ in r.recommandations) for r in moteur.regles}
    modeles = modeles_des_ecoles(effectifs.ecoles, par_ecole)
    groupes = [
        g.model_copy(update={"liee_a": modeles[g.ecole].liee_a})
        if g.ecole in modeles and modeles[g.ecole].liee_a and g.acteur in COLLEGUES
        else g
        for g in groupes
    ]
    plans = plans_des_ecoles(
        ecoles_selon_les_mentors(effectifs.ecoles, mentors),
        par_ecole,
        groupes,
        catalogue,
        mentores_par_mentor,
        Ciblage(calibrage, recommandations),
        modeles,
    )
    groupes_de: dict[str, list[str]] = defaultdict(list)
    for (enseignant, _), gid in affectation.items():
        groupes_de[enseignant].append(gid)
    charges_ = charges(suite, groupes, affectation, catalogue)
    # ce qui ne dépend pas de l'appariement d'abord : son attribution, calculée dans un
    # processus de calcul pendant ce temps, est attendue le plus tard possible
    enseignants = [
        PlanEnseignant.model_construct(
            enseignant=i,
            ecole=ecole,
            periode=PeriodeInsertion(resume.periode),
            prioritaires=list(resume.prioritaires),
            nb_offres=len(resume.offres),
            groupes=sorted(groupes_de.get(i, []), key=lambda g: int(g[1:])),
        )
        for i, ecole, resume in suite
    ]
    portrait_, bilan_ = portrait(effectifs), bilan(effectifs, resumes, catalogue, journal)
    mesures = _mesures_nommees(suite, catalogue)
    appariement, capacite, alertes = mentorat_du_plan(
        effectifs, lance, charges_, mentors, catalogue
    )
    return Plan.model_construct(
        version_catalogue=moteur.version_catalogue,
        version_regles=moteur.version_regles,
        portrait=portrait_,
        groupes=groupes,
        ecoles=plans,
        charges=charges_,
        bilan=bilan_,
        alertes=_alertes_du_centre(plans, suite, catalogue, alertes),
        enseignants=enseignants,
        parametres=dict(conventions),
        mesures=mesures,
        calibrage=calibrage,
        appariement=appariement,
        capacite=capacite,
    )


def _mesures_nommees(suite: list[tuple[str, str, Resume]], catalogue: Catalogue) -> dict[str, str]:
    """Le libellé de chaque mesure offerte ou d'action recommandée dans le plan."""
    nommees = {o.mesure for _, _, r in suite for o in r.offres}
    nommees |= {a.mesure for _, _, r in suite for a in r.actions}
    return {m.id: m.libelle for m in catalogue.mesures if m.id in nommees}


def _alertes_du_centre(
    plans: list[PlanEcole],
    suite: list[tuple[str, str, Resume]],
    catalogue: Catalogue,
    mentorat: Sequence[Alerte] = (),
) -> list[Alerte]:
    """Les alertes des écoles sur leurs personnes mentores, celles de l'appariement et des
    heures, puis les présences à confirmer."""
    alertes = [a for p in plans for a in p.alertes if a.genre != "a_confirmer"]
    alertes += mentorat
    qui = a_confirmer((r for _, _, r in suite), catalogue, par_frequence=True)
    if qui:
        alertes.append(
            Alerte.model_construct(
                genre="a_confirmer",
                ecole=None,
                message=f"présence à confirmer auprès des écoles pour des offres : {qui}",
            )
        )
    return alertes
