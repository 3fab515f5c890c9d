"""L'appariement : chaque personne à qui le mentorat est offert reçoit une personne mentore nommée.

La politique est dite dans ``docs/programme.md`` (« L'appariement ») : une personne mentore
de l'école ou qui y intervient aussi (003 : « Le mentor doit être issu du milieu. Il doit
être connu et présent. »), jamais au-delà de sa capacité ; le plus de personnes appariées
possible, les prioritaires d'abord ; puis le même bâtiment, la même école, la continuité, le
même ordre, la même matière, et à égalité la charge la plus égale ; jamais la personne
mentore d'un mentorat resté sans effet. Un flot de coût minimal (networkx) sur des classes de
personnes interchangeables, par composante ; tout est trié par identifiant avant le calcul.
Ce calcul (:func:`attribuer`) ne rend que l'identifiant de chaque personne mentore attribuée :
``planifier`` le découpe en morceaux de composantes entières (:func:`morceaux`), que le
processus de calcul prend pendant que le plan se construit et dont ce processus-ci calcule le
reste ; :func:`apparier` en écrit les paires et les raisons (:mod:`.raisons_paires`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from ..donnees.identifiants import cle
from ..donnees.mentors import Mentor
from .criteres import TRANCHES, Demande, cle_classe, cout, exclu
from .modeles_mentorat import NonApparie, Paire
from .raisons_paires import pourquoi_sans_mentor, raisons_de_la_paire


@dataclass
class Resultat:
    """Les paires, les personnes non appariées et les mentorés de chaque personne mentore."""

    paires: list[Paire]
    non_apparies: list[NonApparie]
    mentores: dict[str, list[str]]


def apparier(
    demandes: Sequence[Demande],
    mentors: Sequence[Mentor],
    capacites: Mapping[str, int],
    noms: Mapping[str, str] | None = None,
    attribues: Mapping[str, str] | None = None,
) -> Resultat:
    """Apparie chaque demande à une personne mentore (voir la politique du module).

    ``capacites`` : identifiant de la personne mentore → personnes qu'elle accompagne au plus.
    ``noms`` : le nom de chaque école, pour les raisons. ``attribues`` : ce qu'a rendu
    :func:`attribuer` pour ces demandes (ailleurs, dans un processus de calcul), sinon calculé.

    >>> ms = [Mentor(id="M1", ecole="a", batiment="1"), Mentor(id="M2", ecole="a", batiment="2")]
    >>> r = apparier([Demande("e1", "a", "primaire", batiment="2"),
    ...               Demande("e2", "a", "primaire", precedent="M2", echec=True)],
    ...              ms, {"M1": 1, "M2": 1})
    >>> [(p.enseignant, p.mentor) for p in r.paires]
    [('e1', 'M2'), ('e2', 'M1')]
    >>> r.paires[1].raisons[-1]
    'une autre personne mentore que M2, avec qui le mentorat est resté sans effet'
    """
    noms = noms or {}
    demandes = sorted(demandes, key=lambda d: (cle(d.enseignant), d.enseignant))
    mentors = sorted(mentors, key=lambda m: (cle(m.id), m.id))
    servant = _servant(mentors)
    if attribues is None:
        attribues = attribuer(demandes, mentors, capacites)
    par_id = {m.id: m for m in mentors}
    mentores: dict[str, list[str]] = {m.id: [] for m in mentors}
    for d in demandes:
        if d.enseignant in attribues:
            mentores[attribues[d.enseignant]].append(d.enseignant)
    paires: list[Paire] = []
    non_apparies: list[NonApparie] = []
    # les raisons d'un même profil (et de sa personne mentore) sont écrites une fois
    pourquoi: dict[tuple[object, ...], tuple[str, str]] = {}
    raisons: dict[tuple[object, ...], list[str]] = {}
    for d in demandes:
        ident = attribues.get(d.enseignant)
        if ident is None:
            profil = cle_classe(d)
            if profil not in pourquoi:
                pourquoi[profil] = pourquoi_sans_mentor(d, servant, mentores, capacites)
            motif, raison = pourquoi[profil]
            non_apparies.append(
                NonApparie.model_construct(
                    enseignant=d.enseignant, ecole=d.ecole, raison=raison, motif=motif
                )
            )
            continue
        trouvee = par_id[ident]
        profil = (*cle_classe(d), trouvee.id)
        if profil not in raisons:
            raisons[profil] = raisons_de_la_paire(d, trouvee, servant, mentores, capacites, noms)
        paires.append(
            Paire.model_construct(
                enseignant=d.enseignant,
                ecole=d.ecole,
                mentor=trouvee.id,
                ecole_mentor=trouvee.ecole,
                raisons=list(raisons[profil]),
            )
        )
    return Resultat(paires, non_apparies, mentores)


def _servant(mentors: Sequence[Mentor]) -> dict[str, list[Mentor]]:
    """Les personnes mentores de chaque école (la principale et les autres), dans l'ordre."""
    servant: dict[str, list[Mentor]] = defaultdict(list)
    for m in mentors:
        for ecole in m.ecoles:
            servant[ecole].append(m)
    return servant


def attribuer(
    demandes: Sequence[Demande], mentors: Sequence[Mentor], capacites: Mapping[str, int]
) -> dict[str, str]:
    """Le calcul de l'appariement (classes, composantes, flots) : l'identifiant de la personne
    mentore de chaque demande appariée. ``planifier`` le fait faire par un processus de calcul
    pendant qu'il construit le reste du plan.

    >>> ms = [Mentor(id="M1", ecole="a"), Mentor(id="M2", ecole="b")]
    >>> attribuer([Demande("e1", "a", "primaire"), Demande("e2", "a", "primaire"),
    ...            Demande("e3", "c", "primaire")], ms, {"M1": 1, "M2": 1})
    {'e1': 'M1'}
    """
    triees = sorted(demandes, key=lambda d: (cle(d.enseignant), d.enseignant))
    mentors = sorted(mentors, key=lambda m: (cle(m.id), m.id))
    servant = _servant(mentors)
    profils: dict[tuple[object, ...], list[Demande]] = {}
    for d in triees:
        profils.setdefault(cle_classe(d), []).append(d)
    # des classes interchangeables : les mêmes personnes mentores possibles, aux mêmes coûts
    classes: dict[tuple[str, tuple[tuple[str, int], ...]], list[Demande]] = {}
    for membres in profils.values():
        d = membres[0]
        couts = tuple((m.id, cout(d, m)) for m in servant.get(d.ecole, ()) if not exclu(d, m))
        classes.setdefault((d.ecole, couts), []).extend(membres)
    # les composantes : écoles reliées par une personne mentore commune
    liens = nx.utils.UnionFind()
    for m in mentors:
        liens.union(*(("ecole", e) for e in m.ecoles))
    composantes: dict[object, list[list[Demande]]] = defaultdict(list)
    for (ecole, possibles), membres in classes.items():
        if possibles:
            membres.sort(key=lambda d: (cle(d.enseignant), d.enseignant))
            composantes[liens[("ecole", ecole)]].append(membres)
    attribues: dict[str, str] = {}
    for groupe in composantes.values():
        attribues.update((e, m.id) for e, m in _composante(groupe, servant, capacites).items())
    return attribues


#: Un morceau de l'appariement : les arguments de :func:`attribuer` pour des composantes entières.
Morceau = tuple[list[Demande], list[Mentor], dict[str, int]]
#: Les morceaux de l'attribution (un processus de calcul en prend le plus possible pendant que
#: ce processus-ci construit le plan ; ce processus-ci calcule les autres quand il la lit).
MORCEAUX = 16


def morceaux(
    demandes: Sequence[Demande],
    mentors: Sequence[Mentor],
    capacites: Mapping[str, int],
    nombre: int = MORCEAUX,
) -> list[Morceau]:
    """L'appariement en au plus ``nombre`` morceaux de poids voisins, faits de composantes
    entières (écoles reliées par une personne mentore commune ; le poids : les demandes) :
    chaque composante est calculée seule, l'union des :func:`attribuer` des morceaux est donc
    celle de toutes les demandes. Une demande qu'aucune personne mentore ne sert est laissée.

    >>> ms = [Mentor(id="M1", ecole="a", autres_ecoles=("b",)), Mentor(id="M2", ecole="c"),
    ...       Mentor(id="M3", ecole="z")]
    >>> ds = [Demande("e1", "a", "primaire"), Demande("e2", "c", "primaire"),
    ...       Demande("e3", "b", "primaire"), Demande("e4", "d", "primaire")]
    >>> parts = morceaux(ds, ms, {"M1": 2, "M2": 1, "M3": 4}, 2)
    >>> [([d.enseignant for d in m[0]], m[2]) for m in parts]
    [(['e1', 'e3'], {'M1': 2}), (['e2'], {'M2': 1})]
    """
    liens = nx.utils.UnionFind()
    for m in mentors:
        liens.union(*(("ecole", ecole) for ecole in m.ecoles))
    composantes: dict[object, Morceau] = {}
    for m in mentors:
        composantes.setdefault(liens[("ecole", m.ecole)], ([], [], {}))[1].append(m)
    for d in demandes:
        if ("ecole", d.ecole) in liens.parents:
            composantes[liens[("ecole", d.ecole)]][0].append(d)
    # les plus lourdes d'abord, chacune dans le morceau le plus léger
    resultat: list[Morceau] = [([], [], {}) for _ in range(max(1, nombre))]
    for qui, servant, _ in sorted(composantes.values(), key=lambda c: -len(c[0])):
        if qui:
            leger = min(resultat, key=lambda m: len(m[0]))
            leger[0].extend(qui)
            leger[1].extend(servant)
            leger[2].update((m.id, capacites[m.id]) for m in servant)
    return [m for m in resultat if m[0]]


def reunir(lire: Callable[[], list[dict[str, str]]]) -> dict[str, str]:
    """L'attribution de toutes les demandes : celles des morceaux (lues par ``lire``) réunies.

    >>> reunir(lambda: [{"e1": "M1"}, {"e2": "M2"}])
    {'e1': 'M1', 'e2': 'M2'}
    """
    return {e: m for attribues in lire() for e, m in attribues.items()}


def _composante(
    groupe: list[list[Demande]], servant: Mapping[str, list[Mentor]], capacites: Mapping[str, int]
) -> dict[str, Mentor]:
    """Les personnes mentores attribuées aux demandes d'une composante."""
    candidats = [[m for m in servant[c[0].ecole] if not exclu(c[0], m)] for c in groupe]
    tous = {m.id: m for liste in candidats for m in liste}
    flots: list[list[tuple[Mentor, int]]]
    if not tous:
        return {}
    if len(tous) == 1:
        (seule,) = tous.values()
        reste = capacites[seule.id]
        ordre = sorted(
            (i for i, liste in enumerate(candidats) if liste),
            key=lambda i: cout(groupe[i][0], seule),
        )
        flots = [[] for _ in groupe]
        for i in ordre:
            n = min(reste, len(groupe[i]))
            if n:
                flots[i].append((seule, n))
                reste -= n
    else:
        flots = _flot(groupe, candidats, tous, capacites)
    attribues: dict[str, Mentor] = {}
    for membres, parts in zip(groupe, flots, strict=True):
        suivants = iter(membres)
        for m, n in parts:
            for _ in range(n):
                attribues[next(suivants).enseignant] = m
    return attribues


#: Le coût d'une personne sans place : plus que tout chemin (priorité, lieu, critères, tranche).
SANS_PLACE = 10**9


def _flot(
    groupe: list[list[Demande]],
    candidats: list[list[Mentor]],
    tous: Mapping[str, Mentor],
    capacites: Mapping[str, int],
) -> list[list[tuple[Mentor, int]]]:
    # un seul passage du simplexe des réseaux : toute la demande part de la source ; ce qui
    # ne trouve pas de place passe par l'arc « sans personne mentore », plus cher que tout
    # chemin : le coût minimal apparie donc d'abord le plus de personnes possible
    total = sum(len(membres) for membres in groupe)
    graphe = nx.DiGraph()
    graphe.add_node("source", demand=-total)
    graphe.add_node("puits", demand=total)
    graphe.add_edge("source", "puits", capacity=total, weight=SANS_PLACE)
    for i, (membres, liste) in enumerate(zip(groupe, candidats, strict=True)):
        graphe.add_edge("source", ("c", i), capacity=len(membres), weight=0)
        for m in liste:
            graphe.add_edge(
                ("c", i), ("m", m.id), capacity=len(membres), weight=cout(membres[0], m)
            )
    for ident in tous:
        reste, taille = capacites[ident], -(-capacites[ident] // TRANCHES)
        for k in range(TRANCHES):
            n = min(taille, reste)
            if n > 0:
                graphe.add_edge(("m", ident), ("t", ident, k), capacity=n, weight=k)
                graphe.add_edge(("t", ident, k), "puits", capacity=n, weight=0)
            reste -= n
    flot = nx.min_cost_flow(graphe)
    return [
        sorted(
            ((m, flot[("c", i)][("m", m.id)]) for m in liste if flot[("c", i)][("m", m.id)] > 0),
            key=lambda mn: (cout(groupe[i][0], mn[0]), cle(mn[0].id)),
        )
        for i, liste in enumerate(candidats)
    ]
