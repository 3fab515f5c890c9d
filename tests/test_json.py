"""Le JSON d'un résultat : sans répétition, faits en données, phrases dérivées, schéma exporté.

Constat 10 du ticket 11 : un résultat de 28 mesures pesait 138 Ko, les fiches complètes des
acteurs répétées 73 fois, les faits en chaînes préformatées, ``Escalade.phrase`` absente.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pydantic
import pytest

from recommandeur import Moteur, Recommandation, recommander, schema_profil, schema_resultat

from .profils_exemples import EXEMPLE_DU_README

RACINE = Path(__file__).parent.parent
POLITIQUE = Path(__file__).parent / "donnees" / "politique"


@pytest.fixture(scope="module")
def politique() -> Moteur:
    return Moteur.depuis(catalogue=POLITIQUE / "catalogue", regles=POLITIQUE / "regles")


def test_le_json_de_l_exemple_du_readme_pese_au_plus_30_ko() -> None:
    reco = recommander(EXEMPLE_DU_README)
    assert len(reco.mesures) + len(reco.actions_milieu) >= 20
    assert len(reco.model_dump_json().encode()) <= 30_000


def test_mesures_et_acteurs_par_identifiant_avec_une_table() -> None:
    reco = recommander(EXEMPLE_DU_README)
    donnees = reco.model_dump(mode="json")
    texte = json.dumps(donnees, ensure_ascii=False)
    # aucune fiche d'acteur recopiée : ses lignes de rôle n'apparaissent qu'en « role » choisi
    assert '"role_cite"' not in texte and '"intervenants"' not in texte
    tables = donnees["tables"]
    for m in donnees["mesures"] + donnees["actions_milieu"]:
        assert isinstance(m["mesure"], str) and m["mesure"] in tables["mesures"]
        for acteur in [m["acteur"], *m["alternatives"], *m["partenaires"]]:
            assert isinstance(acteur, str) and acteur in tables["acteurs"]
    nommes = {m.mesure.id for m in (*reco.mesures, *reco.actions_milieu)}
    assert set(tables["mesures"]) == nommes
    premiere = reco.mesures[0].mesure
    assert tables["mesures"][premiere.id] == {
        "libelle": premiere.libelle,
        "niveau": premiere.niveau.value,
        "destinataire": premiere.destinataire.value,
        "duree": premiere.duree,
        "frequence": premiere.frequence,
    }


def test_json_exact_sur_la_base_minuscule(politique: Moteur) -> None:
    reco = recommander(
        {"annees_experience": 1, "ordre": "primaire", "besoins": {"planification": "moderee"}},
        moteur=politique,
    )
    donnees = reco.model_dump(mode="json")
    assert donnees["mesures"][0] == {
        "rang": 1,
        "mesure": "c_groupe",
        "acteur": "a",
        "role": "en aidant",
        "presence": "present",
        "alternatives": [],
        "partenaires": [],
        "score": 2.5,
        "prioritaire": False,
        "motifs": [
            {
                "regle": "base",
                "titre": "Base",
                "poids": 1.0,
                "texte": "Années : 1.",
                "faits": [
                    {"champ": "annees_experience", "valeur": 1, "operateur": "<", "seuil": 7}
                ],
                "sources": ["annexe1/universel/b", "annexe1/cible/a"],
                "priorite": None,
            },
            {
                "regle": "planif",
                "titre": "Planification",
                "poids": 1.5,
                "texte": "Planification modérée.",
                "faits": [
                    {
                        "champ": "besoins.planification",
                        "valeur": "moderee",
                        "operateur": ">=",
                        "seuil": "moderee",
                    }
                ],
                "sources": ["annexe1/cible/a", "annexe1/individuel/b"],
                "priorite": None,
            },
        ],
        "deja_recue": False,
        "changement_d_intervenant": False,
    }
    assert set(donnees["tables"]["acteurs"]) == {"a"}
    assert donnees["tables"]["acteurs"]["a"] == {"libelle": "Acteur A"}


def test_les_faits_sont_des_donnees_et_leur_texte_en_derive() -> None:
    reco = recommander(EXEMPLE_DU_README)
    motif = next(
        mo for m in reco.mesures for mo in m.motifs if mo.regle == "besoin_eleve_gestion_de_classe"
    )
    fait = motif.faits[0]
    assert fait.model_dump(mode="json") == {
        "champ": "besoins.gestion_de_classe",
        "valeur": "elevee",
        "operateur": ">=",
        "seuil": "elevee",
    }
    assert fait.texte == str(fait) == "besoins.gestion_de_classe = élevée (règle : ≥ élevée)"


def test_la_phrase_d_une_escalade_est_dans_le_json() -> None:
    profil = tomllib.loads(
        (RACINE / "exemples" / "escalade_mesure_sans_effet.toml").read_text(encoding="utf-8")
    )
    reco = recommander(profil)
    escalade = reco.model_dump(mode="json")["escalades"][0]
    assert escalade["phrase"] == reco.escalades[0].phrase
    assert escalade["phrase"].startswith("le besoin “gestion de classe” passe de modérée à élevée")


def test_relu_du_json_le_resultat_est_le_meme_et_sa_justification_aussi() -> None:
    reco = recommander(EXEMPLE_DU_README)
    relue = Recommandation.model_validate_json(reco.model_dump_json())
    assert relue == reco
    assert [m.justification for m in relue.mesures] == [m.justification for m in reco.mesures]
    assert [m.sources for m in relue.mesures] == [m.sources for m in reco.mesures]


def test_relire_avec_le_moteur_qui_l_a_produit(politique: Moteur) -> None:
    reco = recommander({"annees_experience": 1, "ordre": "primaire"}, moteur=politique)
    donnees = reco.model_dump(mode="json")
    assert Recommandation.model_validate(donnees, context={"moteur": politique}) == reco
    with pytest.raises(pydantic.ValidationError) as erreur:
        Recommandation.model_validate(donnees)
    assert (
        "ce résultat a été produit avec le catalogue 'politique', mais les identifiants "
        "seraient lus dans le catalogue"
    ) in str(erreur.value)


def test_une_mesure_inconnue_du_catalogue_est_nommee() -> None:
    donnees = recommander(EXEMPLE_DU_README).model_dump(mode="json")
    donnees["mesures"][0]["mesure"] = "mentora"
    with pytest.raises(pydantic.ValidationError) as erreur:
        Recommandation.model_validate(donnees)
    assert "mesure inconnue 'mentora'" in str(erreur.value)


def test_le_json_suit_le_schema_exporte() -> None:
    schema = schema_resultat()
    jsonschema.Draft202012Validator.check_schema(schema)
    validateur = jsonschema.Draft202012Validator(schema)
    for nom in ("detresse.toml", "escalade_mesure_sans_effet.toml", "forme_hors_quebec.toml"):
        profil = tomllib.loads((RACINE / "exemples" / nom).read_text(encoding="utf-8"))
        donnees = json.loads(recommander(profil).model_dump_json())
        assert list(validateur.iter_errors(donnees)) == [], nom
    assert "justification" not in schema["$defs"]["MesureRecommandee"]["properties"]


@pytest.mark.parametrize(
    ("fichier", "schema"),
    [("resultat.schema.json", schema_resultat), ("profil.schema.json", schema_profil)],
)
def test_les_schemas_livres_dans_docs_sont_a_jour(fichier: str, schema: Any) -> None:
    livre = json.loads((RACINE / "docs" / "schemas" / fichier).read_text(encoding="utf-8"))
    assert livre == schema(), f"régénérer : recommandeur schema … > docs/schemas/{fichier}"


def test_un_resultat_a_tous_ses_champs_donnes() -> None:
    """Construits sans validation, les objets de sortie ont tous leurs champs donnés :
    ``exclude_unset`` ne retire rien de ce que la bibliothèque a fait (le profil, validé depuis
    l'entrée, garde les siens)."""
    reco = recommander(EXEMPLE_DU_README)
    assert reco.model_fields_set == set(Recommandation.model_fields)
    for m in reco.mesures:
        assert m.model_fields_set == set(type(m).model_fields)
        assert m.model_dump(exclude_unset=True) == m.model_dump()
