"""Un petit service HTTP qui embarque ``recommandeur`` (bibliothèque standard seulement).

    python exemples/service_web/service.py --port 8000

Routes (corps et réponses en JSON, UTF-8) :

- ``POST /recommandation`` : ``{"profil": {...}, "limite": 5, "prioritaires": 5}`` (seul
  ``profil`` est obligatoire) → le JSON de la recommandation (schéma : ``GET /schema/resultat``) ;
- ``POST /pourquoi-pas`` : ``{"profil": {...}, "mesure": "mentorat"}`` ;
- ``POST /et-si`` : ``{"profil": {...}, "changements": {"ecole.imse": 9}}`` ;
- ``GET /schema/profil``, ``GET /schema/resultat`` : les schémas JSON.

Une erreur de la bibliothèque (profil, mesure inconnue, argument) répond **422** avec
``erreur.to_dict()`` : chaque problème en données (``champ``, ``chemin``, ``code``,
``valeur``, ``attendu``, ``suggestion``). Un corps qui n'est pas du JSON répond 400, une
route inconnue 404, une méthode refusée 405, un corps de plus de 1 Mo 413. Le moteur est
partagé par tous les fils du serveur : ``recommander`` est sûr sous les fils.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Container
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from recommandeur import (
    ErreurArgument,
    ErreurRecommandeur,
    Moteur,
    et_si,
    moteur_par_defaut,
    pourquoi_pas,
    recommander,
    schema_profil,
    schema_resultat,
)

#: La taille maximale d'un corps de requête.
CORPS_MAX = 1_000_000


class ErreurRequete(Exception):
    """Une requête que le service refuse avant la bibliothèque (statut HTTP et message)."""

    def __init__(self, statut: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.statut = statut


def _champ(corps: dict[str, Any], nom: str, attendu: type | tuple[type, ...]) -> Any:
    if nom not in corps:
        raise ErreurArgument(nom, "un champ obligatoire du corps", None)
    valeur = corps[nom]
    if not isinstance(valeur, attendu):
        raise ErreurArgument(nom, "un objet JSON" if attendu is dict else "une chaîne", valeur)
    return valeur


def _recommandation(corps: dict[str, Any], moteur: Moteur) -> dict[str, Any]:
    reco = recommander(
        _champ(corps, "profil", dict),
        moteur=moteur,
        limite=corps.get("limite"),
        prioritaires=corps.get("prioritaires", 5),
    )
    return reco.model_dump(mode="json")


def _pourquoi_pas(corps: dict[str, Any], moteur: Moteur) -> dict[str, Any]:
    reponse = pourquoi_pas(
        _champ(corps, "profil", dict), _champ(corps, "mesure", str), moteur=moteur
    )
    return {**reponse.model_dump(mode="json"), "texte": reponse.texte()}


def _et_si(corps: dict[str, Any], moteur: Moteur) -> dict[str, Any]:
    reponse = et_si(
        _champ(corps, "profil", dict), _champ(corps, "changements", dict), moteur=moteur
    )
    donnees = reponse.model_dump(mode="json", exclude={"avant", "apres"})
    return {**donnees, "texte": reponse.texte(), "apres": reponse.apres.model_dump(mode="json")}


ROUTES_POST: dict[str, Callable[[dict[str, Any], Moteur], dict[str, Any]]] = {
    "/recommandation": _recommandation,
    "/pourquoi-pas": _pourquoi_pas,
    "/et-si": _et_si,
}


def creer_serveur(
    hote: str = "127.0.0.1", port: int = 8000, moteur: Moteur | None = None
) -> ThreadingHTTPServer:
    """Un serveur prêt à servir (``port=0`` : un port libre, lu dans ``serveur.server_address``)."""
    choisi = moteur or moteur_par_defaut()
    schemas = {"/schema/profil": schema_profil(choisi), "/schema/resultat": schema_resultat()}

    class Gestionnaire(BaseHTTPRequestHandler):
        server_version = "recommandeur-exemple/1"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # silencieux : un vrai service journaliserait ici

        def _repondre(self, statut: HTTPStatus, donnees: Any) -> None:
            corps = json.dumps(donnees, ensure_ascii=False).encode("utf-8")
            self.send_response(statut)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(corps)))
            self.end_headers()
            self.wfile.write(corps)

        def _corps(self) -> dict[str, Any]:
            try:
                taille = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                raise ErreurRequete(
                    HTTPStatus.BAD_REQUEST, "Content-Length n'est pas un entier"
                ) from None
            if taille > CORPS_MAX:
                raise ErreurRequete(
                    HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"corps de plus de {CORPS_MAX} octets"
                )
            brut = self.rfile.read(taille)
            try:
                corps = json.loads(brut.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ErreurRequete(
                    HTTPStatus.BAD_REQUEST, f"le corps n'est pas du JSON UTF-8 : {exc}"
                ) from None
            if not isinstance(corps, dict):
                raise ErreurRequete(HTTPStatus.BAD_REQUEST, "le corps doit être un objet JSON")
            return corps

        def _refuser(self, statut: HTTPStatus, message: str) -> None:
            self._repondre(statut, {"erreur": "ErreurRequete", "message": message, "problemes": []})

        def _route_inconnue(self, methode: str, chemin: str, autres: Container[str]) -> None:
            statut = HTTPStatus.METHOD_NOT_ALLOWED if chemin in autres else HTTPStatus.NOT_FOUND
            self._refuser(statut, f"{methode} {chemin} : route inconnue")

        def do_POST(self) -> None:
            chemin = self.path.split("?", 1)[0]
            fonction = ROUTES_POST.get(chemin)
            if fonction is None:
                self._route_inconnue("POST", chemin, schemas)
                return
            try:
                self._repondre(HTTPStatus.OK, fonction(self._corps(), choisi))
            except ErreurRecommandeur as exc:
                self._repondre(HTTPStatus.UNPROCESSABLE_ENTITY, exc.to_dict())
            except ErreurRequete as exc:
                self._refuser(exc.statut, str(exc))

        def do_GET(self) -> None:
            chemin = self.path.split("?", 1)[0]
            if chemin in schemas:
                self._repondre(HTTPStatus.OK, schemas[chemin])
            else:
                self._route_inconnue("GET", chemin, ROUTES_POST)

    return ThreadingHTTPServer((hote, port), Gestionnaire)


def main(argv: list[str] | None = None) -> int:
    analyseur = argparse.ArgumentParser(description="Service HTTP d'exemple de recommandeur.")
    analyseur.add_argument("--hote", default="127.0.0.1")
    analyseur.add_argument("--port", type=int, default=8000)
    args = analyseur.parse_args(argv)
    serveur = creer_serveur(args.hote, args.port)
    print(f"recommandeur sur http://{args.hote}:{serveur.server_address[1]}", file=sys.stderr)
    try:
        serveur.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        serveur.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
