"""Les raisons de l'appariement (voir :mod:`.appariement`) : pourquoi cette personne mentore,
ou pourquoi aucune, avec quoi faire."""

from __future__ import annotations

from collections.abc import Mapping

from ..donnees.mentors import Mentor
from .criteres import Demande, continue_avec, exclu, lieu, meme_matiere


def _nom(ecole: str, noms: Mapping[str, str]) -> str:
    return noms.get(ecole, ecole)


def raisons_de_la_paire(
    d: Demande,
    m: Mentor,
    servant: Mapping[str, list[Mentor]],
    mentores: Mapping[str, list[str]],
    capacites: Mapping[str, int],
    noms: Mapping[str, str],
) -> list[str]:
    ici = lieu(d, m)
    raisons = []
    if ici == 0:
        raisons.append(f"même bâtiment ({m.batiment}) de la même école")
    elif ici == 1:
        raisons.append(f"même école ({_nom(d.ecole, noms)})")
    else:
        raisons.append(
            f"personne mentore d'une autre école ({_nom(m.ecole, noms)}) qui intervient aussi "
            "dans la sienne (« dans plus d'une école », le rapport du CSSPS)"
        )
    mieux = [
        x
        for x in servant.get(d.ecole, [])
        if x.id != m.id
        and not exclu(d, x)
        and lieu(d, x) < ici
        and len(mentores[x.id]) >= capacites[x.id]
    ]
    if mieux:
        plus_proche = ", ".join(x.id for x in mieux)
        raisons.append(f"plus proche mais à sa capacité : {plus_proche}")
    if continue_avec(d, m):
        raisons.append("sa personne mentore précédente (la continuité)")
    if m.ordre is not None and m.ordre.value == d.ordre:
        raisons.append(f"même ordre ({m.ordre.libelle})")
    if meme_matiere(d, m):
        raisons.append(f"même matière ({d.matiere})")
    if d.echec and d.precedent is not None:
        raisons.append(
            f"{DEBUT_RAISON_PRECEDENT}{d.precedent}, avec qui le mentorat est resté sans effet"
        )
    return raisons


#: Le motif (``NonApparie.motif``) de la raison du mentorat précédent resté sans effet : une
#: raison confidentielle (003 : « la confidentialité de la relation mentor-mentoré »), jamais
#: dans un fichier du centre ni dans une alerte.
PRECEDENT = "precedent"
#: La raison de paire qui le dit (reste dans le plan, jamais dans un fichier du centre).
DEBUT_RAISON_PRECEDENT = "une autre personne mentore que "


def pourquoi_sans_mentor(
    d: Demande,
    servant: Mapping[str, list[Mentor]],
    mentores: Mapping[str, list[str]],
    capacites: Mapping[str, int],
) -> tuple[str, str]:
    """Le motif (``aucune``, ``precedent``, ``capacite``) et la raison d'une demande sans
    personne mentore, avec quoi faire."""
    tous = servant.get(d.ecole, [])
    if not tous:
        return "aucune", (
            "aucune personne mentore nommée dans l'école ni pour elle : nommer une personne "
            "mentore du milieu, ou en inscrire une d'une autre école (colonne autres_ecoles)"
        )
    possibles = [m for m in tous if not exclu(d, m)]
    if not possibles:
        return PRECEDENT, (
            f"la seule personne mentore de l'école, {d.precedent}, est celle avec qui le mentorat "
            "est resté sans effet : inscrire une personne mentore d'une autre école (colonne "
            "autres_ecoles)"
        )
    pleines = ", ".join(f"{m.id} : {len(mentores[m.id])} sur {capacites[m.id]}" for m in possibles)
    return "capacite", (
        f"les personnes mentores possibles sont à leur capacité ({pleines}) : libérer une autre "
        "personne mentore ou augmenter une capacité"
    )
