"""La décision d'une mesure proposée : son intervenant, ses partenaires, ou pourquoi l'écarter.

Elle ne dépend que de la mesure, des règles qui la proposent, de la *signature* des présences
(ce que le fait dit de chaque champ de présence, la période, les acteurs vus présents), de qui
passer en dernier ou ne plus proposer, et de deux drapeaux (reçue sans effet, à différer).
Ces valeurs forment un enregistrement gelé (:class:`EntreesDecision`), la seule entrée de la
décision et sa clé dans la fiche du moteur : elle est retrouvée au lieu d'être refaite (mesuré sur les 30 000 profils du banc : 16 560 décisions distinctes pour 406 733 mesures
proposées).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from .._catalogue.modeles import Intervenant
from .intervenants import Choix, choisir, partenaires_presents
from .modeles import GenreEcart
from .motifs import Fiche
from .sortie import ListeFigee


@dataclass(frozen=True, eq=False, slots=True)
class Decision:
    """Le choix d'une mesure, la raison de l'écarter (``None`` : elle est offerte), ses partenaires.

    Comparée par identité : une décision est faite une fois par :class:`EntreesDecision` et
    nomme, dans les clés des mesures partagées, tout ce qu'elle a décidé.
    """

    mesure: str
    choix: Choix
    raison: tuple[GenreEcart, str] | None
    partenaires: tuple[str, ...]
    #: Les champs d'une mesure recommandée qui ne viennent que de la décision, faits une fois.
    _champs: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False)

    def champs(self, f: Fiche) -> dict[str, Any]:
        """Mesure, intervenant, rôle, présence, autres possibles et partenaires (objets du catalogue).

        Les mêmes objets servent à toutes les mesures recommandées de cette décision, comme la
        mesure recommandée elle-même est partagée entre résultats : les listes sont figées
        (:class:`~.sortie.ListeFigee`).
        """
        if not self._champs:
            intervenant = self.choix.intervenant
            assert intervenant is not None
            self._champs.update(
                mesure=f.mesures[self.mesure],
                acteur=f.acteurs[intervenant.acteur],
                role=intervenant.role,
                presence=self.choix.presence,
                alternatives=ListeFigee(f.acteurs[a] for a in self.choix.alternatives),
                partenaires=ListeFigee(f.acteurs[p] for p in self.partenaires),
            )
        return self._champs


@dataclass(frozen=True, eq=False, slots=True)
class Candidats:
    """Les intervenants possibles d'une mesure (ceux que les règles nomment, puis ceux de repli).

    Une liste distincte par mesure n'est faite qu'une fois (:func:`decider`) : deux listes égales
    sont le même objet, comparé par identité dans les clés.
    """

    mesure: str
    liste: tuple[Intervenant, ...]
    nommes: int


class Signature(NamedTuple):
    """Tout ce que le fait dit des présences : la décision d'une mesure n'en lit pas plus."""

    en_insertion: bool
    #: Les acteurs dont la présence est attestée par une mesure reçue avec effet.
    vus_presents: frozenset[str]
    #: La valeur du fait pour chaque champ de présence (``Fiche.champs_presence``).
    presences: tuple[Any, ...]


class EntreesDecision(NamedTuple):
    """Toutes les entrées de la décision d'une mesure : sa clé de mémoire et la seule chose lue.

    :func:`_decider` ne reçoit que cet enregistrement (et la fiche, propre au moteur) : une
    entrée nouvelle doit y être ajoutée pour être lue, et elle entre alors dans la clé. Un
    n-uplet nommé : immuable, fait, haché et comparé en C (un enregistrement ``dataclass``
    gelé coûtait 4 µs par mesure proposée, mesuré au ticket 24).
    """

    candidats: Candidats
    signature: Signature
    #: Qui passer en dernier, et qui ne plus proposer du tout pour cette mesure.
    apres: frozenset[str]
    jamais: frozenset[str]
    sans_effet: bool
    differee: bool


def signature(
    f: Fiche, fait: Mapping[str, Any], en_insertion: bool, vus_presents: frozenset[str]
) -> Signature:
    """Ce que le fait dit des présences, la période et les acteurs vus présents.

    >>> from recommandeur import Moteur
    >>> f = Fiche(Moteur.depuis())
    >>> sig = signature(f, {"ecole.pane": True}, True, frozenset())
    >>> sig.presences[f.champs_presence.index("ecole.pane")]
    True
    """
    return Signature(
        en_insertion=en_insertion,
        vus_presents=vus_presents,
        presences=tuple(map(fait.get, f.champs_presence)),
    )


def decider(
    f: Fiche,
    mid: str,
    proposants: Sequence[str],
    sig: Signature,
    a_eviter: tuple[frozenset[str], frozenset[str]],
    sans_effet: bool,
    differee: bool,
) -> Decision:
    """La décision de la mesure ``mid`` proposée par les règles ``proposants`` (mémorisée).

    ``sig`` est la :func:`signature` du fait ; ``a_eviter``, qui passer en dernier et qui ne
    plus proposer du tout pour cette mesure. La clé de la mémoire est l'enregistrement
    :class:`EntreesDecision` que lit la décision, rien d'autre.
    """
    proposes = (mid, *proposants)
    candidats = f.candidats.get(proposes)
    if candidats is None:
        # les intervenants d'une mesure ne dépendent que des règles qui la proposent ; des
        # règles différentes en donnent souvent les mêmes : une seule liste par contenu
        liste, nommes = fusionner_intervenants([f.propositions[rid, mid] for rid in proposants])
        candidats = f.noms_candidats.get((mid, liste, nommes))
        if candidats is None:
            candidats = Candidats(mid, liste, nommes)
            f.garder(f.noms_candidats, (mid, liste, nommes), candidats)
        f.garder(f.candidats, proposes, candidats)
    # l'enregistrement fait en C (``tuple.__new__``) : ses champs dans l'ordre de sa classe
    entrees = _enregistrement(
        EntreesDecision, (candidats, sig, a_eviter[0], a_eviter[1], sans_effet, differee)
    )
    cle = entrees  # toutes les entrées : rien de ce que lit la décision ne manque à sa clé
    decision: Decision | None = f.decisions.get(cle)
    if decision is None:
        decision = _decider(f, entrees)
        f.garder(f.decisions, cle, decision)
    return decision


#: Un n-uplet nommé fait de ses champs dans l'ordre, en C (sans le ``__new__`` Python).
_enregistrement = tuple.__new__


def _decider(f: Fiche, e: EntreesDecision) -> Decision:
    mid = e.candidats.mesure
    sig = e.signature
    # le fait tel que la décision le voit : les champs de présence, rien de plus
    presences = dict(zip(f.champs_presence, sig.presences, strict=True))
    c = choisir(
        e.candidats.liste,
        f.acteurs,
        presences,
        sig.en_insertion,
        e.apres,
        sig.vus_presents,
        e.candidats.nommes,
    )
    if e.jamais:
        c = dataclasses.replace(
            c, alternatives=tuple(a for a in c.alternatives if a not in e.jamais)
        )
    raison = raison_d_ecarter(f, c, e.sans_effet, e.differee, e.jamais)
    partenaires: tuple[str, ...] = ()
    if raison is None and c.intervenant is not None:
        partenaires = partenaires_presents(
            f.mesures[mid].partenaires,
            f.acteurs,
            presences,
            sig.en_insertion,
            frozenset({c.intervenant.acteur}),
        )
    return Decision(mid, c, raison, partenaires)


def fusionner_intervenants(
    listes: Sequence[tuple[float, tuple[Intervenant, ...], tuple[Intervenant, ...]]],
) -> tuple[tuple[Intervenant, ...], int]:
    """Les intervenants de toutes les raisons d'une mesure, et combien sont nommés (non de repli).

    Ceux que les raisons nomment d'abord (ceux de la plus forte raison en tête), puis ceux de
    repli. Une raison qui restreint les intervenants ne retire pas ceux qu'une autre raison
    admet : si les siens sont absents, la mesure reste offerte par ceux des autres, puis par
    ceux de repli.

    >>> a, b, c = (Intervenant(acteur=x, role="r") for x in "abc")
    >>> liste, nommes = fusionner_intervenants([(1.0, (a,), (c,)), (2.0, (b, a), ())])
    >>> [i.acteur for i in liste], nommes
    (['b', 'a', 'c'], 2)
    """
    vus: dict[str, Intervenant] = {}
    for _, liste, _ in sorted(listes, key=lambda paire: -paire[0]):
        for intervenant in liste:
            vus.setdefault(intervenant.acteur, intervenant)
    nommes = len(vus)
    for _, _, repli in sorted(listes, key=lambda paire: -paire[0]):
        for intervenant in repli:
            vus.setdefault(intervenant.acteur, intervenant)
    return tuple(vus.values()), nommes


def raison_d_ecarter(
    f: Fiche, c: Choix, sans_effet: bool, differee: bool, jamais: frozenset[str]
) -> tuple[GenreEcart, str] | None:
    """Pourquoi une mesure proposée n'est pas offerte (genre, raison), ou ``None`` si elle l'est.

    Une mesure reçue sans effet n'est offerte de nouveau qu'avec un autre intervenant que celui
    qui l'a offerte (un mentorat : jamais par la personne d'un autre mentorat resté sans effet) ;
    une mesure qui ajoute une charge attend la fin d'une période de détresse ;
    une mesure sans intervenant possible n'est pas offerte.
    """
    if sans_effet and (c.intervenant is None or c.intervenant.acteur in jamais):
        return (
            "recue_sans_effet",
            "déjà reçue sans l'effet attendu, et aucun autre intervenant n'est possible",
        )
    if c.intervenant is not None and c.intervenant.acteur in jamais:
        return (
            "recue_sans_effet",
            "un mentorat de la même personne est déjà resté sans l'effet attendu, et aucune "
            "autre personne n'est possible : on change de personne mentore",
        )
    if differee:
        return (
            "differee",
            "différée : cette offre ajouterait une charge ou une exposition pendant une période de "
            "détresse ; à reprendre quand ça ira mieux",
        )
    if c.intervenant is None:
        par_raison: dict[str, list[str]] = {}
        for a, r in c.ecartes:
            par_raison.setdefault(r, []).append(f.acteurs[a].libelle)
        raisons = " ; ".join(f"{r} : {', '.join(qui)}" for r, qui in par_raison.items())
        return "sans_intervenant", f"aucun intervenant possible ({raisons})"
    return None
