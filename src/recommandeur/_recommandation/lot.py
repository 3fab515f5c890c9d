"""``recommander_lot`` : recommander pour tout un centre de services, en un ou plusieurs processus.

Avec ``processus > 1``, chaque processus de calcul reçoit **le moteur donné** (en JSON, voir
:mod:`recommandeur._moteur.transfert`), pas des chemins de dossiers : les résultats sont ceux
de ce moteur, quoi qu'il arrive sur le disque. Une erreur dans un processus est relevée
telle quelle dans l'appelant ; un processus qui meurt devient :class:`ErreurMoteur`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from typing import Any, TextIO, TypeVar

from .._erreurs import ErreurArgument, ErreurMoteur, ErreurProfil, ErreurRecommandeur, Probleme
from .._moteur.moteur import Moteur, moteur_par_defaut
from .._moteur.transfert import depuis_json, vers_json
from .._profil.modeles import Profil
from .._profil.validation import valider_profil
from .modeles import MesureRecommandee, Motif, Recommandation
from .motifs import Fiche, fiche
from .recommander import recommander_valide, verifier_limite

Progression = Callable[[int, int], None]
T = TypeVar("T")

#: Une recommandation sans les objets du catalogue (que le processus parent a déjà) : les
#: valeurs de ses champs, mesures et acteurs remplacés par leurs identifiants.
Compacte = tuple[Any, ...]

_CHAMPS_MESURE = tuple(MesureRecommandee.model_fields)
_CHAMPS_MOTIF = tuple(Motif.model_fields)
_CHAMPS_RECO = tuple(n for n in Recommandation.model_fields if n != "profil")
_ACTEURS = ("alternatives", "partenaires")


#: Dans un processus de calcul : le moteur reçu (en JSON) et celui qui en est reconstruit.
_RECU: dict[str, str] = {}
_RECONSTRUITS: dict[str, Moteur] = {}


def _recevoir(texte: str) -> None:
    """Initialisation d'un processus de calcul : garder le moteur reçu, sans rien analyser.

    La reconstruction a lieu à la première tâche : une erreur y est relevée dans l'appelant,
    au lieu de casser le groupe de processus.
    """
    _RECU["moteur"] = texte


def _moteur_recu() -> Moteur:
    texte = _RECU["moteur"]
    empreinte = hashlib.sha256(texte.encode("utf-8")).hexdigest()
    moteur = _RECONSTRUITS.get(empreinte)
    if moteur is None:
        _RECONSTRUITS.clear()
        moteur = _RECONSTRUITS[empreinte] = depuis_json(texte)
    return moteur


def _compacter_mesure(m: MesureRecommandee) -> tuple[Any, ...]:
    valeurs: list[Any] = []
    for nom in _CHAMPS_MESURE:
        valeur = getattr(m, nom)
        if nom in ("mesure", "acteur"):
            valeur = valeur.id
        elif nom in _ACTEURS:
            valeur = [a.id for a in valeur]
        elif nom == "motifs":
            valeur = [tuple(getattr(x, c) for c in _CHAMPS_MOTIF) for x in valeur]
        valeurs.append(valeur)
    return tuple(valeurs)


def _compacter(reco: Recommandation) -> Compacte:
    """Une recommandation en tuples et chaînes : rapides à sérialiser entre processus."""
    return tuple(
        [_compacter_mesure(m) for m in getattr(reco, nom)]
        if nom in ("mesures", "actions_milieu")
        else getattr(reco, nom)
        for nom in _CHAMPS_RECO
    )


def _traiter(paquet: tuple[list[dict[str, Any]], int | None]) -> list[Compacte]:
    profils, limite = paquet
    moteur = _moteur_recu()
    return [
        _compacter(
            recommander_valide(
                valider_profil(p, moteur.ids_mesures, moteur.ids_acteurs), moteur, limite
            )
        )
        for p in profils
    ]


def _reconstruire_mesure(f: Fiche, compacte: tuple[Any, ...]) -> MesureRecommandee:
    valeurs = dict(zip(_CHAMPS_MESURE, compacte, strict=True))
    valeurs["mesure"] = f.mesures[valeurs["mesure"]]
    valeurs["acteur"] = f.acteurs[valeurs["acteur"]]
    for nom in _ACTEURS:
        valeurs[nom] = [f.acteurs[a] for a in valeurs[nom]]
    valeurs["motifs"] = [
        Motif.construire(**dict(zip(_CHAMPS_MOTIF, m, strict=True))) for m in valeurs["motifs"]
    ]
    return MesureRecommandee.construire(**valeurs)


def _reconstruire(profil: Profil, compacte: Compacte, moteur: Moteur) -> Recommandation:
    f = fiche(moteur)
    valeurs: dict[str, Any] = dict(zip(_CHAMPS_RECO, compacte, strict=True))
    for nom in ("mesures", "actions_milieu"):
        valeurs[nom] = [_reconstruire_mesure(f, m) for m in valeurs[nom]]
    return Recommandation.construire(profil=profil, **valeurs)


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
    """Valide tous les profils ; :class:`ErreurProfil` les nomme tous par leur rang (``[3].x``)."""
    valides: list[Profil] = []
    problemes: list[Probleme] = []
    for rang, profil in enumerate(profils):
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


def recommander_lot(
    profils: Iterable[Profil | Mapping[str, Any]],
    *,
    processus: int = 1,
    moteur: Moteur | None = None,
    limite: int | None = None,
    progression: bool | Progression = False,
) -> list[Recommandation]:
    """Recommande pour chaque profil, dans l'ordre, en ``processus`` processus.

    Les résultats sont identiques à ceux de :func:`recommander` appelé profil par profil,
    avec le même moteur. Tous les profils sont validés d'abord : s'il y en a d'invalides,
    :class:`ErreurProfil` les nomme tous (``[3].besoins.x`` pour le quatrième profil) et rien
    n'est calculé. ``progression`` : ``True`` pour une barre sur la sortie d'erreur, ou une
    fonction ``(faits, total)`` (une exception qu'elle lève arrête le lot et remonte telle
    quelle).

    >>> lot = recommander_lot([{"annees_experience": 0, "ordre": "primaire"},
    ...                        {"annees_experience": 3, "ordre": "secondaire"}])
    >>> [len(r.mesures) > 0 for r in lot]
    [True, True]
    """
    if isinstance(processus, bool) or not isinstance(processus, int) or processus < 1:
        raise ErreurArgument("processus", "un entier ≥ 1", processus)
    limite = verifier_limite(limite)
    if not (isinstance(progression, bool) or callable(progression)):
        raise ErreurArgument(
            "progression", "un booléen ou une fonction (faits, total)", progression
        )
    moteur = moteur or moteur_par_defaut()
    if not isinstance(moteur, Moteur):
        raise ErreurArgument("moteur", "un Moteur ou None", moteur)
    valides = valider_lot(profils, moteur.ids_mesures, moteur.ids_acteurs)
    afficher = barre_de_progression() if progression is True else progression or None
    if processus == 1 or len(valides) < 2:
        resultats = []
        for rang, profil in enumerate(valides, start=1):
            resultats.append(recommander_valide(profil, moteur, limite))
            if afficher and (rang % 100 == 0 or rang == len(valides)):
                afficher(rang, len(valides))
        return resultats
    return _en_parallele(valides, processus, moteur, limite, afficher)


def _en_parallele(
    profils: Sequence[Profil],
    processus: int,
    moteur: Moteur,
    limite: int | None,
    afficher: Progression | None,
) -> list[Recommandation]:
    """Calcule dans des processus neufs ; chaque paquet reçu est reconstruit aussitôt ici."""
    import multiprocessing  # à l'usage seulement : inutile au démarrage d'un appel simple
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    taille = max(1, min(500, len(profils) // (processus * 8) or 1))
    morceaux = [list(profils[i : i + taille]) for i in range(0, len(profils), taille)]
    executeur = ProcessPoolExecutor(
        processus,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_recevoir,
        initargs=(vers_json(moteur),),
    )
    resultats: list[Recommandation] = []
    try:
        taches = [
            executeur.submit(_traiter, ([p.model_dump(mode="json") for p in m], limite))
            for m in morceaux
        ]
        for morceau, tache in zip(morceaux, taches, strict=True):
            lot = _resultat(tache)
            resultats.extend(_reconstruire(p, c, moteur) for p, c in zip(morceau, lot, strict=True))
            if afficher:
                afficher(len(resultats), len(profils))
    except BrokenProcessPool as exc:
        raise ErreurMoteur(f"un processus de calcul s'est arrêté brutalement ({exc})") from exc
    finally:
        executeur.shutdown(wait=True, cancel_futures=True)
    return resultats


def _resultat(tache: Future[T]) -> T:
    """Le résultat d'une tâche ; une erreur qui n'est pas de la bibliothèque devient ErreurMoteur."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return tache.result()
    except (ErreurRecommandeur, BrokenProcessPool):
        raise
    except Exception as exc:
        raise ErreurMoteur(
            f"un processus de calcul a échoué : {type(exc).__name__}: {exc}"
        ) from exc
