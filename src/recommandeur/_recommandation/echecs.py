"""Les mesures restées sans effet : qui les a offertes, et qui éviter ensuite pour chaque mesure.

Une mesure reçue sans l'effet attendu n'est pas redonnée par la même personne ; pour un
mentorat, la personne du milieu dont un mentorat est resté sans effet ne porte pas un autre
mentorat et n'est pas proposée en « ou : » (on change de personne mentore).
"""

from __future__ import annotations

from .._profil.modeles import Profil
from .._vocabulaire import Besoin
from .motifs import Fiche


def echecs_du_profil(profil: Profil, f: Fiche) -> list[tuple[str, str, frozenset[Besoin]]]:
    """Chaque mesure restée sans effet : (mesure, qui l'a offerte, pour quels besoins).

    L'intervenant est celui que dit le profil, sinon le premier de la mesure ; les besoins,
    celui de la réception, sinon ceux que vise la mesure.
    """
    return [
        (
            r.mesure,
            r.intervenant or f.mesures[r.mesure].acteur_responsable,
            frozenset((r.besoin,) if r.besoin else f.mesures[r.mesure].besoins),
        )
        for r in profil.mesures_recues
        if not r.efficace
    ]


_PERSONNE: frozenset[str] = frozenset()
RIEN_A_EVITER = (_PERSONNE, _PERSONNE)


def a_eviter(
    mid: str, echecs: list[tuple[str, str, frozenset[Besoin]]], f: Fiche
) -> tuple[frozenset[str], frozenset[str]]:
    """Qui passer en dernier pour ``mid`` (ceux qui ont échoué sur elle ou sur un même besoin),
    et qui ne plus proposer du tout pour elle (ceux qui ont échoué sur elle ; pour un mentorat,
    la personne du milieu dont un autre mentorat est resté sans effet : on change de personne)."""
    besoins = set(f.mesures[mid].besoins)
    mentorat = f.mesures[mid].mentorat
    apres = frozenset(
        a
        for m, a, visees in echecs
        if m == mid or visees & besoins or (mentorat and f.mesures[m].mentorat)
    )
    jamais = frozenset(
        a
        for m, a, _ in echecs
        if m == mid
        or (mentorat and f.mesures[m].mentorat and f.acteurs[a].presence.startswith("ecole."))
    )
    return apres, jamais
