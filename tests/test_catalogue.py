"""Le catalogue livré et les erreurs sur un catalogue cassé (un test par cas, message exact)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from recommandeur import (
    Catalogue,
    ErreurCatalogue,
    Niveau,
    charger_catalogue,
    iter_erreurs_catalogue,
)


def test_catalogue_livre_complet(catalogue: Catalogue) -> None:
    assert catalogue.version
    assert {m.niveau for m in catalogue.mesures} == set(Niveau)
    assert len(catalogue.mesures) >= 40
    for id_ in (
        "mentor",
        "direction",
        "equipe_ecole",
        "conseiller_pedagogique",
        "services_educatifs",
        "ressources_humaines",
        "direction_generale",
        "pane",
        "professionnel",
        "technopedagogue",
        "universite",
        "pair_experimente",
    ):
        assert catalogue.acteur(id_).role


def test_intervenants_des_mesures_existent_et_role_justifie(catalogue: Catalogue) -> None:
    for mesure in catalogue.mesures:
        assert mesure.intervenants, mesure.id
        for intervenant in mesure.intervenants:
            acteur = catalogue.acteur(intervenant.acteur)
            assert intervenant.role is None or intervenant.role in acteur.role, mesure.id
        for partenaire in mesure.partenaires:
            assert catalogue.acteur(partenaire).id == partenaire


def test_offres_et_actions_du_milieu(catalogue: Catalogue) -> None:
    milieu = {m.id for m in catalogue.mesures if m.destinataire.value == "milieu"}
    assert {
        "regulation_dispositifs",
        "comite_insertion_professionnelle",
        "mentor_par_batiment",
        "soutien_ecole_soutenue",
        "nommer_mentor",
        "rencontre_titulaires_partage_de_tache",
        "outil_gestion_classe_ecole",
        "liberation_arrivee",
        "activite_valorisation",
    } <= milieu
    assert {"mentorat", "personne_neutre", "accueil_etablissement"}.isdisjoint(milieu)


def test_les_intervenants_que_disent_les_sources(catalogue: Catalogue) -> None:
    def acteurs(mesure: str) -> list[str]:
        return [i.acteur for i in catalogue.mesure(mesure).intervenants]

    # 003 : « Nommer les personnes mentores (ressources humaines) »
    assert acteurs("mentor_par_batiment") == ["ressources_humaines"]
    assert acteurs("nommer_mentor") == ["ressources_humaines"]
    # « école soutenue » : l'école reçoit le soutien, ce n'est pas la direction qui le donne
    assert "direction" not in acteurs("soutien_ecole_soutenue")
    # 003 n'a pas de rôle de la PANE auprès des personnes mentorées
    assert "pane" not in {i.acteur for m in catalogue.mesures for i in m.intervenants}
    assert not any("planifie les rencontres" in ligne for ligne in catalogue.acteur("pane").role)
    # aucun document ne nomme la profession du « professional » de 002
    assert "psycholog" not in catalogue.acteur("professionnel").libelle
    # le mentor n'est pas une personne neutre
    assert "mentor" not in catalogue.mesure("personne_neutre").partenaires
    # sans mentor dans l'école : une personne mentore d'une autre école, « dans plus d'une école »
    assert acteurs("mentorat") == ["mentor"]
    assert acteurs("mentorat_autre_ecole") == ["mentor_autre_ecole"]
    assert "reconnaissance" not in catalogue.mesure("ressources_cnipe").description


def test_dispositifs_de_002_et_004_presents(catalogue: Catalogue) -> None:
    for id_ in (
        "trousse_accueil",
        "mentorat",
        "temps_planification_collegues",
        "banque_outils",
        "soutien_professionnel",
        "webinaire",
        "communaute_apprentissage_interecoles",
        "groupe_de_soutien",
        "capsules_formation",
        "mentorat_en_ligne",
        "personne_neutre",
        "soutien_en_classe_modelisation",
        "visite_classe_pair",
        "soutien_professionnel_en_ligne",
        "videoscopie",
        "accompagnement_technopedagogique",
        "coenseignement_numerique",
        "communaute_apprentissage_en_ligne",
        "rencontre_titulaires_partage_de_tache",
    ):
        assert catalogue.contient_mesure(id_), id_


def test_recherche_par_id_suggere(catalogue: Catalogue) -> None:
    with pytest.raises(
        KeyError, match=re.escape("mesure inconnue 'mentorta' ; vouliez-vous dire 'mentorat' ?")
    ):
        catalogue.mesure("mentorta")


def _remplacer(dossier: Path, fichier: str, avant: str, apres: str) -> None:
    chemin = dossier / fichier
    texte = chemin.read_text(encoding="utf-8")
    assert avant in texte
    chemin.write_text(texte.replace(avant, apres, 1), encoding="utf-8")


def _message(dossier: Path) -> str:
    with pytest.raises(ErreurCatalogue) as info:
        charger_catalogue(dossier)
    return str(info.value)


def test_acteur_inconnu(copie_catalogue: Path) -> None:
    _remplacer(
        copie_catalogue,
        "mesures_universelles.toml",
        'intervenants = [{ acteur = "ressources_humaines"',
        'intervenants = [{ acteur = "ressources_humain"',
    )
    assert _message(copie_catalogue) == (
        "mesures_universelles.toml : [accueil_css] champ 'intervenants[0].acteur' : acteur inconnu "
        "(reçu : 'ressources_humain') ; vouliez-vous dire 'ressources_humaines' ?"
    )


def test_identifiant_en_double(copie_catalogue: Path) -> None:
    _remplacer(copie_catalogue, "mesures_ciblees.toml", 'id = "webinaire"', 'id = "mentorat"')
    assert _message(copie_catalogue) == (
        "mesures_universelles.toml : [mentorat] champ 'id' : identifiant déjà défini dans "
        "mesures_ciblees.toml (reçu : 'mentorat')"
    )


def test_niveau_inconnu(copie_catalogue: Path) -> None:
    _remplacer(
        copie_catalogue,
        "mesures_individuelles.toml",
        'niveau = "individuel"',
        'niveau = "individual"',
    )
    assert _message(copie_catalogue) == (
        "mesures_individuelles.toml : [consultation_individuelle] champ 'niveau' : valeur inconnue ; "
        "attendu : universel, cible, individuel (reçu : 'individual') ; vouliez-vous dire 'individuel' ?"
    )


def test_toml_invalide(copie_catalogue: Path) -> None:
    (copie_catalogue / "casse.toml").write_text('[[mesure]]\nid = "x\n', encoding="utf-8")
    assert _message(copie_catalogue) == (
        "casse.toml : [ligne 2, colonne 8] TOML invalide : caractère interdit (fin de ligne) ; une "
        "chaîne entre guillemets se ferme sur la même ligne"
    )


def test_champ_manquant(copie_catalogue: Path) -> None:
    _remplacer(copie_catalogue, "mesures_ciblees.toml", 'libelle = "Webinaire"\n', "")
    assert _message(copie_catalogue) == (
        "mesures_ciblees.toml : [webinaire] champ 'libelle' : champ obligatoire manquant"
    )


def test_champ_inconnu_suggere(copie_catalogue: Path) -> None:
    _remplacer(
        copie_catalogue,
        "acteurs.toml",
        'libelle = "Personne mentore de l\'école"',
        'libelle = "Personne mentore de l\'école"\nroles = []',
    )
    assert _message(copie_catalogue) == (
        "acteurs.toml : [mentor] champ 'roles' : champ inconnu (reçu : []) ; vouliez-vous dire 'role' ?"
    )


def test_source_inconnue(copie_catalogue: Path) -> None:
    _remplacer(
        copie_catalogue,
        "mesures_ciblees.toml",
        'sources = ["cnipe/niveau2", "ppc/10.2/seances"]',
        'sources = ["cnipe/niveau4", "ppc/10.2/seances"]',
    )
    assert _message(copie_catalogue) == (
        "mesures_ciblees.toml : [webinaire] champ 'sources[0]' : clé de source inconnue "
        "(reçu : 'cnipe/niveau4') ; vouliez-vous dire 'cnipe/niveau3' ?"
    )


def test_role_responsable_hors_du_role(copie_catalogue: Path) -> None:
    _remplacer(
        copie_catalogue,
        "mesures_universelles.toml",
        '{ acteur = "mentor", role = "en étant disponible" }',
        '{ acteur = "mentor", role = "en étant disponibles" }',
    )
    assert _message(copie_catalogue) == (
        "mesures_universelles.toml : [consultation_breve] champ 'intervenants[0].role' : cette ligne "
        "n'est pas dans le rôle de l'acteur 'mentor' (acteurs.toml) (reçu : 'en étant disponibles') ; "
        "vouliez-vous dire 'en étant disponible' ?"
    )


def test_presence_inconnue(copie_catalogue: Path) -> None:
    _remplacer(
        copie_catalogue,
        "acteurs.toml",
        'presence = "ecole.pane"',
        'presence = "ecole.pan"',
    )
    assert _message(copie_catalogue).startswith(
        "acteurs.toml : [pane] champ 'presence' : champ de présence inconnu"
    )


def test_ressource_inconnue(copie_catalogue: Path) -> None:
    _remplacer(copie_catalogue, "ressources.toml", "conseiller_pedagogique = true", "cp = true")
    assert _message(copie_catalogue).startswith(
        "ressources.toml : [ressources] champ 'cp' : ressource inconnue ; attendu : "
        "mentor_dans_l_ecole, conseiller_pedagogique, pane, professionnel, technopedagogue"
    )


def test_tous_les_problemes_d_un_coup(copie_catalogue: Path) -> None:
    _remplacer(
        copie_catalogue,
        "mesures_individuelles.toml",
        'niveau = "individuel"',
        'niveau = "individual"',
    )
    _remplacer(copie_catalogue, "mesures_ciblees.toml", 'libelle = "Webinaire"\n', "")
    problemes = list(iter_erreurs_catalogue(copie_catalogue))
    assert [(p.fichier, p.id, p.champ) for p in problemes] == [
        ("mesures_ciblees.toml", "webinaire", "libelle"),
        ("mesures_individuelles.toml", "consultation_individuelle", "niveau"),
    ]
    with pytest.raises(ErreurCatalogue) as info:
        charger_catalogue(copie_catalogue)
    assert str(info.value) == "\n  ".join(str(p) for p in problemes)
    assert info.value.problemes == tuple(problemes)


def test_dossier_introuvable(tmp_path: Path) -> None:
    assert _message(tmp_path / "absent") == f"{tmp_path / 'absent'} : dossier introuvable"
