"""Les paramètres d'une base de règles (``[[parametre]]``) : des seuils vérifiés contre leur champ."""

from __future__ import annotations

from .._base.entrees import identifiant
from .._base.erreurs import Probleme, suggerer
from .._base.messages import valider_entree
from .._profil.champs import CHAMPS, Champ
from .compilation import Refus, valeur_pour
from .declarations import Parametre


def lire_parametres(
    entrees: list[tuple[str, str, int, dict[str, object]]], problemes: list[Probleme]
) -> dict[str, Parametre]:
    """Les ``[[parametre]]`` valides du dossier ; les autres deviennent des problèmes."""
    parametres: dict[str, Parametre] = {}
    for nom, genre, rang, brute in entrees:
        if genre != "parametre":
            continue
        ident = identifiant(brute, "paramètre", rang)
        parametre = valider_entree(Parametre, brute, problemes, fichier=nom, id=ident)
        if parametre is None:
            continue
        champ = CHAMPS.get(parametre.champ)
        if parametre.id in parametres:
            problemes.append(
                Probleme(
                    "identifiant de paramètre déjà défini",
                    fichier=nom,
                    id=parametre.id,
                    champ="id",
                    valeur=parametre.id,
                )
            )
        elif champ is None:
            problemes.append(
                Probleme(
                    "champ de profil inconnu",
                    fichier=nom,
                    id=parametre.id,
                    champ="champ",
                    valeur=parametre.champ,
                    suggestions=suggerer(parametre.champ, CHAMPS),
                )
            )
        elif (hors := _hors_bornes(champ, parametre.valeur)) is not None:
            problemes.append(
                Probleme(
                    hors,
                    fichier=nom,
                    id=parametre.id,
                    champ="valeur",
                    valeur=parametre.valeur,
                    code="hors_limites",
                )
            )
        else:
            try:
                valeur_pour(champ, parametre.valeur, "valeur")
            except Refus as exc:
                problemes.append(
                    Probleme(
                        exc.message,
                        fichier=nom,
                        id=parametre.id,
                        champ="valeur",
                        valeur=exc.valeur,
                        suggestions=exc.suggestions,
                    )
                )
                continue
            parametres[parametre.id] = parametre
    return parametres


def _hors_bornes(champ: Champ, valeur: object) -> str | None:
    """Le message d'un seuil hors des bornes de son champ (une part de 25 au lieu de 0,25)."""
    if isinstance(valeur, bool) or not isinstance(valeur, int | float):
        return None
    if champ.maximum is not None and valeur > champ.maximum:
        conseil = " ; une part s'écrit 0.25 pour 25 %" if champ.maximum == 1.0 else ""
        return f"doit être ≤ {champ.maximum:.15g} (bornes du champ '{champ.nom}'){conseil}"
    if champ.minimum is not None and valeur < champ.minimum:
        # .15g : une borne de date (19000101) s'écrit en entier, pas « 1.90001e+07 »
        return f"doit être ≥ {champ.minimum:.15g} (bornes du champ '{champ.nom}')"
    return None
