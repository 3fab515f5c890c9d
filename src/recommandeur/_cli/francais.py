"""argparse en français : les messages d'aide et d'erreur de la commande ``recommandeur``.

argparse écrit ses textes par ``gettext`` ; pendant l'analyse des arguments de la commande,
:func:`en_francais` lui substitue cette table (et rien d'autre : le reste du processus garde
son argparse).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import signal
import sys
import threading
from collections.abc import Iterator

TRADUCTIONS: dict[str, str] = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "optional arguments": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix inconnu : %(value)r (choisir parmi %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "invalid %(type)s value: %(value)r": "valeur invalide (%(type)s attendu) : %(value)r",
    "expected one argument": "une valeur est attendue",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "ignored explicit argument %r": "argument explicite ignoré : %r",
}
_PLURIELS: dict[str, tuple[str, str]] = {
    "expected %s argument": ("%s valeur attendue", "%s valeurs attendues"),
}


def traduire(message: str) -> str:
    """Le message d'argparse en français (inchangé s'il n'est pas dans la table).

    >>> traduire("the following arguments are required: %s") % "profil"
    'arguments obligatoires manquants : profil'
    """
    return TRADUCTIONS.get(message, message)


def _traduire_pluriel(singulier: str, pluriel: str, n: int) -> str:
    if singulier in _PLURIELS:
        un, plusieurs = _PLURIELS[singulier]
        return un if n == 1 else plusieurs
    return singulier if n == 1 else pluriel


@contextlib.contextmanager
def en_francais() -> Iterator[None]:
    """Pendant le bloc, argparse parle français.

    >>> with en_francais():
    ...     argparse.ArgumentParser(prog="x").format_usage()
    'utilisation : x [-h]\\n'
    """
    avant = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = traduire, _traduire_pluriel  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = avant  # type: ignore[attr-defined]


def entier(texte: str) -> int:
    """Le type « entier » des options (son nom figure dans le message d'argparse).

    >>> entier("5")
    5
    """
    return int(texte)


#: Les erreurs du système les plus courantes, en français.
ERREURS_SYSTEME: dict[int, str] = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.EISDIR: "c'est un dossier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ELOOP: "trop de liens symboliques (ou une boucle)",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EEXIST: "le fichier existe déjà",
    errno.EXDEV: "déplacement entre deux systèmes de fichiers impossible",
}
#: Le message d'une erreur du système qui n'est pas dans la table : son numéro, pas l'anglais.
ERREUR_INCONNUE = "erreur du système (errno {})"


def erreur_systeme(exc: OSError) -> str:
    """Le message français d'une erreur du système : ``fichier : raison``.

    >>> erreur_systeme(FileNotFoundError(errno.ENOENT, "No such file", "/x/y.png"))
    '/x/y.png : fichier ou dossier introuvable'
    """
    raison = ERREURS_SYSTEME.get(exc.errno or -1, ERREUR_INCONNUE.format(exc.errno))
    return f"{exc.filename} : {raison}" if exc.filename else raison


def dire_erreur(exc: Exception) -> None:
    """Écrit une erreur de l'utilisateur sur l'erreur standard : tous ses problèmes, un par ligne."""
    problemes = getattr(exc, "problemes", ())
    if len(problemes) > 1:  # la commande les dit tous, pas seulement les premiers
        print(f"erreur : {len(problemes)} problèmes", file=sys.stderr)
        for probleme in problemes:
            print(f"  {probleme}", file=sys.stderr)
        return
    message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
    print(f"erreur : {message}", file=sys.stderr)


#: Code de sortie après Ctrl-C (128 + SIGINT).
INTERROMPU = 130


class Interruption(BaseException):
    """La commande est arrêtée par un signal (``SIGTERM`` : ``kill``, ``timeout``, systemd)."""

    def __init__(self, signal_: int) -> None:
        super().__init__(signal.Signals(signal_).name)
        self.code = 128 + signal_


@contextlib.contextmanager
def arret_propre() -> Iterator[None]:
    """Pendant le bloc, ``SIGTERM`` lève :class:`Interruption` : les blocs ``finally``
    s'exécutent (les processus de calcul d'un plan sont arrêtés, les fichiers provisoires
    retirés) et la commande sort avec le code 143.

    >>> with arret_propre():
    ...     signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    True
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrompre(numero: int, _cadre: object) -> None:
        raise Interruption(numero)

    avant = signal.signal(signal.SIGTERM, interrompre)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, avant)
