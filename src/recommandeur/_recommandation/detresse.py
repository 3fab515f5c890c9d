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

from .._vocabulaire import Presence
from .decisions import Decision
from .modeles import GenreEcart

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
    en_classe: frozenset[str] = frozenset(),
) -> tuple[list[str], list[tuple[str, GenreEcart, str]]]:
    """Les offres gardées, dans l'ordre, et celles qui sont retirées : (mesure, genre, raison).

    Une offre portée « à confirmer » par un acteur (ou dont les autres possibles à confirmer)
    déjà proposé à confirmer par une offre mieux classée est regroupée avec elle ; au-delà de
    ``maximum`` offres, les suivantes sont différées. Parmi les gardées reste au moins une offre
    ``universelles`` s'il y en a une (le programme de tous : quelqu'un du milieu au quotidien) :
    la mieux classée remplace la dernière gardée. Une offre ``quotidiennes`` portée par une
    personne présente (la consultation brève, la plus légère) passe avant le travail en classe
    qui n'est pas prioritaire (``en_classe``) : différée, elle prend la place de la dernière
    offre en classe gardée (voir aussi :func:`la_breve_en_tete`).

    >>> from types import SimpleNamespace as N
    >>> d = N(choix=N(presence=Presence.PRESENT, intervenant=None, alternatives=()))
    >>> ordre = ["neutre", "classe", "breve"]
    >>> alleger(ordre, dict.fromkeys(ordre, d), {}, maximum=2,
    ...         quotidiennes=frozenset({"breve"}), en_classe=frozenset({"classe"}))[0]
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
    _la_breve_avant_la_classe(gardees, retirees, retenues, quotidiennes, en_classe)
    if gardees and not set(gardees) & universelles:
        differees = [r for r in retirees if r[1] == "differee" and r[0] in universelles]
        if differees:
            retirees.remove(differees[0])
            retirees.append((gardees.pop(), *differees[0][1:]))
            gardees.append(differees[0][0])
    return gardees, retirees


def _la_breve_avant_la_classe(
    gardees: list[str],
    retirees: list[tuple[str, GenreEcart, str]],
    retenues: Mapping[str, Decision],
    quotidiennes: frozenset[str],
    en_classe: frozenset[str],
) -> None:
    """L'offre au quotidien d'une personne présente, différée, prend la place du travail en classe.

    La dernière offre en classe gardée (``en_classe`` ne contient pas les prioritaires) est
    différée à sa place ; l'offre au quotidien vient en dernier (son score est le plus bas).
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
    classe = [m for m in gardees if m in en_classe]
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
    en_classe: frozenset[str],
    maximum: int,
) -> tuple[list[str], int]:
    """En détresse, l'offre au quotidien d'une personne présente devient prioritaire.

    Quand elle viendrait après du travail en classe non prioritaire (``en_classe``), elle rejoint
    les prioritaires, en dernier, s'il en reste une place (au plus ``maximum``) : la plus légère
    et la plus rassurante passe avant le travail en classe.

    >>> la_breve_en_tete(["n", "c", "b"], 1, frozenset({"b"}), frozenset({"c"}), 5)
    (['n', 'b', 'c'], 2)
    >>> la_breve_en_tete(["n", "b", "c"], 1, frozenset({"b"}), frozenset({"c"}), 5)
    (['n', 'b', 'c'], 1)
    """
    suite = list(ordre[nb_prioritaires:])
    classe = next((i for i, m in enumerate(suite) if m in en_classe), None)
    breve = next((i for i, m in enumerate(suite) if m in quotidiennes), None)
    if nb_prioritaires >= maximum or classe is None or breve is None or breve < classe:
        return list(ordre), nb_prioritaires
    tete = [*ordre[:nb_prioritaires], suite.pop(breve)]
    return tete + suite, nb_prioritaires + 1
