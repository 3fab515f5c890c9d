"""L'exemple d'intégration ``exemples/service_web`` : un vrai serveur sur 127.0.0.1, un vrai client.

Constat 5 du ticket 11 : une application ne pouvait pas faire d'une ``ErreurProfil`` une
réponse 422 avec les problèmes en données.
"""

from __future__ import annotations

import importlib.util
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from recommandeur import Recommandation, et_si, recommander

SERVICE = Path(__file__).parent.parent / "exemples" / "service_web" / "service.py"


def _charger() -> Any:
    spec = importlib.util.spec_from_file_location("service_web_exemple", SERVICE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def adresse() -> Iterator[str]:
    serveur = _charger().creer_serveur("127.0.0.1", 0)
    fil = threading.Thread(target=serveur.serve_forever, daemon=True)
    fil.start()
    try:
        yield f"http://127.0.0.1:{serveur.server_address[1]}"
    finally:
        serveur.shutdown()
        serveur.server_close()
        fil.join(timeout=10)


def _appeler(
    adresse: str, chemin: str, corps: Any = None, *, brut: bytes | None = None
) -> tuple[int, Any]:
    donnees = brut if brut is not None else (None if corps is None else json.dumps(corps).encode())
    requete = urllib.request.Request(
        adresse + chemin,
        data=donnees,
        method="GET" if donnees is None else "POST",
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(requete, timeout=30) as reponse:
            return reponse.status, json.loads(reponse.read())
    except urllib.error.HTTPError as erreur:
        return erreur.code, json.loads(erreur.read())


PROFIL = {"annees_experience": 1, "ordre": "primaire", "besoins": {"bien_etre": "élevée"}}


def test_recommandation(adresse: str) -> None:
    statut, donnees = _appeler(adresse, "/recommandation", {"profil": PROFIL, "limite": 3})
    assert statut == 200
    attendu = recommander(PROFIL, limite=3)
    assert Recommandation.model_validate(donnees) == attendu
    assert [m["mesure"] for m in donnees["mesures"]] == [m.mesure.id for m in attendu.mesures]


def test_un_profil_fautif_repond_422_avec_chaque_probleme_en_donnees(adresse: str) -> None:
    statut, donnees = _appeler(
        adresse, "/recommandation", {"profil": {"experience": 1, "ordre": "primaire"}}
    )
    assert statut == 422
    assert donnees["erreur"] == "ErreurProfil"
    problemes = {p["champ"]: p for p in donnees["problemes"]}
    assert problemes["experience"]["code"] == "champ_inconnu"
    assert problemes["experience"]["suggestion"] == "annees_experience"
    assert problemes["experience"]["chemin"] == ["experience"]
    assert problemes["annees_experience"]["code"] == "manquant"


def test_un_argument_fautif_repond_422(adresse: str) -> None:
    statut, donnees = _appeler(adresse, "/recommandation", {"profil": PROFIL, "limite": 0})
    assert (statut, donnees["erreur"]) == (422, "ErreurArgument")
    assert donnees["problemes"][0]["champ"] == "limite"
    statut, donnees = _appeler(adresse, "/recommandation", {"limite": 3})
    assert (statut, donnees["problemes"][0]["champ"]) == (422, "profil")


def test_pourquoi_pas_et_mesure_inconnue(adresse: str) -> None:
    statut, donnees = _appeler(adresse, "/pourquoi-pas", {"profil": PROFIL, "mesure": "mentorat"})
    assert statut == 200 and donnees["mesure"] == "mentorat" and donnees["texte"]
    statut, donnees = _appeler(adresse, "/pourquoi-pas", {"profil": PROFIL, "mesure": "mentora"})
    assert statut == 422
    assert donnees["problemes"][0]["suggestion"] == "mentorat"


def test_et_si(adresse: str) -> None:
    statut, donnees = _appeler(
        adresse, "/et-si", {"profil": PROFIL, "changements": {"ecole.region_eloignee": True}}
    )
    assert statut == 200
    attendu = et_si(PROFIL, {"ecole.region_eloignee": True})
    assert donnees["ajoutees"] == attendu.ajoutees and donnees["texte"] == attendu.texte()
    assert Recommandation.model_validate(donnees["apres"]) == attendu.apres


def test_requetes_refusees_avant_la_bibliotheque(adresse: str) -> None:
    assert _appeler(adresse, "/recommandation", brut=b"{pas du json")[0] == 400
    assert _appeler(adresse, "/recommandation", brut=b"[1, 2]")[0] == 400
    assert _appeler(adresse, "/inconnue", {"profil": PROFIL})[0] == 404
    assert _appeler(adresse, "/recommandation")[0] == 405
    statut, schema = _appeler(adresse, "/schema/resultat")
    assert statut == 200 and "$defs" in schema


def test_appels_simultanes(adresse: str) -> None:
    profils = [{**PROFIL, "annees_experience": n % 6} for n in range(24)]
    with ThreadPoolExecutor(8) as groupe:
        reponses = list(
            groupe.map(lambda p: _appeler(adresse, "/recommandation", {"profil": p}), profils)
        )
    for profil, (statut, donnees) in zip(profils, reponses, strict=True):
        assert statut == 200
        assert Recommandation.model_validate(donnees) == recommander(profil)
