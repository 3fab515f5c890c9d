"""Et si, pour le centre : ``comparer_plans`` et ``recommandeur plan … --mentors … --comparer``.

Les effectifs de ``tests/donnees/effectifs`` (voir ``test_programme.py``) et une personne
mentore, M1, dans l'école A, qui intervient aussi dans l'école C, pour 2 personnes au plus.
À qui le mentorat est offert : t1, t2, t3 (A), t4 (B, sans personne mentore), t5 (C) ; t1 et
t2 (0 et 1 an) l'ont parmi leurs offres à faire d'abord : ils ont les deux places.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recommandeur import Moteur, comparer_plans, planifier
from recommandeur._cli.commande import main

EFFECTIFS = Path(__file__).parent / "donnees" / "effectifs"
ENSEIGNANTS, ECOLES = EFFECTIFS / "enseignants.csv", EFFECTIFS / "ecoles.csv"
MENTORS = EFFECTIFS / "mentors.csv"


def _variante(dossier: Path, liberation: float | None, mentors: str | None) -> Path:
    dossier.mkdir()
    (dossier / "version.toml").write_text('version = "variante"\n', encoding="utf-8")
    if liberation is not None:
        (dossier / "capacite.toml").write_text(
            f'[[capacite]]\nid = "liberation_mentor"\nvaleur = {liberation}\n'
            'origine = "hypothèse du centre"\n',
            encoding="utf-8",
        )
    if mentors is not None:
        (dossier / "mentors.csv").write_text(
            "mentor,ecole,autres_ecoles,capacite\n" + mentors, encoding="utf-8"
        )
    return dossier


def test_l_appariement_des_effectifs_faits_a_la_main() -> None:
    plan = planifier(ENSEIGNANTS, ECOLES, mentors=MENTORS)
    assert plan.appariement is not None
    assert [(p.enseignant, p.mentor) for p in plan.appariement.paires] == [
        ("t1", "M1"),
        ("t2", "M1"),
    ]
    assert [n.enseignant for n in plan.appariement.non_apparies] == ["t3", "t4", "t5"]
    genres = [(a.genre, a.ecole) for a in plan.alertes if a.genre == "non_apparies"]
    assert genres == [("non_apparies", "A"), ("non_apparies", "B"), ("non_apparies", "C")]


def test_une_personne_mentore_de_plus() -> None:
    un = planifier(ENSEIGNANTS, ECOLES, mentors=MENTORS)
    deux = planifier(
        ENSEIGNANTS,
        ECOLES,
        mentors=[
            {"mentor": "M1", "ecole": "A", "autres_ecoles": "C", "capacite": 2},
            {"mentor": "M2", "ecole": "B", "capacite": 2},
        ],
    )
    c = comparer_plans(un, deux)
    assert (c.ligne("personnes non appariées").a, c.ligne("personnes non appariées").b) == (3, 2)
    assert c.ligne("personnes appariées").ecart == 1
    assert c.ligne("places de mentorat (capacité)").ecart == 2
    assert c.ligne("coût : Compensation des personnes mentores").ecart == 1600
    assert c.ligne("coût : Libération des personnes mentores").ecart == 0.2 * 90_000
    assert [(e.ecole, e.non_apparies_a, e.non_apparies_b) for e in c.ecoles] == [("B", 1, 0)]
    texte = str(c)
    assert "personnes non appariées" in texte and "École B : 1 → 0" in texte
    assert "Service des ressources humaines" not in texte  # inchangé : compté, pas montré


def test_un_plan_sans_appariement_se_compare_aussi() -> None:
    c = comparer_plans(
        planifier(ENSEIGNANTS, ECOLES), planifier(ENSEIGNANTS, ECOLES, mentors=MENTORS)
    )
    ligne = c.ligne("personnes non appariées")
    assert (ligne.a, ligne.b, ligne.ecart) == (None, 3, None)
    assert "—" in str(c)


def test_une_autre_part_de_liberation(tmp_path: Path) -> None:
    variante = _variante(tmp_path / "liberation", 0.4, None)
    sans = planifier(ENSEIGNANTS, ECOLES, mentors=[{"mentor": "M1", "ecole": "A"}])
    avec = planifier(
        ENSEIGNANTS,
        ECOLES,
        mentors=[{"mentor": "M1", "ecole": "A"}],
        moteur=Moteur.depuis(surcouche=variante),
    )
    c = comparer_plans(sans, avec)
    assert c.ligne("heures disponibles : Personne mentore de l'école").b == 0.4 * 1280
    places = c.ligne("places de mentorat (capacité)")
    assert places.a is not None and places.b is not None and places.b > places.a


def test_la_commande_compare_une_variante(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    variante = _variante(tmp_path / "variante", 0.3, "M2,B,,2\n")
    code = main(
        [
            "plan",
            str(ENSEIGNANTS),
            "--ecoles",
            str(ECOLES),
            "--mentors",
            str(MENTORS),
            "--comparer",
            str(variante),
            "--processus",
            "1",
            "--sans-progression",
        ]
    )
    assert code == 0
    sortie = capsys.readouterr().out
    assert (
        "Appariement : 2 personne(s) appariée(s) à 1 personne(s) mentore(s) nommée(s), 3 sans"
        in sortie
    )
    ligne = next(x for x in sortie.splitlines() if x.startswith("personnes non appariées"))
    assert ligne.split()[-3:] == ["3", "2", "-1"]
    assert "École B : 1 → 0" in sortie


def test_la_commande_dit_les_fautes_du_fichier_des_mentors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mentors = tmp_path / "mentors.csv"
    mentors.write_text("mentor;ecole;capacite\nM1;Z;3\nM2;A;beaucoup\n", encoding="utf-8")
    code = main(
        ["plan", str(ENSEIGNANTS), "--ecoles", str(ECOLES), "--mentors", str(mentors), "--verifier"]
    )
    assert code == 2
    erreur = capsys.readouterr().err
    assert (
        "mentors.csv : [ligne 2] champ 'ecole' : école inconnue du fichier des écoles (reçu : 'Z')"
        in erreur
    )
    assert "mentors.csv : [ligne 3] champ 'capacite'" in erreur
