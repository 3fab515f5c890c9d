"""Les rendus HTML des carnets (``_repr_html_``) : structure, ordre, liens de sources, échappement.

Constat 1 du ticket 11 : rien n'avait de ``_repr_html_`` ; un résultat en dernière ligne de
cellule affichait 92 000 caractères de pydantic.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest

from recommandeur import (
    Acteur,
    ErreurProfil,
    Mesure,
    charger_catalogue,
    couverture,
    et_si,
    pourquoi_pas,
    recommander,
)

from .profils_exemples import EXEMPLE_DU_README

EXEMPLE = EXEMPLE_DU_README


class Arbre(HTMLParser):
    """Un lecteur d'HTML minimal : les éléments ouverts, avec leurs attributs et leur texte."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[dict[str, Any]] = []
        self.pile: list[dict[str, Any]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = {"tag": tag, "attrs": dict(attrs), "texte": "", "parents": list(self.pile)}
        self.elements.append(element)
        if tag not in {"br", "meta"}:
            self.pile.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.pile:
            if self.pile.pop()["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.pile:
            element["texte"] += data

    def tous(self, tag: str, classe: str | None = None) -> list[dict[str, Any]]:
        return [
            e
            for e in self.elements
            if e["tag"] == tag and (classe is None or classe in (e["attrs"].get("class") or ""))
        ]


def _dans(element: dict[str, Any], parent: dict[str, Any]) -> bool:
    return any(p is parent for p in element["parents"])


def test_les_offres_prioritaires_d_abord_dans_l_ordre_avec_badges_et_raisons() -> None:
    reco = recommander(EXEMPLE)
    arbre = Arbre(reco._repr_html_())
    (liste,) = arbre.tous("ol", "prioritaires")
    items = [li for li in arbre.tous("li") if li["parents"] and li["parents"][-1] is liste]
    assert [li["attrs"]["value"] for li in items] == [str(m.rang) for m in reco.prioritaires]
    titres = [e["texte"] for e in arbre.tous("strong") if _dans(e, liste)]
    assert titres == [m.mesure.libelle for m in reco.prioritaires]
    badges = [e["attrs"]["class"] for e in arbre.tous("span", "badge") if _dans(e, liste)]
    niveaux = [c.split()[1] for c in badges if c.split()[1] in {"universel", "cible", "individuel"}]
    assert niveaux == [m.mesure.niveau.value for m in reco.prioritaires]
    a_confirmer = [c for c in badges if "a-confirmer" in c]
    assert len(a_confirmer) == sum(m.presence.value == "inconnue" for m in reco.prioritaires) > 0
    # chaque mesure a ses raisons repliées ; les actions du milieu sont à part
    assert len(arbre.tous("details")) == len(reco.mesures) + len(reco.actions_milieu) + 1
    (actions,) = arbre.tous("ol", "actions-milieu")
    assert [e["texte"] for e in arbre.tous("strong") if _dans(e, actions)] == [
        m.mesure.libelle for m in reco.actions_milieu
    ]


def test_chaque_lien_de_source_mene_a_son_passage_cite() -> None:
    reco = recommander(EXEMPLE)
    arbre = Arbre(reco._repr_html_())
    ancres = {e["attrs"]["id"]: e for e in arbre.tous("dt")}
    liens = [e["attrs"]["href"] for e in arbre.tous("a", "source")]
    assert liens and all(lien.startswith("#") and lien[1:] in ancres for lien in liens)
    catalogue = charger_catalogue()
    passage = catalogue.source("annexe1/individuel/b").passage
    blocs = [e["texte"] for e in arbre.tous("blockquote")]
    assert f"« {passage} »" in blocs


def test_deux_rendus_n_ont_pas_les_memes_ancres() -> None:
    reco = recommander(EXEMPLE)
    premier, second = Arbre(reco._repr_html_()), Arbre(reco._repr_html_())
    ids = {e["attrs"]["id"] for e in premier.tous("dt")}
    assert ids.isdisjoint(e["attrs"]["id"] for e in second.tous("dt"))


def test_la_ligne_de_role_n_est_entre_guillemets_que_si_elle_est_citee() -> None:
    catalogue = charger_catalogue()
    reco = recommander(EXEMPLE)
    html = reco._repr_html_()
    for m in reco.mesures:
        if m.role is None:
            continue
        if catalogue.acteur(m.acteur.id).role_cite:
            assert f"« {m.role} »".replace("'", "&#39;") in html
        else:
            assert f", qui {m.role}".replace("'", "&#39;") in html


def test_tout_est_echappe() -> None:
    catalogue = charger_catalogue()
    piegee = catalogue.mesure("mentorat").model_copy(
        update={"libelle": "<script>alert(1)</script>", "description": "a & b <b>gras</b>"}
    )
    html = piegee._repr_html_()
    assert "<script>alert" not in html and "<b>gras" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "a &amp; b &lt;b&gt;" in html


def _objets() -> list[tuple[str, Any]]:
    catalogue = charger_catalogue()
    profil = {"annees_experience": 2, "ordre": "primaire"}
    reco = recommander(EXEMPLE)
    try:
        recommander({"experience": 1, "ordre": "x"})
    except ErreurProfil as exc:
        erreur = exc
    return [
        ("Recommandation", reco),
        ("MesureRecommandee", reco.mesures[0]),
        ("PourquoiPas", pourquoi_pas(profil, "soutien_ecole_soutenue")),
        ("EtSi", et_si(profil, {"ecole.imse": 9})),
        ("RapportCouverture", couverture()),
        ("Catalogue", catalogue),
        ("Mesure", catalogue.mesure("mentorat")),
        ("Acteur", catalogue.acteur("mentor")),
        ("Profil", reco.profil),
        ("ErreurProfil", erreur),
    ]


@pytest.mark.parametrize(("nom", "objet"), _objets(), ids=[n for n, _ in _objets()])
def test_chaque_objet_a_un_rendu_html_court_sans_repr_brut(nom: str, objet: Any) -> None:
    html = objet._repr_html_()
    assert html.lstrip().startswith("<style>") and 'class="recommandeur' in html
    for brut in ("Recommandation(", "MesureRecommandee(", "Mesure(id=", "Acteur(id=", "Profil("):
        assert brut not in html
    assert len(html) < 60_000
    assert len(repr(objet)) < 400


def test_le_rendu_d_une_erreur_donne_chaque_probleme_et_sa_suggestion() -> None:
    with pytest.raises(ErreurProfil) as erreur:
        recommander({"experience": 1, "ordre": "x"})
    arbre = Arbre(erreur.value._repr_html_())
    lignes = [(e["texte"]) for e in arbre.tous("tr")]
    assert (
        lignes[0] == "experiencechamp inconnu (reçu : 1) ; vouliez-vous dire 'annees_experience' ?"
    )
    assert len(lignes) == 3


def test_le_rendu_d_un_acteur_liste_son_role() -> None:
    acteur = Acteur(
        id="x", libelle="Acteur X", role=("en aidant", "en écoutant"), sources=("cnipe/niveau1",)
    )
    cellules = [e["texte"] for e in Arbre(acteur._repr_html_()).tous("td")]
    assert cellules == ["en aidant", "en écoutant"]
    assert isinstance(charger_catalogue().mesure("mentorat"), Mesure)
