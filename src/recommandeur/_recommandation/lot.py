"""``recommander_lot`` : recommander pour toute une liste de profils, dans ce processus.

Les lots en plusieurs processus ont été retirés (2026.12) : un processus de calcul doit
renvoyer des résultats que celui-ci reconstruit objet par objet, et sur 2 cœurs cela coûtait
plus que le calcul (30 000 profils : 11,2 s en deux processus contre 6,3 s en un, mesuré par
``bench/mesurer.py``). ``processus`` reste admis : au-delà de 1, un avertissement le dit et le
lot est calculé ici, avec les mêmes résultats. :func:`~recommandeur.planifier`, qui ne
renvoie que des résumés, partage toujours son calcul entre processus.
"""

from __future__ import annotations

import dataclasses
import functools
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TextIO

from pydantic import TypeAdapter

from .._base.erreurs import ErreurArgument, ErreurProfil, Plage, Probleme
from .._moteur.moteur import Moteur, moteur_par_defaut
from .._profil.modeles import Profil
from .._profil.validation import _demesure, valider_profil, verifier_profil
from .modeles import Recommandation
from .ramasse_miettes import ramasse_miettes_suspendu
from .recommander import recommander_valide, verifier_limite

Progression = Callable[[int, int], None]

#: L'avertissement d'un lot demandé en plusieurs processus.
AVERTISSEMENT_PROCESSUS = (
    "recommander_lot : processus={} est ignoré, le lot est calculé dans ce processus (mêmes "
    "résultats) ; en plusieurs processus, il était plus lent : reconstruire ici les résultats "
    "coûtait plus que les calculer (voir docs/performances.md)"
)


def barre_de_progression(flux: TextIO | None = None) -> Progression:
    """Une barre de progression tqdm (``flux`` : la sortie d'erreur par défaut), fermée à la fin.

    >>> import io
    >>> sortie = io.StringIO()
    >>> afficher = barre_de_progression(sortie)
    >>> afficher(50, 200); afficher(200, 200)
    >>> "200/200" in sortie.getvalue()
    True
    """
    from tqdm import tqdm

    barre: list[Any] = []

    def afficher(faits: int, total: int) -> None:
        if not barre:
            barre.append(tqdm(total=total, desc="recommander_lot", unit=" profils", file=flux))
        barre[0].update(faits - barre[0].n)
        if faits >= total:
            barre[0].close()

    return afficher


def valider_lot(
    profils: Iterable[Profil | Mapping[str, Any]],
    mesures: frozenset[str],
    acteurs: frozenset[str] | None = None,
) -> list[Profil]:
    """Valide tous les profils ; :class:`ErreurProfil` les nomme tous par leur rang (``[3].x``).

    D'abord tous d'un seul appel de pydantic (:func:`_valider_d_un_coup`) ; au moindre
    problème, profil par profil, pour les nommer tous.
    """
    liste = list(profils)
    d_un_coup = _valider_d_un_coup(liste, mesures, acteurs)
    if d_un_coup is not None:
        return d_un_coup
    valides: list[Profil] = []
    problemes: list[Probleme] = []
    for rang, profil in enumerate(liste):
        try:
            valides.append(valider_profil(profil, mesures, acteurs))
        except ErreurProfil as exc:
            problemes.extend(
                dataclasses.replace(p, champ=f"[{rang}].{p.champ}" if p.champ else f"[{rang}]")
                for p in exc.problemes
            )
    if problemes:
        raise ErreurProfil(problemes)
    return valides


@functools.cache
def _adaptateur() -> TypeAdapter[list[Profil]]:
    return TypeAdapter(list[Profil])


def _valider_d_un_coup(
    liste: list[Profil | Mapping[str, Any]],
    mesures: frozenset[str],
    acteurs: frozenset[str] | None,
) -> list[Profil] | None:
    """Les profils validés d'un seul appel de pydantic (``TypeAdapter(list[Profil])``, sans un
    appel Python par profil), avec les mêmes vérifications que :func:`valider_profil` avant et
    après ; ``None`` au moindre problème : :func:`valider_lot` refait alors profil par profil.
    """
    for donnees in liste:
        if isinstance(donnees, Profil):
            continue
        if not isinstance(donnees, Mapping):
            return None
        try:
            if _demesure(donnees) is not None:
                return None
        except Exception:
            return None
    try:
        valides = _adaptateur().validate_python(liste)
        for profil in valides:
            verifier_profil(profil, mesures, acteurs)
    except Exception:  # nommé profil par profil ensuite, comme valider_profil le dit
        return None
    return valides


def recommander_lot(
    profils: Iterable[Profil | Mapping[str, Any]],
    *,
    processus: int = 1,
    moteur: Moteur | None = None,
    limite: int | None = None,
    progression: bool | Progression = False,
) -> list[Recommandation]:
    """Recommande pour chaque profil, dans l'ordre.

    Les résultats sont identiques à ceux de :func:`recommander` appelé profil par profil,
    avec le même moteur. ``processus`` au-delà de 1 n'est plus suivi (un ``FutureWarning``
    le dit) : voir le module. Tous les profils sont validés d'abord : s'il y en a d'invalides,
    :class:`ErreurProfil` les nomme tous (``[3].besoins.x`` pour le quatrième profil) et rien
    n'est calculé. ``progression`` : ``True`` pour une barre sur la sortie d'erreur, ou une
    fonction ``(faits, total)`` (une exception qu'elle lève arrête le lot et remonte telle
    quelle). Le ramasse-miettes cyclique est suspendu pendant le calcul, puis remis (voir
    :mod:`.ramasse_miettes`).

    >>> lot = recommander_lot([{"annees_experience": 0, "ordre": "primaire"},
    ...                        {"annees_experience": 3, "ordre": "secondaire"}])
    >>> [len(r.mesures) > 0 for r in lot]
    [True, True]
    """
    if not isinstance(profils, Iterable) or isinstance(profils, str | bytes | Mapping | Profil):
        raise ErreurArgument("profils", "une liste de profils (dicts ou Profil)", profils)
    if isinstance(processus, bool) or not isinstance(processus, int) or processus < 1:
        raise ErreurArgument("processus", "un entier ≥ 1", processus, admis=Plage(minimum=1))
    if processus > 1:
        warnings.warn(AVERTISSEMENT_PROCESSUS.format(processus), FutureWarning, stacklevel=2)
    limite = verifier_limite(limite)
    if not (isinstance(progression, bool) or callable(progression)):
        raise ErreurArgument(
            "progression", "un booléen ou une fonction (faits, total)", progression
        )
    moteur = moteur_par_defaut() if moteur is None else moteur
    if not isinstance(moteur, Moteur):
        raise ErreurArgument("moteur", "un Moteur (ou rien : le moteur par défaut)", moteur)
    afficher = barre_de_progression() if progression is True else progression or None
    with ramasse_miettes_suspendu():
        valides = valider_lot(profils, moteur.ids_mesures, moteur.ids_acteurs)
        resultats = []
        for rang, profil in enumerate(valides, start=1):
            resultats.append(recommander_valide(profil, moteur, limite))
            if afficher and (rang % 100 == 0 or rang == len(valides)):
                afficher(rang, len(valides))
        return resultats
