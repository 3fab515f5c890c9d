"""Ce qui se passe dans un processus de calcul d'un plan (voir :mod:`.parallele`) : recevoir
le moteur, le reconstruire une fois, résumer les lots confiés ; et les résumés calculés ici."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

from ..._moteur.moteur import Moteur
from ..._moteur.transfert import depuis_json
from ..._profil.modeles import Profil
from ..._recommandation.ramasse_miettes import ramasse_miettes_suspendu
from ..._recommandation.recommander import recommander_valide
from ..sorties.confidentiel import caviarder_lot
from .resume import Resume, resumer

#: Dans un processus de calcul : le moteur reçu (en JSON) et celui qui en est reconstruit.
_RECU: dict[str, str] = {}
_RECONSTRUITS: dict[str, Moteur] = {}


def recevoir(chemin: str) -> None:
    """Initialisation d'un processus de calcul : lire le moteur reçu, sans rien analyser.

    Le moteur arrive par un fichier temporaire, pas par le tube de démarrage : un tube ne
    tient que 64 Kio, et un processus qui meurt au démarrage (un script sans
    ``if __name__ == "__main__":``) bloquerait pour toujours l'écriture du parent. La
    reconstruction a lieu à la première tâche : une erreur y est relevée dans l'appelant, au
    lieu de casser le groupe de processus. Un fil surveille le parent : s'il disparaît (tué
    par ``SIGTERM`` ou ``SIGKILL``), ce processus s'arrête aussi.
    """
    with open(chemin, encoding="utf-8") as f:
        _RECU["moteur"] = f.read()
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_suivre_le_parent, args=(parent,), daemon=True).start()


def _suivre_le_parent(parent: Any) -> None:
    parent.join()
    os._exit(1)


def refuser_au_demarrage(processus: int) -> None:
    """Dans un processus de calcul qui démarre, un appel à ``planifier(processus > 1)`` (un
    script sans ``if __name__ == "__main__":`` relu par ce processus) l'arrête, en le disant :
    le parent en fait une :class:`ErreurMoteur`."""
    if processus > 1 and getattr(multiprocessing.current_process(), "_inheriting", False):
        print(
            "recommandeur : un processus de calcul relit le script qui appelle planifier("
            f'processus={processus}) ; mettez cet appel sous « if __name__ == "__main__": »',
            file=sys.stderr,
        )
        raise SystemExit(1)


def _moteur_recu() -> Moteur:
    texte = _RECU["moteur"]
    empreinte = hashlib.sha256(texte.encode("utf-8")).hexdigest()
    moteur = _RECONSTRUITS.get(empreinte)
    if moteur is None:
        _RECONSTRUITS.clear()
        moteur = _RECONSTRUITS[empreinte] = depuis_json(texte)
    return moteur


def echauffer() -> None:
    _moteur_recu()


#: Un lot confié : ses profils (validés, passés tels quels) et s'il faut caviarder.
Paquet = tuple[list[Profil], bool]


def resumer_paquet(paquet: Paquet) -> list[Resume]:
    profils, caviarder = paquet
    moteur = _moteur_recu()
    # comme dans le parent : les résultats gardés ne font pas de cycle (voir ramasse_miettes)
    with ramasse_miettes_suspendu():
        return resumes_ici(profils, moteur, lambda _: None, caviarder=caviarder)


def resumes_ici(
    profils: Sequence[Profil],
    moteur: Moteur,
    avancer: Callable[[int], None],
    deja: int = 0,
    *,
    caviarder: bool = False,
) -> list[Resume]:
    """Les résumés calculés dans ce processus ; ``caviarder`` : sans ce que le plan du centre
    ne montre pas (:func:`~recommandeur._programme.sorties.confidentiel.caviarder_lot`)."""
    resumes = []
    for profil in profils:
        resumes.append(resumer(recommander_valide(profil, moteur, None)))
        if len(resumes) % 100 == 0:
            avancer(deja + len(resumes))
    avancer(deja + len(resumes))
    return caviarder_lot(resumes, profils, moteur.catalogue) if caviarder else resumes
