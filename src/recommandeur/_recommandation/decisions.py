"""La décision d'une mesure proposée : son intervenant, ses partenaires, ou pourquoi l'écarter.

Elle ne dépend que de la mesure, des règles qui la proposent, de la *signature* des présences
(ce que le fait dit de chaque champ de présence, la période, les acteurs vus présents), de qui
passer en dernier ou ne plus proposer, et de deux drapeaux (reçue sans effet, à différer).
Elle est mémorisée par ces valeurs dans la fiche du moteur et retrouvée au lieu d'être refaite
(mesuré sur les 30 000 profils du banc : 16 560 décisions distinctes pour 406 733 mesures
proposées).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._catalogue.modeles import Intervenant
from .intervenants import Choix, choisir, partenaires_presents
from .modeles import GenreEcart
from .motifs import Fiche
from .sortie import ListeFigee

_NUMEROS = itertools.count(1)


@dataclass(frozen=True, slots=True)
class Decision:
    """Le choix d'une mesure, la raison de l'écarter (``None`` : elle est offerte), ses partenaires."""

    mesure: str
    choix: Choix
    raison: tuple[GenreEcart, str] | None
    partenaires: tuple[str, ...]
    #: Un numéro jamais réutilisé : il nomme la décision dans les clés des mesures partagées.
    numero: int
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


def signature(
    f: Fiche, fait: Mapping[str, Any], en_insertion: bool, vus_presents: frozenset[str]
) -> tuple[Any, ...]:
    """Tout ce que le fait dit des présences : la décision d'une mesure n'en lit pas plus.

    >>> from recommandeur import Moteur
    >>> f = Fiche(Moteur.depuis())
    >>> signature(f, {"ecole.pane": True}, True, frozenset())[2][f.champs_presence.index("ecole.pane")]
    True
    """
    return (en_insertion, vus_presents, tuple(map(fait.get, f.champs_presence)))


def decider(
    f: Fiche,
    mid: str,
    proposants: Sequence[str],
    fait: Mapping[str, Any],
    sig: tuple[Any, ...],
    a_eviter: tuple[frozenset[str], frozenset[str]],
    sans_effet: bool,
    differee: bool,
) -> Decision:
    """La décision de la mesure ``mid`` proposée par les règles ``proposants`` (mémorisée).

    ``sig`` est la :func:`signature` du fait ; ``a_eviter``, qui passer en dernier et qui ne
    plus proposer du tout pour cette mesure.
    """
    proposes = (mid, *proposants)
    candidats = f.candidats.get(proposes)
    if candidats is None:
        # les intervenants d'une mesure ne dépendent que des règles qui la proposent ; des
        # règles différentes en donnent souvent les mêmes : ils sont nommés par un numéro
        liste, nommes = fusionner_intervenants([f.propositions[rid, mid] for rid in proposants])
        candidats = f.noms_candidats.get((mid, liste, nommes))
        if candidats is None:
            candidats = (next(_NUMEROS), liste, nommes)
            f.garder(f.noms_candidats, (mid, liste, nommes), candidats)
        f.garder(f.candidats, proposes, candidats)
    cle = (candidats[0], sig, a_eviter, sans_effet, differee)
    trouvee = f.decisions.get(cle)
    if trouvee is None:
        en_insertion, vus_presents, _ = sig
        trouvee = _decider(
            f,
            mid,
            (candidats[1], candidats[2]),
            fait,
            en_insertion,
            vus_presents,
            a_eviter,
            sans_effet,
            differee,
        )
        f.garder(f.decisions, cle, trouvee)
    return trouvee


def _decider(
    f: Fiche,
    mid: str,
    candidats: tuple[tuple[Intervenant, ...], int],
    fait: Mapping[str, Any],
    en_insertion: bool,
    vus_presents: frozenset[str],
    a_eviter: tuple[frozenset[str], frozenset[str]],
    sans_effet: bool,
    differee: bool,
) -> Decision:
    apres, jamais = a_eviter
    liste, nommes = candidats
    c = choisir(liste, f.acteurs, fait, en_insertion, apres, vus_presents, nommes)
    if jamais:
        c = dataclasses.replace(c, alternatives=tuple(a for a in c.alternatives if a not in jamais))
    raison = raison_d_ecarter(f, c, sans_effet, differee, jamais)
    partenaires: tuple[str, ...] = ()
    if raison is None and c.intervenant is not None:
        partenaires = partenaires_presents(
            f.mesures[mid].partenaires,
            f.acteurs,
            fait,
            en_insertion,
            frozenset({c.intervenant.acteur}),
        )
    return Decision(mid, c, raison, partenaires, next(_NUMEROS))


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
