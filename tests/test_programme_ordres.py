"""La portée du programme de mentorat (ticket 18, point 2) : ``[programme] ordres``.

Le dispositif du CSSPS visait le primaire et le secondaire : sans rien déclarer, un centre de
FP ou d'éducation des adultes n'a ni « Nommer une personne mentore », ni le mentorat scolaire,
ni la personne mentore d'une autre école, même par les règles voisines (détresse, pédagogie
alternative). Une surcouche qui déclare que son programme couvre ces ordres les obtient.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from recommandeur import ErreurCatalogue, Moteur, charger_catalogue, recommander
from recommandeur._vocabulaire import Ordre

from .exemplaires import SURCOUCHE

MENTORAT_SCOLAIRE = {"mentorat", "mentorat_autre_ecole"}
EN_CENTRE = ["formation_professionnelle", "education_adultes"]


def _profil(ordre: str, mentor: bool | None, **contexte: bool) -> dict[str, object]:
    """Une personne en première année, avec des besoins et une situation qui appellent le
    mentorat ; ``detresse`` et ``pedagogie_alternative`` ajoutent les règles voisines."""
    ecole: dict[str, object] = {}
    if mentor is not None:
        ecole["mentor_dans_l_ecole"] = mentor
    if contexte.get("pedagogie_alternative"):
        ecole["pedagogie_alternative"] = True
    return {
        "annees_experience": 0,
        "ordre": ordre,
        "signaux_de_detresse": contexte.get("detresse", False),
        "besoins": {"planification": "elevee", "bien_etre": "elevee"},
        "affectation": {"classe_multiniveau": True},
        "ecole": ecole,
    }


@pytest.fixture(scope="module")
def moteur_couvrant(tmp_path_factory: pytest.TempPathFactory) -> Moteur:
    dossier = tmp_path_factory.mktemp("surcouche") / "centre"
    shutil.copytree(SURCOUCHE, dossier)
    (dossier / "programme.toml").write_text(
        "# Notre programme de mentorat couvre tous les ordres du centre.\n"
        "[programme]\n"
        'ordres = ["prescolaire", "primaire", "secondaire", "formation_professionnelle", '
        '"education_adultes"]\n',
        encoding="utf-8",
    )
    return Moteur.depuis(surcouche=dossier)


def test_la_portee_livree_est_celle_du_cssps() -> None:
    assert charger_catalogue().ordres_du_programme == (
        Ordre.PRESCOLAIRE,
        Ordre.PRIMAIRE,
        Ordre.SECONDAIRE,
    )


@pytest.mark.parametrize("ordre", EN_CENTRE)
@pytest.mark.parametrize("mentor", [True, False, None])
@pytest.mark.parametrize("contexte", [{}, {"pedagogie_alternative": True}, {"detresse": True}])
def test_sans_la_declaration_ni_nomination_ni_mentorat_scolaire(
    ordre: str, mentor: bool | None, contexte: dict[str, bool]
) -> None:
    reco = recommander(_profil(ordre, mentor, **contexte))
    offres = {m.mesure.id for m in reco.mesures} | {e.mesure for e in reco.ecartees}
    assert not offres & MENTORAT_SCOLAIRE
    assert "nommer_mentor" not in {m.mesure.id for m in reco.actions_milieu}
    assert "mentorat_par_les_pairs" in {m.mesure.id for m in reco.mesures}


@pytest.mark.parametrize("ordre", EN_CENTRE)
def test_avec_la_declaration_un_centre_sans_mentor_en_nomme_un(
    ordre: str, moteur_couvrant: Moteur
) -> None:
    assert Ordre(ordre) in moteur_couvrant.catalogue.ordres_du_programme
    reco = recommander(_profil(ordre, False), moteur=moteur_couvrant)
    assert "nommer_mentor" in {m.mesure.id for m in reco.actions_milieu}
    assert "mentorat_autre_ecole" in {m.mesure.id for m in reco.mesures}


@pytest.mark.parametrize("ordre", EN_CENTRE)
def test_avec_la_declaration_la_personne_mentore_du_centre_accompagne(
    ordre: str, moteur_couvrant: Moteur
) -> None:
    reco = recommander(_profil(ordre, True), moteur=moteur_couvrant)
    mentorat = next(m for m in reco.mesures if m.mesure.id == "mentorat")
    assert mentorat.acteur.id == "mentor"
    assert "nommer_mentor" not in {m.mesure.id for m in reco.actions_milieu}
    assert any(
        f.champ == "programme_couvre_l_ordre" for motif in mentorat.motifs for f in motif.faits
    )


@pytest.mark.parametrize("ordre", ["primaire", "secondaire"])
def test_le_primaire_et_le_secondaire_restent_couverts(ordre: str, moteur_couvrant: Moteur) -> None:
    for moteur in (None, moteur_couvrant):
        reco = recommander(_profil(ordre, False), moteur=moteur)
        assert "nommer_mentor" in {m.mesure.id for m in reco.actions_milieu}


@pytest.mark.parametrize(
    ("table", "attendu"),
    [
        ('[programme]\nordres = ["primaire", "fp"]\n', "champ 'ordres[1]'"),
        ("[programme]\nordres = []\n", "champ 'ordres'"),
        ('[programme]\nordre = ["primaire"]\n', "champ 'ordre'"),
        ('[programme]\nordres = "primaire"\n', "champ 'ordres'"),
    ],
)
def test_une_declaration_invalide_est_refusee(tmp_path: Path, table: str, attendu: str) -> None:
    dossier = tmp_path / "centre"
    shutil.copytree(SURCOUCHE, dossier)
    (dossier / "programme.toml").write_text(table, encoding="utf-8")
    with pytest.raises(ErreurCatalogue) as info:
        charger_catalogue(surcouche=dossier)
    message = str(info.value)
    assert "programme.toml" in message
    assert "[programme]" in message
    assert attendu in message
