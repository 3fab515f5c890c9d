"""Les textes courts des objets qu'une personne imprime : une offre, une raison, un écart.

``print(reco.mesures[0])``, ``print(motif)`` : quelques lignes en français, les mêmes que dans
la recommandation entière (:func:`~recommandeur._rendu.recommandation.texte_recommandation`),
jamais les champs bruts de pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._vocabulaire.centre import au_centre
from .._vocabulaire.titres import references
from .recommandation import _bloc, phrase_escalade

if TYPE_CHECKING:
    from .._profil.modeles import MesureRecue
    from .._recommandation.modeles import Escalade, MesureEcartee, MesureRecommandee, Motif


def texte_mesure_recommandee(m: MesureRecommandee) -> str:
    """Une offre (ou une action du milieu) : son rang, son niveau, qui l'offre, la raison
    principale ; « à offrir d'abord » si elle est prioritaire."""
    lignes = _bloc(m, details=False, largeur=len(str(m.rang)))
    if m.prioritaire:
        lignes[0] += " — à offrir d'abord"
    texte = "\n".join(lignes)
    return au_centre(texte) if m.en_centre else texte


def texte_motif(motif: Motif) -> str:
    """Une raison : la règle, son texte, les faits lus et les sources."""
    faits = " ; ".join(f.texte for f in motif.faits) or "aucun"
    return (
        f"{motif.titre} [{motif.regle}] : {motif.texte}\n"
        f"  faits : {faits} — sources : {references(motif.sources)}"
    )


def texte_ecartee(e: MesureEcartee) -> str:
    """Une mesure non offerte, et pourquoi."""
    return f"{e.libelle} ({e.mesure}) : non offerte, {e.raison}"


def texte_escalade(e: Escalade) -> str:
    """Une escalade, en une phrase."""
    phrase = phrase_escalade(e)
    return phrase[:1].upper() + phrase[1:]


def texte_mesure_recue(r: MesureRecue) -> str:
    """Une mesure déjà reçue : laquelle, son effet, pour quel besoin et avec qui."""
    morceaux = [f"{r.mesure} : reçue, {'avec' if r.efficace else 'sans'} l'effet attendu"]
    if r.besoin is not None:
        morceaux.append(f"pour le besoin « {r.besoin.libelle} »")
    if r.intervenant is not None:
        morceaux.append(f"avec {r.intervenant}")
    return ", ".join(morceaux)
