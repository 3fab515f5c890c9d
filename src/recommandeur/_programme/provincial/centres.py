"""Les centres d'une province : un dossier par centre, avec les fichiers que lit ``plan``.

Une province (le ministère, la CNIPE) rassemble les fichiers que chaque centre a déjà pour son
propre plan ; chacun a ses identifiants, ses personnes mentores et sa surcouche ::

    province/
      css-des-erables/
        enseignants.csv       (ou .json, .toml : obligatoire)
        ecoles.csv            (obligatoire)
        mentors.csv           (facultatif : l'appariement)
        surcouche/            (facultatif : la surcouche du centre)
      css-du-lac/
        ...

Le nom du dossier est l'identifiant du centre. :func:`lire_province` dit **tous** les problèmes
de la forme à la fois, chacun avec son centre et son fichier (:class:`ErreurEffectifs`), avant
qu'un seul plan ne soit fait.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     _ = (Path(d) / "css-a").mkdir(), (Path(d) / "css-a" / "enseignants.csv").touch()
...     lire_province(d)
Traceback (most recent call last):
    ...
recommandeur.ErreurEffectifs: css-a/ecoles.csv : [css-a] manquant : le fichier des écoles du centre (ecoles.csv, .json ou .toml)
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ..._base.erreurs import ErreurEffectifs, Probleme, suggerer

#: Les extensions des fichiers d'effectifs (celles que lit ``plan``).
EXTENSIONS = (".csv", ".json", ".toml")
#: Les fichiers d'un centre : nom → ce qu'il contient.
FICHIERS = {
    "enseignants": "le fichier des enseignants du centre",
    "ecoles": "le fichier des écoles du centre",
    "mentors": "le fichier des personnes mentores du centre",
}
#: Le dossier de la surcouche d'un centre (facultatif).
SURCOUCHE = "surcouche"
#: Des classeurs qu'un centre pourrait déposer : refusés, avec le remède.
CLASSEURS = (".xlsx", ".xls", ".ods")


@dataclasses.dataclass(frozen=True)
class Centre:
    """Un centre de la province : son dossier et ses fichiers (``mentors``, ``surcouche`` : ou ``None``)."""

    id: str
    dossier: Path
    enseignants: Path
    ecoles: Path
    mentors: Path | None = None
    surcouche: Path | None = None

    def fichiers(self) -> list[Path]:
        """Tous les fichiers lus pour le plan du centre (surcouche comprise), dans un ordre fixe."""
        fichiers = [self.enseignants, self.ecoles, *([self.mentors] if self.mentors else [])]
        if self.surcouche is not None:
            fichiers += sorted(f for f in self.surcouche.rglob("*") if not f.is_dir())
        return fichiers


def _cle(nom: str) -> str:
    return unicodedata.normalize("NFC", nom).casefold()


def _visibles(dossier: Path) -> list[Path]:
    return sorted(
        (e for e in dossier.iterdir() if not e.name.startswith(".")), key=lambda e: e.name
    )


def lire_province(dossier: str | Path) -> list[Centre]:
    """Les centres d'une province (un sous-dossier chacun), triés par nom ; tous les problèmes sinon.

    Refusés : une province qui n'est pas un dossier ou n'a aucun centre, des effectifs posés à
    sa racine, deux centres de même nom à la casse près, un centre sans ``enseignants`` ou sans
    ``ecoles``, deux fichiers pour le même rôle (``enseignants.csv`` et ``enseignants.json``),
    un fichier inconnu du centre (``enseignant.csv`` : avec la suggestion), un classeur
    (``.xlsx``), une ``surcouche`` qui n'est pas un dossier. Les fichiers cachés
    (``.nom``) et les autres fichiers de la racine (un ``README.md``) sont ignorés.
    """
    racine = Path(dossier)
    if not racine.is_dir():
        probleme = Probleme(
            "la province est un dossier : un sous-dossier par centre, chacun avec ses "
            "enseignants.csv et ecoles.csv",
            fichier=str(racine),
            code="fichier",
        )
        raise ErreurEffectifs([probleme])
    problemes: list[Probleme] = []
    centres: list[Centre] = []
    par_cle: dict[str, list[Path]] = {}
    for entree in _visibles(racine):
        if entree.is_dir():
            par_cle.setdefault(_cle(entree.name), []).append(entree)
        elif entree.stem in FICHIERS and entree.suffix.lower() in EXTENSIONS:
            problemes.append(
                Probleme(
                    "des effectifs à la racine de la province : un sous-dossier par centre "
                    f"attendu (ex. mon-centre/{entree.name})",
                    fichier=entree.name,
                    code="fichier",
                )
            )
    for memes in par_cle.values():
        if len(memes) > 1:
            noms = " et ".join(f"« {m.name} »" for m in memes)
            problemes.append(
                Probleme(
                    f"centre en double : {noms} désignent le même centre (à la casse près) ; "
                    "en garder un",
                    fichier=f"{memes[0].name}/",
                    id=memes[0].name,
                    code="incoherent",
                )
            )
            continue
        centre = _centre(memes[0], problemes)
        if centre is not None:
            centres.append(centre)
    if not par_cle and not problemes:
        problemes.append(
            Probleme(
                "aucun centre : un sous-dossier par centre attendu (ex. mon-centre/enseignants.csv)",
                fichier=str(racine),
                code="manquant",
            )
        )
    if problemes:
        raise ErreurEffectifs(problemes)
    return centres


def _centre(dossier: Path, problemes: list[Probleme]) -> Centre | None:
    """Le centre d'un dossier, ou ``None`` (ses problèmes ajoutés à ``problemes``)."""
    nom = dossier.name
    entrees = _visibles(dossier)
    trouves: dict[str, list[Path]] = {role: [] for role in FICHIERS}
    avant = len(problemes)
    for entree in entrees:
        suffixe = entree.suffix.lower()
        if entree.is_dir():
            if entree.name != SURCOUCHE and suggerer(entree.name, [SURCOUCHE]):
                problemes.append(_inconnu(nom, entree.name + "/", [SURCOUCHE + "/"]))
        elif entree.name == SURCOUCHE:
            problemes.append(
                Probleme(
                    "la surcouche du centre est un dossier (ses fichiers TOML), pas un fichier",
                    fichier=f"{nom}/{entree.name}",
                    id=nom,
                    code="fichier",
                )
            )
        elif suffixe in EXTENSIONS and entree.stem in FICHIERS:
            trouves[entree.stem].append(entree)
        elif suffixe in EXTENSIONS:
            problemes.append(_inconnu(nom, entree.name, [f"{r}{suffixe}" for r in FICHIERS]))
        elif suffixe in CLASSEURS:
            problemes.append(
                Probleme(
                    "un classeur n'est pas lu : enregistrer chaque feuille en CSV UTF-8 "
                    "(Excel : Enregistrer sous › CSV UTF-8)",
                    fichier=f"{nom}/{entree.name}",
                    id=nom,
                    code="fichier",
                )
            )
    for role, chemins in trouves.items():
        if len(chemins) > 1:
            noms = " et ".join(c.name for c in chemins)
            problemes.append(
                Probleme(
                    f"{len(chemins)} fichiers pour {FICHIERS[role]} ({noms}) : en garder un",
                    fichier=f"{nom}/{chemins[0].name}",
                    id=nom,
                    code="incoherent",
                )
            )
        elif not chemins and role != "mentors":
            problemes.append(
                Probleme(
                    f"manquant : {FICHIERS[role]} ({role}.csv, .json ou .toml)",
                    fichier=f"{nom}/{role}.csv",
                    id=nom,
                    code="manquant",
                )
            )
    if len(problemes) > avant:
        return None
    surcouche = dossier / SURCOUCHE
    return Centre(
        id=nom,
        dossier=dossier,
        enseignants=trouves["enseignants"][0],
        ecoles=trouves["ecoles"][0],
        mentors=trouves["mentors"][0] if trouves["mentors"] else None,
        surcouche=surcouche if surcouche.is_dir() else None,
    )


def _inconnu(centre: str, nom: str, connus: Iterable[str]) -> Probleme:
    return Probleme(
        "fichier inconnu du centre : enseignants, ecoles, mentors (.csv, .json ou .toml) et "
        "surcouche/ sont lus",
        fichier=f"{centre}/{nom}",
        id=centre,
        valeur=nom,
        suggestions=suggerer(nom, connus),
    )


def dans_le_centre(centre: Centre, probleme: Probleme) -> Probleme:
    """Un problème d'un fichier du centre, nommé avec son centre (``css-a/enseignants.csv``).

    >>> c = Centre("css-a", Path("p/css-a"), Path("p/css-a/enseignants.csv"), Path("p/css-a/ecoles.csv"))
    >>> str(dans_le_centre(c, Probleme("valeur inconnue", fichier="enseignants.csv", id="ligne 3")))
    'css-a/enseignants.csv : [ligne 3] valeur inconnue'
    """
    fichier = f"{centre.id}/{probleme.fichier}" if probleme.fichier else f"{centre.id}/"
    return dataclasses.replace(probleme, fichier=fichier)
