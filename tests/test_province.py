"""Une province centre par centre (ticket 24) : forme des entrées, récapitulatif, mémoire, reprise."""

from __future__ import annotations

import datetime as dt
import gc
import shutil
import weakref
from pathlib import Path
from typing import Any

import pytest

from recommandeur import ErreurEffectifs, Moteur, Plan, planifier
from recommandeur._cli.commande import main
from recommandeur._programme.provincial import province as module_province
from recommandeur._programme.provincial.centres import lire_province
from recommandeur._programme.provincial.province import planifier_province, verifier_province
from recommandeur._programme.provincial.recapitulatif import ligne_du_plan
from recommandeur._programme.provincial.reprise import TEMOIN
from recommandeur._programme.sorties.confidentiel import AVERTISSEMENT

EXEMPLES = Path(__file__).resolve().parents[1] / "exemples"
DATE = dt.date(2026, 12, 4)
ENTETE = (
    "enseignant,ecole,annees_experience,ordre,statut,signaux_de_detresse,"
    "besoin_gestion_de_classe,mesures_recues\n"
)


def _province(racine: Path) -> Path:
    """Trois petits centres faits main : un avec ses personnes mentores, un sans, un avec la
    surcouche d'exemple et une personne en détresse."""
    p = racine / "province"
    a, b, c = p / "css-a", p / "css-b", p / "css-c"
    for d in (a, b, c):
        d.mkdir(parents=True)
    (a / "enseignants.csv").write_text(
        ENTETE + "a1,A1,0,primaire,contrat,,elevee,\na2,A1,1,primaire,suppleance,,moderee,\n"
        "a3,A2,2,secondaire,contrat,,,mentorat:sans_effet\n",
        encoding="utf-8",
    )
    (a / "ecoles.csv").write_text(
        "ecole,nom,nb_enseignants,mentors\nA1,École A1,20,1\nA2,École A2,40,0\n", encoding="utf-8"
    )
    (a / "mentors.csv").write_text("mentor,ecole,ordre\nM1,A1,primaire\n", encoding="utf-8")
    (b / "enseignants.csv").write_text(ENTETE + "b1,B1,0,secondaire,contrat,,,\n", encoding="utf-8")
    (b / "ecoles.csv").write_text("ecole,nom,nb_enseignants\nB1,École B1,30\n", encoding="utf-8")
    (c / "enseignants.csv").write_text(
        ENTETE + "c1,C1,0,primaire,contrat,oui,elevee,\nc2,C1,3,primaire,permanent,,faible,\n",
        encoding="utf-8",
    )
    (c / "ecoles.csv").write_text(
        "ecole,nom,nb_enseignants,mentors\nC1,École C1,25,1\n", encoding="utf-8"
    )
    shutil.copytree(EXEMPLES / "surcouche_centre", c / "surcouche")
    return p


@pytest.fixture
def province(tmp_path: Path) -> Path:
    return _province(tmp_path)


RECAPITULATIF = """\
centre;personnes;en_insertion;ecoles;paires;non_apparies;heures;cout;alertes
css-a;3;3;2;2;1;200,4;24006;3
css-b;1;1;1;;;26;0;1
css-c;2;2;1;;;140,4;23069;0
province;6;6;4;2;1;366,8;47075;4
"""


def test_le_recapitulatif_de_trois_centres_faits_main(province: Path, tmp_path: Path) -> None:
    lignes = planifier_province(province, tmp_path / "sortie", date=DATE)
    texte = (tmp_path / "sortie" / "recapitulatif.csv").read_text(encoding="utf-8-sig")
    assert texte == RECAPITULATIF
    assert [ligne.centre for ligne in lignes] == ["css-a", "css-b", "css-c"]


def _plans_un_par_un(province: Path) -> dict[str, Plan]:
    plans = {}
    for centre in lire_province(province):
        moteur = Moteur.depuis(surcouche=centre.surcouche) if centre.surcouche else None
        plans[centre.id] = planifier(
            centre.enseignants, centre.ecoles, mentors=centre.mentors, moteur=moteur, date=DATE
        )
    return plans


def test_chaque_ligne_est_faite_des_nombres_du_plan_du_centre(
    province: Path, tmp_path: Path
) -> None:
    lignes = planifier_province(province, tmp_path / "sortie", date=DATE)
    plans = _plans_un_par_un(province)
    assert lignes == [ligne_du_plan(c, plans[c]) for c in ("css-a", "css-b", "css-c")]
    a = plans["css-a"]
    assert a.appariement is not None and a.capacite is not None
    assert lignes[0].paires == len(a.appariement.paires) == 2
    assert [n.enseignant for n in a.appariement.non_apparies] == ["a3"]
    assert lignes[0].cout == round(a.capacite.cout_total)
    assert lignes[0].heures == round(sum(r.heures_demandees for r in a.capacite.roles), 1)
    assert lignes[2].alertes == len(plans["css-c"].alertes)


def test_la_page_du_recapitulatif(province: Path, tmp_path: Path) -> None:
    planifier_province(province, tmp_path / "sortie", date=DATE)
    page = (tmp_path / "sortie" / "recapitulatif.md").read_text(encoding="utf-8")
    assert page.startswith("# Récapitulatif de la province\n")
    assert page.splitlines()[-4:] == [
        "| css-a | 3 | 3 | 2 | 2 | 1 | 200,4 | 24 006 | 3 |",
        "| css-b | 1 | 1 | 1 | — | — | 26 | 0 | 1 |",
        "| css-c | 2 | 2 | 1 | — | — | 140,4 | 23 069 | 0 |",
        "| **province** | 6 | 6 | 4 | 2 | 1 | 366,8 | 47 075 | 4 |",
    ]


def test_les_exports_sont_ceux_de_plan_centre_par_centre(province: Path, tmp_path: Path) -> None:
    planifier_province(province, tmp_path / "sortie", date=DATE)
    for centre in lire_province(province):
        attendu = tmp_path / "plan" / centre.id
        arguments = [
            "plan",
            str(centre.enseignants),
            "--ecoles",
            str(centre.ecoles),
            *(["--mentors", str(centre.mentors)] if centre.mentors else []),
            *(["--surcouche", str(centre.surcouche)] if centre.surcouche else []),
            "--date",
            DATE.isoformat(),
            "--processus",
            "1",
            "--html",
            str(attendu / "rapport.html"),
            "--json",
            str(attendu / "plan.json"),
            "--csv",
            str(attendu / "csv"),
        ]
        attendu.mkdir(parents=True)
        assert main(arguments) == 0
        ecrits = tmp_path / "sortie" / centre.id
        noms = sorted(f.relative_to(attendu).as_posix() for f in attendu.rglob("*") if f.is_file())
        assert len(noms) > 10
        assert (
            sorted(
                f.relative_to(ecrits).as_posix()
                for f in ecrits.rglob("*")
                if f.is_file() and f.name != TEMOIN
            )
            == noms
        )
        for nom in noms:
            assert (ecrits / nom).read_bytes() == (attendu / nom).read_bytes(), (centre.id, nom)


def test_aucun_plan_d_un_centre_precedent_n_est_vivant_quand_le_suivant_se_calcule(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vivants: list[weakref.ref[Plan]] = []
    vus: list[list[bool]] = []

    def planifier_suivi(*args: Any, **kwargs: Any) -> Plan:
        vus.append([r() is not None for r in vivants])  # sans gc.collect() : lâchés, pas ramassés
        plan = planifier(*args, **kwargs)
        vivants.append(weakref.ref(plan))
        return plan

    monkeypatch.setattr(module_province, "planifier", planifier_suivi)
    planifier_province(province, tmp_path / "sortie", date=DATE)
    assert vus == [[], [False], [False, False]]
    gc.collect()
    assert [r() for r in vivants] == [None, None, None]


def test_le_recapitulatif_ne_dit_rien_de_la_detresse(province: Path, tmp_path: Path) -> None:
    lignes = planifier_province(province, tmp_path / "sortie", date=DATE)
    for nom in ("recapitulatif.csv", "recapitulatif.md"):
        texte = (tmp_path / "sortie" / nom).read_text(encoding="utf-8-sig").casefold()
        for mot in (
            "détresse",
            "detresse",
            "neutre",
            "soutien_professionnel",
            "precedent",
            "sans effet",
        ):
            assert mot not in texte.replace("ni la détresse ni les motifs", ""), (nom, mot)
        assert "confidentiel" not in texte
    # la personne en détresse de css-c ne change pas sa ligne : celle d'un plan sans elle
    assert lignes[2].personnes == 2 and not lignes[2].confidentiel
    sans = planifier_province(province, tmp_path / "autre", date=DATE)
    assert sans == lignes


def test_un_plan_qui_montre_la_detresse_le_dit_en_tete_du_recapitulatif(
    province: Path, tmp_path: Path
) -> None:
    planifier_province(province, tmp_path / "sortie", date=DATE, inclure_confidentiel=True)
    csv = (tmp_path / "sortie" / "recapitulatif.csv").read_text(encoding="utf-8-sig")
    page = (tmp_path / "sortie" / "recapitulatif.md").read_text(encoding="utf-8")
    assert csv.splitlines()[0] == f'"{AVERTISSEMENT}"'
    assert page.splitlines()[0] == f"> {AVERTISSEMENT}"


def test_une_province_mal_formee_est_refusee_avec_tous_ses_problemes(tmp_path: Path) -> None:
    p = _province(tmp_path)
    (p / "CSS-A").mkdir()  # le même centre que css-a, à la casse près
    (p / "css-b" / "enseignants.json").write_text("[]", encoding="utf-8")
    (p / "css-c" / "enseignant.csv").write_text("", encoding="utf-8")
    (p / "css-c" / "effectifs.xlsx").write_bytes(b"PK")
    (p / "css-d").mkdir()
    (p / "css-d" / "ecoles.csv").write_text("ecole\nD1\n", encoding="utf-8")
    (p / "css-d" / "surcouche").write_text("", encoding="utf-8")
    (p / "css-e").mkdir()
    (p / "css-e" / "surcouches").mkdir()
    (p / "css-e" / "enseignants.toml").write_text("", encoding="utf-8")
    (p / "css-e" / "ecoles.toml").write_text("", encoding="utf-8")
    (p / "enseignants.csv").write_text("", encoding="utf-8")
    (p / "README.md").write_text("ignoré", encoding="utf-8")
    (p / ".cache").mkdir()  # caché : ignoré
    with pytest.raises(ErreurEffectifs) as erreur:
        lire_province(p)
    assert [str(x) for x in erreur.value.problemes] == [
        "enseignants.csv : des effectifs à la racine de la province : un sous-dossier par centre "
        "attendu (ex. mon-centre/enseignants.csv)",
        "CSS-A/ : [CSS-A] centre en double : « CSS-A » et « css-a » désignent le même centre (à "
        "la casse près) ; en garder un",
        "css-b/enseignants.csv : [css-b] 2 fichiers pour le fichier des enseignants du centre "
        "(enseignants.csv et enseignants.json) : en garder un",
        "css-c/effectifs.xlsx : [css-c] un classeur n'est pas lu : enregistrer chaque feuille en "
        "CSV UTF-8 (Excel : Enregistrer sous › CSV UTF-8)",
        "css-c/enseignant.csv : [css-c] fichier inconnu du centre : enseignants, ecoles, mentors "
        "(.csv, .json ou .toml) et surcouche/ sont lus (reçu : 'enseignant.csv') ; vouliez-vous "
        "dire 'enseignants.csv' ?",
        "css-d/surcouche : [css-d] la surcouche du centre est un dossier (ses fichiers TOML), pas "
        "un fichier",
        "css-d/enseignants.csv : [css-d] manquant : le fichier des enseignants du centre "
        "(enseignants.csv, .json ou .toml)",
        "css-e/surcouches/ : [css-e] fichier inconnu du centre : enseignants, ecoles, mentors "
        "(.csv, .json ou .toml) et surcouche/ sont lus (reçu : 'surcouches/') ; vouliez-vous dire "
        "'surcouche/' ?",
    ]


@pytest.mark.parametrize("vide", [True, False], ids=["sans_centre", "pas_un_dossier"])
def test_une_province_sans_centre_ou_qui_n_est_pas_un_dossier(tmp_path: Path, vide: bool) -> None:
    p = tmp_path / "province"
    if vide:
        p.mkdir()
    else:
        p.write_text("", encoding="utf-8")
    with pytest.raises(
        ErreurEffectifs, match="aucun centre" if vide else "la province est un dossier"
    ):
        lire_province(p)


def test_la_commande_dit_les_problemes_sans_trace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = _province(tmp_path)
    (p / "css-b" / "ecoles.csv").unlink()
    assert main(["province", str(p), "--sortie", str(tmp_path / "s")]) == 2
    erreur = capsys.readouterr().err
    assert "css-b/ecoles.csv : [css-b] manquant : le fichier des écoles du centre" in erreur
    assert "Traceback" not in erreur
    # la forme est dite seule : aucun plan n'a commencé, rien n'est « écrit »
    assert "avec des problèmes" not in erreur and "écrits" not in erreur
    assert not (tmp_path / "s").exists()  # rien n'est fait avant que la forme soit bonne


def test_les_problemes_d_un_centre_n_arretent_pas_les_autres(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fautif = province / "css-b" / "enseignants.csv"
    fautif.write_text(
        ENTETE + "b1,B1,0,secondair,contrat,,,\nb2,Z,0,primaire,,,,\n", encoding="utf-8"
    )
    (province / "css-c" / "surcouche" / "version.toml").write_text("versio = 1\n", encoding="utf-8")
    sortie = tmp_path / "s"
    assert main(["province", str(province), "--sortie", str(sortie), "--date", "2026-12-04"]) == 2
    erreur = capsys.readouterr().err
    assert "2 centre(s) avec des problèmes" in erreur
    assert "css-b/enseignants.csv : [ligne 2] champ 'ordre'" in erreur
    assert "css-b/enseignants.csv : [ligne 3] champ 'ecole'" in erreur
    assert "css-c/surcouche/version.toml" in erreur
    assert (sortie / "css-a" / TEMOIN).is_file()
    assert not (sortie / "css-b").exists() and not (sortie / "recapitulatif.csv").exists()
    with pytest.raises(ErreurEffectifs) as verifiee:
        verifier_province(province)
    assert {x.fichier.split("/")[0] for x in verifiee.value.problemes if x.fichier} == {
        "css-b",
        "css-c",
    }


def test_verifier_une_province_valide(province: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["province", str(province), "--verifier"]) == 0
    assert capsys.readouterr().out == "Province valide : 3 centre(s), 6 personne(s), 4 école(s).\n"


def test_la_sortie_ne_peut_pas_etre_dans_la_province(province: Path) -> None:
    with pytest.raises(ValueError, match="hors de la province"):
        planifier_province(province, province / "sortie")


def _compter(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    faits: list[str] = []

    def planifier_compte(enseignants: Path, *args: Any, **kwargs: Any) -> Plan:
        faits.append(enseignants.parent.name)
        return planifier(enseignants, *args, **kwargs)

    monkeypatch.setattr(module_province, "planifier", planifier_compte)
    return faits


def test_reprendre_ne_refait_que_les_centres_changes(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sortie = tmp_path / "s"
    faits = _compter(monkeypatch)
    premieres = planifier_province(province, sortie, date=DATE)
    recap = (sortie / "recapitulatif.csv").read_bytes()
    assert faits == ["css-a", "css-b", "css-c"]
    assert planifier_province(province, sortie, date=DATE, reprendre=True) == premieres
    assert faits == ["css-a", "css-b", "css-c"]  # rien de refait
    assert (sortie / "recapitulatif.csv").read_bytes() == recap
    # un fichier lu change (css-a), un export disparaît (css-b), la surcouche change (css-c)
    with (province / "css-a" / "enseignants.csv").open("a", encoding="utf-8") as f:
        f.write("a4,A1,0,primaire,contrat,,,\n")
    (sortie / "css-b" / "csv" / "groupes.csv").unlink()
    planifier_province(province, sortie, date=DATE, reprendre=True)
    assert faits[3:] == ["css-a", "css-b"]
    assert (sortie / "css-b" / "csv" / "groupes.csv").is_file()
    with (province / "css-c" / "surcouche" / "ressources.toml").open("a", encoding="utf-8") as f:
        f.write("\n# un commentaire\n")
    lignes = planifier_province(province, sortie, date=DATE, reprendre=True, processus=2)
    assert faits[5:] == ["css-c"]  # le nombre de processus ne fait pas refaire
    assert lignes[0].personnes == 4
    # une autre date, une autre convention : tout est refait ; sans reprendre aussi
    planifier_province(province, sortie, date=DATE, reprendre=True, taille_max_groupe=3)
    planifier_province(province, sortie, date=DATE)
    assert len(faits) == 6 + 3 + 3


def test_un_temoin_abime_fait_refaire_le_centre(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sortie = tmp_path / "s"
    faits = _compter(monkeypatch)
    planifier_province(province, sortie, date=DATE)
    (sortie / "css-a" / TEMOIN).write_text("{pas du json", encoding="utf-8")
    (sortie / "css-b" / "rapport.html").write_text("changé", encoding="utf-8")
    planifier_province(province, sortie, date=DATE, reprendre=True)
    assert faits[3:] == ["css-a", "css-b"]


def test_la_commande_province(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sortie = tmp_path / "s"
    arguments = ["province", str(province), "--sortie", str(sortie), "--date", "2026-12-04"]
    assert main([*arguments, "--processus", "1"]) == 0
    assert capsys.readouterr().out == (
        "Province : 3 centre(s), 6 personne(s) (6 en insertion), 4 école(s), 4 alerte(s)\n"
        f"récapitulatif : {sortie / 'recapitulatif.csv'}, {sortie / 'recapitulatif.md'}\n"
    )
    assert main([*arguments, "--reprendre", "--taille-groupe", "3"]) == 0
    assert main(["province", str(province)]) == 2
    assert "--sortie DOSSIER est demandé" in capsys.readouterr().err


def test_une_option_de_centre_est_refusee(province: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="sauf moteur, mentors et journal"):
        planifier_province(province, tmp_path / "s", mentors="m.csv")


def test_la_progression_compte_les_centres(province: Path, tmp_path: Path) -> None:
    vus: list[tuple[int, int]] = []
    planifier_province(
        province, tmp_path / "s", date=DATE, progression=lambda f, t: vus.append((f, t))
    )
    assert vus == [(1, 3), (2, 3), (3, 3)]
    planifier_province(province, tmp_path / "s", date=DATE, progression=True)  # tqdm : sans erreur


def test_la_province_d_exemple_est_valide(capsys: pytest.CaptureFixture[str]) -> None:
    """exemples/province (docs/programme.md § 9) : trois centres fictifs, le deuxième avec la
    surcouche d'exemple."""
    assert main(["province", str(EXEMPLES / "province"), "--verifier"]) == 0
    assert (
        capsys.readouterr().out == "Province valide : 3 centre(s), 600 personne(s), 30 école(s).\n"
    )
    centres = lire_province(EXEMPLES / "province")
    assert [c.surcouche is not None for c in centres] == [False, True, False]
