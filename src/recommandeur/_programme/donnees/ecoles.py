"""Les écoles du fichier des écoles : une ligne, une école validée (taille, mentors, contexte)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..._base.erreurs import Probleme, suggerer
from ..._base.messages import problemes_de_validation
from ..._base.schema_json import nettoyer_schema
from ..._profil.modeles import Ecole
from .colonnes import COLONNES_ECOLE, COLONNES_PROPRES_ECOLE, cellule
from .identifiants import TexteSansControle, cle, lire_identifiant
from .lecture import Fichier


class EcoleDuCentre(BaseModel):
    """Une école du centre : son nom, sa taille, ses personnes mentores et son contexte."""

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)

    id: str = Field(min_length=1, max_length=80)
    nom: TexteSansControle
    nb_enseignants: int | None = Field(None, ge=1, le=100_000)
    mentors: int | None = Field(None, ge=0, le=1000)
    contexte: Ecole
    #: ``part_novices`` du contexte : ``donnee`` dans le fichier, ``calculee`` des effectifs.
    origine_part_novices: str | None = None
    #: La part des personnes de 5 ans et moins au Québec (001), calculée des effectifs.
    part_cinq_ans_et_moins: float | None = None
    #: La région de l'école, si le fichier la donne : les cohortes du centre s'y forment.
    region: TexteSansControle | None = Field(None, min_length=1, max_length=80)


def lignes_d_ecoles(
    fichier: Fichier, problemes: list[Probleme]
) -> dict[str, tuple[str, dict[str, Any]]]:
    connues = (*COLONNES_PROPRES_ECOLE, "part_novices", *COLONNES_ECOLE)
    verifier_entetes(fichier, connues, problemes)
    lues: dict[str, tuple[str, dict[str, Any]]] = {}
    par_cle: dict[str, str] = {}
    for ligne, valeurs in fichier.lignes:
        ident, faute = lire_identifiant(valeurs.get("ecole"))
        if faute is not None or ident is None:
            message, code = (
                (faute, "invalide") if faute else ("identifiant d'école manquant", "manquant")
            )
            problemes.append(probleme(message, fichier, ligne, "ecole", code=code))
            continue
        if cle(ident) in par_cle:
            ecrit = par_cle[cle(ident)]
            autre = "" if ecrit == ident else f" sous « {ecrit} », à la casse près"
            problemes.append(
                probleme(
                    f"école déjà décrite ({lues[ecrit][0]}{autre})", fichier, ligne, "ecole", ident
                )
            )
            continue
        par_cle[cle(ident)] = ident
        lues[ident] = (ligne, valeurs)
    return lues


def verifier_entetes(fichier: Fichier, connues: Collection[str], problemes: list[Probleme]) -> None:
    for entete in fichier.entetes:
        if entete not in connues:
            problemes.append(
                Probleme(
                    "colonne inconnue",
                    fichier=fichier.nom,
                    id="ligne 1",
                    champ=entete,
                    suggestions=suggerer(entete, connues),
                    code="champ_inconnu",
                )
            )
    if fichier.lignes and not fichier.entetes:
        for ligne, valeurs in fichier.lignes:
            for cle in valeurs:
                if cle not in connues:
                    problemes.append(
                        probleme(
                            "colonne inconnue",
                            fichier,
                            ligne,
                            cle,
                            suggestions=suggerer(cle, connues),
                        )
                    )


def probleme(
    message: str,
    fichier: Fichier,
    ligne: str,
    colonne: str | None,
    valeur: object = None,
    *,
    code: str = "invalide",
    suggestions: Sequence[str] = (),
) -> Probleme:
    extra: dict[str, Any] = {} if valeur is None else {"valeur": valeur}
    return Probleme(
        message,
        fichier=fichier.nom,
        id=ligne,
        champ=colonne,
        code=code,
        suggestions=tuple(suggestions),
        **extra,
    )


def valider_ecole(
    ident: str, ligne: str, valeurs: dict[str, Any], fichier: Fichier, problemes: list[Probleme]
) -> EcoleDuCentre | None:
    contexte = {
        c: cellule(chemin, str(valeurs[c])) if isinstance(valeurs[c], str) else valeurs[c]
        for c, chemin in (*COLONNES_ECOLE.items(), ("part_novices", "ecole.part_novices"))
        if c in valeurs
    }
    nom = valeurs.get("nom")
    propres: dict[str, Any] = {"id": ident, "nom": ident if nom is None else nom}
    region = valeurs.get("region")
    if region is not None:
        propres["region"] = region.strip() if isinstance(region, str) else region
    for colonne in ("nb_enseignants", "mentors"):
        if colonne in valeurs:
            brute = valeurs[colonne]
            propres[colonne] = (
                int(brute)
                if isinstance(brute, str) and re.fullmatch(r"[0-9]{1,6}", brute.strip())
                else brute
            )
    if propres.get("mentors") is not None and isinstance(propres["mentors"], int):
        contexte["mentor_dans_l_ecole"] = propres["mentors"] > 0
    try:
        ecole: Ecole | None = Ecole.model_validate(contexte)
    except ValidationError as exc:
        problemes.extend(en_ligne(p, fichier, ligne) for p in problemes_de_validation(exc, Ecole))
        ecole = None
    try:
        if ecole is not None:
            return EcoleDuCentre.model_validate(
                {
                    **propres,
                    "contexte": ecole,
                    "origine_part_novices": "donnee" if "part_novices" in valeurs else None,
                }
            )
        EcoleDuCentre.model_validate({**propres, "contexte": Ecole()})
    except ValidationError as exc:
        problemes.extend(
            en_ligne(p, fichier, ligne) for p in problemes_de_validation(exc, EcoleDuCentre)
        )
    return None


def en_ligne(
    p: Probleme, fichier: Fichier, ligne: str, colonne: str | Literal[False] | None = False
) -> Probleme:
    """Un problème de validation rapporté à la ligne d'un fichier (et à sa colonne)."""
    return probleme(
        p.message,
        fichier,
        ligne,
        p.champ if colonne is False else colonne,
        p.valeur if p.a_valeur else None,
        code=p.code,
        suggestions=p.suggestions,
    )
