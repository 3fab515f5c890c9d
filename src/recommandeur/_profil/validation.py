"""La validation d'un profil : un :class:`Profil` ou un dict, vérifié contre le catalogue.

Tout ce qui entre est revalidé, y compris un ``Profil`` déjà construit (un
``model_copy(update=...)`` ne valide rien). Avant pydantic, une entrée démesurée
(imbrication, nombre de valeurs) est refusée sans récursion.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from pydantic import ValidationError

from .._base.erreurs import ErreurProfil, Probleme, suggerer
from .._base.messages import problemes_de_validation
from .._base.probleme import Plage
from .modeles import Profil

#: Imbrication maximale d'un profil donné en dict (un profil valide en a 3).
PROFONDEUR_MAX = 8
#: Nombre maximal de valeurs (tables, listes et feuilles) d'un profil donné en dict.
VALEURS_MAX = 5_000


def _demesure(donnees: Mapping[Any, Any]) -> Probleme | None:
    """Le problème d'une entrée trop imbriquée ou trop grande, trouvé sans récursion.

    Le champ nommé est le début du chemin où l'imbrication déborde (deux morceaux au plus) :
    seuls les deux premiers morceaux d'un chemin sont gardés, et une feuille est comptée sans
    être empilée (un profil ordinaire n'a que trois ou quatre tables).

    >>> _demesure({"besoins": {"numerique": "elevee"}}) is None
    True
    >>> str(_demesure({"a": [[[[[[[[1]]]]]]]]}))
    "champ 'a[0]' : imbrication trop profonde (au plus 8 niveaux)"
    """
    pile: list[tuple[Any, tuple[str, ...], int]] = [(donnees, (), 1)]
    vues = 0
    while pile:
        valeur, chemin, niveau = pile.pop()
        vues += 1
        if niveau > PROFONDEUR_MAX:
            return Probleme(
                f"imbrication trop profonde (au plus {PROFONDEUR_MAX} niveaux)",
                champ=_chemin(chemin) or None,
            )
        enfants = valeur.items() if isinstance(valeur, Mapping) else enumerate(valeur)
        for cle, enfant in enfants:
            if type(enfant) not in _FEUILLES and isinstance(enfant, _CONTENEURS):
                if len(chemin) < 2:
                    morceau = f"[{cle}]" if isinstance(cle, int) else str(cle)[:80]
                    pile.append((enfant, (*chemin, morceau), niveau + 1))
                else:
                    pile.append((enfant, chemin, niveau + 1))
            else:
                vues += 1
            if vues > VALEURS_MAX:
                return Probleme(f"profil démesuré : plus de {VALEURS_MAX} valeurs")
    return None


_CONTENEURS = (Mapping, list, tuple)
#: Les types de feuilles ordinaires, reconnus sans passer par ``isinstance(…, Mapping)``.
_FEUILLES = frozenset({str, int, float, bool, type(None)})


def _chemin(morceaux: tuple[str, ...]) -> str:
    return "".join(
        m if m.startswith("[") or rang == 0 else f".{m}" for rang, m in enumerate(morceaux)
    )


def valider_profil(
    donnees: Profil | Mapping[str, Any],
    mesures: Collection[str] | None = None,
    acteurs: Collection[str] | None = None,
) -> Profil:
    """Valide un profil (un :class:`Profil` ou un dict) ; :class:`ErreurProfil` sinon.

    ``mesures`` et ``acteurs``, s'ils sont donnés, sont les identifiants du catalogue contre
    lesquels les mesures reçues (``mesure``, ``intervenant``) sont vérifiées.

    >>> valider_profil({"annees_experience": 2, "ordre": "secondaire"}).statut.value
    'contrat'
    >>> valider_profil({"annees_experience": 2, "ordre": "secondaire", "besoins": {"gestion_classe": "elevee"}})
    Traceback (most recent call last):
    ...
    recommandeur.ErreurProfil: champ 'besoins.gestion_classe' : besoin inconnu ; attendu : gestion_de_classe, planification, evaluation, differenciation, eleves_a_besoins_particuliers, relations_parents, integration_equipe, fonctionnement_ecole, numerique, bien_etre, charge_de_travail, developpement_professionnel (reçu : 'gestion_classe') ; vouliez-vous dire 'gestion_de_classe' ?
    """
    if not isinstance(donnees, Profil):
        if not isinstance(donnees, Mapping):
            raise ErreurProfil(
                [Probleme(f"attendu un dict ou un Profil, reçu {type(donnees).__name__}")]
            )
        try:
            probleme = _demesure(donnees)
        except Exception as exc:  # une table qui ne se laisse pas lire (items() qui lève, ...)
            raise ErreurProfil([Probleme(f"profil illisible ({type(exc).__name__})")]) from None
        if probleme is not None:
            raise ErreurProfil([probleme])
    try:
        profil = Profil.model_validate(donnees)
    except ValidationError as exc:
        problemes = list(problemes_de_validation(exc, Profil))
        # D'abord ceux qui ont une suggestion : « experience → annees_experience ? » explique
        # « annees_experience manquant ».
        problemes.sort(key=lambda p: not p.suggestions)
        raise ErreurProfil(problemes) from None
    except OverflowError:  # un entier démesuré là où un nombre à virgule est attendu
        raise ErreurProfil([_entier_demesure(donnees)]) from None
    except Exception as exc:  # une table qui ne se laisse pas lire (__iter__ qui lève, ...)
        raise ErreurProfil([Probleme(f"profil illisible ({type(exc).__name__})")]) from None
    verifier_profil(profil, mesures, acteurs)
    return profil


def verifier_profil(
    profil: Profil,
    mesures: Collection[str] | None = None,
    acteurs: Collection[str] | None = None,
) -> None:
    """Ce que le modèle seul ne vérifie pas : les années au Québec, et les mesures et les acteurs
    reçus contre le catalogue ; :class:`ErreurProfil` sinon (voir :func:`valider_profil`).

    >>> verifier_profil(valider_profil({"annees_experience": 2, "ordre": "primaire"}), set())
    """
    if profil.annees_au_quebec is not None and profil.annees_au_quebec > profil.annees_experience:
        raise ErreurProfil(
            [
                Probleme(
                    f"au plus annees_experience ({profil.annees_experience}) : les années au "
                    "Québec font partie des années d'expérience",
                    champ="annees_au_quebec",
                    valeur=profil.annees_au_quebec,
                    code="incoherent",
                    attendu=Plage(0, profil.annees_experience),
                )
            ]
        )
    inconnues: list[Probleme] = []
    for rang, recue in enumerate(profil.mesures_recues):
        if mesures is not None and recue.mesure not in mesures:
            inconnues.append(
                Probleme(
                    "mesure inconnue du catalogue",
                    champ=f"mesures_recues[{rang}].mesure",
                    valeur=recue.mesure,
                    suggestions=suggerer(recue.mesure, mesures),
                    code="inconnu",
                    attendu=tuple(sorted(mesures)),
                )
            )
        if (
            acteurs is not None
            and recue.intervenant is not None
            and recue.intervenant not in acteurs
        ):
            inconnues.append(
                Probleme(
                    "acteur inconnu du catalogue",
                    champ=f"mesures_recues[{rang}].intervenant",
                    valeur=recue.intervenant,
                    suggestions=suggerer(recue.intervenant, acteurs),
                    code="inconnu",
                    attendu=tuple(sorted(acteurs)),
                )
            )
    if inconnues:
        raise ErreurProfil(inconnues)


def _entier_demesure(donnees: object) -> Probleme:
    """Le problème du premier entier trop grand pour un nombre à virgule, avec son champ.

    >>> str(_entier_demesure({"ecole": {"part_novices": 10**400}}))
    "champ 'ecole.part_novices' : nombre démesuré (reçu : <entier de 401 chiffres>)"
    """
    pile: list[tuple[object, str]] = [(donnees, "")]
    while pile:
        valeur, chemin = pile.pop()
        if isinstance(valeur, Mapping):
            pile.extend((v, f"{chemin}.{k}" if chemin else str(k)) for k, v in valeur.items())
        elif isinstance(valeur, list | tuple):
            pile.extend((v, f"{chemin}[{i}]") for i, v in enumerate(valeur))
        elif isinstance(valeur, int) and valeur.bit_length() > 1000:
            return Probleme("nombre démesuré", champ=chemin, valeur=valeur, code="hors_limites")
    return Probleme("profil illisible : un nombre démesuré", code="hors_limites")
