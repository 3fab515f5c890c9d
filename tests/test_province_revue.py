"""La province, épinglée là où la revue de mutation indépendante (m7) a trouvé des trous : le
moteur de chaque centre, les options refusées, ce qui fait refaire un centre."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from recommandeur import ErreurEffectifs, planifier
from recommandeur._base.fichiers import dossier_livre
from recommandeur._cli.commande import main
from recommandeur._programme.provincial.centres import lire_province
from recommandeur._programme.provincial.province import planifier_province
from recommandeur._programme.provincial.recapitulatif import (
    LigneProvince,
    csv_du_recapitulatif,
    ligne_du_plan,
    markdown_du_recapitulatif,
)
from recommandeur._programme.provincial.reprise import TEMOIN
from recommandeur._programme.sorties.confidentiel import AVERTISSEMENT

from .test_province import DATE, _compter, _plans_un_par_un, _province
from .test_province import province as province  # la fixture


def test_un_centre_a_surcouche_d_abord_ne_change_pas_le_moteur_des_suivants(
    tmp_path: Path,
) -> None:
    """Le centre à surcouche passe en premier (css-0) : les centres sans surcouche qui le
    suivent ont le moteur de la base, comme planifiés un par un."""
    p = _province(tmp_path)
    (p / "css-c").rename(p / "css-0")
    lignes = planifier_province(p, tmp_path / "sortie", date=DATE)
    plans = _plans_un_par_un(p)
    assert [ligne.centre for ligne in lignes] == ["css-0", "css-a", "css-b"]
    assert [(ligne.heures, ligne.cout) for ligne in lignes] == [
        (round(sum(r.heures_demandees for r in c.roles), 1), round(c.cout_total))
        for c in (plans[n].capacite for n in ("css-0", "css-a", "css-b"))
        if c is not None
    ]
    assert lignes[1].cout == 24006  # celui du récapitulatif de la base (test_province)


def test_les_regles_donnees_valent_pour_chaque_centre(province: Path, tmp_path: Path) -> None:
    """``regles=`` : la base de tous les centres, avec ou sans surcouche (sa version est dans
    chaque plan.json ; celle de css-c porte aussi sa surcouche)."""
    regles = Path(shutil.copytree(str(dossier_livre("regles")), tmp_path / "regles"))
    version = regles / "version.toml"
    version.write_text('version = "2099.1.1"\n', encoding="utf-8")
    planifier_province(province, tmp_path / "s", date=DATE, regles=regles)
    versions = [
        json.loads((tmp_path / "s" / c / "plan.json").read_text(encoding="utf-8"))["version_regles"]
        for c in ("css-a", "css-b", "css-c")
    ]
    assert versions == ["2099.1.1", "2099.1.1", "2099.1.1+css-exemples-2026"]


@pytest.mark.parametrize("option", ["moteur", "mentors", "journal"])
def test_les_options_d_un_seul_centre_sont_refusees(
    province: Path, tmp_path: Path, option: str
) -> None:
    with pytest.raises(ValueError, match="sauf moteur, mentors et journal"):
        options: dict[str, Any] = {option: "x"}
        planifier_province(province, tmp_path / "s", **options)
    assert not (tmp_path / "s").exists()  # refusé avant d'écrire quoi que ce soit


def test_sans_reprendre_tout_est_refait(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    faits = _compter(monkeypatch)
    planifier_province(province, tmp_path / "s", date=DATE)
    planifier_province(province, tmp_path / "s", date=DATE)
    assert faits == ["css-a", "css-b", "css-c"] * 2


def test_une_autre_date_fait_tout_refaire(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    faits = _compter(monkeypatch)
    planifier_province(province, tmp_path / "s", date=DATE)
    planifier_province(province, tmp_path / "s", date=DATE + dt.timedelta(days=1), reprendre=True)
    assert faits == ["css-a", "css-b", "css-c"] * 2


def test_un_fichier_de_personnes_mentores_change_fait_refaire_son_centre(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    faits = _compter(monkeypatch)
    planifier_province(province, tmp_path / "s", date=DATE)
    with (province / "css-a" / "mentors.csv").open("a", encoding="utf-8") as f:
        f.write("M2,A2,secondaire\n")
    planifier_province(province, tmp_path / "s", date=DATE, reprendre=True)
    assert faits == ["css-a", "css-b", "css-c", "css-a"]


def test_l_extension_se_lit_a_la_casse_pres(tmp_path: Path) -> None:
    """``enseignants.CSV`` (un export de tableur) est le fichier des enseignants."""
    centre = tmp_path / "province" / "css-a"
    centre.mkdir(parents=True)
    (centre / "enseignants.CSV").write_text("enseignant,ecole,ordre\ne1,A,primaire\n")
    (centre / "ecoles.Csv").write_text("ecole,nom\nA,École A\n")
    (c,) = lire_province(tmp_path / "province")
    assert (c.enseignants.name, c.ecoles.name, c.mentors) == ("enseignants.CSV", "ecoles.Csv", None)


def test_d_autres_regles_font_tout_refaire(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Les fichiers des centres n'ont pas changé, la base de règles donnée, si."""
    regles = Path(shutil.copytree(str(dossier_livre("regles")), tmp_path / "regles"))
    faits = _compter(monkeypatch)
    planifier_province(province, tmp_path / "s", date=DATE, regles=regles)
    (regles / "version.toml").write_text('version = "2099.1.1"\n', encoding="utf-8")
    planifier_province(province, tmp_path / "s", date=DATE, regles=regles, reprendre=True)
    assert faits == ["css-a", "css-b", "css-c"] * 2


def test_des_effectifs_a_la_racine_sont_le_seul_probleme_dit(tmp_path: Path) -> None:
    (tmp_path / "enseignants.csv").write_text("enseignant,ecole,ordre\n", encoding="utf-8")
    with pytest.raises(ErreurEffectifs) as erreur:
        lire_province(tmp_path)
    assert [str(p) for p in erreur.value.problemes] == [
        "enseignants.csv : des effectifs à la racine de la province : un sous-dossier par centre "
        "attendu (ex. mon-centre/enseignants.csv)"
    ]


@pytest.mark.parametrize(
    "abime",
    [
        "[1, 2]",  # pas un objet
        "null",
        "une ligne fausse",  # la même empreinte, une ligne qui n'en est pas une
    ],
)
def test_un_temoin_abime_mais_lisible_fait_refaire_le_centre(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, abime: str
) -> None:
    faits = _compter(monkeypatch)
    premieres = planifier_province(province, tmp_path / "s", date=DATE)
    temoin = tmp_path / "s" / "css-a" / TEMOIN
    if abime == "une ligne fausse":
        contenu = json.loads(temoin.read_text(encoding="utf-8"))
        contenu["ligne"]["personnes"] = "beaucoup"
        abime = json.dumps(contenu)
    temoin.write_text(abime, encoding="utf-8")
    assert planifier_province(province, tmp_path / "s", date=DATE, reprendre=True) == premieres
    assert faits == ["css-a", "css-b", "css-c", "css-a"]


def _ligne(centre: str, confidentiel: bool) -> LigneProvince:
    return LigneProvince(
        centre=centre,
        personnes=1,
        en_insertion=1,
        ecoles=1,
        paires=None,
        non_apparies=None,
        heures=1.0,
        cout=1,
        alertes=0,
        confidentiel=confidentiel,
    )


@pytest.mark.parametrize("confidentiels", [(True, False), (False, True)])
def test_un_seul_centre_qui_montre_la_detresse_suffit_pour_l_avertissement(
    confidentiels: tuple[bool, bool],
) -> None:
    lignes = [_ligne(c, v) for c, v in zip(("css-a", "css-b"), confidentiels, strict=True)]
    assert markdown_du_recapitulatif(lignes).startswith(f"> {AVERTISSEMENT}\n\n# Récapitulatif")
    premiere, entete = list(csv.reader(io.StringIO(csv_du_recapitulatif(lignes)), delimiter=";"))[
        :2
    ]
    assert (premiere, entete[0]) == ([AVERTISSEMENT], "centre")
    sans = [_ligne("css-a", False), _ligne("css-b", False)]
    assert markdown_du_recapitulatif(sans).startswith("# Récapitulatif")
    assert csv_du_recapitulatif(sans).startswith("centre;")


def test_un_nom_de_centre_n_est_jamais_une_formule_ni_ne_casse_la_page() -> None:
    """Le nom du dossier d'un centre va tel quel dans le récapitulatif : neutralisé dans le CSV
    (« = » en tête), échappé dans le tableau markdown (« | »)."""
    lignes = [_ligne("=HYPERLINK(1)", False), _ligne("css|b", False)]
    rangees = list(csv.reader(io.StringIO(csv_du_recapitulatif(lignes)), delimiter=";"))
    assert [r[0] for r in rangees] == ["centre", "'=HYPERLINK(1)", "css|b", "province"]
    page = markdown_du_recapitulatif(lignes).splitlines()
    assert page[-3:-1] == [
        "| =HYPERLINK(1) | 1 | 1 | 1 | — | — | 1 | 1 | 0 |",
        "| css\\|b | 1 | 1 | 1 | — | — | 1 | 1 | 0 |",
    ]


def test_en_insertion_n_est_pas_toutes_les_personnes() -> None:
    plan = planifier(
        [
            {"enseignant": "e1", "ecole": "a", "annees_experience": 0, "ordre": "primaire"},
            {"enseignant": "e2", "ecole": "a", "annees_experience": 25, "ordre": "primaire"},
        ],
        [{"ecole": "a", "nom": "École A"}],
        date=DATE,
    )
    ligne = ligne_du_plan("css-a", plan)
    assert (ligne.personnes, ligne.en_insertion) == (2, plan.portrait.nb_en_insertion) == (2, 1)


def test_le_recapitulatif_csv_commence_par_le_bom(province: Path, tmp_path: Path) -> None:
    """UTF-8 avec BOM : Excel lit les accents du CSV ouvert d'un double clic."""
    planifier_province(province, tmp_path / "s", date=DATE)
    octets = (tmp_path / "s" / "recapitulatif.csv").read_bytes()
    assert octets.startswith(codecs.BOM_UTF8 + b"centre;")


def test_la_commande_reprend_avec_reprendre_seulement(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    faits = _compter(monkeypatch)
    arguments = ["province", str(province), "--sortie", str(tmp_path / "s")]
    arguments += ["--date", DATE.isoformat(), "--processus", "1"]
    assert main(arguments) == 0
    assert main([*arguments, "--reprendre"]) == 0
    assert faits == ["css-a", "css-b", "css-c"]
    assert main([*arguments, "--date", "2026-12-05", "--reprendre"]) == 0  # la dernière compte
    assert faits == ["css-a", "css-b", "css-c"] * 2


def test_un_centre_refait_qui_echoue_n_est_plus_dit_fait(province: Path, tmp_path: Path) -> None:
    """Revue m8p : le témoin d'un centre à refaire est retiré avant son plan ; si ce plan
    échoue, le dossier du centre n'est plus dit « fait » (les autres centres le restent)."""
    sortie = tmp_path / "s"
    planifier_province(province, sortie, date=DATE)
    assert (sortie / "css-b" / TEMOIN).is_file()
    (province / "css-b" / "enseignants.csv").write_text(
        "enseignant,ecole,annees_experience,ordre\nb1,B1,0,secondair\n", encoding="utf-8"
    )
    with pytest.raises(ErreurEffectifs, match=r"css-b/enseignants\.csv"):
        planifier_province(province, sortie, date=DATE, reprendre=True)
    assert not (sortie / "css-b" / TEMOIN).exists()
    assert (sortie / "css-a" / TEMOIN).is_file() and (sortie / "css-c" / TEMOIN).is_file()
