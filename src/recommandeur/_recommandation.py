"""``recommander(profil)`` : du profil aux mesures classées, avec acteur et justification."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from ._champs import escalades, fait, intensites_effectives
from ._compilation import RegleCompilee
from ._evaluation import decisives
from ._justification import fait_lisible, rendre
from ._modeles_catalogue import Acteur, Mesure
from ._moteur import Moteur, moteur_par_defaut
from ._profil import Profil, valider_profil
from ._vocabulaire import Besoin, Intensite


class _Sortie(BaseModel):
    model_config = ConfigDict(frozen=True)


class Motif(_Sortie):
    """Une règle qui a mené à une mesure : son texte, les faits lus et ses sources."""

    regle: str
    titre: str
    poids: float
    texte: str
    faits: list[str]
    sources: list[str]


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


def _texte_motif(
    regle: RegleCompilee, valeurs: Mapping[str, Any], montees: dict[Besoin, Escalade]
) -> Motif:
    verifs = decisives(regle.condition, valeurs)
    faits = list(dict.fromkeys(fait_lisible(v.test, v.lue) for v in verifs))
    texte = rendre(regle.justification, valeurs)
    lus = {v.test.champ for v in verifs}
    for besoin, escalade in montees.items():
        if f"besoins.{besoin.value}" in lus:
            texte += f" Escalade : {escalade.phrase}."
    return Motif(
        regle=regle.id,
        titre=regle.titre,
        poids=0.0,
        texte=texte,
        faits=faits,
        sources=list(regle.sources),
    )


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
    profil = valider_profil(profil, moteur.ids_mesures)
    montees_brutes = escalades(profil, dict(moteur.besoins_des_mesures))
    effectives = intensites_effectives(profil, montees_brutes)
    montees = {
        besoin: Escalade(
            besoin=besoin,
            declaree=profil.besoins[besoin],
            effective=Intensite.depuis_ordre(effectives[besoin]),
            mesures_sans_effet=list(mesures),
        )
        for besoin, mesures in montees_brutes.items()
    }
    valeurs = fait(profil, effectives)
    declenchees = moteur.declencher(valeurs)

    scores: dict[str, float] = {}
    motifs: dict[str, list[Motif]] = {}
    for rid in declenchees:
        regle = moteur.regle(rid)
        motif = _texte_motif(regle, valeurs, montees)
        for mesure_id, poids in regle.recommandations:
            scores[mesure_id] = scores.get(mesure_id, 0.0) + poids
            motifs.setdefault(mesure_id, []).append(motif.model_copy(update={"poids": poids}))

    recues = {r.mesure: r.efficace for r in profil.mesures_recues}
    catalogue = moteur.catalogue
    ecartees = [
        MesureEcartee(
            mesure=mid,
            libelle=catalogue.mesure(mid).libelle,
            raison="déjà reçue sans l'effet attendu",
            regles=[m.regle for m in motifs[mid]],
        )
        for mid in sorted(scores)
        if recues.get(mid) is False
    ]
    retenues = [mid for mid in scores if recues.get(mid) is not False]
    retenues.sort(key=lambda mid: (-round(scores[mid], 9), -catalogue.mesure(mid).niveau.rang, mid))
    if limite is not None:
        retenues = retenues[:limite]

    resultats = []
    for rang, mid in enumerate(retenues, start=1):
        mesure = catalogue.mesure(mid)
        acteur = catalogue.acteur(mesure.acteur_responsable)
        sources = list(
            dict.fromkeys([s for m in motifs[mid] for s in m.sources] + list(mesure.sources))
        )
        resultats.append(
            MesureRecommandee(
                rang=rang,
                mesure=mesure,
                acteur=acteur,
                partenaires=[catalogue.acteur(p) for p in mesure.partenaires],
                score=round(scores[mid], 9),
                justification=_justification(mesure, acteur, motifs[mid]),
                regles=[m.regle for m in motifs[mid]],
                motifs=motifs[mid],
                sources=sources,
                deja_recue=mid in recues,
            )
        )
    return Recommandation(
        profil=profil,
        mesures=resultats,
        ecartees=ecartees,
        escalades=list(montees.values()),
        regles_declenchees=declenchees,
        version_catalogue=moteur.version_catalogue,
        version_regles=moteur.version_regles,
    )
