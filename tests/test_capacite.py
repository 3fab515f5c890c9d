"""La capacité et le coût du plan, comptés à la main sur deux personnes et une personne mentore.

Les offres de la recommandation et les heures par défaut de ``catalogue/capacite.toml`` :

- t1 (0 an, primaire) : mentorat 18 h et consultation brève 6 h (personne mentore), accueil
  au centre 2 h (RH) ; plan de DP (3 h le groupe) et activités de groupe (6 h le groupe) au
  centre, CAP (12 h le groupe) dans l'école ;
- t2 (1 an, gestion de classe élevée) : accompagnement individuel 10 h, mentorat 18 h, visite
  de classe d'un pair 3 h, vidéoscopie 4 h, consultation brève 6 h (personne mentore) ;
  soutien en classe 6 h (CP) ; le sous-groupe et les formations ponctuelles, seules offres du
  CP sans heures par personne ; accueil 2 h (RH) ; les mêmes groupes que t1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recommandeur import ErreurCatalogue, Moteur, charger_catalogue, moteur_par_defaut, planifier
from recommandeur._programme.calcul.resume import Offre, Resume
from recommandeur._programme.ressources.capacite import lire_offres
from recommandeur._vocabulaire import Presence

ENSEIGNANTS = [
    {"enseignant": "t1", "ecole": "A", "annees_experience": 0, "ordre": "primaire"},
    {
        "enseignant": "t2",
        "ecole": "A",
        "annees_experience": 1,
        "ordre": "primaire",
        "besoin_gestion_de_classe": "elevee",
    },
]
ECOLES = [{"ecole": "A", "nom": "École A", "nb_enseignants": 20, "mentors": 1, "pane": "oui"}]
MENTORS = [{"mentor": "M1", "ecole": "A", "liberation": "25 %", "capacite": 5}]


def test_heures_et_couts_comptes_a_la_main() -> None:
    plan = planifier(ENSEIGNANTS, ECOLES, mentors=MENTORS)
    assert plan.appariement is not None and plan.capacite is not None
    (m1,) = plan.appariement.mentors
    assert m1.mentores == ["t1", "t2"]
    assert m1.heures_demandees == (18 + 6) + (10 + 18 + 3 + 4 + 6)  # 65 h
    assert m1.heures_disponibles == 0.25 * 1280  # 320 h
    roles = {r.acteur: r for r in plan.capacite.roles}
    assert roles["mentor"].heures_demandees == 65
    assert (roles["mentor"].heures_disponibles, roles["mentor"].etp_disponibles) == (320, 0.25)
    assert roles["pane"].heures_demandees == 38.4  # une cohorte : 6 journées de 6,4 h
    assert roles["conseiller_pedagogique"].heures_demandees == 6
    assert roles["conseiller_pedagogique"].offres_sans_heures == 2
    assert roles["services_educatifs"].heures_demandees == 3 + 6  # deux groupes du centre
    assert roles["equipe_ecole"].heures_demandees == 12
    assert roles["ressources_humaines"].heures_demandees == 2 + 2
    couts = {c.poste: c.montant for c in plan.capacite.couts}
    assert couts == {
        "Libération des personnes mentores": 0.25 * 90_000,
        "Compensation des personnes mentores": 1_600,
        "Suivi des personnes mentores en cohortes par la PANE": 3_000,  # 38,4 h ÷ 1 280 h
        "Heures des professionnels (offres aux personnes)": 468.75,  # 6 h ÷ 1 280 h
    }
    assert plan.capacite.cout_total == 22_500 + 1_600 + 3_000 + 468.75
    assert not [a for a in plan.alertes if a.genre == "heures_depassees"]


def test_sans_fichier_de_mentors_le_nombre_de_l_ecole_compte() -> None:
    plan = planifier(ENSEIGNANTS, ECOLES)
    assert plan.appariement is None and plan.capacite is not None
    roles = {r.acteur: r for r in plan.capacite.roles}
    assert roles["mentor"].heures_disponibles == 0.2 * 1280  # une personne mentore, 20 %
    couts = {c.poste: c.montant for c in plan.capacite.couts}
    assert couts["Libération des personnes mentores"] == 0.2 * 90_000


def test_les_heures_qui_depassent_sont_une_alerte() -> None:
    peu = [{"mentor": "M1", "ecole": "A", "liberation": "0,04", "capacite": 5}]  # 51,2 h
    plan = planifier(ENSEIGNANTS, ECOLES, mentors=peu)
    (alerte,) = [a for a in plan.alertes if a.genre == "heures_depassees"]
    assert alerte.message.startswith(
        "1 personne(s) mentore(s) avec plus d'heures demandées par leurs mentorés que d'heures "
        "libérées : M1 (65 h pour 51 h)"
    )
    sans = planifier(ENSEIGNANTS, [{**ECOLES[0], "mentors": 0}])
    assert not [a for a in sans.alertes if a.genre == "heures_depassees"]


def _surcouche(tmp_path: Path, texte: str) -> Path:
    (tmp_path / "version.toml").write_text('version = "essai"\n', encoding="utf-8")
    (tmp_path / "capacite.toml").write_text(texte, encoding="utf-8")
    return tmp_path


def test_la_surcouche_remplace_une_valeur_et_son_origine(tmp_path: Path) -> None:
    dossier = _surcouche(
        tmp_path,
        '[[capacite]]\nid = "liberation_mentor"\nvaleur = 0.5\norigine = "choix du centre"\n'
        '[[heures]]\nmesure = "mentorat"\npar_personne = 30\norigine = "choix du centre"\n',
    )
    moteur = Moteur.depuis(surcouche=dossier)
    parametre = moteur.catalogue.capacite["liberation_mentor"]
    assert (parametre.valeur, parametre.origine) == (0.5, "choix du centre")
    assert parametre.libelle == charger_catalogue().capacite["liberation_mentor"].libelle
    plan = planifier(ENSEIGNANTS, ECOLES, moteur=moteur, mentors=[{"mentor": "M1", "ecole": "A"}])
    assert plan.appariement is not None
    (m1,) = plan.appariement.mentors
    assert m1.heures_disponibles == 640
    # sans capacité dans le fichier : 640 h ÷ les heures moyennes d'un mentoré
    # ((30 + 6) + (10 + 30 + 3 + 4 + 6)) / 2 = 44,5 h → 14 personnes
    assert (m1.capacite, m1.origine_capacite) == (14, "heures")
    assert plan.capacite is not None
    assert plan.capacite.parametres["liberation_mentor"] == (
        "part de la tâche d'une personne mentore libérée pour le mentorat : 0,5 part de la "
        "tâche (choix du centre)"
    )


def test_un_parametre_inconnu_est_refuse_avec_une_suggestion(tmp_path: Path) -> None:
    dossier = _surcouche(tmp_path, '[[capacite]]\nid = "liberation_mentors"\nvaleur = 0.5\n')
    with pytest.raises(ErreurCatalogue) as exc:
        Moteur.depuis(surcouche=dossier)
    (probleme,) = exc.value.problemes
    assert (probleme.champ, probleme.valeur) == ("id", "liberation_mentors")
    assert probleme.suggestions[0] == "liberation_mentor"
    assert probleme.fichier is not None and probleme.fichier.endswith("capacite.toml")


def test_le_resume_compte_les_personnes_mentores_en_depassement() -> None:
    """Une seule alerte du centre pour toutes : ``print(plan)`` compte les personnes (2)."""
    quatre = [
        {**ENSEIGNANTS[1], "enseignant": f"t{i}"} for i in range(4)
    ]  # 41 h de personne mentore chacune
    peu = [{"mentor": f"M{i}", "ecole": "A", "liberation": "0,04", "capacite": 2} for i in (1, 2)]
    plan = planifier(quatre, [{**ECOLES[0], "mentors": 2}], mentors=peu)
    assert len([a for a in plan.alertes if a.genre == "heures_depassees"]) == 1
    assert "2 personne(s) mentore(s) au-delà de leurs heures libérées" in str(plan)
    assert "dépassement(s)" not in str(plan)


def test_l_alerte_dit_la_capacite_calculee_sur_les_heures_moyennes() -> None:
    from recommandeur._programme.jumelage.modeles_mentorat import ChargeMentor
    from recommandeur._programme.ressources.capacite import alertes_de_capacite

    def charge(origine: str) -> ChargeMentor:
        return ChargeMentor.model_construct(
            mentor="M1",
            ecole="A",
            autres_ecoles=[],
            mentores=["t1"] * 6,
            capacite=6,
            origine_capacite=origine,
            liberation=0.2,
            heures_disponibles=256.0,
            heures_demandees=269.0,
        )

    (alerte,) = alertes_de_capacite([charge("heures")], [], [], charger_catalogue())
    assert alerte.message == (
        "1 personne(s) mentore(s) avec plus d'heures demandées par leurs mentorés que d'heures "
        "libérées : M1 (269 h pour 256 h) (pour 1, la capacité est calculée sur les heures "
        "moyennes d'un mentoré : leurs mentorés en demandent davantage) ; augmenter leur "
        "libération ou confier une partie de leurs mentorés à une autre personne mentore"
    )
    (alerte,) = alertes_de_capacite([charge("fichier")], [], [], charger_catalogue())
    assert "moyennes" not in alerte.message


def test_une_valeur_nulle_est_refusee(tmp_path: Path) -> None:
    """Revue indépendante (tickets 18, 23) : une valeur de capacité est positive (une
    libération nulle ne libère personne)."""
    dossier = _surcouche(tmp_path, '[[capacite]]\nid = "liberation_mentor"\nvaleur = 0\n')
    with pytest.raises(ErreurCatalogue) as exc:
        Moteur.depuis(surcouche=dossier)
    (probleme,) = exc.value.problemes
    assert (probleme.id, probleme.champ, probleme.valeur) == ("liberation_mentor", "valeur", 0)


def test_le_rang_d_une_personne_dit_si_le_mentorat_est_a_faire_d_abord() -> None:
    """Revue m8p : 0 si le mentorat (d'une personne mentore) est parmi ses offres à faire
    d'abord, 1 sinon ; une personne sans mentorat offert n'a pas de rang. Ses heures : celles
    des offres individuelles que porte sa personne mentore (18 h le mentorat)."""
    mentorat = Offre("mentorat", "mentor", Presence.PRESENT, None, None)

    def resume(offres: tuple[Offre, ...], prioritaires: tuple[str, ...]) -> Resume:
        return Resume("en_cours", "primaire", prioritaires, offres, (), 0)

    suite = [
        ("d_abord", "A", resume((mentorat,), ("mentorat",))),
        ("ensuite", "A", resume((mentorat,), ())),
        ("sans", "A", resume((), ())),
    ]
    lecture = lire_offres(suite, {}, moteur_par_defaut().catalogue)
    assert lecture.mentorat == {"d_abord": 0, "ensuite": 1}
    assert lecture.heures == {"d_abord": 18.0, "ensuite": 18.0, "sans": 0.0}
