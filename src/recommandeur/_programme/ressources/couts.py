"""Le résumé de la capacité et des coûts du centre : heures et ETP par rôle, coûts par poste.

Les coûts : la libération et la compensation des personnes mentores, le suivi des personnes
mentores en cohortes par la PANE (003 : « selon 6 journées réparties sur l'année »), les
heures des professionnels ; chacun avec son calcul et les origines de ses chiffres.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..._catalogue.modeles import Catalogue
from ..donnees.ecoles import EcoleDuCentre
from ..jumelage.modeles_mentorat import Capacite, ChargeMentor, Cout, HeuresRole
from ..modeles import Charge
from .capacite import nombre_fr, valeur


def capacite(
    catalogue: Catalogue,
    charges: Sequence[Charge],
    ecoles: Sequence[EcoleDuCentre],
    mentors: Sequence[ChargeMentor] | None,
    sans_heures: Mapping[str, int],
) -> Capacite:
    """Les heures et ETP par rôle et le résumé des coûts du centre."""
    par_etp = valeur(catalogue, "heures_par_etp") or 0.0
    demandees: dict[str, float] = defaultdict(float)
    for c in charges:
        if c.heures is not None:
            demandees[c.acteur] += c.heures
    disponibles: dict[str, float] = {}
    if mentors is not None:
        nb_mentors = len(mentors)
        parts = [m.liberation for m in mentors]
    else:
        defaut = valeur(catalogue, "liberation_mentor") or 0.0
        nb_mentors = sum(e.mentors or 0 for e in ecoles)
        parts = [defaut] * nb_mentors
    if nb_mentors:
        disponibles["mentor"] = round(sum(parts) * par_etp, 2)
    couts: list[Cout] = []
    origines = {k: p.origine for k, p in catalogue.capacite.items()}
    cout_ens = valeur(catalogue, "cout_etp_enseignant")
    if cout_ens and parts:
        couts.append(
            Cout.model_construct(
                poste="Libération des personnes mentores",
                montant=round(sum(parts) * cout_ens, 2),
                calcul=f"{nb_mentors} personne(s) mentore(s), {nombre_fr(sum(parts), 2)} ETP "
                f"libéré(s) × {nombre_fr(cout_ens)} $",
                origines=[origines["liberation_mentor"], origines["cout_etp_enseignant"]],
            )
        )
    compensation = valeur(catalogue, "compensation_mentor")
    if compensation and nb_mentors:
        couts.append(
            Cout.model_construct(
                poste="Compensation des personnes mentores",
                montant=round(nb_mentors * compensation, 2),
                calcul=f"{nb_mentors} personne(s) mentore(s) × {nombre_fr(compensation)} $",
                origines=[origines["compensation_mentor"]],
            )
        )
    suivi = _suivi_pane(catalogue, nb_mentors)
    cout_pro = catalogue.capacite.get("cout_etp_professionnel")
    if suivi is not None:
        cohortes, heures_suivi = suivi
        demandees["pane"] += heures_suivi
        if cout_pro is not None and par_etp:
            couts.append(
                Cout.model_construct(
                    poste="Suivi des personnes mentores en cohortes par la PANE",
                    montant=round(heures_suivi / par_etp * cout_pro.valeur, 2),
                    calcul=f"{cohortes} cohorte(s) × {nombre_fr(valeur(catalogue, 'journees_suivi_pane') or 0)} "
                    f"journées × {nombre_fr(valeur(catalogue, 'heures_par_journee') or 0, 1)} h, "
                    f"à {nombre_fr(cout_pro.valeur)} $ l'ETP",
                    origines=[
                        origines["journees_suivi_pane"],
                        origines["mentors_par_cohorte_pane"],
                        cout_pro.origine,
                    ],
                )
            )
    if cout_pro is not None and par_etp:
        heures_pro = sum(demandees[a] for a in cout_pro.acteurs if a in demandees)
        if suivi is not None and "pane" in cout_pro.acteurs:
            heures_pro -= suivi[1]
        if heures_pro > 0:
            couts.append(
                Cout.model_construct(
                    poste="Heures des professionnels (offres aux personnes)",
                    montant=round(heures_pro / par_etp * cout_pro.valeur, 2),
                    calcul=f"{nombre_fr(heures_pro)} h ÷ {nombre_fr(par_etp)} h × "
                    f"{nombre_fr(cout_pro.valeur)} $",
                    origines=[origines["heures_par_etp"], cout_pro.origine],
                )
            )
    libelles = {a.id: a.libelle for a in catalogue.acteurs}
    roles = [
        HeuresRole.model_construct(
            acteur=acteur,
            libelle=libelles.get(acteur, acteur),
            heures_demandees=round(h, 2),
            etp_demandes=round(h / par_etp, 3) if par_etp else None,
            heures_disponibles=disponibles.get(acteur),
            etp_disponibles=round(disponibles[acteur] / par_etp, 3)
            if acteur in disponibles and par_etp
            else None,
            offres_sans_heures=sans_heures.get(acteur, 0),
        )
        for acteur, h in sorted(demandees.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return Capacite.model_construct(
        heures_par_etp=par_etp,
        roles=roles,
        couts=couts,
        cout_total=round(sum(c.montant for c in couts), 2),
        parametres={
            k: f"{p.libelle} : {nombre_fr(p.valeur, 2).rstrip('0').rstrip(',')} {p.unite} "
            f"({p.origine})"
            for k, p in catalogue.capacite.items()
        },
    )


def _suivi_pane(catalogue: Catalogue, nb_mentors: int) -> tuple[int, float] | None:
    """Les cohortes de suivi des personnes mentores par la PANE et leurs heures (003)."""
    journees = valeur(catalogue, "journees_suivi_pane")
    par_cohorte = valeur(catalogue, "mentors_par_cohorte_pane")
    heures_jour = valeur(catalogue, "heures_par_journee")
    if not (nb_mentors and journees and par_cohorte and heures_jour):
        return None
    if "pane" not in {a.id for a in catalogue.acteurs}:
        return None
    cohortes = math.ceil(nb_mentors / par_cohorte)
    return cohortes, round(cohortes * journees * heures_jour, 2)
