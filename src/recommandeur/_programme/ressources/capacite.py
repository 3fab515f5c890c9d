"""La capacité et le coût du programme : heures demandées et disponibles, ETP par rôle, coûts.

Les chiffres viennent de ``catalogue/capacite.toml`` (``[[capacite]]``, ``[[heures]]``),
chacun avec son origine, que la surcouche du centre remplace. Pour chaque personne mentore
nommée : ses heures libérées (sa part de libération × les heures d'un ETP) et les heures des
offres que portent ses mentorés ; par rôle : les heures demandées, en ETP, et disponibles là
où on les connaît (les personnes mentores) ; les coûts : libération et compensation des
personnes mentores, suivi des PANE en cohortes (003), heures des professionnels.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..._catalogue.modeles import Catalogue
from ..calcul.resume import Resume
from ..donnees.ecoles import EcoleDuCentre
from ..donnees.mentors import Mentor
from ..jumelage.appariement import Resultat
from ..jumelage.modeles_mentorat import ChargeMentor, depasse_ses_heures
from ..modeles import Alerte, Charge

#: Les intervenants que porte une personne mentore nommée.
ACTEURS_MENTORS = ("mentor", "mentor_autre_ecole")


def nombre_fr(x: float, decimales: int = 0) -> str:
    """Un nombre à la française : espace fine insécable des milliers, virgule décimale.

    >>> nombre_fr(1280), nombre_fr(92160.5, 1), nombre_fr(0.75, 2)
    ('1\\u202f280', '92\\u202f160,5', '0,75')
    """
    texte = f"{x:,.{decimales}f}".replace(",", "\u202f").replace(".", ",")
    return texte


def valeur(catalogue: Catalogue, ident: str) -> float | None:
    parametre = catalogue.capacite.get(ident)
    return None if parametre is None else parametre.valeur


def liberation(mentor: Mentor, catalogue: Catalogue) -> float | None:
    """La part libérée d'une personne mentore : la sienne, sinon celle du catalogue."""
    return (
        mentor.liberation
        if mentor.liberation is not None
        else valeur(catalogue, "liberation_mentor")
    )


def capacites_des_mentors(
    mentors: Iterable[Mentor],
    catalogue: Catalogue,
    mentores_par_mentor: int,
    par_mentore: float | None = None,
) -> dict[str, tuple[int, str]]:
    """La capacité de chaque personne mentore et son origine (``fichier``, ``heures``, ``convention``).

    Sans capacité dans le fichier : ses heures libérées divisées par ``par_mentore`` (les
    heures qu'un mentoré demande en moyenne à sa personne mentore : le mentorat et les autres
    offres qu'elle porte), sinon par les heures du mentorat (``[[heures]] mentorat``) ; sans
    heures connues : ``mentores_par_mentor``.

    >>> from recommandeur import charger_catalogue
    >>> from recommandeur._programme.donnees.mentors import Mentor
    >>> ms = [Mentor(id="M1", ecole="a"), Mentor(id="M2", ecole="a", liberation=0.5),
    ...       Mentor(id="M3", ecole="a", capacite=3)]
    >>> capacites_des_mentors(ms, charger_catalogue(), 15)  # 256 h ÷ 18 h, 640 h ÷ 18 h
    {'M1': (14, 'heures'), 'M2': (35, 'heures'), 'M3': (3, 'fichier')}
    """
    mentorat = catalogue.heures.get("mentorat")
    heures = par_mentore or (mentorat.par_personne if mentorat is not None else None)
    par_etp = valeur(catalogue, "heures_par_etp")
    resultat = {}
    for m in mentors:
        part = liberation(m, catalogue)
        if m.capacite is not None:
            resultat[m.id] = (m.capacite, "fichier")
        elif heures and part is not None and par_etp:
            resultat[m.id] = (math.floor(part * par_etp / heures + 1e-9), "heures")
        else:
            resultat[m.id] = (mentores_par_mentor, "convention")
    return resultat


@dataclass
class LectureDesOffres:
    """Ce que la capacité et l'appariement lisent des offres, en un passage."""

    #: Par personne : les heures des offres individuelles que porte sa personne mentore.
    heures: dict[str, float]
    #: Par intervenant : les offres individuelles dont la mesure n'a pas d'heures connues.
    sans_heures: Counter[str]
    #: Les personnes à qui le mentorat est offert par une personne mentore, et leur rang
    #: (0 : le mentorat parmi leurs offres à faire d'abord ; 1 : sinon).
    mentorat: dict[str, int]


def lire_offres(
    suite: Iterable[tuple[str, str, Resume]],
    affectation: Mapping[tuple[str, str], str],
    catalogue: Catalogue,
) -> LectureDesOffres:
    """Les offres lues une fois par résumé distinct (des personnes de même profil partagent
    le leur) ; seules les offres qui peuvent se faire en groupe sont revues par personne."""
    heures = catalogue.heures
    mentorat = {m.id for m in catalogue.mesures if m.mentorat}
    # chaque offre distincte (partagée entre les résumés) est jugée une fois : son genre (0 :
    # individuelle sans heures ; 1 : individuelle portée par la personne mentore ; 2 : autre
    # individuelle ; 3 : groupable), ses heures, et si c'est le mentorat d'une personne mentore
    jugees: dict[int, tuple[int, float, bool]] = {}
    nb_sans: Counter[str] = Counter()
    lecture = LectureDesOffres({}, Counter(), {})
    for enseignant, _, resume in suite:
        portees = 0.0
        offert = False
        for o in resume.offres:
            jugee = jugees.get(id(o))
            if jugee is None:
                h = heures.get(o.mesure)
                par_personne = h.par_personne if h is not None else None
                par_mentor = o.acteur in ACTEURS_MENTORS
                genre = (
                    3
                    if o.groupe is not None
                    else 0
                    if par_personne is None
                    else 1
                    if par_mentor
                    else 2
                )
                jugee = jugees[id(o)] = (
                    genre,
                    par_personne or 0.0,
                    par_mentor and o.mesure in mentorat,
                )
            genre, par_personne, de_mentorat = jugee
            offert = offert or de_mentorat
            if genre == 1:
                portees += par_personne
            elif genre == 0:
                nb_sans[o.acteur] += 1
            elif genre == 3 and (enseignant, o.mesure) not in affectation:
                if not par_personne:
                    nb_sans[o.acteur] += 1
                elif o.acteur in ACTEURS_MENTORS:
                    portees += par_personne
        lecture.heures[enseignant] = portees
        if offert:
            lecture.mentorat[enseignant] = (
                0 if any(p in mentorat for p in resume.prioritaires) else 1
            )
    lecture.sans_heures.update(nb_sans)
    return lecture


def charges_des_mentors(
    mentors: Sequence[Mentor],
    resultat: Resultat,
    capacites: Mapping[str, tuple[int, str]],
    heures: Mapping[str, float],
    catalogue: Catalogue,
) -> list[ChargeMentor]:
    """Une ligne par personne mentore nommée, dans l'ordre du fichier."""
    par_etp = valeur(catalogue, "heures_par_etp") or 0.0
    lignes = []
    for m in mentors:
        mentores = resultat.mentores.get(m.id, [])
        part = liberation(m, catalogue) or 0.0
        lignes.append(
            ChargeMentor.model_construct(
                mentor=m.id,
                ecole=m.ecole,
                autres_ecoles=list(m.autres_ecoles),
                mentores=mentores,
                capacite=capacites[m.id][0],
                origine_capacite=capacites[m.id][1],
                liberation=part,
                heures_disponibles=round(part * par_etp, 2),
                heures_demandees=round(sum(heures.get(e, 0.0) for e in mentores), 2),
            )
        )
    return lignes


def _moyenne(depasses: Sequence[ChargeMentor]) -> str:
    """Ce qui explique un dépassement malgré la capacité : celle calculée sur les heures
    moyennes d'un mentoré, que les mentorés réels dépassent."""
    n = sum(m.origine_capacite == "heures" for m in depasses)
    if not n:
        return ""
    return (
        f" (pour {n}, la capacité est calculée sur les heures moyennes d'un mentoré : "
        "leurs mentorés en demandent davantage)"
    )


def alertes_de_capacite(
    mentors: Sequence[ChargeMentor] | None,
    charges: Sequence[Charge],
    ecoles: Sequence[EcoleDuCentre],
    catalogue: Catalogue,
) -> list[Alerte]:
    """Là où les heures demandées dépassent les heures disponibles des personnes mentores."""
    alertes = []
    if mentors is not None:
        depasses = sorted(
            (m for m in mentors if depasse_ses_heures(m)),
            key=lambda m: (m.heures_disponibles - (m.heures_demandees or 0.0), m.mentor),
        )
        if depasses:
            pires = ", ".join(
                f"{m.mentor} ({nombre_fr(m.heures_demandees or 0)} h pour "
                f"{nombre_fr(m.heures_disponibles)} h)"
                for m in depasses[:5]
            )
            alertes.append(
                Alerte.model_construct(
                    genre="heures_depassees",
                    ecole=None,
                    message=f"{len(depasses)} personne(s) mentore(s) avec plus d'heures demandées "
                    f"par leurs mentorés que d'heures libérées : {pires}"
                    f"{' …' if len(depasses) > 5 else ''}{_moyenne(depasses)} ; augmenter leur "
                    "libération ou confier une partie de leurs mentorés à une autre personne "
                    "mentore",
                )
            )
        return alertes
    part = valeur(catalogue, "liberation_mentor")
    par_etp = valeur(catalogue, "heures_par_etp")
    if part is None or par_etp is None:
        return alertes
    par_ecole: dict[str | None, float] = defaultdict(float)
    for c in charges:
        if c.acteur == "mentor" and c.heures is not None:
            par_ecole[c.ecole] += c.heures
    for e in ecoles:
        if e.mentors and par_ecole.get(e.id, 0.0) > e.mentors * part * par_etp:
            alertes.append(
                Alerte.model_construct(
                    genre="heures_depassees",
                    ecole=e.id,
                    message=f"{nombre_fr(par_ecole[e.id])} h demandées aux personnes mentores pour "
                    f"{nombre_fr(e.mentors * part * par_etp)} h libérées ({e.mentors} personne(s) "
                    f"mentore(s) à {nombre_fr(part * 100)} % de la tâche) : libérer davantage",
                )
            )
    return alertes
