"""Le :class:`Journal` : les entrées de suivi d'un centre gardées dans un fichier SQLite.

Une façade mince : chaque entrée est validée (:mod:`.controle`) puis écrite dans une seule
transaction (:mod:`.stockage`) ; les questions (profil courant, qui revoir, tableau, bilan)
sont les fonctions pures de :mod:`.historique`, :mod:`.echeances`, :mod:`.tableau` et
:mod:`.bilan`, appliquées aux entrées lues.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from .._moteur.moteur import Moteur, moteur_par_defaut
from .._profil.modeles import Profil
from .._recommandation.modeles import Recommandation
from .._recommandation.recommander import recommander
from .bilan import BilanSuivi, bilan
from .controle import valider, verifier
from .echeances import Echeance, Intervalle, a_revoir
from .entrees import Entree, RecommandationFaite
from .erreurs import ErreurSuivi
from .historique import par_personne, profil_courant
from .stockage import Ecriture, Stockage
from .tableau import LigneTableau, tableau


class Journal:
    """Le journal de suivi d'un centre, dans un fichier SQLite (ou en mémoire).

    >>> from datetime import date
    >>> with Journal.ouvrir(":memory:") as j:
    ...     _ = j.ajouter({"genre": "arrivee", "personne": "p-1", "date": "2026-08-28",
    ...                    "par": "cp", "ecole": "ecole-a"})
    ...     _ = j.ajouter({"genre": "debut", "personne": "p-1", "date": "2026-09-10",
    ...                    "par": "cp", "mesure": "mentorat", "intervenant": "mentor"})
    ...     [(e.personne, e.mesure, e.jours) for e in j.a_revoir(date(2026, 11, 1))]
    [('p-1', 'mentorat', 52)]
    """

    def __init__(self, chemin: str | Path, *, moteur: Moteur | None = None) -> None:
        """Comme :meth:`ouvrir` (le stockage SQLite reste un détail de ce module)."""
        self._stockage = Stockage(chemin)
        self._moteur = moteur

    @classmethod
    def ouvrir(cls, chemin: str | Path, *, moteur: Moteur | None = None) -> Journal:
        """Ouvre (ou crée) un journal ; ``":memory:"`` pour un journal en mémoire.

        Un fichier qui n'est pas un journal, endommagé, en lecture seule ou écrit par une
        version plus récente lève :class:`ErreurSuivi`. ``moteur`` : le catalogue contre
        lequel les mesures sont vérifiées et qui recommande (le moteur par défaut sinon).
        """
        return cls(chemin, moteur=moteur)

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self, genre: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.fermer()

    def __repr__(self) -> str:
        return f"<Journal {self._stockage.chemin!r}>"

    @property
    def moteur(self) -> Moteur:
        """Le moteur du journal (le moteur par défaut s'il n'en a pas reçu)."""
        return self._moteur or moteur_par_defaut()

    @property
    def chemin(self) -> str:
        """Le chemin du fichier (ou ``":memory:"``)."""
        return self._stockage.chemin

    def fermer(self) -> None:
        """Ferme le fichier."""
        self._stockage.fermer()

    # --- écrire -------------------------------------------------------------------------

    def ajouter(self, entree: Entree | Mapping[str, Any]) -> Entree:
        """Valide et écrit une entrée (un modèle ou un dict) ; :class:`ErreurSuivi` et rien
        d'écrit si elle est fautive. Renvoie l'entrée validée."""
        valide = valider(entree)
        self.importer([valide])
        return valide

    def importer(
        self,
        entrees: Iterable[Entree | Mapping[str, Any]],
        progression: Callable[[int], Any] | None = None,
    ) -> int:
        """Valide et écrit des entrées en une seule transaction : toutes ou aucune.

        ``progression(n)`` est appelée au fil de l'écriture (``n`` entrées faites).
        Renvoie le nombre d'entrées écrites.
        """
        valides = [valider(e) for e in entrees]
        moteur = self.moteur
        mesures, acteurs = moteur.ids_mesures, moteur.ids_acteurs

        def ecrire(ecriture: Ecriture) -> int:
            historiques: dict[str, list[Entree]] = {}
            connues = None
            for i, e in enumerate(valides):
                if e.personne not in historiques:
                    historiques[e.personne] = ecriture.historique(e.personne)
                historique = historiques[e.personne]
                if not historique and e.genre != "arrivee" and connues is None:
                    connues = self._stockage.personnes()
                verifier(e, historique, connues=connues or (), mesures=mesures, acteurs=acteurs)
                historique.append(e)
                historique.sort(key=lambda x: x.date)
                if progression is not None and i % 500 == 499:
                    ecriture.inserer(valides[i - 499 : i + 1])
                    progression(i + 1)
            reste = len(valides) % 500 if progression is not None else len(valides)
            if reste:
                ecriture.inserer(valides[len(valides) - reste :])
            if progression is not None:
                progression(len(valides))
            return len(valides)

        return self._stockage.ecrire(ecrire)

    def debuter(
        self,
        personne: str,
        le: date,
        mesure: str,
        *,
        par: str,
        intervenant: str | None = None,
        besoin: str | None = None,
    ) -> Entree:
        """Note une mesure débutée (``le`` : la date de début)."""
        return self.ajouter(
            {"genre": "debut", "personne": personne, "date": le, "par": par, "mesure": mesure,
             "intervenant": intervenant, "besoin": besoin}
        )  # fmt: skip

    def revue(
        self, personne: str, le: date, mesure: str, effet: str, *, par: str, **suite: Any
    ) -> Entree:
        """Note la revue d'une mesure débutée : ``effet`` (efficace, partiel, sans_effet), et
        au besoin ``besoins`` réévalués, ``detresse``, ``commentaire``, ``satisfaction``."""
        return self.ajouter(
            {"genre": "revue", "personne": personne, "date": le, "par": par, "mesure": mesure,
             "effet": effet, **suite}
        )  # fmt: skip

    def effacer(self, personne: str) -> int:
        """Efface une personne entièrement (le fichier n'en garde aucune copie) ; le nombre
        d'entrées effacées. Une personne inconnue lève :class:`ErreurSuivi`."""
        self._connue(personne, "effacement")
        return self._stockage.effacer(personne)

    # --- lire ---------------------------------------------------------------------------

    def personnes(self) -> list[str]:
        """Les identifiants des personnes du journal, triés."""
        return self._stockage.personnes()

    def historique(self, personne: str) -> list[Entree]:
        """Les entrées d'une personne, par date ; :class:`ErreurSuivi` si elle est inconnue."""
        return self._connue(personne, "historique")

    def entrees(self) -> list[Entree]:
        """Toutes les entrées, par personne puis date."""
        return self._stockage.entrees()

    def _connue(self, personne: str, quoi: str) -> list[Entree]:
        historique = self._stockage.entrees(personne)
        if not historique:
            verifier_personne(personne, quoi, self._stockage.personnes())
        return historique

    def profil(self, personne: str, a_la_date: date | None = None) -> Profil:
        """Le profil courant : le dernier instantané à cette date, besoins mis à jour par les
        revues, ``mesures_recues`` tirées des mesures débutées et revues (rien à ressaisir)."""
        historique = self._connue(personne, "profil")
        if a_la_date is not None and a_la_date < historique[0].date:
            raise ErreurSuivi(
                f"profil de {personne}",
                "a_la_date",
                a_la_date.isoformat(),
                f"la première entrée de {personne} est du {historique[0].date.isoformat()}",
                "date antérieure à la première entrée de la personne",
            )
        profil = profil_courant(historique, a_la_date)
        if profil is None:
            raise ErreurSuivi(
                f"profil de {personne}",
                "profil",
                None,
                "noter d'abord un profil (entrée « instantane »)",
                "aucun profil noté à cette date",
            )
        return profil

    def recommander(self, personne: str, le: date, *, par: str) -> Recommandation:
        """Recommande sur le profil courant et note la recommandation (avec les versions)."""
        profil = self.profil(personne, le)
        moteur = self.moteur
        reco = recommander(profil, moteur=moteur)
        self.ajouter(
            RecommandationFaite(
                personne=personne, date=le, par=par, profil=profil,
                offres=tuple(m.mesure.id for m in reco.mesures),
                actions=tuple(m.mesure.id for m in reco.actions_milieu),
                version_catalogue=reco.version_catalogue, version_regles=reco.version_regles,
                surcouche=None if moteur.surcouche is None else str(moteur.surcouche),
            )
        )  # fmt: skip
        return reco

    def a_revoir(
        self, le: date, intervalle: Intervalle | None = None, *, avec_detresse: bool = False
    ) -> list[Echeance]:
        """Les revues dues à cette date (voir :func:`recommandeur.a_revoir`)."""
        return a_revoir(self._groupes(), le, intervalle, avec_detresse=avec_detresse)

    def tableau(
        self, le: date, intervalle: Intervalle | None = None, *, avec_detresse: bool = False
    ) -> list[LigneTableau]:
        """Le tableau de suivi des nouveaux à cette date (voir :func:`recommandeur.tableau_de_suivi`)."""
        return tableau(self._groupes(), le, intervalle, avec_detresse=avec_detresse)

    def bilan(
        self,
        debut: date,
        fin: date,
        intervalle: Intervalle | None = None,
        *,
        avec_detresse: bool = False,
    ) -> BilanSuivi:
        """Le bilan des revues de la période (voir :func:`recommandeur.bilan_de_suivi`)."""
        return bilan(self._groupes(), debut, fin, intervalle, avec_detresse=avec_detresse)

    def _groupes(self) -> dict[str, list[Entree]]:
        return par_personne(self._stockage.entrees())


def verifier_personne(personne: str, quoi: str, connues: list[str]) -> None:
    """Lève :class:`ErreurSuivi` pour une personne absente du journal."""
    from .._base.suggestions import formuler_suggestions, suggerer

    proches = formuler_suggestions(suggerer(personne, connues)).removeprefix(" ; ")
    raise ErreurSuivi(
        f"{quoi} de {personne}",
        "personne",
        personne,
        proches or "voir « recommandeur suivi tableau » pour les personnes du journal",
        "personne inconnue du journal",
    )
