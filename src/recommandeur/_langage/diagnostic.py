"""Les problèmes d'une règle que pydantic refuse : tout ce qui peut encore être vérifié.

Quand une règle a une faute de forme (un opérateur inconnu, un poids nul, une clé mal
écrite), pydantic la refuse et dit cette faute ; les autres fautes, indépendantes (un champ de
profil inconnu dans une autre comparaison, une mesure inconnue, un gabarit ou une source
fautifs), doivent être dites dans le même passage. Chaque morceau de la règle qui se lit seul
est donc vérifié seul : chaque comparaison, chaque proposition (réparée de ses champs fautifs,
déjà signalés), le gabarit et les sources. Ce qui dépend d'un morceau fautif n'est pas vérifié :
une faute n'en cache pas une autre, mais n'en invente pas non plus.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .._base.erreurs import Probleme
from .._catalogue.modeles import Catalogue
from .._catalogue.sources import verifier_cles
from .compilation import Refus, champ_du_profil, normaliser
from .compilation_regle import probleme_de_refus, proposition
from .declarations import Parametre
from .gabarits import verifier_gabarit
from .syntaxe import Condition, Recommande, _forme

_CONDITION: TypeAdapter[Any] = TypeAdapter(Condition)

#: Les valeurs neutres d'une proposition, mises à la place d'un champ fautif (déjà signalé).
_NEUTRES_PROPOSITION: Mapping[str, object] = {"poids": 1.0}


def _reparee(
    modele: type[BaseModel], brute: dict[str, Any], neutres: Mapping[str, object], garder: str
) -> Any:
    """``brute`` validée, ses champs fautifs (déjà signalés) remplacés par leur valeur neutre ou
    retirés ; ``None`` si le champ ``garder`` est fautif (sans lui, rien à vérifier)."""
    essai = dict(brute)
    for _ in range(3):
        try:
            return modele.model_validate(essai)
        except ValidationError as exc:
            fautifs = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
            if not fautifs or garder in fautifs:
                return None
            for cle in fautifs:
                if cle in neutres:
                    essai[cle] = neutres[cle]
                else:
                    essai.pop(cle, None)
    return None  # pragma: no cover - deux passes suffisent : chaque champ fautif est retiré


def _feuille(
    brute: dict[str, Any], chemin: str, parametres: Mapping[str, Parametre], refus: list[Refus]
) -> None:
    """Vérifie une comparaison ou un seuil de besoin écrit seul."""
    essai = dict(brute)
    op_fautif = False
    if "op" in essai and _forme(essai) == "comparaison":
        try:
            _CONDITION.validate_python({"champ": "ordre", "op": essai["op"], "valeur": "primaire"})
        except ValidationError:
            op_fautif = True
            essai["op"] = "dans" if isinstance(essai.get("valeur"), list) else "=="
    try:
        condition = _CONDITION.validate_python(essai)
    except ValidationError:
        if isinstance(brute.get("champ"), str):
            try:
                champ_du_profil(brute["champ"], chemin)
            except Refus as exc:
                refus.append(exc)
        return
    trouves: list[Refus] = []
    normaliser(condition, chemin, parametres=parametres, refus=trouves)
    refus.extend(r for r in trouves if not (op_fautif and r.champ == f"{chemin}.op"))


def refus_de_condition(brute: Any, chemin: str, parametres: Mapping[str, Parametre]) -> list[Refus]:
    """Les refus de chaque comparaison d'une condition écrite, même si sa forme est fautive.

    >>> [r.champ for r in refus_de_condition(
    ...     {"tous": [{"champ": "x", "op": "=>", "valeur": 1}, {"champ": "ordre", "op": "<"}]}, "si", {})]
    ['si.tous[0].champ']
    """
    refus: list[Refus] = []
    pile: list[tuple[Any, str]] = [(brute, chemin)]
    while pile:
        courant, ici = pile.pop()
        if not isinstance(courant, dict):
            continue
        forme = _forme(courant)
        if forme in {"tous", "un_de"}:
            membres = courant[forme]
            if isinstance(membres, list):
                pile.extend(
                    (m, f"{ici}.{forme}[{i}]") for i, m in reversed(list(enumerate(membres)))
                )
        elif forme == "non":
            pile.append((courant["non"], f"{ici}.non"))
        elif forme is not None:
            _feuille(courant, ici, parametres, refus)
    return refus


def problemes_d_une_regle_refusee(
    brute: dict[str, Any],
    fichier: str,
    id_regle: str,
    catalogue: Catalogue | None,
    parametres: Mapping[str, Parametre],
) -> Iterator[Probleme]:
    """Les problèmes d'une règle refusée par pydantic que ses morceaux lisibles montrent encore.

    (Les fautes de forme, elles, sont dites par la validation.)
    """
    for refuse in refus_de_condition(brute.get("si"), "si", parametres):
        yield probleme_de_refus(refuse, fichier, id_regle)
    sources = brute.get("sources")
    lisibles = isinstance(sources, list) and all(isinstance(s, str) for s in sources)
    sources_regle = tuple(sources) if lisibles and sources else None
    recommande = brute.get("recommande")
    if isinstance(recommande, list) and catalogue is not None:
        vues: set[str] = set()
        for rang, element in enumerate(recommande):
            if not isinstance(element, dict):
                continue
            lue = _reparee(Recommande, element, _NEUTRES_PROPOSITION, "mesure")
            if lue is None:
                continue
            if lue.mesure in vues:
                yield Probleme(
                    "mesure recommandée deux fois par la même règle",
                    fichier=fichier,
                    id=id_regle,
                    champ=f"recommande[{rang}].mesure",
                    valeur=lue.mesure,
                )
                continue
            vues.add(lue.mesure)
            refus: list[Probleme] = []
            proposition(
                lue, f"recommande[{rang}]", (id_regle, sources_regle), catalogue, refus, fichier
            )
            yield from refus
    justification = brute.get("justification")
    if isinstance(justification, str) and justification:
        try:
            verifier_gabarit(justification, parametres)
        except ValueError as exc:
            yield Probleme(str(exc), fichier=fichier, id=id_regle, champ="justification")
    if lisibles and sources and catalogue is not None:
        yield from verifier_cles(sources, catalogue.cles_sources, fichier=fichier, id=id_regle)
