"""« Que faudrait-il ? » : les plus petits changements du profil qui apportent (ou retirent) une mesure.

La recherche part des conditions des règles qui proposent la mesure : seuls les leviers
qu'elles lisent (et la présence des intervenants de la mesure) sont examinés, chacun sur un
représentant par région entre les constantes des conditions (:mod:`.leviers`). Les ensembles de
leviers sont essayés du plus petit au plus grand ; un ensemble qui contient une solution déjà
trouvée n'est pas essayé (les solutions sont minimales pour l'inclusion). Un essai évalue
d'abord les conditions sur le fait (sans moteur) ; la recommandation entière n'est calculée que
si une règle de la mesure tient, pour tenir compte de ce qui écarte une mesure proposée
(intervenant absent, mesure reçue sans effet, période de détresse).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .._base.erreurs import ErreurArgument, ErreurInconnu
from .._base.schema_json import nettoyer_schema
from .._langage.evaluation import evaluer
from .._moteur.moteur import Moteur, moteur_par_defaut
from .._profil.modeles import Profil
from .._profil.validation import valider_profil
from .._rendu.reparation import (
    apercu_que_faudrait_il,
    html_que_faudrait_il,
    texte_changement,
    texte_que_faudrait_il,
)
from .leviers import Levier, appliquer, champs_de_presence, leviers
from .recommander import recommander

#: Au plus autant d'essais par question (chacun peut calculer une recommandation).
ESSAIS_MAX = 20_000


class _Modele(BaseModel):
    model_config = ConfigDict(frozen=True, json_schema_extra=nettoyer_schema)


class Changement(_Modele):
    """Un levier changé : son champ dans le profil, sa valeur avant et après (JSON), en texte."""

    champ: str
    genre: str
    avant: Any
    apres: Any
    texte: str

    def __str__(self) -> str:
        return self.texte


class Solution(_Modele):
    """Un plus petit ensemble de changements, et ce qui se passerait alors.

    ``regles`` : les règles de la mesure qui se déclencheraient (pour apporter la mesure) ou qui
    ne se déclencheraient plus (pour la retirer) ; ``ecartee`` : pour retirer, la raison pour
    laquelle la mesure, encore proposée, serait écartée (un intervenant absent…).
    """

    changements: list[Changement]
    regles: list[str]
    ecartee: str | None = None


class QueFaudraitIl(_Modele):
    """La réponse de :func:`que_faudrait_il`."""

    mesure: str
    libelle: str
    #: Vrai : les changements qui retireraient la mesure ; faux : ceux qui l'apporteraient.
    retirer: bool
    #: La mesure est déjà recommandée (pour apporter) ou déjà absente (pour retirer).
    deja: bool
    solutions: list[Solution]
    #: Les leviers examinés (champs du profil), dans l'ordre.
    leviers: list[str]
    changements_max: int
    #: Faux si la recherche s'est arrêtée à ``ESSAIS_MAX`` essais avant d'avoir tout vu.
    complete: bool = True

    def texte(self) -> str:
        """La réponse en français."""
        return texte_que_faudrait_il(self)

    def __str__(self) -> str:
        return self.texte()

    def __repr__(self) -> str:
        return apercu_que_faudrait_il(self)

    def _repr_html_(self) -> str:
        return html_que_faudrait_il(self)


class _Essai:
    """Ce qu'un ensemble de changements donne : la mesure est-elle là, et pourquoi."""

    def __init__(self, moteur: Moteur, mesure: str, donnees: dict[str, Any]) -> None:
        self.moteur, self.mesure, self.donnees = moteur, mesure, donnees
        self.proposantes = [r for r in moteur.regles if mesure in dict(r.recommandations)]

    def changement(self, levier: Levier, valeur: Any) -> Changement:
        """Le changement de ``levier`` à ``valeur``, avec son texte."""
        recue = ""
        if levier.genre == "effet":
            rang = int(levier.champ.split("[")[1].split("]")[0])
            recue = self.moteur.catalogue.mesure(
                self.donnees["mesures_recues"][rang]["mesure"]
            ).libelle
        return Changement(
            champ=levier.champ,
            genre=levier.genre,
            avant=levier.actuelle,
            apres=valeur,
            texte=texte_changement(levier.champ, levier.genre, levier.actuelle, valeur, recue),
        )

    def __call__(
        self, changements: tuple[tuple[str, Any], ...]
    ) -> tuple[bool, list[str], str | None] | None:
        """(mesure présente, règles de la mesure qui tiennent, raison d'écart) ; ``None`` si le
        profil changé n'est pas valide."""
        try:
            profil = Profil.model_validate(appliquer(self.donnees, changements))
        except ValidationError:
            return None
        fait = self.moteur.fait(profil)
        tiennent = [r.id for r in self.proposantes if evaluer(r.condition, fait)]
        if not tiennent:
            return False, [], None
        reco = recommander(profil, moteur=self.moteur)
        presentes = {m.mesure.id for m in (*reco.mesures, *reco.actions_milieu)}
        ecartee = next((e.raison for e in reco.ecartees if e.mesure == self.mesure), None)
        return self.mesure in presentes, tiennent, ecartee


def _chercher(
    essai: _Essai, candidats: list[Levier], retirer: bool, changements_max: int, avant: list[str]
) -> tuple[list[Solution], bool]:
    trouvees: list[tuple[frozenset[str], Solution]] = []
    essais = 0
    for taille in range(1, changements_max + 1):
        for groupe in itertools.combinations(candidats, taille):
            noms = frozenset(levier.champ for levier in groupe)
            if any(deja <= noms for deja, _ in trouvees):
                continue
            for valeurs in itertools.product(*(levier.valeurs for levier in groupe)):
                essais += 1
                if essais > ESSAIS_MAX:
                    return [s for _, s in trouvees], False
                changements = tuple(zip((lv.champ for lv in groupe), valeurs, strict=True))
                resultat = essai(changements)
                if resultat is None or resultat[0] == retirer:
                    continue
                _, tiennent, ecartee = resultat
                solution = Solution(
                    changements=[
                        essai.changement(lv, v) for lv, v in zip(groupe, valeurs, strict=True)
                    ],
                    regles=[r for r in avant if r not in tiennent] if retirer else tiennent,
                    ecartee=ecartee if retirer and tiennent else None,
                )
                trouvees.append((noms, solution))
                break
    return [s for _, s in trouvees], True


def que_faudrait_il(
    profil: Profil | Mapping[str, Any],
    mesure: str,
    *,
    retirer: bool = False,
    changements_max: int = 3,
    moteur: Moteur | None = None,
) -> QueFaudraitIl:
    """Les plus petits changements du profil, parmi ce qu'une conseillère peut changer, qui
    apporteraient la mesure (``retirer=True`` : qui la retireraient), avec les règles en jeu.

    Les leviers sont la présence des intervenants, l'affectation, les besoins réévalués et
    l'effet des mesures reçues (voir ``docs/recommandation.md``) ; chaque solution est minimale
    (aucune de ses parties ne suffit) et compte au plus ``changements_max`` changements.

    >>> r = que_faudrait_il({"annees_experience": 2, "ordre": "primaire"},
    ...                     "rencontre_titulaires_partage_de_tache")
    >>> [[(c.champ, c.apres) for c in s.changements] for s in r.solutions]
    [[('affectation.partage_de_tache', True)]]
    >>> print(r.solutions[0].changements[0])
    tâche partagée entre plusieurs fonctions ou groupes : non → oui
    """
    moteur = moteur or moteur_par_defaut()
    if not moteur.catalogue.contient_mesure(mesure):
        raise ErreurInconnu("mesure inconnue", mesure, moteur.catalogue.ids_mesures)
    if (
        isinstance(changements_max, bool)
        or not isinstance(changements_max, int)
        or not 1 <= changements_max <= 5
    ):
        raise ErreurArgument("changements_max", "un entier de 1 à 5", changements_max)
    valide = valider_profil(profil, moteur.ids_mesures, moteur.ids_acteurs)
    essai = _Essai(moteur, mesure, valide.model_dump(mode="json"))
    candidats = leviers(valide, essai.proposantes, champs_de_presence(moteur.catalogue, mesure))
    depart = essai(())
    assert depart is not None  # le profil validé l'est encore
    deja = depart[0] != retirer
    solutions, complete = (
        ([], True) if deja else _chercher(essai, candidats, retirer, changements_max, depart[1])
    )
    return QueFaudraitIl(
        mesure=mesure,
        libelle=moteur.catalogue.mesure(mesure).libelle,
        retirer=retirer,
        deja=deja,
        solutions=solutions,
        leviers=[levier.champ for levier in candidats],
        changements_max=changements_max,
        complete=complete,
    )
