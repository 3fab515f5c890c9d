"""Les résumés d'un plan au fil de la lecture des effectifs : chaque profil distinct, une fois.

``planifier`` passe :meth:`Lecture.recevoir` à la lecture des effectifs : chaque profil
validé y est rangé parmi les profils distincts (un même profil, fréquent dans une école,
n'est recommandé qu'une fois) et, tous les :data:`~.parallele.TAILLE_LOT` profils distincts,
les lots complets sont confiés aux processus de calcul (:meth:`.parallele.Calcul.au_fil`) :
ils calculent pendant que la lecture continue. :func:`resumes_des_effectifs` calcule ensuite
le reste (voir :mod:`.parallele`).
"""

from __future__ import annotations

from ..._moteur.moteur import Moteur
from ..._profil.modeles import Profil
from ..donnees.effectifs import Effectifs
from .fils_de_calcul import resumes_ici
from .parallele import TAILLE_LOT, Calcul, processus_utiles
from .progression import Progression, suivre_la_progression
from .resume import Resume


class Lecture:
    """Les profils distincts lus jusqu'ici, dans l'ordre, confiés par lots à ``calcul``.

    >>> from recommandeur._profil.modeles import Profil
    >>> lecture = Lecture(None)
    >>> a = Profil(annees_experience=1, ordre="primaire")
    >>> b = Profil(annees_experience=2, ordre="primaire")
    >>> for p in (a, b, a, Profil(annees_experience=1, ordre="primaire")):
    ...     lecture.recevoir(p)
    >>> [p.annees_experience for p in lecture.profils]
    [1, 2]

    Avec la clé de sa ligne brute (la lecture des effectifs valide une fois chaque ligne brute
    distincte), un profil n'est pas mis en JSON : deux lignes brutes différentes font deux
    profils distincts, même validés égaux (calculés deux fois, le plan est le même).

    >>> for ligne in ("ligne 1", "ligne 2", "ligne 2"):
    ...     lecture.recevoir(Profil(annees_experience=3, ordre="primaire"), ligne)
    >>> [p.annees_experience for p in lecture.profils]
    [1, 2, 3, 3]
    """

    def __init__(self, calcul: Calcul | None) -> None:
        self.calcul = calcul
        #: Les profils distincts (une clé : celle de leur ligne brute, sinon leur JSON), dans
        #: l'ordre de lecture.
        self.distincts: dict[str, Profil] = {}
        self.profils: list[Profil] = []
        self._cles: dict[int, str] = {}  # objet profil → sa clé (les identiques sont partagés)
        self._gardes: list[Profil] = []  # chaque objet vu reste vivant : son id() ne sert qu'à lui

    def recevoir(self, profil: Profil, brute: str | None = None) -> None:
        """Range un profil validé (``brute`` : la clé de sa ligne brute, s'il en a une) ;
        confie les lots complets suivants aux processus de calcul."""
        if id(profil) in self._cles:
            return
        cle = "brute:" + brute if brute is not None else profil.model_dump_json()
        self._cles[id(profil)] = cle
        self._gardes.append(profil)
        if cle in self.distincts:
            return
        self.distincts[cle] = profil
        self.profils.append(profil)
        if self.calcul is not None and len(self.profils) % TAILLE_LOT == 0:
            self.calcul.au_fil(self.profils)

    def cle(self, profil: Profil) -> str:
        """La clé d'un profil (rangé s'il ne l'était pas)."""
        self.recevoir(profil)
        return self._cles[id(profil)]


def resumes_des_effectifs(
    effectifs: Effectifs,
    lecture: Lecture,
    moteur: Moteur,
    calcul: Calcul | None,
    progression: Progression,
    caviarder: bool = False,
) -> dict[str, Resume]:
    """Le résumé de chaque personne (un profil distinct, une fois) ; ``caviarder`` : sans ce
    que le plan du centre ne montre pas (:func:`.confidentiel.caviarder_lot`)."""
    cles = [lecture.cle(e.profil) for e in effectifs.enseignants]
    profils = lecture.profils
    avancer = suivre_la_progression(progression, len(profils))
    n = 1 if calcul is None else calcul.travailleurs + 1
    if calcul is not None and processus_utiles(n, len(profils), n) > 1:
        calcules = calcul.resumes(profils, avancer)
    else:
        calcules = resumes_ici(profils, moteur, avancer, caviarder=caviarder)
    avancer(None)
    par_cle = dict(zip(lecture.distincts, calcules, strict=True))
    return {e.id: par_cle[c] for e, c in zip(effectifs.enseignants, cles, strict=True)}
