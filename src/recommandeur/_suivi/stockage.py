"""Le stockage du journal en SQLite : le seul module qui importe ``sqlite3``.

Un fichier de journal porte son identifiant d'application (``PRAGMA application_id``) et la
version de son schéma (``PRAGMA user_version``) ; les migrations vont vers l'avant, une
version à la fois, chacune dans sa transaction. Mode WAL, clés étrangères, délai d'attente
du verrou ; chaque écriture est une seule transaction (``BEGIN IMMEDIATE``) : tout ou rien.
Toute erreur de SQLite devient une :class:`ErreurSuivi` qui nomme le fichier.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from .entrees import ADAPTATEUR, Arrivee, Entree
from .erreurs import ErreurSuivi

#: « RCSV » : l'identifiant des fichiers de journal de ``recommandeur``.
APPLICATION_ID = 0x52435356
#: Les migrations : la version atteinte → ses instructions (appliquées dans l'ordre).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE personne (id TEXT PRIMARY KEY, ecole TEXT NOT NULL) WITHOUT ROWID",
        "CREATE TABLE entree (n INTEGER PRIMARY KEY AUTOINCREMENT,"
        " personne TEXT NOT NULL REFERENCES personne(id) ON DELETE CASCADE,"
        " date TEXT NOT NULL, genre TEXT NOT NULL, donnees TEXT NOT NULL)",
        "CREATE INDEX entree_personne ON entree(personne, date, n)",
    ),
    2: ("CREATE INDEX entree_genre ON entree(genre, date)",),
}
#: La version du schéma que cette version de la bibliothèque écrit.
VERSION = max(MIGRATIONS)
#: Attente du verrou d'écriture par SQLite (ms), puis essais bornés.
ATTENTE_MS, ESSAIS = 5000, 20

T = TypeVar("T")


class Ecriture:
    """Une transaction d'écriture ouverte : lire l'historique d'une personne, insérer."""

    def __init__(self, connexion: sqlite3.Connection) -> None:
        self._c = connexion

    def historique(self, personne: str) -> list[Entree]:
        """Les entrées de la personne, triées par date puis ordre d'écriture."""
        return _lire(self._c, "WHERE personne = ? ORDER BY date, n", (personne,))

    def connue(self, personne: str) -> bool:
        """Vrai si la personne a une arrivée dans le journal."""
        sql = "SELECT 1 FROM personne WHERE id = ?"
        return self._c.execute(sql, (personne,)).fetchone() is not None

    def inserer(self, entrees: Sequence[Entree]) -> None:
        """Insère des entrées (l'arrivée d'une personne crée sa fiche)."""
        for e in entrees:
            if isinstance(e, Arrivee):
                self._c.execute(
                    "INSERT INTO personne(id, ecole) VALUES (?, ?)"
                    " ON CONFLICT(id) DO UPDATE SET ecole = excluded.ecole",
                    (e.personne, e.ecole),
                )
        self._c.executemany(
            "INSERT INTO entree(personne, date, genre, donnees) VALUES (?, ?, ?, ?)",
            [(e.personne, e.date.isoformat(), e.genre, e.model_dump_json()) for e in entrees],
        )


def _lire(c: sqlite3.Connection, suite: str, parametres: tuple[object, ...] = ()) -> list[Entree]:
    lignes = c.execute(f"SELECT donnees FROM entree {suite}", parametres).fetchall()
    return [ADAPTATEUR.validate_json(d) for (d,) in lignes]


class Stockage:
    """Un fichier de journal ouvert (ou ``":memory:"``)."""

    def __init__(self, chemin: str | Path) -> None:
        self.chemin = str(chemin)
        self.nom = f"journal {self.chemin}"
        if self.chemin != ":memory:":
            self._verifier_fichier(Path(self.chemin))
        self._c = self._garder(self._ouvrir)

    def _verifier_fichier(self, chemin: Path) -> None:
        if chemin.is_dir():
            raise ErreurSuivi(self.nom, "fichier", self.chemin, "donner un fichier", "un dossier")
        if chemin.exists() and not os.access(chemin, os.W_OK):
            raise ErreurSuivi(
                self.nom,
                "fichier",
                self.chemin,
                "en donner le droit d'écriture, ou en travailler sur une copie",
                "fichier en lecture seule : le journal ne peut pas y écrire",
            )
        if not chemin.parent.exists():
            raise ErreurSuivi(
                self.nom, "fichier", self.chemin, "créer d'abord le dossier", "dossier absent"
            )

    def _ouvrir(self) -> sqlite3.Connection:
        c = sqlite3.connect(self.chemin, timeout=ATTENTE_MS / 1000, isolation_level=None)
        try:
            c.execute(f"PRAGMA busy_timeout = {ATTENTE_MS}")
            c.execute("PRAGMA foreign_keys = ON")
            c.execute("PRAGMA secure_delete = ON")
            application, version = (
                c.execute("PRAGMA application_id").fetchone()[0],
                c.execute("PRAGMA user_version").fetchone()[0],
            )
            tables = c.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if application != APPLICATION_ID and (tables or version):
                raise self._refus("n'est pas un journal de suivi de recommandeur")
            if version > VERSION:
                raise self._refus(
                    f"écrit par une version plus récente de recommandeur (schéma {version} ; "
                    f"celle-ci lit jusqu'au schéma {VERSION})",
                    "mettre à jour recommandeur",
                )
            if self.chemin != ":memory:":
                c.execute("PRAGMA journal_mode = WAL")
            resultat = c.execute("PRAGMA quick_check").fetchone()[0]
            if resultat != "ok":
                raise self._refus(f"fichier endommagé ({resultat})")
            self._migrer(c, version)
        except BaseException:
            c.close()
            raise
        return c

    def _refus(self, probleme: str, suggestion: str | None = None) -> ErreurSuivi:
        return ErreurSuivi(self.nom, "fichier", self.chemin, suggestion, probleme)

    def _migrer(self, c: sqlite3.Connection, version: int) -> None:
        for cible in sorted(v for v in MIGRATIONS if v > version):
            c.execute("BEGIN IMMEDIATE")
            try:
                for instruction in MIGRATIONS[cible]:
                    c.execute(instruction)
                c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                c.execute(f"PRAGMA user_version = {cible}")
                c.execute("COMMIT")
            except BaseException:
                c.execute("ROLLBACK")
                raise

    def _garder(self, faire: Callable[[], T]) -> T:
        """Exécute ``faire`` ; une erreur de SQLite devient une :class:`ErreurSuivi`.

        Un verrou tenu au-delà du délai est réessayé, un nombre borné de fois.
        """
        for essai in range(ESSAIS):
            try:
                return faire()
            except sqlite3.OperationalError as exc:
                texte = str(exc)
                if ("locked" in texte or "busy" in texte) and essai < ESSAIS - 1:
                    time.sleep(0.05 * (essai + 1))
                    continue
                raise self._traduire(exc) from None
            except sqlite3.Error as exc:
                raise self._traduire(exc) from None
        raise AssertionError("inatteignable")  # pragma: no cover

    def _traduire(self, exc: sqlite3.Error) -> ErreurSuivi:
        texte = str(exc)
        if "not a database" in texte:
            return self._refus("n'est pas un journal de suivi (pas une base SQLite)")
        if "malformed" in texte or "corrupt" in texte:
            return self._refus("fichier endommagé ou tronqué", "repartir de la dernière copie")
        if "readonly" in texte:
            return self._refus("fichier en lecture seule", "en donner le droit d'écriture")
        if "locked" in texte or "busy" in texte:
            return self._refus(
                f"le journal est resté verrouillé par un autre programme ({ESSAIS} essais)",
                "réessayer plus tard",
            )
        return self._refus(f"erreur de SQLite : {texte}")

    def ecrire(self, faire: Callable[[Ecriture], T]) -> T:
        """Exécute ``faire`` dans une seule transaction d'écriture : tout ou rien."""

        def transaction() -> T:
            self._c.execute("BEGIN IMMEDIATE")
            try:
                resultat = faire(Ecriture(self._c))
                self._c.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._c.execute("ROLLBACK")
                raise
            return resultat

        return self._garder(transaction)

    def entrees(self, personne: str | None = None) -> list[Entree]:
        """Les entrées d'une personne (ou de toutes), par personne, date, ordre d'écriture."""
        if personne is None:
            return self._garder(lambda: _lire(self._c, "ORDER BY personne, date, n"))
        return self._garder(lambda: Ecriture(self._c).historique(personne))

    def personnes(self) -> list[str]:
        """Les identifiants des personnes du journal, triés."""
        lignes = self._garder(lambda: self._c.execute("SELECT id FROM personne ORDER BY id"))
        return [p for (p,) in lignes.fetchall()]

    def compter(self) -> int:
        """Le nombre d'entrées."""
        return int(
            self._garder(lambda: self._c.execute("SELECT count(*) FROM entree").fetchone()[0])
        )

    def effacer(self, personne: str) -> int:
        """Efface une personne et toutes ses entrées, puis réécrit le fichier (``VACUUM``) et
        vide le journal WAL : le fichier n'en garde aucune copie. Le nombre d'entrées effacées."""

        def supprimer(e: Ecriture) -> int:
            n = e._c.execute("DELETE FROM entree WHERE personne = ?", (personne,)).rowcount
            e._c.execute("DELETE FROM personne WHERE id = ?", (personne,))
            return int(n)

        n = self.ecrire(supprimer)
        self._garder(lambda: self._c.execute("VACUUM"))
        self._garder(lambda: self._c.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
        return n

    def version(self) -> int:
        """La version du schéma du fichier."""
        return int(self._garder(lambda: self._c.execute("PRAGMA user_version").fetchone()[0]))

    def fermer(self) -> None:
        """Ferme le fichier (le WAL est reversé dans le fichier par SQLite)."""
        self._c.close()
