"""Le récapitulatif d'une province : une ligne par centre, en CSV et en une page markdown courte.

Une ligne ne prend du plan du centre que des nombres (personnes, écoles, paires, non
appariées, heures, coût, alertes) : rien de la détresse, ni des motifs d'une personne non
appariée, ni du texte des alertes. Un plan qui montre la détresse (``--inclure-confidentiel``)
le dit en tête du récapitulatif, comme chacun de ses exports.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..._base.ecriture import ecrire_atomique
from ..modeles import Plan
from ..sorties.confidentiel import AVERTISSEMENT
from ..sorties.rapport import neutraliser

#: Les fichiers du récapitulatif, dans le dossier de sortie de la province.
CSV, MARKDOWN = "recapitulatif.csv", "recapitulatif.md"


class LigneProvince(BaseModel):
    """Un centre dans le récapitulatif de la province (paires et non appariées vides : sans
    fichier de mentors)."""

    model_config = ConfigDict(frozen=True)

    centre: str
    personnes: int
    en_insertion: int
    ecoles: int
    paires: int | None
    non_apparies: int | None
    heures: float
    #: En dollars par année, arrondi.
    cout: int
    alertes: int
    confidentiel: bool = False


#: Les colonnes du récapitulatif : (attribut, en-tête de la page).
COLONNES = (
    ("centre", "centre"),
    ("personnes", "personnes"),
    ("en_insertion", "en insertion"),
    ("ecoles", "écoles"),
    ("paires", "paires"),
    ("non_apparies", "non appariées"),
    ("heures", "heures"),
    ("cout", "coût ($)"),
    ("alertes", "alertes"),
)


def ligne_du_plan(centre: str, plan: Plan) -> LigneProvince:
    """La ligne d'un centre : des nombres du plan, rien d'autre.

    >>> from recommandeur import planifier
    >>> plan = planifier([{"enseignant": "e1", "ecole": "a", "annees_experience": 0,
    ...                    "ordre": "primaire"}], [{"ecole": "a", "nom": "École A"}])
    >>> ligne = ligne_du_plan("css-a", plan)
    >>> ligne.personnes, ligne.ecoles, ligne.paires
    (1, 1, None)
    """
    capacite = plan.capacite
    appariement = plan.appariement
    return LigneProvince(
        centre=centre,
        personnes=plan.portrait.nb_enseignants,
        en_insertion=plan.portrait.nb_en_insertion,
        ecoles=plan.portrait.nb_ecoles,
        paires=None if appariement is None else len(appariement.paires),
        non_apparies=None if appariement is None else len(appariement.non_apparies),
        heures=0.0
        if capacite is None
        else round(sum(r.heures_demandees for r in capacite.roles), 1),
        cout=0 if capacite is None else round(capacite.cout_total),
        alertes=len(plan.alertes),
        confidentiel=plan.confidentiel,
    )


def total(lignes: Sequence[LigneProvince]) -> LigneProvince:
    """La ligne « province » : la somme des centres (paires : celles des centres qui apparient).

    >>> a = LigneProvince(centre="a", personnes=2, en_insertion=2, ecoles=1, paires=1,
    ...                   non_apparies=0, heures=10.0, cout=5, alertes=1)
    >>> total([a, a.model_copy(update={"paires": None, "non_apparies": None})]).paires
    1
    """

    def somme(attribut: str) -> int | None:
        valeurs = [getattr(ligne, attribut) for ligne in lignes]
        connues = [v for v in valeurs if v is not None]
        return sum(connues) if connues else None

    return LigneProvince(
        centre="province",
        personnes=sum(ligne.personnes for ligne in lignes),
        en_insertion=sum(ligne.en_insertion for ligne in lignes),
        ecoles=sum(ligne.ecoles for ligne in lignes),
        paires=somme("paires"),
        non_apparies=somme("non_apparies"),
        heures=round(sum(ligne.heures for ligne in lignes), 1),
        cout=sum(ligne.cout for ligne in lignes),
        alertes=sum(ligne.alertes for ligne in lignes),
        confidentiel=any(ligne.confidentiel for ligne in lignes),
    )


def _cellule(valeur: object) -> object:
    if valeur is None:
        return ""
    if isinstance(valeur, float):
        return f"{valeur:.1f}".replace(".", ",").removesuffix(",0")
    return neutraliser(valeur) if isinstance(valeur, str) else valeur


def csv_du_recapitulatif(lignes: Sequence[LigneProvince]) -> str:
    """Le CSV (séparateur ``;``) : une ligne par centre, puis la ligne ``province``.

    >>> a = LigneProvince(centre="css-a", personnes=2, en_insertion=2, ecoles=1, paires=None,
    ...                   non_apparies=None, heures=10.5, cout=5, alertes=1)
    >>> print(csv_du_recapitulatif([a]), end="")
    centre;personnes;en_insertion;ecoles;paires;non_apparies;heures;cout;alertes
    css-a;2;2;1;;;10,5;5;1
    province;2;2;1;;;10,5;5;1
    """
    tampon = io.StringIO(newline="")
    ecrivain = csv.writer(tampon, delimiter=";", lineterminator="\n")
    if any(ligne.confidentiel for ligne in lignes):
        ecrivain.writerow([AVERTISSEMENT])
    ecrivain.writerow([c for c, _ in COLONNES])
    for ligne in [*lignes, total(lignes)]:
        ecrivain.writerow([_cellule(getattr(ligne, c)) for c, _ in COLONNES])
    return tampon.getvalue()


def _md(valeur: object) -> str:
    if valeur is None:
        return "—"
    if isinstance(valeur, int | float) and not isinstance(valeur, bool):
        return f"{valeur:,.1f}".replace(",", " ").replace(".", ",").removesuffix(",0")
    return str(valeur).replace("|", "\\|")


def markdown_du_recapitulatif(lignes: Sequence[LigneProvince]) -> str:
    """La page markdown : ce qu'elle compte, puis le tableau des centres et du total.

    >>> a = LigneProvince(centre="css-a", personnes=1200, en_insertion=2, ecoles=1, paires=None,
    ...                   non_apparies=None, heures=10.5, cout=5, alertes=1)
    >>> print(markdown_du_recapitulatif([a]).splitlines()[-1])
    | **province** | 1 200 | 2 | 1 | — | — | 10,5 | 5 | 1 |
    """
    tete = [f"> {AVERTISSEMENT}", ""] if any(ligne.confidentiel for ligne in lignes) else []
    entetes = [titre for _, titre in COLONNES]
    corps = [
        "| " + " | ".join(_md(getattr(ligne, c)) for c, _ in COLONNES) + " |" for ligne in lignes
    ]
    somme = total(lignes)
    dernier = [f"**{somme.centre}**", *(_md(getattr(somme, c)) for c, _ in COLONNES[1:])]
    return "\n".join(
        [
            *tete,
            "# Récapitulatif de la province",
            "",
            f"{len(lignes)} centre(s), chacun planifié à part (ses exports sont dans son dossier). "
            "Heures : celles que le plan demande, tous rôles ; coût : le coût total estimé par "
            "année ; paires et non appariées : « — » pour un centre sans fichier de personnes "
            "mentores. Ni la détresse ni les motifs des personnes ne figurent ici.",
            "",
            "| " + " | ".join(entetes) + " |",
            "|" + "|".join(" --- " if i == 0 else " ---: " for i in range(len(entetes))) + "|",
            *corps,
            "| " + " | ".join(dernier) + " |",
        ]
    )


def ecrire_recapitulatif(lignes: Sequence[LigneProvince], sortie: Path) -> list[Path]:
    """Écrit ``recapitulatif.csv`` (UTF-8 avec BOM) et ``recapitulatif.md``, chacun d'un coup."""
    return [
        ecrire_atomique(sortie / CSV, csv_du_recapitulatif(lignes), encodage="utf-8-sig"),
        ecrire_atomique(sortie / MARKDOWN, markdown_du_recapitulatif(lignes) + "\n"),
    ]
