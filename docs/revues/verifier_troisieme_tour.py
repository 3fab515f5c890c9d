"""Vérifie les personas de la revue du ticket 18, troisième tour.

Usage (depuis la racine du dépôt, environnement installé) :

    python docs/revues/verifier_troisieme_tour.py [--sortie DOSSIER] [--cli]

Lit ``docs/revues/personas_troisieme_tour.toml``, passe chaque profil dans ``recommander()``,
vérifie les attentes du persona (offres attendues et interdites, actions du milieu, prioritaires,
ordre, porteurs, nombre d'offres en détresse) et les contrôles communs du ticket 18 sur les
textes lus (vue courte et ``--details``) : anglais entre « », numéros de documents nus, accords
genrés, « école » en FP et en FGA hors citation, raisons qui parlent d'une personne absente.
Les textes sont écrits dans ``--sortie`` (un fichier par persona) pour la lecture à voix haute.
Avec ``--cli``, la commande ``recommandeur recommander FICHIER`` (et ``--details``) est aussi
lancée et sa sortie comparée au texte de l'API.

Code de sortie : 0 si tout tient, 1 sinon. Les points « à relire » (heuristiques) ne font pas
échouer le script : ils sont à lire par une personne.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # le module voisin, même sous pytest
from controles_textes import FP_FGA, ecarts, hors_citations

from recommandeur import recommander

RACINE = Path(__file__).resolve().parents[2]
PERSONAS = RACINE / "docs" / "revues" / "personas_troisieme_tour.toml"

# Qui parle une raison, quand la personne n'est pas là (champ de présence -> motifs du texte).
SUJETS_ABSENTS = {
    "mentor_dans_l_ecole": [
        r"la personne mentore de l'école",
        r"la personne mentore la met",
        r"la personne mentore du centre",
        r"[Ll]a mentore",
    ],
    "conseiller_pedagogique": [r"la CP\b", r"conseill[eè]re? ou le conseiller pédagogique"],
    "technopedagogue": [r"technopédagogue lui", r"devraient disposer de technopédagogues"],
    "professionnel": [r"[Pp]rofessionnelle ou professionnel du centre"],
}
ACTEUR_DU_CHAMP = {
    "mentor_dans_l_ecole": "mentor",
    "conseiller_pedagogique": "conseiller_pedagogique",
    "technopedagogue": "technopedagogue",
    "professionnel": "professionnel",
    "pane": "pane",
}


def verifier(persona: dict[str, Any], sortie: Path, cli: bool) -> tuple[list[str], list[str]]:
    """Renvoie (échecs, à relire) pour un persona."""
    profil = persona["profil"]
    reco = recommander(profil)
    echecs: list[str] = []
    relire: list[str] = []
    offres = [m.mesure.id for m in reco.mesures]
    prioritaires = [m.mesure.id for m in reco.prioritaires]
    actions = [m.mesure.id for m in reco.actions_milieu]
    par_id = {m.mesure.id: m for m in [*reco.mesures, *reco.actions_milieu]}

    for mid in persona.get("doit", []):
        if mid not in offres:
            ec = [e for e in reco.ecartees if e.mesure == mid]
            echecs.append(
                f"doit : {mid} absente des offres" + (f" (écartée : {ec[0].raison})" if ec else "")
            )
    for groupe in persona.get("doit_un_de", []):
        if not set(groupe) & set(offres):
            echecs.append(f"doit_un_de : aucune de {groupe}")
    for mid in persona.get("ne_doit_pas", []):
        if mid in offres:
            echecs.append(f"ne_doit_pas : {mid} offerte (rang {offres.index(mid) + 1})")
    for mid in persona.get("actions_doit", []):
        if mid not in actions:
            echecs.append(f"actions_doit : {mid} absente des actions du milieu")
    for mid in persona.get("actions_ne_doit_pas", []):
        if mid in actions:
            echecs.append(f"actions_ne_doit_pas : {mid} présente")
    for mid in persona.get("premieres", []):
        if mid not in prioritaires:
            echecs.append(f"premieres : {mid} pas parmi les prioritaires {prioritaires}")
    for groupe in persona.get("premieres_un_de", []):
        if not set(groupe) & set(prioritaires):
            echecs.append(
                f"premieres_un_de : aucune de {groupe} parmi les prioritaires {prioritaires}"
            )
    for a, b in persona.get("avant", []):
        if a in offres and b in offres and offres.index(a) > offres.index(b):
            echecs.append(f"avant : {a} vient après {b}")
    for mid, acteurs in persona.get("porteurs", {}).items():
        m = par_id.get(mid)
        if m is not None and m.acteur.id not in acteurs:
            echecs.append(
                f"porteurs : {mid} portée par {m.acteur.id} ({m.presence.value}), attendu {acteurs}"
            )
    interdits = set(persona.get("porteurs_interdits", []))
    for m in [*reco.mesures, *reco.actions_milieu]:
        if m.acteur.id in interdits:
            echecs.append(f"porteurs_interdits : {m.mesure.id} portée par {m.acteur.id}")
        if m.presence.value not in ("present", "inconnue"):
            echecs.append(f"présence : {m.mesure.id} portée par un intervenant {m.presence.value}")
    if "max_offres" in persona and len(offres) > persona["max_offres"]:
        echecs.append(f"max_offres : {len(offres)} offres > {persona['max_offres']}")
    if "max_par_porteur_a_confirmer" in persona:
        compte: dict[str, int] = {}
        for m in reco.mesures:
            if m.presence.value == "inconnue":
                compte[m.acteur.id] = compte.get(m.acteur.id, 0) + 1
        for acteur, n in compte.items():
            if n > persona["max_par_porteur_a_confirmer"]:
                echecs.append(
                    f"max_par_porteur_a_confirmer : {acteur} à confirmer porte {n} offres"
                )

    # Détresse : court, calme, suivi (ticket 18, point 5).
    if profil.get("signaux_de_detresse"):
        if len(offres) > 6:
            echecs.append(f"détresse : {len(offres)} offres (au plus six)")
        if "suivi_de_la_personne" not in actions:
            echecs.append("détresse : pas d'action de suivi pour la direction")
        for mid in offres:
            if par_id[mid].mesure.charge:
                echecs.append(f"détresse : {mid} (charge) offerte")

    court = reco.texte()
    details = reco.texte(details=True)
    nom = persona["id"]
    (sortie / f"{nom}.txt").write_text(court, encoding="utf-8")
    (sortie / f"{nom}_details.txt").write_text(details, encoding="utf-8")

    for vue, texte in (("courte", court), ("details", details)):
        for genre, ligne in ecarts(texte):
            if genre == "anglais":
                echecs.append(f"anglais entre « » ({vue}) : {ligne[:90]}")
            elif genre == "numero":
                echecs.append(f"numéro de document nu ({vue}) : {ligne[:110]}")
            elif genre == "genre":
                echecs.append(f"accord genré ({vue}) : {ligne[:110]}")
            elif profil["ordre"] in FP_FGA:
                (echecs if vue == "courte" else relire).append(
                    f"« école » en {profil['ordre']} ({vue}) : {ligne[:110]}"
                )
        for fragment in persona.get("texte_interdit", []):
            if fragment in texte:
                echecs.append(f"texte_interdit ({vue}) : « {fragment} »")

    # Une raison ne parle jamais d'une personne absente (heuristique, à relire).
    ecole = profil.get("ecole", {})
    for champ, motifs in SUJETS_ABSENTS.items():
        if ecole.get(champ) is False:
            for m in [*reco.mesures, *reco.actions_milieu]:
                for motif in m.motifs:
                    for expr in motifs:
                        if re.search(expr, hors_citations(motif.texte)) or re.search(
                            expr, motif.texte
                        ):
                            relire.append(
                                f"absent ({champ}) nommé dans une raison de {m.mesure.id} : {motif.texte[:120]}"
                            )

    if cli:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
            json.dump(profil, f, ensure_ascii=False)
        exe = Path(sys.executable).with_name("recommandeur")
        for option, attendu in (([], court), (["--details"], details)):
            res = subprocess.run(
                [str(exe), "recommander", f.name, *option], capture_output=True, text=True
            )
            (sortie / f"{nom}_cli{'_details' if option else ''}.txt").write_text(
                res.stdout + res.stderr, encoding="utf-8"
            )
            if res.returncode != 0:
                echecs.append(
                    f"CLI {' '.join(option)} : code {res.returncode} : {res.stderr.strip()[:200]}"
                )
            elif attendu.strip() not in res.stdout:
                relire.append(
                    f"CLI {' '.join(option) or 'vue courte'} : sortie différente du texte de l'API"
                )
        Path(f.name).unlink()
    return echecs, relire


def main() -> int:
    """Passe les quinze personas et imprime le bilan.

    >>> callable(main)
    True
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sortie", type=Path, default=Path(tempfile.gettempdir()) / "revue18_t3")
    parser.add_argument("--cli", action="store_true")
    parser.add_argument("--seul", help="identifiant d'un persona")
    args = parser.parse_args()
    args.sortie.mkdir(parents=True, exist_ok=True)
    personas = tomllib.loads(PERSONAS.read_text(encoding="utf-8"))["persona"]
    total = 0
    for p in personas:
        if args.seul and p["id"] != args.seul:
            continue
        echecs, relire = verifier(p, args.sortie, args.cli)
        total += len(echecs)
        print(f"{'OK ' if not echecs else 'ÉCHEC'} {p['id']}")
        for e in echecs:
            print(f"    ✗ {e}")
        for r in relire:
            print(f"    ? {r}")
    print(f"\n{total} écart(s) ; textes dans {args.sortie}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
