"""Pour les conseillères et conseillers : « pourquoi pas cette mesure ? » et « et si ... ? »."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from .._base.entrees import imbrication_excessive
from .._base.erreurs import ErreurArgument, ErreurInconnu
from .._base.schema_json import nettoyer_schema
from .._langage.evaluation import decisives
from .._langage.valeurs import fait_lisible
from .._moteur.moteur import Moteur, moteur_par_defaut
from .._profil.modeles import Profil
from .._profil.validation import PROFONDEUR_MAX, valider_profil
from .._rendu.apercus import apercu_et_si, apercu_pourquoi_pas
from .._rendu.explorer import texte_et_si, texte_pourquoi_pas
from .._rendu.html import html_et_si, html_pourquoi_pas
from .modeles import MesureRecommandee, Recommandation
from .recommander import recommander


class _Modele(BaseModel):
    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)


class Condition(_Modele):
    """Une comparaison d'une règle : ce qu'elle demande, ce qui a été lu, si elle tient."""

    champ: str
    texte: str
    tenue: bool


class RegleExaminee(_Modele):
    """Une règle qui recommande la mesure : s'est-elle déclenchée, et sinon, ce qui manquait."""

    regle: str
    titre: str
    fichier: str
    declenchee: bool
    conditions: list[Condition]


class PourquoiPas(_Modele):
    """La réponse de :func:`pourquoi_pas`."""

    mesure: str
    libelle: str
    #: La mesure est une action du milieu (son rang est celui des actions, pas des offres).
    action_du_milieu: bool = False
    rang: int | None
    ecartee: str | None
    regles: list[RegleExaminee]

    def texte(self) -> str:
        """La réponse en français."""
        return texte_pourquoi_pas(self)

    def __str__(self) -> str:
        return self.texte()

    def __repr__(self) -> str:
        return apercu_pourquoi_pas(self)

    def _repr_html_(self) -> str:
        return html_pourquoi_pas(self)


def pourquoi_pas(
    profil: Profil | Mapping[str, Any], mesure: str, *, moteur: Moteur | None = None
) -> PourquoiPas:
    """Pourquoi une mesure n'est pas (ou est) recommandée : chaque règle qui la recommande, examinée.

    >>> r = pourquoi_pas({"annees_experience": 2, "ordre": "primaire", "ecole": {"imse": 3}},
    ...                  "soutien_ecole_soutenue")
    >>> r.rang is None
    True
    >>> print(r.texte().splitlines()[1])
    • [ecole_forte_part_novices] École avec une forte part de personnes en insertion (3_milieu.toml) : non déclenchée
    >>> [c.texte for c in r.regles[1].conditions]
    ['periode_insertion = en cours (moins de 5 ans au Québec)', 'ecole.imse = 3 (règle : ≥ 8)']
    >>> [c.tenue for c in r.regles[1].conditions]
    [True, False]
    """
    moteur = moteur or moteur_par_defaut()
    if not moteur.catalogue.contient_mesure(mesure):
        raise ErreurInconnu("mesure inconnue", mesure, moteur.catalogue.ids_mesures, "mesure")
    valide = valider_profil(profil, moteur.ids_mesures, moteur.ids_acteurs)
    valeurs = moteur.fait(valide)
    reco = recommander(valide, moteur=moteur)
    rangs = {m.mesure.id: m.rang for m in (*reco.mesures, *reco.actions_milieu)}
    ecartees = {e.mesure: e.raison for e in reco.ecartees}
    declenchees = set(reco.regles_declenchees)
    examinees = []
    for regle in moteur.regles:
        if mesure not in dict(regle.recommandations):
            continue
        conditions = [
            Condition(champ=v.test.champ, texte=fait_lisible(v.test, v.lue), tenue=v.tenue)
            for v in decisives(regle.condition, valeurs)
        ]
        examinees.append(
            RegleExaminee(
                regle=regle.id,
                titre=regle.titre,
                fichier=regle.fichier,
                declenchee=regle.id in declenchees,
                conditions=conditions,
            )
        )
    return PourquoiPas(
        mesure=mesure,
        libelle=moteur.catalogue.mesure(mesure).libelle,
        action_du_milieu=mesure in {m.mesure.id for m in reco.actions_milieu},
        rang=rangs.get(mesure),
        ecartee=ecartees.get(mesure),
        regles=examinees,
    )


class Deplacement(_Modele):
    """Une mesure présente avant et après, avec ses rangs."""

    mesure: str
    rang_avant: int
    rang_apres: int


class ChangementIntervenant(_Modele):
    """Une offre présente avant et après, portée par un autre intervenant."""

    mesure: str
    avant: str
    apres: str


class EtSi(_Modele):
    """La réponse de :func:`et_si` : les deux recommandations et ce qui change.

    ``ajoutees``, ``retirees`` et ``deplacees`` parlent des offres à la personne ;
    ``actions_ajoutees``, ``actions_retirees`` et ``actions_deplacees``, des actions du milieu
    (elles ont leur propre classement) ; ``intervenants`` des offres qui changent de mains.
    Le texte ne montre que ce qui compte (ajouts, retraits, entrées et sorties des offres à
    faire d'abord, changements d'intervenant) ; ``texte(tout=True)`` montre chaque rang.
    """

    avant: Recommandation
    apres: Recommandation
    ajoutees: list[str]
    retirees: list[str]
    deplacees: list[Deplacement]
    actions_ajoutees: list[str]
    actions_retirees: list[str]
    actions_deplacees: list[Deplacement]
    intervenants: list[ChangementIntervenant] = []

    def texte(self, tout: bool = False) -> str:
        """Les changements en français ; ``tout=True`` : aussi chaque changement de rang."""
        return texte_et_si(self, tout)

    def __str__(self) -> str:
        return self.texte()

    def __repr__(self) -> str:
        return apercu_et_si(self)

    def _repr_html_(self) -> str:
        return html_et_si(self)


def deplier(changements: Mapping[str, Any]) -> dict[str, Any]:
    """Les changements en tables imbriquées : ``"ecole.region_eloignee"`` devient ``ecole``.

    >>> deplier({"ecole.imse": 9, "ecole": {"region_eloignee": True}, "ordre": "primaire"})
    {'ecole': {'imse': 9, 'region_eloignee': True}, 'ordre': 'primaire'}
    """
    if not isinstance(changements, Mapping):
        raise ErreurArgument(
            "changements", "un dict (tables imbriquées ou clés pointées)", changements
        )
    resultat: dict[str, Any] = {}
    for cle, valeur in changements.items():
        morceaux = str(cle).split(".")
        courant = resultat
        for morceau in morceaux[:-1]:
            suivant = courant.setdefault(morceau, {})
            if not isinstance(suivant, dict):
                raise ErreurArgument(f"changements[{cle!r}]", "une table", suivant)
            courant = suivant
        if isinstance(valeur, Mapping) and isinstance(courant.get(morceaux[-1]), dict):
            courant[morceaux[-1]].update(deplier(valeur))
        else:
            courant[morceaux[-1]] = deplier(valeur) if isinstance(valeur, Mapping) else valeur
    return resultat


def _fusionner(base: dict[str, Any], changements: Mapping[str, Any]) -> dict[str, Any]:
    resultat = dict(base)
    for cle, valeur in changements.items():
        if isinstance(valeur, Mapping) and isinstance(resultat.get(cle), dict) and cle != "besoins":
            resultat[cle] = _fusionner(resultat[cle], valeur)
        elif isinstance(valeur, Mapping) and cle == "besoins":
            resultat[cle] = {**resultat.get(cle, {}), **valeur}
        else:
            resultat[cle] = valeur
    return resultat


def et_si(
    profil: Profil | Mapping[str, Any],
    changements: Mapping[str, Any],
    *,
    moteur: Moteur | None = None,
) -> EtSi:
    """Et si le profil changeait ? Les changements (fusionnés dans le profil) et leurs effets.

    Les tables imbriquées (``affectation``, ``ecole``, ``besoins``) sont fusionnées : seules
    les clés données changent. Les clés pointées (``{"ecole.region_eloignee": True}``), celles
    des messages d'erreur et de ``--changer``, valent les tables imbriquées.

    >>> r = et_si({"annees_experience": 1, "ordre": "primaire"}, {"ecole": {"mentor_dans_l_ecole": False}})
    >>> "mentorat_en_ligne" in r.ajoutees
    True
    """
    moteur = moteur or moteur_par_defaut()
    valide = valider_profil(profil, moteur.ids_mesures, moteur.ids_acteurs)
    if isinstance(changements, Mapping):
        # un changement ne descend pas plus bas qu'un profil (ecole.part_novices : 2 niveaux)
        excessive = imbrication_excessive(changements, PROFONDEUR_MAX)
        if excessive is not None:
            raise ErreurArgument(
                "changements",
                f"des tables sans cycle, sur au plus {PROFONDEUR_MAX} niveaux ({excessive})",
                changements,
            )
    modifie = _fusionner(valide.model_dump(mode="json"), deplier(changements))
    avant = recommander(valide, moteur=moteur)
    apres = recommander(modifie, moteur=moteur)
    ajoutees, retirees, deplacees = _ecarts(avant.mesures, apres.mesures)
    actions = _ecarts(avant.actions_milieu, apres.actions_milieu)
    qui_avant = {m.mesure.id: m.acteur.id for m in avant.mesures}
    return EtSi(
        avant=avant,
        apres=apres,
        ajoutees=ajoutees,
        retirees=retirees,
        deplacees=deplacees,
        actions_ajoutees=actions[0],
        actions_retirees=actions[1],
        actions_deplacees=actions[2],
        intervenants=[
            ChangementIntervenant(
                mesure=m.mesure.id, avant=qui_avant[m.mesure.id], apres=m.acteur.id
            )
            for m in apres.mesures
            if qui_avant.get(m.mesure.id, m.acteur.id) != m.acteur.id
        ],
    )


def _ecarts(
    avant: Sequence[MesureRecommandee], apres: Sequence[MesureRecommandee]
) -> tuple[list[str], list[str], list[Deplacement]]:
    rangs_avant = {m.mesure.id: m.rang for m in avant}
    rangs_apres = {m.mesure.id: m.rang for m in apres}
    return (
        [m for m in rangs_apres if m not in rangs_avant],
        [m for m in rangs_avant if m not in rangs_apres],
        [
            Deplacement(mesure=m, rang_avant=rangs_avant[m], rang_apres=r)
            for m, r in rangs_apres.items()
            if m in rangs_avant and rangs_avant[m] != r
        ],
    )
