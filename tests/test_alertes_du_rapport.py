"""Les alertes du rapport HTML, regroupées par école (revue RH du ticket 23)."""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path

from recommandeur import Moteur, planifier


def test_les_alertes_du_rapport_sont_regroupees_par_ecole() -> None:
    """Revue RH du ticket 23 : une école ne revient pas à plusieurs endroits de la liste des
    alertes ; le centre d'abord, puis les écoles dans l'ordre du plan, chaque message une fois."""
    exemples = Path(__file__).resolve().parents[1] / "exemples"
    plan = planifier(
        exemples / "effectifs" / "enseignants.csv",
        exemples / "effectifs" / "ecoles.csv",
        mentors=exemples / "effectifs" / "mentors.csv",
        moteur=Moteur.depuis(surcouche=exemples / "surcouche_centre"),
    )
    ecoles_des_alertes = [a.ecole for a in plan.alertes]
    assert len(set(ecoles_des_alertes)) < len(list(itertools.groupby(ecoles_des_alertes)))
    page = plan.html()
    debut = page.index('id="alertes"')
    section = html.unescape(page[debut : page.index("</section>", debut)])
    tetes = re.findall(r'<li class="alerte"><strong>(?:<a href="#[^"]+">)?([^<]+)', section)
    noms = {e.ecole: e.nom for e in plan.ecoles}
    attendues = ["Centre"] if None in ecoles_des_alertes else []
    attendues += [e.nom for e in plan.ecoles if e.ecole in ecoles_des_alertes]
    assert tetes == attendues
    assert len(tetes) == len(set(tetes)) < len(plan.alertes)
    for a in plan.alertes:
        assert section.count(a.message) >= 1, a.message
        if a.ecole is not None:  # sous le titre de son école
            ici = section.index(noms[a.ecole])
            suivante = min(
                [i for t in tetes if (i := section.find(f">{t}<", ici + 1)) > ici] or [len(section)]
            )
            assert a.message in section[ici:suivante], a.message
