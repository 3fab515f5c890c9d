"""La validation d'un profil : un :class:`Profil` ou un dict, vérifié contre le catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from .._erreurs import ErreurProfil, Probleme, suggerer
from .._messages import problemes_de_validation
from .modeles import Profil


def valider_profil(
    donnees: Profil | Mapping[str, Any], mesures: frozenset[str] | None = None
) -> Profil:
    """Valide un profil (un :class:`Profil` ou un dict) ; :class:`ErreurProfil` sinon.

    ``mesures``, s'il est donné, est l'ensemble des identifiants du catalogue contre
    lequel les mesures reçues sont vérifiées.

    >>> valider_profil({"annees_experience": 2, "ordre": "secondaire"}).statut.value
    'contrat'
    >>> valider_profil({"annees_experience": 2, "ordre": "secondaire", "besoins": {"gestion_classe": "elevee"}})
    Traceback (most recent call last):
    ...
    recommandeur._erreurs.ErreurProfil: champ 'besoins.gestion_classe' : valeur inconnue ; attendu : gestion_de_classe, planification, evaluation, differenciation, eleves_a_besoins_particuliers, relations_parents, integration_equipe, fonctionnement_ecole, numerique, bien_etre, charge_de_travail, developpement_professionnel (reçu : 'gestion_classe') ; vouliez-vous dire 'gestion_de_classe' ?
    """
    contexte = {"mesures": mesures} if mesures is not None else None
    if isinstance(donnees, Profil):
        if mesures is not None:
            inconnues = [r.mesure for r in donnees.mesures_recues if r.mesure not in mesures]
            if inconnues:
                raise ErreurProfil(
                    [
                        Probleme(
                            f"mesure reçue inconnue du catalogue {inconnue!r}",
                            champ="mesures_recues",
                            valeur=inconnue,
                            suggestions=suggerer(inconnue, mesures),
                        )
                        for inconnue in inconnues
                    ]
                )
        return donnees
    if not isinstance(donnees, Mapping):
        raise ErreurProfil(
            [Probleme(f"attendu un dict ou un Profil, reçu {type(donnees).__name__}")]
        )
    try:
        return Profil.model_validate(dict(donnees), context=contexte)
    except ValidationError as exc:
        raise ErreurProfil(list(problemes_de_validation(exc, Profil))) from None
