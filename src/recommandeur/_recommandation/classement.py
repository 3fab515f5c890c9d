"""La politique de classement : score, mesures écartées, départage. De petites fonctions pures.

Voir ``docs/classement.md``. Chaque fonction ne lit que ses arguments : la politique se
teste sur de minuscules exemples faits à la main.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

#: Les scores sont arrondis à autant de décimales (sommes flottantes stables).
DECIMALES_SCORE = 9


def scores(recommandations: Iterable[tuple[str, Sequence[tuple[str, float]]]]) -> dict[str, float]:
    """Le score de chaque mesure : la somme des poids des règles déclenchées qui la recommandent.

    ``recommandations`` : pour chaque règle déclenchée, son identifiant et ses
    ``(mesure, poids)``. L'ordre des mesures est celui de leur première recommandation.

    >>> scores([("a", [("m1", 2.0), ("m2", 1.0)]), ("b", [("m1", 0.5)])])
    {'m1': 2.5, 'm2': 1.0}
    """
    resultat: dict[str, float] = {}
    for _, paires in recommandations:
        for mesure, poids in paires:
            resultat[mesure] = resultat.get(mesure, 0.0) + poids
    return {mesure: round(score, DECIMALES_SCORE) for mesure, score in resultat.items()}


def ecartees(candidates: Iterable[str], recues: Mapping[str, bool]) -> list[str]:
    """Les mesures candidates déjà reçues sans effet (``recues[mesure]`` est faux), triées.

    >>> ecartees(["m2", "m1", "m3"], {"m1": False, "m3": True})
    ['m1']
    """
    return sorted(m for m in candidates if recues.get(m) is False)


def cle_de_tri(mesure: str, score: float, rang_niveau: int) -> tuple[float, int, str]:
    """La clé de tri d'une mesure : score décroissant, puis niveau le plus individuel, puis identifiant.

    >>> sorted(["b", "a", "c"], key=lambda m: cle_de_tri(m, {"a": 1.0, "b": 2.0, "c": 1.0}[m], 0))
    ['b', 'a', 'c']
    >>> sorted(["u", "i"], key=lambda m: cle_de_tri(m, 1.0, {"u": 0, "i": 2}[m]))
    ['i', 'u']
    """
    return (-score, -rang_niveau, mesure)


#: Le nombre d'offres prioritaires par défaut.
PRIORITAIRES = 5


def ordonner(
    scores_des_mesures: Mapping[str, float],
    rangs_niveaux: Mapping[str, int],
    priorites: Mapping[str, int],
    maximum: int = PRIORITAIRES,
) -> tuple[list[str], int]:
    """Les offres dans l'ordre, et combien sont prioritaires (elles viennent d'abord).

    ``priorites`` donne, pour chaque mesure qu'une raison prioritaire propose, le meilleur rang
    de priorité de ses raisons : les prioritaires se rangent par ce rang (1 d'abord : la
    détresse avant un besoin élevé, avant l'accueil), puis comme les autres. Au plus
    ``maximum`` le sont ; les suivantes reprennent leur place parmi les autres offres, rangées
    par score.

    >>> ordonner({"a": 9.0, "b": 3.0, "c": 4.0, "d": 2.0}, {"a": 0, "b": 2, "c": 1, "d": 0},
    ...          {"b": 3, "d": 1}, maximum=1)
    (['d', 'a', 'c', 'b'], 1)
    >>> ordonner({"a": 1.0, "b": 3.0}, {"a": 0, "b": 0}, {"a": 2, "b": 2})
    (['b', 'a'], 2)
    """
    candidates = sorted(
        priorites,
        key=lambda m: (priorites[m], *cle_de_tri(m, scores_des_mesures[m], rangs_niveaux[m])),
    )
    retenues = candidates[:maximum]
    autres = sorted(
        (m for m in scores_des_mesures if m not in retenues),
        key=lambda m: cle_de_tri(m, scores_des_mesures[m], rangs_niveaux[m]),
    )
    return retenues + autres, len(retenues)


def differees(candidates: Iterable[str], charges: Mapping[str, bool], detresse: bool) -> list[str]:
    """Les mesures à différer : celles qui ajoutent une charge ou une exposition, en cas de détresse.

    >>> differees(["webinaire", "personne_neutre"], {"webinaire": True}, detresse=True)
    ['webinaire']
    >>> differees(["webinaire"], {"webinaire": True}, detresse=False)
    []
    """
    return [m for m in candidates if detresse and charges.get(m, False)]
