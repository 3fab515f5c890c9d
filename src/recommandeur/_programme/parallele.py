"""Les résumés des recommandations d'un plan, calculés dans plusieurs processus.

Chaque processus reçoit le moteur donné en JSON (comme :func:`~recommandeur.recommander_lot`)
et renvoie des résumés (des tuples), pas des résultats entiers : le transfert reste petit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .._erreurs import ErreurMoteur, ErreurRecommandeur
from .._moteur.moteur import Moteur
from .._moteur.transfert import vers_json
from .._profil.modeles import Profil
from .._recommandation.lot import _moteur_recu, _recevoir
from .._recommandation.recommander import recommander_valide
from .resume import Resume, resumer


def _resumer(profils: list[dict[str, Any]]) -> list[Resume]:
    moteur = _moteur_recu()
    return [resumer(recommander_valide(Profil.model_validate(p), moteur, None)) for p in profils]


def resumes_en_parallele(
    profils: Sequence[Profil],
    moteur: Moteur,
    processus: int,
    avancer: Callable[[int], None],
) -> list[Resume]:
    """Les résumés des recommandations de ces profils (déjà validés), dans l'ordre."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    taille = max(50, min(1000, len(profils) // (processus * 6) or 1))
    morceaux = [
        [p.model_dump(mode="json") for p in profils[i : i + taille]]
        for i in range(0, len(profils), taille)
    ]
    executeur = ProcessPoolExecutor(
        processus,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_recevoir,
        initargs=(vers_json(moteur),),
    )
    resumes: list[Resume] = []
    try:
        for lot in executeur.map(_resumer, morceaux):
            resumes.extend(lot)
            avancer(len(resumes))
    except BrokenProcessPool as exc:
        raise ErreurMoteur(f"un processus de calcul s'est arrêté brutalement ({exc})") from exc
    except ErreurRecommandeur:
        raise
    except Exception as exc:
        raise ErreurMoteur(
            f"un processus de calcul a échoué : {type(exc).__name__}: {exc}"
        ) from exc
    finally:
        executeur.shutdown(wait=True, cancel_futures=True)
    return resumes
