"""La documentation dit vrai : modules de docs/architecture.md, codes de sortie de docs/cli.md.

Les listes de la documentation sont écrites à la main (chacune avec sa phrase) mais vérifiées
ici contre le code : un module ajouté, renommé ou retiré sans elle fait échouer la suite avec la
ligne à écrire.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import signal
from pathlib import Path

import pytest

from recommandeur._cli import commande as _cli
from recommandeur._cli.francais import INTERROMPU

RACINE = Path(__file__).resolve().parents[1]
PAQUET = RACINE / "src" / "recommandeur"
DOCS = RACINE / "docs"


def modules_du_code() -> set[str]:
    """Les modules et sous-paquets de ``src/recommandeur/`` (``_profil/``, ``_profil/champs.py``)."""
    noms: set[str] = set()
    for fichier in PAQUET.rglob("*.py"):
        relatif = fichier.relative_to(PAQUET)
        if relatif.name == "__init__.py" and relatif.parent != Path():
            noms.add(f"{relatif.parent.as_posix()}/")
        else:
            noms.add(relatif.as_posix())
    return noms


def modules_de_l_architecture(texte: str) -> list[str]:
    """Les modules de l'arbre ``src/recommandeur/`` de docs/architecture.md, chemins complets."""
    bloc = re.search(r"```\nsrc/recommandeur/\n(.*?)```", texte, re.DOTALL)
    assert bloc, "docs/architecture.md : l'arbre ```src/recommandeur/ ...``` est introuvable"
    noms: list[str] = []
    paquet = sous_paquet = ""
    for ligne in bloc.group(1).splitlines():
        entree = re.match(r"( +)(\S+)", ligne)
        if entree is None:
            continue
        retrait, nom = len(entree.group(1)), entree.group(2)
        if retrait == 2:
            paquet = nom if nom.endswith("/") else ""
            sous_paquet = ""
            noms.append(nom)
        elif retrait == 4 and paquet:
            sous_paquet = paquet + nom if nom.endswith("/") else ""
            noms.append(paquet + nom)
        elif retrait == 6 and sous_paquet:
            noms.append(sous_paquet + nom)
    return noms


def _resume(nom: str) -> str:
    fichier = PAQUET / (f"{nom}__init__.py" if nom.endswith("/") else nom)
    docstring = ast.get_docstring(ast.parse(fichier.read_text(encoding="utf-8"))) or ""
    return docstring.split("\n")[0]


def _ligne_de_l_arbre(nom: str) -> str:
    """La ligne à écrire, retrait compris : « ····journal.py  <docstring> (dans _suivi/) »."""
    paquet, _, module = nom.rstrip("/").rpartition("/")
    if nom.endswith("/") or not paquet:
        return f"  {nom:<19}{_resume(nom)}"
    return f"    {module:<21}{_resume(nom)}   (sous {paquet}/)"


def test_l_arbre_des_modules_est_celui_du_code() -> None:
    documentes = modules_de_l_architecture((DOCS / "architecture.md").read_text(encoding="utf-8"))
    code = modules_du_code()
    manquants = sorted(code - set(documentes))
    en_trop = sorted(set(documentes) - code)
    assert not manquants, "à ajouter à l'arbre de docs/architecture.md :\n" + "\n".join(
        _ligne_de_l_arbre(nom) for nom in manquants
    )
    assert not en_trop, f"absents du code mais dans docs/architecture.md : {en_trop}"
    assert len(documentes) == len(set(documentes)), "un module est nommé deux fois"


def test_l_arbre_suit_l_ordre_des_couches() -> None:
    """Les sous-paquets numérotés (1. le profil, ...) sont dans l'ordre de leurs numéros."""
    texte = (DOCS / "architecture.md").read_text(encoding="utf-8")
    numeros = [int(n) for n in re.findall(r"^  _\w+/ +(\d+)\. ", texte, re.MULTILINE)]
    assert numeros == list(range(1, len(numeros) + 1))
    assert len(numeros) >= 8


def test_les_codes_de_sortie_documentes_sont_ceux_de_la_commande() -> None:
    texte = (DOCS / "cli.md").read_text(encoding="utf-8")
    tableau = texte.split("## Codes de sortie", 1)[1].split("\n\n")[1]
    documentes = [int(n) for n in re.findall(r"^\| (\d+) \|", tableau, re.MULTILINE)]
    arrete = 128 + signal.SIGTERM  # Interruption.code pour SIGTERM
    attendus = [_cli.SUCCES, _cli.CONSTATS, _cli.ERREUR, INTERROMPU, arrete, _cli.SORTIE_FERMEE]
    assert documentes == attendus


def _exemples_de_la_commande() -> list[tuple[list[str], list[str]]]:
    """Les ``$ recommandeur ... ; echo $?`` de docs/cli.md : (arguments, lignes montrées)."""
    texte = (DOCS / "cli.md").read_text(encoding="utf-8")
    exemples: list[tuple[list[str], list[str]]] = []
    for bloc in re.findall(r"```text\n(.*?)```", texte, re.DOTALL):
        for morceau in re.split(r"^\$ ", bloc, flags=re.MULTILINE)[1:]:
            commande, *lignes = morceau.rstrip("\n").split("\n")
            if commande.startswith("recommandeur ") and commande.endswith(" ; echo $?"):
                arguments = commande.removesuffix(" ; echo $?").split()[1:]
                exemples.append((arguments, lignes))
    return exemples


def _correspond(montrees: list[str], reelles: list[str]) -> bool:
    """Les lignes montrées sont les lignes réelles ; « … » seul : des lignes omises ; « x … » :
    une ligne qui commence par x."""
    if not montrees:
        return not reelles
    tete, reste = montrees[0], montrees[1:]
    if tete == "…":
        return any(_correspond(reste, reelles[i:]) for i in range(len(reelles) + 1))
    if not reelles:
        return False
    if tete.endswith(" …"):
        egale = reelles[0].startswith(tete.removesuffix(" …"))
    else:
        egale = reelles[0] == tete
    return egale and _correspond(reste, reelles[1:])


EXEMPLES = _exemples_de_la_commande()


def test_la_page_de_la_commande_a_des_exemples_de_chaque_code() -> None:
    codes = {int(lignes[-1]) for _, lignes in EXEMPLES}
    assert codes == {_cli.SUCCES, _cli.CONSTATS, _cli.ERREUR}  # 141 : tests/test_cli.py


@pytest.mark.parametrize(("arguments", "lignes"), EXEMPLES, ids=[" ".join(a) for a, _ in EXEMPLES])
def test_les_exemples_de_la_commande_disent_vrai(
    arguments: list[str],
    lignes: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copytree(RACINE / "exemples", tmp_path / "exemples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    try:
        code = _cli.main(arguments)
    except SystemExit as sortie:  # argparse
        code = int(sortie.code or 0)
    sorties = capsys.readouterr()
    reelles = (sorties.out + sorties.err).splitlines()
    assert code == int(lignes[-1])
    assert _correspond(lignes[:-1], reelles), "\n".join(reelles)


def _nombre(cellule: str) -> tuple[float, int]:
    """« **3 477 µs** » → (3477.0, 0 décimale) ; « −54,2 » → (-54.2, 1)."""
    texte = re.sub(r"[*×\s\u202f\u00a0]|µs|ms", "", cellule).replace("−", "-").replace(",", ".")
    decimales = len(texte.partition(".")[2])
    return float(texte), decimales


def _lignes_du_tableau(texte: str, titre: str) -> list[list[str]]:
    section = texte.split(titre, 1)[1]
    lignes = re.findall(r"^\|(.*)\|$", section.split("\n## ", 1)[0], re.MULTILINE)
    return [[c.strip() for c in ligne.split("|")] for ligne in lignes[2:]]


def _egal_arrondi(cellule: str, mesure: float) -> bool:
    valeur, decimales = _nombre(cellule)
    return round(mesure, decimales) == valeur


def test_les_chiffres_des_performances_sont_ceux_du_banc() -> None:
    """docs/performances.md recopie bench/resultats.json (arrondis compris), ligne par ligne."""
    resultats = json.loads((RACINE / "bench" / "resultats.json").read_text(encoding="utf-8"))
    texte = (DOCS / "performances.md").read_text(encoding="utf-8")
    source = (RACINE / "bench" / "mesurer.py").read_text(encoding="utf-8")
    affectation = next(
        n
        for n in ast.parse(source).body
        if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "CIBLES_13"
    )
    cles = [cible[0] for cible in ast.literal_eval(affectation.value)]
    cibles = _lignes_du_tableau(texte, "## Les cibles du ticket 13")
    assert len(cibles) == len(cles)
    for ligne, cle in zip(cibles, cles, strict=True):
        assert _egal_arrondi(ligne[1], resultats["synthese"][cle]), (ligne, cle)
    selon = resultats["selon_le_nombre_de_regles"]
    for ligne, base in zip(
        _lignes_du_tableau(texte, "## Selon le nombre de règles"),
        ["livree", "100", "1000", "5000"],
        strict=True,
    ):
        chiffres = selon[base]
        if "ensembles_durable" in chiffres:
            assert _egal_arrondi(ligne[1], chiffres["ensembles_durable"]), ligne
            assert _egal_arrondi(ligne[2], chiffres["compilation_ms"]), ligne
        assert _egal_arrondi(ligne[3], chiffres["durable_direct"]["p50"]), ligne
        assert _egal_arrondi(ligne[4], chiffres["recommander"]["p50"]), ligne
    plan = resultats["plan"]
    temps = [ligne[1] for ligne in _lignes_du_tableau(texte, "## Le plan d'un centre")]
    attendus = ["planifier_1_processus_s", "planifier_2_processus_s", "html_s", "json_et_csv_s"]
    for cellule, cle in zip(temps, attendus, strict=True):
        assert _egal_arrondi(cellule.split(" s")[0], plan[cle]), (cellule, cle)
