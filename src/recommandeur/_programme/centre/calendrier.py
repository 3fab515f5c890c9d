"""Le calendrier du centre : les étapes 01 à 09 de la démarche du CSSPS (003), datées pour le plan.

Les étapes sont des données (``catalogue/centre/calendrier.toml``, ``[[etape]]`` : numéro,
libellé, actions citées, responsables, produit, ``debut`` et ``fin`` en mois relatifs à
l'année scolaire servie, sources) ; une surcouche en remplace ou en ajoute dans
``<surcouche>/centre/calendrier.toml`` (même ``id`` : remplacée).

**L'année servie** est celle de la prochaine rentrée : la première année scolaire qui commence
(en septembre) après la date du plan. Chaque étape y reçoit ses mois réels. Une étape dont la
période est déjà finie à la date du plan est **reportée à l'année suivante** : elle garde ses
mois, un an plus tard, et sert l'année scolaire d'après (``statut = "reportee"``, sa note le
dit). Les étapes se suivent dans l'ordre de leur numéro : une étape qui suit une étape reportée
l'est aussi (la part de tâche ne se fixe pas avant la consultation syndicale), même commencée.
Une étape commencée et pas finie est ``en_cours`` ; les autres, ``a_venir``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..._base.entrees import lire_entrees
from ..._base.erreurs import ErreurArgument, ErreurCatalogue
from ..._base.fichiers import Dossier, dossier_livre, en_dossier
from ..._base.messages import valider_entree
from ..._base.probleme import Probleme
from ..._base.schema_json import nettoyer_schema
from ..._base.suggestions import suggerer
from ..._catalogue.modeles import Catalogue

if TYPE_CHECKING:
    from ..._moteur.moteur import Moteur

MOIS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
STATUTS = {"a_venir": "à venir", "en_cours": "en cours", "reportee": "reportée à l'année suivante"}


class _Donnee(BaseModel):
    model_config = ConfigDict(
        json_schema_extra=nettoyer_schema, frozen=True, extra="forbid", str_strip_whitespace=True
    )


class MoisRelatif(_Donnee):
    """Un mois relatif à l'année scolaire servie : ``annee = 0`` est l'année de sa rentrée."""

    annee: int = Field(ge=-2, le=2)
    mois: int = Field(ge=1, le=12)


class EtapeCentre(_Donnee):
    """Une étape du calendrier du centre, telle qu'écrite dans les données."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)
    numero: str = Field(min_length=1, max_length=10)
    libelle: str = Field(min_length=1, max_length=300)
    actions: tuple[str, ...] = Field(min_length=1)
    responsables: tuple[str, ...] = Field(min_length=1)
    produit: str = Field(min_length=1, max_length=500)
    debut: MoisRelatif
    fin: MoisRelatif
    quand: str = Field(min_length=1, max_length=200)
    sources: tuple[str, ...] = Field(min_length=1)


class EtapeCalendrier(BaseModel):
    """Une étape du calendrier du centre, datée pour le plan : mois, statut, responsables."""

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)

    id: str
    numero: str
    etape: str
    actions: list[str]
    #: Les responsables, en libellés (« PANE (à confirmer) » si le centre ne le dit pas).
    responsables: list[str]
    produit: str
    debut: dt.date
    fin: dt.date
    #: L'année scolaire que l'étape sert (« 2027-2028 »).
    annee_scolaire: str
    statut: Literal["a_venir", "en_cours", "reportee"]
    #: La période en mots (« décembre 2026 à février 2027 ») et, pour une étape reportée, pourquoi.
    quand: str
    #: La période de 003, telle qu'il l'écrit.
    quand_003: str
    sources: list[str]


def rentree(date: dt.date) -> int:
    """L'année de la prochaine rentrée : la première en septembre après ``date``.

    >>> rentree(dt.date(2026, 12, 4)), rentree(dt.date(2026, 8, 31)), rentree(dt.date(2026, 9, 1))
    (2027, 2026, 2027)
    """
    return date.year + 1 if date.month >= 9 else date.year


def _periode(debut: dt.date, fin: dt.date) -> str:
    if (debut.year, debut.month) == (fin.year, fin.month):
        return f"{MOIS[debut.month - 1]} {debut.year}"
    if debut.year == fin.year:
        return f"{MOIS[debut.month - 1]} à {MOIS[fin.month - 1]} {fin.year}"
    return f"{MOIS[debut.month - 1]} {debut.year} à {MOIS[fin.month - 1]} {fin.year}"


def _bornes(etape: EtapeCentre, annee: int) -> tuple[dt.date, dt.date]:
    debut = dt.date(annee + etape.debut.annee, etape.debut.mois, 1)
    a, m = annee + etape.fin.annee, etape.fin.mois
    return debut, dt.date(a, m, calendar.monthrange(a, m)[1])


def dater(
    etapes: Sequence[EtapeCentre], date: dt.date, responsables: dict[str, str]
) -> list[EtapeCalendrier]:
    """Les étapes datées pour un plan fait le ``date``, triées par date de début.

    >>> e = EtapeCentre(id="x", numero="05", libelle="Nommer", actions=["a"],
    ...     responsables=["ressources_humaines"], produit="p", debut={"annee": 0, "mois": 5},
    ...     fin={"annee": 0, "mois": 5}, quand="mai 2022", sources=["s"])
    >>> [(d.statut, d.quand, d.annee_scolaire) for d in dater([e], dt.date(2026, 12, 4), {})]
    [('a_venir', 'mai 2027', '2027-2028')]
    >>> [(d.statut, d.quand) for d in dater([e], dt.date(2026, 6, 1), {})]
    [('reportee', 'mai 2027 (sa période pour 2026-2027, mai 2026, est passée)')]
    """
    annee = rentree(date)
    datees = []
    precedente: tuple[int, str] | None = None  # l'année servie de l'étape d'avant, son numéro
    for etape in sorted(etapes, key=lambda e: e.numero):
        servie = annee
        debut, fin = _bornes(etape, servie)
        passee = ""
        if fin < date:
            passee = f" (sa période pour {servie}-{servie + 1}, {_periode(debut, fin)}, est passée)"
            servie += 1
            debut, fin = _bornes(etape, servie)
        if precedente is not None and precedente[0] > servie:
            # une étape suit celles dont elle dépend : jamais avant une étape reportée
            passee = f" (après l'étape {precedente[1]}, reportée à l'année suivante)"
            servie = precedente[0]
            debut, fin = _bornes(etape, servie)
        precedente = (servie, etape.numero)
        statut: Literal["a_venir", "en_cours", "reportee"] = (
            "reportee" if passee else "en_cours" if debut <= date else "a_venir"
        )
        datees.append(
            EtapeCalendrier(
                id=etape.id,
                numero=etape.numero,
                etape=etape.libelle,
                actions=list(etape.actions),
                responsables=[responsables.get(r, r) for r in etape.responsables],
                produit=etape.produit,
                debut=debut,
                fin=fin,
                annee_scolaire=f"{servie}-{servie + 1}",
                statut=statut,
                quand=_periode(debut, fin) + passee,
                quand_003=etape.quand,
                sources=list(etape.sources),
            )
        )
    return sorted(datees, key=lambda d: (d.debut, d.numero))


def charger_calendrier(
    catalogue: Catalogue, dossier: Dossier | None = None, surcouche: Dossier | None = None
) -> list[EtapeCentre]:
    """Les étapes du calendrier : celles du catalogue (``centre/`` de son dossier, sinon les
    données livrées), remplacées ou complétées par celles de la surcouche.

    Lève :class:`~recommandeur.ErreurCatalogue` (toutes les fautes à la fois, chacune avec son
    fichier, son étape et son champ) si une étape est invalide ou cite un acteur, une source
    inconnus.

    >>> from recommandeur import Moteur
    >>> [e.numero for e in charger_calendrier(Moteur.depuis().catalogue)][:3]
    ['01', '02', '03']
    """
    problemes: list[Probleme] = []
    racine = en_dossier(dossier, "catalogue") if dossier is not None else dossier_livre("catalogue")
    sous = racine.joinpath("centre")
    if dossier is not None and not sous.is_dir():
        sous = dossier_livre("catalogue").joinpath("centre")
    etapes: dict[str, tuple[str, EtapeCentre]] = {}
    dossiers = [("centre", sous)]
    if surcouche is not None:
        dessus = en_dossier(surcouche, "surcouche").joinpath("centre")
        if dessus.is_dir():
            dossiers.append((f"{en_dossier(surcouche).name}/centre", dessus))
    for prefixe, lu in dossiers:
        _, entrees = lire_entrees(lu, ("etape",), problemes)
        for nom, _, rang, brute in entrees:
            ident = str(brute.get("id", f"etape {rang + 1}"))
            etape = valider_entree(
                EtapeCentre, brute, problemes, fichier=f"{prefixe}/{nom}", id=ident
            )
            if etape is not None:
                etapes[etape.id] = (f"{prefixe}/{nom}", etape)
    connus = {"responsables": catalogue.ids_acteurs, "sources": {s.cle for s in catalogue.sources}}
    for nom, etape in etapes.values():
        for champ, valeurs in (("responsables", etape.responsables), ("sources", etape.sources)):
            for rang, valeur in enumerate(valeurs):
                if valeur not in connus[champ]:
                    quoi = (
                        "acteur inconnu du catalogue"
                        if champ == "responsables"
                        else "source inconnue"
                    )
                    problemes.append(
                        Probleme(
                            quoi,
                            fichier=nom,
                            id=etape.id,
                            champ=f"{champ}[{rang}]",
                            valeur=valeur,
                            suggestions=suggerer(valeur, sorted(connus[champ])),
                            code="inconnu",
                        )
                    )
    if problemes:
        raise ErreurCatalogue(problemes)
    return [e for _, e in etapes.values()]


def responsables_du_centre(catalogue: Catalogue) -> dict[str, str]:
    """Le libellé de chaque acteur comme responsable d'une étape du centre : présent, ou dit
    « à confirmer » (ou absent) selon les ressources du centre.

    >>> from recommandeur import Moteur
    >>> r = responsables_du_centre(Moteur.depuis().catalogue)
    >>> r["ressources_humaines"], r["pane"]
    ('Service des ressources humaines', "Professionnelle à l'accompagnement des nouveaux enseignants (PANE) (à confirmer)")
    """
    libelles = {}
    for acteur in catalogue.acteurs:
        presence = acteur.presence
        valeur: bool | None = True if presence == "toujours" else None
        if presence.startswith("ecole."):
            valeur = catalogue.ressources.get(presence.removeprefix("ecole."))
        if valeur is True:
            libelles[acteur.id] = acteur.libelle
        elif valeur is False:
            libelles[acteur.id] = f"{acteur.libelle} (absente du centre : à nommer ou à remplacer)"
        else:
            libelles[acteur.id] = f"{acteur.libelle} (à confirmer)"
    return libelles


def date_dite(date: dt.date | None) -> str:
    """Une date en mots : « 4 décembre 2026 » (``1er`` le premier du mois).

    >>> date_dite(dt.date(2026, 12, 4)), date_dite(dt.date(2027, 5, 1)), date_dite(None)
    ('4 décembre 2026', '1er mai 2027', '—')
    """
    if date is None:
        return "—"
    jour = "1er" if date.day == 1 else str(date.day)
    return f"{jour} {MOIS[date.month - 1]} {date.year}"


def calendrier_du_plan(moteur: Moteur, date: object) -> tuple[dt.date, list[EtapeCalendrier]]:
    """La date du plan (``None`` : aujourd'hui) et le calendrier du centre daté pour elle.

    Lève :class:`~recommandeur.ErreurArgument` si ``date`` n'est pas une date.
    """
    if date is None:
        date = dt.date.today()
    elif isinstance(date, dt.datetime):
        date = date.date()
    elif not isinstance(date, dt.date):
        raise ErreurArgument("date", "une date (datetime.date) ou None", date)
    dossier = moteur.dossiers[0] if moteur.dossiers else None
    surcouche = moteur.surcouche if isinstance(moteur.surcouche, str | Path | Traversable) else None
    etapes = charger_calendrier(moteur.catalogue, dossier, surcouche)
    return date, dater(etapes, date, responsables_du_centre(moteur.catalogue))
