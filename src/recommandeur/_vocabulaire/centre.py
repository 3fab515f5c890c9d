"""« centre » plutôt qu'« école » dans les textes lus pour l'éducation des adultes et la FP.

Une enseignante de formation professionnelle ou d'éducation des adultes travaille dans un
centre, pas dans une école : les textes qu'on lui lit le disent (« Personne mentore du
centre », « l'équipe du centre »). Les citations « » restent telles quelles (elles sont
recopiées d'un document), et les lieux des sources entre crochets aussi (« Exemple d'un plan
de déploiement d'une école secondaire » est le nom d'une section du rapport du CSSPS).
"""

from __future__ import annotations

import re
from typing import Any

#: Les ordres d'enseignement qui se donnent dans un centre.
ORDRES_EN_CENTRE = frozenset({"formation_professionnelle", "education_adultes"})

#: Les remplacements, dans l'ordre (les plus longs d'abord) ; l'accord suit le masculin.
_REMPLACEMENTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(motif), par)
    for motif, par in (
        (r"\(école, centre, programme\)", "(centre, programme)"),
        (
            r"\bchacune de ses écoles, pas seulement dans la principale\b",
            "chacun de ses centres, pas seulement dans le principal",
        ),
        (r"\bchacune (de ses|des) écoles\b", r"chacun \1 centres"),
        (r"\b([Éé])quipe-école\b", r"\1quipe du centre"),
        (r"\bde l(?:'|&#39;|’)école\b", "du centre"),
        (r"\bà l(?:'|&#39;|’)école\b", "au centre"),
        (r"\bl(?:'|&#39;|’)école\b", "le centre"),
        (r"\bL(?:'|&#39;|’)école\b", "Le centre"),
        (r"\b([Cc])ette école\b", r"\1e centre"),
        (r"\bune école soutenue\b", "un centre soutenu"),
        (r"\bune autre école\b", "un autre centre"),
        (r"\b([Uu])ne école\b", r"\1n centre"),
        (r"\bdes écoles\b", "des centres"),
        (r"\bles écoles\b", "les centres"),
        (r"\bécoles\b", "centres"),
        (r"\bÉcoles\b", "Centres"),
        (r"\bécole\b", "centre"),
        (r"\bÉcole\b", "Centre"),
    )
)
#: Ce qui reste tel quel : une citation « », un lieu de source (entre crochets, ou le terme
#: ``<dt>`` du HTML), ce qu'on rapporte d'une école du CSSPS (« Au CSSPS, une école… »).
_PROTEGE = re.compile(
    r"«[^»]*»|\[[^\]]*\]|<dt[^>]*>.*?</dt>|Au CSSPS[^.:«]*|\b[Dd]ans une école du CSSPS\b"
)


def au_centre(texte: str) -> str:
    """Le texte dit pour un centre : « école » devient « centre », hors citations et lieux.

    >>> au_centre("Personne mentore de l'école, « dans l'école » [une école secondaire]")
    "Personne mentore du centre, « dans l'école » [une école secondaire]"
    >>> au_centre("Demander pour l'école le soutien d'une école soutenue ; Équipe-école")
    "Demander pour le centre le soutien d'un centre soutenu ; Équipe du centre"
    >>> au_centre("dans l&#39;école. Au CSSPS, une école se demande : « x »")
    'dans le centre. Au CSSPS, une école se demande : « x »'
    >>> au_centre("Dans une école du CSSPS, un outil partagé ensuite à l'école.")
    'Dans une école du CSSPS, un outil partagé ensuite au centre.'
    >>> au_centre("Un accueil dans chacune de ses écoles, pas seulement dans la principale.")
    'Un accueil dans chacun de ses centres, pas seulement dans le principal.'
    >>> au_centre('<dt id="a">Exemple d&#39;une école</dt> de l’école')
    '<dt id="a">Exemple d&#39;une école</dt> du centre'
    """
    morceaux = []
    debut = 0
    for protege in _PROTEGE.finditer(texte):
        morceaux.append(_remplacer(texte[debut : protege.start()]))
        morceaux.append(protege.group())
        debut = protege.end()
    morceaux.append(_remplacer(texte[debut:]))
    return "".join(morceaux)


def pour_l_ordre(texte: str, ordre: str) -> str:
    """Le texte tel quel, ou dit pour un centre si ``ordre`` se donne dans un centre.

    >>> pour_l_ordre("l'école", "primaire"), pour_l_ordre("l'école", "education_adultes")
    ("l'école", 'le centre')
    """
    return au_centre(texte) if ordre in ORDRES_EN_CENTRE else texte


def dire_en_centre(donnees: Any) -> Any:
    """Le JSON d'un résultat relu : ses mesures disent « centre » si l'ordre du profil le veut.

    Le choix du mot n'est pas écrit dans le JSON (``en_centre`` en est exclu) : l'ordre du
    profil le redonne.

    >>> d = dire_en_centre({"profil": {"ordre": "education_adultes"}, "mesures": [{"rang": 1}]})
    >>> d["mesures"]
    [{'rang': 1, 'en_centre': True}]
    """
    if not isinstance(donnees, dict):
        return donnees
    profil = donnees.get("profil")
    ordre = profil.get("ordre") if isinstance(profil, dict) else getattr(profil, "ordre", None)
    if getattr(ordre, "value", ordre) not in ORDRES_EN_CENTRE:
        return donnees
    return donnees | {
        cle: [m | {"en_centre": True} if isinstance(m, dict) else m for m in donnees[cle]]
        for cle in ("mesures", "actions_milieu")
        if isinstance(donnees.get(cle), list)
    }


def _remplacer(texte: str) -> str:
    for motif, par in _REMPLACEMENTS:
        texte = motif.sub(par, texte)
    return texte
