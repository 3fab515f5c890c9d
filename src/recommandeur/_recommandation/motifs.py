"""Les motifs des mesures d'un moteur, précalculés et mémorisés.

Le texte et les faits d'une règle ne dépendent que des valeurs des champs qu'elle lit
(condition et gabarit) et des escalades de ces besoins : ils sont mémorisés par ces valeurs,
au plus :func:`taille_memoire` entrées par moteur (selon son nombre de règles).
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Hashable, Mapping
from typing import Any

from .._catalogue.modeles import Acteur, Intervenant, Mesure
from .._langage.evaluation import decisives
from .._langage.expressions import Atome
from .._langage.gabarits import champs_du_gabarit
from .._langage.regle import Proposition
from .._langage.valeurs import rendre
from .._moteur.moteur import Moteur
from .._profil.champs import CHAMPS, INTENSITES
from .._vocabulaire import Besoin, Destinataire
from .._vocabulaire.centre import au_centre
from .memoire import MemoireARevoir
from .modeles import Fait, MesureRecommandee, Motif

#: Nombre minimal d'entrées de chaque mémoire d'un moteur (motifs, décisions, mesures
#: recommandées) ; une base de plus de 500 règles en garde 20 par règle.
MOTIFS_MEMORISES = 10_000
#: Entrées mémorisées par règle de la base, au-delà de :data:`MOTIFS_MEMORISES`.
MEMOIRE_PAR_REGLE = 20


def taille_memoire(nb_regles: int) -> int:
    """Le nombre d'entrées de chaque mémoire d'un moteur de ``nb_regles`` règles.

    Une base plus grande déclenche plus de règles par profil et a plus de valeurs distinctes :
    une mémoire fixe y perdrait ses entrées avant de les resservir.

    >>> taille_memoire(54), taille_memoire(5_000)
    (10000, 100000)
    """
    return max(MOTIFS_MEMORISES, MEMOIRE_PAR_REGLE * nb_regles)


class Fiche:
    """Ce qu'un moteur permet de précalculer pour recommander vite, et les motifs mémorisés."""

    def __init__(self, moteur: Moteur) -> None:
        catalogue = moteur.catalogue
        self.mesures: dict[str, Mesure] = {m.id: m for m in catalogue.mesures}
        self.acteurs: dict[str, Acteur] = {a.id: a for a in catalogue.acteurs}
        self.rang_niveau: dict[str, int] = {m.id: m.niveau.rang for m in catalogue.mesures}
        self.charges: dict[str, bool] = {m.id: m.charge for m in catalogue.mesures}
        self.au_milieu: frozenset[str] = frozenset(
            m.id for m in catalogue.mesures if m.destinataire is Destinataire.MILIEU
        )
        self.regles = {r.id: r for r in moteur.regles}
        self.parametres = {p.id: p for p in moteur.base.parametres}
        self.cles: dict[str, tuple[str, ...]] = {
            r.id: tuple(
                c
                for c in dict.fromkeys((*r.champs, *champs_du_gabarit(r.justification)))
                if not c.startswith("parametres.")
            )
            for r in moteur.regles
        }
        self.besoins_lus: dict[str, tuple[Besoin, ...]] = {
            r.id: tuple(
                Besoin(c.removeprefix("besoins.")) for c in r.champs if c.startswith("besoins.")
            )
            for r in moteur.regles
        }
        #: Pour chaque règle, ses ``(mesure, poids)`` ; pour chaque (règle, mesure), le poids,
        #: les intervenants qu'elle nomme (sinon ceux de la mesure) et ceux de repli.
        self.recommandations = {r.id: r.recommandations for r in moteur.regles}
        self.propositions: dict[
            tuple[str, str], tuple[float, tuple[Intervenant, ...], tuple[Intervenant, ...]]
        ] = {
            (r.id, p.mesure): (p.poids, *intervenants_et_repli(p, self.mesures[p.mesure]))
            for r in moteur.regles
            for p in r.propositions
        }
        #: Les champs du fait qui disent la présence d'un acteur (``ecole.pane``, ...).
        self.champs_presence: tuple[str, ...] = tuple(
            sorted({a.presence for a in catalogue.acteurs} - {"toujours", "a_confirmer"})
        )
        self.taille = taille_memoire(len(moteur.regles))
        self.motif = functools.lru_cache(maxsize=self.taille)(self._motif)
        #: Les décisions (voir ``decisions.decider``) et les mesures recommandées déjà faites,
        #: par ce qui les détermine (voir ``construction.constructeur``).
        self.decisions: dict[Hashable, Any] = {}
        #: Les intervenants possibles d'une mesure selon les règles qui la proposent
        #: (``noms_candidats`` : un objet par liste distincte ; il y en a peu par mesure).
        self.candidats: dict[Hashable, Any] = {}
        self.noms_candidats: dict[Hashable, Any] = {}
        self.recommandees: dict[Hashable, MesureRecommandee] = MemoireARevoir(self.taille)
        #: Pour chaque (règle, mesure) qui a des raisons propres à un intervenant : la raison
        #: commune et celles de chaque intervenant ; les motifs déjà refaits pour un porteur.
        self.pourquoi_par: dict[tuple[str, str], tuple[str | None, dict[str, str]]] = {
            (r.id, p.mesure): (p.pourquoi, dict(p.pourquoi_par))
            for r in moteur.regles
            for p in r.propositions
            if p.pourquoi_par
        }
        self.motifs_portes: dict[tuple[Any, ...], tuple[Motif, Motif]] = {}
        #: Les mesures qui ont une raison propre à un intervenant dans au moins une règle.
        self.mesures_a_raisons_propres: frozenset[str] = frozenset(m for _, m in self.pourquoi_par)
        #: Les règles dont une proposition porte une priorité (celles dont la priorité peut passer
        #: à une autre proposition : voir ``recommander._reporter_priorite``).
        self.regles_prioritaires: frozenset[str] = frozenset(
            r.id for r in moteur.regles if any(p.priorite is not None for p in r.propositions)
        )
        #: Les motifs déjà dits pour un centre (FP, FGA), par identité du motif d'origine.
        self.motifs_au_centre: dict[tuple[Any, ...], tuple[Motif, Motif]] = {}

    def garder(self, memoire: dict[Any, Any], cle: Hashable, valeur: Any) -> None:
        """Garde une entrée dans une mémoire de la fiche, vidée quand elle est pleine.

        Une mesure recommandée garde ses motifs en vie : leurs identités, dans sa clé, ne
        peuvent pas être réutilisées tant qu'elle existe.
        """
        if len(memoire) >= self.taille:
            memoire.clear()
        memoire[cle] = valeur

    def pour_le_porteur(self, motif: Motif, mesure: str, porteur: str) -> Motif:
        """Le motif tel qu'il se lit quand ``porteur`` porte la mesure.

        Une raison ne parle que de la mesure ou de la personne qui la porte : la raison propre à
        cet intervenant (``pourquoi_par``) remplace la raison commune ; sans raison propre, le
        motif reste tel quel.
        """
        entree = self.pourquoi_par.get((motif.regle, mesure))
        if entree is None or porteur not in entree[1]:
            return motif
        cle = (id(motif), porteur)
        deja = self.motifs_portes.get(cle)
        if deja is not None and deja[0] is motif:
            return deja[1]
        commun, propres = entree
        texte = motif.texte
        if commun:
            texte = texte.removesuffix(f" {phrase(commun)}")
        porte = motif.model_copy(update={"texte": f"{texte} {phrase(propres[porteur])}"})
        self.garder(self.motifs_portes, cle, (motif, porte))
        return porte

    def au_centre(self, motif: Motif) -> Motif:
        """Le motif tel qu'il se lit dans un centre (FP, FGA) : « centre » plutôt qu'« école ».

        Son titre et son texte passent par :func:`~recommandeur._vocabulaire.centre.au_centre` (les
        citations « » restent telles quelles) ; le motif dit est mémorisé comme les autres.
        """
        cle = (id(motif),)
        deja = self.motifs_au_centre.get(cle)
        if deja is not None and deja[0] is motif:
            return deja[1]
        dit = motif.model_copy(
            update={"titre": au_centre(motif.titre), "texte": au_centre(motif.texte)}
        )
        self.garder(self.motifs_au_centre, cle, (motif, dit))
        return dit

    def motifs_de(
        self, rid: str, valeurs: Mapping[str, Any], phrases: Mapping[Besoin, str]
    ) -> dict[str, Motif]:
        """Le motif de la règle ``rid`` pour chacune de ses mesures, pour ce fait."""
        return self.motif(
            rid,
            tuple(map(valeurs.get, self.cles[rid])),
            tuple((b, phrases[b]) for b in self.besoins_lus[rid] if b in phrases)
            if phrases
            else (),
        )

    def _motif(
        self, rid: str, valeurs_lues: tuple[Any, ...], escalades: tuple[tuple[Besoin, str], ...]
    ) -> dict[str, Motif]:
        regle = self.regles[rid]
        valeurs = {c: v for c, v in zip(self.cles[rid], valeurs_lues, strict=True) if v is not None}
        verifs = decisives(regle.condition, valeurs)
        faits = tuple(
            {
                (v.test.champ, v.test.op, v.test.valeur): _fait(v.test, v.lue) for v in verifs
            }.values()
        )
        texte = rendre(regle.justification, valeurs, self.parametres)
        lus = {v.test.champ for v in verifs}
        for besoin, phrase in escalades:
            if f"besoins.{besoin.value}" in lus:
                texte += f" Escalade : {phrase}."
        return {
            p.mesure: self._pour(regle.id, regle.titre, p, texte, faits) for p in regle.propositions
        }

    @staticmethod
    def _pour(rid: str, titre: str, p: Proposition, texte: str, faits: tuple[Fait, ...]) -> Motif:
        return Motif.construire(
            regle=rid,
            titre=titre,
            poids=p.poids,
            texte=f"{texte} {phrase(p.pourquoi)}" if p.pourquoi else texte,
            faits=faits,
            sources=p.sources,
            priorite=p.priorite,
        )


def intervenants_et_repli(
    p: Proposition, mesure: Mesure
) -> tuple[tuple[Intervenant, ...], tuple[Intervenant, ...]]:
    """Les intervenants qu'une proposition nomme (sinon ceux de la mesure), et ceux de repli.

    Une règle qui nomme ses intervenants (la CP pour un besoin élevé en évaluation) ne retire
    pas les autres intervenants de la mesure : si aucun des siens n'est là, la mesure reste
    offerte, avec sa priorité, par les autres intervenants du catalogue, dans l'ordre du
    catalogue (001 : l'intervenant se choisit selon « la proximité (présence dans le milieu) »).

    >>> from recommandeur import Moteur
    >>> m = Moteur.depuis().catalogue.mesure("consultation_individuelle")
    >>> cp = Intervenant(acteur="conseiller_pedagogique", role="en suggérant des outils, des pratiques efficaces")
    >>> nommes, repli = intervenants_et_repli(Proposition(mesure=m.id, poids=1, intervenants=(cp,)), m)
    >>> [i.acteur for i in nommes], "direction" in [i.acteur for i in repli]
    (['conseiller_pedagogique'], True)
    """
    if not p.intervenants:
        return mesure.intervenants, ()
    nommes = {i.acteur for i in p.intervenants}
    return p.intervenants, tuple(i for i in mesure.intervenants if i.acteur not in nommes)


_NOMS_INTENSITES = {ordre: nom for nom, ordre in INTENSITES.items()}


def _comme_dans_le_profil(champ: str, valeur: Any) -> Any:
    """Une valeur du fait écrite comme dans un profil : une intensité par son nom."""
    if CHAMPS[champ].genre == "intensite" and isinstance(valeur, int):
        return _NOMS_INTENSITES.get(valeur, valeur)
    return valeur


def _fait(test: Atome, lue: Any) -> Fait:
    return Fait.construire(
        champ=test.champ,
        valeur=_comme_dans_le_profil(test.champ, lue),
        operateur=test.op,
        seuil=_comme_dans_le_profil(test.champ, test.valeur),
    )


def phrase(texte: str) -> str:
    """Un texte en phrase : majuscule initiale, point final (sauf s'il finit déjà une phrase).

    >>> phrase("il dit : « oui. »"), phrase("un soutien")
    ('Il dit : « oui. »', 'Un soutien.')
    """
    texte = texte.strip()
    fini = texte.rstrip(" »").endswith((".", "!", "?"))
    return texte[0].upper() + texte[1:] + ("" if fini else ".")


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
