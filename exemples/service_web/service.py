"""Un service HTTP qui embarque ``recommandeur`` : une application FastAPI, servie par uvicorn.

    pip install "recommandeur[web]"
    python exemples/service_web/service.py --port 8000     # puis http://127.0.0.1:8000/docs

Routes (corps et réponses en JSON, UTF-8 ; le schéma OpenAPI est servi à ``/openapi.json``) :

- ``POST /recommandation?limite=5&prioritaires=5`` : le corps est un ``Profil`` → une
  ``Recommandation`` ;
- ``POST /pourquoi-pas`` : ``{"profil": {...}, "mesure": "mentorat"}`` → ``PourquoiPas`` ;
- ``POST /et-si`` : ``{"profil": {...}, "changements": {"ecole.imse": 9}}`` → ``EtSi`` ;
- ``POST /que-faudrait-il`` : ``{"profil": {...}, "mesure": "...", "retirer": false}`` ;
- ``GET /schema/profil``, ``GET /schema/resultat`` : les schémas JSON de la bibliothèque.

Une erreur de la bibliothèque (profil, mesure inconnue, argument) répond **422** avec
``erreur.to_dict()`` ; un profil que FastAPI refuse est revalidé par la bibliothèque, pour la
même réponse (messages en français, suggestions). Avant l'application, une garde refuse ce qui
ne doit atteindre ni FastAPI ni la bibliothèque : un corps de plus de 1 Mo (413), un
``Content-Length`` qui n'est pas un entier positif, un corps qui n'est pas un objet JSON, trop
imbriqué ou porteur d'un entier démesuré (400), un client qui n'envoie pas son corps à temps
(408) ; un client qui n'envoie pas ses en-têtes à temps est déconnecté.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

import uvicorn
from fastapi import Body, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from uvicorn.protocols.http.h11_impl import H11Protocol

from recommandeur import (
    ErreurArgument,
    ErreurRecommandeur,
    EtSi,
    Moteur,
    PourquoiPas,
    Profil,
    QueFaudraitIl,
    Recommandation,
    et_si,
    moteur_par_defaut,
    pourquoi_pas,
    que_faudrait_il,
    recommander,
    schema_profil,
    schema_resultat,
)

#: La taille maximale d'un corps de requête (octets).
CORPS_MAX = 1_000_000
#: La profondeur maximale d'un corps JSON (un profil en a 4).
PROFONDEUR_MAX = 32
#: Le plus grand nombre de chiffres d'un entier du corps.
CHIFFRES_MAX = 30
#: Le délai (secondes) pour recevoir les en-têtes, puis le corps, d'une requête.
DELAI_LECTURE = 10.0

Message = MutableMapping[str, Any]
Recevoir = Callable[[], Awaitable[Message]]
Envoyer = Callable[[Message], Awaitable[None]]
Asgi = Callable[[MutableMapping[str, Any], Recevoir, Envoyer], Awaitable[None]]


class CorpsRefuse(Exception):
    """Un corps refusé avant l'application : le statut HTTP et la raison."""

    def __init__(self, statut: int, message: str) -> None:
        super().__init__(message)
        self.statut = statut


def _profondeur(valeur: Any) -> int:
    """La profondeur d'imbrication de listes et d'objets, calculée sans récursion."""
    maximum, pile = 0, [(valeur, 1)]
    while pile:
        courant, niveau = pile.pop()
        if isinstance(courant, dict | list):
            maximum = max(maximum, niveau)
            enfants = courant.values() if isinstance(courant, dict) else courant
            pile.extend((enfant, niveau + 1) for enfant in enfants)
    return maximum


def _entier_borne(texte: str) -> int:
    if len(texte.lstrip("-")) > CHIFFRES_MAX:
        raise CorpsRefuse(400, f"entier de plus de {CHIFFRES_MAX} chiffres")
    return int(texte)


def verifier_corps(corps: bytes) -> None:
    """Lève :class:`CorpsRefuse` si le corps n'est pas un objet JSON sûr à lire."""
    try:
        donnees = json.loads(corps.decode("utf-8"), parse_int=_entier_borne)
    except RecursionError:
        raise CorpsRefuse(400, f"JSON imbriqué sur plus de {PROFONDEUR_MAX} niveaux") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpsRefuse(400, f"le corps n'est pas du JSON UTF-8 : {exc}") from None
    if not isinstance(donnees, dict):
        raise CorpsRefuse(400, "le corps doit être un objet JSON")
    if _profondeur(donnees) > PROFONDEUR_MAX:
        raise CorpsRefuse(400, f"JSON imbriqué sur plus de {PROFONDEUR_MAX} niveaux")


async def _refuser(envoyer: Envoyer, statut: int, message: str) -> None:
    corps = json.dumps(
        {"erreur": "ErreurRequete", "message": message, "problemes": []}, ensure_ascii=False
    ).encode("utf-8")
    entetes = [
        (b"content-type", b"application/json; charset=utf-8"),
        (b"content-length", str(len(corps)).encode()),
        (b"connection", b"close"),
    ]
    await envoyer({"type": "http.response.start", "status": statut, "headers": entetes})
    await envoyer({"type": "http.response.body", "body": corps})


class Garde:
    """Un intergiciel ASGI : lit le corps entier (borné en taille et en temps), le vérifie, puis
    le rejoue à l'application."""

    def __init__(self, app: Asgi, delai: float = DELAI_LECTURE) -> None:
        self.app, self.delai = app, delai

    async def __call__(
        self, scope: MutableMapping[str, Any], recevoir: Recevoir, envoyer: Envoyer
    ) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, recevoir, envoyer)
            return
        try:
            corps = await self._lire(scope, recevoir)
            verifier_corps(corps)
        except CorpsRefuse as exc:
            await _refuser(envoyer, exc.statut, str(exc))
            return
        rejoue = False

        async def rejouer() -> Message:
            nonlocal rejoue
            if not rejoue:
                rejoue = True
                return {"type": "http.request", "body": corps, "more_body": False}
            return await recevoir()

        await self.app(scope, rejouer, envoyer)

    async def _lire(self, scope: MutableMapping[str, Any], recevoir: Recevoir) -> bytes:
        for nom, valeur in scope["headers"]:
            if nom == b"content-length":
                if not valeur.isdigit():
                    raise CorpsRefuse(400, "Content-Length doit être un entier positif")
                if int(valeur) > CORPS_MAX:
                    raise CorpsRefuse(413, f"corps de plus de {CORPS_MAX} octets")
        morceaux: list[bytes] = []
        taille = 0
        while True:
            try:
                message = await asyncio.wait_for(recevoir(), self.delai)
            except TimeoutError:
                raise CorpsRefuse(408, f"corps non reçu en {self.delai:g} s") from None
            if message["type"] == "http.disconnect":
                raise CorpsRefuse(400, "client parti avant la fin du corps")
            morceau = message.get("body", b"")
            taille += len(morceau)
            if taille > CORPS_MAX:
                raise CorpsRefuse(413, f"corps de plus de {CORPS_MAX} octets")
            morceaux.append(morceau)
            if not message.get("more_body", False):
                return b"".join(morceaux)


class ProtocoleBorne(H11Protocol):
    """Le protocole HTTP/1.1 d'uvicorn, avec une échéance pour recevoir les en-têtes d'une
    requête : un client qui se tait ou les envoie goutte à goutte est déconnecté."""

    delai = DELAI_LECTURE

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        self._armer()

    def _armer(self) -> None:
        self._echeance = self.loop.call_later(self.delai, self._expirer)

    def _expirer(self) -> None:
        en_cours = self.cycle is not None and not self.cycle.response_complete
        if not en_cours and not self.transport.is_closing():
            self.transport.close()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._echeance.cancel()
        self._armer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._echeance.cancel()
        super().connection_lost(exc)


_ATTENDUS = {
    "missing": "un champ obligatoire du corps",
    "string_type": "une chaîne",
    "int_parsing": "un entier",
    "int_type": "un entier",
    "bool_parsing": "un booléen",
    "bool_type": "un booléen",
    "dict_type": "un objet JSON",
    "model_attributes_type": "un objet JSON",
}


def _erreur_de_validation(
    exc: RequestValidationError, profil_entier: bool, moteur: Moteur
) -> ErreurRecommandeur:
    """L'erreur de la bibliothèque qui dit ce que FastAPI a refusé : un profil refusé est
    revalidé par la bibliothèque (``ErreurProfil``, en français) ; un autre champ donne une
    ``ErreurArgument``."""
    corps = exc.body if isinstance(exc.body, dict) else {}
    erreurs = list(exc.errors())
    for erreur in erreurs:
        lieu = tuple(erreur["loc"])
        if lieu[:1] != ("body",) or not (profil_entier or lieu[1:2] == ("profil",)):
            continue
        profil: Any = corps if profil_entier else corps.get("profil")
        try:
            recommander(profil, moteur=moteur, limite=1)
        except ErreurRecommandeur as refus:
            return refus
    premiere = erreurs[0]
    nom = ".".join(str(morceau) for morceau in premiere["loc"][1:]) or "corps"
    attendu = _ATTENDUS.get(premiere["type"], "une valeur valide")
    return ErreurArgument(nom, attendu, premiere.get("input"))


def creer_app(moteur: Moteur | None = None) -> FastAPI:
    """L'application : les routes, les erreurs de la bibliothèque en 422, la garde devant."""
    choisi = moteur or moteur_par_defaut()
    schemas = {"profil": schema_profil(choisi), "resultat": schema_resultat()}
    app = FastAPI(
        title="recommandeur",
        description="Mesures de soutien à l'insertion professionnelle des enseignants débutants.",
    )

    @app.exception_handler(ErreurRecommandeur)
    async def _erreur_bibliotheque(requete: Request, exc: ErreurRecommandeur) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _erreur_http(requete: Request, exc: StarletteHTTPException) -> JSONResponse:
        quoi = {404: "route inconnue", 405: "méthode refusée"}.get(exc.status_code, str(exc.detail))
        message = f"{requete.method} {requete.url.path} : {quoi}"
        donnees = {"erreur": "ErreurRequete", "message": message, "problemes": []}
        return JSONResponse(donnees, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _erreur_validation(requete: Request, exc: RequestValidationError) -> JSONResponse:
        profil_entier = requete.url.path == "/recommandation"
        erreur = _erreur_de_validation(exc, profil_entier, choisi)
        return JSONResponse(erreur.to_dict(), status_code=422)

    @app.post("/recommandation", response_model=Recommandation)
    def _recommandation(
        profil: Profil,
        limite: Annotated[int | None, Query(description="garder les N meilleures mesures")] = None,
        prioritaires: Annotated[int, Query(description="offres à faire d'abord")] = 5,
    ) -> Recommandation:
        return recommander(profil, moteur=choisi, limite=limite, prioritaires=prioritaires)

    @app.post("/pourquoi-pas", response_model=PourquoiPas)
    def _pourquoi_pas(
        profil: Annotated[Profil, Body()], mesure: Annotated[str, Body()]
    ) -> PourquoiPas:
        return pourquoi_pas(profil, mesure, moteur=choisi)

    @app.post("/et-si", response_model=EtSi)
    def _et_si(
        profil: Annotated[Profil, Body()], changements: Annotated[dict[str, Any], Body()]
    ) -> EtSi:
        return et_si(profil, changements, moteur=choisi)

    @app.post("/que-faudrait-il", response_model=QueFaudraitIl)
    def _que_faudrait_il(
        profil: Annotated[Profil, Body()],
        mesure: Annotated[str, Body()],
        retirer: Annotated[bool, Body()] = False,
    ) -> QueFaudraitIl:
        return que_faudrait_il(profil, mesure, retirer=retirer, moteur=choisi)

    @app.get("/schema/{quoi}")
    def _schema(quoi: str) -> dict[str, Any]:
        if quoi not in schemas:
            raise ErreurArgument("quoi", "profil ou resultat", quoi, tuple(schemas))
        return schemas[quoi]

    return app


def application(moteur: Moteur | None = None, delai: float = DELAI_LECTURE) -> Asgi:
    """L'application derrière sa garde : ce que sert uvicorn."""
    return Garde(creer_app(moteur), delai)


def main(argv: list[str] | None = None) -> int:
    """Sert l'application sur ``--hote`` et ``--port`` (``--port 0`` : un port libre, écrit)."""
    analyseur = argparse.ArgumentParser(description="Service HTTP d'exemple de recommandeur.")
    analyseur.add_argument("--hote", default="127.0.0.1")
    analyseur.add_argument("--port", type=int, default=8000)
    analyseur.add_argument("--delai-lecture", type=float, default=DELAI_LECTURE)
    args = analyseur.parse_args(argv)
    ProtocoleBorne.delai = args.delai_lecture
    prise = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    prise.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    prise.bind((args.hote, args.port))
    config = uvicorn.Config(
        application(delai=args.delai_lecture),
        http=ProtocoleBorne,
        log_level="warning",
        timeout_keep_alive=int(max(1, args.delai_lecture)),
    )
    print(
        f"recommandeur sur http://{args.hote}:{prise.getsockname()[1]}", file=sys.stderr, flush=True
    )
    uvicorn.Server(config).run(sockets=[prise])
    return 0


if __name__ == "__main__":
    sys.exit(main())
