"""``recommander(profil)`` : du profil aux offres classées et aux actions du milieu, avec leurs raisons.

Le chemin : valider le profil → le mettre à plat en fait, besoins escaladés
(:mod:`recommandeur._moteur.fait`) → déclencher les règles (le moteur) → pour chaque mesure
proposée, son score, ses raisons (:mod:`.motifs`) et sa décision : son intervenant, ou pourquoi
l'écarter (:mod:`.decisions`, :mod:`.intervenants`) → séparer les offres des actions du
milieu, classer (:mod:`.classement`) → construire les résultats (:mod:`.construction`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._base.erreurs import ErreurArgument, Plage
from .._moteur.moteur import Moteur, moteur_par_defaut
from .._profil.modeles import Profil
from .._profil.validation import valider_profil
from .._vocabulaire import Intensite, PeriodeInsertion, Presence
from .._vocabulaire.centre import ORDRES_EN_CENTRE, au_centre
from .classement import PRIORITAIRES, differees, ecartees, ordonner, scores
from .construction import constructeur
from .decisions import Decision, decider, signature
from .detresse import en_detresse
from .echecs import RIEN_A_EVITER, a_eviter, echecs_du_profil
from .modeles import Escalade, MesureEcartee, Motif, Recommandation
from .motifs import Fiche, fiche


def verifier_limite(limite: object, nom: str = "limite") -> int | None:
    """``limite`` si c'est un entier ≥ 1 ou ``None`` (sans limite) ; :class:`ErreurArgument` sinon.

    >>> verifier_limite(0)
    Traceback (most recent call last):
    ...
    recommandeur.ErreurArgument: limite : attendu un entier ≥ 1, reçu 0
    """
    if limite is None:
        return None
    if isinstance(limite, bool) or not isinstance(limite, int) or limite < 1:
        raise ErreurArgument(nom, "un entier ≥ 1", limite, admis=Plage(minimum=1))
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


def _reporter_priorite(
    f: Fiche,
    rid: str,
    offres: Mapping[str, float],
    retenues: Mapping[str, Decision],
    motifs: dict[str, list[Motif]],
    sans_intervenant: set[str],
) -> None:
    """La priorité d'une proposition passe à une autre de la même règle quand elle ne peut la servir.

    Une règle prioritaire (un besoin élevé) ne laisse pas la situation sans offre en tête
    portée par une personne présente. Si sa mesure prioritaire n'est pas offerte faute
    d'intervenant possible, sa priorité passe à sa première autre proposition offerte du même
    niveau ; si elle n'est offerte que « à confirmer », à sa première autre proposition du même
    niveau portée par une personne présente (001 : « la proximité (présence dans le milieu) »). Le motif de
    celle-ci porte alors le rang ; la première reste offerte, sans priorité.
    """
    propositions = f.regles[rid].propositions
    for p in propositions:
        if p.priorite is None:
            continue
        if p.mesure in sans_intervenant:
            suivante = next(
                (
                    q
                    for q in propositions
                    if q.mesure in offres
                    and q.mesure != p.mesure
                    and f.rang_niveau[q.mesure] == f.rang_niveau[p.mesure]
                ),
                None,
            )
        elif p.mesure in offres and retenues[p.mesure].choix.presence is Presence.INCONNUE:
            suivante = next(
                (
                    q
                    for q in propositions
                    if q.mesure in offres
                    and q.mesure != p.mesure
                    and f.rang_niveau[q.mesure] == f.rang_niveau[p.mesure]
                    and retenues[q.mesure].choix.presence is Presence.PRESENT
                ),
                None,
            )
            if suivante is not None:
                motifs[p.mesure] = [
                    m.model_copy(update={"priorite": None}) if m.regle == rid else m
                    for m in motifs[p.mesure]
                ]
        else:
            continue
        if suivante is None:
            continue
        motifs[suivante.mesure] = [
            m.model_copy(update={"priorite": min(p.priorite, m.priorite or p.priorite)})
            if m.regle == rid
            else m
            for m in motifs[suivante.mesure]
        ]


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
            libelles_sans_effet=[f.mesures[m].libelle for m in mesures],
        )
        for besoin, mesures in prepare.montees.items()
    ]
    phrases = {e.besoin: e.phrase for e in montees}
    declenchees = moteur.declencher(fait)

    motifs: dict[str, list[Motif]] = {}
    proposants: dict[str, list[str]] = {}
    for rid in declenchees:
        for mesure_id, motif in f.motifs_de(rid, fait, phrases).items():
            motifs.setdefault(mesure_id, []).append(motif)
            proposants.setdefault(mesure_id, []).append(rid)
    scores_des_mesures = scores((rid, f.recommandations[rid]) for rid in declenchees)
    recues = {r.mesure: r.efficace for r in profil.mesures_recues}
    for r in profil.mesures_recues:
        recues[r.mesure] = recues[r.mesure] and r.efficace
    periode = PeriodeInsertion(fait["periode_insertion"])
    en_insertion = periode.en_insertion
    echecs = echecs_du_profil(profil, f) if recues else []
    vus_presents = (
        frozenset(
            r.intervenant or f.mesures[r.mesure].acteur_responsable
            for r in profil.mesures_recues
            if r.efficace
        )
        if recues
        else RIEN_A_EVITER[0]
    )
    sig = signature(f, fait, en_insertion, vus_presents)

    ecarts: list[MesureEcartee] = []
    retenues: dict[str, Decision] = {}
    sans_effet = set(ecartees(scores_des_mesures, recues)) if recues else set()
    reporter: set[str] = set()
    if profil.signaux_de_detresse:
        # Seules les offres à la personne attendent : une action du milieu ne pèse pas sur elle.
        offertes = [m for m in scores_des_mesures if m not in f.au_milieu]
        reporter = set(differees(offertes, f.charges, profil.signaux_de_detresse))
    for mid in scores_des_mesures:
        d = decider(
            f,
            mid,
            proposants[mid],
            sig,
            a_eviter(mid, echecs, f) if echecs else RIEN_A_EVITER,
            mid in sans_effet,
            mid in reporter,
        )
        if d.raison is None:
            retenues[mid] = d
        else:
            ecarts.append(
                MesureEcartee.construire(
                    mesure=mid,
                    libelle=f.mesures[mid].libelle,
                    raison=d.raison[1],
                    regles=[m.regle for m in motifs[mid]],
                    genre=d.raison[0],
                )
            )

    offres = {m: s for m, s in scores_des_mesures.items() if m in retenues and m not in f.au_milieu}
    actions = {m: s for m, s in scores_des_mesures.items() if m in retenues and m in f.au_milieu}
    if f.pourquoi_par:
        for mid in f.mesures_a_raisons_propres.intersection(retenues):
            # seules les mesures dont un motif a une raison propre à un intervenant
            d = retenues[mid]
            # la raison propre à un intervenant ne vaut que s'il est présent (jamais « à confirmer »)
            present = d.choix.intervenant and d.choix.presence is Presence.PRESENT
            porteur = d.choix.intervenant.acteur if present and d.choix.intervenant else ""
            motifs[mid] = [f.pour_le_porteur(m, mid, porteur) for m in motifs[mid]]
    en_centre = profil.ordre.value in ORDRES_EN_CENTRE
    if en_centre:
        motifs = {mid: [f.au_centre(m) for m in liste] for mid, liste in motifs.items()}
    # Une priorité ne vient que d'une règle qui en porte une (celle d'une proposition, ou
    # reportée sur une autre proposition de la même règle) : sans elles, aucune priorité.
    prioritaires_tirees = [rid for rid in declenchees if rid in f.regles_prioritaires]
    priorites: dict[str, int] = {}
    if prioritaires_tirees:
        sans_intervenant = {e.mesure for e in ecarts if e.genre == "sans_intervenant"}
        for rid in prioritaires_tirees:
            _reporter_priorite(f, rid, offres, retenues, motifs, sans_intervenant)
        priorites = {
            m: min(rangs)
            for m in offres
            if (rangs := [mo.priorite for mo in motifs[m] if mo.priorite is not None])
        }
    ordre, nb_prioritaires = ordonner(offres, f.rang_niveau, priorites, prioritaires)
    if profil.signaux_de_detresse:
        ordre, nb_prioritaires, retirees = en_detresse(
            ordre,
            nb_prioritaires,
            retenues,
            f,
            frozenset(b.value for b, v in prepare.effectives.items() if v),
            prioritaires,
        )
        ecarts += [
            MesureEcartee.construire(
                mesure=mid,
                libelle=f.mesures[mid].libelle,
                raison=raison,
                regles=[m.regle for m in motifs[mid]],
                genre=genre,
            )
            for mid, genre, raison in retirees
        ]
    if limite is not None:
        ordre = ordre[:limite]
    ordre_actions = ordonner(actions, f.rang_niveau, {}, 0)[0] if actions else []
    construire = constructeur(f, motifs, retenues, offres | actions, recues, en_centre)
    if en_centre:
        ecarts = [
            e.model_copy(update={"libelle": au_centre(e.libelle), "raison": au_centre(e.raison)})
            for e in ecarts
        ]
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
