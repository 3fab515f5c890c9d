"""Le classeur xlsx d'un plan : une feuille par fichier CSV, les en-têtes en français.

Un tableur ouvre le classeur tel quel : une feuille par fichier de :func:`.exports.fichiers_csv`
(écoles, groupes, actions, …), dans le même ordre, avec les mêmes colonnes, chacune sous son
libellé français (:data:`LIBELLES`), la ligne d'en-tête figée. Les nombres restent des nombres ;
une énumération est écrite par son libellé (« universel », « en cours ») ; un texte n'est
jamais une formule (même s'il commence par ``=``). Un plan qui montre la détresse
(``plan.confidentiel``) a d'abord une feuille « Confidentiel » qui le dit.

>>> import io, openpyxl
>>> from recommandeur import planifier
>>> plan = planifier([{"enseignant": "e1", "ecole": "a", "annees_experience": 0,
...                    "ordre": "primaire"}], [{"ecole": "a", "nom": "École A"}])
>>> feuille = openpyxl.load_workbook(io.BytesIO(classeur(plan)))["Écoles"]
>>> [c.value for c in feuille[1]][:3]
['École (identifiant)', 'Nom', 'Enseignants']
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from ..._base.ecriture import ecrire_atomique
from ..._vocabulaire import _Libelle
from ..modeles import Plan
from .confidentiel import AVERTISSEMENT
from .contenus import ORIGINES
from .contenus_mentorat import MOTIFS_NON_APPARIE, ORIGINES_CAPACITE
from .exports import Colonne, fichiers_csv, valeur
from .texte import GENRES_D_ALERTE

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

#: Le libellé français de chaque colonne exportée (les autres : le nom, espaces pour ``_``).
LIBELLES = {
    "a_confirmer": "Présences à confirmer",
    "acteur": "Intervenant (identifiant)",
    "autres_ecoles": "Autres écoles",
    "avec_effet": "Avec effet",
    "besoin": "Besoin",
    "calcul": "Calcul",
    "capacite": "Capacité (personnes)",
    "cycle": "Cycle de l'action",
    "ecole": "École (identifiant)",
    "ecole_mentor": "École de la personne mentore",
    "enseignant": "Personne (identifiant)",
    "etape": "Étape",
    "etp_demandes": "ETP demandés",
    "etp_disponibles": "ETP disponibles",
    "genre": "Genre d'alerte",
    "groupe": "Groupe",
    "groupes": "Groupes",
    "heures": "Heures",
    "heures_demandees": "Heures demandées",
    "heures_disponibles": "Heures disponibles",
    "intentions": "Intentions",
    "liberation": "Libération (part de la tâche)",
    "libelle": "Libellé",
    "membres": "Membres",
    "mentor": "Personne mentore",
    "mentors": "Personnes mentores",
    "message": "Message",
    "mesure": "Mesure (identifiant)",
    "montant": "Montant ($)",
    "motif": "Motif",
    "nb_concernes": "Personnes concernées",
    "nb_dans_les_effectifs": "Dans les effectifs",
    "nb_en_insertion": "En insertion",
    "nb_enseignants": "Enseignants",
    "nb_groupes": "Groupes (nombre)",
    "nb_membres": "Personnes",
    "nb_mentores": "Personnes mentorées",
    "nb_offres": "Offres",
    "niveau": "Niveau",
    "nom": "Nom",
    "offres_individuelles": "Offres individuelles",
    "offres_sans_heures": "Offres sans heures connues",
    "origine_capacite": "Origine de la capacité",
    "origine_part_novices": "Origine de la part en insertion",
    "origines": "Origines",
    "part_cinq_ans_et_moins": "Part de 5 ans et moins",
    "part_novices": "Part en insertion",
    "periode": "Période d'insertion",
    "personnes_impliquees": "Personnes impliquées",
    "places_en_groupe": "Places en groupe",
    "poste": "Poste",
    "presence": "Présence",
    "prioritaires": "Offres d'abord (identifiants)",
    "prioritaires_libelles": "Offres d'abord",
    "quand": "Quand",
    "raison": "Raison",
    "raisons": "Raisons",
    "responsable": "Responsable",
    "sans_effet": "Sans effet",
}


#: Le titre de la feuille d'un fichier, quand il n'est pas son nom (accents, mots entiers).
TITRES_DE_FEUILLES = {
    "ecoles": "Écoles",
    "deploiement": "Déploiement",
    "capacite": "Capacité",
    "couts": "Coûts",
    "non_apparies": "Non appariées",
    "mentors": "Personnes mentores",
}


#: Les colonnes dont la valeur est un identifiant d'énumération : identifiant → libellé
#: (les mêmes mots que le rapport HTML et le résumé).
VALEURS_EN_MOTS: dict[str, dict[str, str]] = {
    "origine_part_novices": ORIGINES,
    "origine_capacite": ORIGINES_CAPACITE,
    "motif": MOTIFS_NON_APPARIE,
    "genre": GENRES_D_ALERTE,
}


def nom_de_colonne(colonne: Colonne) -> str:
    """Le nom d'une colonne exportée (celui de son en-tête CSV)."""
    return colonne if isinstance(colonne, str) else colonne[0]


def libelle_de_colonne(nom: str) -> str:
    """L'en-tête français d'une colonne.

    >>> libelle_de_colonne("nb_en_insertion"), libelle_de_colonne("nouvelle_colonne")
    ('En insertion', 'Nouvelle colonne')
    """
    return LIBELLES.get(nom) or nom.replace("_", " ").capitalize()


def _titre_de_feuille(fichier: str) -> str:
    """« non_apparies.csv » → « Non apparies » ; « ecoles.csv » → « Écoles »."""
    nom = fichier.removesuffix(".csv")
    return TITRES_DE_FEUILLES.get(nom, nom.replace("_", " ").capitalize())[:31]


def _cellule(v: Any) -> Any:
    if v is None or isinstance(v, bool | int | float):
        return v
    if isinstance(v, _Libelle):
        return v.libelle
    if isinstance(v, list):
        return " ".join(map(str, v))
    return str(getattr(v, "value", v))


def _en_mots(colonne: Colonne, v: Any) -> Any:
    """La valeur d'une colonne d'énumération par son libellé (« calculee » → « calculée des
    effectifs ») ; les autres telles quelles."""
    mots = VALEURS_EN_MOTS.get(nom_de_colonne(colonne))
    return mots.get(v, v) if mots is not None and isinstance(v, str) else v


def _case(feuille: WriteOnlyWorksheet, v: Any, police: Font | None = None) -> Any:
    """Une valeur telle quelle, ou sa case quand elle a une police ou qu'elle commence par « = »
    (openpyxl la prendrait pour une formule : elle reste du texte)."""
    if police is None and not (isinstance(v, str) and v.startswith("=")):
        return v
    case = WriteOnlyCell(feuille, v)
    case.data_type = "s" if isinstance(v, str) else case.data_type
    if police is not None:
        case.font = police
    return case


def classeur(plan: Plan) -> bytes:
    """Le classeur xlsx du plan, en octets ; écrit ligne à ligne (openpyxl en écriture seule),
    sans garder les cases en mémoire."""
    livre = Workbook(write_only=True)
    gras = Font(bold=True)
    if plan.confidentiel:
        avis = livre.create_sheet("Confidentiel")
        avis.append([_case(avis, AVERTISSEMENT, gras)])
    for fichier, (lignes, colonnes) in fichiers_csv(plan).items():
        feuille = livre.create_sheet(_titre_de_feuille(fichier))
        feuille.freeze_panes = "A2"
        feuille.append(
            [_case(feuille, libelle_de_colonne(nom_de_colonne(c)), gras) for c in colonnes]
        )
        for ligne in lignes:
            feuille.append(
                [_case(feuille, _en_mots(c, _cellule(valeur(ligne, c)))) for c in colonnes]
            )
    tampon = io.BytesIO()
    livre.save(tampon)
    return tampon.getvalue()


def ecrire_xlsx(plan: Plan, chemin: str | Path) -> Path:
    """Écrit le classeur xlsx du plan (:func:`classeur`), mis en place d'un coup."""
    return ecrire_atomique(Path(chemin), classeur(plan))
