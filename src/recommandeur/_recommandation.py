"""``recommander(profil)`` : du profil aux mesures classées, avec acteur et justification."""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Mapping
from typing import Any, Self

from pydantic import BaseModel, ConfigDict

from ._champs import escalades, fait, intensites_effectives
from ._evaluation import decisives
from ._justification import champs_du_gabarit, fait_lisible, rendre
from ._modeles_catalogue import Acteur, Mesure
from ._moteur import Moteur, moteur_par_defaut
from ._profil import Profil, valider_profil
from ._vocabulaire import Besoin, Intensite

_poser = object.__setattr__


class _Sortie(BaseModel):
    model_config = ConfigDict(frozen=True)

    @classmethod
    def _construire(cls, **valeurs: Any) -> Self:
        """Construit le modèle à partir de données sûres, sans validation.

        Même résultat que ``model_construct`` (dont il garde l'effet : ``__dict__`` et
        champs posés, ni extra ni attributs privés) sans le parcours des alias, qui coûtait
        l'essentiel du temps de ``recommander``. Valable parce que ces modèles n'ont ni
        alias, ni valeur par défaut, ni attribut privé (vérifié à l'import) ; un test
        compare le résultat à la construction validée.
        """
        objet = cls.__new__(cls)
        _poser(objet, "__dict__", valeurs)
        _poser(objet, "__pydantic_fields_set__", set(cls.model_fields))
        _poser(objet, "__pydantic_extra__", None)
        _poser(objet, "__pydantic_private__", None)
        return objet


class Motif(_Sortie):
    """Une règle qui a mené à une mesure : son texte, les faits lus et ses sources."""

    regle: str
    titre: str
    poids: float
    texte: str
    faits: tuple[str, ...]
    sources: tuple[str, ...]


class MesureRecommandee(_Sortie):
    """Une mesure recommandée, avec son acteur responsable, son score et ses raisons."""

    rang: int
    mesure: Mesure
    acteur: Acteur
    partenaires: list[Acteur]
    score: float
    justification: str
    regles: list[str]
    motifs: list[Motif]
    sources: list[str]
    deja_recue: bool


class MesureEcartee(_Sortie):
    """Une mesure que des règles recommandaient mais qui est écartée, et pourquoi."""

    mesure: str
    libelle: str
    raison: str
    regles: list[str]


class Escalade(_Sortie):
    """Un besoin monté d'un cran parce qu'une mesure reçue est restée sans effet."""

    besoin: Besoin
    declaree: Intensite
    effective: Intensite
    mesures_sans_effet: list[str]

    @property
    def phrase(self) -> str:
        """La phrase qui l'explique."""
        mesures = ", ".join(self.mesures_sans_effet)
        return (
            f"le besoin « {self.besoin.libelle} » passe de {self.declaree.libelle} à "
            f"{self.effective.libelle} : mesure reçue sans effet ({mesures})"
        )


class Recommandation(_Sortie):
    """Le résultat de :func:`recommander` : les mesures classées, de la meilleure à la moins bonne."""

    profil: Profil
    mesures: list[MesureRecommandee]
    ecartees: list[MesureEcartee]
    escalades: list[Escalade]
    regles_declenchees: list[str]
    version_catalogue: str
    version_regles: str

    def texte(self, details: bool = False) -> str:
        """Le classement, lisible : rang, mesure, niveau, acteur, justification courte.

        Avec ``details=True``, chaque mesure donne toutes ses raisons, faits et sources.
        """
        from ._affichage import texte_recommandation

        return texte_recommandation(self, details)

    def __str__(self) -> str:
        return self.texte()


class _Fiche:
    """Ce qu'un moteur permet de précalculer pour recommander vite, et les motifs mémorisés.

    Le texte et les faits d'une règle ne dépendent que des valeurs des champs qu'elle lit
    (condition et gabarit) et des escalades de ces besoins : ils sont mémorisés par ces
    valeurs (``MOTIFS_MEMORISES`` au plus par moteur).
    """

    def __init__(self, moteur: Moteur) -> None:
        catalogue = moteur.catalogue
        self.mesures = {m.id: m for m in catalogue.mesures}
        acteurs = {a.id: a for a in catalogue.acteurs}
        self.acteur = {m.id: acteurs[m.acteur_responsable] for m in catalogue.mesures}
        self.partenaires = {
            m.id: tuple(acteurs[p] for p in m.partenaires) for m in catalogue.mesures
        }
        self.rang = {m.id: m.niveau.rang for m in catalogue.mesures}
        self.regles = {r.id: r for r in moteur.regles}
        self.cles = {
            r.id: tuple(dict.fromkeys((*r.champs, *champs_du_gabarit(r.justification))))
            for r in moteur.regles
        }
        self.besoins_lus = {
            r.id: tuple(
                Besoin(c.removeprefix("besoins.")) for c in r.champs if c.startswith("besoins.")
            )
            for r in moteur.regles
        }
        self.motif = functools.lru_cache(maxsize=MOTIFS_MEMORISES)(self._motif)
        self._justifications: dict[
            tuple[Any, ...], tuple[str, tuple[str, ...], tuple[Motif, ...]]
        ] = {}

    def justification(self, mid: str, motifs: list[Motif]) -> tuple[str, tuple[str, ...]]:
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
            trouve = (_justification(mesure, acteur, motifs), sources, tuple(motifs))
            if len(self._justifications) >= MOTIFS_MEMORISES:
                self._justifications.clear()
            self._justifications[cle] = trouve
        return trouve[0], trouve[1]

    def _motif(
        self, rid: str, valeurs_lues: tuple[Any, ...], escalades: tuple[tuple[Besoin, str], ...]
    ) -> dict[str, Motif]:
        """Le motif de la règle pour chacune de ses mesures (seul le poids change)."""
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
            mesure_id: Motif._construire(
                regle=rid,
                titre=regle.titre,
                poids=poids,
                texte=texte,
                faits=faits,
                sources=regle.sources,
            )
            for mesure_id, poids in regle.recommandations
        }


#: Nombre de motifs (texte et faits d'une règle pour des valeurs données) mémorisés par moteur.
MOTIFS_MEMORISES = 10_000
_FICHES: weakref.WeakKeyDictionary[Moteur, _Fiche] = weakref.WeakKeyDictionary()
_VERROU_FICHES = threading.Lock()


def _fiche(moteur: Moteur) -> _Fiche:
    fiche = _FICHES.get(moteur)
    if fiche is None:
        with _VERROU_FICHES:
            fiche = _FICHES.get(moteur)
            if fiche is None:
                fiche = _FICHES[moteur] = _Fiche(moteur)
    return fiche


def _verifier_construction_directe() -> None:
    for modele in (Motif, Escalade, MesureEcartee, MesureRecommandee, Recommandation):
        directe = (
            not modele.__private_attributes__
            and not modele.__pydantic_post_init__
            and all(
                c.alias is None and c.validation_alias is None and c.is_required()
                for c in modele.model_fields.values()
            )
        )
        if not directe:
            raise RuntimeError(f"{modele.__name__} ne peut pas être construit directement")


def _justification(mesure: Mesure, acteur: Acteur, motifs: list[Motif]) -> str:
    lignes = [
        f"• [{m.regle}] {m.texte} (faits : {' ; '.join(m.faits)} — sources : {', '.join(m.sources)})"
        for m in motifs
    ]
    lignes.append(
        f"Mesure « {mesure.libelle} » ({', '.join(mesure.sources)}) ; responsable : "
        f"{acteur.libelle}, « {mesure.role_responsable} »."
    )
    return "\n".join(lignes)


def recommander(
    profil: Profil | Mapping[str, Any], *, moteur: Moteur | None = None, limite: int | None = None
) -> Recommandation:
    """Recommande des mesures de soutien pour un profil, classées de la meilleure à la moins bonne.

    ``profil`` est un :class:`Profil` ou un dict validé en profil (sinon
    :class:`ErreurProfil`). ``moteur`` est un :class:`Moteur` construit depuis
    d'autres dossiers (le moteur des données livrées par défaut) ; ``limite``
    garde les N meilleures mesures.

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
    if limite is not None and (
        isinstance(limite, bool) or not isinstance(limite, int) or limite < 1
    ):
        raise ValueError(f"limite : attendu un entier ≥ 1 ou None, reçu {limite!r}")
    moteur = moteur or moteur_par_defaut()
    fiche = _fiche(moteur)
    profil = valider_profil(profil, moteur.ids_mesures)
    montees_brutes = escalades(profil, moteur.besoins_des_mesures)
    effectives = intensites_effectives(profil, montees_brutes)
    montees = {
        besoin: Escalade._construire(
            besoin=besoin,
            declaree=profil.besoins[besoin],
            effective=Intensite.depuis_ordre(effectives[besoin]),
            mesures_sans_effet=list(mesures),
        )
        for besoin, mesures in montees_brutes.items()
    }
    phrases = {besoin: escalade.phrase for besoin, escalade in montees.items()}
    valeurs = fait(profil, effectives)
    declenchees = moteur.declencher(valeurs)

    scores: dict[str, float] = {}
    motifs: dict[str, list[Motif]] = {}
    for rid in declenchees:
        regle = fiche.regles[rid]
        par_mesure = fiche.motif(
            rid,
            tuple(valeurs.get(c) for c in fiche.cles[rid]),
            tuple((b, phrases[b]) for b in fiche.besoins_lus[rid] if b in phrases),
        )
        for mesure_id, poids in regle.recommandations:
            scores[mesure_id] = scores.get(mesure_id, 0.0) + poids
            motifs.setdefault(mesure_id, []).append(par_mesure[mesure_id])

    recues = {r.mesure: r.efficace for r in profil.mesures_recues}
    ecartees = [
        MesureEcartee._construire(
            mesure=mid,
            libelle=fiche.mesures[mid].libelle,
            raison="déjà reçue sans l'effet attendu",
            regles=[m.regle for m in motifs[mid]],
        )
        for mid in sorted(scores)
        if recues.get(mid) is False
    ]
    arrondis = {mid: round(score, 9) for mid, score in scores.items()}
    retenues = [mid for mid in scores if recues.get(mid) is not False]
    retenues.sort(key=lambda mid: (-arrondis[mid], -fiche.rang[mid], mid))
    if limite is not None:
        retenues = retenues[:limite]

    resultats = []
    for rang, mid in enumerate(retenues, start=1):
        mesure, acteur = fiche.mesures[mid], fiche.acteur[mid]
        justification, sources = fiche.justification(mid, motifs[mid])
        resultats.append(
            MesureRecommandee._construire(
                rang=rang,
                mesure=mesure,
                acteur=acteur,
                partenaires=list(fiche.partenaires[mid]),
                score=arrondis[mid],
                justification=justification,
                regles=[m.regle for m in motifs[mid]],
                motifs=motifs[mid],
                sources=list(sources),
                deja_recue=mid in recues,
            )
        )
    return Recommandation._construire(
        profil=profil,
        mesures=resultats,
        ecartees=ecartees,
        escalades=list(montees.values()),
        regles_declenchees=declenchees,
        version_catalogue=moteur.version_catalogue,
        version_regles=moteur.version_regles,
    )


_verifier_construction_directe()
