"""L'enveloppe de durable-rules : le seul module qui importe ``durable``.

durable-rules 2.0.28 peut tuer le processus ou se bloquer dans des situations
reproductibles (``../shared/notes/durable-rules.md`` et ``docs/moteur.md``). Cette
enveloppe les rend inatteignables :

- **un seul hôte** par processus, créé à la demande (chaque ``Host`` lance des
  fils d'exécution qui ne s'arrêtent jamais) ;
- **un seul état (sid) par ensemble de règles**, réutilisé : jamais plus d'un état
  vivant, donc ni la limite de 1 024 états ni ``delete_state`` (qui provoque des
  erreurs de segmentation) ne sont jamais atteints — ``delete_state`` n'est jamais
  appelé ;
- **une règle attrape-tout** : chaque fait est traité, donc jamais de
  ``MessageNotHandledException`` ;
- chaque fait est **retiré** aussitôt évalué (``assert_fact`` puis
  ``retract_fact``) : l'état ne contient jamais deux faits, pas de
  ``MessageObservedException`` ni de collision de hachage, et la mémoire reste plate ;
- une règle dont la condition contient ``$or`` est déclenchée **une fois par branche
  tenue** (durable développe les disjonctions) : chaque règle n'est rapportée qu'une fois ;
- l'opérateur ``$ex`` (qui bloque le processus) n'est jamais produit ; les faits
  ne contiennent que des booléens, entiers, nombres et chaînes, et moins de 255
  propriétés ;
- **un verrou** sérialise tous les appels (l'extension C ne relâche pas le GIL :
  rien n'est perdu en parallélisme) ;
- une exception levée dans une action, que durable avale et laisse dans l'état,
  est relevée en :class:`ErreurMoteur` ; l'ensemble de règles, dont l'état est
  alors corrompu, est remplacé par un neuf pour les appels suivants.
"""

from __future__ import annotations

import itertools
import math
import sys
import threading
import warnings
from collections.abc import Callable, Mapping
from typing import Any

from durable import engine as _engine

from ._erreurs import ErreurMoteur

_VERROU = threading.RLock()
_NOMS = itertools.count()
_hote: Any = None

#: Le champ que porte chaque fait et que teste la règle attrape-tout.
CHAMP_TOUJOURS = "recommandeur_fait"
#: Au plus 255 propriétés par objet dans durable-rules (MAX_OBJECT_PROPERTIES) ; id, sid et
#: le champ attrape-tout en prennent trois.
PROPRIETES_MAX = 250
#: Plafond des remplacements d'ensembles après une erreur (durable ne libère jamais un ensemble).
REMPLACEMENTS_MAX = 1_000
_SID = "0"


def _hote_partage() -> Any:
    global _hote
    if _hote is None:
        _hote = _engine.Host()
    return _hote


def _rien(_contexte: object) -> None:
    return None


def _valeur_sure(valeur: object) -> bool:
    if isinstance(valeur, bool | str):
        return True
    if isinstance(valeur, int):
        return -(2**53) <= valeur <= 2**53
    if isinstance(valeur, float):
        # durable-rules refuse (erreur 204) les nombres écrits en notation exponentielle.
        return math.isfinite(valeur) and "e" not in repr(valeur)
    return False


def _appeler(fonction: Callable[..., Any], *arguments: Any) -> Any:
    if sys.version_info >= (3, 12):  # pragma: no cover - Python 3.12 seulement
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return fonction(*arguments)
    return fonction(*arguments)


class EnsembleDurable:
    """Un ensemble de règles compilé et enregistré dans durable-rules.

    ``conditions`` associe à chaque identifiant de règle sa condition au format
    JSON de durable-rules (sans ``$ex``). :meth:`declencher` renvoie les
    identifiants des règles qu'un fait déclenche.

    >>> ens = EnsembleDurable({"imse_eleve": {"$gte": {"ecole.imse": 8}}})
    >>> ens.declencher({"ecole.imse": 9})
    ['imse_eleve']
    >>> ens.declencher({"ecole.imse": 3})
    []
    """

    def __init__(self, conditions: Mapping[str, Mapping[str, Any]]) -> None:
        self._conditions = {rid: dict(c) for rid, c in conditions.items()}
        self._tirees: list[str] = []
        self._erreur_action: BaseException | None = None
        self._remplacements = 0
        self._nom = ""
        with _VERROU:
            self._enregistrer()

    def _action(self, rid: str) -> Callable[[object], None]:
        def executer(_contexte: object) -> None:
            try:
                self._tirees.append(rid)
            except BaseException as exc:  # pragma: no cover - filet de sécurité
                self._erreur_action = exc
                raise

        return executer

    def _enregistrer(self) -> None:
        definition: dict[str, Any] = {
            f"r{rang}": {"all": [{"m": condition}], "run": self._action(rid)}
            for rang, (rid, condition) in enumerate(self._conditions.items())
        }
        definition["attrape_tout"] = {"all": [{"m": {CHAMP_TOUJOURS: 1}}], "run": _rien}
        nom = f"recommandeur_{next(_NOMS)}"
        try:
            _appeler(_hote_partage().set_rulesets, {nom: definition})
        except Exception as exc:
            raise ErreurMoteur(f"durable-rules refuse l'ensemble de règles : {exc}") from None
        self._nom = nom

    def _remplacer(self) -> None:
        self._remplacements += 1
        if self._remplacements > REMPLACEMENTS_MAX:
            raise ErreurMoteur("trop d'erreurs du moteur ; recréer le Moteur")
        self._enregistrer()

    def declencher(self, fait: Mapping[str, Any]) -> list[str]:
        """Les identifiants des règles déclenchées par ``fait``, chacune une fois, dans l'ordre de durable."""
        if len(fait) > PROPRIETES_MAX:
            raise ErreurMoteur(f"fait de {len(fait)} propriétés ; au plus {PROPRIETES_MAX}")
        for cle, valeur in fait.items():
            if not _valeur_sure(valeur):
                raise ErreurMoteur(f"valeur non admise pour le champ {cle!r} : {valeur!r}")
        donnees = dict(fait)
        donnees.update({"id": "fait", "sid": _SID, CHAMP_TOUJOURS: 1})
        with _VERROU:
            self._tirees = []
            self._erreur_action = None
            try:
                etat = _appeler(_hote_partage().assert_fact, self._nom, donnees)
            except Exception as exc:
                self._remplacer()
                raise ErreurMoteur(f"assert_fact a échoué : {exc}") from None
            try:
                _appeler(_hote_partage().retract_fact, self._nom, donnees)
            except Exception as exc:
                self._remplacer()
                raise ErreurMoteur(f"retract_fact a échoué : {exc}") from None
            # Une règle à disjonction se déclenche une fois par branche tenue : dédoublonner.
            tirees = list(dict.fromkeys(self._tirees))
            self._tirees = []
            exception = etat.get("exception") if isinstance(etat, dict) else None
            if self._erreur_action is not None or exception:
                cause = self._erreur_action or exception
                self._remplacer()
                regle = tirees[-1] if tirees else None
                raise ErreurMoteur(f"une action a levé une exception : {cause}", regle)
        return tirees
