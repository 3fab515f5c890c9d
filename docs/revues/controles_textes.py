"""Les contrôles de texte communs aux scripts de revue du ticket 18 (troisième tour).

``balayage_troisieme_tour.py`` et ``verifier_troisieme_tour.py`` lisent les textes d'une
recommandation (vue courte et ``--details``) avec les mêmes motifs : de l'anglais entre « »,
un numéro de document nu, un accord genré, « école » hors des lieux permis. Ce module les
définit une fois ; chaque script décide de ce qui échoue et de ce qui est à relire.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

CITATION = re.compile(r"«[^»]*»")
ANGLAIS = re.compile(
    r"\b(the|of|by|and|to|with|peer|peers|teachers?|mentoring|learning|community|"
    r"possibility|speaking|professional|trained|abroad|including|visit|online|webinar)\b",
    re.IGNORECASE,
)
NUMERO_NU = re.compile(r"\(00[0-4]\)|\b00[0-4]\b")
GENRE = re.compile(
    r"\b(Affectée|accueillie|Formée|Nouvelle dans|il passe|elle n'a pas connus|"
    r"chacune de ses centres|ses centres, pas seulement dans la principale)\b"
)
ECOLE = re.compile(r"\b[ée]coles?\b", re.IGNORECASE)
# « école » permis en FP et FGA : un lieu du CSSPS ou le titre d'une partie d'un document.
LIEUX_PERMIS = re.compile(
    r"Au CSSPS,\s+une\s+école|[Dd]ans\s+une\s+école\s+du\s+CSSPS|plan\s+de\s+déploiement\s+d'une\s+école\s+(primaire|secondaire)"
)
#: Ordres où « école » ne se dit pas (un centre de formation professionnelle ou d'adultes).
FP_FGA = frozenset({"formation_professionnelle", "education_adultes"})


def hors_citations(texte: str) -> str:
    """Le texte sans les passages entre « ».

    >>> hors_citations("a « b » c")
    'a «…» c'
    """
    return CITATION.sub("«…»", texte)


def ecarts(texte: str) -> Iterator[tuple[str, str]]:
    """Les écarts d'un texte : (``anglais``, la citation) ; puis, ligne à ligne hors citations
    et hors lieux permis, (``numero``, ligne), (``genre``, ligne) et (``ecole``, ligne) — ce
    dernier n'est un écart qu'en FP et en FGA (:data:`FP_FGA`), au script d'en juger.

    >>> list(ecarts("Voir « the peer » (003).\\nUne école."))
    [('anglais', '« the peer »'), ('numero', 'Voir «…» (003).'), ('ecole', 'Une école.')]
    >>> list(ecarts("Au CSSPS, une école a fait « ceci »."))
    []
    """
    for citation in CITATION.findall(texte):
        if ANGLAIS.search(citation):
            yield "anglais", citation
    for ligne in LIEUX_PERMIS.sub("…", hors_citations(texte)).splitlines():
        ligne = ligne.strip()
        for genre, motif in (("numero", NUMERO_NU), ("genre", GENRE), ("ecole", ECOLE)):
            if motif.search(ligne):
                yield genre, ligne
