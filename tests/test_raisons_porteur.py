"""Une raison ne cite que ce qui concerne la mesure ou la personne qui la porte, jamais un absent.

Au chargement : une raison qui cite un passage parlant d'un acteur (``sujet`` de la source)
alors qu'un autre peut porter la mesure est refusée. À la recommandation : la raison propre au
porteur (``pourquoi_par``) remplace la raison commune. Vérifié sur toutes les combinaisons de
présences, avec des profils quelconques.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import ErreurRegle, Moteur, Profil, recommander
from recommandeur.testing import profils

from .profils_exemples import PRESENCES

CATALOGUE = Moteur.depuis().catalogue
GUILLEMETS = re.compile(r"«\s*(.*?)\s*»", re.S)


def _norme(texte: str) -> str:
    return re.sub(r"\s+", " ", texte.replace("’", "'")).strip()


def sujets(texte: str, sources: tuple[str, ...]) -> set[str]:
    """Les acteurs dont parlent les passages cités entre « » dans ``texte``."""
    trouves: set[str] = set()
    for citation in GUILLEMETS.findall(texte):
        for cle in sources:
            s = CATALOGUE.source(cle)
            if s.sujet and _norme(citation) in _norme(s.passage):
                trouves.add(s.sujet)
    return trouves


@st.composite
def profils_et_presences(draw: st.DrawFn) -> Profil:
    profil = draw(profils())
    ecole = profil.ecole.model_copy(
        update={c: draw(st.sampled_from([True, False, None])) for c in PRESENCES}
    )
    return profil.model_copy(update={"ecole": ecole})


@settings(max_examples=150, deadline=None)
@given(profils_et_presences())
def test_une_raison_ne_cite_que_le_porteur(profil: Profil) -> None:
    reco = recommander(profil)
    for m in reco.mesures:
        for motif in m.motifs:
            cites = sujets(motif.texte, motif.sources)
            assert cites <= {m.acteur.id}, (m.mesure.id, m.acteur.id, motif.regle, motif.texte)
            if m.acteur.id != "mentor":
                assert "la mentore" not in motif.texte, (m.mesure.id, motif.texte)
            if m.acteur.id != "technopedagogue":
                assert "disposer de technopédagogues" not in motif.texte, motif.texte


def test_cas_du_ticket_sans_mentor() -> None:
    """Sans personne mentore : la direction porte, et sa raison ne parle pas d'une mentore."""
    reco = recommander(
        {
            "annees_experience": 1,
            "ordre": "primaire",
            "besoins": {"fonctionnement_ecole": "elevee", "integration_equipe": "elevee"},
            "ecole": {"mentor_dans_l_ecole": False},
        }
    )
    m = next(m for m in reco.mesures if m.mesure.id == "consultation_individuelle")
    assert m.acteur.id == "direction"
    textes = " ".join(mo.texte for mo in m.motifs)
    assert "mentore" not in textes
    assert "La direction lui transmet les informations importantes" in textes


def test_avec_mentor_la_citation_revient() -> None:
    reco = recommander(
        {
            "annees_experience": 1,
            "ordre": "primaire",
            "besoins": {"charge_de_travail": "elevee"},
            "ecole": {"mentor_dans_l_ecole": True},
        }
    )
    m = next(m for m in reco.mesures if m.mesure.id == "accompagnement_individuel")
    assert m.acteur.id == "mentor"
    assert "« J'ai diminué ma surcharge de planification grâce à leur aide. »" in m.motifs[0].texte


def test_chargement_refuse_une_citation_sur_un_autre_acteur(tmp_path: Path) -> None:
    (tmp_path / "r.toml").write_text(
        'version = "t"\n[[regle]]\nid = "r"\ntitre = "R"\n'
        'si = { champ = "annees_experience", op = "<", valeur = 3 }\n'
        'justification = "J."\nsources = ["annexe1/individuel/b"]\n'
        'recommande = [{ mesure = "accompagnement_individuel", poids = 1, '
        'pourquoi = "« J\'ai diminué ma surcharge de planification grâce à leur aide. »", '
        'sources = ["annexe1/individuel/b", "cssps/temoignage/planification"] }]\n',
        encoding="utf-8",
    )
    with pytest.raises(ErreurRegle) as exc:
        Moteur.depuis(regles=tmp_path)
    message = str(exc.value)
    assert "parle de 'mentor'" in message and "pourquoi_par.mentor" in message


def test_chargement_refuse_pourquoi_par_d_un_non_intervenant(tmp_path: Path) -> None:
    (tmp_path / "r.toml").write_text(
        'version = "t"\n[[regle]]\nid = "r"\ntitre = "R"\n'
        'si = { champ = "annees_experience", op = "<", valeur = 3 }\n'
        'justification = "J."\nsources = ["annexe1/individuel/b"]\n'
        'recommande = [{ mesure = "accompagnement_individuel", poids = 1, '
        'pourquoi_par = { technopedagogue = "non" } }]\n',
        encoding="utf-8",
    )
    with pytest.raises(ErreurRegle, match="'technopedagogue' n'est pas un intervenant"):
        Moteur.depuis(regles=tmp_path)


#: Un besoin dont la règle a une raison propre à la personne mentore et une à la direction
#: (``pourquoi_par``) : qui porte la consultation ne dépend que de la présence de la mentore.
_DEUX_PORTEURS = {
    "annees_experience": 1,
    "ordre": "primaire",
    "besoins": {"fonctionnement_ecole": "elevee"},
}


def _porteur_et_raisons(profil: dict[str, object], moteur: Moteur) -> tuple[str, list[str]]:
    reco = recommander(profil, moteur=moteur)
    m = next(m for m in reco.mesures if m.mesure.id == "consultation_individuelle")
    return m.acteur.id, [mo.texte for mo in m.motifs]


@pytest.mark.parametrize("premier", [True, False])
def test_un_moteur_partage_redit_la_raison_du_porteur(premier: bool) -> None:
    """Sur un seul moteur, la même règle portée par la mentore puis par la direction (ou
    l'inverse) : chaque motif a la raison propre de son porteur, comme sur deux moteurs neufs."""
    base = Moteur.depuis(evaluateur="reference")

    def neuf() -> Moteur:
        return Moteur(base.catalogue, base.base, evaluateur="reference")

    partage = neuf()
    ordre = [premier, not premier]
    vus = [
        _porteur_et_raisons(_DEUX_PORTEURS | {"ecole": {"mentor_dans_l_ecole": m}}, partage)
        for m in ordre
    ]
    seuls = [
        _porteur_et_raisons(_DEUX_PORTEURS | {"ecole": {"mentor_dans_l_ecole": m}}, neuf())
        for m in ordre
    ]
    assert vus == seuls
    porteurs = dict(zip(ordre, (p for p, _ in vus), strict=True))
    assert porteurs == {True: "mentor", False: "direction"}
    raisons = dict(zip(ordre, (" ".join(t) for _, t in vus), strict=True))
    assert "La direction lui transmet les informations importantes" in raisons[False]
    assert "mentore" not in raisons[False]
    assert "Elle doit pouvoir fournir plusieurs réponses" in raisons[True]
