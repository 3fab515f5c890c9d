"""Les exceptions de la bibliothèque.

Une seule base, :class:`ErreurRecommandeur`, et quelques sous-classes qui portent
ce qui était fautif (fichier, identifiant, champ, valeur) et construisent leur
message à partir de ces attributs. Chaque problème est aussi disponible sous forme
de :class:`Probleme`, et une erreur porte la liste complète de ceux trouvés.

Les suggestions (« vouliez-vous dire … ? ») sont calculées par :func:`suggerer` et
écrites par :func:`formuler_suggestions`, partout les mêmes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .apercu import _Texte, apercu, repr_borne
from .probleme import ABSENT, CODES, Attendu, Plage, Probleme
from .rendus import Rendu
from .suggestions import formuler_suggestions, suggerer

__all__ = [
    "ABSENT",
    "CODES",
    "Attendu",
    "ErreurArgument",
    "ErreurCatalogue",
    "ErreurInconnu",
    "ErreurMoteur",
    "ErreurProfil",
    "ErreurRecommandeur",
    "ErreurRegle",
    "Plage",
    "Probleme",
    "formuler_suggestions",
    "renvoi_inconnu",
    "repr_borne",
    "suggerer",
]


def renvoi_inconnu(
    message: str, valeur: str, connus: Iterable[str], *, fichier: str, id: str, champ: str
) -> Probleme:
    """Le problème d'un renvoi vers ce qui n'existe pas (« acteur inconnu »), avec la valeur
    connue la plus proche pour suggestion.

    >>> p = renvoi_inconnu("acteur inconnu", "mentr", ["mentor", "direction"],
    ...                    fichier="a.toml", id="m", champ="acteurs[0]")
    >>> (p.message, p.valeur, p.suggestions)
    ('acteur inconnu', 'mentr', ('mentor',))
    """
    return Probleme(
        message,
        fichier=fichier,
        id=id,
        champ=champ,
        valeur=valeur,
        suggestions=suggerer(valeur, connus),
    )


class ErreurRecommandeur(Exception):
    """Base de toutes les erreurs levées par ``recommandeur``.

    ``to_dict()`` donne l'erreur en données JSON : son genre, son message et ses problèmes.
    """

    # Affichée (traces, repr, sérialisation) là où on l'importe : recommandeur.ErreurProfil.
    __module__ = "recommandeur"

    @property
    def problemes_en_donnees(self) -> list[dict[str, Any]]:
        """Les problèmes de l'erreur, en données (un seul pour une erreur sans liste)."""
        problemes = getattr(self, "problemes", None)
        if problemes:
            return [p.to_dict() for p in problemes]
        return [
            Probleme(
                self._message_du_probleme(),
                champ=getattr(self, "champ", None),
                valeur=getattr(self, "valeur", ABSENT),
                suggestions=tuple(getattr(self, "suggestions", ())),
                code=self._code,
                attendu=self._attendu_en_donnees(),
                id=getattr(self, "regle", None),
            ).to_dict()
        ]

    _code = "invalide"

    def _message_du_probleme(self) -> str:
        return str(self)

    def _attendu_en_donnees(self) -> Attendu:
        return None

    def _repr_html_(self) -> str:
        return HTML_ERREUR(self)

    def to_dict(self) -> dict[str, Any]:
        """L'erreur en données JSON.

        >>> ErreurArgument("limite", "un entier ≥ 1 ou None", 0).to_dict()["erreur"]
        'ErreurArgument'
        """
        return {
            "erreur": type(self).__name__,
            "message": str(self),
            "problemes": self.problemes_en_donnees,
        }


class _ErreurAProblemes(ErreurRecommandeur):
    """Une erreur qui résume un ou plusieurs :class:`Probleme`.

    Le message commence par le premier problème (le « meilleur »), puis donne les suivants,
    un par ligne, jusqu'à ``MONTRES`` en tout, et « … et N autres problèmes » ; ``problemes``
    les donne tous.
    """

    #: Combien de problèmes le message montre, au plus.
    MONTRES = 5

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

    def __repr__(self) -> str:
        premier = repr_borne(str(self.problemes[0]), 120)
        return (
            f"<{type(self).__name__} : {len(self.problemes)} problème(s), d'abord {premier} ; "
            "print(e) ou e.to_dict()>"
        )

    def _message(self) -> str:
        lignes = [str(p) for p in self.problemes[: self.MONTRES]]
        reste = len(self.problemes) - self.MONTRES
        if reste > 0:
            lignes.append(
                f"… et {reste} autre{'s' if reste > 1 else ''} problème{'s' if reste > 1 else ''}"
            )
        return "\n  ".join(lignes)


class ErreurCatalogue(_ErreurAProblemes):
    """Le dossier du catalogue est invalide ; rien n'en est chargé."""

    __module__ = "recommandeur"


class ErreurRegle(_ErreurAProblemes):
    """Le dossier des règles est invalide ; rien n'en est chargé."""

    __module__ = "recommandeur"


class ErreurEffectifs(_ErreurAProblemes, ValueError):
    """Un fichier d'effectifs (enseignants, écoles) a des lignes fautives ; chacune est nommée
    par son fichier, sa ligne (``id``) et sa colonne (``champ``)."""

    __module__ = "recommandeur"


class ErreurProfil(_ErreurAProblemes, ValueError):
    """Le profil donné n'est pas valide."""

    __module__ = "recommandeur"


class ErreurMoteur(ErreurRecommandeur):
    """Le moteur de règles a échoué pendant une évaluation.

    Porte l'identifiant de la règle en cause quand il est connu.
    """

    __module__ = "recommandeur"

    _code = "moteur"

    def __init__(self, message: str, regle: str | None = None) -> None:
        self.regle, self.message = regle, message
        prefixe = f"[{regle}] " if regle else ""
        super().__init__(f"moteur de règles : {prefixe}{message}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.message, self.regle))


class ErreurArgument(ErreurRecommandeur, ValueError):
    """Un argument d'une fonction publique est invalide (aussi ``ValueError``).

    ``attendu`` est la phrase du message ; ``admis``, s'il est donné, ce qui est admis en
    données (les valeurs admises, ou une :class:`Plage`), que ``to_dict()`` donne pour
    ``attendu``. Le message ne dit jamais ``None`` : il peut aller à un client HTTP.

    >>> e = ErreurArgument("limite", "un entier ≥ 1", 0, admis=Plage(minimum=1))
    >>> str(e), e.to_dict()["problemes"][0]["attendu"]
    ('limite : attendu un entier ≥ 1, reçu 0', {'minimum': 1})
    """

    __module__ = "recommandeur"

    def _message_du_probleme(self) -> str:
        return f"attendu {self.attendu}"

    def _attendu_en_donnees(self) -> Attendu:
        return self.attendu if self.admis is None else self.admis

    def __init__(
        self,
        argument: str,
        attendu: str,
        valeur: object,
        suggestions: Sequence[str] = (),
        admis: Attendu = None,
    ) -> None:
        self.argument, self.attendu, self.valeur = argument, attendu, valeur
        self.champ, self.admis = argument, admis
        self.suggestions = tuple(suggestions)
        super().__init__(
            f"{argument} : attendu {attendu}, reçu {apercu(valeur)}"
            f"{formuler_suggestions(self.suggestions)}"
        )

    def __reduce__(self) -> tuple[object, ...]:
        # une valeur simple voyage telle quelle ; une autre, par son aperçu (même message)
        simple = type(self.valeur) in (type(None), bool, int, float, str)
        valeur = self.valeur if simple else _Texte(repr_borne(self.valeur))
        return (type(self), (self.argument, self.attendu, valeur, self.suggestions, self.admis))


class ErreurInconnu(ErreurRecommandeur, KeyError):
    """Un identifiant inconnu (mesure, acteur, règle, source) ; aussi ``KeyError``.

    ``genre`` nomme ce qui est inconnu (« mesure inconnue »), ``valeur`` l'identifiant
    demandé, ``suggestions`` les identifiants connus les plus proches, ``attendu`` tous les
    identifiants connus et ``champ`` l'argument qui le portait (``"mesure"`` pour
    ``pourquoi_pas(profil, mesure)``), s'il est connu.

    >>> e = ErreurInconnu("mesure inconnue", "mentora", ["mentorat", "webinaire"])
    >>> str(e)
    "mesure inconnue 'mentora' ; vouliez-vous dire 'mentorat' ?"
    >>> isinstance(e, KeyError)
    True
    """

    __module__ = "recommandeur"

    _code = "inconnu"

    def _message_du_probleme(self) -> str:
        return self.genre

    def __init__(
        self, genre: str, valeur: str, possibles: Iterable[str], champ: str | None = None
    ) -> None:
        self.genre, self.valeur, self.champ = genre, valeur, champ
        self.attendu = tuple(possibles)
        self.suggestions = suggerer(valeur, self.attendu)
        self.message = f"{genre} {apercu(valeur)}{formuler_suggestions(self.suggestions)}"
        super().__init__(self.message)

    def _attendu_en_donnees(self) -> Attendu:
        return self.attendu

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.genre, self.valeur, self.attendu, self.champ))

    def __str__(self) -> str:
        return self.message


#: Le HTML d'une erreur dans un carnet, fourni par la couche de rendu.
HTML_ERREUR: Rendu[[ErreurRecommandeur], str] = Rendu(
    "HTML d'une erreur", "recommandeur._rendu.rendus"
)
