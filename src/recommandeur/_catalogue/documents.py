"""Les documents sources (``[[document]]``) : le titre court qui les nomme dans les textes.

Un passage (``[[source]]``) appartient au document de son ``fichier`` ; un fichier qui contient
deux documents (le programme d'insertion et son Annexe 1) les distingue par le début des clés
(``cles = "annexe1/"``) : le document dont le début est le plus long l'emporte. Chaque passage
doit avoir un document, sinon le chargement le refuse (une personne lirait un numéro).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import Field

from .._base.entrees import identifiant
from .._base.erreurs import Probleme
from .._base.messages import valider_entree
from .modeles import Source, _Immuable


class Document(_Immuable):
    """Un document source et son titre court, lu à voix haute par une conseillère.

    >>> Document(fichier="003_375575ca46760784.txt", titre="le rapport du CSSPS (2023)").titre
    'le rapport du CSSPS (2023)'
    """

    fichier: str = Field(min_length=1, max_length=200)
    #: Le titre court, avec son article (« l'Annexe 1 », « la mission du CNIPE »).
    titre: str = Field(min_length=3, max_length=120, pattern=r"^[a-zàâçéèêëîïôûùüÿœ]")
    #: Le début des clés de ses passages, si le fichier contient plusieurs documents.
    cles: str = Field("", max_length=80)
    #: La langue du document : un passage anglais se dit en français dans les textes, sans « ».
    langue: Literal["fr", "en"] = "fr"


def lire_documents(
    entrees: Sequence[tuple[str, str, int, dict[str, object]]], problemes: list[Probleme]
) -> list[Document]:
    """Les ``[[document]]`` valides parmi des entrées lues ; les autres deviennent des problèmes."""
    documents: dict[tuple[str, str], Document] = {}
    for nom, genre, rang, brute in entrees:
        if genre != "document":
            continue
        ident = identifiant(brute, "document", rang, cle="fichier")
        document = valider_entree(Document, brute, problemes, fichier=nom, id=ident)
        if document is None:
            continue
        if (document.fichier, document.cles) in documents:
            problemes.append(
                Probleme(
                    "document déjà déclaré pour ce fichier et ce début de clés",
                    fichier=nom,
                    id=ident,
                    champ="cles",
                    valeur=document.cles,
                )
            )
            continue
        documents[(document.fichier, document.cles)] = document
    return list(documents.values())


def titrer(
    sources: Sequence[Source],
    documents: Sequence[Document],
    problemes: list[Probleme],
    origines: Mapping[str, str] | None = None,
) -> list[Source]:
    """Les passages avec le titre de leur document ; un passage sans document est un problème
    (dans le fichier qui le déclare, ``origines[cle]``, sinon ``sources.toml``).

    >>> d = Document(fichier="f.txt", titre="le rapport")
    >>> s = Source(cle="r/a", fichier="f.txt", passage="x")
    >>> [x.titre for x in titrer([s], [d], [])]
    ['le rapport']
    >>> p = []
    >>> titrer([s], [], p) == [s]
    True
    >>> print(p[0])
    sources.toml : [r/a] champ 'fichier' : aucun [[document]] ne donne le titre de ce fichier ; ajoutez [[document]] fichier = "f.txt" et titre = "..." (reçu : 'f.txt')
    """
    titrees = []
    for source in sources:
        candidats = [
            d for d in documents if d.fichier == source.fichier and source.cle.startswith(d.cles)
        ]
        if not candidats:
            problemes.append(
                Probleme(
                    "aucun [[document]] ne donne le titre de ce fichier ; ajoutez [[document]] "
                    f'fichier = "{source.fichier}" et titre = "..."',
                    fichier=(origines or {}).get(source.cle, "sources.toml"),
                    id=source.cle,
                    champ="fichier",
                    valeur=source.fichier,
                )
            )
            titrees.append(source)
            continue
        document = max(candidats, key=lambda d: len(d.cles))
        titrees.append(
            source.model_copy(update={"titre": document.titre, "langue": document.langue})
        )
    return titrees
