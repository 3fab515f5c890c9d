"""Traçabilité : les clés de sources sont bien formées et les 19 items de l'Annexe 1 sont cités."""

from __future__ import annotations

import re

import pytest

from recommandeur import Catalogue, Moteur
from recommandeur._messages import ValeurInconnue
from recommandeur._sources import CLES_ANNEXE1, SOURCES, source, verifier_sources

_FORME = re.compile(
    r"^(annexe1/(universel/[a-g]|cible/[a-h]|individuel/[a-d])"
    r"|cnipe/(niveau[123]|mission|axe[1-4])"
    r"|ppc/10\.[123]"
    r"|cssps/roles/[a-z_]+"
    r"|cssps/[a-z_]+)$"
)


def test_toutes_les_cles_connues_sont_bien_formees() -> None:
    mal_formees = [cle for cle in SOURCES if not _FORME.match(cle)]
    assert mal_formees == []


def test_l_annexe_1_compte_19_items() -> None:
    assert len(CLES_ANNEXE1) == 19
    assert sum(k.startswith("annexe1/universel/") for k in CLES_ANNEXE1) == 7
    assert sum(k.startswith("annexe1/cible/") for k in CLES_ANNEXE1) == 8
    assert sum(k.startswith("annexe1/individuel/") for k in CLES_ANNEXE1) == 4


def test_chaque_cle_designe_un_fichier_source() -> None:
    fichiers = {s.fichier for s in SOURCES.values()}
    assert fichiers == {
        "000_9cba7f605acf9b41.txt",
        "001_eee18fa9e8195a6b.txt",
        "002_b4031a92842589cc.txt",
        "003_375575ca46760784.txt",
        "004_914e52ab2accb8ce.txt",
    }
    assert source("cssps/roles/conseiller_pedagogique").fichier == "003_375575ca46760784.txt"


def test_cles_citees_par_le_catalogue_et_les_regles_bien_formees(
    catalogue: Catalogue, moteur: Moteur
) -> None:
    citees = [s for m in catalogue.mesures for s in m.sources]
    citees += [s for a in catalogue.acteurs for s in a.sources]
    citees += [s for r in moteur.regles for s in r.sources]
    assert citees
    assert [c for c in citees if not _FORME.match(c) or c not in SOURCES] == []


def test_les_19_items_de_l_annexe_1_sont_cites_par_le_catalogue(catalogue: Catalogue) -> None:
    citees = {s for m in catalogue.mesures for s in m.sources}
    assert set(CLES_ANNEXE1) - citees == set()


def test_chaque_role_du_cssps_est_un_acteur(catalogue: Catalogue) -> None:
    roles = {k.removeprefix("cssps/roles/") for k in SOURCES if k.startswith("cssps/roles/")}
    roles.discard("mentore")  # la personne mentorée est la destinataire, pas une actrice
    assert roles - set(catalogue.ids_acteurs) == set()


def test_cle_inconnue_suggere_la_plus_proche() -> None:
    with pytest.raises(ValeurInconnue, match="clé de source inconnue 'cnipe/mision'") as info:
        verifier_sources(("cnipe/mision",))
    assert info.value.suggestions == ("cnipe/mission",)
    assert verifier_sources(("cnipe/niveau2",)) == ("cnipe/niveau2",)
