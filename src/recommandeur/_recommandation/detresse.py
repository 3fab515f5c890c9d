"""En période de détresse : peu d'offres, un seul professionnel à confirmer, le reste attend.

Une personne en détresse reçoit des offres courtes et calmes : au plus :data:`OFFRES_EN_DETRESSE`
offres, les suivantes différées (« à reprendre quand ça ira mieux ») ; jamais deux offres
portées par la même personne à confirmer (un professionnel qu'on ne sait pas présent est
proposé une fois, avec son autre possibilité à distance). 002 (niveau 3) : « possibility of
speaking to a neutral person », « support by a professional », « online support from a
professional » sont une même porte d'entrée quand personne n'est sur place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .._vocabulaire import Niveau, Presence
from .decisions import Decision
from .modeles import GenreEcart
from .motifs import Fiche

#: Le nombre maximal d'offres montrées à une personne qui a des signaux de détresse (un choix du
#: catalogue, hors des documents sources : assez pour une personne neutre, un professionnel, la
#: personne mentore, l'accueil et un besoin élevé).
OFFRES_EN_DETRESSE = 6

_EN_LETTRES = {3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit"}


def alleger(
    ordre: Sequence[str],
    retenues: Mapping[str, Decision],
    libelles: Mapping[str, str],
    universelles: frozenset[str] = frozenset(),
    maximum: int = OFFRES_EN_DETRESSE,
    quotidiennes: frozenset[str] = frozenset(),
    deplacables: frozenset[str] = frozenset(),
    servis: Mapping[str, frozenset[str]] | None = None,
) -> tuple[list[str], list[tuple[str, GenreEcart, str]]]:
    """Les offres gardées, dans l'ordre, et celles qui sont retirées : (mesure, genre, raison).

    Une offre portée « à confirmer » par un acteur (ou dont les autres possibles à confirmer)
    déjà proposé à confirmer par une offre mieux classée est regroupée avec elle ; au-delà de
    ``maximum`` offres, les suivantes sont différées. Une offre individuelle portée par une
    personne présente qui porte déjà une offre individuelle mieux classée est regroupée avec elle
    quand elle ne sert aucun autre besoin de la personne (``servis`` : les besoins de la personne
    que sert chaque offre) : une même personne, une entrée. Parmi les gardées reste au moins une offre
    ``universelles`` s'il y en a une (le programme de tous : quelqu'un du milieu au quotidien) :
    la mieux classée remplace la dernière gardée. Une offre ``quotidiennes`` portée par une
    personne présente (la consultation brève, la plus légère) passe avant le travail en classe
    et les autres offres non prioritaires (``deplacables``) : différée, elle prend la place de la dernière
    offre déplaçable gardée (voir aussi :func:`la_breve_en_tete`).

    >>> from types import SimpleNamespace as N
    >>> d = N(choix=N(presence=Presence.PRESENT, intervenant=None, alternatives=()))
    >>> ordre = ["neutre", "classe", "breve"]
    >>> alleger(ordre, dict.fromkeys(ordre, d), {}, maximum=2,
    ...         quotidiennes=frozenset({"breve"}), deplacables=frozenset({"classe"}))[0]
    ['neutre', 'breve']
    """
    gardees: list[str] = []
    retirees: list[tuple[str, GenreEcart, str]] = []
    deja: dict[str, str] = {}
    for mid in ordre:
        choix = retenues[mid].choix
        famille: set[str] = set()
        if choix.presence is Presence.INCONNUE and choix.intervenant is not None:
            famille = {choix.intervenant.acteur, *choix.alternatives}
        commun = sorted(famille & set(deja))
        meme = _meme_personne_presente(mid, gardees, retenues, servis)
        if meme is not None:
            retirees.append(
                (
                    mid,
                    "regroupee",
                    "regroupée : la même personne, présente, porte déjà une offre mieux placée "
                    f"pour les mêmes besoins ({libelles[meme]})",
                )
            )
            continue
        if commun:
            retirees.append(
                (
                    mid,
                    "regroupee",
                    "regroupée : la même personne, à confirmer, porte déjà une offre mieux "
                    f"placée ({libelles[deja[commun[0]]]})",
                )
            )
            continue
        if len(gardees) >= maximum:
            retirees.append(
                (
                    mid,
                    "differee",
                    f"différée : en période de détresse, {_EN_LETTRES.get(maximum, maximum)} "
                    "offres au plus à la fois ; à reprendre quand ça ira mieux",
                )
            )
            continue
        gardees.append(mid)
        for acteur in famille:
            deja.setdefault(acteur, mid)
    _la_breve_avant_les_autres(gardees, retirees, retenues, quotidiennes, deplacables)
    if gardees and not set(gardees) & universelles:
        differees = [r for r in retirees if r[1] == "differee" and r[0] in universelles]
        if differees:
            retirees.remove(differees[0])
            retirees.append((gardees.pop(), *differees[0][1:]))
            gardees.append(differees[0][0])
    return gardees, retirees


def _meme_personne_presente(
    mid: str,
    gardees: Sequence[str],
    retenues: Mapping[str, Decision],
    servis: Mapping[str, frozenset[str]] | None,
) -> str | None:
    """L'offre individuelle gardée de la même personne présente qui sert déjà les besoins de ``mid``."""
    if servis is None or mid not in servis:
        return None
    choix = retenues[mid].choix
    if choix.presence is not Presence.PRESENT or choix.intervenant is None:
        return None
    for autre in gardees:
        porte = retenues[autre].choix
        if (
            autre in servis
            and porte.presence is Presence.PRESENT
            and porte.intervenant is not None
            and porte.intervenant.acteur == choix.intervenant.acteur
            and servis[mid] <= servis[autre]
        ):
            return autre
    return None


def _la_breve_avant_les_autres(
    gardees: list[str],
    retirees: list[tuple[str, GenreEcart, str]],
    retenues: Mapping[str, Decision],
    quotidiennes: frozenset[str],
    deplacables: frozenset[str],
) -> None:
    """L'offre au quotidien d'une personne présente, différée, prend la place d'une offre non prioritaire.

    La dernière offre ``deplacables`` gardée (jamais une prioritaire) est différée à sa place ;
    l'offre au quotidien vient en dernier.
    """
    differee = next(
        (
            r
            for r in retirees
            if r[1] == "differee"
            and r[0] in quotidiennes
            and retenues[r[0]].choix.presence is Presence.PRESENT
        ),
        None,
    )
    classe = [m for m in gardees if m in deplacables]
    if differee is None or not classe:
        return
    retirees.remove(differee)
    gardees.remove(classe[-1])
    retirees.append((classe[-1], *differee[1:]))
    gardees.append(differee[0])


def la_breve_en_tete(
    ordre: Sequence[str],
    nb_prioritaires: int,
    quotidiennes: frozenset[str],
    maximum: int,
) -> tuple[list[str], int]:
    """En détresse, l'offre au quotidien d'une personne présente passe devant les autres offres.

    Elle vient juste après les prioritaires et les rejoint, en dernier, s'il en reste une place
    (au plus ``maximum``) : la plus légère et la plus rassurante passe avant le travail en
    classe, les offres ciblées et le reste, quel que soit l'ordre d'enseignement.

    >>> la_breve_en_tete(["n", "c", "b"], 1, frozenset({"b"}), 5)
    (['n', 'b', 'c'], 2)
    >>> la_breve_en_tete(["n", "m", "c", "b"], 2, frozenset({"b"}), 2)
    (['n', 'm', 'b', 'c'], 2)
    """
    suite = list(ordre[nb_prioritaires:])
    breve = next((i for i, m in enumerate(suite) if m in quotidiennes), None)
    if breve is None:
        return list(ordre), nb_prioritaires
    tete = [*ordre[:nb_prioritaires], suite.pop(breve)]
    place = nb_prioritaires < maximum
    return tete + suite, nb_prioritaires + place


def en_detresse(
    ordre: Sequence[str],
    nb_prioritaires: int,
    retenues: Mapping[str, Decision],
    f: Fiche,
    besoins: frozenset[str],
    prioritaires: int,
) -> tuple[list[str], int, list[tuple[str, GenreEcart, str]]]:
    """L'ordre des offres d'une personne en détresse, ses prioritaires et les offres retirées.

    La consultation au quotidien d'une personne présente passe devant (:func:`la_breve_en_tete`),
    puis la liste est allégée (:func:`alleger`) ; une place libérée parmi les prioritaires lui
    revient. ``besoins`` : les besoins déclarés de la personne.
    """
    presentes = {m for m in ordre if retenues[m].choix.presence is Presence.PRESENT}
    legeres = frozenset(m for m in presentes if f.mesures[m].frequence == "au quotidien")
    ordre, nb_prioritaires = la_breve_en_tete(ordre, nb_prioritaires, legeres, prioritaires)
    tete = set(ordre[:nb_prioritaires])
    individuelles = {m for m in ordre if f.mesures[m].niveau is Niveau.INDIVIDUEL}
    ordre, retirees = alleger(
        ordre,
        retenues,
        {m: f.mesures[m].libelle for m in ordre},
        frozenset(m for m in ordre if f.rang_niveau[m] == 0),
        quotidiennes=legeres,
        deplacables=frozenset(ordre) - tete - legeres,
        servis={
            m: frozenset(b.value for b in f.mesures[m].besoins) & besoins for m in individuelles
        },
    )
    nb_prioritaires = sum(m in tete for m in ordre)
    ordre, nb_prioritaires = la_breve_en_tete(ordre, nb_prioritaires, legeres, prioritaires)
    return ordre, nb_prioritaires, retirees
