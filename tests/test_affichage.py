"""``print()`` d'un objet public : du français lisible, jamais les champs bruts de pydantic.

Une offre, une raison, un écart, une escalade, une mesure reçue, une mesure, un acteur, une
alerte, un plan : chacun a son texte court (``str``), tandis que ``repr`` reste l'aperçu.
"""

from __future__ import annotations

import re
from pathlib import Path

import pydantic
import pytest

from recommandeur import (
    Alerte,
    Besoin,
    Escalade,
    Fait,
    Intensite,
    MesureEcartee,
    MesureRecue,
    Moteur,
    Motif,
    Plan,
    Recommandation,
    planifier,
    recommander,
)

from .exemplaires import PROFIL, par_classe

EFFECTIFS = Path(__file__).parent / "donnees" / "effectifs"

#: Les objets qu'une personne imprime (REPL, carnet) : aucun ne montre ses champs bruts.
IMPRIMES = [
    "Acteur", "Alerte", "Catalogue", "Constat", "Escalade", "EtSi", "Fait", "Mesure",
    "MesureEcartee", "MesureRecommandee", "MesureRecue", "Motif", "Plan", "PourquoiPas",
    "Profil", "RapportCouverture", "Recommandation",
]  # fmt: skip
#: Ce qui trahit des champs bruts : ``presence=<Presence.INCONNUE: 'inconnue'>``, ``regle='x'``.
BRUT = re.compile(
    r"(^|\s)[a-z_]+=('|\"|<|\[|\(|-?[0-9]|True|False|None)[^\n]*?\s[a-z_]+="
    r"|<[A-Z][a-zA-Z]+\.[A-Z_]+: '"
)


def test_le_motif_brut_reconnait_pydantic() -> None:
    brut = pydantic.BaseModel.__str__(MesureRecue(mesure="mentorat"))
    assert BRUT.search(brut)
    assert BRUT.search("presence=<Presence.INCONNUE: 'inconnue'>")
    assert not BRUT.search("texte(tout=True) ou --tout pour les voir")


@pytest.fixture(scope="module")
def exemplaires(moteur: Moteur) -> dict[str, list[pydantic.BaseModel]]:
    return par_classe(moteur)


@pytest.mark.parametrize("nom", IMPRIMES)
def test_aucun_champ_brut(exemplaires: dict[str, list[pydantic.BaseModel]], nom: str) -> None:
    for objet in exemplaires[nom][:20]:
        texte = str(objet)
        assert texte != pydantic.BaseModel.__str__(objet)
        assert not BRUT.search(texte), texte[:200]
        assert texte.strip() and "\n\n\n" not in texte


@pytest.fixture(scope="module")
def reco() -> Recommandation:
    return recommander(PROFIL)


def test_une_offre(reco: Recommandation) -> None:
    premiere, derniere = reco.mesures[0], reco.mesures[-1]
    lignes = str(premiere).splitlines()
    assert lignes[0] == f"1. {premiere.mesure.libelle} — à offrir d'abord"
    assert lignes[1].startswith(f"   {premiere.mesure.niveau.libelle} · {premiere.acteur.libelle}")
    assert lignes[2].startswith("   pourquoi : ")
    assert not derniere.prioritaire
    assert str(derniere).splitlines()[0] == f"{derniere.rang}. {derniere.mesure.libelle}"
    # « à confirmer » pour un intervenant dont la présence est inconnue, jamais « Presence. »
    assert premiere.presence.value == "inconnue" and "(à confirmer)" in lignes[1]


def test_une_raison_texte_exact() -> None:
    motif = Motif(
        regle="besoin_eleve_numerique",
        titre="Besoin élevé en numérique",
        poids=5.0,
        texte="Besoin en numérique d'intensité élevée.",
        faits=(Fait(champ="besoins.numerique", valeur="elevee", operateur=">=", seuil="elevee"),),
        sources=("annexe1/individuel/b",),
    )
    assert str(motif) == (
        "Besoin élevé en numérique [besoin_eleve_numerique] : Besoin en numérique d'intensité "
        "élevée.\n  faits : besoins.numerique = élevée (règle : ≥ élevée) — sources : "
        "l'Annexe 1 [besoins spécifiques, b)]"
    )


def test_ecart_escalade_mesure_recue_alerte_textes_exacts() -> None:
    ecart = MesureEcartee(
        mesure="mentorat", libelle="Mentorat", raison="déjà reçue sans effet", regles=["r"]
    )
    assert str(ecart) == "Mentorat (mentorat) : non offerte, déjà reçue sans effet"
    escalade = Escalade(
        besoin=Besoin.BIEN_ETRE,
        declaree=Intensite.MODEREE,
        effective=Intensite.ELEVEE,
        mesures_sans_effet=["mentorat"],
    )
    assert str(escalade) == (
        "Le besoin “bien-être” passe de modérée à élevée : mesure reçue sans effet (mentorat)"
    )
    recue = MesureRecue(mesure="mentorat", efficace=False, besoin="bien_etre", intervenant="mentor")
    assert str(recue) == (
        "mentorat : reçue, sans l'effet attendu, pour le besoin « bien-être », avec mentor"
    )
    assert str(MesureRecue(mesure="webinaire")) == "webinaire : reçue, avec l'effet attendu"
    assert str(Alerte(genre="sans_mentor", ecole=None, message="x")) == "Centre : x"
    assert str(Alerte(genre="sans_mentor", ecole="E1", message="y")) == "E1 : y"


def test_le_resume_d_un_plan() -> None:
    plan: Plan = planifier(EFFECTIFS / "enseignants.csv", EFFECTIFS / "ecoles.csv")
    lignes = str(plan).splitlines()
    assert lignes[0] == (
        "Plan du centre : 5 personne(s) dans 3 école(s), dont 4 en cours d'insertion, "
        "1 en fin de période, 0 au-delà"
    )
    assert lignes[1] == f"Catalogue {plan.version_catalogue} · règles {plan.version_regles}"
    assert lignes[2].startswith(f"Offres groupées : {len(plan.groupes)} groupe(s) (au plus 8 ")
    assert lignes[3].startswith("Coût estimé : ") and lignes[3].endswith(" $ par année")
    assert "1 école(s) sans personne mentore" in lignes[4]
    assert "1 école(s) à plusieurs bâtiments" in lignes[4]
    assert lignes[5] == "Le plus de personnes en insertion : École A (3), École B (1), École C (1)"
    assert lignes[-1].startswith("Le plan entier : plan.html(), plan.ecrire_xlsx(…)")
    assert len(lignes) <= 9
    assert repr(plan).startswith("<Plan : 5 personne(s)")


def test_print_d_un_grand_plan_confidentiel_tient_en_neuf_lignes() -> None:
    """print(plan) : au plus 9 lignes, l'avertissement d'abord et « Le plan entier » à la fin,
    sur 400 personnes et 40 écoles (les milliers à la française)."""
    exemples = Path(__file__).resolve().parents[1] / "exemples" / "effectifs"
    plan = planifier(
        exemples / "enseignants.csv", exemples / "ecoles.csv", inclure_confidentiel=True
    )
    lignes = str(plan).splitlines()
    assert 7 <= len(lignes) <= 9
    assert lignes[0].startswith("CONFIDENTIEL") and lignes[-1].startswith("Le plan entier")
    assert lignes[1].startswith("Plan du centre : 400 personne(s) dans 40 école(s)")
    assert all(len(ligne) < 400 for ligne in lignes)


def test_print_d_un_plan_dit_l_appariement_et_le_cout_en_une_ligne() -> None:
    """Revue RH du ticket 23 : print(plan) dit l'appariement et le coût, comme le résumé de la
    commande ; avec l'avertissement confidentiel, il tient encore en 9 lignes, bilan compris."""
    ligne = {"enseignant": "e1", "ecole": "a", "annees_experience": 0, "ordre": "primaire"}
    plan = planifier(
        [ligne], [{"ecole": "a", "mentors": 1}], mentors=[{"mentor": "M1", "ecole": "a"}]
    )
    assert str(plan).splitlines()[3] == (
        "Appariement : 1 personne(s) appariée(s) à 1 personne(s) mentore(s) nommée(s), "
        "0 sans personne mentore ; coût estimé : 22\u202f600 $ par année"
    )
    sans_mentors = str(planifier([ligne], [{"ecole": "a", "mentors": 1}])).splitlines()
    assert [x for x in sans_mentors if "oût estimé" in x] == [
        "Coût estimé : 22\u202f600 $ par année"
    ]
    exemples = Path(__file__).resolve().parents[1] / "exemples" / "effectifs"
    grand = planifier(
        exemples / "enseignants.csv",
        exemples / "ecoles.csv",
        mentors=exemples / "mentors.csv",
        inclure_confidentiel=True,
    )
    lignes = str(grand).splitlines()
    assert len(lignes) == 9
    assert lignes[4].startswith("Appariement : ") and "coût estimé : " in lignes[4]
    assert lignes[-2].startswith("Bilan : ") and lignes[-1].startswith("Le plan entier")
