"""Le JSON des résultats, sans répétition : mesures et acteurs par identifiant, une table par résultat.

En JSON, une mesure recommandée ne recopie ni la fiche de sa mesure ni celles de ses
intervenants : elle les nomme par identifiant, et le résultat porte une seule table
(``tables``) de ce qu'il faut pour les afficher (libellé, niveau, destinataire, durée,
fréquence ; libellé de chaque acteur). Les fiches complètes sont dans le catalogue
(``recommandeur catalogue --json``).

À la relecture (``Recommandation.model_validate``), les identifiants sont résolus dans le
catalogue du moteur donné par le contexte (``context={"moteur": m}`` ou
``{"catalogue": c}``), sinon dans celui du moteur par défaut.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, GetJsonSchemaHandler
from pydantic_core import CoreSchema

from .._base.erreurs import ErreurInconnu
from .._base.schema_json import nettoyer_schema
from .._catalogue.modeles import Acteur, Catalogue, Mesure
from .._profil.modeles import titre_francais
from .._vocabulaire import Destinataire, Niveau

if TYPE_CHECKING:
    from .modeles import MesureRecommandee


class _Table(BaseModel):
    model_config = ConfigDict(
        json_schema_extra=nettoyer_schema,
        frozen=True,
        field_title_generator=titre_francais,
        # le schéma au premier usage, comme les autres sorties (voir sortie.py)
        defer_build=True,
    )


class MesureEnTable(_Table):
    """Ce qu'il faut pour afficher une mesure nommée par un résultat."""

    libelle: str
    niveau: Niveau
    destinataire: Destinataire
    duree: str | None
    frequence: str | None


class ActeurEnTable(_Table):
    """Ce qu'il faut pour afficher un acteur nommé par un résultat."""

    libelle: str


class Tables(_Table):
    """Les mesures et les acteurs nommés par un résultat, chacun une fois."""

    mesures: dict[str, MesureEnTable]
    acteurs: dict[str, ActeurEnTable]


class ParIdentifiant:
    """Dans le schéma de validation, une fiche (mesure, acteur) s'écrit aussi par identifiant.

    Le JSON d'un résultat nomme ses mesures et acteurs par identifiant, que la relecture résout
    dans le catalogue : ``Recommandation.model_json_schema()`` (mode validation) admet donc
    l'identifiant ou la fiche complète. Le schéma de sérialisation reste l'identifiant seul.
    """

    def __init__(self, genre: str) -> None:
        self.genre = genre

    def __get_pydantic_json_schema__(
        self, schema_coeur: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        fiche: dict[str, Any] = handler(schema_coeur)
        if handler.mode != "validation":
            return fiche
        identifiant = {"type": "string", "description": f"identifiant d'{self.genre} du catalogue"}
        return {"anyOf": [identifiant, fiche]}


def tables(recommandees: Iterable[MesureRecommandee]) -> Tables:
    """La table des mesures et des acteurs que nomment ces mesures recommandées."""
    mesures: dict[str, MesureEnTable] = {}
    acteurs: dict[str, ActeurEnTable] = {}
    for m in recommandees:
        mesure = m.mesure
        mesures[mesure.id] = MesureEnTable(
            libelle=mesure.libelle,
            niveau=mesure.niveau,
            destinataire=mesure.destinataire,
            duree=mesure.duree,
            frequence=mesure.frequence,
        )
        for acteur in (m.acteur, *m.alternatives, *m.partenaires):
            acteurs[acteur.id] = ActeurEnTable(libelle=acteur.libelle)
    return Tables(mesures=mesures, acteurs=acteurs)


def catalogue_du_contexte(contexte: Mapping[str, Any] | None) -> Catalogue:
    """Le catalogue où résoudre les identifiants : celui du contexte, sinon du moteur par défaut."""
    contexte = contexte or {}
    if isinstance(contexte.get("catalogue"), Catalogue):
        catalogue: Catalogue = contexte["catalogue"]
        return catalogue
    moteur = contexte.get("moteur")
    if moteur is None:
        from .._moteur.moteur import moteur_par_defaut

        moteur = moteur_par_defaut()
    resolu: Catalogue = moteur.catalogue
    return resolu


def verifier_version(donnees: Any, contexte: Mapping[str, Any] | None) -> None:
    """Refuse un JSON écrit avec un autre catalogue que celui où l'on résoudrait ses identifiants."""
    if not isinstance(donnees, Mapping) or "version_catalogue" not in donnees:
        return
    catalogue = catalogue_du_contexte(contexte)
    ecrite = donnees["version_catalogue"]
    if ecrite != catalogue.version:
        raise ValueError(
            f"ce résultat a été produit avec le catalogue {ecrite!r}, mais les identifiants "
            f"seraient lus dans le catalogue {catalogue.version!r} ; passez le bon moteur : "
            "Recommandation.model_validate(donnees, context={'moteur': moteur})"
        )


def _resoudre(catalogue: Catalogue, genre: str, valeur: str) -> Mesure | Acteur:
    try:
        return catalogue.mesure(valeur) if genre == "mesure" else catalogue.acteur(valeur)
    except ErreurInconnu as exc:
        raise ValueError(f"{exc} (catalogue {catalogue.version})") from None


def resoudre_mesure_recommandee(donnees: Any, contexte: Mapping[str, Any] | None) -> Any:
    """Remplace les identifiants d'une mesure recommandée lue du JSON par les fiches du catalogue.

    Le catalogue n'est cherché que si un identifiant est à résoudre.
    """
    if not isinstance(donnees, Mapping):
        return donnees
    catalogue = functools.cache(lambda: catalogue_du_contexte(contexte))
    resolu = dict(donnees)
    for cle in ("mesure", "acteur"):
        if isinstance(resolu.get(cle), str):
            resolu[cle] = _resoudre(catalogue(), cle, resolu[cle])
    for cle in ("alternatives", "partenaires"):
        if isinstance(resolu.get(cle), list):
            resolu[cle] = [
                _resoudre(catalogue(), "acteur", a) if isinstance(a, str) else a
                for a in resolu[cle]
            ]
    return resolu
