"""Ce qui reste confidentiel dans un plan du centre : la détresse, et les offres qui la révèlent.

Le rapport du CSSPS (2023) demande de respecter « la confidentialité de la relation
mentor-mentoré ». Un plan est un document du centre, lu par les ressources humaines et les
services éducatifs : par défaut (``planifier(..., inclure_confidentiel=False)``), il ne
contient **rien** qui dise qu'une personne est en détresse, si bien qu'aucun de ses exports
(CSV, JSON, HTML, xlsx, ``print``) ne peut le montrer :

- les offres **confidentielles** — celles que le catalogue marque ``confidentielle = true``
  (une personne neutre, un soutien professionnel, en ligne ou non ; une surcouche peut en
  marquer d'autres) — sont retirées avant le plan : ni nommées, ni comptées (groupes,
  charges, heures, bilan) ;
- pour une personne qui a des signaux de détresse, une offre « au quotidien » (la
  consultation brève) que la détresse a mise parmi ses offres à faire d'abord n'y est pas ;
- une raison d'action du milieu qui nomme une offre confidentielle (« mesure reçue sans effet
  (soutien_professionnel) ») est retirée ; une action dont aucune raison ne reste ne compte
  pas cette personne ;
- le nombre de personnes avec des signaux de détresse n'est pas donné (``None``).

Avec ``inclure_confidentiel=True`` (``recommandeur plan … --inclure-confidentiel``), le plan
garde tout, ``plan.confidentiel`` est vrai et chaque export le dit en tête
(:data:`AVERTISSEMENT`).

>>> from recommandeur import planifier
>>> ligne = {"enseignant": "e1", "ecole": "a", "annees_experience": 0, "ordre": "primaire",
...          "signaux_de_detresse": True}
>>> plan = planifier([ligne], [{"ecole": "a", "nom": "École A"}])
>>> plan.confidentiel, plan.portrait.signaux_de_detresse, "personne_neutre" in plan.mesures
(False, None, False)
>>> plan = planifier([ligne], [{"ecole": "a"}], inclure_confidentiel=True)
>>> plan.confidentiel, plan.portrait.signaux_de_detresse, "personne_neutre" in plan.mesures
(True, 1, True)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from ..._catalogue.modeles import Catalogue
from ..._profil.modeles import Profil
from ..calcul.resume import Resume
from ..donnees.effectifs import Effectifs
from ..modeles import Plan

#: Ce que dit en tête un export qui montre la détresse.
AVERTISSEMENT = (
    "CONFIDENTIEL : ce plan montre la détresse des personnes (le nombre de personnes avec des "
    "signaux de détresse et les offres qui la révèlent, comme la personne neutre) ; produit à "
    "la demande (inclure_confidentiel), il ne se diffuse pas comme un fichier du centre."
)

#: Ce que dit un rapport du centre par défaut : ce qu'il ne montre pas, et pourquoi.
NOTE = (
    "Les offres qui révéleraient la détresse d'une personne (une personne neutre, un soutien "
    "professionnel) ne sont ni nommées ni comptées dans ce plan du centre, pour respecter "
    "« la confidentialité de la relation mentor-mentoré » (le rapport du CSSPS (2023))."
)


def mesures_confidentielles(catalogue: Catalogue) -> frozenset[str]:
    """Les mesures que le catalogue (surcouche comprise) marque ``confidentielle``.

    >>> from recommandeur import moteur_par_defaut
    >>> sorted(mesures_confidentielles(moteur_par_defaut().catalogue))
    ['personne_neutre', 'soutien_professionnel', 'soutien_professionnel_en_ligne']
    """
    return frozenset(m.id for m in catalogue.mesures if m.confidentielle)


def quotidiennes(catalogue: Catalogue) -> frozenset[str]:
    """Les offres « au quotidien » du catalogue (la consultation brève), que la détresse avance."""
    return frozenset(m.id for m in catalogue.mesures if m.frequence == "au quotidien")


def caviarder(
    resume: Resume,
    confidentielles: frozenset[str],
    *,
    en_detresse: bool,
    quotidiennes: frozenset[str] = frozenset(),
    termes: frozenset[str] = frozenset(),
) -> Resume:
    """Le résumé sans les offres confidentielles ; en détresse, sans offre quotidienne en tête ;
    sans les raisons d'action qui nomment une offre confidentielle (son identifiant ou l'un des
    ``termes``, ses libellés), ni les actions qui n'ont plus de raison.

    >>> from recommandeur._programme.calcul.resume import Offre
    >>> from recommandeur._vocabulaire import Presence
    >>> offres = tuple(Offre(m, "x", Presence.PRESENT, None, None) for m in ("n", "b", "m"))
    >>> r = Resume("en_cours", "primaire", ("n", "b", "m"), offres, (), 0)
    >>> c = caviarder(r, frozenset({"n"}), en_detresse=True, quotidiennes=frozenset({"b"}))
    >>> c.prioritaires, [o.mesure for o in c.offres]
    (('m',), ['b', 'm'])
    """
    cachees = confidentielles | quotidiennes if en_detresse else confidentielles
    mots = confidentielles | termes
    actions = []
    for action in resume.actions:
        raisons = tuple(r for r in action.raisons if not any(m in r for m in mots))
        if action.mesure not in confidentielles and raisons:
            actions.append(dataclasses.replace(action, raisons=raisons))
    return dataclasses.replace(
        resume,
        prioritaires=tuple(m for m in resume.prioritaires if m not in cachees),
        offres=tuple(o for o in resume.offres if o.mesure not in confidentielles),
        actions=tuple(actions),
    )


def caviarder_resumes(
    effectifs: Effectifs, resumes: Mapping[str, Resume], catalogue: Catalogue
) -> dict[str, Resume]:
    """Les résumés de chaque personne des effectifs, caviardés (:func:`caviarder_lot`)."""
    profils = {e.id: e.profil for e in effectifs.enseignants}
    ids = list(resumes)
    caviardes = caviarder_lot([resumes[i] for i in ids], [profils[i] for i in ids], catalogue)
    return dict(zip(ids, caviardes, strict=True))


def caviarder_lot(
    resumes: Sequence[Resume], profils: Sequence[Profil], catalogue: Catalogue
) -> list[Resume]:
    """Le résumé de chaque profil, caviardé (:func:`caviarder`, en détresse selon le profil) :
    ce que fait :func:`caviarder_resumes`, là où les résumés sont calculés (``planifier`` :
    dans un processus de calcul aussi, pendant que ce processus-ci lit ou calcule)."""
    confidentielles = mesures_confidentielles(catalogue)
    chaque_jour = quotidiennes(catalogue)
    termes = frozenset(catalogue.mesure(m).libelle for m in confidentielles)
    return [
        caviarder(
            r,
            confidentielles,
            en_detresse=bool(p.signaux_de_detresse),
            quotidiennes=chaque_jour,
            termes=termes,
        )
        for r, p in zip(resumes, profils, strict=True)
    ]


def marquer(plan: Plan, catalogue: Catalogue, *, inclure_confidentiel: bool) -> Plan:
    """Le plan marqué confidentiel ; sinon, sans le décompte de la détresse ni le bilan des
    offres confidentielles (ses offres l'ont été avant, par :func:`caviarder_resumes`)."""
    if inclure_confidentiel:
        return plan.model_copy(update={"confidentiel": True})
    confidentielles = mesures_confidentielles(catalogue)
    bilan = plan.bilan.model_copy(
        update={
            "par_mesure": [b for b in plan.bilan.par_mesure if b.mesure not in confidentielles],
            "par_ecole": [b for b in plan.bilan.par_ecole if b.mesure not in confidentielles],
        }
    )
    return plan.model_copy(
        update={
            "confidentiel": False,
            "portrait": plan.portrait.model_copy(update={"signaux_de_detresse": None}),
            "bilan": bilan,
            "mesures": {k: v for k, v in plan.mesures.items() if k not in confidentielles},
        }
    )
