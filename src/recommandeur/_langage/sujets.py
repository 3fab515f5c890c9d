"""Une raison ne cite que ce qui concerne la mesure ou la personne qui la porte.

Un passage qui parle d'un acteur (le rôle de la CP, un témoignage sur les personnes mentores)
porte son ``sujet`` dans ``sources.toml``. Une raison commune (``pourquoi``) ne le cite que si
cet acteur est le seul qui puisse la montrer ; une raison propre (``pourquoi_par.<acteur>``)
ne cite que des passages sur cet acteur.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .._catalogue.modeles import Catalogue
from .syntaxe import Recommande

_GUILLEMETS = re.compile(r"«\s*(.*?)\s*»", re.S)


def _norme(texte: str) -> str:
    texte = texte.replace("’", "'").replace("‘", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", texte).strip()


def sujets_cites(texte: str, sources: Iterable[str], catalogue: Catalogue) -> set[str]:
    """Les acteurs dont parlent les passages que cite ``texte`` entre « » (parmi ``sources``).

    >>> from recommandeur import Moteur
    >>> c = Moteur.depuis().catalogue
    >>> sujets_cites("« J'ai diminué ma surcharge de planification grâce à leur aide. »",
    ...              ("cssps/temoignage/planification",), c)
    {'mentor'}
    """
    passages = [
        (s.sujet, _norme(s.passage))
        for s in (catalogue.source(cle) for cle in sources)
        if s.sujet is not None
    ]
    return {
        sujet
        for citation in _GUILLEMETS.findall(texte)
        for sujet, passage in passages
        if sujet is not None and _norme(citation) in passage
    }


def citations_hors_porteur(
    recommande: Recommande,
    possibles: Mapping[str, object],
    sources: Iterable[str],
    catalogue: Catalogue,
) -> list[tuple[str, str, str]]:
    """Les citations d'une raison qui parlent d'un autre acteur que celui qui la montre.

    Chacune : (message, champ, texte). La raison commune se montre avec tout intervenant
    ``possibles`` qui n'a pas de raison propre.
    """
    sources = tuple(sources)
    generique = set(possibles) - set(recommande.pourquoi_par)
    textes = [(recommande.pourquoi, generique, "pourquoi")]
    textes += [
        (texte, {acteur}, f"pourquoi_par.{acteur}")
        for acteur, texte in recommande.pourquoi_par.items()
    ]
    problemes: list[tuple[str, str, str]] = []
    for texte, porteurs, champ in textes:
        for sujet in sorted(sujets_cites(texte or "", sources, catalogue)):
            if porteurs - {sujet}:
                problemes.append(
                    (
                        f"cette raison cite un passage qui parle de '{sujet}', mais la mesure "
                        f"peut être portée par {', '.join(sorted(porteurs - {sujet}))} ; mettre "
                        f"ce texte dans pourquoi_par.{sujet}",
                        champ,
                        texte or "",
                    )
                )
    return problemes
