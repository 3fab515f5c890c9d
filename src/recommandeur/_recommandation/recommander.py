"""``recommander(profil)`` : du profil aux mesures classées, avec acteur et justification.

Le chemin : valider le profil → le mettre à plat en fait, besoins escaladés
(:mod:`recommandeur._moteur.fait`) → déclencher les règles (le moteur) → classer
(:mod:`.classement`) → construire les résultats avec leurs motifs (:mod:`.motifs`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._erreurs import ErreurArgument
from .._moteur.moteur import Moteur, moteur_par_defaut
from .._profil.modeles import Profil
from .._profil.validation import valider_profil
from .._vocabulaire import Intensite
from .classement import classer, ecartees, scores
from .modeles import Escalade, MesureEcartee, MesureRecommandee, Motif, Recommandation
from .motifs import fiche


def verifier_limite(limite: object) -> int | None:
    """``limite`` si c'est un entier ≥ 1 ou ``None`` ; :class:`ErreurArgument` sinon.

    >>> verifier_limite(0)
    Traceback (most recent call last):
    ...
    recommandeur._erreurs.ErreurArgument: limite : attendu un entier ≥ 1 ou None, reçu 0
    """
    if limite is None:
        return None
    if isinstance(limite, bool) or not isinstance(limite, int) or limite < 1:
        raise ErreurArgument("limite", "un entier ≥ 1 ou None", limite)
    return limite


def recommander(
    profil: Profil | Mapping[str, Any], *, moteur: Moteur | None = None, limite: int | None = None
) -> Recommandation:
    """Recommande des mesures de soutien pour un profil, classées de la meilleure à la moins bonne.

    ``profil`` est un :class:`Profil` ou un dict validé en profil (sinon
    :class:`ErreurProfil`). ``moteur`` est un :class:`Moteur` construit depuis
    d'autres dossiers (le moteur par défaut sinon) ; ``limite`` garde les N
    meilleures mesures.

    >>> reco = recommander({"annees_experience": 0, "ordre": "primaire",
    ...                     "affectation": {"nouveau_dans_l_ecole": True},
    ...                     "besoins": {"gestion_de_classe": "elevee"}})
    >>> reco.mesures[0].mesure.niveau.value
    'individuel'
    >>> "accueil_etablissement" in [m.mesure.id for m in reco.mesures]
    True
    >>> scores = [m.score for m in reco.mesures]
    >>> scores == sorted(scores, reverse=True)
    True
    """
    limite = verifier_limite(limite)
    moteur = moteur or moteur_par_defaut()
    return recommander_valide(valider_profil(profil, moteur.ids_mesures), moteur, limite)


def recommander_valide(profil: Profil, moteur: Moteur, limite: int | None) -> Recommandation:
    """:func:`recommander` pour un profil déjà validé contre le catalogue de ``moteur``."""
    f = fiche(moteur)
    prepare = moteur.preparer(profil)
    montees = [
        Escalade.model_construct(
            besoin=besoin,
            declaree=profil.besoins[besoin],
            effective=Intensite.depuis_ordre(prepare.effectives[besoin]),
            mesures_sans_effet=list(mesures),
        )
        for besoin, mesures in prepare.montees.items()
    ]
    phrases = {e.besoin: e.phrase for e in montees}
    declenchees = moteur.declencher(prepare.valeurs)

    motifs: dict[str, list[Motif]] = {}
    for rid in declenchees:
        for mesure_id, motif in f.motifs_de(rid, prepare.valeurs, phrases).items():
            motifs.setdefault(mesure_id, []).append(motif)
    scores_des_mesures = scores((rid, f.regles[rid].recommandations) for rid in declenchees)
    recues = {r.mesure: r.efficace for r in profil.mesures_recues}

    resultats = []
    for rang, mid in enumerate(classer(scores_des_mesures, f.rang_niveau, recues, limite), 1):
        texte, sources = f.justification(mid, motifs[mid])
        resultats.append(
            MesureRecommandee.model_construct(
                rang=rang,
                mesure=f.mesures[mid],
                acteur=f.acteur[mid],
                partenaires=list(f.partenaires[mid]),
                score=scores_des_mesures[mid],
                justification=texte,
                regles=[m.regle for m in motifs[mid]],
                motifs=motifs[mid],
                sources=list(sources),
                deja_recue=mid in recues,
            )
        )
    return Recommandation.model_construct(
        profil=profil,
        mesures=resultats,
        ecartees=[
            MesureEcartee.model_construct(
                mesure=mid,
                libelle=f.mesures[mid].libelle,
                raison="déjà reçue sans l'effet attendu",
                regles=[m.regle for m in motifs[mid]],
            )
            for mid in ecartees(scores_des_mesures, recues)
        ],
        escalades=montees,
        regles_declenchees=declenchees,
        version_catalogue=moteur.version_catalogue,
        version_regles=moteur.version_regles,
    )
