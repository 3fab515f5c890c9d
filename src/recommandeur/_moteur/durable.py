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
  propriétés ; seuls les champs que lisent les conditions sont envoyés, sous un nom court
  (``c0``, ``c1``…) : durable-rules analyse le fait puis le recopie entier dans chaque
  message d'action ;
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
import weakref
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import durable_rules_engine as _c  # type: ignore[import-not-found]

from .._base.apercu import repr_borne
from .._base.erreurs import ErreurMoteur
from .._langage.expressions import Atome, Expression, atomes
from .durable_json import CHAMP_ATTRAPE_TOUT, decouper, en_json_durable

_VERROU = threading.RLock()
_NOMS = itertools.count()

#: Au plus 255 propriétés par objet dans durable-rules (MAX_OBJECT_PROPERTIES) ; id, sid et
#: le champ attrape-tout en prennent trois.
PROPRIETES_MAX = 250
#: Ensembles sans utilisateur gardés pour être réutilisés (un rechargement des mêmes règles).
INACTIFS_MAX = 8
_SID = "0"
#: Un seul encodeur, fait une fois (``json.dumps`` avec options en refait un à chaque appel).
_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False)
_ENTIER_MAX = 2**53


class _Ensemble:
    """Un ensemble de règles de durable-rules, partagé par tous les moteurs de même contenu."""

    __slots__ = ("definition", "evalue", "poignee", "sale", "utilisateurs")

    def __init__(self, definition: str) -> None:
        self.definition = definition
        self.poignee: Any = _creer(definition)
        #: Un état (sid "0") existe : il faudra le libérer avec l'ensemble.
        self.evalue = False
        #: Une évaluation a commencé sans finir (exception, interruption) : l'état n'est plus sûr.
        self.sale = False
        self.utilisateurs = 0


#: Les ensembles vivants, par contenu ; et ceux sans utilisateur, du plus ancien au plus récent.
_PAR_CONTENU: dict[str, _Ensemble] = {}
_INACTIFS: OrderedDict[str, _Ensemble] = OrderedDict()


def _creer(definition: str) -> Any:
    try:
        return _c.create_ruleset(f"recommandeur_{next(_NOMS)}", definition)
    except Exception as exc:
        raise ErreurMoteur(f"durable-rules refuse l'ensemble de règles : {exc}") from None


def _liberer(poignee: Any, evalue: bool) -> None:
    """Libère un ensemble et son unique état : ``delete_state`` puis ``delete_ruleset``.

    Sans ``delete_state``, ``delete_ruleset`` laisse la mémoire de l'état (≈ 290 ko mesurés par
    ensemble évalué). Les pannes connues de ``delete_state`` (plusieurs états vivants, fils de
    répartition, fait non traité) ne peuvent pas se produire ici : un seul état, aucun fil, une
    règle attrape-tout, et l'ensemble n'est plus jamais touché ensuite.
    """
    with contextlib.suppress(Exception):
        if evalue:
            _c.delete_state(poignee, _SID)
        _c.delete_ruleset(poignee)


def _prendre(definition: str) -> _Ensemble:
    """L'ensemble de ce contenu, créé au besoin ; un utilisateur de plus (verrou tenu)."""
    ensemble = _PAR_CONTENU.get(definition)
    if ensemble is None:
        ensemble = _PAR_CONTENU[definition] = _Ensemble(definition)
    _INACTIFS.pop(definition, None)
    ensemble.utilisateurs += 1
    return ensemble


def _rendre(ensembles: list[_Ensemble]) -> None:
    """Un utilisateur de moins ; au-delà de ``INACTIFS_MAX`` ensembles inutilisés, libérer les plus anciens."""
    with _VERROU:
        for ensemble in ensembles:
            ensemble.utilisateurs -= 1
            if ensemble.utilisateurs == 0:
                _INACTIFS[ensemble.definition] = ensemble
        while len(_INACTIFS) > INACTIFS_MAX:
            _, ancien = _INACTIFS.popitem(last=False)
            del _PAR_CONTENU[ancien.definition]
            _liberer(ancien.poignee, ancien.evalue)


def _renouveler(ensemble: _Ensemble) -> None:
    """Remplace l'ensemble durable-rules d'un contenu par un neuf, et libère l'ancien (verrou tenu)."""
    ancienne, evalue = ensemble.poignee, ensemble.evalue
    ensemble.poignee = _creer(ensemble.definition)
    ensemble.evalue = ensemble.sale = False
    _liberer(ancienne, evalue)


def ensembles_vivants() -> int:
    """Le nombre d'ensembles durable-rules vivants dans ce processus (utilisés ou en réserve).

    >>> ensembles_vivants() >= 0
    True
    """
    with _VERROU:
        return len(_PAR_CONTENU)


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

    Les règles sont réparties en ensembles durable-rules dont la pile ne peut pas déborder
    (voir :func:`~recommandeur._moteur.durable_json.decouper`) ; le fait est évalué par chacun.

    >>> from recommandeur._langage.expressions import Atome
    >>> ens = EnsembleDurable({"imse_eleve": Atome("ecole.imse", ">=", 8)})
    >>> ens.declencher({"ecole.imse": 9})
    ['imse_eleve']
    >>> ens.declencher({"ecole.imse": 3})
    []
    """

    def __init__(self, conditions: Mapping[str, Expression]) -> None:
        rangs = {rid: rang for rang, rid in enumerate(conditions)}
        self._noms = {f"r{rang}": rid for rid, rang in rangs.items()}
        #: Les champs que lisent les conditions et leur nom court : seuls ceux-là sont envoyés
        #: (durable-rules analyse le fait, puis le recopie entier dans chaque message d'action).
        lus = sorted({a.champ for c in conditions.values() for a in atomes(c)})
        courts = {champ: f"c{i}" for i, champ in enumerate(lus)}
        self._champs: tuple[tuple[str, str], ...] = tuple(courts.items())
        definitions = []
        for morceau in decouper(conditions) or [[]]:
            definition: dict[str, Any] = {
                f"r{rangs[rid]}": {
                    "all": [{"m": en_json_durable(renommer(conditions[rid], courts))}]
                }
                for rid in morceau
            }
            definition["attrape_tout"] = {"all": [{"m": {CHAMP_ATTRAPE_TOUT: 1}}]}
            definitions.append(json.dumps(definition, ensure_ascii=False, sort_keys=True))
        self._ensembles: list[_Ensemble] = []
        with _VERROU:
            try:
                for definition_json in definitions:
                    self._ensembles.append(_prendre(definition_json))
            except BaseException:
                _rendre(self._ensembles)
                raise
        weakref.finalize(self, _rendre, list(self._ensembles))

    @property
    def nombre_d_ensembles(self) -> int:
        """Le nombre d'ensembles durable-rules entre lesquels les règles sont réparties."""
        return len(self._ensembles)

    @property
    def _poignees(self) -> list[Any]:
        return [e.poignee for e in self._ensembles]

    def declencher(self, fait: Mapping[str, Any]) -> list[str]:
        """Les identifiants des règles déclenchées par ``fait``, chacune une fois, dans l'ordre de durable."""
        if len(fait) > PROPRIETES_MAX:
            raise ErreurMoteur(f"fait de {len(fait)} propriétés ; au plus {PROPRIETES_MAX}")
        donnees: dict[str, Any] = {"id": "fait", "sid": _SID, CHAMP_ATTRAPE_TOUT: 1}
        for cle, court in self._champs:
            if cle in fait:
                valeur = fait[cle]
                genre = type(valeur)
                if genre is not bool and genre is not str and not _valeur_sure(valeur):
                    raise ErreurMoteur(
                        f"valeur non admise pour le champ {repr_borne(cle)} : {repr_borne(valeur)}"
                    )
                donnees[court] = valeur
        texte = _JSON.encode(donnees)
        tirees: list[str] = []
        with _VERROU:
            for ensemble in self._ensembles:
                tirees.extend(_evaluer(ensemble, texte))
        noms = self._noms
        # Une règle à disjonction se déclenche une fois par branche tenue : dédoublonner.
        return [noms[n] for n in dict.fromkeys(tirees) if n in noms]


def renommer(expression: Expression, noms: Mapping[str, str]) -> Expression:
    """La condition dont chaque champ porte le nom que lui donne ``noms``.

    >>> from recommandeur._langage.expressions import Atome, Ou
    >>> renommer(Ou((Atome("ecole.imse", ">=", 8), Atome("ordre", "==", "fp"))), {"ecole.imse": "c0", "ordre": "c1"})
    Ou(termes=(Atome(champ='c0', op='>=', valeur=8), Atome(champ='c1', op='==', valeur='fp')))
    """
    if isinstance(expression, Atome):
        return Atome(noms[expression.champ], expression.op, expression.valeur)
    return type(expression)(tuple(renommer(t, noms) for t in expression.termes))


def _evaluer(ensemble: _Ensemble, texte: str) -> list[str]:
    """Évalue le fait dans un ensemble (verrou tenu) ; le renouvelle s'il n'est plus sûr.

    ``sale`` est posé avant ``assert_fact`` et levé après le retrait : une interruption
    (``KeyboardInterrupt``, délai d'un signal) entre les deux laisse l'ensemble marqué, et
    l'appel suivant repart d'un ensemble neuf au lieu de l'état à moitié évalué.
    """
    if ensemble.sale:
        _renouveler(ensemble)
    ensemble.sale = ensemble.evalue = True
    try:
        tirees = _evaluer_dans(ensemble.poignee, texte)
    except ErreurMoteur:
        _renouveler(ensemble)
        raise
    except Exception as exc:
        _renouveler(ensemble)
        raise ErreurMoteur(f"durable-rules a échoué : {exc}") from None
    ensemble.sale = False
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
