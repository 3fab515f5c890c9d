"""L'exemple d'intégration ``exemples/service_web`` : une application FastAPI, essayée avec le
client de test de FastAPI et avec un vrai serveur uvicorn sur 127.0.0.1 (dans un sous-processus).

Constat 5 du ticket 11 (les erreurs en 422 avec leurs problèmes en données) ; point 5 du
ticket 19 (``Content-Length: -1``, corps de plus de 1 Mo, corps imbriqué, entier de 5 000
chiffres, clients qui se taisent).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from recommandeur import (
    EtSi,
    PourquoiPas,
    QueFaudraitIl,
    Recommandation,
    et_si,
    que_faudrait_il,
    recommander,
)

SERVICE = Path(__file__).parent.parent / "exemples" / "service_web" / "service.py"
PROFIL = {"annees_experience": 1, "ordre": "primaire", "besoins": {"bien_etre": "élevée"}}


def _charger() -> Any:
    spec = importlib.util.spec_from_file_location("service_web_exemple", SERVICE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(_charger().application()) as c:
        yield c


# --- avec le client de test de FastAPI ---


def test_recommandation(client: TestClient) -> None:
    reponse = client.post("/recommandation", params={"limite": 3}, json=PROFIL)
    assert reponse.status_code == 200
    assert Recommandation.model_validate(reponse.json()) == recommander(PROFIL, limite=3)


def test_un_profil_fautif_repond_422_avec_chaque_probleme_en_donnees(client: TestClient) -> None:
    reponse = client.post("/recommandation", json={"experience": 1, "ordre": "primaire"})
    assert reponse.status_code == 422
    donnees = reponse.json()
    assert donnees["erreur"] == "ErreurProfil"
    problemes = {p["champ"]: p for p in donnees["problemes"]}
    assert problemes["experience"]["code"] == "champ_inconnu"
    assert problemes["experience"]["suggestion"] == "annees_experience"
    assert problemes["experience"]["chemin"] == ["experience"]
    assert problemes["annees_experience"]["code"] == "manquant"


def test_un_profil_fautif_dans_un_corps_enveloppe(client: TestClient) -> None:
    reponse = client.post(
        "/pourquoi-pas",
        json={"profil": {"annees_experience": 1, "ordre": "primare"}, "mesure": "mentorat"},
    )
    assert reponse.status_code == 422
    (probleme,) = reponse.json()["problemes"]
    assert (probleme["champ"], probleme["suggestion"]) == ("ordre", "primaire")


def test_un_argument_fautif_repond_422(client: TestClient) -> None:
    reponse = client.post("/recommandation", params={"limite": 0}, json=PROFIL)
    assert (reponse.status_code, reponse.json()["erreur"]) == (422, "ErreurArgument")
    assert reponse.json()["problemes"][0]["champ"] == "limite"
    reponse = client.post("/recommandation", params={"limite": "trois"}, json=PROFIL)
    assert reponse.status_code == 422
    assert reponse.json()["message"] == "limite : attendu un entier, reçu 'trois'"
    reponse = client.post("/pourquoi-pas", json={"profil": PROFIL})
    assert (reponse.status_code, reponse.json()["problemes"][0]["champ"]) == (422, "mesure")


def test_pourquoi_pas_et_mesure_inconnue(client: TestClient) -> None:
    reponse = client.post("/pourquoi-pas", json={"profil": PROFIL, "mesure": "mentorat"})
    assert reponse.status_code == 200
    assert PourquoiPas.model_validate(reponse.json()).mesure == "mentorat"
    reponse = client.post("/pourquoi-pas", json={"profil": PROFIL, "mesure": "mentora"})
    assert reponse.status_code == 422
    assert reponse.json()["problemes"][0]["suggestion"] == "mentorat"


def test_et_si_et_que_faudrait_il(client: TestClient) -> None:
    changements = {"ecole.region_eloignee": True}
    reponse = client.post("/et-si", json={"profil": PROFIL, "changements": changements})
    assert reponse.status_code == 200
    assert EtSi.model_validate(reponse.json()) == et_si(PROFIL, changements)
    reponse = client.post(
        "/que-faudrait-il", json={"profil": PROFIL, "mesure": "mentorat", "retirer": True}
    )
    assert reponse.status_code == 200
    attendu = que_faudrait_il(PROFIL, "mentorat", retirer=True)
    assert QueFaudraitIl.model_validate(reponse.json()) == attendu


def test_openapi_servi(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    route = schema["paths"]["/recommandation"]["post"]
    assert route["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Profil"
    }
    reponse = route["responses"]["200"]["content"]["application/json"]["schema"]
    assert reponse == {"$ref": "#/components/schemas/Recommandation"}
    assert {"/pourquoi-pas", "/et-si", "/que-faudrait-il"} <= set(schema["paths"])
    assert client.get("/docs").status_code == 200
    assert "$defs" in client.get("/schema/resultat").json()


def test_requetes_refusees_avant_la_bibliotheque(client: TestClient) -> None:
    for corps in (b"{pas du json", b"[1, 2]", b"\xff\xfe"):
        reponse = client.post("/recommandation", content=corps)
        assert reponse.status_code == 400
        assert reponse.json()["erreur"] == "ErreurRequete"
    assert client.post("/inconnue", json=PROFIL).json()["message"] == (
        "POST /inconnue : route inconnue"
    )
    assert client.get("/recommandation").status_code == 405


@pytest.mark.parametrize(
    ("corps", "statut", "message"),
    [
        (b"[" * 200_000 + b"]" * 200_000, 400, "JSON imbriqué sur plus de 32 niveaux"),
        (b'{"a":' * 40 + b"1" + b"}" * 40, 400, "JSON imbriqué sur plus de 32 niveaux"),
        (
            b'{"annees_experience": 1' + b"0" * 5000 + b', "ordre": "primaire"}',
            400,
            "entier de plus de 30 chiffres",
        ),
        (b'{"x": "' + b"a" * 1_000_001 + b'"}', 413, "corps de plus de 1000000 octets"),
    ],
)
def test_corps_hostiles(client: TestClient, corps: bytes, statut: int, message: str) -> None:
    reponse = client.post("/recommandation", content=corps)
    assert (reponse.status_code, reponse.json()["message"]) == (statut, message)


def test_content_length_negatif(client: TestClient) -> None:
    reponse = client.post(
        "/recommandation",
        content=json.dumps(PROFIL).encode(),
        headers={"Content-Length": "-1", "Content-Type": "application/json"},
    )
    assert reponse.status_code == 400


# --- avec un vrai serveur uvicorn, dans un sous-processus, sur 127.0.0.1 ---

DELAI = 2.0


@pytest.fixture(scope="module")
def serveur(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    journal = tmp_path_factory.mktemp("service") / "stderr.txt"
    with journal.open("wb") as sortie:
        processus = subprocess.Popen(
            [sys.executable, str(SERVICE), "--port", "0", "--delai-lecture", str(DELAI)],
            stdout=subprocess.DEVNULL,
            stderr=sortie,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        port = None
        for _ in range(600):  # au plus 60 s pour démarrer
            texte = journal.read_text(encoding="utf-8", errors="replace")
            if "recommandeur sur http://127.0.0.1:" in texte:
                port = int(texte.split("127.0.0.1:")[1].split()[0])
                break
            assert processus.poll() is None, texte
            time.sleep(0.1)
        assert port is not None, journal.read_text(encoding="utf-8", errors="replace")
        for _ in range(600):  # et pour écouter
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port, journal
    finally:
        processus.terminate()
        try:
            processus.wait(timeout=30)
        except subprocess.TimeoutExpired:
            processus.kill()
            processus.wait(timeout=30)


def _appeler(port: int, chemin: str, corps: Any) -> tuple[int, Any]:
    requete = urllib.request.Request(
        f"http://127.0.0.1:{port}{chemin}",
        data=json.dumps(corps).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(requete, timeout=60) as reponse:
            return reponse.status, json.loads(reponse.read())
    except urllib.error.HTTPError as erreur:
        return erreur.code, json.loads(erreur.read())


def _brut(port: int, donnees: bytes) -> bytes:
    """Envoie des octets tels quels et lit la réponse (ligne d'état et en-têtes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as prise:
        with contextlib.suppress(OSError):  # le serveur a pu répondre et fermer avant la fin
            prise.sendall(donnees)
        recu = b""
        try:
            while b"\r\n\r\n" not in recu:
                morceau = prise.recv(65536)
                if not morceau:
                    break
                recu += morceau
        except ConnectionResetError:
            pass
    return recu


def _statut(reponse: bytes) -> int:
    return int(reponse.split(b" ", 2)[1]) if reponse.startswith(b"HTTP/1.1 ") else 0


def test_vrai_serveur_recommande_de_8_fils(serveur: tuple[int, Path]) -> None:
    port, _ = serveur
    profils = [{**PROFIL, "annees_experience": n % 6} for n in range(16)]
    with ThreadPoolExecutor(8) as groupe:
        reponses = list(groupe.map(lambda p: _appeler(port, "/recommandation", p), profils))
    for profil, (statut, donnees) in zip(profils, reponses, strict=True):
        assert statut == 200
        assert Recommandation.model_validate(donnees) == recommander(profil)
    statut, donnees = _appeler(port, "/recommandation", {"experience": 1})
    assert (statut, donnees["erreur"]) == (422, "ErreurProfil")


def test_vrai_serveur_content_length_negatif_et_corps_geant(serveur: tuple[int, Path]) -> None:
    port, _ = serveur
    geant = b'{"x": "' + b"a" * 5_000_000 + b'"}'
    entete = b"POST /recommandation HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    assert _statut(_brut(port, entete + b"Content-Length: -1\r\n\r\n" + geant)) == 400
    longueur = str(len(geant)).encode()
    assert (
        _statut(_brut(port, entete + b"Content-Length: " + longueur + b"\r\n\r\n" + geant)) == 413
    )
    morceaux = b"".join(b"%x\r\n%s\r\n" % (len(m), m) for m in [b"a" * 100_000] * 50)
    par_morceaux = entete + b"Transfer-Encoding: chunked\r\n\r\n" + morceaux + b"0\r\n\r\n"
    assert _statut(_brut(port, par_morceaux)) == 413


def test_vrai_serveur_corps_imbrique_et_entier_geant(serveur: tuple[int, Path]) -> None:
    port, journal = serveur
    for corps in (
        b"[" * 400_000 + b"]" * 400_000,
        b'{"annees_experience": 1' + b"0" * 5000 + b', "ordre": "primaire"}',
    ):
        entete = b"POST /recommandation HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n"
        assert _statut(_brut(port, entete % len(corps) + corps)) == 400
    assert _appeler(port, "/recommandation", PROFIL)[0] == 200  # toujours là
    assert "Traceback" not in journal.read_text(encoding="utf-8", errors="replace")


def test_vrai_serveur_clients_qui_se_taisent(serveur: tuple[int, Path]) -> None:
    port, _ = serveur
    prises: list[socket.socket] = []
    try:
        for rang in range(30):
            prise = socket.create_connection(("127.0.0.1", port), timeout=60)
            if rang % 2:  # des en-têtes jamais finis
                prise.sendall(b"POST /recommandation HTTP/1.1\r\nHost: x\r\n")
            else:  # un corps annoncé jamais envoyé
                prise.sendall(
                    b"POST /recommandation HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{"
                )
            prises.append(prise)
        # les autres clients sont servis pendant ce temps
        assert _appeler(port, "/recommandation", PROFIL)[0] == 200
        # et chaque client muet est congédié (408 ou connexion fermée) après le délai
        for rang, prise in enumerate(prises):
            recu = b""
            while True:
                morceau = prise.recv(65536)
                if not morceau:
                    break
                recu += morceau
            if rang % 2:
                assert recu == b""
            else:
                assert _statut(recu) == 408
    finally:
        for prise in prises:
            prise.close()
