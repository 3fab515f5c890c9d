"""Le plan d'un centre (:func:`~recommandeur.planifier`) : portrait, groupes, écoles, charges, bilan.

Toutes les parties sont des modèles pydantic : ``plan.model_dump(mode="json")`` est le JSON
du plan, et ``Plan.model_json_schema()`` son schéma.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .._base.rendus import Rendu
from .._vocabulaire import CycleAction, Niveau, PeriodeInsertion, Presence
from .centre.calendrier import EtapeCalendrier
from .jumelage.modeles_mentorat import Appariement, Capacite
from .partie import Partie as _Partie
from .plans_d_ecole.calibrage import Calibrage


class Tranche(_Partie):
    """Une tranche de part de personnes en insertion et son nombre d'écoles (comme dans 003)."""

    tranche: str
    nb_ecoles: int


class LigneEcole(_Partie):
    """Une école dans le portrait : sa taille, ses personnes en insertion, sa part, ses mentors."""

    ecole: str
    nom: str
    nb_enseignants: int | None
    #: Les personnes des effectifs de l'école (toutes périodes).
    nb_dans_les_effectifs: int
    #: Celles dont la période d'insertion n'est pas terminée (moins de 7 ans au Québec).
    nb_en_insertion: int
    #: La part du personnel en insertion (003 : « Taux de PE en IP ») : celle que lisent les règles.
    part_novices: float | None
    #: ``donnee`` (fichier des écoles), ``calculee`` (des effectifs) ou ``None`` (inconnue).
    origine_part_novices: str | None
    #: La part du personnel de 5 ans et moins au Québec (001), calculée des effectifs.
    part_cinq_ans_et_moins: float | None
    mentors: int | None


class Portrait(_Partie):
    """Le portrait de la situation (001) : combien, quelle formation, expérience, affectation, besoins."""

    #: Les personnes des effectifs, et celles dont la période d'insertion n'est pas terminée.
    nb_enseignants: int
    nb_en_insertion: int
    nb_ecoles: int
    par_annees_au_quebec: dict[str, int]
    par_annees_experience: dict[str, int]
    par_periode: dict[str, int]
    par_qualification: dict[str, int]
    par_statut: dict[str, int]
    par_ordre: dict[str, int]
    affectations: dict[str, int]
    formation_hors_quebec: int
    #: Les personnes avec des signaux de détresse ; ``None`` : confidentiel (un plan du centre
    #: ne le dit qu'à la demande, ``inclure_confidentiel=True``).
    signaux_de_detresse: int | None
    #: besoin → intensité → nombre de personnes.
    besoins: dict[str, dict[str, int]]
    ecoles_par_part: list[Tranche]
    ecoles: list[LigneEcole]


class Groupe(_Partie):
    """Une même offre pour un même besoin, faite ensemble à plusieurs personnes d'une école ou du centre."""

    id: str
    mesure: str
    libelle: str
    niveau: Niveau
    besoin: str | None
    #: L'école du groupe ; ``None`` : un groupe du centre (offre inter-établissements).
    ecole: str | None
    acteur: str
    presence: Presence
    membres: list[str]
    heures: float | None
    #: L'ordre d'enseignement d'un groupe du centre (une cohorte ne mêle pas deux ordres).
    ordre: str | None = None
    #: La région d'un groupe du centre, quand le fichier des écoles en donne.
    region: str | None = None
    #: Pour un groupe d'une école liée qui demande des collègues d'expérience (une CAP) :
    #: l'école (ou ``"centre"``) dont viennent ces collègues.
    liee_a: str | None = None


class ActionEcole(_Partie):
    """Une action du milieu que le contexte d'une école appelle, et pour combien de personnes."""

    mesure: str
    libelle: str
    acteur: str
    presence: Presence
    nb_concernes: int
    raisons: list[str]


class EtapePlan(_Partie):
    """Une étape du plan de déploiement d'une école, dans la forme de 003."""

    etape: str
    intentions: list[str]
    responsable: str
    personnes_impliquees: list[str]
    quand: str
    cycle: CycleAction
    mesure: str | None
    sources: list[str]


class Alerte(_Partie):
    """Ce qui demande l'attention du centre : son genre, son école (``None`` : le centre), le texte.

    Genres : ``sans_mentor``, ``mentors_debordes``, ``batiments``, ``non_apparies``,
    ``heures_depassees``, ``a_confirmer``.
    """

    genre: str
    ecole: str | None
    message: str

    def __str__(self) -> str:
        return TEXTE_ALERTE(self)


class PlanEcole(_Partie):
    """Le plan d'une école : ses actions du milieu, son plan de déploiement, ses alertes."""

    ecole: str
    nom: str
    nb_dans_les_effectifs: int
    nb_en_insertion: int
    part_novices: float | None
    mentors: int | None
    actions: list[ActionEcole]
    deploiement: list[EtapePlan]
    groupes: list[str]
    alertes: list[Alerte]
    #: Le modèle de son plan : ``primaire``, ``secondaire`` (les deux exemples de 003) ou
    #: ``leger`` (peu de personnes en insertion) ; ``None`` : aucune personne en insertion.
    modele: str | None = None
    modele_raison: str | None = None
    #: L'école (ou ``"centre"``) à laquelle elle est liée pour ce qui demande des collègues
    #: d'expérience, quand presque tout son personnel est en insertion.
    liee_a: str | None = None
    liaison: str | None = None


class Charge(_Partie):
    """Ce que porte un intervenant, dans une école ou au centre (``ecole`` ``None``)."""

    acteur: str
    libelle: str
    ecole: str | None
    enseignants: list[str]
    offres_individuelles: int
    groupes: list[str]
    places_en_groupe: int
    a_confirmer: int
    heures: float | None


class BilanMesure(_Partie):
    """Les mesures reçues et leur effet, pour une mesure, au centre ou dans une école."""

    mesure: str
    libelle: str
    ecole: str | None
    avec_effet: int
    sans_effet: int


class Bilan(_Partie):
    """La régulation et le bilan : ce qui a été reçu, avec ou sans effet, pour ajuster le cycle suivant."""

    par_mesure: list[BilanMesure]
    par_ecole: list[BilanMesure]
    besoins_escalades: int


class PlanEnseignant(_Partie):
    """Une personne du plan : sa période, ses offres à faire d'abord, son nombre d'offres."""

    enseignant: str
    ecole: str
    periode: PeriodeInsertion
    prioritaires: list[str]
    nb_offres: int
    groupes: list[str]


class Plan(_Partie):
    """Le plan d'un centre pour ses personnes en insertion (voir ``docs/programme.md``)."""

    #: Vrai si le plan montre la détresse (``inclure_confidentiel=True``) : chaque export le
    #: dit alors en tête. Par défaut, rien dans le plan ne la révèle (voir ``confidentiel.py``).
    confidentiel: bool = False
    version_catalogue: str
    version_regles: str
    portrait: Portrait
    groupes: list[Groupe]
    ecoles: list[PlanEcole]
    charges: list[Charge]
    bilan: Bilan
    #: Les alertes des écoles sur leurs personnes mentores, puis les présences à confirmer.
    alertes: list[Alerte]
    enseignants: list[PlanEnseignant]
    #: Les conventions du plan (hors des documents sources) : taille des groupes, mentorés par mentor.
    parametres: dict[str, int]
    #: Le libellé de chaque mesure nommée par le plan, par identifiant.
    mesures: dict[str, str]
    #: Les déclencheurs d'école calibrés sur le centre : les écoles soutenues et leurs motifs.
    calibrage: Calibrage | None = None
    #: Le calendrier du centre (003, étapes 01 à 09), daté pour la prochaine rentrée.
    calendrier: list[EtapeCalendrier] = []  # noqa: RUF012 (un champ pydantic : copié)
    #: La date du plan : celle à laquelle le calendrier du centre est daté.
    date_du_plan: dt.date | None = None
    #: L'appariement avec les personnes mentores nommées (``None`` : sans fichier de mentors).
    appariement: Appariement | None = None
    #: La capacité et le coût du programme.
    capacite: Capacite | None = None

    def html(self) -> str:
        """La page HTML autonome et imprimable du plan (graphiques SVG inclus)."""
        return HTML_PLAN(self)

    def ecrire_csv(self, dossier: str | Path) -> list[Path]:
        """Écrit les CSV du plan (écoles, groupes, actions, déploiement, charges, bilan, …)."""
        return ECRIRE_CSV(self, dossier)

    def ecrire_json(self, chemin: str | Path) -> Path:
        """Écrit le JSON du plan (schéma : ``recommandeur schema plan``)."""
        return ECRIRE_JSON(self, chemin)

    def ecrire_xlsx(self, chemin: str | Path) -> Path:
        """Écrit le classeur xlsx du plan : une feuille par CSV, en-têtes en français."""
        return ECRIRE_XLSX(self, chemin)

    def _repr_html_(self) -> str:
        return HTML_APERCU_PLAN(self)

    def __str__(self) -> str:
        return TEXTE_PLAN(self)

    def __repr__(self) -> str:
        return (
            f"<Plan : {self.portrait.nb_enseignants} personne(s), {len(self.ecoles)} école(s), "
            f"{len(self.groupes)} groupe(s), {len(self.alertes)} alerte(s) ; "
            "plan.html() ou recommandeur plan … --html>"
        )


# Les affichages et les fichiers d'un plan, fournis par ``_programme/sorties/rendus.py``.
TEXTE_ALERTE: Rendu[[Alerte], str] = Rendu(
    "texte d'une alerte", "recommandeur._programme.sorties.rendus"
)
TEXTE_PLAN: Rendu[[Plan], str] = Rendu("résumé d'un plan", "recommandeur._programme.sorties.rendus")
HTML_PLAN: Rendu[[Plan], str] = Rendu(
    "page HTML d'un plan", "recommandeur._programme.sorties.rendus"
)
ECRIRE_CSV: Rendu[[Plan, str | Path], list[Path]] = Rendu(
    "CSV d'un plan", "recommandeur._programme.sorties.rendus"
)
ECRIRE_JSON: Rendu[[Plan, str | Path], Path] = Rendu(
    "JSON d'un plan", "recommandeur._programme.sorties.rendus"
)
ECRIRE_XLSX: Rendu[[Plan, str | Path], Path] = Rendu(
    "classeur xlsx d'un plan", "recommandeur._programme.sorties.rendus"
)
HTML_APERCU_PLAN: Rendu[[Plan], str] = Rendu(
    "aperçu HTML d'un plan (carnets)", "recommandeur._programme.sorties.rendus"
)
