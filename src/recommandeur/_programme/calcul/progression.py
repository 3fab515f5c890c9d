"""La progression d'un plan : une barre tqdm (total, temps écoulé et restant) ou une fonction ``(faits, total)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: Une progression : ``True`` (une barre tqdm sur l'erreur standard), ``False``, ou une
#: fonction ``(faits, total)``.
Progression = bool | Callable[[int, int], Any]


def suivre_la_progression(progression: Progression, total: int) -> Callable[[int | None], None]:
    """``avancer(faits)`` : le nombre de profils distincts recommandés ; ``None`` : fini.

    ``total`` : le nombre de profils distincts (chacun n'est recommandé qu'une fois) ; la barre
    tqdm le montre, avec le temps écoulé et le temps restant estimé. Une fonction est appelée
    tous les 500 profils au plus, puis une dernière fois avec ``(total, total)``.

    >>> vus = []
    >>> avancer = suivre_la_progression(lambda faits, total: vus.append((faits, total)), 1200)
    >>> for faits in (400, 600, 1200):
    ...     avancer(faits)
    >>> avancer(None)
    >>> vus
    [(600, 1200), (1200, 1200), (1200, 1200)]
    """
    if progression is False:
        return lambda _: None
    if progression is True:
        from tqdm import tqdm

        barre = tqdm(
            total=total,
            desc="planifier",
            unit=" profils",
            leave=False,
            bar_format="{desc} : {percentage:3.0f} % |{bar}| {n_fmt}/{total_fmt} profils "
            "[{elapsed} écoulé, reste {remaining}, {rate_fmt}]",
        )

        def avancer(faits: int | None) -> None:
            if faits is None:
                barre.close()
            else:
                barre.update(faits - barre.n)

        return avancer
    rappel = progression
    derniers = [0]

    def appeler(faits: int | None) -> None:
        if faits is None:
            rappel(total, total)
        elif faits - derniers[0] >= 500:
            derniers[0] = faits
            rappel(faits, total)

    return appeler
