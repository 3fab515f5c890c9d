"""Le contrôle d'une entrée avant de l'écrire : le bon modèle, une personne connue, une date
qui ne précède pas sa première entrée, une mesure débutée avant d'être revue, des mesures et
des intervenants du catalogue. Une faute lève une seule :class:`ErreurSuivi` ; rien n'est écrit.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from .._base.messages import problemes_de_validation
from .._base.suggestions import formuler_suggestions, suggerer
from .entrees import (
    ADAPTATEUR,
    NOMS,
    Arrivee,
    Consentement,
    Debut,
    Entree,
    Instantane,
    RecommandationFaite,
    Reponse,
    Revue,
)
from .erreurs import ErreurSuivi

#: Le modèle de chaque genre d'entrée.
MODELES: dict[str, type[BaseModel]] = {
    m.model_fields["genre"].default: m
    for m in (Arrivee, Instantane, RecommandationFaite, Reponse, Debut, Revue, Consentement)
}


def valider(donnees: Any) -> Entree:
    """L'entrée validée depuis un dict (``genre`` choisit le modèle) ; sinon :class:`ErreurSuivi`.

    >>> valider({"genre": "revue", "personne": "p-1", "date": "2026-11-31", "par": "cp",
    ...          "mesure": "mentorat", "effet": "efficace"})
    Traceback (most recent call last):
    ...
    recommandeur.ErreurSuivi: revue de p-1 : champ 'date' : attendu une date AAAA-MM-JJ (de 1900 à 2099), par exemple « 2026-11-20 » (reçu : '2026-11-31')
    """
    if isinstance(donnees, BaseModel):
        donnees = donnees.model_dump()
    try:
        return ADAPTATEUR.validate_python(donnees)
    except ValidationError as exc:
        genre = donnees.get("genre") if isinstance(donnees, Mapping) else None
        personne = donnees.get("personne") if isinstance(donnees, Mapping) else None
        nom = f"{NOMS.get(str(genre), 'entrée')} de {personne}" if personne else "entrée"
        modele = MODELES.get(str(genre), Arrivee)
        probleme = next(iter(problemes_de_validation(exc, modele)))
        champ = (probleme.champ or "genre").removeprefix(f"{genre}.")
        suggestion = formuler_suggestions(probleme.suggestions).removeprefix(" ; ") or None
        if genre not in NOMS:
            champ, suggestion = "genre", f"attendu l'un de : {', '.join(NOMS)}"
        raise ErreurSuivi(
            nom,
            champ,
            probleme.valeur if probleme.a_valeur else None,
            suggestion,
            probleme.message,
        ) from None


def _mesure_connue(e: Entree, mesure: str, champ: str, mesures: Collection[str] | None) -> None:
    if mesures is not None and mesure not in mesures:
        proches = suggerer(mesure, sorted(mesures))
        raise ErreurSuivi(
            e.nom,
            champ,
            mesure,
            formuler_suggestions(proches).removeprefix(" ; ")
            or "voir « recommandeur catalogue » pour les identifiants",
            "mesure inconnue du catalogue",
        )


def verifier(
    entree: Entree,
    historique: Sequence[Entree],
    *,
    connues: Collection[str] = (),
    mesures: Collection[str] | None = None,
    acteurs: Collection[str] | None = None,
) -> None:
    """Vérifie une entrée contre l'historique (trié) de sa personne ; :class:`ErreurSuivi` sinon.

    ``connues`` : les personnes du journal (pour suggérer un identifiant proche).

    >>> from datetime import date
    >>> verifier(Revue(personne="p-2", date=date(2026, 9, 1), par="cp", mesure="mentorat",
    ...                effet="efficace"), [], connues=["p-1", "p-20"])
    Traceback (most recent call last):
    ...
    recommandeur.ErreurSuivi: revue de p-2 : champ 'personne' : personne inconnue du journal (reçu : 'p-2') ; vouliez-vous dire 'p-20' ? Sinon, noter d'abord son arrivée
    """
    if not historique and not isinstance(entree, Arrivee):
        proches = formuler_suggestions(suggerer(entree.personne, sorted(connues)))
        raise ErreurSuivi(
            entree.nom,
            "personne",
            entree.personne,
            (proches.removeprefix(" ; ") + " Sinon, noter" if proches else "noter")
            + " d'abord son arrivée",
            "personne inconnue du journal",
        )
    if historique and entree.date < historique[0].date:
        raise ErreurSuivi(
            entree.nom,
            "date",
            entree.date.isoformat(),
            f"la première entrée de {entree.personne} est du {historique[0].date.isoformat()}",
            "date antérieure à la première entrée de la personne",
        )
    if isinstance(entree, Debut | Revue | Reponse):
        _mesure_connue(entree, entree.mesure, "mesure", mesures)
    if isinstance(entree, Instantane | RecommandationFaite):
        for i, recue in enumerate(entree.profil.mesures_recues):
            _mesure_connue(entree, recue.mesure, f"profil.mesures_recues[{i}].mesure", mesures)
    if isinstance(entree, RecommandationFaite):
        for i, m in enumerate(entree.offres + entree.actions):
            _mesure_connue(entree, m, f"offres[{i}]", mesures)
    if (
        isinstance(entree, Debut)
        and entree.intervenant is not None
        and acteurs is not None
        and entree.intervenant not in acteurs
    ):
        raise ErreurSuivi(
            entree.nom,
            "intervenant",
            entree.intervenant,
            formuler_suggestions(suggerer(entree.intervenant, sorted(acteurs))).removeprefix(" ; ")
            or None,
            "acteur inconnu du catalogue",
        )
    if isinstance(entree, Revue):
        debutees = {e.mesure for e in historique if isinstance(e, Debut) and e.date <= entree.date}
        if entree.mesure not in debutees:
            proches = formuler_suggestions(suggerer(entree.mesure, sorted(debutees)))
            raise ErreurSuivi(
                entree.nom,
                "mesure",
                entree.mesure,
                (proches.removeprefix(" ; ") + " Sinon, d" if proches else "d")
                + "ébuter la mesure avant de la revoir (« recommandeur suivi debuter »)",
                "mesure jamais débutée pour cette personne à cette date",
            )
