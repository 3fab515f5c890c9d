"""Les exceptions de la bibliothèque.

Une seule base, :class:`ErreurRecommandeur`, et quelques sous-classes qui portent
ce qui était fautif (fichier, identifiant, champ, valeur) et construisent leur
message à partir de ces attributs. Chaque problème est aussi disponible sous forme
de :class:`Probleme`, et une erreur porte la liste complète de ceux trouvés.

Les suggestions (« vouliez-vous dire … ? ») sont calculées par :func:`suggerer` et
écrites par :func:`formuler_suggestions`, partout les mêmes.
"""

from __future__ import annotations

import difflib
import enum
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final


class _Absent(enum.Enum):
    """Le type de la sentinelle :data:`ABSENT` (aucune valeur fautive connue)."""

    ABSENT = "absent"

    def __repr__(self) -> str:
        return "ABSENT"


#: Sentinelle : aucune valeur fautive connue (``None`` peut être une valeur fautive).
ABSENT: Final = _Absent.ABSENT


def suggerer(valeur: object, possibles: Iterable[str], n: int = 1) -> tuple[str, ...]:
    """Les valeurs connues les plus proches de ``valeur`` (pour « vouliez-vous dire »).

    >>> suggerer("gestion_classe", ["gestion_de_classe", "planification"])
    ('gestion_de_classe',)
    >>> suggerer("xyz", ["gestion_de_classe"])
    ()
    """
    if not isinstance(valeur, str) or len(valeur) > 200:
        return ()
    return tuple(difflib.get_close_matches(valeur, sorted(set(possibles)), n=n, cutoff=0.6))


def formuler_suggestions(suggestions: Sequence[str]) -> str:
    """La fin de message qui propose les suggestions, ou rien.

    >>> formuler_suggestions(("mentorat",))
    " ; vouliez-vous dire 'mentorat' ?"
    >>> formuler_suggestions(())
    ''
    """
    if not suggestions:
        return ""
    return " ; vouliez-vous dire " + ", ".join(f"'{s}'" for s in suggestions) + " ?"


def repr_borne(valeur: object, longueur: int = 80) -> str:
    """Un aperçu court et sûr de ``valeur``, pour les messages d'erreur.

    Ne lève jamais et ne fait aucune récursion : le ``repr`` d'un objet inconnu n'est pas
    appelé (il pourrait lever ou boucler), un entier démesuré est résumé par son nombre de
    chiffres, les conteneurs sont parcourus jusqu'à ``longueur`` caractères.

    >>> repr_borne("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."
    >>> repr_borne(10**5000)
    '<entier de 5001 chiffres>'
    >>> repr_borne({"a": [1, 2.5, None, True]})
    "{'a': [1, 2.5, None, True]}"
    >>> class Hostile:
    ...     def __repr__(self): raise RuntimeError("non")
    >>> repr_borne([Hostile()])
    '[<Hostile>]'
    """
    morceaux: list[str] = []
    taille = 0
    pile: list[object] = [valeur]
    while pile and taille <= longueur:
        courant = pile.pop()
        if isinstance(courant, _Texte):
            texte = courant.texte
        elif isinstance(courant, dict):
            elements: list[object] = [_Texte("{")]
            for rang, (cle, enfant) in enumerate(itertools.islice(courant.items(), longueur)):
                elements += [_Texte(", ")] if rang else []
                elements += [cle, _Texte(": "), enfant]
            pile.extend(reversed([*elements, _Texte("}")]))
            continue
        elif isinstance(courant, list | tuple | set | frozenset):
            ouvre, ferme = {list: ("[", "]"), tuple: ("(", ")")}.get(type(courant), ("{", "}"))
            elements = [_Texte(ouvre)]
            for rang, enfant in enumerate(itertools.islice(courant, longueur)):
                elements += [_Texte(", "), enfant] if rang else [enfant]
            if isinstance(courant, tuple) and len(courant) == 1:
                elements.append(_Texte(","))
            pile.extend(reversed([*elements, _Texte(ferme)]))
            continue
        else:
            texte = _feuille(courant, longueur)
        morceaux.append(texte)
        taille += len(texte)
    resultat = "".join(morceaux)
    return resultat if len(resultat) <= longueur and not pile else resultat[: longueur - 3] + "..."


class _Texte:
    """Un morceau littéral de l'aperçu d'un conteneur."""

    __slots__ = ("texte",)

    def __init__(self, texte: str) -> None:
        self.texte = texte


def _feuille(valeur: object, longueur: int) -> str:
    if valeur is None or isinstance(valeur, bool | float):
        return repr(valeur)
    if isinstance(valeur, int):
        if valeur.bit_length() > 200:
            chiffres = len(str(abs(valeur))) if valeur.bit_length() < 10_000 else None
            if chiffres is None:
                chiffres = int(valeur.bit_length() * 0.30103) + 1
            return f"<entier de {chiffres} chiffres>"
        return repr(valeur)
    if isinstance(valeur, str):
        return repr(valeur[: longueur + 1])
    if isinstance(valeur, bytes):
        return repr(valeur[: longueur + 1])
    if isinstance(valeur, enum.Enum):
        return _feuille(valeur.value, longueur)
    return f"<{type(valeur).__name__}>"


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

    @property
    def a_valeur(self) -> bool:
        """Vrai si une valeur fautive est connue."""
        return self.valeur is not ABSENT

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


class ErreurRecommandeur(Exception):
    """Base de toutes les erreurs levées par ``recommandeur``."""


class _ErreurAProblemes(ErreurRecommandeur):
    """Une erreur qui résume un ou plusieurs :class:`Probleme`.

    Le message est celui du premier problème (le « meilleur »), suivi du nombre
    d'autres problèmes s'il y en a ; ``problemes`` les donne tous.
    """

    def __init__(self, problemes: Sequence[Probleme]) -> None:
        if not problemes:
            raise ValueError("une erreur demande au moins un problème")
        self.problemes: tuple[Probleme, ...] = tuple(problemes)
        premier = self.problemes[0]
        self.fichier = premier.fichier
        self.id = premier.id
        self.champ = premier.champ
        self.valeur = premier.valeur if premier.a_valeur else None
        self.suggestions = premier.suggestions
        super().__init__(self._message())

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.problemes,))

    def _message(self) -> str:
        texte = str(self.problemes[0])
        autres = len(self.problemes) - 1
        if autres == 1:
            texte += " (et 1 autre problème)"
        elif autres > 1:
            texte += f" (et {autres} autres problèmes)"
        return texte


class ErreurCatalogue(_ErreurAProblemes):
    """Le dossier du catalogue est invalide ; rien n'en est chargé."""


class ErreurRegle(_ErreurAProblemes):
    """Le dossier des règles est invalide ; rien n'en est chargé."""


class ErreurProfil(_ErreurAProblemes, ValueError):
    """Le profil donné n'est pas valide."""


class ErreurMoteur(ErreurRecommandeur):
    """Le moteur de règles a échoué pendant une évaluation.

    Porte l'identifiant de la règle en cause quand il est connu.
    """

    def __init__(self, message: str, regle: str | None = None) -> None:
        self.regle, self.message = regle, message
        prefixe = f"[{regle}] " if regle else ""
        super().__init__(f"moteur de règles : {prefixe}{message}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.message, self.regle))


class ErreurArgument(ErreurRecommandeur, ValueError):
    """Un argument d'une fonction publique est invalide (aussi ``ValueError``).

    >>> str(ErreurArgument("limite", "un entier ≥ 1 ou None", 0))
    'limite : attendu un entier ≥ 1 ou None, reçu 0'
    """

    def __init__(self, argument: str, attendu: str, valeur: object) -> None:
        self.argument, self.attendu, self.valeur = argument, attendu, valeur
        super().__init__(f"{argument} : attendu {attendu}, reçu {repr_borne(valeur)}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.argument, self.attendu, repr_borne(self.valeur)))


class ErreurInconnu(ErreurRecommandeur, KeyError):
    """Un identifiant inconnu (mesure, acteur, règle, source) ; aussi ``KeyError``.

    ``genre`` nomme ce qui est inconnu (« mesure inconnue »), ``valeur`` l'identifiant
    demandé et ``suggestions`` les identifiants connus les plus proches.

    >>> e = ErreurInconnu("mesure inconnue", "mentora", ["mentorat", "webinaire"])
    >>> str(e)
    "mesure inconnue 'mentora' ; vouliez-vous dire 'mentorat' ?"
    >>> isinstance(e, KeyError)
    True
    """

    def __init__(self, genre: str, valeur: str, possibles: Iterable[str]) -> None:
        self.genre, self.valeur = genre, valeur
        self.suggestions = suggerer(valeur, possibles)
        self.message = f"{genre} {repr_borne(valeur)}{formuler_suggestions(self.suggestions)}"
        super().__init__(self.message)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.genre, self.valeur, self.suggestions))

    def __str__(self) -> str:
        return self.message
