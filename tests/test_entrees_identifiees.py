"""Le lecteur unique des entrées identifiées d'un dossier (``_base.entrees.lire_identifiee``) :
acteurs, mesures, sources, étapes, heures et paramètres de capacité du catalogue.

Une propriété sur des suites d'entrées (la première l'emporte et chaque reprise est dite avec
l'origine de la première, ou la dernière l'emporte), puis le catalogue : chaque genre repris
dans un second fichier du dossier, avec le message exact.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from recommandeur import charger_catalogue, iter_erreurs_catalogue
from recommandeur._base.entrees import lire_identifiee
from recommandeur._base.erreurs import Probleme


class _Essai(BaseModel):
    id: str
    n: int


ENTREES = st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from(["x.toml", "y.toml"])))


@given(ENTREES, st.booleans())
def test_la_premiere_ou_la_derniere_l_emporte(
    entrees: list[tuple[str, str]], remplacer: bool
) -> None:
    lues: dict[str, tuple[str, _Essai]] = {}
    problemes: list[Probleme] = []
    for rang, (ident, nom) in enumerate(entrees):
        brute = {"id": ident, "n": rang}
        objet = lire_identifiee(
            _Essai, nom, rang, brute, lues, problemes, genre="essai", remplacer=remplacer
        )
        assert objet == _Essai(id=ident, n=rang)
    gardees = {}
    for rang, (ident, nom) in enumerate(entrees):
        if remplacer or ident not in gardees:
            gardees[ident] = (nom, _Essai(id=ident, n=rang))
    assert lues == gardees
    reprises = [] if remplacer else [
        (nom, ident, f"identifiant déjà défini dans {gardees[ident][0]}")
        for rang, (ident, nom) in enumerate(entrees)
        if gardees[ident][1].n != rang
    ]  # fmt: skip
    assert [(p.fichier, p.id, p.message) for p in problemes] == reprises
    assert all(p.champ == "id" and p.valeur == p.id for p in problemes)


def test_une_entree_refusee_est_dite_avec_son_identifiant_ou_son_rang() -> None:
    lues: dict[str, tuple[str, _Essai]] = {}
    problemes: list[Probleme] = []
    brutes: list[dict[str, object]] = [{"id": "e", "n": "deux"}, {"n": 1}]
    assert [
        lire_identifiee(_Essai, "a.toml", r, b, lues, problemes, genre="étape", prefixe="p ")
        for r, b in enumerate(brutes)
    ] == [None, None]
    assert lues == {}
    assert [(p.id, p.champ) for p in problemes] == [("p e", "n"), ("p étape n° 2", "id")]


def _reprendre(dossier: Path, fichier: str, genre: str, n: int = 0) -> dict[str, object]:
    """La ``n``-ième entrée ``[[genre]]`` d'un fichier du catalogue."""
    entree: dict[str, object] = tomllib.loads((dossier / fichier).read_text(encoding="utf-8"))[
        genre
    ][n]
    return entree


def _toml(genre: str, table: dict[str, object]) -> str:
    def valeur(v: object) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, str):
            return json.dumps(v, ensure_ascii=False)
        if isinstance(v, list):
            return "[" + ", ".join(valeur(x) for x in v) + "]"
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {valeur(x)}" for k, x in v.items()) + " }"
        return repr(v)

    return f"[[{genre}]]\n" + "".join(f"{k} = {valeur(v)}\n" for k, v in table.items()) + "\n"


def test_chaque_genre_repris_dans_un_autre_fichier(copie_catalogue: Path) -> None:
    """Acteur, mesure, source, étape : refusés, avec l'origine de la première ; capacité et
    heures : le dernier l'emporte (un centre corrige un chiffre)."""
    reprises = [
        ("acteur", _reprendre(copie_catalogue, "acteurs.toml", "acteur")),
        ("mesure", _reprendre(copie_catalogue, "mesures_ciblees.toml", "mesure")),
        ("source", _reprendre(copie_catalogue, "sources.toml", "source")),
        ("etape", _reprendre(copie_catalogue, "deploiement.toml", "etape")),
    ]
    (copie_catalogue / "zz_reprises.toml").write_text(
        "".join(_toml(g, t) for g, t in reprises), encoding="utf-8"
    )
    dits = [(p.fichier, p.id, p.champ, p.message) for p in iter_erreurs_catalogue(copie_catalogue)]
    assert dits == [
        ("zz_reprises.toml", "annexe1/universel/a", "cle", "clé de source déjà définie dans sources.toml"),
        ("zz_reprises.toml", reprises[0][1]["id"], "id", "identifiant déjà défini dans acteurs.toml"),
        ("zz_reprises.toml", reprises[1][1]["id"], "id", "identifiant déjà défini dans mesures_ciblees.toml"),
        ("zz_reprises.toml", "nommer_mentor", "id", "identifiant déjà défini dans deploiement.toml"),
    ]  # fmt: skip


def test_capacite_et_heures_reprises_le_dernier_l_emporte(copie_catalogue: Path) -> None:
    (copie_catalogue / "zz_centre.toml").write_text(
        _toml("capacite", {**_reprendre(copie_catalogue, "capacite.toml", "capacite"), "valeur": 0.3})
        + _toml("heures", {"mesure": "mentorat", "par_personne": 24, "origine": "le centre"}),
        encoding="utf-8",
    )  # fmt: skip
    catalogue = charger_catalogue(copie_catalogue)
    assert catalogue.capacite["liberation_mentor"].valeur == 0.3
    assert (catalogue.heures["mentorat"].par_personne, catalogue.heures["mentorat"].origine) == (
        24,
        "le centre",
    )
