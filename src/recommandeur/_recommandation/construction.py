"""Les mesures recommandées d'un résultat, faites une fois et partagées entre les résultats.

Une mesure recommandée est immuable et ne dépend que de son rang, de sa décision (mesure,
intervenant choisi, présence, autres possibles, partenaires : voir :mod:`.decisions`), de son
drapeau prioritaire, de son score, de ce que le profil dit de sa réception, de l'ordre (dans un
centre, ses textes disent « centre ») et de ses raisons (des motifs mémorisés, nommés par leurs
identités). Ces entrées forment un n-uplet (voir :func:`constructeur`), seule entrée de :func:`_faire` et clé
de sa mémoire : la même mesure est retrouvée au lieu d'être refaite, et une entrée ajoutée ne
peut pas manquer à la clé. Garder des milliers de résultats garde alors peu d'objets de plus
(le ramasse-miettes a peu à parcourir). Le n-uplet est fait, haché et comparé en C (sans
fonction Python par mesure : ticket 24).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .decisions import Decision
from .modeles import MesureRecommandee, Motif
from .motifs import Fiche
from .sortie import ListeFigee

#: Les places des entrées dans la clé d'une mesure recommandée (voir :func:`constructeur`) ;
#: les identités de ses raisons suivent, dans l'ordre.
RANG, DECISION, PRIORITAIRE, SCORE, RECUE, EN_CENTRE = range(6)


def _faire(f: Fiche, e: tuple[Any, ...], motifs: Sequence[Motif]) -> MesureRecommandee:
    # les champs dans l'ordre de la classe (celui de son ``__dict__``)
    return MesureRecommandee.depuis_champs(
        {
            "rang": e[RANG],
            **e[DECISION].champs(f),
            "score": e[SCORE],
            "prioritaire": e[PRIORITAIRE],
            "motifs": ListeFigee(motifs),
            "deja_recue": e[RECUE] is True,
            "changement_d_intervenant": e[RECUE] is False,
            "en_centre": e[EN_CENTRE],
        }
    )


def constructeur(
    f: Fiche,
    motifs: Mapping[str, list[Motif]],
    decisions: Mapping[str, Decision],
    scores_des_mesures: Mapping[str, float],
    recues: Mapping[str, bool],
    en_centre: bool = False,
) -> Callable[[int, str, bool], MesureRecommandee]:
    """La fonction qui fait (ou retrouve) la mesure recommandée de rang donné d'un résultat.

    ``en_centre`` : le profil enseigne dans un centre (FP, FGA) ; ses textes disent « centre ».
    La clé d'une mesure est le n-uplet de toutes ses entrées (places :data:`RANG` à
    :data:`EN_CENTRE`), puis les identités de ses raisons : ``decision`` est comparée par
    identité (elle nomme la mesure, l'intervenant, les partenaires) ; ``recue`` : reçue avec
    effet (vrai), sans effet (faux), pas reçue (``None``) ; les raisons sont mémorisées et
    partagées, et la mesure gardée les garde en vie (deux raisons vivantes de mêmes identités
    sont les mêmes). La clé est faite, hachée et comparée en C : aucune fonction Python par
    mesure retrouvée.

    >>> from recommandeur import Moteur
    >>> from recommandeur._recommandation.decisions import Decision
    >>> from recommandeur._recommandation.intervenants import Choix
    >>> from recommandeur._recommandation.motifs import fiche
    >>> f = fiche(Moteur.depuis())
    >>> from recommandeur._vocabulaire import Presence
    >>> choix = Choix(f.mesures["mentorat"].intervenants[0], Presence.PRESENT, (), ())
    >>> d = Decision("mentorat", choix, None, ())
    >>> m = Motif.construire(regle="r", titre="T", poids=1.0, texte="t", faits=(), sources=())
    >>> faire = constructeur(f, {"mentorat": [m]}, {"mentorat": d}, {"mentorat": 2.0}, {})
    >>> a = faire(1, "mentorat", True)
    >>> (a.rang, a.mesure.id, a.prioritaire, a.motifs == [m], a.deja_recue)
    (1, 'mentorat', True, True, False)
    >>> a == faire(1, "mentorat", True), a == faire(2, "mentorat", True)
    (True, False)
    """
    memoire = f.recommandees

    def construire_rang(rang: int, mid: str, prioritaire: bool) -> MesureRecommandee:
        raisons = motifs[mid]
        entrees = (
            rang,
            decisions[mid],
            prioritaire,
            scores_des_mesures[mid],
            recues.get(mid),
            en_centre,
            *map(id, raisons),
        )
        cle = entrees  # toutes les entrées : rien de ce que lit la mesure ne manque à sa clé
        trouvee = memoire.get(cle)
        if trouvee is None:
            trouvee = _faire(f, entrees, raisons)
            f.garder(memoire, cle, trouvee)
        return trouvee

    return construire_rang
