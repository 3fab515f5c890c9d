"""Un oracle au niveau des sources : les conditions des règles telles qu'écrites dans le TOML.

Il ne partage aucun code avec le compilateur, la mise à plat en fait ni l'évaluateur de la
bibliothèque : il lit les valeurs directement dans le :class:`~recommandeur.Profil`, refait
l'escalade d'après ``docs/classement.md``, et évalue chaque condition brute (la table
``si`` du fichier) en logique à trois valeurs (vrai, faux, inconnu). Une règle se déclenche
si sa condition est **vraie** ; une comparaison sur un champ inconnu est inconnue, et
``non inconnu`` reste inconnu (``docs/regles.md``, « Champ inconnu »).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from recommandeur import Catalogue, Profil

INTENSITES = {"aucune": 0, "faible": 1, "moderee": 2, "elevee": 3}


def regles_brutes(dossier: Path) -> list[dict[str, Any]]:
    """Les tables ``[[regle]]`` d'un dossier, dans l'ordre des fichiers puis de l'écriture.

    Une valeur ``{ parametre = "x" }`` est remplacée par celle du ``[[parametre]]`` déclaré.
    """
    regles: list[dict[str, Any]] = []
    parametres: dict[str, Any] = {}
    for fichier in sorted(dossier.glob("*.toml")):
        table = tomllib.loads(fichier.read_text(encoding="utf-8"))
        regles.extend(table.get("regle", []))
        parametres.update({p["id"]: p["valeur"] for p in table.get("parametre", [])})

    def remplacer(condition: Any) -> Any:
        if isinstance(condition, dict):
            if set(condition) == {"parametre"}:
                return parametres[condition["parametre"]]
            return {k: remplacer(v) for k, v in condition.items()}
        if isinstance(condition, list):
            return [remplacer(c) for c in condition]
        return condition

    return [{**r, "si": remplacer(r["si"])} for r in regles]


def intensite_effective(profil: Profil, besoin: str, catalogue: Catalogue) -> int:
    """L'intensité du besoin après escalade : +1 (sans dépasser 3) si une mesure reçue sans
    effet était pour lui (son ``besoin``, ou, s'il n'est pas dit, les besoins de la mesure) et
    qu'il est déclaré et pas déjà élevé ; 0 s'il n'est pas déclaré."""
    declarees = {b.value: i.value for b, i in profil.besoins.items()}
    if besoin not in declarees:
        return 0
    niveau = INTENSITES[declarees[besoin]]
    besoins_des_mesures = {m.id: {b.value for b in m.besoins} for m in catalogue.mesures}
    monte = any(
        not r.efficace
        and (
            besoin == r.besoin.value
            if r.besoin is not None
            else besoin in besoins_des_mesures.get(r.mesure, set())
        )
        for r in profil.mesures_recues
    )
    return min(3, niveau + 1) if monte and niveau < 3 else niveau


def _annees_au_quebec(profil: Profil) -> int:
    return profil.annees_experience if profil.annees_au_quebec is None else profil.annees_au_quebec


def valeur(profil: Profil, champ: str, catalogue: Catalogue) -> Any:
    """La valeur d'un champ pointé, lue dans le profil ; ``None`` si elle est inconnue."""
    if champ.startswith("besoins."):
        return intensite_effective(profil, champ.removeprefix("besoins."), catalogue)
    if champ == "nb_mesures_recues":
        return len({r.mesure for r in profil.mesures_recues})
    if champ == "nb_mesures_inefficaces":
        return len({r.mesure for r in profil.mesures_recues if r.efficace is False})
    if champ == "nb_individuelles_inefficaces":
        individuelles = {m.id for m in catalogue.mesures if m.niveau.value == "individuel"}
        return len({r.mesure for r in profil.mesures_recues if not r.efficace} & individuelles)
    if champ.startswith(("allegement.", "bilan_efficace.")):
        return _allegement(profil, champ, catalogue)
    if champ == "programme_couvre_l_ordre":
        return profil.ordre in catalogue.ordres_du_programme
    if champ == "nb_mentorats_inefficaces":
        mentorats = {m.id for m in catalogue.mesures if m.mentorat}
        return len({r.mesure for r in profil.mesures_recues if not r.efficace} & mentorats)
    if champ == "annees_en_insertion":
        return _annees_au_quebec(profil)
    if (
        champ == "suppleance"
    ):  # en suppléance seulement ; non dit : « non précisée » (docs/profil.md)
        if profil.statut.value != "suppleance":
            return None
        return profil.suppleance.value if profil.suppleance else "non_precisee"
    if champ == "periode_insertion":  # cinq à sept ans (000) : < 5, 5 ou 6, 7 et plus
        annees = _annees_au_quebec(profil)
        return "en_cours" if annees < 5 else "fin_de_periode" if annees < 7 else "terminee"
    objet: Any = profil
    for morceau in champ.split("."):
        objet = getattr(objet, morceau)
    if champ == "ecole.part_novices" and objet is not None:
        return round(objet, 4)  # « arrondie à 4 décimales » (docs/moteur.md)
    if (
        champ.startswith("ecole.") and objet is None
    ):  # une présence : sinon, ce que déclare le centre
        return catalogue.ressources.get(champ.removeprefix("ecole."))
    return getattr(objet, "value", objet)


def _constante(champ: str, brute: Any) -> Any:
    return INTENSITES[brute] if champ.startswith("besoins.") else brute


def _comparer(lue: Any, op: str, attendue: Any) -> bool | None:
    if lue is None:
        return None
    if op == "==":
        return bool(lue == attendue)
    if op == "!=":
        return bool(lue != attendue)
    if op == "<":
        return bool(lue < attendue)
    if op == "<=":
        return bool(lue <= attendue)
    if op == ">":
        return bool(lue > attendue)
    if op == ">=":
        return bool(lue >= attendue)
    if op == "dans":
        return any(lue == v for v in attendue)
    if op == "hors":
        return all(lue != v for v in attendue)
    raise AssertionError(f"opérateur inconnu de l'oracle : {op}")


def _non(v: bool | None) -> bool | None:
    return None if v is None else not v


def _tous(valeurs: Sequence[bool | None]) -> bool | None:
    if any(v is False for v in valeurs):
        return False
    return None if any(v is None for v in valeurs) else True


def _un_de(valeurs: Sequence[bool | None]) -> bool | None:
    if any(v is True for v in valeurs):
        return True
    return None if any(v is None for v in valeurs) else False


def evaluer(condition: Mapping[str, Any], profil: Profil, catalogue: Catalogue) -> bool | None:
    """La valeur de vérité (vrai, faux ou ``None`` : inconnu) d'une condition brute."""
    if "tous" in condition:
        return _tous([evaluer(c, profil, catalogue) for c in condition["tous"]])
    if "un_de" in condition:
        return _un_de([evaluer(c, profil, catalogue) for c in condition["un_de"]])
    if "non" in condition:
        return _non(evaluer(condition["non"], profil, catalogue))
    if "besoin" in condition:
        lue = intensite_effective(profil, condition["besoin"], catalogue)
        return lue >= INTENSITES[condition["au_moins"]]
    champ, op, brute = condition["champ"], condition["op"], condition["valeur"]
    attendue = (
        [_constante(champ, v) for v in brute]
        if isinstance(brute, list)
        else _constante(champ, brute)
    )
    return _comparer(valeur(profil, champ, catalogue), op, attendue)


def declenchees(
    regles: Sequence[Mapping[str, Any]], profil: Profil, catalogue: Catalogue
) -> list[str]:
    """Les identifiants des règles dont la condition est vraie, dans l'ordre des règles."""
    return [r["id"] for r in regles if evaluer(r["si"], profil, catalogue) is True]


def _allegement(profil: Profil, champ: str, catalogue: Catalogue) -> Any:
    """``allegement.<besoin>`` et ``bilan_efficace.<besoin>`` relus dans les mesures reçues :
    jugées efficaces à une revue datée ; aucune du besoin restée sans effet."""
    genre, besoin = champ.split(".")
    niveaux = {m.id: m.niveau.value for m in catalogue.mesures}
    besoins_de = {m.id: {b.value for b in m.besoins} for m in catalogue.mesures}

    def vise(r: Any) -> bool:
        return (
            besoin == r.besoin.value
            if r.besoin is not None
            else besoin in besoins_de.get(r.mesure, set())
        )

    recues = [r for r in profil.mesures_recues if vise(r)]
    if any(not r.efficace for r in recues):
        return None
    jugees = [r for r in recues if r.bilan is not None]
    if not jugees:
        return None
    rang = {"individuel": 2, "cible": 1, "universel": 0}
    derniere = max(jugees, key=lambda r: (r.bilan, rang[niveaux.get(r.mesure, "universel")]))
    niveau = niveaux.get(derniere.mesure, "universel")
    if niveau == "universel":
        return None
    if genre == "bilan_efficace":
        d = derniere.bilan
        assert d is not None  # jugees ne garde que les revues qui ont un bilan
        return d.year * 10000 + d.month * 100 + d.day
    return "vers_cible" if niveau == "individuel" else "vers_universel"
