"""Et si, pour le centre : deux plans côte à côte (``comparer_plans``, ``plan … --comparer``).

Ce qui change d'un plan à l'autre quand le centre nomme d'autres personnes mentores ou
change leur part de libération : les personnes appariées et non appariées, les heures et les
ETP, le coût, les alertes ; et les écoles où le nombre de personnes non appariées change.
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, ConfigDict

from .._base.fichiers import Dossier
from .._base.schema_json import nettoyer_schema
from .._catalogue.surcouche import Surcouche, fusionner, lire_surcouche
from .modeles import Plan
from .ressources.capacite import nombre_fr
from .sorties.texte import GENRES_D_ALERTE


class _Partie(BaseModel):
    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)


class Indicateur(_Partie):
    """Un indicateur dans les deux plans, son unité et l'écart (B − A)."""

    indicateur: str
    unite: str
    a: float | None
    b: float | None
    ecart: float | None


class EcoleComparee(_Partie):
    """Une école dont le nombre de personnes non appariées change d'un plan à l'autre."""

    ecole: str
    nom: str
    non_apparies_a: int
    non_apparies_b: int


class ComparaisonPlans(_Partie):
    """Deux plans côte à côte : ``print(comparaison)`` en donne le tableau."""

    libelle_a: str
    libelle_b: str
    lignes: list[Indicateur]
    ecoles: list[EcoleComparee]

    def ligne(self, indicateur: str) -> Indicateur:
        """La ligne d'un indicateur (``KeyError`` s'il n'y est pas)."""
        for ligne in self.lignes:
            if ligne.indicateur == indicateur:
                return ligne
        raise KeyError(indicateur)

    def __str__(self) -> str:
        return texte_comparaison(self)


def _indicateurs(plan: Plan) -> dict[tuple[str, str], float | None]:
    a = plan.appariement
    c = plan.capacite
    valeurs: dict[tuple[str, str], float | None] = {
        ("personnes en insertion", "personnes"): plan.portrait.nb_en_insertion,
        ("personnes mentores nommées", "personnes"): None if a is None else len(a.mentors),
        ("places de mentorat (capacité)", "personnes"): None
        if a is None
        else sum(m.capacite for m in a.mentors),
        ("personnes appariées", "personnes"): None if a is None else len(a.paires),
        ("personnes non appariées", "personnes"): None if a is None else len(a.non_apparies),
    }
    if c is not None:
        for role in c.roles:
            valeurs[(f"heures demandées : {role.libelle}", "h")] = role.heures_demandees
            if role.heures_disponibles is not None:
                valeurs[(f"heures disponibles : {role.libelle}", "h")] = role.heures_disponibles
        for role in c.roles:
            valeurs[(f"ETP demandés : {role.libelle}", "ETP")] = role.etp_demandes
        for cout in c.couts:
            valeurs[(f"coût : {cout.poste}", "$")] = cout.montant
        valeurs[("coût total", "$")] = c.cout_total
    valeurs[("alertes", "alertes")] = len(plan.alertes)
    for genre, n in sorted(Counter(al.genre for al in plan.alertes).items()):
        valeurs[(f"alertes : {GENRES_D_ALERTE.get(genre, genre)}", "alertes")] = n
    return valeurs


def comparer_plans(
    plan_a: Plan, plan_b: Plan, *, libelle_a: str = "A", libelle_b: str = "B"
) -> ComparaisonPlans:
    """Les indicateurs de deux plans côte à côte, et les écoles dont les non appariées changent.

    >>> from recommandeur import planifier
    >>> ens = [{"enseignant": f"e{i}", "ecole": "a", "annees_experience": 0,
    ...         "ordre": "primaire"} for i in range(3)]
    >>> ecoles = [{"ecole": "a", "nom": "École A", "mentors": 1}]
    >>> un = planifier(ens, ecoles, mentors=[{"mentor": "M1", "ecole": "a", "capacite": 2}])
    >>> deux = planifier(ens, ecoles, mentors=[{"mentor": "M1", "ecole": "a", "capacite": 2},
    ...                                        {"mentor": "M2", "ecole": "a", "capacite": 2}])
    >>> c = comparer_plans(un, deux, libelle_b="un mentor de plus")
    >>> c.ligne("personnes non appariées").a, c.ligne("personnes non appariées").b
    (1.0, 0.0)
    >>> [(e.nom, e.non_apparies_a, e.non_apparies_b) for e in c.ecoles]
    [('École A', 1, 0)]
    """
    va, vb = _indicateurs(plan_a), _indicateurs(plan_b)
    cles = list(va) + [k for k in vb if k not in va]
    lignes = []
    for indicateur, unite in cles:
        a, b = va.get((indicateur, unite)), vb.get((indicateur, unite))
        if a is None and b is None:
            continue
        lignes.append(
            Indicateur(
                indicateur=indicateur,
                unite=unite,
                a=a,
                b=b,
                ecart=None if a is None or b is None else round(b - a, 3),
            )
        )
    return ComparaisonPlans(
        libelle_a=libelle_a,
        libelle_b=libelle_b,
        lignes=lignes,
        ecoles=_ecoles(plan_a, plan_b),
    )


def _ecoles(plan_a: Plan, plan_b: Plan) -> list[EcoleComparee]:
    def compte(plan: Plan) -> Counter[str]:
        a = plan.appariement
        return Counter() if a is None else Counter(n.ecole for n in a.non_apparies)

    ca, cb = compte(plan_a), compte(plan_b)
    noms = {e.ecole: e.nom for e in [*plan_a.ecoles, *plan_b.ecoles]}
    return [
        EcoleComparee(ecole=e, nom=noms.get(e, e), non_apparies_a=ca[e], non_apparies_b=cb[e])
        for e in sorted(set(ca) | set(cb), key=lambda e: (-(ca[e] - cb[e]), e))
        if ca[e] != cb[e]
    ]


def _valeur(x: float | None, unite: str) -> str:
    if x is None:
        return "—"
    decimales = 2 if unite == "ETP" else 0
    texte = nombre_fr(x, decimales)
    return f"{texte} $" if unite == "$" else (f"{texte} h" if unite == "h" else texte)


#: Les indicateurs toujours montrés, même sans écart.
TOUJOURS = (
    "personnes en insertion",
    "personnes mentores nommées",
    "personnes appariées",
    "personnes non appariées",
    "coût total",
    "alertes",
)


def texte_comparaison(c: ComparaisonPlans) -> str:
    """Le tableau des deux plans : les indicateurs principaux et ceux qui changent (A, B, écart)."""
    montres = [ligne for ligne in c.lignes if ligne.indicateur in TOUJOURS or ligne.ecart != 0]
    largeur = max([len(ligne.indicateur) for ligne in montres] + [10])
    lignes = [
        f"{'':<{largeur}}  {c.libelle_a:>14}  {c.libelle_b:>14}  {'écart':>12}",
    ]
    for ligne in montres:
        ecart = "" if not ligne.ecart else _valeur(ligne.ecart, ligne.unite)
        if ligne.ecart and ligne.ecart > 0:
            ecart = "+" + ecart
        lignes.append(
            f"{ligne.indicateur:<{largeur}}  {_valeur(ligne.a, ligne.unite):>14}  "
            f"{_valeur(ligne.b, ligne.unite):>14}  {ecart:>12}"
        )
    if len(montres) < len(c.lignes):
        lignes.append(f"({len(c.lignes) - len(montres)} autres indicateurs inchangés)")
    if c.ecoles:
        lignes.append("Écoles dont les personnes non appariées changent :")
        lignes += [f"  {e.nom} : {e.non_apparies_a} → {e.non_apparies_b}" for e in c.ecoles[:10]]
        if len(c.ecoles) > 10:
            lignes.append(f"  … et {len(c.ecoles) - 10} autres écoles")
    return "\n".join(lignes)


def superposer(dessous: Dossier | None, dessus: Dossier) -> Surcouche:
    """La surcouche ``dessus`` posée sur ``dessous`` (celle du plan comparé) : une variante
    n'écrit que ce qui change (une part de libération, des personnes mentores de plus).

    Sa version s'ajoute : ``2026.12.1+centre+variante``.
    """
    haut = lire_surcouche(dessus)
    if dessous is None:
        return haut
    bas = lire_surcouche(dessous)
    return Surcouche(
        nom=haut.nom,
        version=f"{bas.version}+{haut.version}" if bas.version and haut.version else None,
        catalogue=fusionner(bas.catalogue, haut.catalogue),
        regles=fusionner(bas.regles, haut.regles),
        ajustements=[*bas.ajustements, *haut.ajustements],
        problemes=[*bas.problemes, *haut.problemes],
    )
