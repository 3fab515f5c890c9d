"""Le nombre de processus d'un plan (ticket 24) et le partage des lots à la demande.

Le choix est testé, pas le temps : :func:`processus_utiles` sur des cas faits main, ce que
``planifier`` démarre selon les effectifs et les cœurs, et la répartition des lots entre ce
processus-ci et un processus de calcul lent ou rapide (le plan ne change pas).
"""

from __future__ import annotations

import concurrent.futures
import concurrent.futures.process
import os
import signal
import time
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import recommandeur._programme.calcul.fils_de_calcul as fils_de_calcul
import recommandeur._programme.calcul.parallele as parallele
import recommandeur._programme.planifier as module_planifier
from recommandeur import ErreurEffectifs, ErreurMoteur, planifier
from recommandeur._programme.calcul.parallele import PAR_PROCESSUS_MIN, Calcul, processus_utiles

from . import aide_lot
from .test_programme import GRAND, GRANDES_ECOLES


def test_processus_utiles_cas_faits_main() -> None:
    assert PAR_PROCESSUS_MIN == 2500
    # 30 000 profils sur 2 cœurs : les 2 demandés ; 4 demandés : 2 (un par cœur)
    assert processus_utiles(2, 30_000, 2) == 2
    assert processus_utiles(4, 30_000, 2) == 2
    # un seul cœur : jamais de processus de calcul
    assert processus_utiles(2, 30_000, 1) == 1
    # chaque processus a au moins 2 500 profils : 5 000 → 2, 4 999 → 1, 7 500 → 3
    assert processus_utiles(2, 5_000, 2) == 2
    assert processus_utiles(2, 4_999, 2) == 1
    assert processus_utiles(8, 7_500, 16) == 3
    # 1 demandé : 1, quels que soient les cœurs et la taille
    assert processus_utiles(1, 10**6, 64) == 1
    assert processus_utiles(3, 0, 8) == 1


@given(demandes=st.integers(1, 32), profils=st.integers(0, 10**6), coeurs_=st.integers(1, 128))
def test_processus_utiles_bornes(demandes: int, profils: int, coeurs_: int) -> None:
    n = processus_utiles(demandes, profils, coeurs_)
    assert 1 <= n <= max(1, min(demandes, coeurs_))
    assert n == 1 or n * PAR_PROCESSUS_MIN <= profils
    # plus de profils, de cœurs ou de processus demandés : jamais moins
    assert processus_utiles(demandes, profils + PAR_PROCESSUS_MIN, coeurs_) >= n
    assert processus_utiles(demandes, profils, coeurs_ + 1) >= n
    assert processus_utiles(min(32, demandes + 1), profils, coeurs_) >= n


class _Demarre(Exception):
    """Le nombre de processus choisi (le plan s'arrête là : seul le choix est testé)."""


@pytest.fixture
def demarres(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Les processus avec lesquels ``planifier`` démarrerait ses processus de calcul."""
    vus: list[int] = []

    def demarrer(moteur: Any, processus: int, *autres: Any) -> None:
        vus.append(processus)
        raise _Demarre

    monkeypatch.setattr(module_planifier, "Calcul", demarrer)
    return vus


def _choix(*args: Any, **kwargs: Any) -> None:
    with pytest.raises(_Demarre):
        planifier(*args, **kwargs)


def test_planifier_ne_demarre_que_les_processus_qui_paient(
    demarres: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(module_planifier, "coeurs", lambda: 2)
    planifier(GRAND[:100], GRANDES_ECOLES, processus=2)  # 100 lignes : aucun processus de calcul
    assert demarres == []
    monkeypatch.setattr(parallele, "PAR_PROCESSUS_MIN", 1000)
    _choix(GRAND, GRANDES_ECOLES, processus=8)  # 2 400 lignes, 2 cœurs : 2
    monkeypatch.setattr(module_planifier, "coeurs", lambda: 1)
    planifier(GRAND[:300], GRANDES_ECOLES, processus=8)  # un cœur : aucun
    monkeypatch.setattr(module_planifier, "coeurs", lambda: 16)
    _choix(GRAND, GRANDES_ECOLES, processus=8)  # 16 cœurs, 2 400 lignes : 2
    monkeypatch.setattr(parallele, "PAR_PROCESSUS_MIN", 600)
    _choix(GRAND, GRANDES_ECOLES, processus=8)  # 600 profils chacun au moins : 4
    _choix(GRAND, GRANDES_ECOLES, processus=3)  # 3 demandés : 3
    assert demarres == [2, 2, 4, 3]


def test_les_effectifs_sont_estimes_avant_d_etre_lus(tmp_path: Any) -> None:
    # un CSV : ses lignes, l'en-tête en moins ; un autre fichier : sa taille ; une liste : sa longueur
    csv_ = tmp_path / "enseignants.csv"
    csv_.write_text("enseignant,ecole\n" + "".join(f"P{i},E1\n" for i in range(4_321)), "utf-8")
    assert module_planifier._profils_estimes(csv_) == 4_321
    assert module_planifier._profils_estimes(str(csv_)) == 4_321
    json_ = tmp_path / "enseignants.json"
    json_.write_bytes(b"x" * (module_planifier.OCTETS_PAR_PROFIL * 5_000 + 59))
    assert module_planifier._profils_estimes(json_) == 5_000
    assert module_planifier._profils_estimes(str(tmp_path / "absent.csv")) == 0
    assert module_planifier._profils_estimes(GRAND) == 2_400
    # ni lu ni bloqué : un tube nommé ; pas de trace interne : un octet nul dans le nom
    tube = tmp_path / "tube.csv"
    os.mkfifo(tube)
    assert module_planifier._profils_estimes(tube) == 0
    assert module_planifier._profils_estimes("a\0b.csv") == 0


#: 2 400 lignes, 1 200 profils distincts (chaque personne en deux exemplaires de même profil).
DOUBLES = [{**t, "enseignant": f"{t['enseignant']}{c}"} for t in GRAND[:1200] for c in "ab"]


def _noter_les_arrets(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """Les codes de sortie des processus de calcul, notés quand ``Calcul.fermer`` les arrête."""
    arretes: list[int | None] = []
    fermer = Calcul.fermer

    def noter(self: Calcul, interrompu: bool = False) -> None:
        travailleurs = list(self._executeur._processes.values())
        fermer(self, interrompu)
        arretes.extend(t.exitcode for t in travailleurs)

    monkeypatch.setattr(Calcul, "fermer", noter)
    return arretes


def test_un_processus_de_calcul_inutile_est_arrete_sans_attendre_son_demarrage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 2 400 lignes annoncées, 1 200 profils distincts : le processus de calcul démarré
    # d'avance ne sert pas ; il est arrêté pendant son (interminable) démarrage
    monkeypatch.setattr(parallele, "PAR_PROCESSUS_MIN", 1000)
    monkeypatch.setattr(module_planifier, "coeurs", lambda: 2)
    monkeypatch.setattr(parallele, "_echauffer", aide_lot.dormir_sans_lot)
    arretes = _noter_les_arrets(monkeypatch)
    assert len(planifier(DOUBLES, GRANDES_ECOLES, processus=2).enseignants) == 2400
    assert arretes == [-signal.SIGTERM]


@pytest.fixture
def lots_rendus(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    return aide_lot.attendre_les_processus(monkeypatch)


def test_pendant_la_lecture_un_processus_de_calcul_prend_les_lots_par_le_debut(
    lots_rendus: list[int],
) -> None:
    plan = planifier(GRAND, GRANDES_ECOLES, processus=2)
    # 2 400 profils, 12 lots de 200 : chaque lot complet lu lui est confié (au plus 2 d'avance),
    # et le processus de calcul (attendu) les rend tous avant la fin de la lecture
    assert parallele.TAILLE_LOT == 200 and parallele.LOTS_D_AVANCE == 2
    assert lots_rendus == list(range(12))
    assert plan == planifier(GRAND, GRANDES_ECOLES)


def _confier_les_600_premiers(monkeypatch: pytest.MonkeyPatch) -> None:
    """La lecture ne confie au processus de calcul que les 600 premiers profils (une lecture
    plus rapide que lui)."""
    au_fil = Calcul.au_fil

    def debut(self: Calcul, profils: Any) -> None:
        if len(profils) <= 600:
            au_fil(self, profils)

    monkeypatch.setattr(Calcul, "au_fil", debut)


def test_apres_la_lecture_un_processus_de_calcul_prend_les_lots_par_la_fin(
    lots_rendus: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    _confier_les_600_premiers(monkeypatch)
    plan = planifier(GRAND, GRANDES_ECOLES, processus=2)
    # pendant la lecture, les lots 0 à 2 par le début ; puis, à chaque tour, ce processus-ci
    # en prend un par le début de ce qui reste et le processus de calcul rend les siens, pris
    # par la fin (2 par tour) : 11 et 10, 9 et 8, 7 et 6 ; ce processus-ci 3, 4 et 5
    assert lots_rendus == [0, 1, 2, 10, 11, 8, 9, 6, 7]
    assert plan == planifier(GRAND, GRANDES_ECOLES)


def test_un_processus_de_calcul_trop_lent_ne_fait_pas_attendre(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # le processus de calcul ne rend rien avant que ce processus-ci ait tout calculé : le plan
    # est le même, ses lots sont calculés ici, et il est arrêté sans qu'on l'attende
    monkeypatch.setattr(parallele, "PAR_PROCESSUS_MIN", 500)
    monkeypatch.setattr(parallele, "_resumer", aide_lot.dormir)
    arretes: list[tuple[bool, int | None]] = []
    fermer = Calcul.fermer

    def noter(self: Calcul, interrompu: bool = False) -> None:
        travailleurs = list(self._executeur._processes.values())
        fermer(self, interrompu)
        arretes.extend((self._inacheve, t.exitcode) for t in travailleurs)

    monkeypatch.setattr(Calcul, "fermer", noter)
    assert planifier(GRAND, GRANDES_ECOLES, processus=2) == planifier(GRAND, GRANDES_ECOLES)
    # arrêté (SIGTERM) au lieu d'être attendu pendant les 600 s de son lot
    assert arretes == [(True, -signal.SIGTERM)]


def test_a_la_fin_le_dernier_lot_confie_est_repris_d_abord(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # rien n'est confié pendant la lecture ; après, les lots 11 puis 10 sont confiés (par la
    # fin) et le processus de calcul ne rend rien : ce processus-ci calcule 0 à 9, puis reprend
    # le lot 10, confié en dernier (que le processus de calcul n'a pas commencé : il prend les
    # lots dans l'ordre où ils lui sont confiés), avant le lot 11 (déjà commencé)
    monkeypatch.setattr(parallele, "PAR_PROCESSUS_MIN", 500)
    monkeypatch.setattr(parallele, "_resumer", aide_lot.dormir)
    monkeypatch.setattr(Calcul, "au_fil", lambda self, profils: None)
    tous: list[Any] = []
    ici: list[int] = []
    resumes, resumes_ici = Calcul.resumes, fils_de_calcul.resumes_ici

    def noter_les_profils(self: Calcul, profils: Any, avancer: Any) -> Any:
        tous.extend(profils)
        return resumes(self, profils, avancer)

    def noter_le_lot(lot: Any, *args: Any, **kwargs: Any) -> Any:
        ici.append(next(i for i, p in enumerate(tous) if p is lot[0]) // parallele.TAILLE_LOT)
        return resumes_ici(lot, *args, **kwargs)

    monkeypatch.setattr(Calcul, "resumes", noter_les_profils)
    monkeypatch.setattr(parallele, "resumes_ici", noter_le_lot)
    assert planifier(GRAND, GRANDES_ECOLES, processus=2) == planifier(GRAND, GRANDES_ECOLES)
    assert ici == [*range(10), 10, 11]


#: GRAND avec des signaux de détresse : des offres que le plan du centre ne montre pas.
EN_DETRESSE = [{**t, "signaux_de_detresse": i % 5 == 0} for i, t in enumerate(GRAND)]


@pytest.mark.parametrize("inclure_confidentiel", [False, True])
def test_les_resumes_sont_caviardes_la_ou_ils_sont_calcules(
    lots_rendus: list[int], monkeypatch: pytest.MonkeyPatch, inclure_confidentiel: bool
) -> None:
    # des lots calculés dans le processus de calcul (pendant et après la lecture) et ici :
    # le plan est celui d'un processus, caviardé ou non
    _confier_les_600_premiers(monkeypatch)
    plan = planifier(
        EN_DETRESSE, GRANDES_ECOLES, processus=2, inclure_confidentiel=inclure_confidentiel
    )
    assert lots_rendus == [0, 1, 2, 10, 11, 8, 9, 6, 7]
    seul = planifier(EN_DETRESSE, GRANDES_ECOLES, inclure_confidentiel=inclure_confidentiel)
    assert plan == seul
    neutres = [p for p in plan.enseignants if "personne_neutre" in p.prioritaires]
    assert ("personne_neutre" in plan.mesures) is inclure_confidentiel
    assert (len(neutres) > 0) is inclure_confidentiel


def test_une_erreur_des_effectifs_est_dite_avant_celle_d_un_processus_de_calcul(
    lots_rendus: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # le processus de calcul meurt sur le premier lot confié pendant la lecture ; la dernière
    # ligne est fautive : c'est elle qui est dite (rien n'est relevé pendant la lecture)
    monkeypatch.setattr(parallele, "_resumer", aide_lot.mourir)
    fautif = [*GRAND[:-1], {**GRAND[-1], "annees_experience": -3}]
    with pytest.raises(ErreurEffectifs) as info:
        planifier(fautif, GRANDES_ECOLES, processus=2)
    assert [(p.id, p.champ) for p in info.value.problemes] == [
        ("élément n° 2400", "annees_experience")
    ]
    with pytest.raises(ErreurMoteur, match="s'est arrêté brutalement"):
        planifier(GRAND, GRANDES_ECOLES, processus=2)


def test_des_lots_confies_pour_rien_n_attendent_pas_le_processus_de_calcul(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 2 400 lignes annoncées, 1 200 profils distincts : des lots lui ont été confiés pendant
    # la lecture (il a démarré), mais il ne sert pas ; il est arrêté sans que son lot soit attendu
    monkeypatch.setattr(parallele, "PAR_PROCESSUS_MIN", 1000)
    monkeypatch.setattr(module_planifier, "coeurs", lambda: 2)
    monkeypatch.setattr(parallele, "_resumer", aide_lot.dormir)
    au_fil = Calcul.au_fil
    confies: list[int] = []

    def demarre(self: Calcul, profils: Any) -> None:
        concurrent.futures.wait(self._echauffes, timeout=120)
        au_fil(self, profils)
        confies.append(len(self._confies))

    monkeypatch.setattr(Calcul, "au_fil", demarre)
    arretes = _noter_les_arrets(monkeypatch)
    assert planifier(DOUBLES, GRANDES_ECOLES, processus=2) == planifier(DOUBLES, GRANDES_ECOLES)
    assert confies[-1] == 2 and arretes == [-signal.SIGTERM]


#: Les personnes mentores de GRAND : deux dans l'école A (B n'en a pas), l'une y intervient
#: aussi dans B.
MENTORS: list[dict[str, Any]] = [
    {"mentor": "M1", "ecole": "A", "autres_ecoles": "B", "capacite": 40},
    {"mentor": "M2", "ecole": "A", "batiment": "1"},
]


def test_l_appariement_est_attribue_dans_le_processus_de_calcul(
    lots_rendus: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # le processus de calcul a rendu ses lots : l'attribution de l'appariement lui est confiée
    # pendant que ce processus-ci construit le reste du plan ; le plan est celui d'un processus
    confiees: list[bool] = []
    ailleurs = Calcul.ailleurs

    def noter(self: Calcul, fonction: Any, *args: Any) -> Any:
        confiees.append(self._a_suivi)
        return ailleurs(self, fonction, *args)

    monkeypatch.setattr(Calcul, "ailleurs", noter)
    plan = planifier(GRAND, GRANDES_ECOLES, processus=2, mentors=MENTORS)
    assert confiees == [True] and lots_rendus
    assert plan == planifier(GRAND, GRANDES_ECOLES, mentors=MENTORS)
    assert plan.appariement is not None and len(plan.appariement.paires) > 40


def _confiees(
    calcul: Calcul, monkeypatch: pytest.MonkeyPatch
) -> list[concurrent.futures.Future[Any]]:
    """Les tâches que ``calcul`` confie à ses processus de calcul, notées à leur envoi."""
    notees: list[concurrent.futures.Future[Any]] = []
    soumettre = calcul._executeur.submit

    def noter(*args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
        tache = soumettre(*args, **kwargs)
        notees.append(tache)
        return tache

    monkeypatch.setattr(calcul._executeur, "submit", noter)
    return notees


def test_ailleurs_calcule_dans_le_processus_de_calcul_qui_a_rendu_des_lots(
    lots_rendus: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from recommandeur import moteur_par_defaut

    moteur = moteur_par_defaut()
    calcul = Calcul(moteur, 2)
    confiees = _confiees(calcul, monkeypatch)
    try:
        # pas encore de lot rendu : calculé ici, rien n'est confié
        assert calcul.ailleurs(os.getpid, [()])() == [os.getpid()]
        assert confiees == []
        profils = [_profil(i) for i in range(450)]
        assert len(calcul.resumes(profils, lambda _: None)) == 450
        assert calcul._recus == len(lots_rendus) > 0
        confiees.clear()  # les lots
        lire = calcul.ailleurs(os.getpid, [()])
        # pris par le processus de calcul (ce processus-ci continue le plan pendant ce temps)
        assert len(confiees) == 1
        concurrent.futures.wait(confiees, timeout=120)
        assert lire() != [os.getpid()]
        # le processus de calcul meurt sur la tâche confiée (attendue : prise, pas annulée) :
        # calculée ici, sans erreur
        lire_mort = calcul.ailleurs(aide_lot.mourir_ailleurs, [(os.getpid(),)])
        concurrent.futures.wait(confiees[-1:], timeout=120)
        assert lire_mort() == ["ici"]
        # le processus de calcul arrêté : calculé ici, sans erreur
        for travailleur in list(calcul._executeur._processes.values()):
            travailleur.kill()
            travailleur.join()
        assert calcul.ailleurs(os.getpid, [()])() == [os.getpid()]
    finally:
        calcul.fermer(interrompu=True)


def _profil(i: int) -> Any:
    from recommandeur._profil.modeles import Profil

    return Profil(annees_experience=i % 8, ordre="primaire", besoins={"planification": "faible"})


def test_ailleurs_ce_processus_ci_calcule_les_morceaux_que_personne_n_a_commences(
    lots_rendus: list[int], tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recommandeur import moteur_par_defaut

    calcul = Calcul(moteur_par_defaut(), 2)
    confiees = _confiees(calcul, monkeypatch)
    try:
        assert len(calcul.resumes([_profil(i) for i in range(450)], lambda _: None)) == 450
        confiees.clear()  # les lots
        aide_lot.CALCULES.clear()
        fichier, ici = str(tmp_path / "fait"), os.getpid()
        lire = calcul.ailleurs(aide_lot.attendre_le_fichier, [(x, fichier, ici) for x in range(4)])
        # le processus de calcul a pris les morceaux 0 (qui attend le fichier) et 1 ; 2 et 3 ne
        # sont à personne
        taches = list(confiees)
        assert len(taches) == 4
        for _ in range(12_000):  # 2 minutes au plus
            if taches[1].running():
                break
            time.sleep(0.01)
        # ici : 3 et 2 (annulés là-bas, 2 s'il n'a pas été pris entre-temps), puis 1, le dernier
        # des pas rendus (qui crée le fichier) ; le morceau 0 est attendu
        assert lire() == [(False, 0), (True, 1), (True, 2), (True, 3)]
        assert aide_lot.CALCULES == [3, 2, 1]
        assert [t.cancelled() for t in (taches[0], taches[1], taches[3])] == [False, False, True]
    finally:
        calcul.fermer(interrompu=True)


def test_sans_lot_rendu_les_morceaux_sont_calcules_ici(monkeypatch: pytest.MonkeyPatch) -> None:
    """Des processus de calcul démarrés mais qui n'ont rendu aucun lot (rien à calculer) : rien
    ne leur est confié par ailleurs(), tout est calculé ici."""
    from recommandeur import moteur_par_defaut

    calcul = Calcul(moteur_par_defaut(), 2)
    try:
        for echauffe in calcul._echauffes:
            echauffe.result(timeout=120)
        assert calcul.resumes([], lambda _: None) == []
        confiees = _confiees(calcul, monkeypatch)
        assert calcul.ailleurs(pow, [(2, 3), (3, 2)])() == [8, 9]
        assert confiees == []
    finally:
        calcul.fermer(interrompu=True)


def test_fermer_avant_tout_calcul_arrete_le_demarrage_sans_l_attendre() -> None:
    """Un plan qui s'arrête avant de calculer (une erreur de lecture, des effectifs plus petits
    qu'annoncés) : ``fermer()`` arrête le processus de calcul encore en démarrage au lieu
    d'attendre qu'il ait chargé le moteur ; son démarrage finit en échec, jamais en succès."""
    from recommandeur import moteur_par_defaut

    calcul = Calcul(moteur_par_defaut(), 2)
    calcul.fermer()  # un processus « spawn » met bien plus d'une seconde à charger le moteur
    (echauffe,) = calcul._echauffes
    assert echauffe.done()
    assert echauffe.cancelled() or isinstance(
        echauffe.exception(), concurrent.futures.process.BrokenProcessPool
    )


def test_l_attribution_en_morceaux_est_celle_d_un_seul_tenant(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """L'attribution confiée par morceaux (``ailleurs``), réunie, est celle calculée d'un seul
    tenant sur les mêmes demandes, chacune comprise : vérifié sur le centre d'exemple, sans
    processus de calcul (les morceaux sont calculés ici, dans l'ordre)."""
    from pathlib import Path

    from recommandeur._programme.jumelage import mentorat

    lances: list[tuple[Any, Any]] = []
    lancer: Any = mentorat.lancer_l_appariement

    def les_deux(*args: Any) -> Any:
        *debut, ailleurs = args
        assert ailleurs is None  # un seul processus
        ici = lancer(*debut, lambda f, morceaux: lambda: [f(*m) for m in morceaux])
        lances.append((ici, lancer(*debut, None)))
        return lances[-1][1]

    monkeypatch.setattr(module_planifier, "lancer_l_appariement", les_deux)
    exemples = Path(__file__).resolve().parents[1] / "exemples" / "effectifs"
    planifier(
        exemples / "enseignants.csv", exemples / "ecoles.csv", mentors=exemples / "mentors.csv"
    )
    ((en_morceaux, d_un_tenant),) = lances
    assert en_morceaux.qui == d_un_tenant.qui and d_un_tenant.qui
    attendu = d_un_tenant.attribues()
    assert en_morceaux.attribues() == attendu and attendu
