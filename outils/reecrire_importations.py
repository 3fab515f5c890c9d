"""Réécrit les importations des modules déplacés (réorganisations du ticket 21 et de ``_programme/``).

Les modules en vrac de la racine de ``src/recommandeur/`` sont rangés en paquets (``_base/``,
``_vocabulaire/``, ``_cli/``, ...). Après avoir fusionné ``main``, une branche qui importe encore
un ancien module lance ::

    .venv/bin/python outils/reecrire_importations.py            # réécrit, dit les fichiers changés
    .venv/bin/python outils/reecrire_importations.py --verifier # code 1 s'il reste à réécrire
    .venv/bin/python outils/reecrire_importations.py --conflits # résout les conflits git
                                                                # qui ne portent que sur des importations
    .venv/bin/ruff check --fix                                  # trie et retire les importations en trop

Ce qui est réécrit, dans ``src``, ``tests``, ``bench``, ``outils``, ``exemples``, ``docs`` (dont les
blocs python des pages), ``conftest.py`` et ``README.md`` :

- ``from recommandeur._x import ...``, ``from .._x import ...``, ``from ._x import ...`` (les
  importations relatives sont résolues depuis le paquet du fichier, ou depuis son ancien paquet si
  le fichier a lui-même été déplacé, puis réécrites relativement à son paquet actuel) ;
- ``from . import _x`` et ``from recommandeur import _x`` → ``from <paquet> import x as _x`` ;
- les noms pointés ``recommandeur._x`` partout (``import recommandeur._x``, chaînes de
  ``monkeypatch``, ``:mod:`` des docstrings) ;
- les chemins de fichiers ``_x.py`` (champ ``fichier`` de ``outils/mutants.toml``, pages).

Idempotent : un second passage ne change rien. ``--conflits`` ne touche que les fichiers dont
chaque bloc ``<<<<<<< ... >>>>>>>`` ne contient, de chaque côté, que des importations : il garde
l'union des deux côtés (réécrite) ; les autres fichiers en conflit sont listés, à résoudre à la main.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
SOURCES = RACINE / "src"

# Ancien module → nouveau module. Les importations de ces modules sont réécrites.
MODULES: dict[str, str] = {
    **{
        f"recommandeur._{nom}": f"recommandeur._base.{nom}"
        for nom in (
            "apercu",
            "attendus",
            "chemins",
            "ecriture",
            "entrees",
            "erreurs",
            "fichiers",
            "messages",
            "probleme",
            "schema_erreur",
            "schema_json",
            "suggestions",
            "toml_francais",
        )
    },
    "recommandeur._titres": "recommandeur._vocabulaire.titres",
    "recommandeur._centre": "recommandeur._vocabulaire.centre",
    "recommandeur._surcouche": "recommandeur._catalogue.surcouche",
    "recommandeur._cli": "recommandeur._cli.commande",
    **{
        f"recommandeur._cli_{nom}": f"recommandeur._cli.{nom}"
        for nom in ("donnees", "francais", "plan", "profil", "reparation", "suivi")
    },
    "recommandeur._rendu.valeurs": "recommandeur._langage.valeurs",
    # Réorganisation de ``_programme/`` (session du 2026-12-04 soir) : un sous-paquet par concept.
    # Aucun sous-paquet ne porte le nom d'un ancien module (la réécriture reste idempotente).
    **{
        f"recommandeur._programme.{nom}": f"recommandeur._programme.{paquet}.{nom}"
        for paquet, noms in {
            "donnees": ("lecture", "colonnes", "identifiants", "effectifs", "ecoles", "mentors"),
            "calcul": ("parallele", "au_fil", "fils_de_calcul", "resume", "progression"),
            "plans_d_ecole": (
                "calibrage",
                "ciblage",
                "modele_ecole",
                "par_ecole",
                "groupes",
                "charge",
            ),
            "centre": ("portrait", "calendrier", "bilan"),
            "jumelage": (
                "appariement",
                "criteres",
                "raisons_paires",
                "mentorat",
                "modeles_mentorat",
            ),
            "ressources": ("capacite", "couts"),
            "sorties": (
                "rapport",
                "rendus",
                "sections",
                "contenus",
                "contenus_mentorat",
                "graphiques",
                "exports",
                "exports_mentorat",
                "classeur",
                "texte",
                "confidentiel",
            ),
            "provincial": ("province", "centres", "recapitulatif", "reprise"),
        }.items()
        for nom in noms
    },
}

# Fichiers déplacés : nouveau module → ancien module (pour résoudre leurs importations relatives
# écrites avant le déplacement). ``_vocabulaire`` garde son nom : le paquet réexporte tout.
ANCIENS: dict[str, str] = {nouveau: ancien for ancien, nouveau in MODULES.items()} | {
    "recommandeur._vocabulaire.enumerations": "recommandeur._vocabulaire"
}

# Paquets qui portent le nom d'un ancien module : ``from recommandeur._cli import plan`` vise le
# paquet quand ``plan`` en est un sous-module. Les sous-modules sont lus dans le dépôt : un
# module ajouté au paquet après la réorganisation (``_cli/province.py``) n'est pas un nom de
# l'ancien ``_cli.py`` (``import recommandeur._cli.province`` était réécrit à tort).
SOUS_MODULES: dict[str, set[str]] = {
    "recommandeur._cli": {
        chemin.stem
        for chemin in (RACINE / "src" / "recommandeur" / "_cli").glob("*.py")
        if chemin.stem != "__init__"
    },
}

DOSSIERS = ("src", "tests", "bench", "outils", "exemples", "docs")
FICHIERS_RACINE = ("conftest.py", "README.md")
EXCLUS = {Path("outils/reecrire_importations.py"), Path("tests/test_reecrire_importations.py")}
EXCLUS_DOSSIERS = (Path("docs/revues"),)  # l'histoire : les revues nomment les fichiers d'alors

MARQUE_DEBUT, MARQUE_BASE, MARQUE_MILIEU, MARQUE_FIN = "<<<<<<<", "|||||||", "=======", ">>>>>>>"


def _motif_pointe() -> re.Pattern[str]:
    anciens = sorted((m for m in MODULES if m != "recommandeur._cli"), key=len, reverse=True)
    alternatives = "|".join(re.escape(m) for m in anciens)
    return re.compile(rf"(?<![\w.])({alternatives})(?![\w])")


POINTE = _motif_pointe()
# ``recommandeur._cli.x`` où ``x`` n'est pas un sous-module du paquet : un nom de l'ancien module.
CLI_POINTE = re.compile(
    r"(?<![\w.])recommandeur\._cli\.(?!(?:"
    + "|".join(sorted(SOUS_MODULES["recommandeur._cli"]))
    + r")\b)(?=[A-Za-z_])"
)


def _chemin(module: str) -> str:
    return module.removeprefix("recommandeur.").replace(".", "/") + ".py"


CHEMINS: dict[str, str] = {
    _chemin(ancien): _chemin(nouveau) for ancien, nouveau in MODULES.items()
} | {"_vocabulaire.py": "_vocabulaire/enumerations.py"}
CHEMIN = re.compile(
    r"(?<![\w/])("
    + "|".join(re.escape(a) for a in sorted(CHEMINS, key=len, reverse=True))
    + r")(?![\w])"
)


def existe(module: str) -> bool:
    """Le module existe-t-il dans ``src/`` (fichier ou paquet) ?"""
    chemin = SOURCES.joinpath(*module.split("."))
    return chemin.with_suffix(".py").is_file() or (chemin / "__init__.py").is_file()


def module_du_fichier(fichier: Path) -> str | None:
    """Le nom de module d'un fichier de ``src/`` (``None`` ailleurs)."""
    try:
        morceaux = list(fichier.resolve().relative_to(SOURCES).with_suffix("").parts)
    except ValueError:
        return None
    if morceaux[-1] == "__init__":
        morceaux.pop()
    return ".".join(morceaux)


def _paquet(module: str, est_init: bool) -> str:
    return module if est_init else module.rsplit(".", 1)[0]


def _resoudre(niveau: int, module: str | None, paquet: str) -> str:
    base = paquet.split(".")
    if niveau > 1:
        base = base[: len(base) - niveau + 1]
    return ".".join([*base, module] if module else base)


def _relatif(cible: str, paquet: str) -> tuple[int, str]:
    """``cible`` écrite relativement à ``paquet`` : (nombre de points, reste)."""
    c, p = cible.split("."), paquet.split(".")
    commun = 0
    while commun < min(len(c), len(p)) and c[commun] == p[commun]:
        commun += 1
    return len(p) - commun + 1, ".".join(c[commun:])


def _nouvelle_base(absolu: str, noms: list[str]) -> str | None:
    """Le nouveau module d'un ``from absolu import noms``, ou ``None`` s'il ne change pas."""
    if absolu not in MODULES:
        return None
    if absolu in SOUS_MODULES and all(n in SOUS_MODULES[absolu] for n in noms):
        return None
    return MODULES[absolu]


def _ecrire_de(niveau: int, cible: str, paquet: str | None) -> str:
    if niveau == 0 or paquet is None:
        return cible
    points, reste = _relatif(cible, paquet)
    return "." * points + reste


def _absolu(noeud: ast.ImportFrom, paquet: str | None, ancien_paquet: str | None) -> str | None:
    if not noeud.level:
        return noeud.module or ""
    if paquet is None:
        return None
    absolu = _resoudre(noeud.level, noeud.module, paquet)
    if noeud.module is None and ancien_paquet is not None:
        # ``from . import x`` dans un fichier déplacé : ``x`` est resté dans l'ancien paquet.
        ancien = _resoudre(noeud.level, None, ancien_paquet)
        if not any(existe(f"{absolu}.{a.name}") for a in noeud.names) and any(
            existe(f"{ancien}.{a.name}") for a in noeud.names
        ):
            return ancien
    if existe(absolu) or absolu in MODULES or ancien_paquet is None:
        return absolu
    return _resoudre(noeud.level, noeud.module, ancien_paquet)


def _partager_point(
    noeud: ast.ImportFrom, paquet: str | None, ancien_paquet: str | None
) -> list[tuple[str, list[ast.alias]]] | None:
    """``from . import a, b`` dans un fichier déplacé, ``a`` dans son nouveau paquet et ``b``
    resté dans l'ancien : deux importations (``None`` si les noms ne se partagent pas ainsi)."""
    if not noeud.level or noeud.module is not None or paquet is None or ancien_paquet is None:
        return None
    ici = _resoudre(noeud.level, None, paquet)
    ancien = _resoudre(noeud.level, None, ancien_paquet)
    restes = [a for a in noeud.names if existe(f"{ici}.{a.name}")]
    partis = [a for a in noeud.names if a not in restes and existe(f"{ancien}.{a.name}")]
    if not restes or not partis or len(restes) + len(partis) != len(noeud.names):
        return None
    return [("." * noeud.level, restes), (_ecrire_de(noeud.level, ancien, paquet), partis)]


def _reecrire_noeud(
    noeud: ast.ImportFrom, paquet: str | None, ancien_paquet: str | None
) -> list[tuple[str, list[ast.alias]]] | None:
    """Les importations qui remplacent ``noeud`` : [(module écrit, noms)], ``None`` si inchangé."""
    if (partage := _partager_point(noeud, paquet, ancien_paquet)) is not None:
        return partage
    absolu = _absolu(noeud, paquet, ancien_paquet)
    if absolu is None:
        return None
    noms = [a.name for a in noeud.names]
    nouvelle = _nouvelle_base(absolu, noms)
    if nouvelle is not None:
        return [(_ecrire_de(noeud.level, nouvelle, paquet), list(noeud.names))]
    modules = [f"{absolu}.{a.name}" for a in noeud.names]
    deplaces = [m in MODULES for m in modules]
    ecrit_avant = "." * noeud.level + (noeud.module or "")
    ecrit = _ecrire_de(noeud.level, absolu, paquet) if noeud.level else absolu
    if not any(deplaces):
        return None if ecrit == ecrit_avant else [(ecrit, list(noeud.names))]
    restes = [a for a, d in zip(noeud.names, deplaces, strict=True) if not d]
    resultat = [(ecrit, restes)] if restes else []
    for alias, module, deplace in zip(noeud.names, modules, deplaces, strict=True):
        if deplace:
            parent, feuille = MODULES[module].rsplit(".", 1)
            resultat.append(
                (
                    _ecrire_de(noeud.level, parent, paquet),
                    [ast.alias(name=feuille, asname=alias.asname or alias.name)],
                )
            )
    return resultat


def _alias(a: ast.alias) -> str:
    return a.name if not a.asname or a.asname == a.name else f"{a.name} as {a.asname}"


def _instruction(module: str, noms: list[ast.alias], retrait: str) -> str:
    une = f"{retrait}from {module} import {', '.join(_alias(a) for a in noms)}"
    if len(une) <= 100:
        return une
    corps = "".join(f"{retrait}    {_alias(a)},\n" for a in noms)
    return f"{retrait}from {module} import (\n{corps}{retrait})"


def _paquets(fichier: Path) -> tuple[str | None, str | None]:
    module = module_du_fichier(fichier)
    if module is None:
        return None, None
    est_init = fichier.name == "__init__.py"
    paquet = _paquet(module, est_init)
    ancien = ANCIENS.get(module)
    return paquet, (_paquet(ancien, False) if ancien else None)


def reecrire_python(texte: str, fichier: Path) -> str:
    """Les importations ``from ... import`` d'un code python réécrites (ast), puis le texte."""
    paquet, ancien_paquet = _paquets(fichier)
    try:
        arbre = ast.parse(texte)
    except SyntaxError:
        return reecrire_texte(texte)
    lignes = texte.splitlines(keepends=True)
    remplacements: list[tuple[int, int, str]] = []
    for noeud in ast.walk(arbre):
        if not isinstance(noeud, ast.ImportFrom):
            continue
        nouveau = _reecrire_noeud(noeud, paquet, ancien_paquet)
        if nouveau is None:
            continue
        debut, fin = noeud.lineno - 1, (noeud.end_lineno or noeud.lineno) - 1
        premiere = lignes[debut]
        retrait = premiere[: len(premiere) - len(premiere.lstrip())]
        if len(nouveau) == 1 and [a.name for a in nouveau[0][1]] == [a.name for a in noeud.names]:
            ecrit_avant = "." * noeud.level + (noeud.module or "")
            motif = re.compile(rf"(from\s+){re.escape(ecrit_avant)}(\s+import\b)")
            bloc = "".join(lignes[debut : fin + 1])
            bloc = motif.sub(rf"\g<1>{nouveau[0][0]}\g<2>", bloc, count=1)
        else:
            fin_ligne = lignes[fin][len(lignes[fin].rstrip("\r\n")) :] or "\n"
            bloc = "\n".join(_instruction(m, n, retrait) for m, n in nouveau) + fin_ligne
        remplacements.append((debut, fin, bloc))
    for debut, fin, bloc in sorted(remplacements, reverse=True):
        lignes[debut : fin + 1] = [bloc]
    return reecrire_texte("".join(lignes))


def reecrire_texte(texte: str) -> str:
    """Les noms pointés ``recommandeur._x`` et les chemins ``_x.py`` réécrits partout."""
    texte = POINTE.sub(lambda m: MODULES[m.group(1)], texte)
    texte = CLI_POINTE.sub("recommandeur._cli.commande.", texte)
    return CHEMIN.sub(lambda m: CHEMINS[m.group(1)], texte)


BLOC_PYTHON = re.compile(r"(^```(?:python|pycon|py)[^\n]*\n)(.*?)(^```)", re.S | re.M)


def reecrire(texte: str, fichier: Path) -> str:
    """Le contenu d'un fichier réécrit selon son genre (python, page Markdown, autre texte)."""
    if fichier.suffix == ".py":
        return reecrire_python(texte, fichier)
    if fichier.name == "mutants.toml":  # l'« apres » d'un mutant peut nommer un ancien module
        return "".join(
            ligne if ligne.startswith("apres = ") else reecrire_texte(ligne)
            for ligne in texte.splitlines(keepends=True)
        )
    if fichier.suffix == ".md":
        texte = BLOC_PYTHON.sub(
            lambda m: m.group(1) + reecrire_python(m.group(2), fichier) + m.group(3), texte
        )
    return reecrire_texte(texte)


def fichiers(racine: Path = RACINE) -> Iterator[Path]:
    """Les fichiers de texte à réécrire."""
    for dossier in DOSSIERS:
        for chemin in sorted((racine / dossier).rglob("*")):
            relatif = chemin.relative_to(racine)
            if (
                chemin.is_file()
                and chemin.suffix in {".py", ".md", ".toml", ".txt", ".rst", ".cfg", ".ini"}
                and relatif not in EXCLUS
                and not any(relatif.is_relative_to(d) for d in EXCLUS_DOSSIERS)
                and ".venv" not in relatif.parts
                and "__pycache__" not in relatif.parts
            ):
                yield chemin
    for nom in FICHIERS_RACINE:
        if (racine / nom).is_file():
            yield racine / nom


# --- conflits git -------------------------------------------------------------------------------


def _blocs_de_conflit(lignes: list[str]) -> Iterator[tuple[int, int, list[str], list[str]]]:
    """Les blocs en conflit : (début, fin, côté « nous », côté « eux »), bornes comprises."""
    i = 0
    while i < len(lignes):
        if lignes[i].startswith(MARQUE_DEBUT):
            debut, nous, eux, cote = i, [], [], "nous"
            i += 1
            while i < len(lignes) and not lignes[i].startswith(MARQUE_FIN):
                if lignes[i].startswith(MARQUE_BASE):
                    cote = "base"
                elif lignes[i].rstrip("\r\n") == MARQUE_MILIEU:
                    cote = "eux"
                elif cote == "nous":
                    nous.append(lignes[i])
                elif cote == "eux":
                    eux.append(lignes[i])
                i += 1
            yield debut, i, nous, eux
        i += 1


def _importations(cote: list[str]) -> list[ast.ImportFrom | ast.Import] | None:
    """Les importations d'un côté d'un conflit, ou ``None`` s'il contient autre chose."""
    try:
        arbre = ast.parse(textwrap.dedent("".join(cote)))
    except SyntaxError:
        return None
    if not all(isinstance(n, ast.Import | ast.ImportFrom) for n in arbre.body):
        return None
    return [n for n in arbre.body if isinstance(n, ast.Import | ast.ImportFrom)]


def resoudre_conflits(texte: str, fichier: Path) -> str | None:
    """Le texte sans conflit si chaque bloc n'oppose que des importations, sinon ``None``."""
    lignes = texte.splitlines(keepends=True)
    blocs = list(_blocs_de_conflit(lignes))
    if not blocs:
        return None
    paquet, ancien_paquet = _paquets(fichier)
    for debut, fin, nous, eux in reversed(blocs):
        cotes = [_importations(nous), _importations(eux)]
        if cotes[0] is None or cotes[1] is None:
            return None
        premiere = next((ligne for ligne in nous + eux if ligne.strip()), "")
        retrait = premiere[: len(premiere) - len(premiere.lstrip())]
        par_module: dict[str, list[ast.alias]] = {}
        simples: list[str] = []
        for noeud in cotes[0] + cotes[1]:
            if isinstance(noeud, ast.Import):
                for a in noeud.names:
                    ligne = f"{retrait}import {reecrire_texte(_alias(a))}"
                    if ligne not in simples:
                        simples.append(ligne)
                continue
            for module, noms in _reecrire_noeud(noeud, paquet, ancien_paquet) or [
                ("." * noeud.level + (noeud.module or ""), list(noeud.names))
            ]:
                deja = par_module.setdefault(module, [])
                for a in noms:
                    if _alias(a) not in {_alias(d) for d in deja}:
                        deja.append(a)
        union = simples + [
            _instruction(m, sorted(n, key=lambda a: a.name), retrait)
            for m, n in sorted(par_module.items())
        ]
        lignes[debut : fin + 1] = [ligne + "\n" for ligne in union]
    return "".join(lignes)


def en_conflit(racine: Path = RACINE) -> list[Path]:
    """Les fichiers suivis qui portent des marqueurs de conflit."""
    trouves = []
    for chemin in fichiers(racine):
        texte = chemin.read_text(encoding="utf-8", errors="replace")
        if any(ligne.startswith(MARQUE_DEBUT) for ligne in texte.splitlines()):
            trouves.append(chemin)
    return trouves


def main(arguments: list[str] | None = None) -> int:
    """Réécrit, vérifie ou résout ; le code de sortie dit s'il reste quelque chose à faire."""
    analyse = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyse.add_argument(
        "--verifier", action="store_true", help="ne rien écrire ; code 1 s'il reste à réécrire"
    )
    analyse.add_argument(
        "--conflits",
        action="store_true",
        help="lister les fichiers en conflit git et résoudre ceux dont les conflits ne portent que sur des importations",
    )
    options = analyse.parse_args(arguments)
    if options.conflits:
        restants = []
        for chemin in en_conflit():
            resolu = resoudre_conflits(chemin.read_text(encoding="utf-8"), chemin)
            if resolu is None:
                restants.append(chemin)
                continue
            chemin.write_text(reecrire(resolu, chemin), encoding="utf-8")
            print(f"résolu (importations seulement) : {chemin.relative_to(RACINE)}")
        for chemin in restants:
            print(f"en conflit, à résoudre à la main : {chemin.relative_to(RACINE)}")
        if not restants:
            print("plus aucun fichier en conflit (penser à git add, puis ruff check --fix)")
        return 1 if restants else 0
    changes = []
    for chemin in fichiers():
        try:
            texte = chemin.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # des données de test exprès dans un autre encodage
            continue
        nouveau = reecrire(texte, chemin)
        if nouveau != texte:
            changes.append(chemin)
            if not options.verifier:
                chemin.write_text(nouveau, encoding="utf-8")
    verbe = "à réécrire" if options.verifier else "réécrit"
    for chemin in changes:
        print(f"{verbe} : {chemin.relative_to(RACINE)}")
    print(f"{len(changes)} fichier(s) {verbe}")
    return 1 if options.verifier and changes else 0


if __name__ == "__main__":
    sys.exit(main())
