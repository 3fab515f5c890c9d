"""Un problème trouvé dans des données ou un profil : où, quoi, la valeur, la suggestion, le code."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Any, Final

from .apercu import apercu, valeur_json
from .suggestions import formuler_suggestions


class _Absent(enum.Enum):
    """Le type de la sentinelle :data:`ABSENT` (aucune valeur fautive connue)."""

    ABSENT = "absent"

    def __repr__(self) -> str:
        return "ABSENT"


#: Sentinelle : aucune valeur fautive connue (``None`` peut être une valeur fautive).
ABSENT: Final = _Absent.ABSENT


@dataclass(frozen=True)
class Plage:
    """Une plage de valeurs admises (ou de longueurs, pour le code ``longueur``).

    >>> str(Plage(1, 20)), str(Plage(minimum=1)), Plage(0, 1).to_json()
    ('de 1 à 20', '≥ 1', {'minimum': 0, 'maximum': 1})
    """

    minimum: float | None = None
    maximum: float | None = None
    #: Vrai si la borne elle-même est refusée (``> 0`` plutôt que ``≥ 0``).
    minimum_exclu: bool = False
    maximum_exclu: bool = False

    def to_json(self) -> dict[str, float | bool]:
        """La plage en JSON : ``minimum``, ``maximum`` (bornes données seulement), ``*_exclu``."""
        donnees: dict[str, float | bool] = {}
        for nom in ("minimum", "maximum"):
            borne = getattr(self, nom)
            if borne is not None:
                donnees[nom] = borne
                if getattr(self, f"{nom}_exclu"):
                    donnees[f"{nom}_exclu"] = True
        return donnees

    def __str__(self) -> str:
        bas = (
            None if self.minimum is None else f"{'>' if self.minimum_exclu else '≥'} {self.minimum}"
        )
        haut = (
            None if self.maximum is None else f"{'<' if self.maximum_exclu else '≤'} {self.maximum}"
        )
        if bas and haut and not (self.minimum_exclu or self.maximum_exclu):
            return f"de {self.minimum} à {self.maximum}"
        return " et ".join(b for b in (bas, haut) if b) or "toute valeur"


#: Ce qu'un problème attendait : une phrase (« un entier »), les valeurs admises (un tuple) ou
#: une :class:`Plage` ; ``None`` si on ne le sait pas.
Attendu = str | tuple[Any, ...] | Plage | None


@dataclass(frozen=True)
class Probleme:
    """Un problème trouvé dans un fichier de données ou un profil.

    >>> p = Probleme("champ inconnu", fichier="acteurs.toml", id="mentor", champ="rol",
    ...              suggestions=("role",))
    >>> str(p)
    "acteurs.toml : [mentor] champ 'rol' : champ inconnu ; vouliez-vous dire 'role' ?"
    """

    message: str
    fichier: str | None = None
    id: str | None = None
    champ: str | None = None
    valeur: object = field(default=ABSENT, compare=False)
    suggestions: tuple[str, ...] = ()
    #: Le genre du problème, stable pour les programmes (voir ``CODES``).
    code: str = "invalide"
    #: Ce qui était attendu, quand on le sait : « un entier », ``("faible", "moderee")``,
    #: ``Plage(1, 20)``.
    attendu: Attendu = None

    def __post_init__(self) -> None:
        # Un identifiant inconnu (mesure, acteur, clé, paramètre…) a son code, où qu'il soit dit.
        if self.code == "invalide" and re.search(r"\binconnue?\b", self.message):
            object.__setattr__(self, "code", "inconnu")

    @property
    def a_valeur(self) -> bool:
        """Vrai si une valeur fautive est connue."""
        return self.valeur is not ABSENT

    @property
    def chemin(self) -> list[str | int]:
        """Le champ en morceaux : ``"mesures_recues[0].mesure"`` → ``["mesures_recues", 0, "mesure"]``.

        >>> Probleme("x", champ="mesures_recues[0].mesure").chemin
        ['mesures_recues', 0, 'mesure']
        """
        if not self.champ:
            return []
        return [
            int(rang) if rang else nom
            for nom, rang in re.findall(r"([^.\[\]]+)|\[(\d+)\]", self.champ)
            if nom or rang
        ]

    def to_dict(self) -> dict[str, Any]:
        """Le problème en données JSON (voir ``schema_erreur()``) : champ, chemin, code,
        message, valeur (la valeur elle-même, en JSON, bornée), attendu (une phrase, la liste
        des valeurs admises ou une plage), suggestions, fichier, id, texte.

        >>> d = Probleme("doit être ≥ 1", champ="affectation.nb_ecoles", valeur=0,
        ...              code="hors_limites", attendu=Plage(1, 20)).to_dict()
        >>> d["chemin"], d["valeur"], d["attendu"]
        (['affectation', 'nb_ecoles'], 0, {'minimum': 1, 'maximum': 20})
        """
        return {
            "champ": self.champ,
            "chemin": self.chemin,
            "code": self.code,
            "message": self.message,
            "valeur": valeur_json(self.valeur) if self.a_valeur else None,
            "attendu": attendu_json(self.attendu),
            "suggestion": self.suggestions[0] if self.suggestions else None,
            "suggestions": list(self.suggestions),
            "fichier": self.fichier,
            "id": self.id,
            "texte": str(self),
        }

    def __str__(self) -> str:
        morceaux: list[str] = []
        if self.fichier:
            morceaux.append(f"{self.fichier} : ")
        if self.id:
            morceaux.append(f"[{self.id}] ")
        if self.champ:
            morceaux.append(f"champ '{self.champ}' : ")
        morceaux.append(self.message)
        if self.a_valeur:
            morceaux.append(f" (reçu : {apercu(self.valeur)})")
        morceaux.append(formuler_suggestions(self.suggestions))
        return "".join(morceaux)


def attendu_json(attendu: Attendu) -> str | list[Any] | dict[str, float | bool] | None:
    """Ce qui était attendu, en JSON : la phrase, la liste des valeurs admises ou la plage.

    >>> attendu_json(("faible", "moderee")), attendu_json(Plage(maximum=10)), attendu_json(None)
    (['faible', 'moderee'], {'maximum': 10}, None)
    """
    if isinstance(attendu, Plage):
        return attendu.to_json()
    if isinstance(attendu, tuple):
        return [valeur_json(v) for v in attendu]
    return attendu


#: Les codes des problèmes, et ce qu'ils veulent dire.
CODES: Final = {
    "manquant": "un champ obligatoire manque",
    "champ_inconnu": "un champ qui n'existe pas",
    "valeur_inconnue": "une valeur hors de la liste admise",
    "inconnu": "un identifiant inconnu (mesure, acteur, règle, source, paramètre)",
    "type": "une valeur du mauvais type",
    "hors_limites": "une valeur hors de ses bornes",
    "longueur": "trop ou pas assez d'éléments ou de caractères",
    "forme": "une forme invalide (identifiant, condition, gabarit)",
    "incoherent": "des valeurs qui se contredisent",
    "fichier": "un fichier illisible, mal formé ou démesuré",
    "moteur": "le moteur de règles a échoué",
    "invalide": "une autre valeur refusée",
}
