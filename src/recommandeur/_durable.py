"""L'enveloppe de durable-rules : le seul module qui importe ``durable``.

durable-rules 2.0.28 peut tuer le processus ou se bloquer dans des situations
reproductibles (``../shared/notes/durable-rules.md`` et ``docs/moteur.md``). Cette
enveloppe les rend inatteignables :

- **un seul hôte** par processus, créé à la demande, **sans ses fils de répartition** :
  chaque ``Host`` lance des fils qui ne s'arrêtent jamais et qui mènent, hors de tout
  verrou, les actions en attente de n'importe quel ensemble — ils volaient parfois les
  déclenchements d'un fait en cours d'évaluation ;
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
- les règles sont enregistrées par ``Host.set_rulesets`` (qui installe les rappels du
  moteur C), mais les actions sont menées **directement** par l'extension C
  (``assert_fact``, ``start_action_for_state``, ``complete_and_start_action``,
  ``retract_fact``) : la couche Python de durable, qui avale les exceptions des actions
  et refait un aller-retour JSON de l'état à chaque déclenchement, n'est pas sur le
  chemin. Toute erreur pendant une évaluation (code de retour inattendu, exception de
  l'extension, action dont le message ne se lit pas) est relevée en
  :class:`ErreurMoteur`, l'action en cours est abandonnée et l'ensemble de règles,
  dont l'état n'est plus sûr, est remplacé par un neuf pour les appels suivants.
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


class _HoteSansFils(_engine.Host):  # type: ignore[misc]
    """Un hôte durable-rules qui ne lance pas ses fils de répartition.

    ``Host._run`` lance deux fils (actions en attente et minuteries) qui appellent
    ``start_action`` sur chaque ensemble, hors de tout verrou : ils peuvent prendre les
    actions d'un fait entre ``assert_fact`` et leur lecture par l'appelant (mesuré : une
    évaluation sur quelques centaines rendait une liste vide avec quatre moteurs). Toutes
    les actions sont menées ici, de façon synchrone, et aucune minuterie n'est utilisée.
    """

    def _run(self) -> None:
        return None


def _hote_partage() -> Any:
    global _hote
    if _hote is None:
        _hote = _HoteSansFils()
    return _hote


def _rien(_contexte: object) -> None:
    return None


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


#: Au plus 64 nœuds sur la pile du parcours du réseau alpha (MAX_STACK_SIZE de durable-rules) :
#: au-delà, ``assert_fact`` échoue (code 303) selon le fait. Chaque nœud n'y entre qu'une fois
#: par parcours : un ensemble d'au plus 63 nœuds ne peut pas déborder. On en garde 60, dont
#: un pour la règle attrape-tout.
NOEUDS_PAR_ENSEMBLE = 60
_SATURATION = 10**6


def _dnf(condition: Mapping[str, Any]) -> tuple[int, int]:
    """(nombre de termes, nombre de comparaisons) de la forme disjonctive, saturés."""
    if "$and" in condition:
        termes, comparaisons = 1, 0
        for enfant in condition["$and"]:
            t, c = _dnf(enfant)
            comparaisons = min(_SATURATION, comparaisons * t + c * termes)
            termes = min(_SATURATION, termes * t)
        return termes, comparaisons
    if "$or" in condition:
        termes = comparaisons = 0
        for enfant in condition["$or"]:
            t, c = _dnf(enfant)
            termes, comparaisons = min(_SATURATION, termes + t), min(_SATURATION, comparaisons + c)
        return termes, comparaisons
    return 1, 1


def noeuds_alpha(condition: Mapping[str, Any]) -> int:
    """Majorant du nombre de nœuds alpha d'une condition : ses comparaisons en forme disjonctive.

    durable-rules développe les disjonctions (une chaîne de nœuds par terme) ; le partage
    des nœuds identiques n'est pas compté, d'où un majorant.

    >>> noeuds_alpha({"$and": [{"a": 1}, {"$or": [{"b": 1}, {"c": 2}]}]})
    4
    """
    return _dnf(condition)[1]


def decouper(conditions: Mapping[str, Mapping[str, Any]]) -> list[list[str]]:
    """Répartit les règles, dans l'ordre, en ensembles d'au plus ``NOEUDS_PAR_ENSEMBLE - 1`` nœuds.

    >>> decouper({"a": {"x": 1}, "b": {"$and": [{"x": 1}] * 59}, "c": {"y": 2}})
    [['a'], ['b'], ['c']]
    """
    morceaux: list[list[str]] = []
    courant: list[str] = []
    charge = 0
    for rid, condition in conditions.items():
        noeuds = noeuds_alpha(condition)
        if noeuds > NOEUDS_PAR_ENSEMBLE - 1:
            raise ErreurMoteur(
                f"condition trop complexe pour durable-rules ({noeuds} comparaisons en forme "
                f"disjonctive, au plus {NOEUDS_PAR_ENSEMBLE - 1})",
                rid,
            )
        if courant and charge + noeuds > NOEUDS_PAR_ENSEMBLE - 1:
            morceaux.append(courant)
            courant, charge = [], 0
        courant.append(rid)
        charge += noeuds
    if courant:
        morceaux.append(courant)
    return morceaux


class EnsembleDurable:
    """Un ensemble de règles compilé et enregistré dans durable-rules.

    ``conditions`` associe à chaque identifiant de règle sa condition au format
    JSON de durable-rules (sans ``$ex``). :meth:`declencher` renvoie les
    identifiants des règles qu'un fait déclenche. Les règles sont réparties en
    plusieurs ensembles durable-rules de taille bornée (voir :func:`decouper`) ;
    le fait est évalué par chacun.

    >>> ens = EnsembleDurable({"imse_eleve": {"$gte": {"ecole.imse": 8}}})
    >>> ens.declencher({"ecole.imse": 9})
    ['imse_eleve']
    >>> ens.declencher({"ecole.imse": 3})
    []
    """

    def __init__(self, conditions: Mapping[str, Mapping[str, Any]]) -> None:
        self._conditions = {rid: dict(c) for rid, c in conditions.items()}
        rangs = {rid: rang for rang, rid in enumerate(self._conditions)}
        self._noms = {f"r{rang}": rid for rid, rang in rangs.items()}
        self._morceaux = [
            [f"r{rangs[rid]}" for rid in morceau] for morceau in decouper(self._conditions)
        ]
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
        hote = _hote_partage()
        for morceau in self._morceaux or [[]]:
            definition: dict[str, Any] = {
                nom: {"all": [{"m": self._conditions[self._noms[nom]]}], "run": _rien}
                for nom in morceau
            }
            definition["attrape_tout"] = {"all": [{"m": {CHAMP_TOUJOURS: 1}}], "run": _rien}
            nom_ensemble = f"recommandeur_{next(_NOMS)}"
            try:
                hote.set_rulesets({nom_ensemble: definition})
                poignees.append(hote.get_ruleset(nom_ensemble)._handle)
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
