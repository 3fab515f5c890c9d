"""Un problème trouvé dans des données ou un profil : où, quoi, la valeur, la suggestion, le code."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Any, Final

from ._apercu import repr_borne
from ._suggestions import formuler_suggestions


class _Absent(enum.Enum):
    """Le type de la sentinelle :data:`ABSENT` (aucune valeur fautive connue)."""

    ABSENT = "absent"

    def __repr__(self) -> str:
        return "ABSENT"


#: Sentinelle : aucune valeur fautive connue (``None`` peut être une valeur fautive).
ABSENT: Final = _Absent.ABSENT


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
    #: Ce qui était attendu, quand on le sait (« un entier », « faible, moderee, elevee »).
    attendu: str | None = None

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
        """Le problème en données JSON : champ, chemin, code, message, valeur (aperçu borné),
        attendu, suggestion, fichier, id.

        >>> Probleme("champ inconnu", champ="ecole.mentor", valeur=False, code="champ_inconnu",
        ...          suggestions=("ecole.mentor_dans_l_ecole",)).to_dict()["suggestion"]
        'ecole.mentor_dans_l_ecole'
        """
        return {
            "champ": self.champ,
            "chemin": self.chemin,
            "code": self.code,
            "message": self.message,
            "valeur": repr_borne(self.valeur) if self.a_valeur else None,
            "attendu": self.attendu,
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
            morceaux.append(f" (reçu : {repr_borne(self.valeur)})")
        morceaux.append(formuler_suggestions(self.suggestions))
        return "".join(morceaux)


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
