"""Les colonnes des fichiers d'effectifs, tirées des champs du profil (jamais recopiées à la main).

Fichier des enseignants : ``enseignant`` et ``ecole`` (identifiants), puis un champ du profil
par colonne, sous son nom court (``annees_experience``, ``partage_de_tache``, ...), un besoin
par colonne ``besoin_<besoin>`` (son intensité) et ``mesures_recues``
(``mentorat:avec_effet; accompagnement_sous_groupe:sans_effet``).

Fichier des écoles : ``ecole``, ``nom``, ``nb_enseignants``, ``mentors`` (nombre de
personnes mentores), ``region`` (facultative : les cohortes du centre ne mêlent pas deux
régions), ``part_novices`` (facultative : calculée sinon), et les champs du
contexte de l'école (``imse``, ``nb_batiments``, ``region_eloignee``, ``pane``, ...).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..._profil.champs import CHAMPS
from ..._profil.modeles import Affectation, Ecole, Profil
from ..._vocabulaire import Besoin, annees_au_quebec

#: Les colonnes d'identifiants du fichier des enseignants.
IDENTIFIANTS_ENSEIGNANT = ("enseignant", "ecole")

#: Colonne du fichier des enseignants → chemin du champ du profil.
COLONNES_ENSEIGNANT: dict[str, str] = {
    **{
        nom: nom
        for nom in Profil.model_fields
        if nom not in {"affectation", "besoins", "mesures_recues", "ecole"}
    },
    **{nom: f"affectation.{nom}" for nom in Affectation.model_fields},
    **{f"besoin_{b.value}": f"besoins.{b.value}" for b in Besoin},
    "mesures_recues": "mesures_recues",
}

#: Les colonnes de l'appariement (facultatives) du fichier des enseignants : son bâtiment,
#: sa matière, sa personne mentore précédente (voir ``_programme/jumelage/appariement.py``).
COLONNES_APPARIEMENT = ("batiment", "matiere", "mentor_precedent")

#: Toutes les colonnes admises du fichier des enseignants.
ENTETES_ENSEIGNANT = (*IDENTIFIANTS_ENSEIGNANT, *COLONNES_ENSEIGNANT, *COLONNES_APPARIEMENT)

#: Les colonnes propres au fichier des écoles (hors contexte de l'école du profil).
COLONNES_PROPRES_ECOLE = ("ecole", "nom", "nb_enseignants", "mentors", "region")

#: Colonne du fichier des écoles → chemin du champ du profil (le contexte de l'école).
COLONNES_ECOLE: dict[str, str] = {
    nom: f"ecole.{nom}" for nom in Ecole.model_fields if nom != "mentor_dans_l_ecole"
}

#: Chemin d'un champ du profil → colonne qui le porte (pour nommer la colonne fautive).
COLONNE_DU_CHAMP: dict[str, str] = {v: k for k, v in COLONNES_ENSEIGNANT.items()}


def colonne_du_champ(champ: str | None) -> str | None:
    """La colonne d'un champ du profil nommé par un problème (``besoins.x`` → ``besoin_x``).

    >>> colonne_du_champ("affectation.nb_ecoles"), colonne_du_champ("besoins.bien_etre")
    ('nb_ecoles', 'besoin_bien_etre')
    >>> colonne_du_champ("mesures_recues[0].mesure")
    'mesures_recues'
    """
    if champ is None:
        return None
    racine = re.sub(r"\[\d+\].*$", "", champ)
    if racine.startswith("besoins."):
        return "besoin_" + racine.removeprefix("besoins.")
    return COLONNE_DU_CHAMP.get(racine, champ)


def cellule(chemin: str, texte: str) -> Any:
    """Le texte d'une cellule en valeur du profil : les entiers lus, le reste tel quel.

    La validation du profil lit ensuite les écritures françaises (« oui », « élevée »,
    « 0,45 », « 45 % ») et refuse le reste avec un message qui nomme la valeur.

    >>> cellule("annees_experience", " 3 "), cellule("affectation.partage_de_tache", "oui")
    (3, 'oui')
    """
    texte = texte.strip()
    champ = CHAMPS.get(chemin)
    if champ is not None and champ.genre == "entier" and re.fullmatch(r"[+-]?\d{1,6}", texte):
        return int(texte)
    return texte


def mesures_recues(texte: str) -> list[dict[str, Any]] | str:
    """La cellule ``mesures_recues`` en liste : ``mesure:effet[:intervenant]`` séparés par ``;``.

    ``effet`` : ``avec_effet`` (ou ``oui``) ou ``sans_effet`` (ou ``non``). Une cellule mal
    écrite est rendue telle quelle, pour que la validation la refuse en la nommant.

    >>> mesures_recues("mentorat:avec_effet; cap:sans_effet:mentor")
    [{'mesure': 'mentorat', 'efficace': True}, {'mesure': 'cap', 'efficace': False, 'intervenant': 'mentor'}]
    """
    recues: list[dict[str, Any]] = []
    for morceau in filter(None, (m.strip() for m in texte.split(";"))):
        parties = [p.strip() for p in morceau.split(":")]
        if len(parties) not in (2, 3) or parties[1] not in EFFETS:
            return texte
        recue: dict[str, Any] = {"mesure": parties[0], "efficace": EFFETS[parties[1]]}
        if len(parties) == 3:
            recue["intervenant"] = parties[2]
        recues.append(recue)
    return recues


EFFETS = {"avec_effet": True, "oui": True, "sans_effet": False, "non": False}


def annees_brutes_au_quebec(valeurs: Mapping[str, Any]) -> int | None:
    """Les années au Québec d'une ligne pas encore validée (``None`` si elles ne se lisent pas)."""
    lues = [entier_brut(valeurs.get(c)) for c in ("annees_experience", "annees_au_quebec")]
    return lues[1] if lues[0] is None else annees_au_quebec(lues[0], lues[1])


def entier_brut(brute: Any) -> int | None:
    """Un entier écrit dans une cellule (« 12 », 12), sinon ``None``."""
    if isinstance(brute, str) and re.fullmatch(r"[0-9]{1,6}", brute.strip()):
        return int(brute)
    return brute if isinstance(brute, int) and not isinstance(brute, bool) else None
