"""Ticket 19 : le plan et ses sorties — processus de calcul, signaux, CSV sans formules, mémoire bornée.

Les cas qui pourraient bloquer ou laisser des processus tournent dans des sous-processus avec
des limites de temps généreuses ; aucun test ne dépend d'une durée.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from recommandeur import planifier
from recommandeur._programme.calcul.parallele import coeurs, processus_utiles
from recommandeur._programme.sorties.exports import fichiers_csv

#: Les débuts de cellule qu'un tableur lit comme une formule (OWASP), écrits ici à part.
DEBUTS_DE_FORMULE = ("=", "+", "-", "@", "\t", "\r")

RACINE = Path(__file__).resolve().parents[1]
BESOINS = ("gestion_de_classe", "planification", "evaluation", "differenciation", "numerique")
INTENSITES = ("", "faible", "moderee", "elevee")


def ecrire_effectifs(dossier: Path, n: int) -> tuple[Path, Path]:
    """Des effectifs de ``n`` personnes aux profils presque tous distincts (2 écoles)."""
    entete = ["enseignant", "ecole", "annees_experience", "ordre"] + [
        f"besoin_{b}" for b in BESOINS
    ]
    lignes = [",".join(entete)]
    for i in range(n):
        reste, besoins = i, []
        for _ in BESOINS:
            besoins.append(INTENSITES[reste % 4])
            reste //= 4
        ordre = ("primaire", "secondaire")[reste % 2]
        lignes.append(",".join([f"P{i:06d}", f"E{i % 2}", str((reste // 2) % 7), ordre, *besoins]))
    enseignants = dossier / "enseignants.csv"
    enseignants.write_text("\n".join(lignes) + "\n", encoding="utf-8")
    ecoles = dossier / "ecoles.csv"
    ecoles.write_text(
        "ecole,nom,nb_enseignants,mentors\nE0,Zéro,100000,3\nE1,Un,100000,0\n", "utf-8"
    )
    return enseignants, ecoles


def _enfants(pid: int) -> list[int]:
    """Les processus dont le parent est ``pid`` (lu dans /proc)."""
    enfants = []
    for entree in os.listdir("/proc"):
        if entree.isdigit():
            try:
                stat = Path(f"/proc/{entree}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                enfants.append(int(entree))
    return enfants


def _vivant(pid: int) -> bool:
    try:
        etat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return etat != "Z"


def _attendre(condition: object, limite: float = 180.0) -> bool:
    import time

    fin = time.monotonic() + limite
    while time.monotonic() < fin:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


# --- item 1 : un script sans « if __name__ == "__main__": » ------------------------------------


def test_processus_sans_garde_main_donne_erreur_moteur_au_lieu_de_bloquer(tmp_path: Path) -> None:
    # assez de lignes pour un processus de calcul, et pour que sa mort (à son démarrage) soit
    # vue avant que ce processus-ci ait tout calculé seul
    enseignants, ecoles = ecrire_effectifs(tmp_path, 20_000)
    script = tmp_path / "premier_script.py"
    script.write_text(
        textwrap.dedent(
            f"""
            from recommandeur import planifier, ErreurMoteur
            try:
                planifier({str(enseignants)!r}, {str(ecoles)!r}, processus=2)
                print("PLAN")
            except ErreurMoteur as e:
                print("ERREUR_MOTEUR", e)
            """
        ),
        encoding="utf-8",
    )
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=400)
    assert r.stdout.startswith("ERREUR_MOTEUR"), r.stderr[-2000:]
    assert 'if __name__ == "__main__":' in r.stdout
    assert "Traceback" not in r.stderr


# --- item 3 : SIGTERM (et SIGKILL) n'abandonnent pas de processus de calcul ---------------------


@pytest.mark.parametrize("signal_", [signal.SIGTERM, signal.SIGKILL])
def test_un_signal_arrete_aussi_les_processus_de_calcul(tmp_path: Path, signal_: int) -> None:
    enseignants, ecoles = ecrire_effectifs(tmp_path, 40_000)
    travailleurs_ = processus_utiles(3, 40_000, coeurs()) - 1
    if travailleurs_ < 1:
        pytest.skip("un seul cœur : aucun processus de calcul ne paie")
    parent = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "recommandeur",
            "plan",
            str(enseignants),
            "--ecoles",
            str(ecoles),
            "--processus",
            "3",
            "--sans-progression",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # les processus de calcul démarrent avant la lecture des effectifs (un par cœur au plus)
        assert _attendre(
            lambda: len([p for p in _enfants(parent.pid) if _travailleur(p)]) >= travailleurs_
        )
        travailleurs = [p for p in _enfants(parent.pid) if _travailleur(p)]
        parent.send_signal(signal_)
        _, erreur = parent.communicate(timeout=240)
        if signal_ == signal.SIGTERM:
            assert parent.returncode == 143
            assert erreur.endswith("erreur : interrompu (SIGTERM)\n")
            assert "Traceback" not in erreur
        assert _attendre(lambda: not any(_vivant(p) for p in travailleurs))
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait(timeout=60)


def _travailleur(pid: int) -> bool:
    try:
        ligne = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"multiprocessing" in ligne and b"resource_tracker" not in ligne


# --- item 4 : aucune formule dans un CSV ---------------------------------------------------------

HOSTILES = (
    st.builds(
        lambda debut, reste: debut + reste,
        st.sampled_from(["=", "+", "-", "@", "=HYPERLINK(", "+cmd|' /C calc'!A0", "-1+1", "@SUM("]),
        st.text(
            st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=8
        ),
    )
    .map(str.strip)
    .filter(lambda t: t and t[0] in "=+-@" and len(t) <= 80)
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    ids=st.lists(HOSTILES, min_size=3, max_size=5, unique_by=str.casefold),
    ecole=HOSTILES,
    nom=st.sampled_from(["\tonglet", "\rretour", "=1+2", "@nom", "-moins"]),
)
@example(ids=["=", "=0", "=\uf900"], ecole="=", nom="\tonglet")  # U+F900 : pas en forme NFC
def test_aucune_cellule_des_8_csv_n_est_une_formule(
    tmp_path: Path, ids: list[str], ecole: str, nom: str
) -> None:
    enseignants = [
        {
            "enseignant": i,
            "ecole": ecole,
            "annees_experience": r % 3,
            "ordre": "primaire",
            "besoin_gestion_de_classe": "elevee",
            "signaux_de_detresse": "non",
        }
        for r, i in enumerate(ids)
    ]
    plan = planifier(
        enseignants,
        [{"ecole": ecole, "nom": nom, "nb_enseignants": 20, "mentors": 1}],
        mentors=[{"mentor": "=M1", "ecole": ecole, "capacite": 1}],
    )
    dossier = tmp_path / "csv"
    fichiers = plan.ecrire_csv(dossier)
    assert sorted(f.name for f in fichiers) == sorted(fichiers_csv(plan))
    # les 8 du plan, la capacité (capacite.csv, couts.csv) et l'appariement (paires.csv,
    # non_apparies.csv, mentors.csv) : une personne mentore nommée « =M1 »
    assert len(fichiers) == 13
    vues = set()
    for fichier in fichiers:
        with fichier.open(encoding="utf-8-sig", newline="") as f:
            for ligne in csv.reader(f, delimiter=";"):
                for cellule in ligne:
                    assert not cellule.startswith(DEBUTS_DE_FORMULE), (fichier.name, cellule)
                    vues.add(cellule)
    # les identifiants sont lus en forme NFC (« 豈 » U+F900 devient U+8C48) ; le nom tel quel, sa
    # fin de ligne « \r » lue « \n » (qui n'ouvre pas de formule : la cellule reste telle quelle)
    ids, ecole = [unicodedata.normalize("NFC", i) for i in ids], unicodedata.normalize("NFC", ecole)
    assert {f"'{i}" for i in ids} <= vues and f"'{ecole}" in vues
    assert ("\nretour" if nom == "\rretour" else f"'{nom}") in vues
    assert "'=M1" in vues


# --- item 9 : un libellé avec $…$ dans les graphiques ---------------------------------------------


def test_un_libelle_avec_des_dollars_reste_du_texte() -> None:
    plan = planifier(
        [
            {
                "enseignant": "e1",
                "ecole": "a",
                "annees_experience": 0,
                "ordre": "primaire",
                "besoin_gestion_de_classe": "elevee",
            }
        ],
        [{"ecole": "a", "nom": "A", "mentors": 1}],
    )
    libelle = r"Mentor $\undefinedcommand$"
    charges = [c.model_copy(update={"libelle": libelle}) for c in plan.charges]
    page = plan.model_copy(update={"charges": charges}).html()
    assert libelle in page


# --- item 11 : les sorties du plan : lien symbolique, « - » --------------------------------------


def test_les_sorties_remplacent_un_lien_sans_ecrire_dans_sa_cible(tmp_path: Path) -> None:
    enseignants, ecoles = ecrire_effectifs(tmp_path, 5)
    cible = tmp_path / "precieux.txt"
    cible.write_text("à garder", encoding="utf-8")
    (tmp_path / "plan.html").symlink_to(cible)
    (tmp_path / "plan.json").symlink_to(cible)
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "recommandeur",
            "plan",
            str(enseignants),
            "--ecoles",
            str(ecoles),
            "--html",
            "plan.html",
            "--json",
            "plan.json",
            "--processus",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert cible.read_text(encoding="utf-8") == "à garder"
    assert not (tmp_path / "plan.html").is_symlink()
    assert (tmp_path / "plan.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))["portrait"]
    assert not list(tmp_path.glob(".*.provisoire"))


def test_json_tiret_ecrit_sur_la_sortie_standard(tmp_path: Path) -> None:
    enseignants, ecoles = ecrire_effectifs(tmp_path, 5)
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "recommandeur",
            "plan",
            str(enseignants),
            "--ecoles",
            str(ecoles),
            "--json",
            "-",
            "--processus",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["portrait"]["nb_enseignants"] == 5
    assert r.stderr.startswith("Plan : ")
    assert not (tmp_path / "-").exists()


# --- item 10 : la mémoire d'un plan est bornée ------------------------------------------------------

#: La borne écrite dans docs/programme.md (« Mémoire ») : un socle (l'interpréteur, la
#: bibliothèque, le moteur) et au plus tant d'octets par personne des effectifs.
SOCLE = 150_000_000
PAR_PERSONNE = 10_000


def test_un_plan_tient_dans_sa_borne_de_memoire(tmp_path: Path) -> None:
    # des profils tous distincts : le pire cas (des lignes répétées partagent leur profil)
    n = 6_000
    enseignants, ecoles = ecrire_effectifs(tmp_path, n)
    limite = SOCLE + PAR_PERSONNE * n
    code = textwrap.dedent(
        f"""
        import resource
        resource.setrlimit(resource.RLIMIT_DATA, ({limite}, {limite}))
        from recommandeur import planifier
        plan = planifier({str(enseignants)!r}, {str(ecoles)!r}, processus=1)
        print(plan.portrait.nb_enseignants)
        """
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert r.stdout.strip() == str(n), r.stderr[-2000:]


def test_au_plus_lignes_max_personnes_par_fichier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recommandeur import ErreurEffectifs
    from recommandeur._programme.donnees import lecture
    from recommandeur._programme.donnees.effectifs import charger_effectifs

    monkeypatch.setattr(lecture, "LIGNES_MAX", 3)
    enseignants, ecoles = ecrire_effectifs(tmp_path, 4)
    json_ = tmp_path / "enseignants.json"
    json_.write_text(json.dumps([{"enseignant": f"p{i}"} for i in range(4)]), "utf-8")
    for source in (enseignants, json_, [{"enseignant": f"p{i}"} for i in range(4)]):
        with pytest.raises(ErreurEffectifs) as erreur:
            charger_effectifs(source, ecoles)
        (probleme,) = erreur.value.problemes
        assert probleme.message == "trop de lignes : au plus 3 par fichier (découper les effectifs)"
