"""Le tableau de suivi des nouveaux (003) : une ligne par personne, et ce qui reste confidentiel.

« se doter d'un tableau de suivi avec le portrait des nouveaux » (003) : les mesures en cours,
la dernière revue, les besoins maintenant, ce qui est dû et ce qui a changé. La détresse et les
offres qui la révèlent (:data:`SENSIBLES`) n'y figurent que si la personne a consenti **et**
que l'export le demande (``avec_detresse=True``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict

from .._base.schema_json import nettoyer_schema
from .._vocabulaire import Besoin
from .echeances import Intervalle, echeances_de
from .entrees import LIBELLES_EFFETS, Debut, Entree, Revue
from .historique import (
    SENSIBLES,
    besoins_courants,
    consent,
    detresse,
    ecole,
    jusqu_a,
    mesures_suivies,
    par_personne,
)


class LigneTableau(BaseModel):
    """Une ligne du tableau de suivi. ``detresse`` : ``None`` quand elle n'est pas partagée."""

    model_config = ConfigDict(frozen=True, json_schema_extra=nettoyer_schema)

    personne: str
    ecole: str | None
    mesures: tuple[str, ...]
    derniere_revue: date | None
    besoins: dict[str, str]
    a_revoir: tuple[str, ...]
    changements: tuple[str, ...]
    detresse: bool | None = None


def partage(entrees: Sequence[Entree], avec_detresse: bool) -> bool:
    """Vrai si les éléments sensibles de cette personne peuvent figurer dans un export."""
    return avec_detresse and consent(entrees)


def changements(entrees: Sequence[Entree], depuis: date, montrer: bool) -> tuple[str, ...]:
    """Ce qui a changé depuis une date : mesures débutées, revues, besoins réévalués."""
    avant = besoins_courants(jusqu_a(entrees, depuis))
    textes = []
    for e in entrees:
        if e.date <= depuis or (not montrer and getattr(e, "mesure", None) in SENSIBLES):
            continue
        if isinstance(e, Debut):
            textes.append(f"débutée : {e.mesure}")
        elif isinstance(e, Revue):
            textes.append(f"revue {e.mesure} : {LIBELLES_EFFETS[e.effet]}")
    maintenant = besoins_courants(entrees)
    for besoin in Besoin:
        a, b = avant.get(besoin), maintenant.get(besoin)
        if a != b:
            textes.append(
                f"{besoin.value} : {a.libelle if a else 'aucun'} → {b.libelle if b else 'aucun'}"
            )
    return tuple(textes)


def ligne(
    entrees: Sequence[Entree],
    a_la_date: date,
    intervalle: Intervalle | None = None,
    *,
    avec_detresse: bool = False,
) -> LigneTableau:
    """La ligne d'une personne (ses entrées) à une date."""
    intervalle = intervalle or Intervalle()
    retenues = jusqu_a(entrees, a_la_date)
    montrer = partage(retenues, avec_detresse)
    suivies = [m for m in mesures_suivies(retenues) if montrer or m.mesure not in SENSIBLES]
    revues = [m.derniere_revue for m in suivies if m.derniere_revue is not None]
    dues = echeances_de(retenues, a_la_date, intervalle, avec_detresse=avec_detresse)
    return LigneTableau(
        personne=retenues[0].personne,
        ecole=ecole(retenues),
        mesures=tuple(m.mesure for m in suivies if m.effet not in {"efficace", "sans_effet"}),
        derniere_revue=max(revues) if revues else None,
        besoins={b.value: i.value for b, i in besoins_courants(retenues).items()},
        a_revoir=tuple(
            d.mesure or ("détresse" if d.motif == "detresse" else "suivi")
            for d in dues
            if montrer or d.mesure not in SENSIBLES
        ),
        changements=changements(retenues, a_la_date - timedelta(days=intervalle.jours), montrer),
        detresse=detresse(retenues) if montrer else None,
    )


def tableau(
    entrees: Iterable[Entree] | Mapping[str, Sequence[Entree]],
    a_la_date: date,
    intervalle: Intervalle | None = None,
    *,
    avec_detresse: bool = False,
) -> list[LigneTableau]:
    """Le tableau de suivi à une date : une ligne par personne déjà arrivée, par école puis personne.

    >>> from datetime import date
    >>> from recommandeur._suivi.entrees import Arrivee
    >>> es = [Arrivee(personne="p-1", date=date(2026, 9, 1), par="cp", ecole="a"),
    ...       Debut(personne="p-1", date=date(2026, 9, 15), par="cp", mesure="personne_neutre")]
    >>> tableau(es, date(2026, 9, 30))[0].mesures  # confidentielle sans consentement
    ()
    """
    groupes = entrees if isinstance(entrees, Mapping) else par_personne(entrees)
    lignes = [
        ligne(es, a_la_date, intervalle, avec_detresse=avec_detresse)
        for es in groupes.values()
        if es and es[0].date <= a_la_date
    ]
    return sorted(lignes, key=lambda x: (x.ecole or "", x.personne))
