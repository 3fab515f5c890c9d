"""Les fils d'exécution, par entrelacement forcé (sans compter sur le hasard des horaires).

Un verrou espion remplace celui de l'enveloppe de durable-rules : le premier fil est arrêté
au milieu d'une évaluation (entre ``assert_fact`` et la lecture de ses actions) jusqu'à ce
que le second fil soit *effectivement* bloqué sur le verrou. Les deux résultats doivent être
ceux d'appels séquentiels, et les appels à l'extension C de chaque fait ne doivent jamais se
mêler.
"""

from __future__ import annotations

import itertools
import threading
from typing import Any

import pytest

import recommandeur._moteur.durable as enveloppe
from recommandeur import recommander
from recommandeur._langage.expressions import Atome
from recommandeur._moteur.durable import EnsembleDurable


class VerrouEspion:
    """Un verrou réentrant qui signale qu'un fil s'apprête à l'attendre."""

    def __init__(self) -> None:
        self._verrou = threading.RLock()
        self.attendu = threading.Event()

    def __enter__(self) -> VerrouEspion:
        if not self._verrou.acquire(blocking=False):
            self.attendu.set()
            self._verrou.acquire()
        return self

    def __exit__(self, *_: object) -> None:
        self._verrou.release()


@pytest.fixture
def espion(monkeypatch: pytest.MonkeyPatch) -> tuple[VerrouEspion, list[tuple[str, str]]]:
    verrou = VerrouEspion()
    journal: list[tuple[str, str]] = []
    vraie = vars(enveloppe)["_c"]
    arrete = threading.Event()

    class Extension:
        def __getattr__(self, nom: str) -> Any:
            fonction = getattr(vraie, nom)

            def appel(*arguments: Any) -> Any:
                fil = threading.current_thread().name
                journal.append((fil, nom))
                if nom == "start_action_for_state" and fil == "premier" and not arrete.is_set():
                    arrete.set()
                    assert verrou.attendu.wait(10), "le second fil n'a jamais attendu le verrou"
                return fonction(*arguments)

            return appel

    monkeypatch.setattr(enveloppe, "_VERROU", verrou)
    monkeypatch.setattr(enveloppe, "_c", Extension())
    return verrou, journal


def _lancer(*travaux: tuple[str, Any]) -> dict[str, Any]:
    resultats: dict[str, Any] = {}
    premier_dedans = threading.Event()

    def executer(nom: str, travail: Any) -> None:
        if nom == "second":
            assert premier_dedans.wait(10)
        else:
            premier_dedans.set()
        resultats[nom] = travail()

    fils = [threading.Thread(target=executer, args=t, name=t[0]) for t in travaux]
    for f in fils:
        f.start()
    for f in fils:
        f.join(20)
    assert not any(f.is_alive() for f in fils)
    return resultats


def _sans_melange(journal: list[tuple[str, str]]) -> bool:
    fils = [f for f, _ in journal]
    # chaque fil fait ses appels d'un seul tenant : au plus un changement de fil
    return sum(1 for a, b in itertools.pairwise(fils) if a != b) <= 1


def test_deux_fils_sur_le_meme_ensemble(espion: tuple[VerrouEspion, list[tuple[str, str]]]) -> None:
    verrou, journal = espion
    ens = EnsembleDurable(
        {"primaire": Atome("ordre", "==", "primaire"), "imse": Atome("ecole.imse", ">=", 8)}
    )
    journal.clear()
    resultats = _lancer(
        ("premier", lambda: ens.declencher({"ordre": "primaire", "ecole.imse": 3})),
        ("second", lambda: ens.declencher({"ordre": "secondaire", "ecole.imse": 9})),
    )
    assert verrou.attendu.is_set()
    assert resultats == {"premier": ["primaire"], "second": ["imse"]}
    assert _sans_melange(journal), journal
    assert journal[0][0] == "premier"


def test_deux_fils_qui_recommandent(espion: tuple[VerrouEspion, list[tuple[str, str]]]) -> None:
    verrou, journal = espion
    p1 = {"annees_experience": 1, "ordre": "primaire", "besoins": {"bien_etre": "elevee"}}
    p2 = {"annees_experience": 3, "ordre": "secondaire", "ecole": {"imse": 9}}
    journal.clear()
    resultats = _lancer(("premier", lambda: recommander(p1)), ("second", lambda: recommander(p2)))
    assert verrou.attendu.is_set()
    assert _sans_melange(journal), journal
    attendus = {"premier": recommander(p1), "second": recommander(p2)}
    assert resultats == attendus
