"""L'architecture : couches sans cycle (importations locales comprises), modules courts, rendus fournis."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from recommandeur._base.rendus import Rendu, RenduNonFourni

PAQUET = Path(__file__).resolve().parents[1] / "src" / "recommandeur"
LIGNES_MAX = 300

_spec = importlib.util.spec_from_file_location(
    "architecture", Path(__file__).resolve().parents[1] / "outils" / "architecture.py"
)
assert _spec is not None and _spec.loader is not None
architecture = importlib.util.module_from_spec(_spec)
sys.modules["architecture"] = architecture
_spec.loader.exec_module(architecture)


def _paquet_fictif(racine: Path, fichiers: dict[str, str]) -> Path:
    paquet = racine / "fictif"
    for chemin, texte in {"__init__.py": "", **fichiers}.items():
        fichier = paquet / chemin
        fichier.parent.mkdir(parents=True, exist_ok=True)
        fichier.write_text(textwrap.dedent(texte), encoding="utf-8")
    return paquet


def test_aucun_cycle_d_importation_meme_dans_les_fonctions() -> None:
    cycles = architecture.cycles(architecture.graphe_des_importations())
    assert cycles == [], "cycles d'importation (importations locales comprises) :\n" + "\n".join(
        " → ".join(c) for c in cycles
    )


def test_un_cycle_cache_dans_une_fonction_est_compte(tmp_path: Path) -> None:
    paquet = _paquet_fictif(
        tmp_path,
        {
            "_base/__init__.py": "",
            "_base/erreurs.py": """
                from typing import TYPE_CHECKING
                if TYPE_CHECKING:
                    from .._rendu.types import T
                class E:
                    def _repr_html_(self):
                        from .._rendu.html import html
                        return html(self)
            """,
            "_rendu/__init__.py": "",
            "_rendu/html.py": "from .._base.erreurs import E\n",
            "_rendu/types.py": "from .._base import erreurs\n",
        },
    )
    g = architecture.graphe_des_importations(paquet)
    assert architecture.cycles(g) == [["fictif._base.erreurs", "fictif._rendu.html"]]
    assert architecture.fautes_de_couches(g) == [
        "fictif._base.erreurs (ligne 7) importe fictif._rendu : couche _rendu",
        "fictif._base.erreurs (ligne 7) importe fictif._rendu.html : couche _rendu",
    ]


def test_chaque_couche_n_importe_que_les_couches_permises() -> None:
    fautes = architecture.fautes_de_couches(architecture.graphe_des_importations())
    assert fautes == [], "\n".join(fautes)


def test_chaque_couche_du_code_est_declaree() -> None:
    g = architecture.graphe_des_importations()
    assert {architecture.couche(m) for m in g} == set(architecture.ORDRE)


@pytest.mark.parametrize(
    ("couche", "jamais"),
    [
        ("_base", {"_vocabulaire", "_profil", "_rendu", "_programme"}),
        ("_profil", {"_catalogue", "_langage", "_rendu", "_moteur"}),
        ("_langage", {"_rendu", "_moteur", "_recommandation"}),
        ("_rendu", {"_moteur", "_recommandation", "_analyse", "_suivi", "_programme"}),
        ("_analyse", {"_moteur", "_recommandation", "_programme"}),
        ("_recommandation", {"_analyse", "_suivi", "_programme", "_cli"}),
        ("_programme", {"_analyse", "_cli"}),
    ],
)
def test_les_interdits_qui_comptent(couche: str, jamais: set[str]) -> None:
    """Épinglés à la main : la table des couches ne peut pas les perdre sans qu'un test échoue."""
    assert not (architecture.permises(couche) & jamais)


def test_la_partie_generee_de_la_page_est_celle_du_code() -> None:
    texte = architecture.PAGE.read_text(encoding="utf-8")
    assert architecture.page_regeneree(texte) == texte, (
        "docs/architecture.md diffère du code : relancer `python outils/architecture.py`"
    )


def test_chaque_emplacement_de_rendu_est_fourni() -> None:
    import recommandeur

    emplacements = []
    for info in pkgutil.walk_packages(recommandeur.__path__, "recommandeur."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        emplacements += [
            (info.name, nom, v) for nom, v in vars(module).items() if isinstance(v, Rendu)
        ]
    assert len(emplacements) >= 15
    assert [(m, n) for m, n, r in emplacements if not r.fourni] == []


def test_un_emplacement_non_fourni_le_dit() -> None:
    texte: Rendu[[int], str] = Rendu("texte d'un nombre", "recommandeur._rendu.rendus")
    with pytest.raises(
        RenduNonFourni,
        match=r"rendu « texte d'un nombre » non fourni : le module "
        r"recommandeur\._rendu\.rendus le fournit",
    ):
        texte(1)
    assert texte.fournir(str) is str
    assert texte(1) == "1"
    assert repr(texte) == "<Rendu « texte d'un nombre » fourni>"


def test_modules_courts() -> None:
    longs = {
        f.relative_to(PAQUET).as_posix(): n
        for f in PAQUET.rglob("*.py")
        if (n := len(f.read_text(encoding="utf-8").splitlines())) > LIGNES_MAX
    }
    assert longs == {}


def test_langage_et_analyse_sans_durable() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["durable"] = None
        sys.modules["durable_rules_engine"] = None
        import recommandeur
        from recommandeur import (ErreurMoteur, Moteur, charger_catalogue, charger_regles,
                                  couverture, graphe, recommander)
        from recommandeur._analyse.satisfiabilite import satisfiable
        cat = charger_catalogue()
        base = charger_regles(cat)
        assert all(satisfiable(r.condition) for r in base.regles)
        assert couverture().non_expliques == []
        assert graphe().number_of_nodes() > 50
        reference = Moteur.depuis(evaluateur="reference")
        assert recommander({"annees_experience": 1, "ordre": "primaire"}, moteur=reference).mesures
        try:
            recommander({"annees_experience": 1, "ordre": "primaire"})
        except ErreurMoteur as exc:
            print(exc)
        assert "durable" not in sys.modules or sys.modules["durable"] is None
        """
    )
    resultat = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stdout.startswith(
        "moteur de règles : durable-rules ne peut pas être importé (import of "
        "durable_rules_engine halted; None in sys.modules) ; l'installer"
    )


def test_chaque_modele_s_affiche_par_sa_fonction_de_rendu() -> None:
    """Chaque emplacement est rempli par la bonne fonction (pas seulement par une fonction)."""
    from recommandeur import ErreurProfil, Profil, charger_catalogue, recommander
    from recommandeur._catalogue.modeles import passages_connus
    from recommandeur._rendu import catalogue as textes
    from recommandeur._rendu import html

    profil = Profil(
        annees_experience=1,
        ordre="primaire",
        mesures_recues=[{"mesure": "mentorat", "efficace": False}],
    )
    assert str(profil) == (
        "Profil : 1 an d'expérience, primaire, contrat, légalement qualifié·e\n"
        "Besoins : aucun déclaré"
    )
    assert str(profil.mesures_recues[0]) == "mentorat : reçue, sans l'effet attendu"

    def sans_ids(x: str) -> str:  # chaque rendu HTML numérote ses ancres (rec1-, rec2-, ...)
        return re.sub(r"\brec\d+", "rec", x)

    assert sans_ids(profil._repr_html_()) == sans_ids(html.html_profil(profil))
    cat = charger_catalogue()
    mesure, acteur = cat.mesures[0], cat.acteurs[0]
    assert (str(mesure), str(acteur), str(cat)) == (
        textes.texte_mesure(mesure),
        textes.texte_acteur(acteur),
        textes.texte_catalogue(cat),
    )
    assert sans_ids(mesure._repr_html_()) == sans_ids(html.html_mesure(mesure, passages_connus()))
    assert sans_ids(acteur._repr_html_()) == sans_ids(html.html_acteur(acteur, passages_connus()))
    assert sans_ids(cat._repr_html_()) == sans_ids(html.html_catalogue(cat))
    with pytest.raises(ErreurProfil) as erreur:
        recommander({"annees_experience": "x"})
    assert sans_ids(erreur.value._repr_html_()) == sans_ids(html.html_erreur(erreur.value))
