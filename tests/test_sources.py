"""Traçabilité : les passages des sources sont des données, bien formées, et l'Annexe 1 est citée en entier."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from recommandeur import Catalogue, ErreurCatalogue, ErreurInconnu, Moteur, charger_catalogue

_FORME = re.compile(
    r"^(annexe1/(universel/[a-g]|cible/[a-h]|individuel/[a-d])"
    r"|programme/[a-z_]+"
    r"|cnipe/(niveau[123]|mission|axe[1-4]|rai)"
    r"|ppc/10\.[123](/[a-z_]+)?"
    r"|cssps/roles/[a-z_]+"
    r"|cssps/demarche/0[1-9]"  # les étapes numérotées de la démarche du CSSPS
    r"|cssps/[a-z_]+(/[a-z_]+)?)$"
)
SEEDS = {
    "000_9cba7f605acf9b41.txt",
    "001_eee18fa9e8195a6b.txt",
    "002_b4031a92842589cc.txt",
    "003_375575ca46760784.txt",
    "004_914e52ab2accb8ce.txt",
}


def _annexe1(catalogue: Catalogue) -> list[str]:
    return [c for c in catalogue.cles_sources if c.startswith("annexe1/")]


def test_toutes_les_cles_livrees_sont_bien_formees(catalogue: Catalogue) -> None:
    assert [cle for cle in catalogue.cles_sources if not _FORME.match(cle)] == []


def test_l_annexe_1_compte_19_items(catalogue: Catalogue) -> None:
    cles = _annexe1(catalogue)
    assert len(cles) == 19
    assert sum(k.startswith("annexe1/universel/") for k in cles) == 7
    assert sum(k.startswith("annexe1/cible/") for k in cles) == 8
    assert sum(k.startswith("annexe1/individuel/") for k in cles) == 4


def test_chaque_cle_designe_un_fichier_source(catalogue: Catalogue) -> None:
    assert {s.fichier for s in catalogue.sources} == SEEDS
    assert catalogue.source("cssps/roles/conseiller_pedagogique").fichier == (
        "003_375575ca46760784.txt"
    )


def test_cles_citees_par_le_catalogue_et_les_regles(catalogue: Catalogue, moteur: Moteur) -> None:
    citees = [s for m in catalogue.mesures for s in m.sources]
    citees += [s for a in catalogue.acteurs for s in a.sources]
    citees += [s for r in moteur.regles for s in r.sources]
    assert citees
    assert [c for c in citees if c not in catalogue.cles_sources] == []


def test_les_19_items_de_l_annexe_1_sont_cites_par_le_catalogue(catalogue: Catalogue) -> None:
    citees = {s for m in catalogue.mesures for s in m.sources}
    assert set(_annexe1(catalogue)) - citees == set()


def test_chaque_role_du_cssps_est_un_acteur(catalogue: Catalogue) -> None:
    roles = {k.removeprefix("cssps/roles/") for k in catalogue.cles_sources if "/roles/" in k}
    roles.discard("mentore")  # la personne mentorée est la destinataire, pas une actrice
    assert roles - set(catalogue.ids_acteurs) == set()


def test_cle_inconnue_suggere_la_plus_proche(catalogue: Catalogue) -> None:
    with pytest.raises(ErreurInconnu) as info:
        catalogue.source("cnipe/mision")
    assert (
        str(info.value)
        == "clé de source inconnue 'cnipe/mision' ; vouliez-vous dire 'cnipe/mission' ?"
    )
    assert info.value.suggestions == ("cnipe/mission",)


def test_source_repetee_dans_un_dossier(copie_catalogue: Path) -> None:
    fichier = copie_catalogue / "sources.toml"
    fichier.write_text(
        fichier.read_text(encoding="utf-8")
        + '\n[[source]]\ncle = "cnipe/niveau3"\nfichier = "x.txt"\npassage = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(ErreurCatalogue) as info:
        charger_catalogue(copie_catalogue)
    assert str(info.value) == (
        "sources.toml : [cnipe/niveau3] champ 'cle' : clé de source déjà définie dans "
        "sources.toml (reçu : 'cnipe/niveau3')"
    )


def test_un_catalogue_sans_sources_cite_les_passages_livres(tmp_path: Path) -> None:
    dossier = tmp_path / "catalogue"
    dossier.mkdir()
    (dossier / "c.toml").write_text(
        'version = "t"\n[[acteur]]\nid = "a"\nlibelle = "A"\nrole = ["r"]\n'
        'sources = ["cnipe/niveau1"]\n',
        encoding="utf-8",
    )
    catalogue = charger_catalogue(dossier)
    assert catalogue.source("cnipe/niveau1").fichier == "002_b4031a92842589cc.txt"


# --- Les citations « » : exactes, et tirées d'un passage que l'élément cite ------------------

RACINE = Path(__file__).resolve().parents[1]
GRAINES = RACINE.parent / "shared" / "seeds"
_GUILLEMETS = re.compile(r"«\s*(.*?)\s*»", re.S)


def _norme(texte: str) -> str:
    """Le texte à la typographie près : apostrophes droites, espaces (insécables) réduites."""
    texte = texte.replace("’", "'").replace("‘", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", texte).strip()


def _citations(texte: str) -> list[str]:
    return [_norme(c) for c in _GUILLEMETS.findall(texte)]


def _toml(dossier: str) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f.name, tomllib.loads(f.read_text(encoding="utf-8")))
        for f in sorted((RACINE / dossier).glob("*.toml"))
    ]


def _textes_cites(catalogue: Catalogue, cles: set[str]) -> list[str]:
    """Ce que citent ces clés : leurs passages, et les lignes recopiées des rôles qu'elles appuient."""
    textes = [_norme(catalogue.source(c).passage) for c in cles]
    textes += [
        _norme(ligne)
        for a in catalogue.acteurs
        if a.role_cite and cles & set(a.sources)
        for ligne in a.role
    ]
    return textes


def _citations_livrees(catalogue: Catalogue) -> list[tuple[str, str, set[str]]]:
    """Chaque citation des mesures, des acteurs et des règles : (où, citation, clés citées là)."""
    trouvees: list[tuple[str, str, set[str]]] = []
    for m in catalogue.mesures:
        for texte in (m.libelle, m.description):
            trouvees += [(f"mesure {m.id}", c, set(m.sources)) for c in _citations(texte)]
    for a in catalogue.acteurs:
        for ligne in a.role:
            trouvees += [(f"acteur {a.id}", c, set(a.sources)) for c in _citations(ligne)]
    for nom, donnees in _toml("regles"):
        for r in donnees.get("regle", []):
            cles = set(r["sources"])
            trouvees += [(f"{nom} [{r['id']}]", c, cles) for c in _citations(r["justification"])]
            for p in r["recommande"]:
                propres = set(p.get("sources", r["sources"])) | set(
                    catalogue.mesure(p["mesure"]).sources
                )
                trouvees += [
                    (f"{nom} [{r['id']}] {p['mesure']}", c, propres)
                    for c in _citations(p.get("pourquoi", ""))
                ]
    return trouvees


def test_chaque_citation_vient_d_un_passage_que_l_element_cite(catalogue: Catalogue) -> None:
    citations = _citations_livrees(catalogue)
    assert len(citations) > 100
    hors = [
        (ou, c)
        for ou, c, cles in citations
        if not any(c in texte for texte in _textes_cites(catalogue, cles))
    ]
    assert hors == []


def test_une_citation_inventee_est_vue(catalogue: Catalogue) -> None:
    (mesure,) = [m for m in catalogue.mesures if m.id == "personne_neutre"]
    assert not any(
        "possibility of talking to someone neutral" in t
        for t in _textes_cites(catalogue, set(mesure.sources))
    )
    assert "possibility of speaking to a neutral person" in " ".join(
        _textes_cites(catalogue, set(mesure.sources))
    )


@pytest.fixture(scope="module")
def graines() -> dict[str, str]:
    if not GRAINES.is_dir():
        pytest.skip(f"documents sources absents ({GRAINES})")
    return {f.name: _norme(f.read_text(encoding="utf-8")) for f in GRAINES.glob("*.txt")}


def test_chaque_passage_figure_dans_son_document(
    catalogue: Catalogue, graines: dict[str, str]
) -> None:
    absents = [s.cle for s in catalogue.sources if _norme(s.passage) not in graines[s.fichier]]
    assert absents == []


def test_les_roles_recopies_figurent_dans_un_document_de_l_acteur(
    catalogue: Catalogue, graines: dict[str, str]
) -> None:
    absents = [
        (a.id, ligne)
        for a in catalogue.acteurs
        if a.role_cite
        for ligne in a.role
        if not any(_norme(ligne) in graines[catalogue.source(c).fichier] for c in a.sources)
    ]
    assert absents == []


def test_toute_citation_livree_figure_dans_les_documents(graines: dict[str, str]) -> None:
    corpus = " ".join(graines.values())
    citations = [
        (nom, c)
        for dossier in ("regles", "catalogue")
        for nom, donnees in _toml(dossier)
        for texte in _chaines(donnees)
        for c in _citations(texte)
    ]
    assert len(citations) > 150
    assert [(nom, c) for nom, c in citations if c not in corpus] == []


def _chaines(valeur: object) -> list[str]:
    if isinstance(valeur, str):
        return [valeur]
    if isinstance(valeur, dict):
        return [s for v in valeur.values() for s in _chaines(v)]
    if isinstance(valeur, list):
        return [s for v in valeur for s in _chaines(v)]
    return []


def test_les_textes_affiches_ne_mettent_entre_guillemets_que_des_citations(
    catalogue: Catalogue,
) -> None:
    from recommandeur import pourquoi_pas, recommander

    personas = tomllib.loads(
        (Path(__file__).parent / "donnees" / "personas.toml").read_text(encoding="utf-8")
    )["persona"]
    cites = [_norme(s.passage) for s in catalogue.sources]
    cites += [_norme(ligne) for a in catalogue.acteurs if a.role_cite for ligne in a.role]
    hors: set[str] = set()
    for persona in personas:
        reco = recommander(persona["profil"])
        textes = [reco.texte(details=True), pourquoi_pas(persona["profil"], "mentorat").texte()]
        for texte in textes:
            hors |= {c for c in _citations(texte) if not any(c in t for t in cites)}
    assert hors == set()
