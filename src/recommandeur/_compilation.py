"""Compilation des règles : vérification des types, forme normale, format JSON de durable-rules.

Chaque condition est vérifiée contre les champs du profil (:mod:`._champs`) et
mise en forme normale négative (les ``non`` descendent jusqu'aux comparaisons).
Cette forme unique sert à la fois à durable-rules (:func:`en_json_durable`) et à
l'évaluateur de référence (:mod:`._evaluation`).
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from ._champs import CHAMPS, DECIMALES, INTENSITES, NOMBRE_MAX, Champ
from ._durable import NOEUDS_PAR_ENSEMBLE, noeuds_alpha
from ._erreurs import ABSENT, ErreurRegle, Probleme, suggerer
from ._fichiers import Dossier, dossier_livre, en_dossier, identifiant, lire_entrees
from ._messages import problemes_de_validation
from ._modeles_catalogue import Catalogue
from ._regles import (
    Comparaison,
    Explication,
    Non,
    RegleSource,
    Scalaire,
    SeuilBesoin,
    Tous,
    UnDe,
)

Op = Literal["eq", "neq", "lt", "lte", "gt", "gte"]
_OPS: dict[str, Op] = {"==": "eq", "!=": "neq", "<": "lt", "<=": "lte", ">": "gt", ">=": "gte"}
_CONTRAIRE: dict[Op, Op] = {
    "eq": "neq",
    "neq": "eq",
    "lt": "gte",
    "gte": "lt",
    "gt": "lte",
    "lte": "gt",
}
SYMBOLES: dict[Op, str] = {v: k for k, v in _OPS.items()}


@dataclass(frozen=True)
class Atome:
    """Un atome : une comparaison élémentaire ``champ op valeur`` (valeur déjà au type du fait)."""

    champ: str
    op: Op
    valeur: Scalaire


@dataclass(frozen=True)
class Et:
    """Conjonction."""

    termes: tuple[Expression, ...]


@dataclass(frozen=True)
class Ou:
    """Disjonction."""

    termes: tuple[Expression, ...]


Expression = Atome | Et | Ou


class RegleCompilee(BaseModel):
    """Une règle vérifiée et compilée, prête pour le moteur et l'évaluateur."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: str
    fichier: str
    titre: str
    condition: Expression
    recommandations: tuple[tuple[str, float], ...]
    justification: str
    sources: tuple[str, ...]

    @property
    def champs(self) -> tuple[str, ...]:
        """Les champs que la condition lit, dans l'ordre de première apparition."""
        return tuple(dict.fromkeys(t.champ for t in atomes(self.condition)))


class BaseDeRegles(BaseModel):
    """Les règles compilées d'un dossier, avec sa version et les explications de couverture."""

    model_config = ConfigDict(frozen=True)

    version: str
    regles: tuple[RegleCompilee, ...]
    explications: tuple[tuple[str, Explication], ...] = ()


def atomes(expression: Expression) -> Iterator[Atome]:
    """Les comparaisons élémentaires d'une expression, de gauche à droite."""
    if isinstance(expression, Atome):
        yield expression
    else:
        for terme in expression.termes:
            yield from atomes(terme)


class _Refus(Exception):
    def __init__(
        self, message: str, champ: str, valeur: Any = ABSENT, suggestions: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.message, self.champ, self.valeur, self.suggestions = (
            message,
            champ,
            valeur,
            suggestions,
        )


def _valeur_pour(champ: Champ, valeur: Any, chemin: str) -> Scalaire:
    """Convertit une valeur de règle au type du champ, ou refuse."""
    attendu = {
        "booleen": "un booléen",
        "entier": "un entier",
        "nombre": "un nombre",
        "choix": "une des valeurs " + ", ".join(champ.valeurs),
        "intensite": "une des intensités " + ", ".join(champ.valeurs),
    }[champ.genre]
    erreur = _Refus(
        f"valeur de mauvais type pour le champ '{champ.nom}' ; attendu {attendu}", chemin, valeur
    )
    if champ.genre == "booleen":
        if not isinstance(valeur, bool):
            raise erreur
        return valeur
    if champ.genre == "entier":
        if isinstance(valeur, bool) or not isinstance(valeur, int):
            raise erreur
        if abs(valeur) >= NOMBRE_MAX:
            raise _Refus(
                f"nombre hors des limites du moteur (moins de {NOMBRE_MAX:.0e} en valeur absolue)",
                chemin,
                valeur,
            )
        return valeur
    if champ.genre == "nombre":
        if isinstance(valeur, bool) or not isinstance(valeur, int | float):
            raise erreur
        if (
            not math.isfinite(valeur)
            or abs(valeur) >= NOMBRE_MAX
            or round(valeur, DECIMALES) != valeur
        ):
            raise _Refus(
                f"nombre hors des limites du moteur (fini, au plus {DECIMALES} décimales, "
                f"moins de {NOMBRE_MAX:.0e} en valeur absolue)",
                chemin,
                valeur,
            )
        return float(valeur) + 0.0
    if not isinstance(valeur, str) or valeur not in champ.valeurs:
        raise _Refus(erreur.message, chemin, valeur, suggerer(valeur, champ.valeurs))
    return INTENSITES[valeur] if champ.genre == "intensite" else valeur


def _comparaison(c: Comparaison, chemin: str, nie: bool) -> Expression:
    champ = CHAMPS.get(c.champ)
    if champ is None:
        raise _Refus(
            "champ de profil inconnu", f"{chemin}.champ", c.champ, suggerer(c.champ, CHAMPS)
        )
    if c.op in {"dans", "hors"}:
        if not isinstance(c.valeur, list) or not c.valeur:
            raise _Refus(
                f"l'opérateur '{c.op}' attend une liste non vide", f"{chemin}.valeur", c.valeur
            )
        valeurs = [_valeur_pour(champ, v, f"{chemin}.valeur[{i}]") for i, v in enumerate(c.valeur)]
        if (c.op == "dans") != nie:
            return _simplifier(Ou(tuple(Atome(champ.nom, "eq", v) for v in valeurs)))
        return _simplifier(Et(tuple(Atome(champ.nom, "neq", v) for v in valeurs)))
    if isinstance(c.valeur, list):
        raise _Refus(
            f"l'opérateur '{c.op}' attend une valeur simple, pas une liste ; "
            "pour une liste, utiliser 'dans' ou 'hors'",
            f"{chemin}.valeur",
            c.valeur,
        )
    op = _OPS[c.op]
    if op not in {"eq", "neq"} and not champ.ordonne:
        raise _Refus(
            f"l'opérateur '{c.op}' ne s'applique pas au champ '{champ.nom}' "
            f"({champ.genre}) ; utiliser '==', '!=', 'dans' ou 'hors'",
            f"{chemin}.op",
            c.op,
        )
    valeur = _valeur_pour(champ, c.valeur, f"{chemin}.valeur")
    return Atome(champ.nom, _CONTRAIRE[op] if nie else op, valeur)


def _simplifier(expression: Et | Ou) -> Expression:
    genre = type(expression)
    termes: list[Expression] = []
    for terme in expression.termes:
        termes.extend(terme.termes if isinstance(terme, genre) else (terme,))
    return termes[0] if len(termes) == 1 else genre(tuple(termes))


def normaliser(condition: Any, chemin: str = "si", nie: bool = False) -> Expression:
    """Vérifie une condition de règle et la met en forme normale négative."""
    if isinstance(condition, Comparaison):
        return _comparaison(condition, chemin, nie)
    if isinstance(condition, SeuilBesoin):
        niveau = condition.au_moins.ordre
        return Atome(f"besoins.{condition.besoin.value}", "lt" if nie else "gte", niveau)
    if isinstance(condition, Non):
        return normaliser(condition.non, f"{chemin}.non", not nie)
    if isinstance(condition, Tous | UnDe):
        membres, nom = (
            (condition.tous, "tous") if isinstance(condition, Tous) else (condition.un_de, "un_de")
        )
        termes = tuple(normaliser(c, f"{chemin}.{nom}[{i}]", nie) for i, c in enumerate(membres))
        conjonction = isinstance(condition, Tous) != nie
        return _simplifier(Et(termes) if conjonction else Ou(termes))
    raise TypeError(f"condition inattendue : {condition!r}")


def verifier_gabarit(gabarit: str) -> None:
    """Vérifie un gabarit de justification : seuls des champs connus, sans format ni conversion.

    >>> verifier_gabarit("Part de novices : {ecole.part_novices}.")
    >>> verifier_gabarit("{ecole.imse!r}")
    Traceback (most recent call last):
    ...
    ValueError: gabarit : '{ecole.imse!r}' ne peut avoir ni conversion ni format ; écrire {ecole.imse}
    """
    try:
        morceaux = list(string.Formatter().parse(gabarit))
    except ValueError as exc:
        raise ValueError(
            f"gabarit mal formé ({exc}) ; doubler les accolades littérales : {{{{ }}}}"
        ) from None
    for _, nom, format_, conversion in morceaux:
        if nom is None:
            continue
        if format_ or conversion:
            brut = (
                "{"
                + nom
                + (f"!{conversion}" if conversion else "")
                + (f":{format_}" if format_ else "")
                + "}"
            )
            raise ValueError(
                f"gabarit : '{brut}' ne peut avoir ni conversion ni format ; écrire {{{nom}}}"
            )
        if nom not in CHAMPS:
            proches = suggerer(nom, CHAMPS)
            suite = f" ; vouliez-vous dire '{proches[0]}' ?" if proches else ""
            raise ValueError(f"gabarit : champ inconnu {{{nom}}}{suite}")


def en_json_durable(expression: Expression) -> dict[str, Any]:
    """La condition au format JSON de durable-rules.

    >>> en_json_durable(Et((Atome("ecole.imse", "gte", 8), Atome("ordre", "eq", "primaire"))))
    {'$and': [{'$gte': {'ecole.imse': 8}}, {'ordre': 'primaire'}]}
    """
    if isinstance(expression, Atome):
        if expression.op == "eq":
            return {expression.champ: expression.valeur}
        return {f"${expression.op}": {expression.champ: expression.valeur}}
    cle = "$and" if isinstance(expression, Et) else "$or"
    return {cle: [en_json_durable(t) for t in expression.termes]}


def _compiler_regle(
    source: RegleSource, fichier: str, catalogue: Catalogue
) -> Iterator[Probleme | RegleCompilee]:
    def refus(
        message: str, champ: str, valeur: Any = ABSENT, suggestions: tuple[str, ...] = ()
    ) -> Probleme:
        return Probleme(
            message,
            fichier=fichier,
            id=source.id,
            champ=champ,
            valeur=valeur,
            suggestions=suggestions,
        )

    erreurs: list[Probleme] = []
    try:
        condition = normaliser(source.si)
    except _Refus as exc:
        erreurs.append(refus(exc.message, exc.champ, exc.valeur, exc.suggestions))
    else:
        noeuds = noeuds_alpha(en_json_durable(condition))
        if noeuds > NOEUDS_PAR_ENSEMBLE - 1:
            erreurs.append(
                refus(
                    f"condition trop complexe pour le moteur : {noeuds} comparaisons une fois "
                    f"développée en forme disjonctive (au plus {NOEUDS_PAR_ENSEMBLE - 1}) ; "
                    "la scinder en plusieurs règles",
                    "si",
                )
            )
    vues: set[str] = set()
    for rang, recommande in enumerate(source.recommande):
        if not catalogue.contient_mesure(recommande.mesure):
            erreurs.append(
                refus(
                    "mesure inconnue du catalogue",
                    f"recommande[{rang}].mesure",
                    recommande.mesure,
                    suggerer(recommande.mesure, catalogue.ids_mesures),
                )
            )
        elif recommande.mesure in vues:
            erreurs.append(
                refus(
                    "mesure recommandée deux fois par la même règle",
                    f"recommande[{rang}].mesure",
                    recommande.mesure,
                )
            )
        vues.add(recommande.mesure)
    try:
        verifier_gabarit(source.justification)
    except ValueError as exc:
        erreurs.append(refus(str(exc), "justification"))
    if erreurs:
        yield from erreurs
        return
    yield RegleCompilee(
        id=source.id,
        fichier=fichier,
        titre=source.titre,
        condition=condition,
        recommandations=tuple((r.mesure, r.poids) for r in source.recommande),
        justification=source.justification,
        sources=source.sources,
    )


def _analyser(
    dossier: Dossier | None, catalogue: Catalogue
) -> tuple[BaseDeRegles | None, list[Probleme]]:
    racine = dossier_livre("regles") if dossier is None else en_dossier(dossier)
    problemes: list[Probleme] = []
    regles: dict[str, RegleCompilee] = {}
    version, entrees = lire_entrees(racine, ("regle", "explication"), problemes)
    explications: list[tuple[str, Explication]] = []
    for nom, genre, rang, brute in entrees:
        if genre == "explication":
            try:
                explications.append((nom, Explication.model_validate(brute)))
            except ValidationError as exc:
                problemes.extend(
                    problemes_de_validation(
                        exc, Explication, fichier=nom, id=f"explication n° {rang + 1}"
                    )
                )
            continue
        ident = identifiant(brute, "règle", rang)
        try:
            source = RegleSource.model_validate(brute)
        except ValidationError as exc:
            problemes.extend(problemes_de_validation(exc, RegleSource, fichier=nom, id=ident))
            continue
        if source.id in regles:
            problemes.append(
                Probleme(
                    f"identifiant de règle déjà défini dans {regles[source.id].fichier}",
                    fichier=nom,
                    id=source.id,
                    champ="id",
                    valeur=source.id,
                )
            )
            continue
        for resultat in _compiler_regle(source, nom, catalogue):
            if isinstance(resultat, Probleme):
                problemes.append(resultat)
            else:
                regles[resultat.id] = resultat
    if not regles and not problemes:
        problemes.append(Probleme("aucune règle définie ([[regle]])", fichier=str(racine)))
    if problemes:
        return None, problemes
    for nom, explication in explications:
        for champ, ids, genre in (
            ("regle", regles, "règle"),
            ("mesure", catalogue.ids_mesures, "mesure"),
            ("acteur", catalogue.ids_acteurs, "acteur"),
        ):
            valeur = getattr(explication, champ)
            if valeur is not None and valeur not in ids:
                problemes.append(
                    Probleme(
                        f"{genre} inconnue" if genre != "acteur" else "acteur inconnu",
                        fichier=nom,
                        id=f"explication {explication.constat}",
                        champ=champ,
                        valeur=valeur,
                        suggestions=suggerer(valeur, ids),
                    )
                )
    if problemes:
        return None, problemes
    base = BaseDeRegles(
        version=version or "", regles=tuple(regles.values()), explications=tuple(explications)
    )
    return base, []


def iter_erreurs_regles(catalogue: Catalogue, dossier: Dossier | None = None) -> Iterator[Probleme]:
    """Tous les problèmes d'un dossier de règles, vérifié contre ``catalogue``.

    >>> from recommandeur import charger_catalogue
    >>> list(iter_erreurs_regles(charger_catalogue()))
    []
    """
    yield from _analyser(dossier, catalogue)[1]


def charger_regles(catalogue: Catalogue, dossier: Dossier | None = None) -> BaseDeRegles:
    """Charge, vérifie et compile un dossier de règles (les règles livrées par défaut).

    Un dossier invalide est refusé en entier : :class:`ErreurRegle` nomme le
    fichier, la règle, le champ et la valeur du premier problème.

    >>> from recommandeur import charger_catalogue
    >>> base = charger_regles(charger_catalogue())
    >>> len(base.regles) > 20
    True
    """
    base, problemes = _analyser(dossier, catalogue)
    if base is None:
        raise ErreurRegle(problemes)
    return base
