"""Traçabilité : les passages des sources sont des données, bien formées, et l'Annexe 1 est citée en entier."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from recommandeur import Catalogue, ErreurCatalogue, ErreurInconnu, Moteur, charger_catalogue

_FORME = re.compile(
    r"^(annexe1/(universel/[a-g]|cible/[a-h]|individuel/[a-d])"
    r"|cnipe/(niveau[123]|mission|axe[1-4])"
    r"|ppc/10\.[123]"
    r"|cssps/roles/[a-z_]+"
    r"|cssps/[a-z_]+)$"
)
SEEDS = {
    "000_9cba7f605acf9b41.txt",
    "001_eee18fa9e8195a6b.txt",
    "002_b4031a92842589cc.txt",
    "003_375575ca46760784.txt",
    "004_914e52ab2accb8ce.txt",
}


def _annexe1(catalogue: Catalogue) -> list[str]:
    return [c for c in catalogue.cles_sources if c.startswith("annexe1/")]


def test_toutes_les_cles_livrees_sont_bien_formees(catalogue: Catalogue) -> None:
    assert [cle for cle in catalogue.cles_sources if not _FORME.match(cle)] == []


def test_l_annexe_1_compte_19_items(catalogue: Catalogue) -> None:
    cles = _annexe1(catalogue)
    assert len(cles) == 19
    assert sum(k.startswith("annexe1/universel/") for k in cles) == 7
    assert sum(k.startswith("annexe1/cible/") for k in cles) == 8
    assert sum(k.startswith("annexe1/individuel/") for k in cles) == 4


def test_chaque_cle_designe_un_fichier_source(catalogue: Catalogue) -> None:
    assert {s.fichier for s in catalogue.sources} == SEEDS
    assert catalogue.source("cssps/roles/conseiller_pedagogique").fichier == (
        "003_375575ca46760784.txt"
    )


def test_cles_citees_par_le_catalogue_et_les_regles(catalogue: Catalogue, moteur: Moteur) -> None:
    citees = [s for m in catalogue.mesures for s in m.sources]
    citees += [s for a in catalogue.acteurs for s in a.sources]
    citees += [s for r in moteur.regles for s in r.sources]
    assert citees
    assert [c for c in citees if c not in catalogue.cles_sources] == []


def test_les_19_items_de_l_annexe_1_sont_cites_par_le_catalogue(catalogue: Catalogue) -> None:
    citees = {s for m in catalogue.mesures for s in m.sources}
    assert set(_annexe1(catalogue)) - citees == set()


def test_chaque_role_du_cssps_est_un_acteur(catalogue: Catalogue) -> None:
    roles = {k.removeprefix("cssps/roles/") for k in catalogue.cles_sources if "/roles/" in k}
    roles.discard("mentore")  # la personne mentorée est la destinataire, pas une actrice
    assert roles - set(catalogue.ids_acteurs) == set()


def test_cle_inconnue_suggere_la_plus_proche(catalogue: Catalogue) -> None:
    with pytest.raises(ErreurInconnu) as info:
        catalogue.source("cnipe/mision")
    assert (
        str(info.value)
        == "clé de source inconnue 'cnipe/mision' ; vouliez-vous dire 'cnipe/mission' ?"
    )
    assert info.value.suggestions == ("cnipe/mission",)


def test_source_repetee_dans_un_dossier(copie_catalogue: Path) -> None:
    fichier = copie_catalogue / "sources.toml"
    fichier.write_text(
        fichier.read_text(encoding="utf-8")
        + '\n[[source]]\ncle = "cnipe/niveau3"\nfichier = "x.txt"\npassage = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(ErreurCatalogue) as info:
        charger_catalogue(copie_catalogue)
    assert str(info.value) == (
        "sources.toml : [cnipe/niveau3] champ 'cle' : clé de source déjà définie dans "
        "sources.toml (reçu : 'cnipe/niveau3')"
    )


def test_un_catalogue_sans_sources_cite_les_passages_livres(tmp_path: Path) -> None:
    dossier = tmp_path / "catalogue"
    dossier.mkdir()
    (dossier / "c.toml").write_text(
        'version = "t"\n[[acteur]]\nid = "a"\nlibelle = "A"\nrole = ["r"]\n'
        'sources = ["cnipe/niveau1"]\n',
        encoding="utf-8",
    )
    catalogue = charger_catalogue(dossier)
    assert catalogue.source("cnipe/niveau1").fichier == "002_b4031a92842589cc.txt"
