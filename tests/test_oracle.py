"""Le moteur contre l'oracle des sources : les règles telles qu'écrites, évaluées sans le compilateur.

Le test différentiel d'avant comparait durable-rules à l'évaluateur de référence sur la forme
*compilée* : une faute du compilateur ou de la mise à plat en fait passait inaperçue. Ici,
l'oracle (:mod:`tests.oracle`) lit les conditions brutes du TOML et les valeurs dans le
profil ; le moteur doit déclencher exactement les mêmes règles, pour la base livrée et pour
des bases générées.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, reject, settings
from hypothesis import strategies as st

from recommandeur import Catalogue, ErreurRegle, Moteur, Profil, moteur_par_defaut
from recommandeur._base.fichiers import dossier_livre
from recommandeur._catalogue.chargement import charger_catalogue

from . import oracle

CATALOGUE = charger_catalogue()
MESURES = list(CATALOGUE.ids_mesures)

# Des valeurs près des seuils : chaque comparaison est essayée juste en dessous, sur et au-dessus.
ANNEES = [0, 1, 2, 3, 5, 6, 7, 8, 15]
IMSE = [None, 1, 5, 7, 8, 9, 10]
PARTS = [None, 0.0, 0.2996, 0.29996, 0.3, 0.3001, 0.45, 1.0]
ENTIERS = {
    "annees_experience": ANNEES,
    "affectation.nb_ecoles": [1, 2, 3],
    "ecole.imse": [v for v in IMSE if v is not None],
    "ecole.nb_batiments": [1, 2, 3],
    "nb_mesures_recues": [0, 1, 2],
    "nb_mesures_inefficaces": [0, 1, 2],
}
BOOLEENS = [
    "formation_hors_quebec",
    "signaux_de_detresse",
    "affectation.partage_de_tache",
    "affectation.specialiste",
    "affectation.nouveau_dans_l_ecole",
    "ecole.region_eloignee",
    "ecole.mentor_dans_l_ecole",
]
CHOIX = {
    "ordre": ["prescolaire", "primaire", "secondaire", "formation_professionnelle"],
    "statut": ["suppleance", "contrat", "permanent"],
    "qualification": ["legalement_qualifie", "en_voie_de_qualification", "non_legalement_qualifie"],
}
BESOINS = ["gestion_de_classe", "planification", "bien_etre", "numerique"]
INTENSITES = ["aucune", "faible", "moderee", "elevee"]


def _profils() -> st.SearchStrategy[Profil]:
    recues = st.lists(
        st.fixed_dictionaries({"mesure": st.sampled_from(MESURES), "efficace": st.booleans()}),
        max_size=3,
        unique_by=lambda r: r["mesure"],
    )
    return st.fixed_dictionaries(
        {
            "annees_experience": st.sampled_from(ANNEES),
            "ordre": st.sampled_from(CHOIX["ordre"]),
            "statut": st.sampled_from(CHOIX["statut"]),
            "qualification": st.sampled_from(CHOIX["qualification"]),
            "formation_hors_quebec": st.booleans(),
            "signaux_de_detresse": st.booleans(),
            "affectation": st.fixed_dictionaries(
                {
                    "partage_de_tache": st.booleans(),
                    "specialiste": st.booleans(),
                    "nouveau_dans_l_ecole": st.booleans(),
                    "nouveau_dans_le_centre": st.booleans(),
                    "nb_ecoles": st.sampled_from([1, 2, 3]),
                }
            ),
            "besoins": st.dictionaries(
                st.sampled_from(BESOINS), st.sampled_from(INTENSITES[1:]), max_size=3
            ),
            "mesures_recues": recues,
            "ecole": st.fixed_dictionaries(
                {
                    "imse": st.sampled_from(IMSE),
                    "part_novices": st.sampled_from(PARTS),
                    "region_eloignee": st.booleans(),
                    "mentor_dans_l_ecole": st.booleans(),
                    "nb_batiments": st.sampled_from([1, 2, 3]),
                }
            ),
        }
    ).map(Profil.model_validate)


def _comparaisons() -> st.SearchStrategy[dict[str, Any]]:
    ordonnes = ["<", "<=", ">", ">=", "==", "!="]
    entiers = st.sampled_from(sorted(ENTIERS)).flatmap(
        lambda c: st.one_of(
            st.fixed_dictionaries(
                {
                    "champ": st.just(c),
                    "op": st.sampled_from(ordonnes),
                    "valeur": st.sampled_from(ENTIERS[c]),
                }
            ),
            st.fixed_dictionaries(
                {
                    "champ": st.just(c),
                    "op": st.sampled_from(["dans", "hors"]),
                    "valeur": st.lists(st.sampled_from(ENTIERS[c]), min_size=1, max_size=3),
                }
            ),
        )
    )
    parts = st.fixed_dictionaries(
        {
            "champ": st.just("ecole.part_novices"),
            "op": st.sampled_from(ordonnes),
            "valeur": st.sampled_from([0.0, 0.2996, 0.3, 0.45, 1.0]),
        }
    )
    booleens = st.fixed_dictionaries(
        {
            "champ": st.sampled_from(BOOLEENS),
            "op": st.sampled_from(["==", "!="]),
            "valeur": st.booleans(),
        }
    )
    choix = st.sampled_from(sorted(CHOIX)).flatmap(
        lambda c: st.one_of(
            st.fixed_dictionaries(
                {
                    "champ": st.just(c),
                    "op": st.sampled_from(["==", "!="]),
                    "valeur": st.sampled_from(CHOIX[c]),
                }
            ),
            st.fixed_dictionaries(
                {
                    "champ": st.just(c),
                    "op": st.sampled_from(["dans", "hors"]),
                    "valeur": st.lists(st.sampled_from(CHOIX[c]), min_size=1, max_size=3),
                }
            ),
        )
    )
    intensites = st.fixed_dictionaries(
        {
            "champ": st.sampled_from([f"besoins.{b}" for b in BESOINS]),
            "op": st.sampled_from(ordonnes),
            "valeur": st.sampled_from(INTENSITES),
        }
    )
    seuils = st.fixed_dictionaries(
        {"besoin": st.sampled_from(BESOINS), "au_moins": st.sampled_from(INTENSITES[1:])}
    )
    return st.one_of(entiers, parts, booleens, choix, intensites, seuils)


CONDITIONS: st.SearchStrategy[dict[str, Any]] = st.recursive(
    _comparaisons(),
    lambda enfants: st.one_of(
        st.builds(lambda c: {"tous": c}, st.lists(enfants, min_size=1, max_size=3)),
        st.builds(lambda c: {"un_de": c}, st.lists(enfants, min_size=1, max_size=3)),
        st.builds(lambda c: {"non": c}, enfants),
    ),
    max_leaves=5,
)


def toml(valeur: Any) -> str:
    """Une valeur en TOML en ligne (tables en ligne, listes, chaînes, nombres, booléens)."""
    if isinstance(valeur, dict):
        return "{ " + ", ".join(f"{k} = {toml(v)}" for k, v in valeur.items()) + " }"
    if isinstance(valeur, list):
        return "[" + ", ".join(toml(v) for v in valeur) + "]"
    if isinstance(valeur, bool):
        return "true" if valeur else "false"
    if isinstance(valeur, str):
        return json.dumps(valeur, ensure_ascii=False)
    return repr(valeur)


def ecrire_base(dossier: Path, conditions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Écrit une base de règles faites de ces conditions ; renvoie les règles brutes écrites."""
    regles = [
        {
            "id": f"r{i}",
            "titre": f"Règle {i}",
            "si": condition,
            "justification": "Essai.",
            "sources": [CATALOGUE.mesure(MESURES[i % len(MESURES)]).sources[0]],
            "recommande": [{"mesure": MESURES[i % len(MESURES)], "poids": 1}],
        }
        for i, condition in enumerate(conditions)
    ]
    lignes = ['version = "oracle"']
    for regle in regles:
        lignes.append("[[regle]]")
        lignes += [f"{cle} = {toml(v)}" for cle, v in regle.items()]
    (dossier / "regles.toml").write_text("\n".join(lignes) + "\n", encoding="utf-8")
    return regles


def _declenchees_par_le_moteur(moteur: Moteur, profil: Profil) -> list[str]:
    return moteur.declencher(moteur.fait(profil))


REGLES_LIVREES = oracle.regles_brutes(Path(str(dossier_livre("regles"))))


@settings(max_examples=400, deadline=None)
@given(_profils())
def test_base_livree_comme_l_oracle(profil: Profil) -> None:
    moteur = moteur_par_defaut()
    attendu = oracle.declenchees(REGLES_LIVREES, profil, moteur.catalogue)
    assert _declenchees_par_le_moteur(moteur, profil) == attendu


@settings(max_examples=120, deadline=None)
@given(st.lists(CONDITIONS, min_size=1, max_size=6), st.lists(_profils(), min_size=1, max_size=6))
def test_bases_generees_comme_l_oracle(
    conditions: list[dict[str, Any]], profils: list[Profil]
) -> None:
    with tempfile.TemporaryDirectory() as dossier:
        regles = ecrire_base(Path(dossier), conditions)
        try:
            moteurs = [
                Moteur.depuis(regles=dossier, evaluateur="durable"),
                Moteur.depuis(regles=dossier, evaluateur="reference"),
            ]
        except ErreurRegle as erreur:
            # la limite documentée (docs/moteur.md) : une condition dont la forme disjonctive
            # dépasse 59 comparaisons est refusée ; « dans » et « non » la font grossir vite
            if "condition trop complexe pour le moteur" not in str(erreur):
                raise
            reject()
    catalogue: Catalogue = moteurs[0].catalogue
    for profil in profils:
        attendu = oracle.declenchees(regles, profil, catalogue)
        for moteur in moteurs:
            assert _declenchees_par_le_moteur(moteur, profil) == attendu, (
                moteur.evaluateur,
                [r["si"] for r in regles],
            )
