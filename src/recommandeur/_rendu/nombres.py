"""Les nombres écrits à la française : espace fine insécable des milliers, virgule décimale.

L'espace des milliers est l'espace fine insécable (U+202F) : un nombre ne se coupe jamais en
fin de ligne, et un tableur ou un lecteur d'écran le lit comme un seul mot. La même espace
sépare un nombre de son unité (``%``, ``$``, ``h``).

>>> entier(30000), decimal(1234.5), pour_cent(0.275), montant(1600), heures(12.5)
('30\u202f000', '1\u202f234,5', '27,5\u202f%', '1\u202f600\u202f$', '12,5\u202fh')
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

#: L'espace fine insécable : celle des milliers et celle d'avant une unité.
ESPACE = "\u202f"
#: Ce qu'on écrit pour une valeur inconnue (``None``) ou qui n'est pas un nombre fini.
INCONNU = "—"


def decimal(x: float | None, chiffres: int = 1) -> str:
    """``x`` arrondi à ``chiffres`` décimales (la moitié vers le haut, comme à la main),
    sans zéros inutiles, à la française.

    >>> decimal(1234567.891, 2), decimal(2.0), decimal(-0.04), decimal(2.25), decimal(None)
    ('1\u202f234\u202f567,89', '2', '0', '2,3', '—')
    """
    if x is None or not math.isfinite(x):
        return INCONNU
    arrondi = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-chiffres), ROUND_HALF_UP)
    texte = f"{arrondi:,.{chiffres}f}"
    if "." in texte:
        texte = texte.rstrip("0").rstrip(".")
    if texte in ("-0", ""):
        texte = "0"
    return texte.replace(",", ESPACE).replace(".", ",")


def entier(n: int | None) -> str:
    """Un entier, ses milliers séparés par une espace fine insécable.

    >>> entier(999), entier(1000), entier(-1234567), entier(None)
    ('999', '1\u202f000', '-1\u202f234\u202f567', '—')
    """
    return INCONNU if n is None else f"{n:,}".replace(",", ESPACE)


def pour_cent(part: float | None, chiffres: int = 1) -> str:
    """Une part (0 à 1) en pour cent.

    >>> pour_cent(0.45), pour_cent(1 / 3), pour_cent(None)
    ('45\u202f%', '33,3\u202f%', '—')
    """
    return INCONNU if part is None else f"{decimal(part * 100, chiffres)}{ESPACE}%"


def montant(dollars: float | None) -> str:
    """Un montant en dollars, à l'unité.

    >>> montant(1600), montant(12345.6)
    ('1\u202f600\u202f$', '12\u202f346\u202f$')
    """
    return INCONNU if dollars is None else f"{decimal(dollars, 0)}{ESPACE}$"


def heures(h: float | None) -> str:
    """Des heures, au dixième.

    >>> heures(1500), heures(None)
    ('1\u202f500\u202fh', '—')
    """
    return INCONNU if h is None else f"{decimal(h)}{ESPACE}h"
