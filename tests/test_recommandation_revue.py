"""Revue de mutation indépendante (m8m) : la recommandation autour du moteur.

La clé d'une mesure recommandée (``recommandeur._recommandation.construction``) : chacune de
ses entrées compte, même quand les raisons sont les mêmes objets. Dans
``recommandeur._recommandation.recommander`` : la priorité d'une proposition sans intervenant
passe à la suivante, une seule règle prioritaire déclenchée suffit, les actions du milieu sont
rangées ; dans ``recommandeur._recommandation.motifs``, une règle est prioritaire par l'une
quelconque de ses propositions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from recommandeur import Moteur, Profil, recommander
from recommandeur._recommandation.classement import PRIORITAIRES, cle_de_tri
from recommandeur._recommandation.construction import constructeur
from recommandeur._recommandation.decisions import Decision
from recommandeur._recommandation.intervenants import Choix
from recommandeur._recommandation.modeles import Motif
from recommandeur._recommandation.motifs import fiche
from recommandeur._vocabulaire import Presence
from recommandeur.testing import profils

MOTEUR = Moteur.depuis()

#: Les entrées d'une mesure recommandée, une paire de valeurs chacune, et ce qui les montre.
ENTREES: dict[str, tuple[Any, Any]] = {
    "rang": (1, 2),
    "prioritaire": (True, False),
    "score": (2.0, 3.5),
    "recue": (None, False),
    "en_centre": (False, True),
}


def _montre(mesure: Any) -> tuple[Any, ...]:
    return (
        mesure.rang,
        mesure.prioritaire,
        mesure.score,
        mesure.deja_recue,
        mesure.changement_d_intervenant,
        mesure.en_centre,
    )


@pytest.mark.parametrize("entree", list(ENTREES))
def test_chaque_entree_compte_dans_la_cle_a_raisons_egales(entree: str) -> None:
    """Deux mesures qui ne diffèrent que par une entrée (mêmes raisons, même décision) ne sont
    jamais resservies l'une pour l'autre, gardées ou non."""
    f = fiche(MOTEUR)
    f.recommandees.clear()
    choix = Choix(f.mesures["mentorat"].intervenants[0], Presence.PRESENT, (), ())
    decision = Decision("mentorat", choix, None, ())
    motif = Motif.construire(regle="r", titre="T", poids=1.0, texte="t", faits=(), sources=())
    vues = []
    for valeur in ENTREES[entree]:
        valeurs: dict[str, Any] = {
            "rang": 1,
            "prioritaire": True,
            "score": 2.0,
            "recue": None,
            "en_centre": False,
        }
        valeurs[entree] = valeur
        recues = {} if valeurs["recue"] is None else {"mentorat": valeurs["recue"]}
        faire = constructeur(
            f,
            {"mentorat": [motif]},
            {"mentorat": decision},
            {"mentorat": valeurs["score"]},
            recues,
            valeurs["en_centre"],
        )
        # trois fois : la mesure est gardée à la deuxième, puis resservie
        faites = [faire(valeurs["rang"], "mentorat", valeurs["prioritaire"]) for _ in range(3)]
        assert faites[1] is faites[2]
        vues.append(_montre(faites[2]))
    assert vues[0] != vues[1]
    attendu = {
        "rang": [(1, True, 2.0, False, False, False), (2, True, 2.0, False, False, False)],
        "prioritaire": [(1, True, 2.0, False, False, False), (1, False, 2.0, False, False, False)],
        "score": [(1, True, 2.0, False, False, False), (1, True, 3.5, False, False, False)],
        "recue": [(1, True, 2.0, False, False, False), (1, True, 2.0, False, True, False)],
        "en_centre": [(1, True, 2.0, False, False, False), (1, True, 2.0, False, False, True)],
    }
    assert vues == attendu[entree]


def _regles_a_report(dossier: Path) -> Path:
    """Une règle dont la mesure prioritaire (le mentorat) n'a qu'un intervenant possible."""
    dossier.mkdir()
    (dossier / "version.toml").write_text('version = "essai"\n', encoding="utf-8")
    (dossier / "regles.toml").write_text(
        """
[[regle]]
id = "essai"
titre = "Essai"
si = { champ = "annees_experience", op = "<", valeur = 3 }
justification = "Essai."
sources = ["cssps/mentorat"]
recommande = [
  { mesure = "mentorat", poids = 1, priorite = 2 },
  { mesure = "consultation_breve", poids = 2, sources = ["annexe1/universel/g"] },
]
""",
        encoding="utf-8",
    )
    return dossier


def test_la_priorite_passe_a_l_autre_proposition_quand_la_sienne_n_a_pas_d_intervenant(
    tmp_path: Path,
) -> None:
    """Mentore absente : le mentorat est écarté (sans intervenant) et sa priorité passe à la
    consultation brève ; présente : il la garde ; inconnue : il reste offert « à confirmer »,
    et la priorité passe à la consultation portée par une personne présente."""
    moteur = Moteur.depuis(regles=_regles_a_report(tmp_path / "regles"))
    vus = []
    for ecole in ({"mentor_dans_l_ecole": False}, {"mentor_dans_l_ecole": True}, {}):
        profil = {"annees_experience": 1, "ordre": "primaire", "ecole": ecole}
        reco = recommander(profil, moteur=moteur)
        vus.append(
            (
                [
                    (m.mesure.id, m.prioritaire, [mo.priorite for mo in m.motifs])
                    for m in reco.mesures
                ],
                [(e.mesure, e.genre) for e in reco.ecartees],
            )
        )
    assert vus == [
        ([("consultation_breve", True, [2])], [("mentorat", "sans_intervenant")]),
        ([("mentorat", True, [2]), ("consultation_breve", False, [None])], []),
        ([("consultation_breve", True, [2]), ("mentorat", False, [None])], []),
    ]


def test_une_seule_regle_prioritaire_declenchee_donne_sa_priorite() -> None:
    """École sans mentore, après les premières années : seule la règle ``ecole_sans_mentor`` a
    une proposition prioritaire (sa deuxième), et elle vient en tête."""
    profil = {"annees_experience": 4, "ordre": "primaire", "ecole": {"mentor_dans_l_ecole": False}}
    reco = recommander(profil, moteur=MOTEUR)
    assert [m.mesure.id for m in reco.prioritaires] == ["mentorat_autre_ecole"]
    assert reco.mesures[0].motifs[0].regle == "ecole_sans_mentor"


@settings(max_examples=80, deadline=None)
@given(profils(MOTEUR.catalogue))
def test_ordre_des_actions_et_des_prioritaires(profil: Profil) -> None:
    """Pour tout profil : les actions du milieu sont rangées comme les offres (score décroissant,
    niveau le plus individuel, identifiant), de rang 1 à n ; hors détresse, une offre est
    prioritaire seulement si l'une de ses raisons porte une priorité, et toutes celles-là le
    sont quand il y en a au plus cinq."""
    reco = recommander(profil, moteur=MOTEUR)
    actions = reco.actions_milieu
    assert [m.rang for m in actions] == list(range(1, len(actions) + 1))
    cles = [cle_de_tri(m.mesure.id, m.score, m.mesure.niveau.rang) for m in actions]
    assert cles == sorted(cles)
    assert not any(m.prioritaire for m in actions)
    if profil.signaux_de_detresse:
        return
    a_priorite = {
        m.mesure.id for m in reco.mesures if any(mo.priorite is not None for mo in m.motifs)
    }
    prioritaires = {m.mesure.id for m in reco.prioritaires}
    assert prioritaires <= a_priorite
    if len(a_priorite) <= PRIORITAIRES:
        assert prioritaires == a_priorite
