"""Le calcul en processus, épinglé là où la revue de mutation indépendante (m7) a trouvé des
trous : l'erreur d'un processus de calcul telle quelle, les cœurs permis, le fichier du moteur
retiré."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from concurrent.futures import Future
from pathlib import Path

import pytest

from recommandeur import ErreurArgument, ErreurMoteur, Profil, moteur_par_defaut, planifier
from recommandeur._programme.calcul import parallele
from recommandeur._programme.calcul.au_fil import Lecture
from recommandeur._programme.calcul.fils_de_calcul import refuser_au_demarrage, resumes_ici

from . import aide_lot


def test_une_erreur_de_la_bibliotheque_remonte_telle_quelle() -> None:
    """Une erreur de la bibliothèque dans un processus de calcul est la même pour l'appelant ;
    une autre devient :class:`ErreurMoteur`, qui la nomme."""
    tache: Future[int] = Future()
    erreur = ErreurArgument("taille_max_groupe", "un entier positif", 0)
    tache.set_exception(erreur)
    with pytest.raises(ErreurArgument) as levee:
        parallele._resultat(tache)
    assert levee.value is erreur
    autre: Future[int] = Future()
    autre.set_exception(KeyError("k"))
    with pytest.raises(ErreurMoteur, match="un processus de calcul a échoué : KeyError: 'k'"):
        parallele._resultat(autre)


def test_les_coeurs_sont_ceux_permis_au_processus(monkeypatch: pytest.MonkeyPatch) -> None:
    """``taskset -c 0`` ou un conteneur limité : un cœur, même sur une machine qui en a 8."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert parallele.coeurs() == 1


def test_fermer_retire_le_fichier_du_moteur() -> None:
    calcul = parallele.Calcul(moteur_par_defaut(), 2)
    fichier = Path(calcul._fichier)
    assert fichier.is_file()
    calcul.fermer()
    assert not fichier.exists()


@pytest.mark.parametrize("nombre", [1, parallele.TAILLE_LOT + 1, 2 * parallele.TAILLE_LOT + 1])
def test_un_dernier_lot_d_un_seul_profil_est_calcule(nombre: int) -> None:
    moteur = moteur_par_defaut()
    profils = [
        Profil(annees_experience=i % 6, ordre=("primaire", "secondaire")[i % 2])
        for i in range(nombre)
    ]
    calcul = parallele.Calcul(moteur, 2)
    try:
        resumes = calcul.resumes(profils, lambda _: None)
    finally:
        calcul.fermer()
    assert resumes == resumes_ici(profils, moteur, lambda _: None)


def test_la_progression_compte_des_profils() -> None:
    """10 lots pleins : chaque avancée est un nombre de profils (un multiple de la taille d'un
    lot, jamais au-delà du total), qu'un lot ait été calculé ici ou rendu par un processus."""
    moteur = moteur_par_defaut()
    nombre = 10 * parallele.TAILLE_LOT
    profils = [Profil(annees_experience=i % 9, ordre="primaire") for i in range(nombre)]
    vus: list[int] = []
    calcul = parallele.Calcul(moteur, 2)
    try:
        for demarrage in calcul._echauffes:  # démarré : il rend des lots pendant le calcul
            demarrage.result()
        calcul.resumes(profils, vus.append)
    finally:
        calcul.fermer()
    assert vus == sorted(vus) and vus[-1] <= nombre
    assert [v % parallele.TAILLE_LOT for v in vus] == [0] * len(vus)


def test_calcules_ici_la_progression_avance_tous_les_100_profils() -> None:
    """Sans processus de calcul, la barre avance tous les 100 profils, puis au dernier : une
    barre qui n'avancerait que tous les 1 000 resterait immobile sur un petit centre."""
    profils = [Profil(annees_experience=i % 9, ordre="primaire") for i in range(250)]
    vus: list[int] = []
    resumes_ici(profils, moteur_par_defaut(), vus.append, deja=7)
    assert vus == [107, 207, 257]


@pytest.mark.parametrize(("interrompu", "sortie"), [(True, -signal.SIGTERM), (False, 0)])
def test_une_interruption_arrete_les_processus_de_calcul_sans_les_attendre(
    interrompu: bool, sortie: int
) -> None:
    """Démarrés, rien de confié : seul ``interrompu`` (Ctrl-C, une exception) les arrête."""
    calcul = parallele.Calcul(moteur_par_defaut(), 2)
    for demarrage in calcul._echauffes:
        demarrage.result()
    travailleurs = list(calcul._executeur._processes.values())
    calcul.fermer(interrompu=interrompu)
    assert [t.exitcode for t in travailleurs] == [sortie]


def test_des_profils_lus_puis_laches_comptent_chacun() -> None:
    """Un lecteur qui ne garde pas ses profils : un nouvel objet peut reprendre l'id() d'un
    objet lâché ; il n'est pas pris pour lui."""
    lecture = Lecture(None)
    for i in range(30):
        lecture.recevoir(Profil(annees_experience=i, ordre="primaire"))
        lecture.recevoir(Profil(annees_experience=i, ordre="primaire"))  # le double, lâché
    assert [p.annees_experience for p in lecture.profils] == list(range(30))


def test_la_progression_compte_les_lots_rendus_pendant_la_lecture() -> None:
    """Revue m8p : 2 lots rendus pendant la lecture, puis un lot calculé ici d'abord : la
    première avancée compte les 3 (600 profils), pas le seul lot calculé ici."""
    moteur = moteur_par_defaut()
    taille = parallele.TAILLE_LOT
    profils = [Profil(annees_experience=i % 9, ordre="primaire") for i in range(6 * taille)]
    vus: list[int] = []
    calcul = parallele.Calcul(moteur, 2)
    try:
        for demarrage in calcul._echauffes:
            demarrage.result()
        calcul.au_fil(profils[: 2 * taille])  # les lots 0 et 1 confiés pendant la lecture
        for tache in list(calcul._confies):
            tache.result()
        calcul.au_fil(profils[: 2 * taille])  # rendus : rangés, rien de plus à confier
        assert calcul._confies == {} and calcul._lus == 2
        resumes = calcul.resumes(profils, vus.append)
    finally:
        calcul.fermer()
    assert vus[0] == 3 * taille
    assert vus == sorted(vus) and vus[-1] <= len(profils)
    assert resumes == resumes_ici(profils, moteur, lambda _: None)


def test_un_lot_confie_repris_ici_n_est_pas_attendu_a_la_fermeture(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Revue m8p : le processus de calcul ne rend jamais ses lots (il dort 600 s) ; ce
    processus-ci les reprend et les calcule : fermer() l'arrête au lieu d'attendre le lot
    qu'il calcule encore."""
    monkeypatch.setattr(parallele, "_resumer", aide_lot.dormir)
    moteur = moteur_par_defaut()
    profils = [
        Profil(annees_experience=i % 9, ordre="primaire") for i in range(3 * parallele.TAILLE_LOT)
    ]
    calcul = parallele.Calcul(moteur, 2)
    fermeture = threading.Thread(target=calcul.fermer)
    try:
        for demarrage in calcul._echauffes:
            demarrage.result()
        travailleurs = list(calcul._executeur._processes.values())
        resumes = calcul.resumes(profils, lambda _: None)
        fermeture.start()
        fermeture.join(60)
        attendu = fermeture.is_alive()
    finally:
        if fermeture.is_alive():  # attendu : arrêté ici, pour ne pas attendre ses 600 s
            for travailleur in travailleurs:
                travailleur.terminate()
            fermeture.join()
        elif fermeture.ident is None:
            calcul.fermer(interrompu=True)
    assert resumes == resumes_ici(profils, moteur, lambda _: None)
    assert not attendu
    assert [t.exitcode for t in travailleurs] == [-signal.SIGTERM]


def test_la_progression_d_un_plan_finit_par_le_total_des_profils_distincts() -> None:
    """Revue m8p : trois personnes, deux profils distincts (moins de 500 : aucune avancée en
    chemin) ; la fonction est appelée une fois, à la fin, avec (total, total)."""
    vus: list[tuple[int, int]] = []
    effectifs = [
        {"enseignant": f"e{i}", "ecole": "a", "annees_experience": i % 2, "ordre": "primaire"}
        for i in range(3)
    ]
    planifier(
        effectifs, [{"ecole": "a"}], progression=lambda faits, total: vus.append((faits, total))
    )
    assert vus == [(2, 2)]


def test_un_plan_a_un_processus_n_importe_pas_le_groupe_de_processus() -> None:
    """Revue m8p : ``concurrent.futures.process`` (et ``multiprocessing.connection``, une
    cinquantaine de ms) n'est importé que par un plan qui démarre des processus de calcul."""
    code = (
        "import sys\n"
        "from recommandeur import planifier\n"
        "planifier([{'enseignant': 'e1', 'ecole': 'a', 'annees_experience': 0, "
        "'ordre': 'primaire'}], [{'ecole': 'a'}])\n"
        "print(sorted(m for m in ('concurrent.futures.process', 'multiprocessing.connection') "
        "if m in sys.modules))"
    )
    sortie = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert sortie.splitlines()[-1] == "[]"


@pytest.mark.parametrize("processus", [1, 2, 3])
def test_un_processus_de_calcul_qui_relit_le_script_refuse_tout_plan_a_plusieurs_processus(
    processus: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Revue m8p : dans un processus de calcul qui démarre (``_inheriting``), un appel à
    ``planifier(processus=2)`` (le défaut de la commande) l'arrête en le disant ; à un
    processus, rien n'est refusé."""
    monkeypatch.setattr(multiprocessing.current_process(), "_inheriting", True, raising=False)
    if processus == 1:
        refuser_au_demarrage(processus)
        assert capsys.readouterr().err == ""
        return
    with pytest.raises(SystemExit) as sortie:
        refuser_au_demarrage(processus)
    assert sortie.value.code == 1
    assert f"planifier(processus={processus})" in capsys.readouterr().err
