"""Le choix de l'intervenant : le plus proche parmi ceux qui sont présents (001).

001 : « Les acteurs du milieu détermineront l'intervenant qui répondra le mieux aux besoins des
enseignants d'IP. Ce choix sera fait en prenant en considération la connaissance la plus
approfondie possible du contexte d'intervention [...] ainsi que la proximité (présence dans le
milieu). » Une mesure liste ses intervenants possibles du plus proche au plus lointain ; pour
une personne, chacun est :

- **présent** (toujours là, ou déclaré présent par l'école ou le centre), **absent** (déclaré
  absent) ou **à confirmer** (ni l'école ni le centre ne le disent) ;
- **hors de portée** s'il ne sert que les personnes en insertion et que la personne ne l'est
  plus (le mentorat a ses « personnes ayant droit ») ;
- **à éviter** s'il a offert une mesure restée sans effet : il passe après les autres, pour
  changer d'intervenant quand c'est possible plutôt que de redonner la même chose (003 :
  « refaire certaines étapes du cycle de l'action »).

Le premier présent est choisi ; à défaut, le premier à confirmer. Un intervenant absent ou
hors de portée ne porte jamais rien.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._catalogue.modeles import Acteur, Intervenant
from .._vocabulaire import Presence


def presence(acteur: Acteur, fait: Mapping[str, Any]) -> Presence:
    """La présence d'un acteur pour ce fait (le champ ``ecole.<x>`` qu'il nomme, s'il en nomme un).

    >>> a = Acteur(id="m", libelle="M", presence="ecole.mentor_dans_l_ecole", role=("r",),
    ...            sources=("s",))
    >>> presence(a, {"ecole.mentor_dans_l_ecole": False}).value, presence(a, {}).value
    ('absent', 'inconnue')
    """
    if acteur.presence == "toujours":
        return Presence.PRESENT
    if acteur.presence == "a_confirmer":
        return Presence.INCONNUE
    valeur = fait.get(acteur.presence)
    if valeur is None:
        return Presence.INCONNUE
    return Presence.PRESENT if valeur else Presence.ABSENT


@dataclass(frozen=True)
class Choix:
    """L'intervenant choisi (``None`` si aucun n'est possible), sa présence, les autres possibles."""

    intervenant: Intervenant | None
    presence: Presence
    alternatives: tuple[str, ...]
    #: Pourquoi chaque intervenant écarté l'a été (``(acteur, raison)``).
    ecartes: tuple[tuple[str, str], ...]


def choisir(
    candidats: Sequence[Intervenant],
    acteurs: Mapping[str, Acteur],
    fait: Mapping[str, Any],
    en_insertion: bool,
    a_eviter: frozenset[str] = frozenset(),
    vus_presents: frozenset[str] = frozenset(),
    nommes: int | None = None,
) -> Choix:
    """Choisit l'intervenant d'une mesure parmi ses candidats, dans l'ordre de préférence.

    ``vus_presents`` : les acteurs dont la présence, inconnue du profil, est attestée (ils ont
    offert une mesure reçue avec effet) ; une absence déclarée l'emporte. ``nommes`` : les
    ``nommes`` premiers candidats sont ceux que les règles nomment pour la situation, les
    suivants sont de repli (tous nommés par défaut) : un présent de repli passe avant un nommé
    à confirmer (« la proximité (présence dans le milieu) », 001), un nommé avant un présent de
    repli.

    >>> proche = Acteur(id="mentor", libelle="Mentor", presence="ecole.mentor_dans_l_ecole",
    ...                 role=("r",), sources=("s",))
    >>> loin = Acteur(id="cp", libelle="CP", role=("r",), sources=("s",))
    >>> acteurs = {"mentor": proche, "cp": loin}
    >>> candidats = [Intervenant(acteur="mentor", role="r"), Intervenant(acteur="cp", role="r")]
    >>> choisir(candidats, acteurs, {"ecole.mentor_dans_l_ecole": True}, True).intervenant.acteur
    'mentor'
    >>> c = choisir(candidats, acteurs, {"ecole.mentor_dans_l_ecole": False}, True)
    >>> c.intervenant.acteur, c.alternatives, c.ecartes
    ('cp', (), (('mentor', 'absent'),))
    >>> choisir(candidats, acteurs, {}, True).intervenant.acteur   # le mentor, inconnu : après le CP présent
    'cp'
    >>> choisir(candidats, acteurs, {"ecole.mentor_dans_l_ecole": True}, True, nommes=1).intervenant.acteur
    'mentor'
    >>> choisir(candidats[::-1], acteurs, {"ecole.mentor_dans_l_ecole": True}, True, nommes=1).intervenant.acteur
    'cp'
    """
    limite = len(candidats) if nommes is None else nommes
    possibles: list[tuple[bool, bool, int, bool, Intervenant]] = []
    ecartes: list[tuple[str, str]] = []
    for rang, candidat in enumerate(candidats):
        acteur = acteurs[candidat.acteur]
        etat = presence(acteur, fait)
        if etat is Presence.INCONNUE and candidat.acteur in vus_presents:
            etat = Presence.PRESENT
        if etat is Presence.ABSENT:
            ecartes.append((candidat.acteur, "absent"))
        elif acteur.insertion_seulement and not en_insertion:
            ecartes.append((candidat.acteur, "réservé aux personnes en insertion"))
        else:
            # d'abord ceux qui ne sont pas à éviter, puis les présents, puis l'ordre de
            # préférence (ceux que la situation nomme viennent avant ceux de repli)
            possibles.append(
                (
                    candidat.acteur in a_eviter,
                    etat is not Presence.PRESENT,
                    rang,
                    rang >= limite,
                    candidat,
                )
            )
    if not possibles:
        return Choix(None, Presence.ABSENT, (), tuple(ecartes))
    possibles.sort(key=lambda p: p[:3])
    _, inconnue, _, de_repli, choisi = possibles[0]
    # les autres possibles : ceux que la situation nomme ; ceux de repli seulement si c'est un
    # repli qui porte la mesure (« ou : » reste court)
    return Choix(
        choisi,
        Presence.INCONNUE if inconnue else Presence.PRESENT,
        tuple(p[4].acteur for p in possibles[1:] if de_repli or not p[3]),
        tuple(ecartes),
    )


def partenaires_presents(
    partenaires: Sequence[str],
    acteurs: Mapping[str, Acteur],
    fait: Mapping[str, Any],
    en_insertion: bool,
    exclus: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """Les partenaires qui ne sont ni absents ni hors de portée (ni l'intervenant choisi).

    >>> a = Acteur(id="m", libelle="M", presence="ecole.mentor_dans_l_ecole", role=("r",),
    ...            sources=("s",))
    >>> partenaires_presents(["m"], {"m": a}, {"ecole.mentor_dans_l_ecole": False}, True)
    ()
    """
    return tuple(
        p
        for p in partenaires
        if p not in exclus
        and presence(acteurs[p], fait) is not Presence.ABSENT
        and (en_insertion or not acteurs[p].insertion_seulement)
    )
