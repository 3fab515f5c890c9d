"""Les bornes de chaque champ numérique du profil : une déclaration, lue par le schéma et la validation.

Pour chaque champ que le schéma publié borne (``minimum``, ``maximum``, dans un ``anyOf`` ou non),
la validation admet exactement cette plage (les bornes admises, un pas au-delà refusé, avec la
plage dans l'erreur), et le langage des règles lit les mêmes bornes (``CHAMPS``).
"""

from __future__ import annotations

from typing import Any

import annotated_types
import pytest

from recommandeur import ErreurProfil, schema_profil
from recommandeur._base.probleme import Plage
from recommandeur._profil.champs import CHAMPS
from recommandeur._profil.modeles import Affectation, Ecole, Profil
from recommandeur._profil.validation import valider_profil

BASE: dict[str, Any] = {"annees_experience": 20, "ordre": "primaire"}
SCHEMA = schema_profil()


def _bornes(propriete: dict[str, Any]) -> tuple[float, float] | None:
    for forme in (propriete, *propriete.get("anyOf", ())):
        if "minimum" in forme or "maximum" in forme:
            return forme["minimum"], forme["maximum"]
    return None


def _champs_bornes() -> list[tuple[str, str, float, float, bool]]:
    """(chemin, table, minimum, maximum, entier) de chaque champ borné du schéma publié."""
    tables = {"": SCHEMA, "affectation": SCHEMA["$defs"]["Affectation"]}
    tables["ecole"] = SCHEMA["$defs"]["Ecole"]
    trouves = []
    for table, schema in tables.items():
        for nom, propriete in schema["properties"].items():
            bornes = _bornes(propriete)
            if bornes is not None:
                formes = [propriete, *propriete.get("anyOf", ())]
                entier = any(f.get("type") == "integer" for f in formes)
                chemin = f"{table}.{nom}" if table else nom
                trouves.append((chemin, table, *bornes, entier))
    return trouves


CHAMPS_BORNES = _champs_bornes()


def test_les_champs_bornes_sont_tous_vus() -> None:
    assert [c[0] for c in CHAMPS_BORNES] == [
        "annees_experience",
        "annees_au_quebec",
        "affectation.nb_ecoles",
        "ecole.part_novices",
        "ecole.imse",
        "ecole.nb_batiments",
    ]


def _profil(chemin: str, table: str, valeur: Any) -> dict[str, Any]:
    nom = chemin.rsplit(".", 1)[-1]
    if not table:
        # annees_au_quebec ≤ annees_experience : l'expérience au plus haut
        return {
            **BASE,
            "annees_experience": valeur if nom == "annees_experience" else 60,
            nom: valeur,
        }
    return {**BASE, table: {nom: valeur}}


@pytest.mark.parametrize(("chemin", "table", "minimum", "maximum", "entier"), CHAMPS_BORNES)
def test_la_validation_admet_exactement_la_plage_publiee(
    chemin: str, table: str, minimum: float, maximum: float, entier: bool
) -> None:
    pas = 1 if entier else 0.01
    for admise in (minimum, maximum):
        valider_profil(_profil(chemin, table, admise))
    for refusee in (minimum - pas, maximum + pas):
        with pytest.raises(ErreurProfil) as info:
            valider_profil(_profil(chemin, table, refusee))
        probleme = info.value.problemes[0]
        assert probleme.champ == chemin
        plage = probleme.attendu
        assert isinstance(plage, Plage)
        assert (plage.minimum, plage.maximum) == (minimum, maximum)


@pytest.mark.parametrize(("chemin", "table", "minimum", "maximum", "entier"), CHAMPS_BORNES)
def test_les_regles_lisent_les_memes_bornes(
    chemin: str, table: str, minimum: float, maximum: float, entier: bool
) -> None:
    assert (CHAMPS[chemin].minimum, CHAMPS[chemin].maximum) == (minimum, maximum)
    assert CHAMPS[chemin].genre == ("entier" if entier else "nombre")


@pytest.mark.parametrize("modele", [Profil, Affectation, Ecole])
def test_une_seule_declaration_par_borne(modele: type[Any]) -> None:
    for nom, info in modele.model_fields.items():
        ge = [m for m in info.metadata if isinstance(m, annotated_types.Ge)]
        le = [m for m in info.metadata if isinstance(m, annotated_types.Le)]
        assert len(ge) <= 1 and len(le) <= 1, nom
