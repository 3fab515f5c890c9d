"""Chargement d'un dossier de règles : tous les problèmes, ou une base de règles entière."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from .._base.entrees import identifiant, lire_entrees
from .._base.erreurs import ErreurRegle, Probleme, suggerer
from .._base.fichiers import Dossier, dossier_livre, en_dossier
from .._base.messages import valider_entree
from .._catalogue.chargement import charger_catalogue
from .._catalogue.modeles import Catalogue
from .._catalogue.surcouche import (
    Surcouche,
    ajuster,
    fusionner,
    lire_surcouche,
    parametres_inconnus,
)
from .base import AccesDonnees, BaseDeRegles
from .compilation_regle import compiler_regle
from .declarations import Explication
from .diagnostic import problemes_d_une_regle_refusee
from .parametres import lire_parametres
from .regle import RegleCompilee
from .syntaxe import RegleSource


def _analyser(
    dossier: Dossier | None,
    catalogue: Catalogue | None,
    surcouche: Dossier | Surcouche | None = None,
) -> tuple[BaseDeRegles | None, list[Probleme]]:
    """La base compilée et ses problèmes ; sans catalogue (il est invalide), les seuls problèmes
    qui n'en dépendent pas, et jamais de base."""
    racine = dossier_livre("regles") if dossier is None else en_dossier(dossier, "regles")
    problemes: list[Probleme] = []
    regles: dict[str, RegleCompilee] = {}
    version, entrees = lire_entrees(racine, ("regle", "explication", "parametre"), problemes)
    if surcouche is not None:
        # les problèmes de lecture de la surcouche sont dits par le catalogue, une fois
        dessus = lire_surcouche(surcouche)
        dessus_valides = parametres_inconnus(entrees, dessus, problemes)
        entrees = ajuster(fusionner(entrees, dessus_valides), dessus, problemes)
        version = dessus.version_sur(version or "")
    explications: list[tuple[str, Explication]] = []
    ecrites: set[str] = set()  # les identifiants de toutes les règles écrites, même refusées
    parametres = lire_parametres(entrees, problemes)
    for nom, genre, rang, brute in entrees:
        if genre == "parametre":
            continue
        if genre == "explication":
            explication = valider_entree(
                Explication, brute, problemes, fichier=nom, id=f"explication n° {rang + 1}"
            )
            if explication is not None:
                explications.append((nom, explication))
            continue
        ident = identifiant(brute, "règle", rang)
        ecrites.add(ident)
        source = valider_entree(RegleSource, brute, problemes, fichier=nom, id=ident)
        if source is None:
            problemes.extend(
                problemes_d_une_regle_refusee(brute, nom, ident, catalogue, parametres)
            )
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
        for resultat in compiler_regle(source, nom, catalogue, parametres):
            if isinstance(resultat, Probleme):
                problemes.append(resultat)
            else:
                regles[resultat.id] = resultat
    if not ecrites and not problemes:
        desactivees = (
            [f for f, a in lire_surcouche(surcouche).ajustements if a.desactiver]
            if surcouche
            else []
        )
        if desactivees:  # la surcouche a tout retiré : c'est elle qu'il faut corriger
            problemes.append(
                Probleme(
                    "la surcouche désactive toutes les règles : il n'en reste aucune",
                    fichier=desactivees[0],
                    id="ajustements",
                    champ="desactiver",
                )
            )
        else:
            problemes.append(Probleme("aucune règle définie ([[regle]])", fichier=str(racine)))
    problemes.extend(_references_des_explications(explications, ecrites, catalogue))
    if problemes or catalogue is None:
        return None, problemes
    base = BaseDeRegles(
        version=version or "",
        regles=tuple(regles.values()),
        explications=tuple(explications),
        parametres=tuple(parametres.values()),
    )
    return base, []


def _references_des_explications(
    explications: list[tuple[str, Explication]],
    regles: set[str],
    catalogue: Catalogue | None,
) -> Iterator[Probleme]:
    references = [("regle", tuple(sorted(regles)), "règle inconnue")]
    if catalogue is not None:
        references += [
            ("mesure", catalogue.ids_mesures, "mesure inconnue"),
            ("acteur", catalogue.ids_acteurs, "acteur inconnu"),
        ]
    for nom, explication in explications:
        for champ, ids, genre in references:
            valeur = getattr(explication, champ)
            if valeur is not None and valeur not in ids:
                yield Probleme(
                    genre,
                    fichier=nom,
                    id=f"explication {explication.constat}",
                    champ=champ,
                    valeur=valeur,
                    suggestions=suggerer(valeur, ids),
                )


def iter_erreurs_regles(
    catalogue: Catalogue,
    dossier: Dossier | None = None,
    *,
    surcouche: Dossier | Surcouche | None = None,
) -> Iterator[Probleme]:
    """Tous les problèmes d'un dossier de règles (et d'une surcouche), vérifié contre ``catalogue``.

    >>> from recommandeur import charger_catalogue
    >>> list(iter_erreurs_regles(charger_catalogue()))
    []
    """
    yield from _analyser(dossier, catalogue, surcouche)[1]


def erreurs_sans_catalogue(
    dossier: Dossier | None = None, *, surcouche: Dossier | Surcouche | None = None
) -> list[Probleme]:
    """Les problèmes d'un dossier de règles qui ne dépendent pas du catalogue (syntaxe, clés,
    opérateurs, champs du profil, types, paramètres, gabarits) : ce que ``verifier`` dit encore
    quand le catalogue lui-même est invalide.

    >>> erreurs_sans_catalogue()
    []
    """
    return _analyser(dossier, None, surcouche)[1]


def charger_regles(
    catalogue: Catalogue,
    dossier: Dossier | None = None,
    *,
    surcouche: Dossier | Surcouche | None = None,
) -> BaseDeRegles:
    """Charge, vérifie et compile un dossier de règles (les règles livrées par défaut).

    Un dossier invalide est refusé en entier : :class:`ErreurRegle` nomme le
    fichier, la règle, le champ et la valeur du premier problème.

    >>> from recommandeur import charger_catalogue
    >>> base = charger_regles(charger_catalogue())
    >>> len(base.regles) > 20
    True
    """
    base, problemes = _analyser(dossier, catalogue, surcouche)
    if base is None:
        raise ErreurRegle(problemes)
    return base


@dataclass(frozen=True)
class Donnees(AccesDonnees):
    """Un catalogue et une base de règles compilée contre lui : ce qu'analysent la couverture et le graphe.

    Un :class:`~recommandeur.Moteur` a les mêmes attributs ; ces données-ci se chargent sans
    le moteur (sans durable-rules).
    """

    catalogue: Catalogue
    base: BaseDeRegles


@functools.cache
def donnees_livrees() -> Donnees:
    """Le catalogue et les règles livrés, chargés une fois (sans construire de moteur).

    >>> donnees_livrees().version_regles == charger_regles(charger_catalogue()).version
    True
    """
    catalogue = charger_catalogue()
    return Donnees(catalogue, charger_regles(catalogue))


class APourDonnees(Protocol):
    """Ce qui porte un catalogue et une base de règles : un :class:`~recommandeur.Moteur`, des :class:`Donnees`."""

    @property
    def catalogue(self) -> Catalogue:
        """Le catalogue."""
        ...

    @property
    def base(self) -> BaseDeRegles:
        """La base de règles compilée contre ce catalogue."""
        ...


def donnees_de(source: APourDonnees | None) -> Donnees:
    """Les données à analyser : celles de ``source``, ou les données livrées si ``None``.

    >>> donnees_de(None) is donnees_livrees()
    True
    """
    if source is None:
        return donnees_livrees()
    if isinstance(source, Donnees):
        return source
    return Donnees(source.catalogue, source.base)
