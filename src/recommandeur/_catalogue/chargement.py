"""Chargement et validation du dossier du catalogue : tous les problèmes, ou un catalogue entier."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .._base.entrees import identifiant, lire_entrees, lire_identifiee
from .._base.erreurs import ErreurCatalogue, Probleme, renvoi_inconnu, suggerer
from .._base.fichiers import Dossier, dossier_livre, en_dossier
from .._profil.modeles import PRESENCES
from .._vocabulaire import Ordre
from .capacite import ParametreCapacite, lire_capacite, verifier_capacite
from .deploiement import Etape, Heures, verifier_etape, verifier_heures
from .documents import lire_documents, titrer
from .modeles import Acteur, Catalogue, Intervenant, Mesure
from .programme import ORDRES_DU_CSSPS, lire_programme
from .sources import (
    GENRES_DU_CATALOGUE,
    UNIQUES_DU_CATALOGUE,
    documents_livres,
    lire_sources,
    sources_livrees,
    verifier_cles,
)
from .surcouche import Surcouche, fusionner, lire_surcouche

GENRES = GENRES_DU_CATALOGUE
UNIQUES = UNIQUES_DU_CATALOGUE


def _analyser(
    dossier: Dossier | None, surcouche: Dossier | Surcouche | None = None
) -> tuple[Catalogue | None, list[Probleme]]:
    racine = dossier_livre("catalogue") if dossier is None else en_dossier(dossier, "catalogue")
    problemes: list[Probleme] = []
    acteurs: dict[str, tuple[str, Acteur]] = {}
    mesures: dict[str, tuple[str, Mesure]] = {}
    invalides: set[str] = set()  # entrées refusées : ne pas signaler aussi chaque renvoi vers elles
    refusees: list[tuple[str, str, tuple[str, ...]]] = []  # leurs sources, vérifiées quand même
    version, entrees = lire_entrees(racine, GENRES, problemes, UNIQUES)
    if surcouche is not None:
        dessus = lire_surcouche(surcouche)
        problemes.extend(dessus.problemes)
        entrees = fusionner(entrees, dessus.catalogue)
        version = dessus.version_sur(version or "")
    propres = lire_sources(entrees, problemes)
    documents = lire_documents(entrees, problemes) or list(documents_livres())
    origines = {str(b.get("cle")): nom for nom, genre, _, b in entrees if genre == "source"}
    propres = titrer(propres, documents, problemes, origines)
    sources = propres or list(sources_livrees())
    ressources: dict[str, bool] = {}
    ordres: tuple[Ordre, ...] = ORDRES_DU_CSSPS
    etapes: dict[str, tuple[str, Etape]] = {}
    heures: dict[str, tuple[str, Heures]] = {}
    capacite: dict[str, tuple[str, ParametreCapacite]] = {}
    for nom, genre, rang, brute in entrees:
        if genre == "capacite":
            lire_capacite(nom, rang, brute, capacite, problemes)
        elif genre == "etape":
            lire_identifiee(Etape, nom, rang, brute, etapes, problemes, genre="étape")
        elif genre == "heures":  # la dernière d'une mesure l'emporte
            lire_identifiee(
                Heures, nom, rang, brute, heures, problemes, genre="heures", cle="mesure",
                prefixe="heures ", remplacer=True,
            )  # fmt: skip
        elif genre == "ressources":
            ressources.update(_ressources(nom, brute, problemes))
        elif genre == "programme":  # la surcouche, lue après la base, l'emporte
            ordres = lire_programme(nom, brute, problemes) or ordres
        elif genre in ("acteur", "mesure"):
            modele: type[Acteur] | type[Mesure] = Acteur if genre == "acteur" else Mesure
            depot: dict[str, Any] = acteurs if genre == "acteur" else mesures
            if lire_identifiee(modele, nom, rang, brute, depot, problemes, genre=genre) is None:
                ident = identifiant(brute, genre, rang)
                invalides.add(ident)
                if _cles_lisibles(brute.get("sources")):
                    refusees.append((nom, ident, tuple(brute["sources"])))
    cles = {s.cle for s in sources}
    for depot_valide in (acteurs, mesures):
        for nom, valide in depot_valide.values():
            problemes.extend(verifier_cles(valide.sources, cles, fichier=nom, id=valide.id))
    for nom, ident, cles_ecrites in refusees:
        problemes.extend(verifier_cles(cles_ecrites, cles, fichier=nom, id=ident))
    problemes.extend(_references(acteurs, mesures, invalides))
    # les sources livrées parlent des acteurs livrés : seules celles du dossier sont vérifiées
    for source in propres:
        if source.sujet is not None and source.sujet not in acteurs | dict.fromkeys(invalides):
            problemes.append(
                renvoi_inconnu(
                    "acteur inconnu du catalogue",
                    source.sujet,
                    acteurs,
                    fichier="sources.toml",
                    id=source.cle,
                    champ="sujet",
                )
            )
    for nom, duree in heures.values():
        problemes.extend(verifier_heures(nom, duree, mesures, invalides))
    for nom, parametre in capacite.values():
        problemes.extend(verifier_capacite(nom, parametre, acteurs, invalides))
    for nom, etape in etapes.values():
        problemes.extend(verifier_cles(etape.sources, cles, fichier=nom, id=etape.id))
        problemes.extend(verifier_etape(nom, etape, mesures, acteurs, invalides))
    if problemes:
        return None, problemes
    catalogue = Catalogue(
        version=version or "",
        mesures=tuple(m for _, m in mesures.values()),
        acteurs=tuple(a for _, a in acteurs.values()),
        sources=tuple(sources),
        ressources=ressources,
        etapes=tuple(e for _, e in etapes.values()),
        heures={m: h for m, (_, h) in heures.items()},
        ordres_du_programme=ordres,
        capacite={p: c for p, (_, c) in capacite.items()},
    )
    return catalogue, []


def _cles_lisibles(valeur: object) -> bool:
    """Vrai si ``valeur`` est une liste de chaînes (des clés de sources qu'on peut vérifier)."""
    return isinstance(valeur, list) and all(isinstance(v, str) for v in valeur)


def _ressources(nom: str, table: dict[str, Any], problemes: list[Probleme]) -> dict[str, bool]:
    """Les ressources déclarées par le centre : ``[ressources]`` → présence (vrai ou faux)."""
    lues: dict[str, bool] = {}
    for cle, valeur in table.items():
        if cle not in PRESENCES:
            problemes.append(
                Probleme(
                    f"ressource inconnue ; attendu : {', '.join(PRESENCES)}",
                    fichier=nom,
                    id="ressources",
                    champ=cle,
                    suggestions=suggerer(cle, PRESENCES),
                )
            )
        elif not isinstance(valeur, bool):
            problemes.append(
                Probleme(
                    "attendu un booléen (true ou false)",
                    fichier=nom,
                    id="ressources",
                    champ=cle,
                    valeur=valeur,
                )
            )
        else:
            lues[cle] = valeur
    return lues


def _references(
    acteurs: dict[str, tuple[str, Acteur]],
    mesures: dict[str, tuple[str, Mesure]],
    invalides: set[str],
) -> Iterator[Probleme]:
    if not acteurs and mesures:
        yield Probleme("aucun acteur défini ([[acteur]])")
    for nom, acteur in acteurs.values():
        champ = acteur.presence.removeprefix("ecole.")
        if acteur.presence.startswith("ecole.") and champ not in PRESENCES:
            yield renvoi_inconnu(
                f"champ de présence inconnu ; attendu : toujours, a_confirmer ou ecole.<{'|'.join(PRESENCES)}>",
                acteur.presence,
                [f"ecole.{p}" for p in PRESENCES],
                fichier=nom,
                id=acteur.id,
                champ="presence",
            )
    for nom, mesure in mesures.values():
        vus: set[str] = set()
        for rang, intervenant in enumerate(mesure.intervenants):
            yield from _intervenant(
                nom, mesure.id, f"intervenants[{rang}]", intervenant, acteurs, invalides
            )
            if intervenant.acteur in vus:
                yield Probleme(
                    "intervenant répété",
                    fichier=nom,
                    id=mesure.id,
                    champ=f"intervenants[{rang}].acteur",
                    valeur=intervenant.acteur,
                )
            vus.add(intervenant.acteur)
        for rang, partenaire in enumerate(mesure.partenaires):
            if partenaire in invalides:
                continue
            if partenaire not in acteurs:
                yield renvoi_inconnu(
                    "acteur inconnu",
                    partenaire,
                    acteurs,
                    fichier=nom,
                    id=mesure.id,
                    champ=f"partenaires[{rang}]",
                )
            elif partenaire in {i.acteur for i in mesure.intervenants}:
                yield Probleme(
                    "un intervenant de la mesure ne peut pas être aussi partenaire",
                    fichier=nom,
                    id=mesure.id,
                    champ=f"partenaires[{rang}]",
                    valeur=partenaire,
                )
        if len(set(mesure.partenaires)) != len(mesure.partenaires):
            yield Probleme("partenaire répété", fichier=nom, id=mesure.id, champ="partenaires")


def _intervenant(
    nom: str,
    mesure: str,
    champ: str,
    intervenant: Intervenant,
    acteurs: dict[str, tuple[str, Acteur]],
    invalides: set[str],
) -> Iterator[Probleme]:
    """Les problèmes d'un intervenant : acteur inconnu, ligne qui n'est pas dans son rôle."""
    trouve = acteurs.get(intervenant.acteur)
    if intervenant.acteur in invalides:
        return
    if trouve is None:
        yield renvoi_inconnu(
            "acteur inconnu",
            intervenant.acteur,
            acteurs,
            fichier=nom,
            id=mesure,
            champ=f"{champ}.acteur",
        )
    elif intervenant.role is not None and intervenant.role not in trouve[1].role:
        yield renvoi_inconnu(
            f"cette ligne n'est pas dans le rôle de l'acteur '{trouve[1].id}' ({trouve[0]})",
            intervenant.role,
            trouve[1].role,
            fichier=nom,
            id=mesure,
            champ=f"{champ}.role",
        )


def iter_erreurs_catalogue(
    dossier: Dossier | None = None, *, surcouche: Dossier | Surcouche | None = None
) -> Iterator[Probleme]:
    """Tous les problèmes d'un dossier de catalogue (et d'une surcouche), sans s'arrêter au premier.

    >>> list(iter_erreurs_catalogue())
    []
    """
    yield from _analyser(dossier, surcouche)[1]


def charger_catalogue(
    dossier: Dossier | None = None, *, surcouche: Dossier | Surcouche | None = None
) -> Catalogue:
    """Charge et valide un dossier de catalogue (le catalogue livré par défaut).

    Un dossier invalide est refusé en entier : :class:`ErreurCatalogue` nomme le
    fichier, l'identifiant, le champ et la valeur du premier problème, et
    ``problemes`` les donne tous. ``surcouche`` : le dossier d'un centre de services posé
    par-dessus (voir ``docs/programme.md``).

    >>> cat = charger_catalogue()
    >>> len(cat.mesures) > 30
    True
    """
    catalogue, problemes = _analyser(dossier, surcouche)
    if catalogue is None:
        raise ErreurCatalogue(problemes)
    return catalogue
