"""Les documents sources nommés par leur titre court dans les textes lus par une personne.

Une clé de source (``cnipe/niveau3``) reste dans le JSON et les données ; le texte dit « les
notes sur le modèle du CNIPE, niveau 3 : dispositifs personnalisés ». Chaque catalogue construit
inscrit ici le titre du document (``[[document]]`` de ``catalogue/sources.toml``) et le lieu de
chacun de ses passages ; les rendus, qui ne gardent que les clés, y retrouvent le titre.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Par clé de source : le titre court de son document et le lieu du passage.
_TITRES: dict[str, tuple[str, str]] = {}


def inscrire_titre(cle: str, titre: str, lieu: str) -> None:
    """Inscrit le titre du document et le lieu d'un passage (le dernier inscrit l'emporte)."""
    _TITRES[cle] = (titre, lieu)


def reference(cle: str) -> str:
    """Le passage ``cle`` nommé pour une personne : le titre de son document, puis le lieu.

    >>> inscrire_titre("exemple/a", "l'Annexe 1", "besoins universels, a)")
    >>> reference("exemple/a")
    "l'Annexe 1, besoins universels, a)"
    >>> reference("exemple/inconnue")
    'un passage du catalogue (exemple/inconnue)'
    """
    titre, lieu = _TITRES.get(cle, ("", ""))
    if not titre:
        return f"un passage du catalogue ({cle})"
    return f"{titre}, {lieu}" if lieu else titre


def references(cles: Iterable[str]) -> str:
    """Les passages nommés, groupés par document (lieux entre crochets), séparés par « ; ».

    >>> inscrire_titre("exemple/a", "l'Annexe 1", "besoins universels, a)")
    >>> inscrire_titre("exemple/b", "la mission du CNIPE", "")
    >>> inscrire_titre("exemple/c", "l'Annexe 1", "besoins spécifiques, b)")
    >>> references(["exemple/a", "exemple/b", "exemple/c", "exemple/a"])
    "l'Annexe 1 [besoins universels, a) ; besoins spécifiques, b)] ; la mission du CNIPE"
    """
    lieux: dict[str, list[str]] = {}
    for cle in cles:
        titre, lieu = _TITRES.get(cle, ("", ""))
        if not titre:
            lieux.setdefault(reference(cle), [])
            continue
        vus = lieux.setdefault(titre, [])
        if lieu and lieu not in vus:
            vus.append(lieu)
    return " ; ".join(f"{t} [{' ; '.join(ls)}]" if ls else t for t, ls in lieux.items())


def documents(cles: Iterable[str]) -> str:
    """Les seuls titres des documents cités, séparés par « ; », sans doublon (texte court).

    >>> inscrire_titre("exemple/d", "l'Annexe 1", "besoins universels, a)")
    >>> inscrire_titre("exemple/e", "la mission du CNIPE", "")
    >>> documents(["exemple/d", "exemple/e", "exemple/d"])
    "l'Annexe 1 ; la mission du CNIPE"
    """
    return " ; ".join(
        dict.fromkeys(_TITRES[c][0] if _TITRES.get(c, ("", ""))[0] else reference(c) for c in cles)
    )
