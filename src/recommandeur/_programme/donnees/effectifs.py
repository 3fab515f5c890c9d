"""Les effectifs d'un centre : ses enseignants en insertion et ses écoles, validés ligne par ligne.

Chaque mauvaise ligne est dite avec son fichier, sa ligne et sa colonne, toutes à la fois
(:class:`~recommandeur.ErreurEffectifs`) ; rien n'est planifié sur des effectifs fautifs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..._base.erreurs import ErreurEffectifs, ErreurProfil, Probleme, suggerer
from ..._base.schema_json import nettoyer_schema
from ..._profil.modeles import Profil
from ..._profil.validation import valider_profil
from ..._vocabulaire import PeriodeInsertion
from .colonnes import (
    COLONNES_ENSEIGNANT,
    ENTETES_ENSEIGNANT,
    annees_brutes_au_quebec,
    cellule,
    colonne_du_champ,
    mesures_recues,
)
from .ecoles import (
    EcoleDuCentre,
    en_ligne,
    lignes_d_ecoles,
    probleme,
    valider_ecole,
    verifier_entetes,
)
from .identifiants import cle, lire_identifiant
from .lecture import lire_lignes
from .mentors import colonnes_d_appariement

#: Années au Québec jusqu'auxquelles une personne compte dans la part de « 5 ans et moins »
#: d'une école (001 : « le portrait des écoles en termes d'enseignants de 5 ans et moins »).
ANNEES_NOVICE = 5

Source = str | Path | Sequence[Mapping[str, Any]]


class Enseignant(BaseModel):
    """Une personne enseignante des effectifs : son identifiant, son école, son profil."""

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)

    id: str
    ecole: str
    profil: Profil
    #: Pour l'appariement : son bâtiment, sa matière, sa personne mentore précédente.
    batiment: str | None = None
    matiere: str | None = None
    mentor_precedent: str | None = None


class Effectifs(BaseModel):
    """Les effectifs validés : les écoles et les enseignants, profils complétés de leur école."""

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)

    ecoles: tuple[EcoleDuCentre, ...]
    enseignants: tuple[Enseignant, ...]


def _profil_brut(valeurs: Mapping[str, Any]) -> dict[str, Any]:
    profil: dict[str, Any] = {}
    for colonne, valeur in valeurs.items():
        chemin = COLONNES_ENSEIGNANT.get(colonne)
        if chemin is None:
            continue
        if chemin == "mesures_recues" and isinstance(valeur, str):
            lues = mesures_recues(valeur)
            if isinstance(lues, str):
                raise ValueError(valeur)
            valeur = lues
        elif isinstance(valeur, str):
            valeur = cellule(chemin, valeur)
        cible = profil
        *tables, feuille = chemin.split(".")
        for table in tables:
            cible = cible.setdefault(table, {})
        cible[feuille] = valeur
    return profil


def charger_effectifs(
    enseignants: Source,
    ecoles: Source,
    *,
    mesures: Collection[str] | None = None,
    acteurs: Collection[str] | None = None,
    au_fil: Callable[[Profil, str | None], None] | None = None,
) -> Effectifs:
    """Lit et valide les effectifs ; :class:`ErreurEffectifs` avec chaque ligne fautive sinon.

    ``au_fil`` : appelée avec le profil de chaque ligne dès qu'il est validé, avant la fin de
    la lecture, et la clé de sa ligne brute (le même objet profil pour la même clé ; ``None`` :
    une ligne sans clé) : ``planifier`` y confie les profils à ses processus de calcul.

    La part de personnes de 5 ans et moins d'une école (``part_novices``) est prise dans le
    fichier des écoles si elle y est, sinon calculée des effectifs quand la taille de l'école
    (``nb_enseignants``) est connue.

    >>> e = charger_effectifs(
    ...     [{"enseignant": "e1", "ecole": "a", "annees_experience": "1", "ordre": "primaire"}],
    ...     [{"ecole": "a", "nom": "École A", "nb_enseignants": "20", "mentors": "1"}])
    >>> e.enseignants[0].profil.ecole.part_novices, e.enseignants[0].profil.ecole.mentor_dans_l_ecole
    (0.05, True)
    """
    problemes: list[Probleme] = []
    fichier_ecoles = lire_lignes(ecoles, "ecole", problemes)
    fichier_enseignants = lire_lignes(enseignants, "enseignant", problemes)
    brutes = lignes_d_ecoles(fichier_ecoles, problemes)
    verifier_entetes(fichier_enseignants, ENTETES_ENSEIGNANT, problemes)
    lignes: list[tuple[str, str, str, dict[str, Any]]] = []
    vus: dict[str, tuple[str, str]] = {}
    ecoles_par_cle = {cle(e): e for e in brutes}
    for ligne, valeurs in fichier_enseignants.lignes:
        ident, faute = lire_identifiant(valeurs.get("enseignant"))
        ecole, faute_ecole = lire_identifiant(valeurs.get("ecole"))
        if faute is not None or ident is None:
            message = faute or "identifiant manquant"
            code = "manquant" if faute is None else "invalide"
            problemes.append(probleme(message, fichier_enseignants, ligne, "enseignant", code=code))
            continue
        if cle(ident) in vus:
            premiere, ecrit = vus[cle(ident)]
            autre = "" if ecrit == ident else f" sous « {ecrit} », à la casse près"
            problemes.append(
                probleme(
                    f"enseignant déjà décrit ({premiere}{autre})",
                    fichier_enseignants,
                    ligne,
                    "enseignant",
                    ident,
                )
            )
            continue
        vus[cle(ident)] = (ligne, ident)
        if faute_ecole is not None:
            problemes.append(probleme(faute_ecole, fichier_enseignants, ligne, "ecole"))
            continue
        ecole = ecoles_par_cle.get(cle(ecole or ""), ecole or "")
        if ecole not in brutes:
            if fichier_ecoles.lu:  # sinon, le fichier des écoles illisible est dit, une fois
                problemes.append(
                    probleme(
                        "école inconnue du fichier des écoles",
                        fichier_enseignants,
                        ligne,
                        "ecole",
                        ecole,
                        code="inconnu",
                        suggestions=suggerer(ecole, brutes),
                    )
                )
            continue
        lignes.append((ligne, ident, ecole, valeurs))
    novices: Counter[str] = Counter()  # en insertion
    cinq_ans: Counter[str] = Counter()  # 5 ans et moins
    for _, _, ecole, valeurs in lignes:
        annees = annees_brutes_au_quebec(valeurs)
        # la part « en insertion » (003 : « Taux de PE en IP ») : période pas terminée
        if annees is not None and PeriodeInsertion.depuis_annees(annees).en_insertion:
            novices[ecole] += 1
        if annees is not None and annees <= ANNEES_NOVICE:
            cinq_ans[ecole] += 1
    effectif = Counter(ecole for _, _, ecole, _ in lignes)
    validees: dict[str, EcoleDuCentre] = {}
    for ident, (ligne, valeurs) in brutes.items():
        lue = valider_ecole(ident, ligne, valeurs, fichier_ecoles, problemes)
        if lue is None:
            continue
        ecole_validee: EcoleDuCentre = lue
        if (
            ecole_validee.nb_enseignants is not None
            and effectif[ident] > ecole_validee.nb_enseignants
        ):
            problemes.append(
                probleme(
                    f"{effectif[ident]} enseignants de l'école dans les effectifs, pour {ecole_validee.nb_enseignants} déclarés",
                    fichier_ecoles,
                    ligne,
                    "nb_enseignants",
                    ecole_validee.nb_enseignants,
                    code="incoherent",
                )
            )
            continue
        if ecole_validee.nb_enseignants:
            ecole_validee = ecole_validee.model_copy(
                update={
                    "part_cinq_ans_et_moins": round(
                        cinq_ans[ident] / ecole_validee.nb_enseignants, 4
                    )
                }
            )
        if ecole_validee.contexte.part_novices is None and ecole_validee.nb_enseignants:
            part = round(novices[ident] / ecole_validee.nb_enseignants, 4)
            ecole_validee = ecole_validee.model_copy(
                update={
                    "contexte": ecole_validee.contexte.model_copy(update={"part_novices": part}),
                    "origine_part_novices": "calculee",
                }
            )
        validees[ident] = ecole_validee
    profs: list[Enseignant] = []
    # un profil identique (fréquent dans une école) est validé une fois et partagé : la
    # mémoire croît avec les profils distincts, pas avec les lignes (docs/programme.md)
    deja_valides: dict[str, Profil] = {}
    parties: dict[object, object] = {}
    for ligne, ident, ecole_id, valeurs in lignes:
        refusee = False
        try:
            brut = _profil_brut(valeurs)
        except ValueError as exc:
            refusee = True
            brut = _profil_brut({c: v for c, v in valeurs.items() if c != "mesures_recues"})
            problemes.append(
                probleme(
                    "attendu « mesure:avec_effet » ou « mesure:sans_effet » (avec, en option, "
                    "« :intervenant »), séparés par « ; »",
                    fichier_enseignants,
                    ligne,
                    "mesures_recues",
                    str(exc),
                    code="forme",
                )
            )
        de_l_ecole = validees.get(ecole_id)
        if de_l_ecole is not None:
            contexte = de_l_ecole.contexte.model_dump(exclude_defaults=True)
            brut["ecole"] = {**contexte, **brut.get("ecole", {})}
        avant = len(problemes)
        cle_profil = _cle_de_profil(brut)
        try:
            profil = deja_valides.get(cle_profil) if cle_profil else None
            if profil is None:
                profil = _partager(valider_profil(brut, mesures, acteurs), parties)
                if cle_profil:
                    deja_valides[cle_profil] = profil
        except ErreurProfil as exc:
            problemes.extend(
                en_ligne(p, fichier_enseignants, ligne, colonne_du_champ(p.champ))
                for p in exc.problemes
            )
            continue
        if au_fil is not None:
            au_fil(profil, cle_profil)
        appariement = colonnes_d_appariement(valeurs, fichier_enseignants, ligne, problemes)
        if refusee or len(problemes) > avant:
            continue
        if de_l_ecole is not None:
            # tout est déjà lu et validé : ``Enseignant(...)`` revaliderait le profil
            # (``revalidate_instances="always"``), en copiant ce que _partager a mis en commun
            champs: dict[str, Any] = {"id": ident, "ecole": ecole_id, "profil": profil}
            profs.append(Enseignant.model_construct(**champs | appariement))
    if problemes:
        ordre = {fichier_ecoles.nom: 0, fichier_enseignants.nom: 1}
        raise ErreurEffectifs(
            sorted(problemes, key=lambda p: (ordre.get(p.fichier or "", 2), _numero(p.id)))
        )
    return Effectifs(ecoles=tuple(validees.values()), enseignants=tuple(profs))


def _numero(ligne: str | None) -> int:
    chiffres = "".join(c for c in (ligne or "") if c in "0123456789")
    return int(chiffres[:18]) if chiffres else 0


def _cle_de_profil(brut: Mapping[str, Any]) -> str | None:
    """Le JSON trié d'un profil brut (la clé des profils déjà validés), ou None s'il n'en a pas."""
    try:
        return json.dumps(brut, sort_keys=True, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return None


def _partager(profil: Profil, parties: dict[object, object]) -> Profil:
    """Le profil, dont l'école, l'affectation et les besoins (immuables) sont partagés avec
    ceux, égaux, des profils déjà lus : les personnes d'une école n'en gardent qu'une copie."""
    for nom in ("ecole", "affectation", "besoins"):
        partie = getattr(profil, nom)
        ensemble = getattr(partie, "model_fields_set", None)
        cle = (nom, partie, None if ensemble is None else frozenset(ensemble))
        commune = parties.setdefault(cle, partie)
        if commune is not partie:
            profil.__dict__[nom] = commune  # égal, immuable : le profil n'en voit aucune différence
    return profil
