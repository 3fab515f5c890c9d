"""« Que faudrait-il ? » : comparé à l'énumération exhaustive sur de petites bases faites à la main."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from recommandeur import (
    Catalogue,
    ErreurArgument,
    ErreurInconnu,
    Moteur,
    Profil,
    QueFaudraitIl,
    que_faudrait_il,
    recommander,
)
from recommandeur._recommandation.leviers import ORDRE_INTENSITES, appliquer

#: Deux petites bases : (mesure, conditions de ses règles).
BASES: dict[str, tuple[str, list[str]]] = {
    "affectation": (
        "rencontre_titulaires_partage_de_tache",
        [
            '{ tous = [ { champ = "affectation.partage_de_tache", op = "==", valeur = true }, '
            '{ champ = "affectation.nb_ecoles", op = ">=", valeur = 3 } ] }',
            '{ tous = [ { besoin = "planification", au_moins = "moderee" }, '
            '{ champ = "affectation.specialiste", op = "==", valeur = true } ] }',
        ],
    ),
    "presence": (
        "mentorat",
        [
            '{ un_de = [ { champ = "affectation.nouveau_dans_l_ecole", op = "==", valeur = true }, '
            '{ besoin = "bien_etre", au_moins = "elevee" } ] }',
            '{ tous = [ { champ = "nb_mesures_inefficaces", op = ">=", valeur = 1 }, '
            '{ non = { champ = "ecole.pane", op = "==", valeur = true } } ] }',
        ],
    ),
}

PROFILS: list[dict[str, Any]] = [
    {"annees_experience": 1, "ordre": "primaire"},
    {
        "annees_experience": 2,
        "ordre": "secondaire",
        "affectation": {"partage_de_tache": True, "nb_ecoles": 3},
        "besoins": {"planification": "faible", "bien_etre": "moderee"},
        "ecole": {"mentor_dans_l_ecole": False, "pane": True},
        "mesures_recues": [{"mesure": "webinaire", "efficace": True}],
    },
    {
        "annees_experience": 0,
        "ordre": "primaire",
        "affectation": {"nouveau_dans_l_ecole": True, "specialiste": True},
        "ecole": {"mentor_dans_l_ecole": True},
        "mesures_recues": [{"mesure": "webinaire", "efficace": False}],
    },
]


def _base(catalogue: Catalogue, dossier: Path, nom: str) -> Moteur:
    mesure, conditions = BASES[nom]
    source = catalogue.mesure(mesure).sources[0]
    dossier.mkdir()
    (dossier / "version.toml").write_text('version = "essai"\n', encoding="utf-8")
    texte = "".join(
        f'[[regle]]\nid = "r{i}"\ntitre = "Règle {i}"\nsi = {si}\njustification = "x"\n'
        f'sources = ["{source}"]\nrecommande = [{{ mesure = "{mesure}", poids = 1 }}]\n'
        for i, si in enumerate(conditions, start=1)
    )
    (dossier / "regles.toml").write_text(texte, encoding="utf-8")
    return Moteur.depuis(regles=dossier)


@pytest.fixture(scope="module", params=sorted(BASES))
def base(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue
) -> tuple[str, Moteur]:
    nom = request.param
    return BASES[nom][0], _base(catalogue, tmp_path_factory.mktemp(nom) / "regles", nom)


def _domaine(champ: str, actuelle: Any) -> list[Any]:
    """Tout le domaine d'un levier (pas seulement les représentants de régions)."""
    if champ.startswith("besoins."):
        return list(ORDRE_INTENSITES)
    if champ == "affectation.nb_ecoles":
        return list(range(1, 21))
    return list(dict.fromkeys([actuelle, True, False]))


def _actuelle(donnees: dict[str, Any], champ: str) -> Any:
    if champ.startswith("mesures_recues["):
        return donnees["mesures_recues"][int(champ[15])]["efficace"]
    table, nom = champ.split(".", 1)
    if table == "besoins":
        return donnees["besoins"].get(nom, "aucune")
    return donnees[table][nom]


def _oracle(
    moteur: Moteur, profil: dict[str, Any], mesure: str, leviers: list[str], retirer: bool
) -> set[frozenset[str]]:
    """Les ensembles minimaux de leviers changés, par énumération de tout le domaine."""
    donnees = Profil.model_validate(profil).model_dump(mode="json")
    actuelles = {c: _actuelle(donnees, c) for c in leviers}
    qui_marchent: set[frozenset[str]] = set()
    for valeurs in itertools.product(*(_domaine(c, actuelles[c]) for c in leviers)):
        changes = [(c, v) for c, v in zip(leviers, valeurs, strict=True) if v != actuelles[c]]
        if not changes:
            continue
        try:
            reco = recommander(appliquer(donnees, changes), moteur=moteur)
        except ValidationError:
            continue
        presente = mesure in {m.mesure.id for m in (*reco.mesures, *reco.actions_milieu)}
        if presente != retirer:
            qui_marchent.add(frozenset(c for c, _ in changes))
    return {s for s in qui_marchent if not any(autre < s for autre in qui_marchent)}


@pytest.mark.parametrize("retirer", [False, True])
@pytest.mark.parametrize("rang", range(len(PROFILS)))
def test_egal_a_l_enumeration_exhaustive(
    base: tuple[str, Moteur], rang: int, retirer: bool
) -> None:
    mesure, moteur = base
    profil = PROFILS[rang]
    reponse = que_faudrait_il(profil, mesure, retirer=retirer, changements_max=5, moteur=moteur)
    trouvees = {frozenset(c.champ for c in s.changements) for s in reponse.solutions}
    if reponse.deja:
        assert trouvees == set()
        reco = recommander(profil, moteur=moteur)
        presente = mesure in {m.mesure.id for m in (*reco.mesures, *reco.actions_milieu)}
        assert presente != retirer
        return
    assert trouvees == _oracle(moteur, profil, mesure, reponse.leviers, retirer)
    # chaque solution, appliquée, fait ce qu'elle dit, et nomme les règles en jeu
    donnees = Profil.model_validate(profil).model_dump(mode="json")
    for solution in reponse.solutions:
        apres = recommander(
            appliquer(donnees, [(c.champ, c.apres) for c in solution.changements]), moteur=moteur
        )
        ids = {m.mesure.id for m in (*apres.mesures, *apres.actions_milieu)}
        assert (mesure in ids) != retirer
        if not retirer:
            assert set(solution.regles) <= set(apres.regles_declenchees)
            assert solution.regles


def test_les_leviers_sont_ceux_des_regles_et_des_intervenants(base: tuple[str, Moteur]) -> None:
    mesure, moteur = base
    reponse = que_faudrait_il(PROFILS[1], mesure, moteur=moteur)
    attendus = {
        "rencontre_titulaires_partage_de_tache": [
            "affectation.nb_ecoles",
            "affectation.partage_de_tache",
            "affectation.specialiste",
            "besoins.planification",
            "mesures_recues[0].efficace",
        ],
        "mentorat": [
            "affectation.nouveau_dans_l_ecole",
            "besoins.bien_etre",
            "ecole.mentor_dans_l_ecole",
            "ecole.pane",
            "mesures_recues[0].efficace",
        ],
    }
    assert reponse.leviers == attendus[mesure]


def test_texte_exact_sur_une_petite_base(catalogue: Catalogue, tmp_path: Path) -> None:
    mesure = "rencontre_titulaires_partage_de_tache"
    moteur = _base(catalogue, tmp_path / "regles", "affectation")
    reponse = que_faudrait_il(PROFILS[0], mesure, moteur=moteur)
    assert reponse.texte() == (
        "Pour que “Réunir les titulaires et les personnes qui ont une tâche partagée” soit "
        "recommandée, il suffirait de l'un de ces changements :\n"
        "1. nombre d'écoles où la personne enseigne : 1 → 3 ; tâche partagée entre plusieurs "
        "fonctions ou groupes : non → oui\n"
        "   (se déclencherait : r1)\n"
        "2. enseignante ou enseignant spécialiste (arts, éducation physique, langue seconde…) : "
        "non → oui ; besoin « planification » réévalué : non déclaré → modérée\n"
        "   (se déclencherait : r2)"
    )
    html = reponse._repr_html_()
    assert "Que faudrait-il pour recommander" in html and "<ol" in html
    assert repr(reponse).startswith("<QueFaudraitIl rencontre_titulaires_partage_de_tache : 2")


def test_deja_recommandee_et_rien_a_retirer(moteur: Moteur) -> None:
    profil = {"annees_experience": 1, "ordre": "primaire"}
    deja = que_faudrait_il(profil, "mentorat")
    assert deja.deja and deja.solutions == []
    assert deja.texte() == "“Mentorat par une personne mentore du milieu” est déjà recommandée."
    absente = que_faudrait_il(profil, "soutien_ecole_soutenue", retirer=True)
    assert absente.deja and "rien à retirer" in absente.texte()


def test_retirer_par_l_absence_de_l_intervenant() -> None:
    reponse = que_faudrait_il(
        {"annees_experience": 1, "ordre": "primaire"}, "mentorat", retirer=True
    )
    (solution,) = [s for s in reponse.solutions if len(s.changements) == 1][:1]
    assert [(c.champ, c.avant, c.apres) for c in solution.changements] == [
        ("ecole.mentor_dans_l_ecole", None, False)
    ]
    assert solution.ecartee is not None and "absent" in solution.ecartee


def test_erreurs_claires() -> None:
    with pytest.raises(ErreurInconnu, match="vouliez-vous dire 'mentorat'"):
        que_faudrait_il({"annees_experience": 1, "ordre": "primaire"}, "mentora")
    mauvais: Any
    for mauvais in (0, 6, True, "3"):
        with pytest.raises(ErreurArgument, match="changements_max"):
            que_faudrait_il(
                {"annees_experience": 1, "ordre": "primaire"}, "mentorat", changements_max=mauvais
            )


def test_aller_retour_json_et_pickle() -> None:
    import pickle

    reponse = que_faudrait_il({"annees_experience": 2, "ordre": "primaire"}, "visite_classe_pair")
    assert QueFaudraitIl.model_validate_json(reponse.model_dump_json()) == reponse
    assert pickle.loads(pickle.dumps(reponse)) == reponse
    assert str(reponse.solutions[0].changements[0]) == reponse.solutions[0].changements[0].texte


def test_ligne_de_commande(tmp_path: Path) -> None:
    profil = tmp_path / "p.json"
    profil.write_text('{"annees_experience": 2, "ordre": "primaire"}', encoding="utf-8")
    texte = subprocess.run(
        [
            sys.executable,
            "-m",
            "recommandeur",
            "que-faudrait-il",
            str(profil),
            "rencontre_titulaires_partage_de_tache",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert texte.returncode == 0, texte.stderr
    assert (
        texte.stdout.splitlines()[1]
        == "1. tâche partagée entre plusieurs fonctions ou groupes : non → oui"
    )
    en_json = subprocess.run(
        [
            sys.executable,
            "-m",
            "recommandeur",
            "que-faudrait-il",
            str(profil),
            "mentorat",
            "--retirer",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert en_json.returncode == 0, en_json.stderr
    donnees = json.loads(en_json.stdout)
    assert donnees["retirer"] is True and donnees["solutions"]
    faute = subprocess.run(
        [sys.executable, "-m", "recommandeur", "que-faudrait-il", str(profil), "mentora"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert faute.returncode == 2
    assert "vouliez-vous dire 'mentorat'" in faute.stderr and "Traceback" not in faute.stderr
