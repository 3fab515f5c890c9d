"""L'enveloppe de durable-rules : le seul module qui importe durable-rules.

durable-rules 2.0.28 peut tuer le processus ou se bloquer dans des situations
reproductibles (``../shared/notes/durable-rules.md`` et ``docs/moteur.md``). Cette
enveloppe les rend inatteignables :

- **aucun** ``Host`` : les ensembles de règles sont créés directement par l'extension C
  (``create_ruleset``) ; aucun fil de répartition ne tourne (ceux d'un ``Host`` ne
  s'arrêtent jamais et volaient parfois les déclenchements d'un fait en cours) ;
- **un seul état (sid) par ensemble de règles**, réutilisé : jamais plus d'un état
  vivant, donc ni la limite de 1 024 états ni ``delete_state`` (qui provoque des
  erreurs de segmentation) ne sont jamais atteints ;
- **une règle attrape-tout** : chaque fait est traité, donc jamais de
  ``MessageNotHandledException`` ;
- chaque fait est **retiré** aussitôt évalué (``assert_fact`` puis ``retract_fact``) :
  l'état ne contient jamais deux faits, et la mémoire reste plate ;
- une règle dont la condition contient ``$or`` est déclenchée **une fois par branche
  tenue** : chaque règle n'est rapportée qu'une fois ;
- l'opérateur ``$ex`` (qui bloque le processus) n'est jamais produit ; les faits
  ne contiennent que des booléens, entiers, nombres et chaînes, et moins de 255
  propriétés ;
- **un verrou** sérialise tous les appels à l'extension C (qui ne relâche pas le GIL :
  rien n'est perdu en parallélisme) ;
- les actions sont menées **directement** (``assert_fact``, ``start_action_for_state``,
  ``complete_and_start_action``, ``retract_fact``). Toute erreur pendant une évaluation
  (code de retour inattendu, exception de l'extension, message illisible) est relevée en
  :class:`ErreurMoteur` ; l'ensemble, dont l'état n'est plus sûr, est remplacé par un neuf.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import threading
from collections.abc import Mapping
from typing import Any

import durable_rules_engine as _c  # type: ignore[import-not-found]

from .._erreurs import ErreurMoteur
from .._langage.expressions import Expression
from .durable_json import decouper, en_json_durable

_VERROU = threading.RLock()
_NOMS = itertools.count()

#: Le champ que porte chaque fait et que teste la règle attrape-tout.
CHAMP_TOUJOURS = "recommandeur_fait"
#: Au plus 255 propriétés par objet dans durable-rules (MAX_OBJECT_PROPERTIES) ; id, sid et
#: le champ attrape-tout en prennent trois.
PROPRIETES_MAX = 250
#: Plafond des remplacements d'ensembles après une erreur.
REMPLACEMENTS_MAX = 1_000
_SID = "0"
_ENTIER_MAX = 2**53


def _valeur_sure(valeur: object) -> bool:
    genre = type(valeur)
    if genre is bool or genre is str:
        return True
    if genre is int:
        return -_ENTIER_MAX <= valeur <= _ENTIER_MAX  # type: ignore[operator]
    if genre is float:
        # durable-rules refuse (erreur 204) les nombres écrits en notation exponentielle.
        return math.isfinite(valeur) and "e" not in repr(valeur)  # type: ignore[arg-type]
    return False


class EnsembleDurable:
    """Des règles compilées, enregistrées dans durable-rules ; :meth:`declencher` les évalue.

    Les règles sont réparties en plusieurs ensembles durable-rules de taille bornée (voir
    :func:`~recommandeur._moteur.durable_json.decouper`) ; le fait est évalué par chacun.

    >>> from recommandeur._langage.expressions import Atome
    >>> ens = EnsembleDurable({"imse_eleve": Atome("ecole.imse", ">=", 8)})
    >>> ens.declencher({"ecole.imse": 9})
    ['imse_eleve']
    >>> ens.declencher({"ecole.imse": 3})
    []
    """

    def __init__(self, conditions: Mapping[str, Expression]) -> None:
        rangs = {rid: rang for rang, rid in enumerate(conditions)}
        self._json = {f"r{rangs[rid]}": en_json_durable(c) for rid, c in conditions.items()}
        self._noms = {f"r{rang}": rid for rid, rang in rangs.items()}
        self._morceaux = [[f"r{rangs[rid]}" for rid in morceau] for morceau in decouper(conditions)]
        self._remplacements = 0
        self._nom = ""
        self._poignees: list[Any] = []
        with _VERROU:
            self._enregistrer()

    @property
    def nombre_d_ensembles(self) -> int:
        """Le nombre d'ensembles durable-rules entre lesquels les règles sont réparties."""
        return len(self._morceaux)

    def _enregistrer(self) -> None:
        noms: list[str] = []
        poignees: list[Any] = []
        for morceau in self._morceaux or [[]]:
            definition: dict[str, Any] = {nom: {"all": [{"m": self._json[nom]}]} for nom in morceau}
            definition["attrape_tout"] = {"all": [{"m": {CHAMP_TOUJOURS: 1}}]}
            nom_ensemble = f"recommandeur_{next(_NOMS)}"
            try:
                poignees.append(
                    _c.create_ruleset(nom_ensemble, json.dumps(definition, ensure_ascii=False))
                )
            except Exception as exc:
                raise ErreurMoteur(f"durable-rules refuse l'ensemble de règles : {exc}") from None
            noms.append(nom_ensemble)
        self._nom = "+".join(noms)
        self._poignees = poignees

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
        texte = json.dumps(donnees, ensure_ascii=False)
        with _VERROU:
            try:
                tirees = self._evaluer(texte)
            except ErreurMoteur:
                self._remplacer()
                raise
            except Exception as exc:
                self._remplacer()
                raise ErreurMoteur(f"durable-rules a échoué : {exc}") from None
        noms = self._noms
        # Une règle à disjonction se déclenche une fois par branche tenue : dédoublonner.
        return [noms[n] for n in dict.fromkeys(tirees) if n in noms]

    def _evaluer(self, texte: str) -> list[str]:
        """Évalue le fait dans chaque ensemble, dans l'ordre (verrou tenu)."""
        tirees: list[str] = []
        for poignee in self._poignees:
            tirees.extend(_evaluer_dans(poignee, texte))
        return tirees


def _evaluer_dans(poignee: Any, texte: str) -> list[str]:
    """Affirme le fait, mène chaque action jusqu'au bout, retire le fait."""
    resultat = _c.assert_fact(poignee, texte)
    if resultat[0] != 0:
        raise ErreurMoteur(f"assert_fact a renvoyé le code {resultat[0]}")
    etat = resultat[1]
    tirees: list[str] = []
    action = _c.start_action_for_state(poignee, etat)
    message: str | None = action[1] if action else None
    try:
        while message:
            tirees.append(nom_action(message))
            message = _c.complete_and_start_action(poignee, etat)
    except BaseException:
        _abandonner(poignee, etat)
        raise
    retrait = _c.retract_fact(poignee, texte)
    if retrait[0] != 0:
        raise ErreurMoteur(f"retract_fact a renvoyé le code {retrait[0]}")
    if _c.start_action_for_state(poignee, retrait[1]):
        _abandonner(poignee, retrait[1])
        raise ErreurMoteur("le retrait du fait a déclenché une action inattendue")
    return tirees


def _abandonner(poignee: Any, etat: Any) -> None:
    # l'ensemble est remplacé juste après : un échec de l'abandon ne change rien
    with contextlib.suppress(Exception):
        _c.abandon_action(poignee, etat)


def nom_action(message: str) -> str:
    """Le nom de la règle d'un message d'action de durable-rules (``{"r3": {...}}``).

    >>> nom_action('{"r3": {"sid": "0"}}')
    'r3'
    """
    if message.startswith('{"'):
        fin = message.find('"', 2)
        if fin > 2:
            return message[2:fin]
    try:
        return str(next(iter(json.loads(message))))
    except (ValueError, StopIteration, TypeError):
        raise ErreurMoteur(f"message d'action illisible : {message[:80]!r}") from None
