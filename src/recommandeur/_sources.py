"""Les clés de sources : chaque mesure, acteur et règle renvoie au passage qui le fonde.

Schéma des clés (voir ``docs/catalogue.md``) :

- ``annexe1/<universel|cible|individuel>/<lettre>`` : les items de l'Annexe 1 de
  ``001_eee18fa9e8195a6b.txt`` ;
- ``cnipe/niveau1`` à ``cnipe/niveau3`` : les trois niveaux de ``002_b4031a92842589cc.txt`` ;
- ``ppc/10.1`` à ``ppc/10.3`` : les objectifs de ``004_914e52ab2accb8ce.txt`` ;
- ``cssps/roles/<acteur>`` et ``cssps/<sujet>`` : le rapport de ``003_375575ca46760784.txt`` ;
- ``cnipe/mission`` et ``cnipe/axe<N>`` : ``000_9cba7f605acf9b41.txt``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._erreurs import suggerer
from ._messages import ValeurInconnue

F000 = "000_9cba7f605acf9b41.txt"
F001 = "001_eee18fa9e8195a6b.txt"
F002 = "002_b4031a92842589cc.txt"
F003 = "003_375575ca46760784.txt"
F004 = "004_914e52ab2accb8ce.txt"


@dataclass(frozen=True)
class Source:
    """Un passage des documents sources."""

    cle: str
    fichier: str
    passage: str


_ANNEXE1 = {
    "universel": {
        "a": "Procédure d'accueil CSS et soutien pour assurer un suivi de son dossier",
        "b": "Procédure d'accueil dans l'établissement",
        "c": "Soutien à l'élaboration de son plan de DP",
        "d": "Processus de régulation du ou des dispositifs mis en place",
        "e": "Activités de groupe ponctuelles ou régulières",
        "f": "Groupe structuré d'échange de pratiques (CAP)",
        "g": "Consultation brève offerte au quotidien",
    },
    "cible": {
        "a": "Accompagnement en sous-groupe",
        "b": "Programmes de formation offerts en milieu de pratique",
        "c": "Formations ponctuelles",
        "d": "Formation universitaire créditée",
        "e": "Modalités mixtes / formation accompagnée",
        "f": "Consultation multidisciplinaire et équipes de soutien à l'enseignant",
        "g": "Soutien lié aux enjeux du milieu de travail ou à la clientèle (école soutenue)",
        "h": "Activités de groupe occasionnelles sur une thématique particulière",
    },
    "individuel": {
        "a": "Consultation individuelle",
        "b": "Accompagnement individuel avec objectifs spécifiques",
        "c": "Plan de développement d'une compétence professionnelle",
        "d": "Soutien à l'analyse et à l'autorégulation de sa pratique",
    },
}

#: Les rôles décrits dans le rapport du CSSPS (003), par identifiant d'acteur.
ROLES_CSSPS = {
    "mentor": "La personne mentore joue son rôle...",
    "mentore": "La personne mentorée joue son rôle...",
    "direction": "La direction d'école joue son rôle...",
    "equipe_ecole": "L'équipe-école joue son rôle...",
    "conseiller_pedagogique": "Le ou la conseillère pédagogique joue son rôle...",
    "services_educatifs": "Le service des ressources éducatives joue son rôle...",
    "ressources_humaines": "Le service des ressources humaines joue son rôle...",
    "direction_generale": "La direction générale joue son rôle...",
    "pane": "Professionnelles à l'accompagnement des nouveaux enseignants (PANE)",
}

_SUJETS_CSSPS = {
    "mentorat": "Mise en œuvre du dispositif de mentorat (personnes mentores libérées ~20 % "
    "de leur tâche)",
    "implantation": "La démarche d'implantation (étapes 01 à 09)",
    "cycle_action": "Modèle d'actualisation du leadership : prendre conscience, analyser, agir ; "
    "étapes et régulation du cycle de l'action",
    "part_novices": "Taux de personnes enseignantes en insertion professionnelle par école",
    "conditions_gagnantes": "Conditions gagnantes du dispositif de mentorat (proximité, "
    "connaissance du milieu, outils numériques)",
    "mentor_du_milieu": "« Le mentor doit être issu du milieu. Il doit être connu et présent. »",
    "mentor_par_batiment": "« Un mentor par bâtisse est essentiel. »",
    "pedagogie_alternative": "« Comme nous avons une pédagogie alternative, il est essentiel que "
    "notre mentor soit de notre milieu »",
    "partage_de_tache": "Plan de déploiement d'une école primaire : enjeu des enseignants ayant "
    "un partage de tâche",
    "outils": "Autres outils développés (aide-mémoire, outil de gestion de classe)",
    "plan_secondaire": "Exemple d'un plan de déploiement d'une école secondaire",
    "temoignages": "Extraits des personnes mentorées (soutien reçu, bien-être, planification)",
}

_MISSION = {
    "mission": "Mission du CNIPE : insertion réussie, durée de cinq à sept années scolaires",
    "axe1": "Axe 1 : conseiller et soutenir les directions",
    "axe2": "Axe 2 : développer des partenariats",
    "axe3": "Axe 3 : diffuser les ressources, y compris aux personnes formées à l'étranger",
    "axe4": "Axe 4 : tenir à jour le portrait de l'insertion au Québec",
}

_NIVEAUX = {
    "niveau1": "Level 1 : support systems in the establishment",
    "niveau2": "Level 2 : inter-establishment support systems",
    "niveau3": "Level 3 : personalized support systems",
}

_PPC = {
    "10.1": "Perfectionnement axé sur les compétences du 21e siècle et l'ère numérique",
    "10.2": "Technopédagogues : séances, webinaires, coplanification, coenseignement, "
    "coobjectivation",
    "10.3": "Perfectionnement intégré au travail : communautés d'apprentissage en ligne et "
    "interécoles, mentorat en région éloignée",
}


def _construire() -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for type_, items in _ANNEXE1.items():
        for lettre, texte in items.items():
            cle = f"annexe1/{type_}/{lettre}"
            sources[cle] = Source(cle, F001, f"Annexe 1, {type_} {lettre}) {texte}")
    for nom, texte in _NIVEAUX.items():
        sources[f"cnipe/{nom}"] = Source(f"cnipe/{nom}", F002, texte)
    for nom, texte in _MISSION.items():
        sources[f"cnipe/{nom}"] = Source(f"cnipe/{nom}", F000, texte)
    for nom, texte in _PPC.items():
        sources[f"ppc/{nom}"] = Source(f"ppc/{nom}", F004, texte)
    for acteur, texte in ROLES_CSSPS.items():
        sources[f"cssps/roles/{acteur}"] = Source(f"cssps/roles/{acteur}", F003, texte)
    for sujet, texte in _SUJETS_CSSPS.items():
        sources[f"cssps/{sujet}"] = Source(f"cssps/{sujet}", F003, texte)
    return sources


#: Toutes les clés de sources admises, avec le fichier et le passage qu'elles désignent.
SOURCES: dict[str, Source] = _construire()

#: Les 19 clés de l'Annexe 1 (universel a-g, cible a-h, individuel a-d).
CLES_ANNEXE1: tuple[str, ...] = tuple(k for k in SOURCES if k.startswith("annexe1/"))


def source(cle: str) -> Source:
    """Le passage désigné par une clé de source.

    >>> source("annexe1/individuel/b").fichier
    '001_eee18fa9e8195a6b.txt'
    >>> source("cnipe/niveau3").passage
    'Level 3 : personalized support systems'
    """
    try:
        return SOURCES[cle]
    except KeyError:
        raise KeyError(f"clé de source inconnue : {cle!r}") from None


def verifier_sources(sources: tuple[str, ...]) -> tuple[str, ...]:
    """Valide une liste de clés de sources (pour les validateurs pydantic).

    >>> verifier_sources(("cnipe/niveau4",))
    Traceback (most recent call last):
    ...
    recommandeur._messages.ValeurInconnue: clé de source inconnue 'cnipe/niveau4'
    """
    for cle in sources:
        if cle not in SOURCES:
            raise ValeurInconnue(f"clé de source inconnue {cle!r}", suggerer(cle, SOURCES))
    if len(set(sources)) != len(sources):
        raise ValueError("clé de source répétée")
    return sources
