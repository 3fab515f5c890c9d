"""Les erreurs de syntaxe TOML de ``tomllib``, dites en français avec leur ligne et leur colonne.

``tomllib`` écrit ses messages en anglais (« Illegal character '\\n' (at line 3, column 11) ») ;
l'auteur d'un fichier de règles ou de catalogue lit ici « ligne 3, colonne 11 : caractère
interdit (fin de ligne) », avec une piste pour corriger.
"""

from __future__ import annotations

import re
import tomllib
from typing import Final

from .probleme import Probleme

_POSITION = re.compile(
    r"^(?P<message>.*) \(at (?:line (?P<ligne>\d+), column (?P<colonne>\d+)|(?P<fin>end of document))\)$",
    re.DOTALL,
)

_CARACTERES: Final = {
    "\n": "fin de ligne",
    "\r": "retour chariot",
    "\t": "tabulation",
    " ": "espace",
    '"': "guillemet",
    "'": "apostrophe",
}

#: Les messages de ``tomllib`` (sans leurs variables) et leur traduction, avec une piste.
_MESSAGES: Final[tuple[tuple[str, str], ...]] = (
    (r"Invalid statement", "instruction invalide ; attendu « clé = valeur », [table] ou [[liste]]"),
    (r"Expected '=' after a key in a key/value pair", "« = » attendu après la clé"),
    (
        r"Expected ']' at the end of a table declaration",
        "« ] » attendu à la fin de l'en-tête de table",
    ),
    (
        r"Expected ']]' at the end of an array declaration",
        "« ]] » attendu à la fin de l'en-tête [[…]]",
    ),
    (r"Invalid initial character for a key part", "une clé ne peut pas commencer par ce caractère"),
    (r"Unclosed array", "liste non fermée ; attendu « ] » ou une virgule"),
    (
        r"Unclosed inline table",
        "table en ligne non fermée ; attendu « } » ou une virgule, sur la même ligne",
    ),
    (
        r"Unterminated string",
        'chaîne non terminée ; fermer le guillemet sur la même ligne, ou écrire """…"""',
    ),
    (r"Unescaped '\\' in a string", "barre oblique inverse « \\ » non échappée ; écrire « \\\\ »"),
    (r"Invalid hex value", "valeur hexadécimale invalide dans une séquence d'échappement"),
    (r"Escaped character is not a Unicode scalar value", "caractère échappé hors d'Unicode"),
    (r"Invalid date or datetime", "date ou heure invalide"),
    (
        r"Invalid value",
        "valeur invalide ; une chaîne s'écrit entre guillemets, un booléen true ou false",
    ),
    (r"Cannot overwrite a value", "valeur déjà définie : une clé ne s'écrit qu'une fois"),
    (r"Cannot declare (?P<x>.*) twice", "table {x} déclarée deux fois"),
    (
        r"Cannot mutate immutable namespace (?P<x>.*)",
        "{x} est déjà définie en ligne et ne peut plus être complétée",
    ),
    (r"Cannot redefine namespace (?P<x>.*)", "{x} est déjà définie et ne peut pas être redéfinie"),
    (r"Duplicate inline table key (?P<x>.*)", "clé {x} répétée dans une table en ligne"),
    (r"Expected (?P<x>.*)", "{x} attendu"),
    (r"Found invalid character (?P<x>.*)", "caractère inattendu {x}"),
    (r"Illegal character (?P<x>.*)", "caractère interdit {x}"),
)


def _caractere(repr_: str) -> str:
    """``"'\\n'"`` (un repr de caractère) → « fin de ligne » ; un autre caractère reste cité."""
    try:
        caractere = repr_.strip()[1:-1].encode("ascii", "backslashreplace").decode("unicode_escape")
    except (UnicodeDecodeError, ValueError):  # pragma: no cover - repr de tomllib toujours lisible
        return repr_
    nom = _CARACTERES.get(caractere)
    return f"({nom})" if nom else repr_


def traduire(message: str) -> str:
    """Un message de ``tomllib`` sans sa position, en français.

    >>> traduire("Illegal character '\\\\n'")
    'caractère interdit (fin de ligne) ; une chaîne entre guillemets se ferme sur la même ligne'
    >>> traduire("Cannot declare ('regle',) twice")
    "table ('regle',) déclarée deux fois"
    """
    for motif, francais in _MESSAGES:
        trouve = re.fullmatch(motif, message, re.DOTALL)
        if trouve is None:
            continue
        variable = trouve.groupdict().get("x")
        if variable is None:
            return francais
        if motif.startswith(("Illegal", "Found")):
            texte = francais.format(x=_caractere(variable))
            if variable in {"'\\n'", "'\\r'"}:
                texte += " ; une chaîne entre guillemets se ferme sur la même ligne"
            return texte
        return francais.format(x=variable)
    return message


def position(exc: tomllib.TOMLDecodeError) -> tuple[str, int | None, int | None]:
    """Le message (anglais, sans position), la ligne et la colonne d'une erreur de ``tomllib``.

    >>> try:
    ...     tomllib.loads("a = 1\\nb = ?\\n")
    ... except tomllib.TOMLDecodeError as exc:
    ...     position(exc)
    ('Invalid value', 2, 5)
    """
    trouve = _POSITION.match(str(exc))
    if trouve is None:  # pragma: no cover - tomllib met toujours la position
        return str(exc), None, None
    if trouve["fin"]:
        return trouve["message"], None, None
    return trouve["message"], int(trouve["ligne"]), int(trouve["colonne"])


def probleme_toml(exc: tomllib.TOMLDecodeError, fichier: str | None) -> Probleme:
    """Le problème d'un TOML mal formé : fichier, ligne et colonne (dans ``id``), message français.

    >>> try:
    ...     tomllib.loads('titre = "Essai\\n')
    ... except tomllib.TOMLDecodeError as exc:
    ...     print(probleme_toml(exc, "regles.toml"))
    regles.toml : [ligne 1, colonne 15] TOML invalide : caractère interdit (fin de ligne) ; une chaîne entre guillemets se ferme sur la même ligne
    """
    anglais, ligne, colonne = position(exc)
    lieu = "fin du fichier" if ligne is None else f"ligne {ligne}, colonne {colonne}"
    return Probleme(
        f"TOML invalide : {traduire(anglais)}", fichier=fichier, id=lieu, code="fichier"
    )
