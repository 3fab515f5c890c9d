"""La commande ``recommandeur suivi`` : le journal de suivi d'un centre (docs/suivi.md).

Sous-commandes : ``importer`` (des effectifs, toutes les lignes ou aucune), ``debuter``,
``revue``, ``reponse``, ``consentement``, ``a-revoir``, ``tableau`` (``--html``, ``--csv``), ``historique``, ``bilan``,
``effacer``. Arguments et entrées-sorties seulement : tout le reste est dans ``_suivi``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from .._moteur.moteur import Moteur
from .._programme.donnees.effectifs import charger_effectifs
from .._suivi.echeances import Intervalle
from .._suivi.entrees import LIBELLES_EFFETS, NOMS, Entree
from .._suivi.exports import tableau_csv, tableau_html
from .._suivi.journal import Journal
from .francais import entier

#: Au-delà de ce nombre de lignes, l'importation montre une barre de progression (tqdm).
BARRE_DES = 1000


def _date(texte: str) -> date:
    """Le type « date » des options : AAAA-MM-JJ."""
    return date.fromisoformat(texte)


_date.__name__ = "date"


def ajouter(
    sous: Any,
    dossiers: Callable[[argparse.ArgumentParser], None],
    moteur: Callable[[argparse.Namespace], Moteur | None],
) -> None:
    """Ajoute la sous-commande ``suivi`` à l'analyseur de ``recommandeur``."""
    suivi = sous.add_parser("suivi", help="le journal de suivi au fil de l'année (SQLite)")
    actions = suivi.add_subparsers(dest="action", required=True)

    def commande(nom: str, aide: str, faire: Callable[[argparse.Namespace, Journal], int]) -> Any:
        p = actions.add_parser(nom, help=aide)
        p.add_argument("journal", help="le fichier du journal (créé s'il n'existe pas)")
        p.set_defaults(executer=lambda args: _avec_journal(args, moteur(args), faire))
        return p

    def qui_quand(p: Any) -> None:
        p.add_argument("--date", type=_date, default=None, help="AAAA-MM-JJ (défaut : aujourd'hui)")
        p.add_argument("--par", required=True, help="qui note l'entrée (un identifiant)")

    imp = commande("importer", "importer des effectifs : toutes les lignes ou aucune", _importer)
    imp.add_argument("enseignants", help="fichier des enseignants (.csv, .json ou .toml)")
    imp.add_argument("--ecoles", required=True, metavar="FICHIER", help="fichier des écoles")
    imp.add_argument("--sans-progression", action="store_true", help="sans barre de progression")
    qui_quand(imp)
    dossiers(imp)

    deb = commande("debuter", "noter une mesure débutée", _debuter)
    deb.add_argument("personne")
    deb.add_argument("mesure", help="identifiant de la mesure du catalogue")
    deb.add_argument("--intervenant", help="identifiant de l'acteur qui l'offre")
    deb.add_argument("--besoin", help="le besoin qu'elle sert")
    qui_quand(deb)
    dossiers(deb)

    rev = commande("revue", "noter la revue d'une mesure débutée", _revue)
    rev.add_argument("personne")
    rev.add_argument("mesure")
    rev.add_argument("effet", choices=tuple(LIBELLES_EFFETS), help="efficace, partiel, sans_effet")
    rev.add_argument(
        "--besoin",
        action="append",
        default=[],
        metavar="BESOIN=INTENSITE",
        help="un besoin réévalué (répétable) : gestion_de_classe=moderee",
    )
    rev.add_argument("--detresse", choices=("oui", "non"), help="signaux de détresse réévalués")
    rev.add_argument("--commentaire", default="", help="un court commentaire (500 caractères)")
    rev.add_argument("--satisfaction", type=entier, help="de 1 à 5, si elle a été sondée")
    qui_quand(rev)
    dossiers(rev)

    rep = commande("reponse", "noter la réponse à une offre", _reponse)
    rep.add_argument("personne")
    rep.add_argument("mesure")
    rep.add_argument("decision", choices=("acceptee", "refusee", "differee"))
    qui_quand(rep)
    dossiers(rep)

    con = commande("consentement", "noter le consentement au partage de la détresse", _consentement)
    con.add_argument("personne")
    con.add_argument("partage", choices=("oui", "non"), help="oui : la personne consent")
    qui_quand(con)
    dossiers(con)

    for nom, aide, faire in (
        ("a-revoir", "les revues dues à une date", _a_revoir),
        ("tableau", "le tableau de suivi des nouveaux", _tableau),
    ):
        p = commande(nom, aide, faire)
        p.add_argument("--date", type=_date, default=None, help="AAAA-MM-JJ (défaut : aujourd'hui)")
        p.add_argument("--jours", type=entier, default=42, help="revue due après N jours (42)")
        p.add_argument("--retard", type=entier, default=56, help="en retard après N jours (56)")
        p.add_argument(
            "--avec-detresse",
            action="store_true",
            help="montrer la détresse des personnes qui ont consenti à son partage",
        )
        dossiers(p)
    tab = actions.choices["tableau"]
    tab.add_argument("--html", metavar="FICHIER", help="écrire le tableau en HTML")
    tab.add_argument("--csv", metavar="FICHIER", help="écrire le tableau en CSV")

    his = commande("historique", "l'historique d'une personne", _historique)
    his.add_argument("personne")
    dossiers(his)

    bil = commande("bilan", "le bilan des revues d'une période", _bilan)
    bil.add_argument("--debut", type=_date, required=True, help="AAAA-MM-JJ")
    bil.add_argument("--fin", type=_date, required=True, help="AAAA-MM-JJ")
    dossiers(bil)

    eff = commande("effacer", "effacer une personne entièrement du journal", _effacer)
    eff.add_argument("personne")
    dossiers(eff)


def _avec_journal(
    args: argparse.Namespace,
    moteur: Moteur | None,
    faire: Callable[[argparse.Namespace, Journal], int],
) -> int:
    with Journal.ouvrir(args.journal, moteur=moteur) as journal:
        return faire(args, journal)


def _le(args: argparse.Namespace) -> date:
    return args.date or date.today()


def _importer(args: argparse.Namespace, journal: Journal) -> int:
    m = journal.moteur
    effectifs = charger_effectifs(
        Path(args.enseignants), Path(args.ecoles), mesures=m.ids_mesures, acteurs=m.ids_acteurs
    )
    le, par = _le(args).isoformat(), args.par
    entrees: list[dict[str, Any]] = []
    for e in effectifs.enseignants:
        commun = {"personne": e.id, "date": le, "par": par}
        entrees.append({"genre": "arrivee", "ecole": e.ecole, **commun})
        entrees.append({"genre": "instantane", "profil": e.profil, **commun})
    progression = None
    barre: Any = None
    if len(effectifs.enseignants) >= BARRE_DES and not args.sans_progression:
        from tqdm import tqdm

        barre = tqdm(total=len(entrees), desc="importer", unit=" entrées", file=sys.stderr)

        def progression(n: int) -> None:
            barre.update(n - barre.n)

    try:
        n = journal.importer(entrees, progression)
    finally:
        if barre is not None:
            barre.close()
    print(f"Importé : {len(effectifs.enseignants)} personne(s), {n} entrée(s) dans {args.journal}")
    return 0


def _debuter(args: argparse.Namespace, journal: Journal) -> int:
    e = journal.debuter(
        args.personne, _le(args), args.mesure, par=args.par,
        intervenant=args.intervenant, besoin=args.besoin,
    )  # fmt: skip
    print(f"Noté : {_ligne(e)}")
    return 0


def _revue(args: argparse.Namespace, journal: Journal) -> int:
    besoins = {}
    for texte in args.besoin:
        besoin, _, intensite = texte.partition("=")
        besoins[besoin.strip()] = intensite.strip()
    suite: dict[str, Any] = {"commentaire": args.commentaire}
    if besoins:
        suite["besoins"] = besoins
    if args.detresse:
        suite["detresse"] = args.detresse == "oui"
    if args.satisfaction is not None:
        suite["satisfaction"] = args.satisfaction
    e = journal.revue(args.personne, _le(args), args.mesure, args.effet, par=args.par, **suite)
    print(f"Noté : {_ligne(e)}")
    return 0


def _reponse(args: argparse.Namespace, journal: Journal) -> int:
    e = journal.ajouter(
        {"genre": "reponse", "personne": args.personne, "date": _le(args), "par": args.par,
         "mesure": args.mesure, "decision": args.decision}
    )  # fmt: skip
    print(f"Noté : {_ligne(e)}")
    return 0


def _consentement(args: argparse.Namespace, journal: Journal) -> int:
    e = journal.ajouter(
        {"genre": "consentement", "personne": args.personne, "date": _le(args), "par": args.par,
         "partage": args.partage == "oui"}
    )  # fmt: skip
    print(f"Noté : {_ligne(e)}")
    return 0


def _intervalle(args: argparse.Namespace) -> Intervalle:
    return Intervalle(jours=args.jours, retard=max(args.retard, args.jours))


def _a_revoir(args: argparse.Namespace, journal: Journal) -> int:
    le = _le(args)
    dues = journal.a_revoir(le, _intervalle(args), avec_detresse=args.avec_detresse)
    print(f"À revoir au {le.isoformat()} : {len(dues)} revue(s) due(s)")
    for d in dues:
        quoi = d.mesure or ("suivi de détresse" if d.motif == "detresse" else "suivi")
        retard = " (en retard)" if d.en_retard else ""
        print(f"  {d.personne} ({d.ecole}) : {quoi}, depuis le {d.depuis} ({d.jours} j){retard}")
    return 0


def _tableau(args: argparse.Namespace, journal: Journal) -> int:
    le = _le(args)
    lignes = journal.tableau(le, _intervalle(args), avec_detresse=args.avec_detresse)
    if args.html:
        page = tableau_html(lignes, le, jours=args.jours, detresse=args.avec_detresse)
        Path(args.html).write_text(page, encoding="utf-8")
        print(f"HTML : {args.html}")
    if args.csv:
        Path(args.csv).write_text(tableau_csv(lignes), encoding="utf-8-sig")
        print(f"CSV : {args.csv}")
    if not (args.html or args.csv):
        print(f"Tableau de suivi au {le.isoformat()} : {len(lignes)} personne(s)")
        for x in lignes:
            dues = f" ; à revoir : {', '.join(x.a_revoir)}" if x.a_revoir else ""
            besoins = ", ".join(f"{b} {i}" for b, i in x.besoins.items()) or "aucun"
            print(
                f"  {x.personne} ({x.ecole}) : en cours : {', '.join(x.mesures) or 'rien'} ; "
                f"besoins : {besoins}{dues}"
            )
    return 0


def _ligne(e: Entree) -> str:
    texte = f"{e.date} {NOMS[e.genre]} de {e.personne} (par {e.par})"
    for champ in ("ecole", "mesure", "intervenant", "effet", "decision", "partage"):
        valeur = getattr(e, champ, None)
        if valeur is not None:
            texte += f" · {champ} : {getattr(valeur, 'value', valeur)}"
    return texte


def _historique(args: argparse.Namespace, journal: Journal) -> int:
    entrees = journal.historique(args.personne)
    print(f"Historique de {args.personne} : {len(entrees)} entrée(s)")
    for e in entrees:
        print(f"  {_ligne(e)}")
    return 0


def _bilan(args: argparse.Namespace, journal: Journal) -> int:
    b = journal.bilan(args.debut, args.fin)
    part = "—" if b.part_a_temps is None else f"{round(b.part_a_temps * 100)} %"
    print(
        f"Bilan du {b.debut} au {b.fin} : {b.revues} revue(s) pour {b.personnes} personne(s), "
        f"{part} à temps ; {b.allegements} allègement(s), {b.escalades} escalade(s)"
    )
    if b.satisfaction is not None:
        print(f"Satisfaction : {b.satisfaction} sur 5 ({b.nb_satisfaction} réponse(s))")
    for titre, lignes in (("mesure", b.par_mesure), ("intervenant", b.par_intervenant),
                          ("école", b.par_ecole)):  # fmt: skip
        print(f"Par {titre} :")
        for x in lignes:
            print(f"  {x.cle} : {x.efficace} efficace(s), {x.partiel} partiel(s), "
                  f"{x.sans_effet} sans effet")  # fmt: skip
    return 0


def _effacer(args: argparse.Namespace, journal: Journal) -> int:
    n = journal.effacer(args.personne)
    print(f"Effacé : {args.personne} ({n} entrée(s)) ; le fichier n'en garde aucune copie")
    return 0
