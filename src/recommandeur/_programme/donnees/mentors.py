"""Les personnes mentores d'un centre (``mentors.csv``) : qui, dans quelle école, pour combien.

Un troisième fichier, à côté des enseignants et des écoles, en CSV (en-têtes ci-dessous),
JSON (une liste, ou ``{"mentors": [...]}``) ou TOML (``[[mentor]]``) :

``mentor`` (identifiant pseudonyme, obligatoire, unique), ``ecole`` (son école principale,
obligatoire), ``autres_ecoles`` (les écoles où elle intervient aussi, séparées par ``;``),
``batiment``, ``ordre``, ``matieres`` (ou sa spécialité, séparées par ``;``), ``liberation``
(la part de sa tâche libérée : ``0,2`` ou ``20 %`` ; sinon celle du catalogue) et
``capacite`` (personnes qu'elle accompagne au plus ; sinon ses heures libérées divisées par
les heures du mentorat). Chaque mauvaise ligne est dite, toutes à la fois, dans
:class:`~recommandeur.ErreurEffectifs`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..._base.erreurs import ErreurEffectifs, Probleme, suggerer
from ..._base.messages import problemes_de_validation
from ..._base.schema_json import nettoyer_schema
from ..._profil.saisie import PART, choix_facultatif
from ..._vocabulaire import Ordre
from .colonnes import COLONNES_APPARIEMENT
from .ecoles import en_ligne, probleme, verifier_entetes
from .identifiants import TexteSansControle, cle, lire_identifiant
from .lecture import Fichier, lire_lignes

#: Les colonnes du fichier des personnes mentores.
COLONNES_MENTOR = (
    "mentor",
    "ecole",
    "autres_ecoles",
    "batiment",
    "ordre",
    "matieres",
    "liberation",
    "capacite",
)
#: Personnes qu'une personne mentore peut accompagner au plus, quoi que dise le fichier.
CAPACITE_MAX = 100


class Mentor(BaseModel):
    """Une personne mentore nommée : son école principale, où elle intervient, pour combien.

    >>> m = Mentor(id="M1", ecole="E1", ordre="primaire", liberation="20 %", capacite=8)
    >>> m.ordre.value, m.liberation, m.ecoles
    ('primaire', 0.2, ('E1',))
    """

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=80)
    #: Son école principale (celle où elle est nommée).
    ecole: str
    #: Les autres écoles où elle intervient (003 : « dans plus d'une école »).
    autres_ecoles: tuple[str, ...] = ()
    batiment: str | None = None
    ordre: Annotated[Ordre | None, *choix_facultatif(Ordre)] = None
    #: Ses matières ou sa spécialité, telles qu'écrites.
    matieres: tuple[TexteSansControle, ...] = ()
    #: La part de sa tâche libérée pour le mentorat (0 à 1) ; ``None`` : celle du catalogue.
    liberation: Annotated[float | None, *PART] = Field(None, gt=0)
    #: Personnes qu'elle accompagne au plus ; ``None`` : tirée de ses heures libérées.
    capacite: int | None = Field(None, ge=1, le=CAPACITE_MAX)

    @property
    def ecoles(self) -> tuple[str, ...]:
        """Ses écoles : la principale d'abord."""
        return (self.ecole, *self.autres_ecoles)


def en_ligne_de_mentor(mentor: Mentor) -> dict[str, Any]:
    """Une personne mentore en ligne du fichier (pour la relire, ou l'écrire).

    >>> en_ligne_de_mentor(Mentor(id="M1", ecole="a", autres_ecoles=("b",)))["autres_ecoles"]
    'b'
    """
    ligne = mentor.model_dump(mode="json", exclude_none=True)
    ligne["mentor"] = ligne.pop("id")
    ligne["autres_ecoles"] = "; ".join(mentor.autres_ecoles)
    ligne["matieres"] = "; ".join(mentor.matieres)
    return ligne


@functools.lru_cache(maxsize=4096)
def cle_de_matiere(texte: str) -> str:
    """La clé de comparaison d'une matière : sans casse, sans accents, espaces réduits.

    >>> cle_de_matiere(" Mathématiques ") == cle_de_matiere("mathematiques")
    True
    """
    decompose = unicodedata.normalize("NFD", texte.strip().casefold())
    sans = "".join(c for c in decompose if unicodedata.category(c) != "Mn")
    return " ".join(sans.split())


def _liste(valeur: object) -> list[object] | None:
    """Une cellule de liste : ``a; b`` (ou ``a, b``) en texte, ou une liste JSON ou TOML."""
    if valeur is None:
        return []
    if isinstance(valeur, str):
        return [m for m in re.split(r"[;,]", valeur) if m.strip()]
    if isinstance(valeur, list):
        return list(valeur)
    return None


def _entier(valeur: object) -> object:
    if isinstance(valeur, str) and re.fullmatch(r"\s*[0-9]{1,6}\s*", valeur):
        return int(valeur)
    return valeur


def _ecole(
    valeur: object,
    fichier: Fichier,
    ligne: str,
    colonne: str,
    ecoles: Mapping[str, str] | None,
    problemes: list[Probleme],
) -> str | None:
    ident, faute = lire_identifiant(valeur)
    if faute is not None or ident is None:
        message = faute or "identifiant d'école manquant"
        problemes.append(
            probleme(
                message, fichier, ligne, colonne, code="manquant" if faute is None else "invalide"
            )
        )
        return None
    if ecoles is None:
        return ident
    trouvee = ecoles.get(cle(ident))
    if trouvee is None:
        problemes.append(
            probleme(
                "école inconnue du fichier des écoles",
                fichier,
                ligne,
                colonne,
                ident,
                code="inconnu",
                suggestions=suggerer(ident, list(ecoles.values())),
            )
        )
    return trouvee


def _mentor(
    ligne: str,
    valeurs: Mapping[str, Any],
    fichier: Fichier,
    ecoles: Mapping[str, str] | None,
    problemes: list[Probleme],
) -> Mentor | None:
    avant = len(problemes)
    ident, faute = lire_identifiant(valeurs.get("mentor"))
    if faute is not None or ident is None:
        code = "manquant" if faute is None else "invalide"
        problemes.append(
            probleme(faute or "identifiant manquant", fichier, ligne, "mentor", code=code)
        )
    ecole = _ecole(valeurs.get("ecole"), fichier, ligne, "ecole", ecoles, problemes)
    autres: list[str] = []
    brutes = _liste(valeurs.get("autres_ecoles"))
    if brutes is None:
        problemes.append(
            probleme(
                "attendu des écoles séparées par « ; », ou une liste",
                fichier,
                ligne,
                "autres_ecoles",
                valeurs.get("autres_ecoles"),
                code="type",
            )
        )
        brutes = []
    for brute in brutes:
        autre = _ecole(brute, fichier, ligne, "autres_ecoles", ecoles, problemes)
        if autre is not None and autre != ecole and autre not in autres:
            autres.append(autre)
    batiment, faute_batiment = lire_identifiant(valeurs.get("batiment"))
    if faute_batiment is not None:
        problemes.append(probleme(faute_batiment, fichier, ligne, "batiment"))
    matieres = _liste(valeurs.get("matieres"))
    if matieres is None or not all(isinstance(m, str) for m in matieres):
        problemes.append(
            probleme(
                "attendu des matières séparées par « ; », ou une liste de textes",
                fichier,
                ligne,
                "matieres",
                valeurs.get("matieres"),
                code="type",
            )
        )
        matieres = []
    brut = {
        "id": ident or "?",
        "ecole": ecole or "?",
        "autres_ecoles": tuple(autres),
        "batiment": batiment,
        "matieres": tuple(" ".join(str(m).split()) for m in matieres),
        **{c: _entier(valeurs[c]) for c in ("ordre", "liberation", "capacite") if c in valeurs},
    }
    try:  # les autres colonnes sont vérifiées même si l'identifiant ou l'école sont fautifs
        mentor = Mentor.model_validate(brut)
    except ValidationError as exc:
        problemes.extend(en_ligne(p, fichier, ligne) for p in problemes_de_validation(exc, Mentor))
        return None
    return None if len(problemes) > avant or ident is None or ecole is None else mentor


def lire_mentors(
    source: object, ecoles: Mapping[str, str] | None, problemes: list[Probleme]
) -> tuple[Mentor, ...]:
    """Les personnes mentores validées ; les problèmes de chaque ligne ajoutés à ``problemes``.

    ``ecoles`` : clé de l'identifiant (:func:`~.identifiants.cle`) → identifiant de l'école ;
    ``None`` : les écoles ne sont pas vérifiées (le fichier des écoles n'a pas pu être lu).
    """
    fichier = lire_lignes(source, "mentor", problemes)  # type: ignore[arg-type]
    verifier_entetes(fichier, COLONNES_MENTOR, problemes)
    lus: list[Mentor] = []
    vus: dict[str, tuple[str, str]] = {}
    for ligne, valeurs in fichier.lignes:
        ident, _ = lire_identifiant(valeurs.get("mentor"))
        if ident is not None and cle(ident) in vus:
            premiere, ecrit = vus[cle(ident)]
            autre = "" if ecrit == ident else f" sous « {ecrit} », à la casse près"
            message = f"personne mentore déjà décrite ({premiere}{autre})"
            problemes.append(probleme(message, fichier, ligne, "mentor", ident))
            continue
        if ident is not None:
            vus[cle(ident)] = (ligne, ident)
        mentor = _mentor(ligne, valeurs, fichier, ecoles, problemes)
        if mentor is not None:
            lus.append(mentor)
    return tuple(lus)


def charger_mentors(source: object, ecoles: Mapping[str, str] | None = None) -> tuple[Mentor, ...]:
    """Lit et valide un fichier de personnes mentores ; :class:`ErreurEffectifs` sinon.

    >>> [m.id for m in charger_mentors([{"mentor": "M1", "ecole": "a", "capacite": "6"}])]
    ['M1']
    >>> charger_mentors([{"mentor": "M1", "ecole": "E0001"}], {"e001": "E001"})
    Traceback (most recent call last):
    ...
    recommandeur.ErreurEffectifs: mentors : [élément n° 1] champ 'ecole' : école inconnue du fichier des écoles (reçu : 'E0001') ; vouliez-vous dire 'E001' ?
    """
    problemes: list[Probleme] = []
    lus = lire_mentors(source, ecoles, problemes)
    if problemes:
        raise ErreurEffectifs(problemes)
    return lus


def colonnes_d_appariement(
    valeurs: Mapping[str, Any], fichier: Fichier, ligne: str, problemes: list[Probleme]
) -> dict[str, str]:
    """Les colonnes de l'appariement d'une ligne (bâtiment, matière, mentor précédent), lues."""
    lues: dict[str, str] = {}
    for colonne in COLONNES_APPARIEMENT:
        texte, faute = lire_identifiant(valeurs.get(colonne))
        if faute is not None:
            problemes.append(probleme(faute, fichier, ligne, colonne))
        elif texte is not None:
            lues[colonne] = " ".join(texte.split())
    return lues
