"""Les valeurs d'un fait écrites pour une personne : oui/non, 45 %, élevée, libellés, seuils."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._profil.champs import CHAMPS, INTENSITES, LIBELLES_INTENSITES, Champ
from .declarations import Parametre
from .expressions import Atome
from .gabarits import morceaux
from .operateurs import OPERATEURS


def nombre(x: float) -> str:
    """Un nombre écrit à la française, sans zéros inutiles.

    >>> nombre(0.15), nombre(36.0)
    ('0,15', '36')
    """
    return f"{x:g}".replace(".", ",")


def valeur_lisible(champ: Champ, valeur: Any) -> str:
    """Une valeur de fait écrite pour une personne.

    >>> valeur_lisible(CHAMPS["ecole.part_novices"], 0.45)
    '45 %'
    >>> valeur_lisible(CHAMPS["besoins.gestion_de_classe"], 3)
    'élevée'
    >>> valeur_lisible(CHAMPS["affectation.partage_de_tache"], True)
    'oui'
    >>> valeur_lisible(CHAMPS["qualification"], "non_legalement_qualifie")
    'non légalement qualifié·e (NLQ)'
    """
    if valeur is None:
        return "inconnu"
    if champ.genre == "booleen":
        return "oui" if valeur else "non"
    if champ.date and isinstance(valeur, int):
        return date_lisible(valeur)
    if champ.annee_en_cours and isinstance(valeur, int) and not isinstance(valeur, bool):
        return annee_en_cours(valeur)
    if champ.genre == "intensite":
        ordre = INTENSITES.get(valeur, valeur) if isinstance(valeur, str) else valeur
        return LIBELLES_INTENSITES.get(int(ordre), str(valeur))
    if champ.genre == "choix":
        return dict(champ.libelles).get(str(valeur), str(valeur))
    if champ.genre == "nombre" and champ.maximum == 1.0:
        return f"{nombre(round(float(valeur) * 100, 1))} %"
    if isinstance(valeur, float):
        return nombre(valeur)
    return str(valeur)


_ORDINAUX = (
    "première", "deuxième", "troisième", "quatrième", "cinquième",
    "sixième", "septième", "huitième", "neuvième", "dixième",
)  # fmt: skip


def annee_en_cours(terminees: int) -> str:
    """L'année en cours après ``terminees`` années terminées : sans « année(s) ».

    >>> annee_en_cours(0), annee_en_cours(1), annee_en_cours(11)
    ('première année', 'deuxième année', '12e année')
    """
    rang = terminees + 1
    return f"{_ORDINAUX[rang - 1] if 1 <= rang <= len(_ORDINAUX) else f'{rang}e'} année"


MOIS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def date_lisible(jour: int) -> str:
    """Une date AAAAMMJJ écrite en français.

    >>> date_lisible(20261101), date_lisible(20270215)
    ('1er novembre 2026', '15 février 2027')
    """
    annee, mois, j = jour // 10000, jour // 100 % 100, jour % 100
    if not 1 <= mois <= 12:
        return str(jour)
    return f"{'1er' if j == 1 else j} {MOIS[mois - 1]} {annee}"


def rendre(
    gabarit: str, fait: Mapping[str, Any], parametres: Mapping[str, Parametre] | None = None
) -> str:
    """Remplit un gabarit vérifié (voir ``verifier_gabarit``) avec les valeurs du fait.

    >>> rendre("IMSE de l'école : {ecole.imse}.", {"ecole.imse": 9})
    "IMSE de l'école : 9."
    >>> from recommandeur._langage.declarations import Parametre
    >>> seuil = Parametre(id="s", champ="ecole.part_novices", valeur=0.3, libelle="l", origine="o")
    >>> rendre("au moins {parametres.s}", {}, {"s": seuil})
    'au moins 30 %'
    >>> rendre("seuil de {parametres.s}", {}, {"s": seuil.model_copy(update={"convention": True})})
    'seuil de 30 % : un seuil choisi par le catalogue, que les documents sources ne fixent pas'

    Au milieu d'une phrase, la mention attend la fin de la phrase, entre parenthèses :

    >>> rendre("jusqu'à {parametres.s} au plus. Fin.", {}, {"s": seuil.model_copy(update={"mention": "m"})})
    "jusqu'à 30 % au plus (m). Fin."
    """
    texte: list[str] = []
    attente: list[str] = []  # les mentions dites à la fin de la phrase en cours
    for litteral, nom in morceaux(gabarit):
        if attente and "." in litteral:
            avant, _, apres = litteral.partition(".")
            litteral = f"{avant} ({' ; '.join(attente)}).{apres}"
            attente.clear()
        texte.append(litteral)
        if nom is None:
            continue
        if nom.startswith("parametres."):
            parametre = (parametres or {})[nom.removeprefix("parametres.")]
            champ = CHAMPS[parametre.champ]
            valeur = parametre.valeur
            if champ.genre == "intensite" and isinstance(valeur, str):
                valeur = INTENSITES[valeur]
            texte.append(valeur_lisible(champ, valeur))
            if parametre.mention_affichee and _fin_de_groupe(gabarit, nom):
                texte.append(f" : {parametre.mention_affichee}")
            elif parametre.mention_affichee:
                attente.append(parametre.mention_affichee)
        else:
            texte.append(valeur_lisible(CHAMPS[nom], fait.get(nom)))
    if attente:
        texte.append(f" ({' ; '.join(attente)})")
    return "".join(texte)


def _fin_de_groupe(gabarit: str, nom: str) -> bool:
    """Le paramètre clôt-il un groupe (suivi de « ) », « . », « ; », « , » ou de la fin) ?"""
    suite = gabarit.split("{" + nom + "}", 1)[1]
    return suite[:1] in ("", ")", ".", ";", ",")


def fait_lisible(test: Atome, lue: Any) -> str:
    """Une comparaison et la valeur lue, pour la liste des faits d'une justification.

    >>> fait_lisible(Atome("ecole.imse", ">=", 8), 9)
    'ecole.imse = 9 (règle : ≥ 8)'
    >>> fait_lisible(Atome("ecole.imse", "<=", 3), None)
    'ecole.imse = inconnu (règle : ≤ 3)'

    Une égalité tenue ne répète pas la valeur :

    >>> fait_lisible(Atome("ordre", "==", "secondaire"), "secondaire")
    'ordre = secondaire'
    """
    champ = CHAMPS[test.champ]
    if test.op == "==" and lue == test.valeur:
        return f"{test.champ} = {valeur_lisible(champ, lue)}"
    attendu = valeur_lisible(champ, test.valeur)
    return (
        f"{test.champ} = {valeur_lisible(champ, lue)} "
        f"(règle : {OPERATEURS[test.op].lisible} {attendu})"
    )
