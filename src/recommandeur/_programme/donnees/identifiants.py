"""Les identifiants des effectifs (personnes, écoles) : du texte, normalisé, comparé sans la casse.

Un identifiant vient d'un tableur ou d'un export : la même personne peut y être écrite
« É001 » (un caractère précomposé, NFC) ou « É001 » (E + accent combinant, NFD), « e001 » ou
« E001 ». La règle (voir ``docs/programme.md``) :

- un identifiant est du **texte** (un entier JSON ou TOML est admis et lu en texte) ;
  ``null``, une liste, une table, un booléen ou un nombre à virgule sont refusés ;
- les espaces autour sont retirés ; il est mis en forme **NFC** ;
- un caractère de contrôle (octet nul, tabulation, retour de ligne…) est refusé ; dans un
  texte libre (nom d'école, région, matières d'une personne mentore), tous sauf la tabulation
  et les fins de ligne ;
- deux identifiants qui ne diffèrent que par la casse (ou la forme Unicode) désignent la
  **même** personne (ou école) : le second est refusé comme déjà décrit.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator

#: Longueur maximale d'un identifiant.
LONGUEUR_MAX = 80


def lire_identifiant(valeur: object) -> tuple[str | None, str | None]:
    """``(identifiant, None)``, ``(None, None)`` s'il manque, ou ``(None, problème)``.

    >>> lire_identifiant("  E001 "), lire_identifiant(12), lire_identifiant(None)
    (('E001', None), ('12', None), (None, None))
    >>> lire_identifiant(["e1"])
    (None, 'attendu du texte, reçu une liste')
    >>> lire_identifiant("e\\x00 1")
    (None, "caractère de contrôle '\\\\x00' dans l'identifiant : refusé")
    >>> lire_identifiant("E\\u0301cole") == ("\\u00c9cole", None)
    True
    """
    if valeur is None:
        return None, None
    if isinstance(valeur, int) and not isinstance(valeur, bool):
        valeur = str(valeur) if abs(valeur) < 10**LONGUEUR_MAX else "0" * (LONGUEUR_MAX + 1)
    if not isinstance(valeur, str):
        return None, f"attendu du texte, reçu {_genre(valeur)}"
    texte = unicodedata.normalize("NFC", valeur.strip())
    if not texte:
        return None, None
    if (c := caractere_de_controle(texte)) is not None:
        return None, f"caractère de contrôle {c!a} dans l'identifiant : refusé"
    if len(texte) > LONGUEUR_MAX:
        return None, f"identifiant trop long ({len(texte)} caractères, au plus {LONGUEUR_MAX})"
    return texte, None


def caractere_de_controle(texte: str, blancs: bool = False) -> str | None:
    """Le premier caractère de contrôle du texte (octet nul, tabulation, retour de ligne…), ou
    ``None``. Avec ``blancs`` (un texte libre), la tabulation et les fins de ligne sont permises :
    un tableur les écrit ; il ne peut pas écrire les autres.

    >>> caractere_de_controle("École A"), caractere_de_controle("École\\x01A")
    (None, '\\x01')
    >>> caractere_de_controle("\\tÉcole"), caractere_de_controle("\\tÉcole", blancs=True)
    ('\\t', None)
    """
    for c in texte:
        if blancs and c in "\t\n\r\u2028\u2029":
            continue
        if unicodedata.category(c) in ("Cc", "Cs") or c in "\u2028\u2029":
            return c
    return None


def _sans_controle(texte: str) -> str:
    if (c := caractere_de_controle(texte, blancs=True)) is not None:
        raise ValueError(f"caractère de contrôle {c!a} refusé : le retirer du texte")
    return texte.replace("\r\n", "\n").replace("\r", "\n")


#: Un texte libre des effectifs (nom d'école, région, matière) : sans caractère de contrôle,
#: hors tabulation et fins de ligne ; une fin de ligne « \r\n » ou « \r » devient « \n »,
#: comme un tableur la relit.
TexteSansControle = Annotated[str, AfterValidator(_sans_controle)]


def cle(identifiant: str) -> str:
    """La clé de comparaison d'un identifiant : sans la casse.

    >>> cle("École-A") == cle("école-a")
    True
    """
    return identifiant.casefold()


def _genre(valeur: object) -> str:
    if isinstance(valeur, bool):
        return "un booléen"
    if isinstance(valeur, float):
        return "un nombre à virgule"
    if isinstance(valeur, list | tuple):
        return "une liste"
    if isinstance(valeur, dict):
        return "une table"
    return type(valeur).__name__
