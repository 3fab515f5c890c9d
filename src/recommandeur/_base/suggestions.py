"""Les suggestions « vouliez-vous dire … ? » : calculées et écrites partout de la même façon."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


def suggerer(valeur: object, possibles: Iterable[str], n: int = 1) -> tuple[str, ...]:
    """Les valeurs connues les plus proches de ``valeur`` (pour « vouliez-vous dire »).

    Un nom tronqué propose le nom complet qui commence pareil (``ecole.mentor`` →
    ``ecole.mentor_dans_l_ecole``, jamais ``ecole.imse``) ; sinon, les plus ressemblants.

    >>> suggerer("gestion_classe", ["gestion_de_classe", "planification"])
    ('gestion_de_classe',)
    >>> suggerer("ecole.mentor", ["ecole.imse", "ecole.mentor_dans_l_ecole", "ecole.pane"])
    ('ecole.mentor_dans_l_ecole',)
    >>> suggerer("xyz", ["gestion_de_classe"])
    ()
    """
    if not isinstance(valeur, str) or len(valeur) > 200:
        return ()
    connus = sorted(set(possibles))
    debut = valeur.casefold()
    if len(debut) >= 3:
        prolongent = [c for c in connus if c.casefold().startswith(debut) and c != valeur]
        if prolongent:
            return tuple(sorted(prolongent, key=len)[:n])
    return tuple(difflib.get_close_matches(valeur, connus, n=n, cutoff=0.6))


def formuler_suggestions(suggestions: Sequence[str]) -> str:
    """La fin de message qui propose les suggestions, ou rien.

    >>> formuler_suggestions(("mentorat",))
    " ; vouliez-vous dire 'mentorat' ?"
    >>> formuler_suggestions(())
    ''
    """
    if not suggestions:
        return ""
    return " ; vouliez-vous dire " + ", ".join(f"'{s}'" for s in suggestions) + " ?"
