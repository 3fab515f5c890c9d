"""Du profil au fait : la seule chaîne profil → escalade → fait plat.

Le *fait* est le dict plat que reçoivent durable-rules et l'évaluateur de référence : une
clé par champ testable (:data:`recommandeur._profil.champs.CHAMPS`) ; un champ inconnu
(``ecole.imse`` non renseigné, une présence que ni l'école ni le centre ne déclarent) est
absent du fait. S'y ajoutent des champs calculés : les années et la période d'insertion,
les nombres de mesures reçues.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._profil.champs import DECIMALES
from .._profil.modeles import PRESENCES, Profil
from .._vocabulaire import Besoin, GenreSuppleance, PeriodeInsertion, Statut, annees_au_quebec
from .escalade import intensites_effectives, montees


@dataclass(frozen=True)
class Contexte:
    """Ce que le catalogue apporte au fait : besoins et niveaux des mesures, ressources du centre."""

    besoins_des_mesures: Mapping[str, tuple[Besoin, ...]]
    individuelles: frozenset[str] = frozenset()
    #: Les ressources que le centre déclare pour toutes ses écoles (``pane`` → vrai, ...).
    ressources: Mapping[str, bool] = field(default_factory=dict)
    ciblees: frozenset[str] = frozenset()
    #: Les mesures qui sont une forme de mentorat (``mentorat = true`` dans le catalogue).
    mentorats: frozenset[str] = frozenset()
    #: Les ordres que couvre le programme de mentorat du centre (``[programme]``).
    ordres_du_programme: frozenset[str] = frozenset({"prescolaire", "primaire", "secondaire"})


@dataclass(frozen=True)
class FaitEvalue:
    """Un fait et ce qui a servi à le construire : les besoins montés et leurs intensités."""

    valeurs: dict[str, Any]
    montees: dict[Besoin, tuple[str, ...]]
    effectives: dict[Besoin, int]


def construire(profil: Profil, contexte: Contexte) -> FaitEvalue:
    """Le fait d'un profil, besoins escaladés selon les besoins des mesures du catalogue.

    >>> p = Profil(annees_experience=1, ordre="primaire", besoins={"numerique": "moderee"},
    ...            mesures_recues=[{"mesure": "webinaire", "efficace": False}])
    >>> f = construire(p, Contexte({"webinaire": (Besoin.NUMERIQUE,)}))
    >>> f.valeurs["besoins.numerique"], f.valeurs["nb_mesures_inefficaces"], f.montees
    (3, 1, {<Besoin.NUMERIQUE: 'numerique'>: ('webinaire',)})
    """
    montes = montees(profil, contexte.besoins_des_mesures)
    effectives = intensites_effectives(profil, montes)
    return FaitEvalue(mettre_a_plat(profil, effectives, contexte), montes, effectives)


def annees_en_insertion(profil: Profil) -> int:
    """Les années d'enseignement au Québec : ``annees_au_quebec`` s'il est donné, sinon ``annees_experience``.

    >>> annees_en_insertion(Profil(annees_experience=8, annees_au_quebec=0, ordre="primaire"))
    0
    """
    return annees_au_quebec(profil.annees_experience, profil.annees_au_quebec)


def mettre_a_plat(
    profil: Profil, effectives: Mapping[Besoin, int], contexte: Contexte | None = None
) -> dict[str, Any]:
    """Le fait plat d'un profil : un champ pointé par clé ; un champ inconnu est absent.

    >>> p = Profil(annees_experience=1, ordre="primaire", besoins={"numerique": "moderee"})
    >>> f = mettre_a_plat(p, {Besoin.NUMERIQUE: 2})
    >>> f["besoins.numerique"], f["ordre"], "ecole.imse" in f, f["periode_insertion"]
    (2, 'primaire', False, 'en_cours')
    """
    contexte = contexte or Contexte({})
    a, e = profil.affectation, profil.ecole
    annees = annees_en_insertion(profil)
    inefficaces = {r.mesure for r in profil.mesures_recues if not r.efficace}
    # Les énumérations sont des StrEnum : str() donne leur valeur, sans la propriété ``value``.
    ordre = str(profil.ordre)
    resultat: dict[str, Any] = {
        "annees_experience": profil.annees_experience,
        "annees_en_insertion": annees,
        "periode_insertion": str(PeriodeInsertion.depuis_annees(annees)),
        "ordre": ordre,
        "programme_couvre_l_ordre": ordre in contexte.ordres_du_programme,
        "statut": str(profil.statut),
        "qualification": str(profil.qualification),
        "formation_hors_quebec": profil.formation_hors_quebec,
        "signaux_de_detresse": profil.signaux_de_detresse,
        "affectation.partage_de_tache": a.partage_de_tache,
        "affectation.nb_ecoles": a.nb_ecoles,
        "affectation.specialiste": a.specialiste,
        "affectation.classe_multiniveau": a.classe_multiniveau,
        "affectation.adaptation_scolaire": a.adaptation_scolaire,
        "affectation.nouveau_dans_l_ecole": a.nouveau_dans_l_ecole,
        "affectation.nouveau_dans_le_centre": a.nouveau_dans_le_centre,
        "ecole.region_eloignee": e.region_eloignee,
        "ecole.nb_batiments": e.nb_batiments,
        "ecole.pedagogie_alternative": e.pedagogie_alternative,
        "nb_mesures_recues": len({r.mesure for r in profil.mesures_recues}),
        "nb_mesures_inefficaces": len(inefficaces),
        "nb_individuelles_inefficaces": len(inefficaces & contexte.individuelles),
        "nb_mentorats_inefficaces": len(inefficaces & contexte.mentorats),
    }
    if profil.annees_au_quebec is not None:
        resultat["annees_au_quebec"] = profil.annees_au_quebec
    if profil.statut is Statut.SUPPLEANCE:
        # le genre de suppléance ne se lit que pour une personne en suppléance ; non dit, il
        # est « non précisé » (une valeur, pour que ≠ se lise aussi)
        resultat["suppleance"] = str(profil.suppleance or GenreSuppleance.NON_PRECISEE)
    if e.part_novices is not None:
        # Arrondie à 4 décimales : durable-rules refuse les nombres que json écrit en notation
        # exponentielle (5e-324, 1e-05) ; le moteur et l'évaluateur lisent la même valeur.
        resultat["ecole.part_novices"] = round(e.part_novices, DECIMALES) + 0.0
    if e.imse is not None:
        resultat["ecole.imse"] = e.imse
    for nom, cle in _CLES_PRESENCES:
        presente = e.presence_de(nom, contexte.ressources)
        if presente is not None:
            resultat[cle] = presente
    for besoin, cle in CLES_BESOINS.items():
        resultat[cle] = effectives.get(besoin, 0)
    if profil.mesures_recues:
        resultat.update(allegements(profil, contexte))
    return resultat


def allegements(profil: Profil, contexte: Contexte) -> dict[str, Any]:
    """Les champs de l'allègement : pour chaque besoin dont la dernière mesure jugée efficace à
    une revue (``efficace`` et ``bilan`` daté) est individuelle ou ciblée,
    ``allegement.<besoin>`` (``vers_cible`` après une mesure individuelle, ``vers_universel``
    après une mesure ciblée) et ``bilan_efficace.<besoin>`` (la date de cette revue, en entier
    AAAAMMJJ). Un besoin dont une mesure est restée sans effet ne s'allège pas : l'escalade
    l'emporte. À date égale, la mesure la plus lourde compte.

    >>> from datetime import date
    >>> p = Profil(annees_experience=1, ordre="primaire", mesures_recues=[{"mesure": "webinaire",
    ...            "besoin": "numerique", "bilan": date(2026, 11, 20)}])
    >>> allegements(p, Contexte({}, ciblees=frozenset({"webinaire"})))
    {'allegement.numerique': 'vers_universel', 'bilan_efficace.numerique': 20261120}
    """
    sans_effet: set[Besoin] = set()
    derniere: dict[Besoin, tuple[int, int]] = {}
    for recue in profil.mesures_recues:
        visees = (
            (recue.besoin,) if recue.besoin else contexte.besoins_des_mesures.get(recue.mesure, ())
        )
        if not recue.efficace:
            sans_effet.update(visees)
            continue
        if recue.bilan is None:
            continue
        niveau = (
            2 if recue.mesure in contexte.individuelles else int(recue.mesure in contexte.ciblees)
        )
        jour = recue.bilan.year * 10000 + recue.bilan.month * 100 + recue.bilan.day
        for besoin in visees:
            derniere[besoin] = max(derniere.get(besoin, (0, 0)), (jour, niveau))
    champs: dict[str, Any] = {}
    for besoin, (jour, niveau) in sorted(derniere.items()):
        if niveau and besoin not in sans_effet:
            champs[f"allegement.{besoin.value}"] = "vers_cible" if niveau == 2 else "vers_universel"
            champs[f"bilan_efficace.{besoin.value}"] = jour
    return champs


#: La clé du fait de chaque besoin (``besoins.<besoin>``).
CLES_BESOINS: dict[Besoin, str] = {besoin: f"besoins.{besoin.value}" for besoin in Besoin}
#: Chaque présence du profil et sa clé du fait (``ecole.<présence>``).
_CLES_PRESENCES: tuple[tuple[str, str], ...] = tuple((nom, f"ecole.{nom}") for nom in PRESENCES)
