"""La surcouche d'un centre : précédence sur la base, validation complète, base effective analysée."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from recommandeur import (
    ErreurCatalogue,
    ErreurRegle,
    Moteur,
    couverture,
    graphe,
    recommander,
    recommander_lot,
)
from recommandeur._cli.commande import main

EXEMPLE = Path(__file__).parent.parent / "exemples" / "surcouche_centre"
NOUVELLE = {
    "annees_experience": 0,
    "ordre": "primaire",
    "affectation": {"nouveau_dans_le_centre": True},
}


@pytest.fixture(scope="module")
def moteur() -> Moteur:
    return Moteur.depuis(surcouche=EXEMPLE)


def _surcouche(tmp_path: Path, **fichiers: str) -> Path:
    dossier = tmp_path / "surcouche"
    dossier.mkdir()
    (dossier / "version.toml").write_text('version = "test"\n', encoding="utf-8")
    for nom, texte in fichiers.items():
        (dossier / f"{nom}.toml").write_text(texte, encoding="utf-8")
    return dossier


def test_les_versions_de_la_base_et_de_la_surcouche_dans_le_resultat(moteur: Moteur) -> None:
    reco = recommander(NOUVELLE, moteur=moteur)
    assert reco.version_catalogue == "2026.12.1+css-exemples-2026"
    assert reco.version_regles == "2026.12.1+css-exemples-2026"


def test_mesure_regle_seuil_et_ressources_du_centre(moteur: Moteur) -> None:
    reco = recommander({**NOUVELLE, "ecole": {"part_novices": 0.27}}, moteur=moteur)
    offres = {m.mesure.id: m for m in reco.mesures}
    cohorte = offres["journee_cohorte_centre"]
    assert cohorte.regles == ["centre_journee_cohorte"]
    assert [p.id for p in cohorte.partenaires] == ["pane"]  # la PANE est une ressource du centre
    actions = {m.mesure.id: m.score for m in reco.actions_milieu}
    assert actions["comite_insertion_professionnelle"] == 3.0  # poids ajusté (2 dans la base)
    texte = reco.actions_milieu[0].motifs[0].texte
    assert "(seuil de 25 % : le choix du centre, dans son programme)" in texte
    sans = recommander({**NOUVELLE, "ecole": {"part_novices": 0.27}})
    assert "comite_insertion_professionnelle" not in {m.mesure.id for m in sans.actions_milieu}


def test_une_regle_desactivee_ne_se_declenche_plus(moteur: Moteur) -> None:
    profil = {**NOUVELLE, "ecole": {"nb_batiments": 3}}
    assert "plusieurs_batiments" in recommander(profil).regles_declenchees
    assert "plusieurs_batiments" not in recommander(profil, moteur=moteur).regles_declenchees
    assert "plusieurs_batiments" not in {r.id for r in moteur.regles}


def test_une_entree_de_meme_identifiant_remplace_celle_de_la_base(tmp_path: Path) -> None:
    dossier = _surcouche(
        tmp_path,
        acteurs="""
[[acteur]]
id = "pane"
libelle = "Conseillère à l'insertion (PANE)"
presence = "toujours"
role = ["accompagne les mentores : « La PANE a accompagné les mentores en fonction de leurs besoins »"]
sources = ["cssps/pane/mentores"]
""",
    )
    moteur = Moteur.depuis(surcouche=dossier)
    assert moteur.catalogue.acteur("pane").libelle == "Conseillère à l'insertion (PANE)"
    assert moteur.catalogue.acteur("pane").presence == "toujours"
    assert len(moteur.catalogue.acteurs) == len(Moteur.depuis().catalogue.acteurs)


def test_tous_les_problemes_de_la_surcouche_a_la_fois(tmp_path: Path) -> None:
    dossier = _surcouche(
        tmp_path,
        ressources="[ressources]\npanne = true\n",
        mesures="""
[[mesure]]
id = "ma_mesure"
libelle = "Ma mesure"
description = "Une mesure."
niveau = "universel"
destinataire = "personne"
portee = "etablissement"
modalites = ["presentiel"]
intervenants = [{ acteur = "mentorr" }]
sources = ["cnipe/niveau1"]
""",
        ajustements="""
[ajustements]
desactiver = ["plusieurs_batiment"]
poids = [{ regle = "ecole_forte_part_novices", mesure = "mentorat", poids = 2.0 }]
""",
    )
    with pytest.raises(ErreurCatalogue) as erreur:
        Moteur.depuis(surcouche=dossier)
    vus = [(p.fichier, p.id, p.champ, p.suggestions[:1]) for p in erreur.value.problemes]
    assert vus == [
        ("surcouche/ressources.toml", "ressources", "panne", ("pane",)),
        ("surcouche/mesures.toml", "ma_mesure", "intervenants[0].acteur", ("mentor",)),
    ]
    (dossier / "ressources.toml").unlink()
    (dossier / "mesures.toml").unlink()
    with pytest.raises(ErreurRegle) as erreur_regle:
        Moteur.depuis(surcouche=dossier)
    vus_regle = [
        (p.fichier, p.champ, p.valeur, p.suggestions[:1]) for p in erreur_regle.value.problemes
    ]
    assert vus_regle == [
        (
            "surcouche/ajustements.toml",
            "desactiver[0]",
            "plusieurs_batiment",
            ("plusieurs_batiments",),
        ),
        ("surcouche/ajustements.toml", "poids[0].mesure", "mentorat", ()),
    ]


def test_une_cle_d_ajustement_inconnue_est_nommee(tmp_path: Path) -> None:
    dossier = _surcouche(tmp_path, ajustements='[ajustements]\ndesactive = ["x"]\n')
    with pytest.raises(ErreurCatalogue) as erreur:
        Moteur.depuis(surcouche=dossier)
    (probleme,) = erreur.value.problemes
    assert (probleme.fichier, probleme.champ, probleme.suggestions) == (
        "surcouche/ajustements.toml",
        "desactive",
        ("desactiver",),
    )


def test_couverture_et_graphe_analysent_la_base_effective(moteur: Moteur) -> None:
    g = graphe(moteur)
    assert "mesure:journee_cohorte_centre" in g and "regle:centre_journee_cohorte" in g
    assert "regle:plusieurs_batiments" not in g
    rapport = couverture(moteur)
    assert rapport.version_regles == "2026.12.1+css-exemples-2026"


def test_recharger_et_lots_gardent_la_surcouche(moteur: Moteur) -> None:
    assert moteur.recharger().version_regles == moteur.version_regles
    (reco,) = recommander_lot([NOUVELLE], moteur=moteur)
    assert "journee_cohorte_centre" in {m.mesure.id for m in reco.mesures}


def test_la_commande_prend_la_surcouche(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verifier", "--surcouche", str(EXEMPLE)]) == 0
    copie = tmp_path / "centre"
    shutil.copytree(EXEMPLE, copie)
    (copie / "ajustements.toml").write_text('[ajustements]\ndesactiver = ["inconnue"]\n', "utf-8")
    capsys.readouterr()
    assert main(["verifier", "--surcouche", str(copie)]) == 1
    sortie = capsys.readouterr().out
    assert (
        "centre/ajustements.toml : [ajustements] champ 'desactiver[0]' : règle inconnue" in sortie
    )


def test_desactiver_une_regle_qu_une_explication_nomme(tmp_path: Path) -> None:
    # politique (docs/programme.md) : l'explication suit sa règle ; la surcouche se charge,
    # l'explication de la règle retirée n'est plus dans la base effective
    livree = Moteur.depuis()
    nommees = {e.regle for _, e in livree.base.explications if e.regle}
    assert "mentorat_pour_la_planification" in nommees
    dossier = _surcouche(
        tmp_path, ajustements='[ajustements]\ndesactiver = ["mentorat_pour_la_planification"]\n'
    )
    moteur = Moteur.depuis(surcouche=dossier)
    assert "mentorat_pour_la_planification" not in {r.id for r in moteur.regles}
    restantes = {e.regle for _, e in moteur.base.explications if e.regle}
    assert restantes == nommees - {"mentorat_pour_la_planification"}
    assert len(moteur.base.explications) == len(livree.base.explications) - 1


def _ajuster(tmp_path: Path, poids: str) -> Path:
    return _surcouche(
        tmp_path,
        ajustements='[ajustements]\npoids = [{ regle = "ecole_forte_part_novices", '
        f'mesure = "comite_insertion_professionnelle", poids = {poids} }}]\n',
    )


@pytest.mark.parametrize(
    ("poids", "message"),
    [
        ("0", "doit être > 0.0 (reçu : 0)"),
        ("0.0", "doit être > 0.0 (reçu : 0.0)"),
        ("-1", "doit être > 0.0 (reçu : -1)"),
        ("100.5", "doit être ≤ 100.0 (reçu : 100.5)"),
    ],
    ids=["zero", "zero_flottant", "negatif", "au_dela_de_100"],
)
def test_un_poids_nul_ou_hors_bornes_est_refuse(tmp_path: Path, poids: str, message: str) -> None:
    """Un poids est > 0 : une mesure à poids nul se retire par ``desactiver``, pas par un poids."""
    with pytest.raises(ErreurCatalogue) as erreur:
        Moteur.depuis(surcouche=_ajuster(tmp_path, poids))
    (probleme,) = erreur.value.problemes
    assert (probleme.fichier, probleme.champ) == ("surcouche/ajustements.toml", "poids[0].poids")
    assert str(erreur.value) == (
        f"surcouche/ajustements.toml : [ajustements] champ 'poids[0].poids' : {message}"
    )


@pytest.mark.parametrize("poids", [0.1, 1.0, 100.0])
def test_un_poids_dans_les_bornes_est_admis(tmp_path: Path, poids: float) -> None:
    moteur = Moteur.depuis(surcouche=_ajuster(tmp_path, repr(poids)))
    (regle,) = [r for r in moteur.regles if r.id == "ecole_forte_part_novices"]
    assert dict(regle.recommandations)["comite_insertion_professionnelle"] == poids
