"""Le calibrage des déclencheurs d'école : quelles écoles sont « école soutenue », relativement au centre.

001 (Annexe 1, ciblé g) nomme les enjeux d'une école soutenue : « IMSÉ école, % élevé de
nouveaux enseignants, AS, NLQ, etc. », sans seuil. Un seuil fixe ne cible plus dans un centre
où toutes les écoles ont beaucoup de nouveaux : le plan décide **relativement au centre**.

Pour chaque critère (la part du personnel en insertion, le rang IMSE, la part des personnes en
insertion affectées en adaptation scolaire), le seuil est :

- celui que la **surcouche** du centre donne (``[[parametre]]`` ``seuil_part_novices``,
  ``seuil_imse``) : le choix du centre ;
- sinon le **quart supérieur** des écoles du centre : la valeur de l'école au rang
  ⌈n/4⌉ (n : les écoles dont la valeur est connue), ex æquo compris, jamais zéro ; pour
  l'IMSE, jamais sous le seuil de la base (le rang 8 : les rangs 8 à 10, une convention).

Une école qui atteint un seuil a ce **motif**. Le soutien d'une école soutenue (des
ressources du centre) va à toutes les écoles qui ont un motif venu d'un seuil de la
surcouche ; les autres écoles signalées complètent jusqu'au **quart des écoles du centre**
(une convention du plan), d'abord celles qui ont le plus de motifs, puis la mieux classée
du centre sur l'un d'eux, puis dans l'ordre du fichier. Les écoles signalées mais non
retenues sont dites : le centre qui veut les soutenir donne son seuil dans sa surcouche.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ..partie import Partie as _Partie


@dataclass(frozen=True)
class Critere:
    """Un déclencheur d'école : sa valeur par école, son seuil, la règle qu'il calibre."""

    id: str
    libelle: str
    #: Le paramètre de la base qui porte son seuil (``None`` : aucun).
    parametre: str | None
    #: La règle dont il décide, au niveau de l'école.
    regle: str
    #: Les mesures de la règle qu'il décide (``None`` : toutes).
    mesures: tuple[str, ...] | None
    #: ``part`` (une part, dite en %) ou ``rang`` (un rang IMSE).
    genre: Literal["part", "rang"]
    #: Ce que les documents sources en disent.
    source: str


CRITERES = (
    Critere(
        "part_novices",
        "part du personnel enseignant en insertion",
        "seuil_part_novices",
        "ecole_forte_part_novices",
        None,
        "part",
        "l'Annexe 1 dit seulement « % élevé de nouveaux enseignants »",
    ),
    Critere(
        "imse",
        "rang IMSE de l'école",
        "seuil_imse",
        "ecole_defavorisee",
        None,
        "rang",
        "l'Annexe 1 dit seulement « IMSÉ école »",
    ),
    Critere(
        "adaptation_scolaire",
        "part des personnes en insertion de l'école affectées en adaptation scolaire",
        None,
        "classe_adaptation_scolaire",
        ("soutien_ecole_soutenue",),
        "part",
        "l'Annexe 1 dit seulement « AS »",
    ),
)
PAR_ID = {c.id: c for c in CRITERES}
#: La mesure du soutien du centre à une école soutenue (Annexe 1, ciblé g).
SOUTIEN = "soutien_ecole_soutenue"
ORIGINE_QUART = (
    "au plus le quart des écoles du centre, une convention du plan hors des documents "
    "sources, sauf les écoles signalées par un seuil de la surcouche du centre"
)


class Declencheur(_Partie):
    """Un critère calibré : son seuil, d'où il vient (dit en mots simples), ses écoles."""

    critere: str
    libelle: str
    #: ``None`` : aucune école du centre n'a de valeur connue (ou positive) pour ce critère.
    seuil: float | None
    origine: Literal["surcouche", "centre"]
    explication: str
    ecoles: list[str]


class EcoleSignalee(_Partie):
    """Une école qui atteint au moins un seuil : ses motifs, et si elle est retenue."""

    ecole: str
    nom: str
    motifs: list[str]
    #: Retenue pour le soutien d'une école soutenue (des ressources du centre).
    retenue: bool
    raisons: list[str]


class Calibrage(_Partie):
    """Les déclencheurs d'école calibrés sur le centre, et les écoles qu'ils signalent."""

    nb_ecoles: int
    declencheurs: list[Declencheur]
    ecoles: list[EcoleSignalee]
    #: Le nombre d'écoles retenues au plus (le quart des écoles du centre, arrondi au-dessus),
    #: sauf celles qu'un seuil de la surcouche signale.
    maximum: int

    def retenues(self) -> list[str]:
        """Les écoles retenues pour le soutien d'une école soutenue, dans l'ordre du fichier."""
        return [e.ecole for e in self.ecoles if e.retenue]

    def lignes(self) -> list[str]:
        """Le calibrage en quelques lignes : combien d'écoles, sur quel motif."""
        retenues = self.retenues()
        lignes = [
            f"École soutenue : {len(retenues)} école(s) retenue(s) sur {self.nb_ecoles} pour le "
            f"soutien du centre ({ORIGINE_QUART}) ; {len(self.ecoles)} école(s) signalée(s)"
        ]
        for d in self.declencheurs:
            if d.seuil is None:
                lignes.append(f"  {d.libelle} : aucune école ({d.explication})")
            else:
                lignes.append(f"  {d.libelle} : {len(d.ecoles)} école(s) ; {d.explication}")
        return lignes


def valeur_dite(critere: Critere, valeur: float) -> str:
    """Une valeur d'un critère en mots : « 25 % » ou « rang 9 ».

    >>> valeur_dite(PAR_ID["part_novices"], 0.254), valeur_dite(PAR_ID["imse"], 9)
    ('25 %', 'rang 9')
    """
    if critere.genre == "rang":
        return f"rang {valeur:g}"
    return f"{round(valeur * 100):d} %"


def seuil_du_quart(valeurs: Sequence[float]) -> float | None:
    """La valeur du quart supérieur : celle de l'école au rang ⌈n/4⌉, jamais zéro.

    >>> seuil_du_quart([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8])
    0.7
    >>> seuil_du_quart([0, 0, 0, 0, 0.2]), seuil_du_quart([0, 0]), seuil_du_quart([])
    (0.2, None, None)
    """
    if not valeurs:
        return None
    rangees = sorted(valeurs, reverse=True)
    seuil = rangees[math.ceil(len(rangees) / 4) - 1]
    if seuil > 0:
        return seuil
    positives = [v for v in rangees if v > 0]
    return min(positives) if positives else None


def calibrer(
    valeurs: Mapping[str, Mapping[str, float | None]],
    noms: Mapping[str, str],
    *,
    seuils_du_centre: Mapping[str, tuple[float, str]] | None = None,
    planchers: Mapping[str, float] | None = None,
    criteres: Sequence[Critere] = CRITERES,
) -> Calibrage:
    """Les écoles signalées par chaque critère, et celles retenues pour le soutien du centre.

    ``valeurs`` : école → critère → valeur (``None`` : inconnue), dans l'ordre du fichier ;
    ``seuils_du_centre`` : critère → (seuil, ce que la surcouche en dit) ; ``planchers`` :
    critère → seuil sous lequel le quart supérieur ne descend pas.

    >>> c = calibrer({"a": {"imse": 9}, "b": {"imse": 3}, "c": {"imse": 10}, "d": {"imse": 8}},
    ...              {"a": "A", "b": "B", "c": "C", "d": "D"}, planchers={"imse": 8},
    ...              criteres=[PAR_ID["imse"]])
    >>> c.declencheurs[0].seuil, c.retenues()
    (10.0, ['c'])
    """
    seuils_du_centre = seuils_du_centre or {}
    planchers = planchers or {}
    declencheurs: list[Declencheur] = []
    motifs: dict[str, list[str]] = {e: [] for e in valeurs}
    rangs: dict[str, dict[str, int]] = {}
    for critere in criteres:
        connues = {e: v for e, vs in valeurs.items() if (v := vs.get(critere.id)) is not None}
        if critere.id in seuils_du_centre:
            seuil: float | None
            seuil, mention = seuils_du_centre[critere.id]
            origine: Literal["surcouche", "centre"] = "surcouche"
            explication = (
                f"{valeur_dite(critere, seuil)} ou plus : le seuil du centre, dans sa surcouche "
                f"({mention})"
            )
        else:
            origine = "centre"
            seuil = seuil_du_quart(list(connues.values()))
            plancher = planchers.get(critere.id)
            if seuil is not None and plancher is not None and seuil < plancher:
                seuil = plancher
            explication = _explication(critere, seuil, len(connues), plancher)
        signalees = [e for e, v in connues.items() if seuil is not None and v >= seuil and v > 0]
        declencheurs.append(
            Declencheur(
                critere=critere.id,
                libelle=critere.libelle,
                seuil=seuil,
                origine=origine,
                explication=explication,
                ecoles=signalees,
            )
        )
        rangs[critere.id] = {
            e: 1 + sum(w > v for w in connues.values()) for e, v in connues.items()
        }
        for e in signalees:
            motifs[e].append(critere.id)
    maximum = math.ceil(len(valeurs) / 4)
    du_centre = {d.critere for d in declencheurs if d.origine == "surcouche"}
    par_surcouche = {e for e, m in motifs.items() if du_centre & set(m)}
    rang_fichier = {e: i for i, e in enumerate(valeurs)}
    autres = sorted(
        (e for e, m in motifs.items() if m and e not in par_surcouche),
        key=lambda e: (-len(motifs[e]), min(rangs[c][e] for c in motifs[e]), rang_fichier[e]),
    )
    retenues = par_surcouche | set(autres[: max(0, maximum - len(par_surcouche))])
    seuils = {d.critere: d for d in declencheurs}
    par_id = {c.id: c for c in criteres}
    ecoles = [
        EcoleSignalee(
            ecole=e,
            nom=noms.get(e, e),
            motifs=m,
            retenue=e in retenues,
            raisons=[_raison(par_id[c], valeurs[e].get(c) or 0, seuils[c]) for c in m],
        )
        for e, m in motifs.items()
        if m
    ]
    return Calibrage(
        nb_ecoles=len(valeurs), declencheurs=declencheurs, ecoles=ecoles, maximum=maximum
    )


def _explication(critere: Critere, seuil: float | None, n: int, plancher: float | None) -> str:
    if seuil is None:
        return f"aucune valeur connue ou positive dans les écoles du centre ; {critere.source}"
    texte = (
        f"{valeur_dite(critere, seuil)} ou plus : le quart supérieur des {n} école(s) du centre "
        "dont la valeur est connue (un seuil calculé par le plan sur le centre lui-même, "
        f"hors des documents sources : {critere.source})"
    )
    if plancher is not None and seuil == plancher:
        texte += (
            f" ; jamais sous le {valeur_dite(critere, plancher)}, le début des rangs 8 à 10 que "
            "l'usage dit les plus défavorisés (une convention du catalogue)"
        )
    return texte


def _raison(critere: Critere, valeur: float, declencheur: Declencheur) -> str:
    """La raison d'un motif : la valeur de l'école, le seuil et d'où il vient."""
    seuil = valeur_dite(critere, declencheur.seuil or 0)
    d_ou = (
        "le seuil du centre"
        if declencheur.origine == "surcouche"
        else "le quart supérieur du centre"
    )
    return f"{critere.libelle} : {valeur_dite(critere, valeur)} (seuil de {seuil}, {d_ou})"


def seuil_dit(declencheur: Declencheur) -> str:
    """Le seuil d'un déclencheur en mots : « 25 % ou plus », « rang 9 ou plus », ou « — ».

    >>> seuil_dit(Declencheur(critere="imse", libelle="", seuil=9, origine="centre",
    ...                       explication="", ecoles=[]))
    'rang 9 ou plus'
    """
    critere = PAR_ID.get(declencheur.critere)
    if declencheur.seuil is None or critere is None:
        return "—"
    return f"{valeur_dite(critere, declencheur.seuil)} ou plus"
