"""L'historique d'une personne : ses entrées en ordre, ses mesures suivies, son profil courant.

Des fonctions pures sur des entrées (:mod:`.entrees`), sans stockage : le profil courant est
le dernier instantané, ses besoins mis à jour par les revues, et ses ``mesures_recues``
tirées des mesures débutées et de leur dernière revue (rien à ressaisir).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .._profil.besoins import Besoins
from .._profil.modeles import MesureRecue, Profil
from .._vocabulaire import Besoin, Intensite
from .entrees import Arrivee, Consentement, Debut, Entree, Instantane, Revue

#: Les offres qui révèlent la détresse : confidentielles dans les tables et exports du centre.
SENSIBLES: frozenset[str] = frozenset(
    {"personne_neutre", "soutien_professionnel", "soutien_professionnel_en_ligne"}
)

#: L'intensité un cran plus bas (une revue « efficace » sans réévaluation) ; faible le reste.
CRAN_PLUS_BAS: dict[Intensite, Intensite] = {
    Intensite.ELEVEE: Intensite.MODEREE,
    Intensite.MODEREE: Intensite.FAIBLE,
    Intensite.FAIBLE: Intensite.FAIBLE,
}


@dataclass(frozen=True)
class MesureSuivie:
    """Une mesure débutée et sa dernière revue (``None`` : pas encore revue)."""

    mesure: str
    debut: date
    intervenant: str | None
    besoin: Besoin | None
    derniere_revue: date | None = None
    effet: str | None = None

    @property
    def depuis(self) -> date:
        """Le début, ou la dernière revue : d'où se compte la prochaine revue."""
        return self.derniere_revue or self.debut


def trier(entrees: Iterable[Entree]) -> list[Entree]:
    """Les entrées par date, dans l'ordre où elles ont été notées à date égale."""
    return sorted(entrees, key=lambda e: e.date)


def par_personne(entrees: Iterable[Entree]) -> dict[str, list[Entree]]:
    """Les entrées de chaque personne, triées par date.

    >>> from datetime import date
    >>> a = Arrivee(personne="p-1", date=date(2026, 9, 1), par="cp", ecole="e")
    >>> list(par_personne([a]))
    ['p-1']
    """
    groupes: dict[str, list[Entree]] = {}
    for e in entrees:
        groupes.setdefault(e.personne, []).append(e)
    return {p: trier(es) for p, es in groupes.items()}


def jusqu_a(entrees: Sequence[Entree], a_la_date: date | None) -> list[Entree]:
    """Les entrées (triées) notées au plus tard ``a_la_date`` (toutes si ``None``)."""
    return [e for e in entrees if a_la_date is None or e.date <= a_la_date]


def ecole(entrees: Sequence[Entree]) -> str | None:
    """L'école de la dernière arrivée notée."""
    arrivees = [e for e in entrees if isinstance(e, Arrivee)]
    return arrivees[-1].ecole if arrivees else None


def consent(entrees: Sequence[Entree]) -> bool:
    """Vrai si le dernier consentement noté autorise le partage des éléments sensibles."""
    consentements = [e for e in entrees if isinstance(e, Consentement)]
    return bool(consentements) and consentements[-1].partage


def mesures_suivies(entrees: Sequence[Entree]) -> list[MesureSuivie]:
    """Les mesures débutées, chacune avec sa dernière revue, dans l'ordre des débuts.

    Une mesure débutée à nouveau (un autre intervenant) repart de son nouveau début.

    >>> es = [Debut(personne="p-1", date=date(2026, 9, 15), par="cp", mesure="mentorat"),
    ...       Revue(personne="p-1", date=date(2026, 11, 2), par="cp", mesure="mentorat",
    ...             effet="partiel")]
    >>> [(m.mesure, m.effet, m.depuis) for m in mesures_suivies(es)]
    [('mentorat', 'partiel', datetime.date(2026, 11, 2))]
    """
    suivies: dict[str, MesureSuivie] = {}
    for e in trier(entrees):
        if isinstance(e, Debut):
            suivies.pop(e.mesure, None)
            suivies[e.mesure] = MesureSuivie(e.mesure, e.date, e.intervenant, e.besoin)
        elif isinstance(e, Revue) and e.mesure in suivies:
            m = suivies[e.mesure]
            suivies[e.mesure] = MesureSuivie(
                m.mesure, m.debut, m.intervenant, m.besoin, e.date, e.effet
            )
    return list(suivies.values())


def detresse(entrees: Sequence[Entree]) -> bool:
    """Les signaux de détresse : ceux du dernier instantané, ou d'une revue plus récente."""
    etat = False
    for e in trier(entrees):
        if isinstance(e, Instantane):
            etat = e.profil.signaux_de_detresse
        elif isinstance(e, Revue) and e.detresse is not None:
            etat = e.detresse
    return etat


def besoins_courants(entrees: Sequence[Entree]) -> Besoins:
    """Les besoins du dernier instantané, mis à jour par les revues qui le suivent.

    Une revue qui réévalue des besoins les remplace ; une revue « efficace » sans réévaluation
    allège d'un cran le besoin pour lequel la mesure a été débutée (voir :data:`CRAN_PLUS_BAS`).
    """
    table: dict[Besoin, Intensite] = {}
    besoin_de: dict[str, Besoin | None] = {}
    for e in trier(entrees):
        if isinstance(e, Instantane):
            table = dict(e.profil.besoins)
        elif isinstance(e, Debut):
            besoin_de[e.mesure] = e.besoin
        elif isinstance(e, Revue):
            if e.besoins is not None:
                table.update(e.besoins)
            elif e.effet == "efficace":
                besoin = besoin_de.get(e.mesure)
                if besoin is not None and besoin in table:
                    table[besoin] = CRAN_PLUS_BAS[table[besoin]]
    return Besoins(table)


def mesures_recues(suivies: Sequence[MesureSuivie]) -> tuple[MesureRecue, ...]:
    """Les ``mesures_recues`` d'un profil tirées des mesures suivies.

    Revue « efficace » : efficace, datée du bilan ; « sans effet » : sans effet, datée ;
    « partiel » ou pas encore revue : reçue, sans date de bilan (elle se poursuit).
    """
    return tuple(
        MesureRecue.model_construct(
            mesure=m.mesure,
            efficace=m.effet != "sans_effet",
            besoin=m.besoin,
            intervenant=m.intervenant,
            bilan=m.derniere_revue if m.effet in {"efficace", "sans_effet"} else None,
        )
        for m in suivies
    )


def profil_courant(entrees: Sequence[Entree], a_la_date: date | None = None) -> Profil | None:
    """Le profil d'une personne à une date : le dernier instantané, ses besoins et sa détresse
    mis à jour par les revues, ses mesures reçues tirées des mesures débutées et revues.

    ``None`` si aucun instantané n'est noté à cette date. Les entrées sont celles d'une
    personne (voir :func:`par_personne`).

    >>> from datetime import date
    >>> p = Profil(annees_experience=0, ordre="primaire", besoins={"gestion_de_classe": "elevee"})
    >>> es = [Instantane(personne="p-1", date=date(2026, 9, 1), par="cp", profil=p),
    ...       Debut(personne="p-1", date=date(2026, 9, 15), par="cp",
    ...             mesure="accompagnement_individuel", besoin="gestion_de_classe"),
    ...       Revue(personne="p-1", date=date(2026, 11, 10), par="cp",
    ...             mesure="accompagnement_individuel", effet="efficace")]
    >>> courant = profil_courant(es)
    >>> courant.besoins[Besoin.GESTION_DE_CLASSE].value, courant.mesures_recues[0].bilan
    ('moderee', datetime.date(2026, 11, 10))
    """
    retenues = jusqu_a(trier(entrees), a_la_date)
    instantanes = [e for e in retenues if isinstance(e, Instantane)]
    if not instantanes:
        return None
    base = instantanes[-1].profil
    recues = base.mesures_recues + mesures_recues(mesures_suivies(retenues))
    return Profil.model_validate(
        base.model_dump()
        | {
            "besoins": besoins_courants(retenues),
            "signaux_de_detresse": detresse(retenues),
            "mesures_recues": recues[-200:],
        }
    )
