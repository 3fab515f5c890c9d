"""Le plan d'un centre et son rapport nomment les documents par leur titre court (ticket 18, point 9).

Balayés : le résumé imprimé, la page HTML (plan avec et sans la partie confidentielle), chaque
fichier CSV et le JSON, pour les effectifs d'essai et ceux de l'exemple. Aucun numéro de
document nu (« (003) », « 003 ne donne pas de plafond », « (001) ») ; et l'arrivée se dit
sans accord d'un seul genre (« arrivée dans l'école », pas « nouvelle dans l'école »).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from recommandeur import Plan, planifier

RACINE = Path(__file__).resolve().parents[1]
EFFECTIFS = {
    "essai": RACINE / "tests" / "donnees" / "effectifs",
    "exemple": RACINE / "exemples" / "effectifs",
}
#: Un numéro de document nu ; un identifiant (« É001 », « p-001 ») n'en est pas un.
NUMERO = re.compile(r"(?<![\w/.,-])(?<!\d[ \u202f\u00a0])00[0-4](?![\w.,-])")


def numeros_nus(texte: str) -> list[str]:
    """Les numéros de document nus d'un texte, avec leur contexte (hors balises HTML).

    >>> numeros_nus("une convention : 003 ne donne pas de plafond ; l'école É001 (001)")
    ['vention : 003 ne donne', 'ole É001 (001)']
    """
    lisible = re.sub(r"<[^>]*>", " ", texte)
    return [
        lisible[max(0, m.start() - 10) : m.end() + 10].strip() for m in NUMERO.finditer(lisible)
    ]


@pytest.fixture(
    scope="module",
    params=[(e, c) for e in sorted(EFFECTIFS) for c in (False, True)],
    ids=lambda p: f"{p[0]}{'-confidentiel' if p[1] else ''}",
)
def plan(request: pytest.FixtureRequest) -> Plan:
    effectifs, confidentiel = request.param
    dossier = EFFECTIFS[effectifs]
    mentors = dossier / "mentors.csv"  # l'appariement : les raisons des paires aussi
    return planifier(
        dossier / "enseignants.csv",
        dossier / "ecoles.csv",
        inclure_confidentiel=confidentiel,
        mentors=mentors if mentors.exists() else None,
    )


def _textes(plan: Plan, dossier: Path) -> list[tuple[str, str]]:
    textes = [
        ("print(plan)", str(plan)),
        ("html", plan.html()),
        ("json", plan.ecrire_json(dossier / "plan.json").read_text(encoding="utf-8")),
    ]
    textes += [(f.name, f.read_text(encoding="utf-8")) for f in plan.ecrire_csv(dossier / "csv")]
    return textes


def test_aucun_numero_de_document_nu_dans_le_plan(plan: Plan, tmp_path: Path) -> None:
    fautes = [(ou, n) for ou, texte in _textes(plan, tmp_path) for n in numeros_nus(texte)]
    assert fautes == []


def _constantes_du_plan() -> list[tuple[str, str]]:
    """Les textes constants des modules du plan (alertes, origines des conventions, libellés)."""
    import importlib
    import pkgutil

    import recommandeur._programme as programme

    constantes = []
    for info in pkgutil.walk_packages(programme.__path__, prefix=f"{programme.__name__}."):
        module = importlib.import_module(info.name)
        court = info.name.rsplit(".", 1)[-1]
        for nom, valeur in vars(module).items():
            if nom.isupper() and isinstance(valeur, str):
                constantes.append((f"{court}.{nom}", valeur))
            elif nom.isupper() and isinstance(valeur, dict):
                constantes += [(f"{court}.{nom}", v) for v in valeur.values() if isinstance(v, str)]
    return constantes


def test_les_textes_constants_du_plan_sans_numero_nu() -> None:
    """Les alertes qu'aucun plan d'essai ne déclenche sont vérifiées sur leurs textes constants."""
    constantes = dict(_constantes_du_plan())
    assert "par_ecole.ORIGINE_MENTORES" in constantes
    assert (
        "le rapport du CSSPS (2023) ne donne pas de plafond"
        in constantes["par_ecole.ORIGINE_MENTORES"]
    )
    fautes = [(ou, n) for ou, texte in constantes.items() for n in numeros_nus(texte)]
    assert fautes == []


def test_l_arrivee_se_dit_sans_accord_d_un_seul_genre(plan: Plan) -> None:
    html = plan.html()
    assert "nouvelle dans l" not in html
    assert "arrivée dans l&#39;école" in html or "arrivée dans l'école" in html
