"""L'analyse de couverture d'une base de règles : ce qui manque, ce qui ne sert pas, ce qui se répète.

:func:`couverture` renvoie un :class:`RapportCouverture` :

- pour chaque besoin × intensité × niveau, les mesures atteignables et les règles qui y
  mènent, et les combinaisons sans aucune mesure (``lacune``) ;
- les mesures qu'aucune règle ne peut recommander (``mesure_orpheline``) et les acteurs
  responsables d'aucune mesure (``acteur_sans_mesure``) ;
- les règles qui ne peuvent jamais se déclencher (``regle_jamais_declenchee``) : conditions
  contradictoires, valeur hors du domaine d'un champ ;
- les règles subsumées par une autre qui recommande les mêmes mesures avec un poids au moins
  égal (``regle_subsumee``), et les règles en double (``regles_en_double``).

Un constat qu'une ``[[explication]]`` du dossier de règles vise est « expliqué » ; les
autres sont à corriger. Les questions logiques sont décidées exactement par
:mod:`.satisfiabilite`.
"""

from __future__ import annotations

from collections import defaultdict

from .._langage.chargement import APourDonnees, Donnees, donnees_de
from .._langage.regle import RegleCompilee
from .._vocabulaire import Besoin, Intensite, Niveau
from .constats import Cellule, Constat, RapportCouverture
from .satisfiabilite import equivalentes, implique, satisfiable


def _nom(regle: RegleCompilee) -> str:
    return f"'{regle.id}' ({regle.fichier})"


def _cellules(donnees: Donnees, declenchables: list[RegleCompilee]) -> list[Cellule]:
    mesures: dict[tuple[Besoin, Intensite, Niveau], dict[str, None]] = defaultdict(dict)
    regles: dict[tuple[Besoin, Intensite, Niveau], dict[str, None]] = defaultdict(dict)
    for regle in declenchables:
        lus = set(regle.champs)
        for besoin in Besoin:
            champ = f"besoins.{besoin.value}"
            if champ not in lus:
                continue
            for intensite in Intensite:
                if not satisfiable(regle.condition, {champ: intensite.ordre}):
                    continue
                for mesure_id, _ in regle.recommandations:
                    mesure = donnees.catalogue.mesure(mesure_id)
                    if besoin in mesure.besoins:
                        cle = (besoin, intensite, mesure.niveau)
                        mesures[cle][mesure_id] = None
                        regles[cle][regle.id] = None
    return [
        Cellule(
            besoin=b,
            intensite=i,
            niveau=n,
            mesures=sorted(mesures[(b, i, n)]),
            regles=list(regles[(b, i, n)]),
        )
        for b in Besoin
        for i in Intensite
        for n in Niveau
    ]


def _subsume(a: RegleCompilee, b: RegleCompilee) -> bool:
    """Vrai si ``b`` propose chaque mesure de ``a`` avec un poids au moins égal, et à un rang de
    priorité au moins aussi tôt si ``a`` la rend prioritaire."""
    de_b = {p.mesure: p for p in b.propositions}
    return all(
        p.mesure in de_b
        and de_b[p.mesure].poids >= p.poids
        and _au_moins_aussi_tot(de_b[p.mesure].priorite, p.priorite)
        for p in a.propositions
    )


def _au_moins_aussi_tot(rang_b: int | None, rang_a: int | None) -> bool:
    return rang_a is None or (rang_b is not None and rang_b <= rang_a)


def _constats_regles(declenchables: list[RegleCompilee]) -> list[Constat]:
    constats: list[Constat] = []
    doubles: set[frozenset[str]] = set()
    for a in declenchables:
        for b in declenchables:
            if a.id == b.id or not _subsume(a, b) or not implique(a.condition, b.condition):
                continue
            paire = frozenset((a.id, b.id))
            if _subsume(b, a) and equivalentes(a.condition, b.condition):
                if paire not in doubles:
                    doubles.add(paire)
                    constats.append(
                        Constat(
                            genre="regles_en_double",
                            regles=[a.id, b.id],
                            fichiers=[a.fichier, b.fichier],
                            message=f"les règles {_nom(a)} et {_nom(b)} ont des conditions équivalentes et "
                            "recommandent les mêmes mesures avec les mêmes poids",
                        )
                    )
                continue
            constats.append(
                Constat(
                    genre="regle_subsumee",
                    regles=[a.id, b.id],
                    fichiers=[a.fichier, b.fichier],
                    message=f"la règle {_nom(a)} est subsumée par {_nom(b)} : sa condition implique "
                    "celle de l'autre, qui recommande les mêmes mesures avec un poids au moins égal",
                )
            )
    return constats


def couverture(moteur: APourDonnees | None = None) -> RapportCouverture:
    """Analyse la couverture d'une base de règles (celle d'un moteur ; la base livrée par défaut).

    ``moteur`` est un :class:`~recommandeur.Moteur` ou toutes données qui ont un ``catalogue``
    et une ``base`` de règles : l'analyse ne déclenche aucune règle et n'a pas besoin de
    durable-rules.

    >>> rapport = couverture()
    >>> rapport.non_expliques
    []
    >>> rapport.cellule("bien_etre", "elevee", "individuel").mesures
    ['personne_neutre', 'soutien_professionnel']
    """
    donnees = donnees_de(moteur)
    catalogue = donnees.catalogue
    constats: list[Constat] = []
    declenchables: list[RegleCompilee] = []
    for regle in donnees.regles:
        if satisfiable(regle.condition):
            declenchables.append(regle)
        else:
            constats.append(
                Constat(
                    genre="regle_jamais_declenchee",
                    regles=[regle.id],
                    fichiers=[regle.fichier],
                    message=f"la règle {_nom(regle)} ne peut jamais se déclencher : ses conditions se "
                    "contredisent ou demandent une valeur hors du domaine d'un champ",
                )
            )
    cellules = _cellules(donnees, declenchables)
    for cellule in cellules:
        if not cellule.mesures:
            constats.append(
                Constat(
                    genre="lacune",
                    besoin=cellule.besoin,
                    intensite=cellule.intensite,
                    niveau=cellule.niveau,
                    message=f"aucune mesure de niveau {cellule.niveau.libelle} pour le besoin "
                    f"« {cellule.besoin.libelle} » d'intensité {cellule.intensite.libelle}",
                )
            )
    atteintes = {m for r in declenchables for m, _ in r.recommandations}
    for mesure in catalogue.mesures:
        if mesure.id not in atteintes:
            qui = [r for r in donnees.regles if mesure.id in dict(r.recommandations)]
            constats.append(
                Constat(
                    genre="mesure_orpheline",
                    mesure=mesure.id,
                    niveau=mesure.niveau,
                    regles=[r.id for r in qui],
                    fichiers=[r.fichier for r in qui],
                    message=f"la mesure '{mesure.id}' n'est recommandée par aucune règle qui peut se déclencher"
                    + (f" (seulement par {', '.join(_nom(r) for r in qui)})" if qui else ""),
                )
            )
    responsables = {i.acteur for m in catalogue.mesures for i in m.intervenants}
    for acteur in catalogue.acteurs:
        if acteur.id not in responsables:
            partenaire_de = [m.id for m in catalogue.mesures if acteur.id in m.partenaires]
            constats.append(
                Constat(
                    genre="acteur_sans_mesure",
                    acteur=acteur.id,
                    message=f"l'acteur '{acteur.id}' n'est intervenant d'aucune mesure"
                    + (f" (partenaire de {len(partenaire_de)} mesure(s))" if partenaire_de else ""),
                )
            )
    constats.extend(_constats_regles(declenchables))
    expliques = [
        c.model_copy(
            update={
                "explication": next(
                    (e.raison for _, e in donnees.base.explications if c.vise_par(e)), None
                )
            }
        )
        for c in constats
    ]
    return RapportCouverture(
        version_catalogue=donnees.version_catalogue,
        version_regles=donnees.version_regles,
        cellules=cellules,
        constats=expliques,
    )
