"""``planifier_province`` : les centres d'une province l'un après l'autre, à mémoire bornée.

Chaque centre (:mod:`.centres`) est planifié par :func:`~.planifier.planifier`, ses exports
écrits (ceux de ``recommandeur plan --html --json --csv``), sa ligne du récapitulatif gardée
(:mod:`.recapitulatif`), puis son plan est lâché avant que le suivant ne se calcule : la
mémoire est celle du plus grand centre, pas celle de la province. ``reprendre`` : un centre
déjà écrit et inchangé n'est pas refait (:mod:`.reprise`).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from ..._base.erreurs import ErreurArgument, ErreurCatalogue, ErreurEffectifs, ErreurRegle, Probleme
from ..._moteur.moteur import Moteur, moteur_par_defaut
from ..._moteur.transfert import vers_json
from ..jumelage.mentorat import charger_avec_mentors
from ..planifier import planifier
from ..sorties.rapport import ecrire_html
from .centres import Centre, dans_le_centre, lire_province
from .recapitulatif import LigneProvince, ecrire_recapitulatif, ligne_du_plan
from .reprise import ecrire_le_temoin, empreinte_du_centre, ligne_reprise, retirer_le_temoin

#: Les exports d'un centre, dans son dossier de sortie (ceux de ``plan --html --json --csv``).
RAPPORT, JSON, DOSSIER_CSV = "rapport.html", "plan.json", "csv"
#: Les erreurs d'un centre qui n'arrêtent pas les autres (dites toutes à la fin).
ERREURS_DU_CENTRE = (ErreurEffectifs, ErreurCatalogue, ErreurRegle)
#: Une progression : ``True`` (une barre tqdm), ``False``, ou une fonction ``(centres faits, total)``.
ProgressionProvince = bool | Callable[[int, int], Any]


def _version() -> str:
    try:
        return metadata.version("recommandeur")
    except metadata.PackageNotFoundError:  # pragma: no cover - copie non installée
        return "0+inconnue"


class _Moteurs:
    """Le moteur de chaque centre : celui de la base (partagé), ou celui de sa surcouche (le
    dernier seulement est gardé : les centres d'une même surcouche se suivent rarement)."""

    def __init__(self, catalogue: str | Path | None, regles: str | Path | None) -> None:
        self.catalogue, self.regles = catalogue, regles
        self._base: tuple[Moteur, str] | None = None

    def pour(self, centre: Centre) -> tuple[Moteur, str]:
        if centre.surcouche is None and self._base is not None:
            return self._base
        if centre.surcouche is None and self.catalogue is None and self.regles is None:
            moteur = moteur_par_defaut()
        else:
            moteur = Moteur.depuis(
                catalogue=self.catalogue, regles=self.regles, surcouche=centre.surcouche
            )
        paire = (moteur, vers_json(moteur))
        if centre.surcouche is None:
            self._base = paire
        return paire


def _sortie(dossier: Path, sortie: str | Path) -> Path:
    cible = Path(sortie)
    haut, bas = dossier.resolve(), cible.resolve()
    if bas == haut or haut in bas.parents:
        raise ErreurArgument(
            "sortie", "un dossier hors de la province (il y serait lu comme un centre)", str(sortie)
        )
    cible.mkdir(parents=True, exist_ok=True)
    return cible


def planifier_province(
    dossier: str | Path,
    sortie: str | Path,
    *,
    catalogue: str | Path | None = None,
    regles: str | Path | None = None,
    reprendre: bool = False,
    progression: ProgressionProvince = False,
    date: dt.date | None = None,
    **options: Any,
) -> list[LigneProvince]:
    """Planifie chaque centre de ``dossier`` l'un après l'autre ; écrit ses exports dans
    ``sortie/<centre>/`` (``rapport.html``, ``plan.json``, ``csv/``) puis le récapitulatif
    (``recapitulatif.csv`` et ``.md``) ; renvoie ses lignes, une par centre.

    Un seul plan est en mémoire à la fois. ``options`` : celles de :func:`planifier`
    (``processus``, ``taille_max_groupe``, ``inclure_confidentiel``…) ; ``date`` : la même pour
    tous les centres (défaut : aujourd'hui). ``catalogue``, ``regles`` : la base de tous les
    centres (défaut : livrée), sous la ``surcouche/`` de chacun. Une province mal formée lève
    :class:`ErreurEffectifs` avant tout plan ; les problèmes d'un centre (effectifs, surcouche)
    n'arrêtent pas les autres : tous sont levés à la fin, chacun nommé par son centre, sans
    récapitulatif (les centres faits sont écrits : ``reprendre`` ne les refait pas).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     centre = Path(d) / "province" / "css-a"
    ...     centre.mkdir(parents=True)
    ...     _ = (centre / "enseignants.csv").write_text("enseignant,ecole,annees_experience,ordre\\ne1,A,0,primaire\\n")
    ...     _ = (centre / "ecoles.csv").write_text("ecole,nom\\nA,École A\\n")
    ...     lignes = planifier_province(Path(d) / "province", Path(d) / "sortie")
    ...     sorted(p.name for p in (Path(d) / "sortie").iterdir())
    ['css-a', 'recapitulatif.csv', 'recapitulatif.md']
    >>> lignes[0].centre, lignes[0].personnes, lignes[0].ecoles
    ('css-a', 1, 1)
    """
    if "moteur" in options or "mentors" in options or "journal" in options:
        raise ErreurArgument(
            "options",
            "celles de planifier, sauf moteur, mentors et journal (ceux de chaque centre)",
            sorted(options),
        )
    racine = Path(dossier)
    centres = lire_province(racine)
    cible = _sortie(racine, sortie)
    date = date or dt.date.today()
    reglages = {
        "version": _version(),
        "date": date.isoformat(),
        # le nombre de processus ne change pas le plan : pas dans l'empreinte
        **{k: v for k, v in sorted(options.items()) if k != "processus"},
    }
    moteurs = _Moteurs(catalogue, regles)
    avancer = _progression(progression, centres)
    lignes: list[LigneProvince] = []
    problemes: list[Probleme] = []
    for rang, centre in enumerate(centres, 1):
        try:
            ligne = _un_centre(
                centre, cible / centre.id, moteurs, reglages, reprendre, date, options
            )
        except ERREURS_DU_CENTRE as exc:
            problemes += [dans_le_centre(centre, p) for p in exc.problemes]
        else:
            lignes.append(ligne)
        avancer(rang, centre)
    avancer(None, None)
    if problemes:
        raise ErreurEffectifs(problemes)
    ecrire_recapitulatif(lignes, cible)
    return lignes


def _un_centre(
    centre: Centre,
    dossier: Path,
    moteurs: _Moteurs,
    reglages: dict[str, Any],
    reprendre: bool,
    date: dt.date,
    options: dict[str, Any],
) -> LigneProvince:
    """La ligne d'un centre : reprise telle quelle, ou son plan fait, écrit et lâché."""
    moteur, moteur_json = moteurs.pour(centre)
    lus = [(f.relative_to(centre.dossier).as_posix(), f) for f in centre.fichiers()]
    empreinte = empreinte_du_centre(lus, moteur_json, reglages)
    if reprendre:
        deja = ligne_reprise(dossier, empreinte)
        if deja is not None:
            return deja
    retirer_le_temoin(dossier)
    plan = planifier(
        centre.enseignants,
        centre.ecoles,
        moteur=moteur,
        mentors=centre.mentors,
        date=date,
        **options,
    )
    dossier.mkdir(parents=True, exist_ok=True)
    # chaque export écrit au fil (sorties/flux.py) : jamais entier en mémoire
    ecrits = [ecrire_html(plan, dossier / RAPPORT), plan.ecrire_json(dossier / JSON)]
    ecrits += plan.ecrire_csv(dossier / DOSSIER_CSV)
    ligne = ligne_du_plan(centre.id, plan)
    del plan  # lâché avant le centre suivant (tests/test_province.py le vérifie)
    # ses cycles aussi : 100 000 personnes en 72 centres, pic 249 → 220 Mo, CPU total égal
    # (bench/chiffres/province.txt)
    gc.collect()
    ecrire_le_temoin(dossier, empreinte, ecrits, ligne)
    return ligne


def _progression(
    progression: ProgressionProvince, centres: list[Centre]
) -> Callable[[int | None, Centre | None], None]:
    """``avancer(rang, centre)`` après chaque centre ; ``(None, None)`` : fini. La barre tqdm
    avance selon la taille des fichiers d'enseignants (le temps d'un centre la suit)."""
    if progression is False:
        return lambda rang, centre: None
    if progression is True:
        from tqdm import tqdm

        poids = {c.id: max(1, _taille(c.enseignants)) for c in centres}
        barre = tqdm(
            total=sum(poids.values()),
            desc=f"province : 0/{len(centres)} centres",
            leave=False,
            bar_format="{desc} : {percentage:3.0f} % |{bar}| [{elapsed} écoulé, reste {remaining}]",
        )

        def avancer(rang: int | None, centre: Centre | None) -> None:
            if rang is None or centre is None:
                barre.close()
                return
            barre.set_description_str(f"province : {rang}/{len(centres)} centres ({centre.id})")
            barre.update(poids[centre.id])

        return avancer
    rappel = progression
    return lambda rang, centre: None if rang is None else rappel(rang, len(centres))


def _taille(chemin: Path) -> int:
    try:
        return chemin.stat().st_size
    except OSError:
        return 0


def verifier_province(
    dossier: str | Path, *, catalogue: str | Path | None = None, regles: str | Path | None = None
) -> list[tuple[str, int, int]]:
    """Vérifie chaque centre sans planifier (ses effectifs, ses personnes mentores, sa
    surcouche, un centre à la fois) : ``(centre, personnes, écoles)`` par centre, ou
    :class:`ErreurEffectifs` avec **tous** les problèmes de tous les centres.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     centre = Path(d) / "css-a"
    ...     centre.mkdir()
    ...     _ = (centre / "enseignants.csv").write_text("enseignant,ecole,ordre\\ne1,Z,primaire\\n")
    ...     _ = (centre / "ecoles.csv").write_text("ecole,nom\\nA,École A\\n")
    ...     verifier_province(d)
    Traceback (most recent call last):
        ...
    recommandeur.ErreurEffectifs: css-a/enseignants.csv : [ligne 2] champ 'ecole' : école inconnue du fichier des écoles (reçu : 'Z')
    """
    centres = lire_province(dossier)
    moteurs = _Moteurs(catalogue, regles)
    comptes: list[tuple[str, int, int]] = []
    problemes: list[Probleme] = []
    for centre in centres:
        try:
            moteur, _ = moteurs.pour(centre)
            effectifs, _ = charger_avec_mentors(
                centre.enseignants, centre.ecoles, centre.mentors, moteur
            )
        except ERREURS_DU_CENTRE as exc:
            problemes += [dans_le_centre(centre, p) for p in exc.problemes]
        else:
            comptes.append((centre.id, len(effectifs.enseignants), len(effectifs.ecoles)))
            del effectifs
    if problemes:
        raise ErreurEffectifs(problemes)
    return comptes
