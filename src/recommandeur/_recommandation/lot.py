"""``recommander_lot`` : recommander pour tout un centre de services, en un ou plusieurs processus.

Avec ``processus > 1``, chaque processus de calcul reçoit **le moteur donné** (en JSON, voir
:mod:`recommandeur._moteur.transfert`), pas des chemins de dossiers : les résultats sont ceux
de ce moteur, quoi qu'il arrive sur le disque. Une erreur dans un processus est relevée
telle quelle dans l'appelant ; un processus qui meurt devient :class:`ErreurMoteur`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from typing import Any, TextIO

from .._erreurs import ErreurArgument, ErreurMoteur, ErreurProfil, ErreurRecommandeur, Probleme
from .._moteur.moteur import Moteur, moteur_par_defaut
from .._moteur.transfert import depuis_json, vers_json
from .._profil.modeles import Profil
from .._profil.validation import valider_profil
from .modeles import MesureRecommandee, Motif, Recommandation
from .motifs import fiche
from .recommander import recommander_valide, verifier_limite

Progression = Callable[[int, int], None]

#: Une recommandation sans les objets du catalogue (que le processus parent a déjà).
Compacte = tuple[list[tuple[Any, ...]], list[Any], list[Any], list[str]]

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


def _compacter(reco: Recommandation) -> Compacte:
    """Une recommandation en tuples et chaînes : rapides à sérialiser entre processus."""
    mesures = [
        (
            m.mesure.id,
            m.score,
            m.justification,
            m.regles,
            [(x.regle, x.titre, x.poids, x.texte, x.faits, x.sources) for x in m.motifs],
            m.sources,
            m.deja_recue,
        )
        for m in reco.mesures
    ]
    return mesures, reco.ecartees, reco.escalades, reco.regles_declenchees


def _traiter(paquet: tuple[list[dict[str, Any]], int | None]) -> list[Compacte]:
    profils, limite = paquet
    moteur = _moteur_recu()
    return [
        _compacter(recommander_valide(valider_profil(p, moteur.ids_mesures), moteur, limite))
        for p in profils
    ]


def _reconstruire(profil: Profil, compacte: Compacte, moteur: Moteur) -> Recommandation:
    mesures, ecartees, escalades, declenchees = compacte
    f = fiche(moteur)
    resultats = [
        MesureRecommandee.model_construct(
            rang=rang,
            mesure=f.mesures[mid],
            acteur=f.acteur[mid],
            partenaires=list(f.partenaires[mid]),
            score=score,
            justification=justification,
            regles=regles,
            motifs=[
                Motif.model_construct(regle=r, titre=t, poids=p, texte=x, faits=fa, sources=s)
                for r, t, p, x, fa, s in motifs
            ],
            sources=sources,
            deja_recue=deja_recue,
        )
        for rang, (mid, score, justification, regles, motifs, sources, deja_recue) in enumerate(
            mesures, start=1
        )
    ]
    return Recommandation.model_construct(
        profil=profil,
        mesures=resultats,
        ecartees=ecartees,
        escalades=escalades,
        regles_declenchees=declenchees,
        version_catalogue=moteur.version_catalogue,
        version_regles=moteur.version_regles,
    )


def barre_de_progression(flux: TextIO | None = None) -> Progression:
    """Une progression affichée sur une ligne (``flux`` : la sortie d'erreur par défaut).

    >>> import io
    >>> sortie = io.StringIO()
    >>> afficher = barre_de_progression(sortie)
    >>> afficher(50, 200)
    >>> sortie.getvalue()
    '\\rrecommander_lot : 50/200 (25 %)'
    """

    def afficher(faits: int, total: int) -> None:
        cible = flux or sys.stderr
        pour_cent = 100 * faits // total if total else 100
        fin = "\n" if faits == total else ""
        cible.write(f"\rrecommander_lot : {faits}/{total} ({pour_cent} %){fin}")
        cible.flush()

    return afficher


def valider_lot(
    profils: Iterable[Profil | Mapping[str, Any]], mesures: frozenset[str]
) -> list[Profil]:
    """Valide tous les profils ; :class:`ErreurProfil` les nomme tous par leur rang (``[3].x``)."""
    valides: list[Profil] = []
    problemes: list[Probleme] = []
    for rang, profil in enumerate(profils):
        try:
            valides.append(valider_profil(profil, mesures))
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
    valides = valider_lot(profils, moteur.ids_mesures)
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


def _resultat(tache: Future[list[Compacte]]) -> list[Compacte]:
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
