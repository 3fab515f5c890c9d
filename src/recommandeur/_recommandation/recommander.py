"""``recommander(profil)`` : du profil aux offres classées et aux actions du milieu, avec leurs raisons.

Le chemin : valider le profil → le mettre à plat en fait, besoins escaladés
(:mod:`recommandeur._moteur.fait`) → déclencher les règles (le moteur) → pour chaque mesure
proposée, son score, ses raisons et son intervenant (:mod:`.intervenants`) → écarter ce qui
ne peut pas être offert, séparer les offres des actions du milieu, classer
(:mod:`.classement`) → construire les résultats (:mod:`.motifs`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from .._catalogue.modeles import Intervenant
from .._erreurs import ErreurArgument
from .._moteur.moteur import Moteur, moteur_par_defaut
from .._profil.modeles import Profil
from .._profil.validation import valider_profil
from .._vocabulaire import Besoin, Intensite, PeriodeInsertion
from .classement import PRIORITAIRES, differees, ecartees, ordonner, scores
from .construction import constructeur
from .intervenants import Choix, choisir
from .modeles import (
    Escalade,
    GenreEcart,
    MesureEcartee,
    Motif,
    Recommandation,
)
from .motifs import Fiche, fiche


def verifier_limite(limite: object, nom: str = "limite") -> int | None:
    """``limite`` si c'est un entier ≥ 1 ou ``None`` ; :class:`ErreurArgument` sinon.

    >>> verifier_limite(0)
    Traceback (most recent call last):
    ...
    recommandeur._erreurs.ErreurArgument: limite : attendu un entier ≥ 1 ou None, reçu 0
    """
    if limite is None:
        return None
    if isinstance(limite, bool) or not isinstance(limite, int) or limite < 1:
        raise ErreurArgument(nom, "un entier ≥ 1 ou None", limite)
    return limite


def recommander(
    profil: Profil | Mapping[str, Any],
    *,
    moteur: Moteur | None = None,
    limite: int | None = None,
    prioritaires: int = PRIORITAIRES,
) -> Recommandation:
    """Recommande des mesures de soutien pour un profil : les offres à faire d'abord, puis les autres.

    ``profil`` est un :class:`Profil` ou un dict validé en profil (sinon
    :class:`ErreurProfil`). ``moteur`` est un :class:`Moteur` construit depuis d'autres
    dossiers (le moteur par défaut sinon) ; ``limite`` garde les N premières offres ;
    ``prioritaires`` est le nombre maximal d'offres prioritaires (5 par défaut).

    >>> reco = recommander({"annees_experience": 0, "ordre": "primaire",
    ...                     "affectation": {"nouveau_dans_l_ecole": True},
    ...                     "besoins": {"gestion_de_classe": "elevee"}})
    >>> [m.mesure.id for m in reco.prioritaires]
    ['accompagnement_individuel', 'accueil_etablissement', 'mentorat', 'accompagnement_sous_groupe']
    >>> all(m.mesure.destinataire.value == "personne" for m in reco.mesures)
    True
    """
    limite = verifier_limite(limite)
    nombre = verifier_limite(prioritaires, "prioritaires")
    moteur = moteur or moteur_par_defaut()
    return recommander_valide(
        valider_profil(profil, moteur.ids_mesures, moteur.ids_acteurs),
        moteur,
        limite,
        nombre or PRIORITAIRES,
    )


def _echecs(profil: Profil, f: Fiche) -> list[tuple[str, str, frozenset[Besoin]]]:
    """Chaque mesure restée sans effet : (mesure, qui l'a offerte, pour quels besoins).

    L'intervenant est celui que dit le profil, sinon le premier de la mesure ; les besoins,
    celui de la réception, sinon ceux que vise la mesure.
    """
    return [
        (
            r.mesure,
            r.intervenant or f.mesures[r.mesure].acteur_responsable,
            frozenset((r.besoin,) if r.besoin else f.mesures[r.mesure].besoins),
        )
        for r in profil.mesures_recues
        if not r.efficace
    ]


def _a_eviter(
    mid: str, echecs: list[tuple[str, str, frozenset[Besoin]]], f: Fiche
) -> tuple[frozenset[str], frozenset[str]]:
    """Qui passer en dernier pour ``mid`` (ceux qui ont échoué sur elle ou sur un même besoin),
    et qui ne plus proposer du tout pour elle (ceux qui ont échoué sur elle)."""
    besoins = set(f.mesures[mid].besoins)
    apres = frozenset(a for m, a, visees in echecs if m == mid or visees & besoins)
    jamais = frozenset(a for m, a, _ in echecs if m == mid)
    return apres, jamais


def recommander_valide(
    profil: Profil, moteur: Moteur, limite: int | None, prioritaires: int = PRIORITAIRES
) -> Recommandation:
    """:func:`recommander` pour un profil déjà validé contre le catalogue de ``moteur``."""
    f = fiche(moteur)
    prepare = moteur.preparer(profil)
    fait = prepare.valeurs
    montees = [
        Escalade.construire(
            besoin=besoin,
            declaree=profil.besoins[besoin],
            effective=Intensite.depuis_ordre(prepare.effectives[besoin]),
            mesures_sans_effet=list(mesures),
        )
        for besoin, mesures in prepare.montees.items()
    ]
    phrases = {e.besoin: e.phrase for e in montees}
    declenchees = moteur.declencher(fait)

    motifs: dict[str, list[Motif]] = {}
    proposes: dict[str, list[tuple[float, tuple[Intervenant, ...]]]] = {}
    for rid in declenchees:
        regle = f.regles[rid]
        for mesure_id, motif in f.motifs_de(rid, fait, phrases).items():
            motifs.setdefault(mesure_id, []).append(motif)
        for p in regle.propositions:
            liste = p.intervenants or f.mesures[p.mesure].intervenants
            proposes.setdefault(p.mesure, []).append((p.poids, liste))
    candidats = {mid: _fusionner_intervenants(listes) for mid, listes in proposes.items()}
    scores_des_mesures = scores((rid, f.regles[rid].recommandations) for rid in declenchees)
    recues = {r.mesure: r.efficace for r in profil.mesures_recues}
    for r in profil.mesures_recues:
        recues[r.mesure] = recues[r.mesure] and r.efficace
    periode = PeriodeInsertion(fait["periode_insertion"])
    en_insertion = periode is not PeriodeInsertion.TERMINEE
    echecs = _echecs(profil, f)
    vus_presents = frozenset(
        r.intervenant or f.mesures[r.mesure].acteur_responsable
        for r in profil.mesures_recues
        if r.efficace
    )

    ecarts: list[MesureEcartee] = []
    choix: dict[str, Choix] = {}
    sans_effet = set(ecartees(scores_des_mesures, recues))
    # Seules les offres à la personne attendent : une action du milieu ne pèse pas sur elle.
    offertes = [m for m in scores_des_mesures if m not in f.au_milieu]
    reporter = set(differees(offertes, f.charges, profil.signaux_de_detresse))
    for mid in scores_des_mesures:
        apres, jamais = _a_eviter(mid, echecs, f)
        c = choisir(candidats[mid], f.acteurs, fait, en_insertion, apres, vus_presents)
        if jamais:
            c = dataclasses.replace(
                c, alternatives=tuple(a for a in c.alternatives if a not in jamais)
            )
        raison = _raison_d_ecarter(f, mid, c, mid in sans_effet, mid in reporter, jamais)
        if raison is None:
            choix[mid] = c
        else:
            ecarts.append(
                MesureEcartee.construire(
                    mesure=mid,
                    libelle=f.mesures[mid].libelle,
                    raison=raison[1],
                    regles=[m.regle for m in motifs[mid]],
                    genre=raison[0],
                )
            )

    offres = {m: s for m, s in scores_des_mesures.items() if m in choix and m not in f.au_milieu}
    actions = {m: s for m, s in scores_des_mesures.items() if m in choix and m in f.au_milieu}
    priorites = {
        m: min(rangs)
        for m in offres
        if (rangs := [mo.priorite for mo in motifs[m] if mo.priorite is not None])
    }
    ordre, nb_prioritaires = ordonner(offres, f.rang_niveau, priorites, prioritaires)
    if limite is not None:
        ordre = ordre[:limite]
    ordre_actions, _ = ordonner(actions, f.rang_niveau, {}, 0)
    construire = constructeur(f, motifs, choix, offres | actions, recues, fait, en_insertion)
    return Recommandation.construire(
        profil=profil,
        periode_insertion=periode,
        mesures=[
            construire(rang, mid, rang <= nb_prioritaires) for rang, mid in enumerate(ordre, 1)
        ],
        nb_prioritaires=min(nb_prioritaires, len(ordre)),
        actions_milieu=[construire(rang, mid, False) for rang, mid in enumerate(ordre_actions, 1)],
        ecartees=sorted(ecarts, key=lambda e: (e.genre, e.mesure)),
        escalades=montees,
        regles_declenchees=declenchees,
        version_catalogue=moteur.version_catalogue,
        version_regles=moteur.version_regles,
    )


def _fusionner_intervenants(
    listes: Sequence[tuple[float, tuple[Intervenant, ...]]],
) -> tuple[Intervenant, ...]:
    """Les intervenants de toutes les raisons d'une mesure : ceux de la plus forte d'abord.

    Une raison qui restreint les intervenants ne retire pas ceux qu'une autre raison admet : si
    les siens sont absents, la mesure reste offerte par ceux des autres.
    """
    vus: dict[str, Intervenant] = {}
    for _, liste in sorted(listes, key=lambda paire: -paire[0]):
        for intervenant in liste:
            vus.setdefault(intervenant.acteur, intervenant)
    return tuple(vus.values())


def _raison_d_ecarter(
    f: Fiche,
    mid: str,
    c: Choix,
    sans_effet: bool,
    differee: bool,
    jamais: frozenset[str],
) -> tuple[GenreEcart, str] | None:
    """Pourquoi une mesure proposée n'est pas offerte (genre, raison), ou ``None`` si elle l'est.

    Une mesure reçue sans effet n'est offerte de nouveau qu'avec un autre intervenant que celui
    qui l'a offerte ; une mesure qui ajoute une charge attend la fin d'une période de détresse ;
    une mesure sans intervenant possible n'est pas offerte.
    """
    if sans_effet and (c.intervenant is None or c.intervenant.acteur in jamais):
        return (
            "recue_sans_effet",
            "déjà reçue sans l'effet attendu, et aucun autre intervenant n'est possible",
        )
    if differee:
        return (
            "differee",
            "différée : elle ajouterait une charge ou une exposition pendant une période de "
            "détresse ; à reprendre quand ça ira mieux",
        )
    if c.intervenant is None:
        par_raison: dict[str, list[str]] = {}
        for a, r in c.ecartes:
            par_raison.setdefault(r, []).append(f.acteurs[a].libelle)
        raisons = " ; ".join(f"{r} : {', '.join(qui)}" for r, qui in par_raison.items())
        return "sans_intervenant", f"aucun intervenant possible ({raisons})"
    return None
