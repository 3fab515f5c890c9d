"""Pour les conseillères et conseillers : « pourquoi pas cette mesure ? » et « et si ... ? »."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from .._erreurs import ErreurInconnu
from .._langage.evaluation import verifications
from .._moteur.moteur import Moteur, moteur_par_defaut
from .._profil.modeles import Profil
from .._profil.validation import valider_profil
from .._rendu.explorer import texte_et_si, texte_pourquoi_pas
from .._rendu.valeurs import fait_lisible
from .modeles import Recommandation
from .recommander import recommander


class _Modele(BaseModel):
    model_config = ConfigDict(frozen=True)


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
    rang: int | None
    ecartee: str | None
    regles: list[RegleExaminee]

    def texte(self) -> str:
        """La réponse en français."""
        return texte_pourquoi_pas(self)

    def __str__(self) -> str:
        return self.texte()


def pourquoi_pas(
    profil: Profil | Mapping[str, Any], mesure: str, *, moteur: Moteur | None = None
) -> PourquoiPas:
    """Pourquoi une mesure n'est pas (ou est) recommandée : chaque règle qui la recommande, examinée.

    >>> r = pourquoi_pas({"annees_experience": 2, "ordre": "primaire", "ecole": {"imse": 3}},
    ...                  "equipe_soutien_multidisciplinaire")
    >>> r.rang is None
    True
    >>> print(r.texte().splitlines()[1])
    • [ecole_defavorisee] École en milieu défavorisé (IMSE élevé) (2_cible_milieu.toml) : non déclenchée
    >>> [c.texte for c in r.regles[0].conditions if not c.tenue]
    ['ecole.imse = 3 (règle : ≥ 8)']
    """
    moteur = moteur or moteur_par_defaut()
    if not moteur.catalogue.contient_mesure(mesure):
        raise ErreurInconnu("mesure inconnue", mesure, moteur.catalogue.ids_mesures)
    valide = valider_profil(profil, moteur.ids_mesures)
    valeurs = moteur.fait(valide)
    reco = recommander(valide, moteur=moteur)
    rangs = {m.mesure.id: m.rang for m in reco.mesures}
    ecartees = {e.mesure: e.raison for e in reco.ecartees}
    declenchees = set(reco.regles_declenchees)
    examinees = []
    for regle in moteur.regles:
        if mesure not in dict(regle.recommandations):
            continue
        conditions = [
            Condition(champ=v.test.champ, texte=fait_lisible(v.test, v.lue), tenue=v.tenue)
            for v in verifications(regle.condition, valeurs)
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
        rang=rangs.get(mesure),
        ecartee=ecartees.get(mesure),
        regles=examinees,
    )


class Deplacement(_Modele):
    """Une mesure présente avant et après, avec ses rangs."""

    mesure: str
    rang_avant: int
    rang_apres: int


class EtSi(_Modele):
    """La réponse de :func:`et_si` : les deux recommandations et ce qui change."""

    avant: Recommandation
    apres: Recommandation
    ajoutees: list[str]
    retirees: list[str]
    deplacees: list[Deplacement]

    def texte(self) -> str:
        """Les changements en français."""
        return texte_et_si(self)

    def __str__(self) -> str:
        return self.texte()


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
    les clés données changent.

    >>> r = et_si({"annees_experience": 1, "ordre": "primaire"}, {"ecole": {"region_eloignee": True}})
    >>> "mentorat_en_ligne" in r.ajoutees
    True
    """
    moteur = moteur or moteur_par_defaut()
    valide = valider_profil(profil, moteur.ids_mesures)
    modifie = _fusionner(valide.model_dump(mode="json"), changements)
    avant = recommander(valide, moteur=moteur)
    apres = recommander(modifie, moteur=moteur)
    rangs_avant = {m.mesure.id: m.rang for m in avant.mesures}
    rangs_apres = {m.mesure.id: m.rang for m in apres.mesures}
    return EtSi(
        avant=avant,
        apres=apres,
        ajoutees=[m for m in rangs_apres if m not in rangs_avant],
        retirees=[m for m in rangs_avant if m not in rangs_apres],
        deplacees=[
            Deplacement(mesure=m, rang_avant=rangs_avant[m], rang_apres=r)
            for m, r in rangs_apres.items()
            if m in rangs_avant and rangs_avant[m] != r
        ],
    )
