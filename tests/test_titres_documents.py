"""Les documents sources nommés par leur titre court dans tout texte lu (ticket 18, point 9).

Une clé (``cnipe/niveau3``) ou un numéro de document (« (003) ») ne se lit pas à voix haute :
chaque ``[[source]]`` appartient à un ``[[document]]`` qui donne son titre, vérifié au
chargement, et les textes affichés le nomment ; le JSON garde les clés.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from recommandeur import Catalogue, ErreurCatalogue, charger_catalogue, recommander
from recommandeur._vocabulaire.titres import documents, reference, references

from .textes_affiches import (
    echantillon,
    textes_d_une_recommandation,
    textes_des_regles,
    textes_du_catalogue,
)

#: Une clé de source (``annexe1/cible/c``, ``cssps/roles/mentor``) dans un texte.
CLE = re.compile(r"\b(?:annexe1|cnipe|ppc|cssps|programme)/[\w./]+")
#: Un numéro de document nu : « (003) », « 001 : », « 002 dit », « de 004 ».
NUMERO = re.compile(r"(?<![\d,.])\b00[0-4]\b(?![\d,.])")

TITRES = {
    "000_9cba7f605acf9b41.txt": {"la mission du CNIPE"},
    "001_eee18fa9e8195a6b.txt": {
        "l'Annexe 1",
        "le guide de mise en place d'un programme d'insertion",
    },
    "002_b4031a92842589cc.txt": {"les notes sur le modèle du CNIPE"},
    "003_375575ca46760784.txt": {"le rapport du CSSPS (2023)"},
    "004_914e52ab2accb8ce.txt": {"les objectifs de développement professionnel"},
}


def test_chaque_passage_a_le_titre_de_son_document(catalogue: Catalogue) -> None:
    assert catalogue.sources
    for source in catalogue.sources:
        assert source.titre in TITRES[source.fichier], source.cle
    assert catalogue.source("annexe1/universel/a").titre == "l'Annexe 1"
    assert catalogue.source("programme/roles").titre.startswith("le guide")
    assert reference("cnipe/niveau3") == (
        "les notes sur le modèle du CNIPE, niveau 3 : dispositifs de soutien personnalisés"
    )
    assert documents(["cssps/mentorat", "annexe1/cible/a", "cssps/comite"]) == (
        "le rapport du CSSPS (2023) ; l'Annexe 1"
    )
    assert references(["cssps/mentorat", "annexe1/cible/a", "cssps/comite"]) == (
        "le rapport du CSSPS (2023) [Étapes de la mise en œuvre ; Exemple d'un plan de "
        "déploiement d'une école secondaire] ; l'Annexe 1 [besoins selon le profil et le milieu, a)]"
    )


def _ecrire(dossier: Path, avant: str, apres: str) -> None:
    chemin = dossier / "sources.toml"
    texte = chemin.read_text(encoding="utf-8")
    assert avant in texte
    chemin.write_text(texte.replace(avant, apres, 1), encoding="utf-8")


def test_un_passage_sans_document_est_refuse(copie_catalogue: Path) -> None:
    _ecrire(
        copie_catalogue,
        '[[document]]\nfichier = "004_914e52ab2accb8ce.txt"\ntitre = "les objectifs de développement professionnel"\n',
        "",
    )
    with pytest.raises(ErreurCatalogue) as info:
        charger_catalogue(copie_catalogue)
    message = str(info.value)
    assert "[ppc/10.1] champ 'fichier'" in message
    assert "aucun [[document]] ne donne le titre de ce fichier" in message
    assert "'004_914e52ab2accb8ce.txt'" in message


@pytest.mark.parametrize(
    ("avant", "apres", "attendu"),
    [
        ('titre = "la mission du CNIPE"', 'titre = ""', "champ 'titre'"),
        ('titre = "la mission du CNIPE"', 'titre = "000"', "champ 'titre'"),
        ('titre = "la mission du CNIPE"', 'titre = "la mission"\ntitr = "x"', "champ 'titr'"),
        (
            'cles = "annexe1/"\ntitre = "l\'Annexe 1"',
            'titre = "l\'Annexe 1"',
            "document déjà déclaré pour ce fichier",
        ),
    ],
)
def test_un_document_invalide_est_refuse(
    copie_catalogue: Path, avant: str, apres: str, attendu: str
) -> None:
    _ecrire(copie_catalogue, avant, apres)
    with pytest.raises(ErreurCatalogue) as info:
        charger_catalogue(copie_catalogue)
    assert "sources.toml" in str(info.value)
    assert attendu in str(info.value)


def test_ni_cle_ni_numero_dans_le_catalogue_et_les_regles() -> None:
    fautes = [
        (ou, trouve.group())
        for ou, texte in (*textes_du_catalogue(), *textes_des_regles())
        for motif in (CLE, NUMERO)
        for trouve in [motif.search(texte)]
        if trouve
    ]
    assert fautes == []


def test_ni_cle_ni_numero_dans_les_recommandations() -> None:
    fautes = []
    for ident, reco in echantillon():
        for texte in textes_d_une_recommandation(reco):
            lisible = re.sub(r'(?:id|href|data-cle)="[^"]*"', "", texte)  # attributs HTML
            for motif in (CLE, NUMERO):
                if trouve := motif.search(lisible):
                    fautes.append(
                        (
                            ident,
                            trouve.group(),
                            lisible[max(0, trouve.start() - 60) : trouve.end() + 20],
                        )
                    )
    assert fautes == []


def test_le_json_garde_les_cles() -> None:
    reco = recommander({"annees_experience": 0, "ordre": "primaire"})
    donnees = json.loads(reco.model_dump_json())
    cles = {c for m in donnees["mesures"] for motif in m["motifs"] for c in motif["sources"]}
    assert cles and all(CLE.fullmatch(c) for c in cles)
    assert "le rapport du CSSPS (2023)" in reco.mesures[0].justification
