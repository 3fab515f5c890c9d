"""``verifier`` dit toutes les fautes indépendantes d'un fichier en un passage, dans les termes de
l'auteur (les clés qu'il a écrites), et la syntaxe TOML en français avec ligne et colonne."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Catalogue, iter_erreurs_catalogue, iter_erreurs_regles
from recommandeur._base.toml_francais import traduire

Regle = dict[str, Any]


def _base() -> Regle:
    """Une règle valide : six comparaisons, quatre propositions qui ont chacune leurs sources."""
    return {
        "id": "essai",
        "titre": "Essai",
        "si": {
            "tous": [
                {"champ": "ecole.imse", "op": ">=", "valeur": 8},
                {"champ": "ecole.region_eloignee", "op": "==", "valeur": True},
                {"champ": "annees_experience", "op": "<", "valeur": 5},
                {"champ": "ordre", "op": "==", "valeur": "primaire"},
                {"besoin": "gestion_de_classe", "au_moins": "elevee"},
                {"champ": "ecole.imse", "op": "<=", "valeur": 10},
            ]
        },
        "justification": "IMSE {ecole.imse}",
        "sources": ["annexe1/cible/a"],
        "recommande": [
            {"mesure": "accompagnement_sous_groupe", "poids": 2, "sources": ["annexe1/cible/a"]},
            {"mesure": "formation_milieu_pratique", "poids": 2, "sources": ["annexe1/cible/b"]},
            {"mesure": "formations_ponctuelles", "poids": 2, "sources": ["annexe1/cible/c"]},
            {"mesure": "formation_accompagnee", "poids": 2, "sources": ["annexe1/cible/e"]},
        ],
    }


def _si(r: Regle, i: int) -> dict[str, Any]:
    termes: list[dict[str, Any]] = r["si"]["tous"]
    return termes[i]


#: Quinze fautes indépendantes : (chemin attendu, code attendu, injection).
FAUTES: dict[str, tuple[str, str, Callable[[Regle], None]]] = {
    "cle_inconnue": ("titr", "champ_inconnu", lambda r: r.update(titr="Essai")),
    "titre_vide": ("titre", "longueur", lambda r: r.update(titre="")),
    "operateur": ("si.tous[0].op", "valeur_inconnue", lambda r: _si(r, 0).update(op="=>")),
    "champ_profil": (
        "si.tous[1].champ",
        "inconnu",
        lambda r: _si(r, 1).update(champ="ecole.eloignee"),
    ),
    "type": ("si.tous[2].valeur", "invalide", lambda r: _si(r, 2).update(valeur="cinq")),
    "ordre": ("si.tous[3].op", "invalide", lambda r: _si(r, 3).update(op="<")),
    "besoin": ("si.tous[4].besoin", "valeur_inconnue", lambda r: _si(r, 4).update(besoin="classe")),
    "parametre": (
        "si.tous[5].valeur.parametre",
        "inconnu",
        lambda r: _si(r, 5).update(valeur={"parametre": "seuil_absent"}),
    ),
    "mesure": ("recommande[0].mesure", "inconnu", lambda r: r["recommande"][0].update(mesure="x")),
    "poids": ("recommande[1].poids", "hors_limites", lambda r: r["recommande"][1].update(poids=0)),
    "source_proposition": (
        "recommande[2].sources[0]",
        "inconnu",
        lambda r: r["recommande"][2].update(sources=["zz/yy"]),
    ),
    "priorite": (
        "recommande[3].priorite",
        "hors_limites",
        lambda r: r["recommande"][3].update(priorite=0),
    ),
    "intervenant": (
        "recommande[3].intervenants[0]",
        "invalide",
        lambda r: r["recommande"][3].update(intervenants=["direction_inconnue"]),
    ),
    "gabarit": ("justification", "inconnu", lambda r: r.update(justification="{ecole.imsse}")),
    "source_regle": ("sources[1]", "inconnu", lambda r: r["sources"].append("cnipe/mision")),
}


def _toml(valeur: Any) -> str:
    if isinstance(valeur, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in valeur.items()) + " }"
    if isinstance(valeur, list):
        return "[" + ", ".join(_toml(v) for v in valeur) + "]"
    return json.dumps(valeur, ensure_ascii=False)  # chaînes, nombres et booléens : même écriture


def _ecrire(dossier: Path, regle: Regle) -> Path:
    dossier.mkdir(exist_ok=True)
    (dossier / "version.toml").write_text('version = "test"\n', encoding="utf-8")
    lignes = ["[[regle]]", *(f"{cle} = {_toml(v)}" for cle, v in regle.items())]
    (dossier / "regles.toml").write_text("\n".join(lignes) + "\n", encoding="utf-8")
    return dossier


def _avec(fautes: set[str]) -> Regle:
    regle = copy.deepcopy(_base())
    for nom in sorted(fautes):
        FAUTES[nom][2](regle)
    return regle


def test_la_regle_de_base_est_valide(catalogue: Catalogue, tmp_path: Path) -> None:
    assert list(iter_erreurs_regles(catalogue, _ecrire(tmp_path / "r", _base()))) == []


def test_quinze_fautes_dites_en_un_passage(catalogue: Catalogue, tmp_path: Path) -> None:
    dossier = _ecrire(tmp_path / "r", _avec(set(FAUTES)))
    (dossier / "zz_casse.toml").write_text('[[regle]]\ntitre = "Essai\n', encoding="utf-8")
    problemes = list(iter_erreurs_regles(catalogue, dossier))
    # la syntaxe d'abord, en français, avec ligne et colonne
    assert str(problemes[0]) == (
        "zz_casse.toml : [ligne 2, colonne 15] TOML invalide : caractère interdit (fin de ligne) ; "
        "une chaîne entre guillemets se ferme sur la même ligne"
    )
    assert sorted((p.champ, p.code) for p in problemes[1:]) == sorted(
        (chemin, code) for chemin, code, _ in FAUTES.values()
    )
    assert all(p.fichier == "regles.toml" and p.id == "essai" for p in problemes[1:])
    # aucun nom interne : ni étiquette d'union ni membre essayé
    for p in problemes:
        assert not any(
            mot in (p.champ or "") for mot in ("comparaison", "tous.tous", "RefParametre")
        )


@settings(max_examples=25, deadline=None)
@given(st.sets(st.sampled_from(sorted(FAUTES))))
def test_k_fautes_independantes_donnent_k_problemes(catalogue: Catalogue, fautes: set[str]) -> None:
    with tempfile.TemporaryDirectory() as temp:
        problemes = list(iter_erreurs_regles(catalogue, _ecrire(Path(temp) / "r", _avec(fautes))))
    assert sorted(p.champ or "" for p in problemes) == sorted(FAUTES[f][0] for f in fautes)


def test_l_union_de_valeurs_dit_une_seule_faute(catalogue: Catalogue, tmp_path: Path) -> None:
    regle = _base()
    _si(regle, 0)["valeur"] = {"seuil": 8}
    (probleme,) = iter_erreurs_regles(catalogue, _ecrire(tmp_path / "r", regle))
    assert probleme.champ == "si.tous[0].valeur"
    assert probleme.message == (
        "valeur de forme inattendue ; attendu un booléen, un entier, un nombre, une chaîne, "
        "une liste ou une table { parametre = … }"
    )


def test_clé_mal_écrite_dans_une_comparaison_imbriquée(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    regle = _base()
    terme = _si(regle, 2)
    terme["valuer"] = terme.pop("valeur")
    problemes = list(iter_erreurs_regles(catalogue, _ecrire(tmp_path / "r", regle)))
    assert [(p.champ, p.code, p.suggestions) for p in problemes] == [
        ("si.tous[2].valeur", "manquant", ()),
        ("si.tous[2].valuer", "champ_inconnu", ("valeur",)),
    ]


def test_une_explication_est_verifiee_meme_si_une_regle_est_fautive(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    dossier = _ecrire(tmp_path / "r", _avec({"poids"}))
    (dossier / "explications.toml").write_text(
        '[[explication]]\nconstat = "lacune"\nraison = "x"\nmesure = "mentorat_inconnu"\n'
        '[[explication]]\nconstat = "regle_jamais_declenchee"\nraison = "x"\nregle = "essai"\n',
        encoding="utf-8",
    )
    problemes = list(iter_erreurs_regles(catalogue, dossier))
    assert [(p.fichier, p.champ) for p in problemes] == [
        ("regles.toml", "recommande[1].poids"),
        ("explications.toml", "mesure"),
    ]


def test_catalogue_les_sources_d_une_mesure_refusee_sont_verifiees(copie_catalogue: Path) -> None:
    (copie_catalogue / "zz.toml").write_text(
        '[[mesure]]\nid = "essai"\nlibelle = ""\nsources = ["cnipe/mision"]\n', encoding="utf-8"
    )
    champs = {p.champ for p in iter_erreurs_catalogue(copie_catalogue) if p.fichier == "zz.toml"}
    assert "sources[0]" in champs
    assert "libelle" in champs


def test_verifier_en_ligne_de_commande(tmp_path: Path) -> None:
    dossier = _ecrire(tmp_path / "r", _avec(set(FAUTES)))
    resultat = subprocess.run(
        [sys.executable, "-m", "recommandeur", "verifier", "--regles", str(dossier)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert resultat.returncode == 1, resultat.stderr
    assert len(resultat.stdout.splitlines()) == len(FAUTES)
    assert resultat.stderr.strip() == f"{len(FAUTES)} problème(s)."


def test_chaque_message_de_tomllib_est_traduit() -> None:
    anglais = [
        "Invalid statement",
        "Expected '=' after a key in a key/value pair",
        "Unclosed inline table",
        "Unterminated string",
        "Invalid value",
        "Cannot overwrite a value",
        "Cannot declare ('regle',) twice",
        "Found invalid character '\\x00'",
        "Illegal character '\\t'",
    ]
    for message in anglais:
        francais = traduire(message)
        assert francais != message
        assert not any(mot in francais for mot in ("Invalid", "Expected", "Cannot", "character"))


def test_catalogue_invalide_les_regles_sont_verifiees_quand_meme(
    copie_catalogue: Path, tmp_path: Path
) -> None:
    (copie_catalogue / "zz.toml").write_text('[[mesure]\nid = "x"\n', encoding="utf-8")
    regles = _ecrire(tmp_path / "r", _avec({"champ_profil", "mesure", "source_regle"}))
    resultat = subprocess.run(
        [
            sys.executable,
            "-m",
            "recommandeur",
            "verifier",
            "--catalogue",
            str(copie_catalogue),
            "--regles",
            str(regles),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert resultat.returncode == 1, resultat.stderr
    lignes = resultat.stdout.splitlines()
    # le catalogue, puis ce qui dans les règles ne dépend pas de lui (pas la mesure ni la source)
    assert lignes[0].startswith("zz.toml : [ligne 1, colonne 9] TOML invalide")
    assert lignes[1:] == [
        "regles.toml : [essai] champ 'si.tous[1].champ' : champ de profil inconnu "
        "(reçu : 'ecole.eloignee') ; vouliez-vous dire 'ecole.region_eloignee' ?"
    ]
    assert "catalogue invalide" in resultat.stderr


def test_un_dossier_sans_regle(catalogue: Catalogue, tmp_path: Path) -> None:
    dossier = tmp_path / "r"
    dossier.mkdir()
    (dossier / "version.toml").write_text('version = "test"\n', encoding="utf-8")
    assert [p.message for p in iter_erreurs_regles(catalogue, dossier)] == [
        "aucune règle définie ([[regle]])"
    ]


@pytest.mark.parametrize(
    ("terme", "attendus"),
    [
        (
            {"champ": "annees_experience", "op": "=>", "valeur": "cinq"},
            [("si.tous[2].op", "valeur_inconnue"), ("si.tous[2].valeur", "invalide")],
        ),
        (
            {"champ": "ordre", "op": "parmi", "valeur": ["primaire", "tertiaire"]},
            [("si.tous[2].op", "valeur_inconnue"), ("si.tous[2].valeur[1]", "invalide")],
        ),
        (
            {"champ": "ordre", "op": "parmi", "valeur": "tertiaire"},
            [("si.tous[2].op", "valeur_inconnue"), ("si.tous[2].valeur", "invalide")],
        ),
    ],
)
def test_un_operateur_inconnu_n_en_cache_pas_une_autre_faute_de_la_comparaison(
    catalogue: Catalogue, tmp_path: Path, terme: dict[str, Any], attendus: list[tuple[str, str]]
) -> None:
    """Une comparaison à l'opérateur inconnu est vérifiée quand même, avec ``==`` (``dans``
    pour une liste) à sa place : sa valeur fautive est dite dans le même passage."""
    regle = _base()
    regle["si"]["tous"][2] = terme
    problemes = list(iter_erreurs_regles(catalogue, _ecrire(tmp_path / "r", regle)))
    assert [(p.champ, p.code) for p in problemes] == attendus


@pytest.mark.parametrize("condition_fautive", [False, True])
def test_une_mesure_recommandee_deux_fois_est_dite_meme_quand_la_condition_est_fautive(
    catalogue: Catalogue, tmp_path: Path, condition_fautive: bool
) -> None:
    """Le doublon de mesure est dit une fois, au rang du second, que la règle soit par ailleurs
    valide (la validation le voit) ou refusée pour sa condition (le diagnostic le voit seul)."""
    regle = _base()
    if condition_fautive:
        _si(regle, 0)["op"] = "=>"
    regle["recommande"][2]["mesure"] = regle["recommande"][0]["mesure"]
    problemes = list(iter_erreurs_regles(catalogue, _ecrire(tmp_path / "r", regle)))
    attendus = [("si.tous[0].op", "=>")] if condition_fautive else []
    attendus.append(("recommande[2].mesure", "accompagnement_sous_groupe"))
    assert [(p.champ, p.valeur) for p in problemes] == attendus
    assert problemes[-1].message == "mesure recommandée deux fois par la même règle"
