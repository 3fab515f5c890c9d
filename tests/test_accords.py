"""Les accords des textes lus (ticket 18, point 9 ; revue du second tour, point 3 et point A).

- Épicène pour toute personne : aucun pronom « il » ou « elle » qui la désigne, aucun participe
  ou adjectif d'un seul genre dit d'elle (« Affectée dans 2 écoles », « Être accueillie »,
  « il passe », « qu'elle n'a pas connus », « ceux qui écoutent », « de nombreux titulaires »).
- Dans un centre (FP, FGA), « centre » avec ses accords (« chacun de ses centres, pas seulement
  dans le principal »), et dans tous les objets qu'on imprime (offre, justification, raison,
  offre non offerte), pas seulement dans la recommandation entière.

Balayés : chaque texte du catalogue et des règles (tel quel, et dit pour un centre), et les
recommandations des personas placés dans chaque ordre d'enseignement.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest

from recommandeur import ErreurProfil, Recommandation, recommander
from recommandeur._vocabulaire.centre import au_centre

from .textes_affiches import (
    PERSONAS,
    textes_d_une_recommandation,
    textes_des_regles,
    textes_du_catalogue,
)

ORDRES = ["prescolaire", "primaire", "secondaire", "formation_professionnelle", "education_adultes"]
EN_CENTRE = ["formation_professionnelle", "education_adultes"]

#: Ce qui est cité, balisé ou un lieu de source : on n'en juge pas l'accord.
_CITE = re.compile(r"«[^»]*»|<[^>]*>|\[[^\]]*\]|\([a-z_]+\)")

#: Un pronom sujet ou complément d'un seul genre ; « il faut », « il y a » sont impersonnels.
_PRONOM = re.compile(r"\b(?:[Ii]ls?(?! faut| y a)|[Ee]lles?)\b")
#: Un participe en tête de phrase ou de parenthèse, devant une préposition : il qualifie la
#: personne sans la nommer (« Affectée dans », « Formé hors du Québec ») ; « Arrivée » y est un nom.
_PARTICIPE_EN_TETE = re.compile(
    r"(?:^|[.:;!?]\s+|\(|,\s+)(?!Arrivée\b)([A-ZÉÊ]\w*(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues))"
    r"(?= (?:dans|hors|à|au|aux|en|par|depuis|pour|sans)\b)"
)
#: « Être accueillie » : l'infinitif dit de la personne, suivi d'un participe accordé.
_ETRE_PARTICIPE = re.compile(r"\b[Êê]tre (\w+(?:ée|ées|és|ie|ies|is|ue|ues|us))\b")
#: Des formes masculines génériques dites de personnes.
_MASCULIN_GENERIQUE = re.compile(
    r"(?<!celles et )\bceux\b|\bnombreux\b(?! (?:documents?|outils?))|\btous les (?!\w+s? (?:de|du|des)\b)\w+"
    r"|\b(?:les|des|aux) nouveaux\b(?! (?:personnels?|outils?|enseignants))"
)
_SEUL_GENRE = re.compile(
    r"(?:^|[.:;!?]\s+|\()(?:Nouvelle|Nouveau|Seule?|Qualifiée?)\b(?!·)(?! personne)"
)


def accords_d_un_seul_genre(texte: str) -> list[str]:
    """Les formes d'un seul genre dites de la personne, hors citations et balises.

    >>> accords_d_un_seul_genre("Spécialiste (oui) : il passe dans plusieurs classes.")
    ['il']
    >>> accords_d_un_seul_genre("Affectée dans 2 centres. Être accueillie dans chacun.")
    ['Affectée', 'accueillie']
    >>> accords_d_un_seul_genre("la personne mentore fait partie de ceux qui écoutent")
    ['ceux']
    >>> accords_d_un_seul_genre("Arrivée dans l'école (oui) ; « Il doit être connu » ; il faut")
    []
    >>> accords_d_un_seul_genre("à celles et ceux formés à l'étranger ; Formation hors du Québec")
    []
    """
    lisible = _CITE.sub(" ", texte)
    trouves = [(m.start(), m.group()) for m in _PRONOM.finditer(lisible)]
    trouves += [(m.start(1), m.group(1)) for m in _PARTICIPE_EN_TETE.finditer(lisible)]
    trouves += [(m.start(1), m.group(1)) for m in _ETRE_PARTICIPE.finditer(lisible)]
    trouves += [(m.start(), m.group()) for m in _MASCULIN_GENERIQUE.finditer(lisible)]
    trouves += [(m.start(), m.group().strip(" .:;!?(")) for m in _SEUL_GENRE.finditer(lisible)]
    return [forme for _, forme in sorted(trouves)]


#: Des accords au féminin qui ne vont pas avec « centre » (après le remplacement d'« école »).
_ACCORD_CENTRE = re.compile(
    r"\bchacune (?:de ses|des|de) centres?\b"
    r"|\b(?:une|la|cette|chacune|aucune|toute|seule|quelle|nouvelle)\s+(?:\w+\s+)?centres?\b"
    r"|\bcentres? (?:soutenue|principale|seule|nouvelle|\w+ée)s?\b"
)
#: Un pronom au féminin qui reprend « centre » dans la même phrase (« …, pas seulement dans la principale »).
_REPRISE = re.compile(r"\b(?:la|une) (?:principale|seule|première|dernière)\b")


def accords_du_centre(texte: str) -> list[str]:
    """Les accords au féminin d'un texte dit pour un centre.

    >>> accords_du_centre("dans chacune de ses centres, pas seulement dans la principale")
    ['chacune de ses centres', 'la principale']
    >>> accords_du_centre("un centre soutenu ; Centre en région éloignée ; le centre principal")
    []
    >>> accords_du_centre("Affectation dans 2 centres. Un accueil dans la principale.")
    []
    """
    fautes = []
    for phrase in re.split(r"(?<=[.;])\s+", _CITE.sub(" ", texte)):
        fautes += [m.group() for m in _ACCORD_CENTRE.finditer(phrase)]
        fautes += [
            m.group()
            for m in _REPRISE.finditer(phrase)
            if re.search(r"\bcentres\b", phrase[: m.start()])
        ]
    return fautes


def test_le_detecteur_reconnait_les_formes_de_la_revue() -> None:
    revue = [
        "Spécialiste (oui) : il passe dans plusieurs classes et côtoie de nombreux titulaires.",
        "les référentiels du Québec, qu'elle n'a pas connus dans sa formation.",
        "Affectée dans 2 centres : l'intégration dans chaque équipe est plus difficile.",
        "Être accueillie dans chacune de ses centres, pas seulement dans la principale.",
        "Formée hors du Québec (oui)",
    ]
    assert [accords_d_un_seul_genre(t) for t in revue] == [
        ["il", "nombreux"],
        ["elle"],
        ["Affectée"],
        ["accueillie"],
        ["Formée"],
    ]
    assert accords_du_centre(revue[3]) == ["chacune de ses centres", "la principale"]
    assert accords_du_centre(
        "Un accueil dans chacun de ses centres, pas seulement dans la principale."
    ) == ["la principale"]


# --- le catalogue et les règles : chaque texte qu'une règle ou une mesure peut faire lire ----


def _lus_par_la_personne() -> list[tuple[str, str]]:
    # les explications de la couverture sont lues par les autrices des règles (elles parlent
    # d'un acteur : « elle agit sur le programme »), pas par la personne enseignante
    return [
        (ou, texte)
        for ou, texte in (*textes_du_catalogue(), *textes_des_regles())
        if not ou.startswith("explications.toml")
    ]


def test_les_textes_des_regles_et_du_catalogue_sont_epicenes() -> None:
    fautes = [
        (ou, f) for ou, texte in _lus_par_la_personne() if (f := accords_d_un_seul_genre(texte))
    ]
    assert fautes == []


def test_les_textes_dits_pour_un_centre_s_accordent_avec_centre() -> None:
    fautes = [
        (ou, f)
        for ou, texte in _lus_par_la_personne()
        if (f := accords_du_centre(au_centre(texte)))
    ]
    assert fautes == []


# --- les recommandations des personas, dans chaque ordre d'enseignement ------------------------


@cache
def _recommandation(ident: str, ordre: str) -> Recommandation | None:
    persona = next(p for p in PERSONAS if p["id"] == ident)
    profil: dict[str, Any] = {**persona["profil"], "ordre": ordre}
    try:
        return recommander(profil)
    except ErreurProfil:  # un champ propre à un ordre (aucun aujourd'hui)
        return None


CAS = [(p["id"], ordre) for p in PERSONAS for ordre in ORDRES]


@pytest.mark.parametrize(("ident", "ordre"), CAS, ids=[f"{i[:30]}-{o[:4]}" for i, o in CAS])
def test_les_recommandations_sont_epicenes_dans_chaque_ordre(ident: str, ordre: str) -> None:
    reco = _recommandation(ident, ordre)
    if reco is None:
        pytest.skip("profil refusé dans cet ordre")
    fautes = sorted(
        {f for texte in textes_d_une_recommandation(reco) for f in accords_d_un_seul_genre(texte)}
    )
    assert fautes == [], (ident, ordre)


#: Ce que ``au_centre`` laisse tel quel : citations, lieux des sources, ce qu'a fait le CSSPS,
#: identifiants de mesure et de règle entre parenthèses ou crochets.
_PROTEGE = re.compile(
    r"«[^»]*»|\[[^\]]*\]|<dt[^>]*>.*?</dt>|Au CSSPS[^.:«]*|\b[Dd]ans une école du CSSPS\b|<[^>]*>|\([a-z_]+\)"
)
_ECOLE = re.compile(r"\b[ÉéE]coles?\b")


@pytest.mark.parametrize(
    ("ident", "ordre"),
    [(i, o) for i, o in CAS if o in EN_CENTRE],
    ids=[f"{i[:30]}-{o[:4]}" for i, o in CAS if o in EN_CENTRE],
)
def test_en_centre_chaque_objet_imprime_dit_centre_avec_ses_accords(ident: str, ordre: str) -> None:
    reco = _recommandation(ident, ordre)
    if reco is None:
        pytest.skip("profil refusé dans cet ordre")
    assert all(m.en_centre for m in (*reco.mesures, *reco.actions_milieu))
    for texte in textes_d_une_recommandation(reco):
        lisible = _PROTEGE.sub("", texte)
        ecoles = [lisible[max(0, m.start() - 40) : m.end() + 10] for m in _ECOLE.finditer(lisible)]
        assert ecoles == [], (ident, ordre)
        assert accords_du_centre(texte) == [], (ident, ordre)


@pytest.mark.parametrize("ordre", ["prescolaire", "primaire", "secondaire"])
def test_l_ecole_reste_l_ecole_hors_des_centres(ordre: str) -> None:
    reco = recommander(
        {
            "annees_experience": 0,
            "ordre": ordre,
            "affectation": {"partage_de_tache": True, "nb_ecoles": 3},
            "ecole": {"mentor_dans_l_ecole": True},
        }
    )
    assert not any(m.en_centre for m in reco.mesures)
    accueil = next(m for m in reco.mesures if m.mesure.id == "accueil_etablissement")
    assert (
        "Affectation dans 3 écoles : l'intégration dans chaque équipe est plus difficile. Un "
        "accueil dans chacune de ses écoles, pas seulement dans la principale."
    ) in accueil.justification
    assert "Personne mentore de l'école" in str(reco.mesures[0]) + reco.mesures[0].justification


@pytest.mark.parametrize("ordre", EN_CENTRE)
def test_l_exemple_de_la_revue_en_centre(ordre: str) -> None:
    """Nouveau point A du second tour : le texte attendu, mot pour mot, et l'intervenant en centre."""
    reco = recommander(
        {
            "annees_experience": 0,
            "ordre": ordre,
            "affectation": {"partage_de_tache": True, "nb_ecoles": 2},
            "ecole": {"mentor_dans_l_ecole": True},
        }
    )
    accueil = next(m for m in reco.mesures if m.mesure.id == "accueil_etablissement")
    attendu = (
        "Affectation dans 2 centres : l'intégration dans chaque équipe est plus difficile. Un "
        "accueil dans chacun de ses centres, pas seulement dans le principal."
    )
    assert attendu in accueil.justification
    assert attendu in " ".join(str(accueil).split())
    assert attendu in " ".join(reco.texte().split())
    assert any(attendu in m.texte for m in accueil.motifs)
    mentore = next(m for m in reco.mesures if m.acteur.id == "mentor")
    assert "Personne mentore du centre" in str(mentore)
    assert "intervenant : Personne mentore du centre" in mentore.justification
    # le JSON garde le choix du mot, et le relit
    relue = Recommandation.model_validate(reco.model_dump(mode="json"))
    assert relue.mesures[0].en_centre is True
    assert relue.mesures[0].justification == reco.mesures[0].justification


def test_les_lourdeurs_des_annees_au_quebec() -> None:
    """Revue du second tour, point mineur 2 : « première année au Québec », pas « 0 année(s) »."""
    reco = recommander(
        {"annees_experience": 0, "ordre": "primaire", "ecole": {"mentor_dans_l_ecole": True}}
    )
    mentorat = next(m for m in reco.mesures if m.mesure.id == "mentorat")
    motif = next(m for m in mentorat.motifs if m.regle == "mentorat_premieres_annees")
    assert motif.texte.startswith(
        "Au début de son insertion (première année d'enseignement au Québec) : le mentorat vient "
        "parmi les premières offres jusqu'à la deuxième année incluse (un seuil choisi par le "
        "catalogue, que les documents sources ne fixent pas)."
    )
    for profil in PERSONAS:
        for texte in textes_d_une_recommandation(recommander(profil["profil"])):
            assert "(s)" not in re.sub(r"\d+ (?:offre|prioritaire|action)\(s\)", "", texte), profil[
                "id"
            ]


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("Un accueil dans chacune des écoles.", "Un accueil dans chacun des centres."),
        ("Présente dans chacune de ses écoles.", "Présente dans chacun de ses centres."),
        (
            "Dans chacune de ses écoles, pas seulement dans la principale.",
            "Dans chacun de ses centres, pas seulement dans le principal.",
        ),
        ("Une école, cette école, une autre école.", "Un centre, ce centre, un autre centre."),
        ("« chacune des écoles » [une école]", "« chacune des écoles » [une école]"),
    ],
)
def test_chaque_remplacement_accorde_au_masculin(texte: str, attendu: str) -> None:
    """Chaque tournure au féminin d'« école » devient sa tournure au masculin de « centre »,
    même hors des textes du catalogue livré ; une citation et un lieu restent tels quels."""
    assert au_centre(texte) == attendu
    assert accords_du_centre(au_centre(texte).replace("« chacune des écoles »", "")) == []
