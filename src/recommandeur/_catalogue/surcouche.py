"""La surcouche d'un centre de services : ses ressources, mesures, acteurs, règles et seuils.

Un dossier de surcouche se lit comme les dossiers livrés (mêmes fichiers TOML sûrs, mêmes
tables) et se pose **par-dessus** la base :

- ``[[acteur]]``, ``[[mesure]]``, ``[[source]]``, ``[[regle]]``, ``[[explication]]`` : une
  entrée dont l'identifiant existe dans la base la **remplace** entière ; les autres s'ajoutent ;
- ``[[parametre]]`` : les clés données **mettent à jour** le paramètre de la base de même
  identifiant (en général seulement ``valeur``, un seuil) ;
- ``[ressources]`` : les ressources présentes dans tout le centre, qui s'ajoutent à celles de
  la base (et l'emportent) ;
- ``[ajustements]`` : ``desactiver = ["id_de_regle", ...]`` et
  ``poids = [{ regle = "...", mesure = "...", poids = 2.0 }, ...]``.

La base effective est validée comme la base livrée : tous les problèmes à la fois, chacun
avec son fichier (``nom_du_dossier/fichier.toml``), son identifiant, son champ et une
suggestion. Les versions se composent : ``2026.11.1+ma-surcouche``.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .._base.entrees import lire_entrees
from .._base.erreurs import Probleme, suggerer
from .._base.fichiers import Dossier, en_dossier
from .._base.messages import valider_entree
from .._base.schema_json import nettoyer_schema
from .sources import GENRES_DU_CATALOGUE

#: Une entrée lue : (fichier, genre, rang, table).
Entree = tuple[str, str, int, dict[str, Any]]

GENRES_CATALOGUE = GENRES_DU_CATALOGUE
GENRES_REGLES = ("regle", "explication", "parametre")
UNIQUES = ("ressources", "programme", "ajustements")


class Poids(BaseModel):
    """Un poids changé : celui de la mesure ``mesure`` dans la règle ``regle``."""

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, extra="forbid", frozen=True)

    regle: str = Field(min_length=1)
    mesure: str = Field(min_length=1)
    poids: float = Field(gt=0, le=100)


class Ajustements(BaseModel):
    """Les ajustements d'une surcouche aux règles de la base."""

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, extra="forbid", frozen=True)

    desactiver: tuple[str, ...] = ()
    poids: tuple[Poids, ...] = ()


@dataclass(frozen=True)
class Surcouche:
    """Une surcouche lue : sa version, ses entrées par côté, ses ajustements et ses problèmes."""

    nom: str
    version: str | None
    catalogue: list[Entree] = field(default_factory=list)
    regles: list[Entree] = field(default_factory=list)
    ajustements: list[tuple[str, Ajustements]] = field(default_factory=list)
    #: Les problèmes de lecture (fichiers, tables) : dits une fois, par le catalogue.
    problemes: list[Probleme] = field(default_factory=list)

    def version_sur(self, base: str) -> str:
        """La version composée : ``base+surcouche``."""
        return f"{base}+{self.version}" if self.version else base


def lire_surcouche(dossier: Dossier | Surcouche) -> Surcouche:
    """Lit un dossier de surcouche, sans rien valider des entrées elles-mêmes (une surcouche
    déjà lue est rendue telle quelle : le catalogue et les règles la lisent une fois)."""
    if isinstance(dossier, Surcouche):
        return dossier
    racine = en_dossier(dossier, "surcouche")
    nom = racine.name
    problemes: list[Probleme] = []
    version, entrees = lire_entrees(racine, (*GENRES_CATALOGUE, *GENRES_REGLES), problemes, UNIQUES)
    entrees = [(f"{nom}/{fichier}", genre, rang, brute) for fichier, genre, rang, brute in entrees]
    problemes = [
        dataclasses.replace(p, fichier=f"{nom}/{p.fichier}")
        if p.fichier and p.fichier.endswith(".toml") and "/" not in p.fichier
        else p
        for p in problemes
    ]
    ajustements: list[tuple[str, Ajustements]] = []
    for fichier, genre, _, brute in entrees:
        if genre == "ajustements":
            lus = valider_entree(Ajustements, brute, problemes, fichier=fichier, id="ajustements")
            if lus is not None:
                ajustements.append((fichier, lus))
    return Surcouche(
        nom=nom,
        version=version,
        catalogue=[e for e in entrees if e[1] in (*GENRES_CATALOGUE, "ressources", "programme")],
        regles=[e for e in entrees if e[1] in GENRES_REGLES],
        ajustements=ajustements,
        problemes=problemes,
    )


def _cle(entree: Entree) -> tuple[str, str] | None:
    genre, brute = entree[1], entree[3]
    cle = "cle" if genre == "source" else "id"
    if genre == "explication":
        return None  # les explications s'ajoutent toujours
    if genre == "document":  # un document : son fichier et le début de ses clés
        fichier, debut = brute.get("fichier"), brute.get("cles", "")
        ok = isinstance(fichier, str) and isinstance(debut, str)
        return (genre, f"{fichier}|{debut}") if ok else None
    valeur = brute.get(cle)
    return (genre, valeur) if isinstance(valeur, str) else None


def fusionner(base: Sequence[Entree], dessus: Sequence[Entree]) -> list[Entree]:
    """Les entrées de la base, remplacées ou complétées par celles de la surcouche.

    >>> b = [("b.toml", "mesure", 0, {"id": "m", "libelle": "base"})]
    >>> d = [("s/d.toml", "mesure", 0, {"id": "m", "libelle": "centre"}),
    ...      ("s/d.toml", "mesure", 1, {"id": "n", "libelle": "nouvelle"})]
    >>> [(f, t["libelle"]) for f, _, _, t in fusionner(b, d)]
    [('s/d.toml', 'centre'), ('s/d.toml', 'nouvelle')]
    >>> p = [("p.toml", "parametre", 0, {"id": "seuil", "valeur": 0.3, "champ": "x"})]
    >>> fusionner(p, [("s/p.toml", "parametre", 0, {"id": "seuil", "valeur": 0.25})])[0][3]
    {'id': 'seuil', 'valeur': 0.25, 'champ': 'x'}
    """
    resultat = list(base)
    index = {k: i for i, e in enumerate(resultat) if (k := _cle(e)) is not None}
    for entree in dessus:
        cle = _cle(entree)
        if cle is not None and cle in index:
            ancienne = resultat[index[cle]]
            if entree[1] in ("parametre", "capacite"):  # les clés données seulement
                entree = (entree[0], entree[1], entree[2], {**ancienne[3], **entree[3]})
            resultat[index[cle]] = entree
        else:
            if cle is not None:
                index[cle] = len(resultat)
            resultat.append(entree)
    return resultat


def parametres_inconnus(
    base: Sequence[Entree], surcouche: Surcouche, problemes: list[Probleme]
) -> list[Entree]:
    """Les paramètres de la surcouche, sans ceux qui n'existent pas dans la base et ne
    sont pas complets (une faute de frappe : ``seuil_imsee``), dits avec une suggestion."""
    connus = [e[3].get("id") for e in base if e[1] == "parametre"]
    gardes = []
    for entree in surcouche.regles:
        brute = entree[3]
        ident = brute.get("id")
        if entree[1] == "parametre" and ident not in connus and "champ" not in brute:
            problemes.append(
                Probleme(
                    "paramètre inconnu de la base (un nouveau paramètre a aussi 'champ', "
                    "'libelle' et 'origine')",
                    fichier=entree[0],
                    id=str(ident),
                    champ="id",
                    valeur=ident,
                    suggestions=suggerer(str(ident), [str(c) for c in connus]),
                    code="inconnu",
                )
            )
        else:
            gardes.append(entree)
    return gardes


def ajuster(entrees: list[Entree], surcouche: Surcouche, problemes: list[Probleme]) -> list[Entree]:
    """Les entrées de règles après les ajustements : règles désactivées, poids changés."""
    regles = {e[3].get("id"): i for i, e in enumerate(entrees) if e[1] == "regle"}
    ids = [r for r in regles if isinstance(r, str)]
    retirees: set[str] = set()
    resultat = [(f, g, r, copy.deepcopy(b)) for f, g, r, b in entrees]
    for fichier, ajustement in surcouche.ajustements:
        for rang, rid in enumerate(ajustement.desactiver):
            if rid not in regles:
                problemes.append(
                    Probleme(
                        "règle inconnue de la base",
                        fichier=fichier,
                        id="ajustements",
                        champ=f"desactiver[{rang}]",
                        valeur=rid,
                        suggestions=suggerer(rid, ids),
                    )
                )
            retirees.add(rid)
        for rang, poids in enumerate(ajustement.poids):
            chemin = f"poids[{rang}]"
            if poids.regle not in regles:
                problemes.append(
                    Probleme(
                        "règle inconnue de la base",
                        fichier=fichier,
                        id="ajustements",
                        champ=f"{chemin}.regle",
                        valeur=poids.regle,
                        suggestions=suggerer(poids.regle, ids),
                    )
                )
                continue
            brute = resultat[regles[poids.regle]][3]
            recommande = brute.get("recommande")
            cibles = [
                r
                for r in (recommande if isinstance(recommande, list) else [])
                if isinstance(r, dict)
            ]
            trouvees = [r for r in cibles if r.get("mesure") == poids.mesure]
            if not trouvees:
                problemes.append(
                    Probleme(
                        f"la règle '{poids.regle}' ne recommande pas cette mesure",
                        fichier=fichier,
                        id="ajustements",
                        champ=f"{chemin}.mesure",
                        valeur=poids.mesure,
                        suggestions=suggerer(poids.mesure, [str(r.get("mesure")) for r in cibles]),
                    )
                )
            for r in trouvees:
                r["poids"] = poids.poids
    return [
        e
        for e in resultat
        if not (e[1] == "regle" and e[3].get("id") in retirees)
        and not (e[1] == "explication" and e[3].get("regle") in retirees)
    ]
