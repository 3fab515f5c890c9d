"""``recommander_lot`` : recommander pour tout un centre de services, en plusieurs processus."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from .._erreurs import ErreurArgument, ErreurProfil, ErreurRecommandeur, Probleme
from .._moteur.moteur import Moteur, moteur_par_defaut
from .._profil.modeles import Profil
from .._profil.validation import valider_profil
from .modeles import MesureRecommandee, Motif, Recommandation
from .motifs import fiche
from .recommander import recommander, verifier_limite

Progression = Callable[[int, int], None]

_moteur_du_processus: Moteur | None = None


def _initialiser(dossiers: tuple[str | None, str | None] | None) -> None:
    global _moteur_du_processus
    _moteur_du_processus = Moteur.depuis(*dossiers) if dossiers else moteur_par_defaut()


#: Une recommandation sans les objets du catalogue (que le processus parent a déjà).
Compacte = tuple[list[tuple[Any, ...]], list[Any], list[Any], list[str]]


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


def _traiter(paquet: tuple[list[Profil], int | None]) -> list[Compacte]:
    profils, limite = paquet
    return [_compacter(recommander(p, moteur=_moteur_du_processus, limite=limite)) for p in profils]


def _reconstruire(profil: Profil, compacte: Compacte, moteur: Moteur) -> Recommandation:
    mesures, ecartees, escalades, declenchees = compacte
    f = fiche(moteur)
    resultats = []
    for rang, (mid, score, justification, regles, motifs, sources, deja_recue) in enumerate(
        mesures, start=1
    ):
        resultats.append(
            MesureRecommandee.model_construct(
                rang=rang,
                mesure=f.mesures[mid],
                acteur=f.acteur[mid],
                partenaires=list(f.partenaires[mid]),
                score=score,
                justification=justification,
                regles=regles,
                motifs=[
                    Motif.model_construct(regle=r, titre=t, poids=p, texte=x, faits=f, sources=s)
                    for r, t, p, x, f, s in motifs
                ],
                sources=sources,
                deja_recue=deja_recue,
            )
        )
    return Recommandation.model_construct(
        profil=profil,
        mesures=resultats,
        ecartees=ecartees,
        escalades=escalades,
        regles_declenchees=declenchees,
        version_catalogue=moteur.version_catalogue,
        version_regles=moteur.version_regles,
    )


def _chemins(moteur: Moteur | None) -> tuple[str | None, str | None] | None:
    if moteur is None:
        return None
    if moteur.dossiers is None:
        raise ErreurArgument(
            "moteur",
            "avec processus > 1, un moteur venu de Moteur.depuis(...) "
            "(chaque processus le reconstruit depuis ses dossiers)",
            moteur,
        )
    dossiers = []
    for dossier in moteur.dossiers:
        if dossier is not None and not isinstance(dossier, str | Path):
            raise ErreurArgument("moteur", "un moteur dont les dossiers sont des chemins", dossier)
        dossiers.append(None if dossier is None else str(dossier))
    return dossiers[0], dossiers[1]


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


def recommander_lot(
    profils: Iterable[Profil | Mapping[str, Any]],
    *,
    processus: int = 1,
    moteur: Moteur | None = None,
    limite: int | None = None,
    progression: bool | Progression = False,
) -> list[Recommandation]:
    """Recommande pour chaque profil, dans l'ordre, en ``processus`` processus.

    Les résultats sont identiques à ceux de :func:`recommander` appelé profil par profil.
    Tous les profils sont validés d'abord : s'il y en a d'invalides, :class:`ErreurProfil`
    les nomme tous (``[3].besoins.x`` pour le quatrième profil) et rien n'est calculé.
    ``progression`` : ``True`` pour une barre sur la sortie d'erreur, ou une fonction
    ``(faits, total)``.

    >>> lot = recommander_lot([{"annees_experience": 0, "ordre": "primaire"},
    ...                        {"annees_experience": 3, "ordre": "secondaire"}])
    >>> [len(r.mesures) > 0 for r in lot]
    [True, True]
    """
    if isinstance(processus, bool) or not isinstance(processus, int) or processus < 1:
        raise ErreurArgument("processus", "un entier ≥ 1", processus)
    limite = verifier_limite(limite)
    dossiers = _chemins(moteur) if processus > 1 else None
    catalogue_ids = (moteur or moteur_par_defaut()).ids_mesures
    valides: list[Profil] = []
    problemes: list[Probleme] = []
    for rang, profil in enumerate(profils):
        try:
            valides.append(valider_profil(profil, catalogue_ids))
        except ErreurProfil as exc:
            problemes.extend(
                dataclasses.replace(p, champ=f"[{rang}].{p.champ}" if p.champ else f"[{rang}]")
                for p in exc.problemes
            )
    if problemes:
        raise ErreurProfil(problemes)
    afficher = barre_de_progression() if progression is True else progression or None
    return _calculer(valides, processus, dossiers, moteur, limite, afficher)


def _calculer(
    valides: list[Profil],
    processus: int,
    dossiers: tuple[str | None, str | None] | None,
    moteur: Moteur | None,
    limite: int | None,
    afficher: Progression | None,
) -> list[Recommandation]:
    total = len(valides)
    if processus == 1 or total < 2:
        resultats = []
        for rang, profil in enumerate(valides, start=1):
            resultats.append(recommander(profil, moteur=moteur, limite=limite))
            if afficher and (rang % 100 == 0 or rang == total):
                afficher(rang, total)
        return resultats
    return _en_parallele(
        valides, processus, dossiers, limite, afficher, moteur or moteur_par_defaut()
    )


def _en_parallele(
    profils: Sequence[Profil],
    processus: int,
    dossiers: tuple[str | None, str | None] | None,
    limite: int | None,
    afficher: Progression | None,
    parent: Moteur,
) -> list[Recommandation]:
    """Calcule dans des processus neufs ; chaque paquet reçu est reconstruit aussitôt ici."""
    import multiprocessing  # à l'usage seulement : inutile au démarrage d'un appel simple
    from concurrent.futures import ProcessPoolExecutor

    taille = max(1, min(500, len(profils) // (processus * 8) or 1))
    paquets = [(list(profils[i : i + taille]), limite) for i in range(0, len(profils), taille)]
    contexte = multiprocessing.get_context("spawn")
    resultats: list[Recommandation] = []
    try:
        with ProcessPoolExecutor(
            processus, mp_context=contexte, initializer=_initialiser, initargs=(dossiers,)
        ) as executeur:
            for (profils_du_paquet, _), lot in zip(
                paquets, executeur.map(_traiter, paquets), strict=True
            ):
                resultats.extend(
                    _reconstruire(p, c, parent) for p, c in zip(profils_du_paquet, lot, strict=True)
                )
                if afficher:
                    afficher(len(resultats), len(profils))
    except ErreurRecommandeur:
        raise
    except Exception as exc:
        raise ErreurRecommandeur(f"recommander_lot : un processus a échoué ({exc})") from exc
    return resultats
