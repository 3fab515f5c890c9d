"""Les critères de l'appariement : une demande, ses personnes mentores possibles, le coût d'une paire.

Voir :mod:`.appariement` et ``docs/programme.md`` (« L'appariement »).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..donnees.identifiants import cle
from ..donnees.mentors import Mentor, cle_de_matiere

#: Poids des critères (lexicographiques : chacun l'emporte sur la somme des suivants) ; à
#: égalité, la charge la plus égale entre les personnes mentores (des tranches de capacité de
#: coût croissant, chacune moins qu'une matière).
PRIORITE, LIEU, CONTINUITE, ORDRE, MATIERE = 1_000_000, 100_000, 40_000, 10_000, 1_000
#: Tranches de la capacité d'une personne mentore (coûts 0, 1, 2, 3 : l'équilibre des charges).
TRANCHES = 4


@dataclass(frozen=True, slots=True)
class Demande:
    """Une personne à qui le mentorat est offert, et ce que l'appariement lit d'elle."""

    enseignant: str
    ecole: str
    ordre: str
    batiment: str | None = None
    matiere: str | None = None
    #: Sa personne mentore précédente (identifiant), et si ce mentorat est resté sans effet.
    precedent: str | None = None
    echec: bool = False
    #: 0 : le mentorat est parmi ses offres à faire d'abord ; 1 : sinon.
    rang: int = 1


def cle_classe(d: Demande) -> tuple[object, ...]:
    precedent = cle(d.precedent) if d.precedent else None
    return (
        d.ecole,
        d.batiment,
        d.ordre,
        cle_de_matiere(d.matiere) if d.matiere else None,
        precedent,
        d.echec,
        d.rang,
    )


def lieu(d: Demande, m: Mentor) -> int:
    """0 : même bâtiment ; 1 : son école principale ; 2 : une autre école où elle intervient."""
    if m.ecole != d.ecole:
        return 2
    return (
        0
        if d.batiment is not None and m.batiment is not None and cle(d.batiment) == cle(m.batiment)
        else 1
    )


def meme_matiere(d: Demande, m: Mentor) -> bool:
    return d.matiere is not None and cle_de_matiere(d.matiere) in {
        cle_de_matiere(x) for x in m.matieres
    }


def continue_avec(d: Demande, m: Mentor) -> bool:
    return d.precedent is not None and not d.echec and cle(d.precedent) == cle(m.id)


def cout(d: Demande, m: Mentor) -> int:
    """Le coût d'une paire (plus bas : mieux), critères dans l'ordre de la politique.

    >>> m = Mentor(id="M1", ecole="a", batiment="1", ordre="primaire")
    >>> cout(Demande("e1", "a", "primaire", batiment="1"), m), cout(Demande("e2", "a", "secondaire"), m)
    (1041000, 1151000)
    """
    return (
        PRIORITE * d.rang
        + LIEU * lieu(d, m)
        + CONTINUITE * (not continue_avec(d, m))
        + ORDRE * (m.ordre is None or m.ordre.value != d.ordre)
        + MATIERE * (not meme_matiere(d, m))
    )


def exclu(d: Demande, m: Mentor) -> bool:
    return d.echec and d.precedent is not None and cle(d.precedent) == cle(m.id)
