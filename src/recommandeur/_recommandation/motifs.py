"""Les motifs et justifications d'un moteur, précalculés et mémorisés.

Le texte et les faits d'une règle ne dépendent que des valeurs des champs qu'elle lit
(condition et gabarit) et des escalades de ces besoins : ils sont mémorisés par ces valeurs,
au plus :data:`MOTIFS_MEMORISES` par moteur.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Mapping, Sequence
from typing import Any

from .._catalogue.modeles import Acteur, Mesure
from .._langage.evaluation import decisives
from .._langage.gabarits import champs_du_gabarit
from .._moteur.moteur import Moteur
from .._rendu.recommandation import justification
from .._rendu.valeurs import fait_lisible, rendre
from .._vocabulaire import Besoin
from .modeles import Motif

#: Nombre de motifs (texte et faits d'une règle pour des valeurs données) mémorisés par moteur.
MOTIFS_MEMORISES = 10_000


class Fiche:
    """Ce qu'un moteur permet de précalculer pour recommander vite, et les motifs mémorisés."""

    def __init__(self, moteur: Moteur) -> None:
        catalogue = moteur.catalogue
        self.mesures: dict[str, Mesure] = {m.id: m for m in catalogue.mesures}
        acteurs = {a.id: a for a in catalogue.acteurs}
        self.acteur: dict[str, Acteur] = {
            m.id: acteurs[m.acteur_responsable] for m in catalogue.mesures
        }
        self.partenaires: dict[str, tuple[Acteur, ...]] = {
            m.id: tuple(acteurs[p] for p in m.partenaires) for m in catalogue.mesures
        }
        self.rang_niveau: dict[str, int] = {m.id: m.niveau.rang for m in catalogue.mesures}
        self.regles = {r.id: r for r in moteur.regles}
        self.cles: dict[str, tuple[str, ...]] = {
            r.id: tuple(dict.fromkeys((*r.champs, *champs_du_gabarit(r.justification))))
            for r in moteur.regles
        }
        self.besoins_lus: dict[str, tuple[Besoin, ...]] = {
            r.id: tuple(
                Besoin(c.removeprefix("besoins.")) for c in r.champs if c.startswith("besoins.")
            )
            for r in moteur.regles
        }
        self.motif = functools.lru_cache(maxsize=MOTIFS_MEMORISES)(self._motif)
        self._justifications: dict[tuple[Any, ...], tuple[str, tuple[str, ...], tuple[Motif, ...]]]
        self._justifications = {}

    def motifs_de(
        self, rid: str, valeurs: Mapping[str, Any], phrases: Mapping[Besoin, str]
    ) -> dict[str, Motif]:
        """Le motif de la règle ``rid`` pour chacune de ses mesures, pour ce fait."""
        return self.motif(
            rid,
            tuple(valeurs.get(c) for c in self.cles[rid]),
            tuple((b, phrases[b]) for b in self.besoins_lus[rid] if b in phrases),
        )

    def justification(self, mid: str, motifs: Sequence[Motif]) -> tuple[str, tuple[str, ...]]:
        """La justification d'une mesure et ses sources (règles puis mesure), sans doublon.

        Mémorisée par l'identité des motifs (qui viennent de la mémoire des motifs) : chaque
        entrée garde ses motifs en vie, si bien que leurs identités ne peuvent pas être
        réutilisées par d'autres objets tant qu'elle existe. La mémoire est vidée au-delà
        de ``MOTIFS_MEMORISES`` entrées.
        """
        cle = (mid, *map(id, motifs))
        trouve = self._justifications.get(cle)
        if trouve is None:
            mesure, acteur = self.mesures[mid], self.acteur[mid]
            sources = tuple(
                dict.fromkeys([s for m in motifs for s in m.sources] + list(mesure.sources))
            )
            trouve = (justification(mesure, acteur, motifs), sources, tuple(motifs))
            if len(self._justifications) >= MOTIFS_MEMORISES:
                self._justifications.clear()
            self._justifications[cle] = trouve
        return trouve[0], trouve[1]

    def _motif(
        self, rid: str, valeurs_lues: tuple[Any, ...], escalades: tuple[tuple[Besoin, str], ...]
    ) -> dict[str, Motif]:
        regle = self.regles[rid]
        valeurs = {c: v for c, v in zip(self.cles[rid], valeurs_lues, strict=True) if v is not None}
        verifs = decisives(regle.condition, valeurs)
        faits = tuple(dict.fromkeys(fait_lisible(v.test, v.lue) for v in verifs))
        texte = rendre(regle.justification, valeurs)
        lus = {v.test.champ for v in verifs}
        for besoin, phrase in escalades:
            if f"besoins.{besoin.value}" in lus:
                texte += f" Escalade : {phrase}."
        return {
            mesure_id: Motif.model_construct(
                regle=rid,
                titre=regle.titre,
                poids=poids,
                texte=texte,
                faits=faits,
                sources=regle.sources,
            )
            for mesure_id, poids in regle.recommandations
        }


_FICHES: weakref.WeakKeyDictionary[Moteur, Fiche] = weakref.WeakKeyDictionary()
_VERROU_FICHES = threading.Lock()


def fiche(moteur: Moteur) -> Fiche:
    """La fiche d'un moteur, construite une fois (et libérée avec lui)."""
    trouvee = _FICHES.get(moteur)
    if trouvee is None:
        with _VERROU_FICHES:
            trouvee = _FICHES.get(moteur)
            if trouvee is None:
                trouvee = _FICHES[moteur] = Fiche(moteur)
    return trouvee
