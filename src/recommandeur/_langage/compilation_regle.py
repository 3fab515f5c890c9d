"""La compilation d'une règle source : condition, propositions, gabarit, sources vérifiés.

Chaque proposition (une mesure recommandée) est vérifiée contre le catalogue : la mesure
existe, ses intervenants retenus en sont bien, chaque ligne de rôle est dans le rôle de
l'acteur, et **la raison cite au moins un passage qui parle de la mesure** (une source
commune avec celles de la mesure). Une raison ne cite un passage qui parle d'un acteur (la
``sujet`` de la source : un témoignage sur les personnes mentores, le rôle de la CP) que si
cet acteur est le seul qui puisse porter la mesure quand elle s'affiche ; sinon la raison
passe dans ``pourquoi_par`` de cet acteur. Le résultat est une :class:`.regle.RegleCompilee`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .._base.erreurs import ABSENT, Probleme, suggerer
from .._catalogue.modeles import Catalogue, Intervenant
from .._catalogue.sources import verifier_cles
from .compilation import Refus, normaliser
from .declarations import Parametre
from .expressions import COMPARAISONS_MAX, taille_disjonctive
from .gabarits import champs_du_gabarit, verifier_gabarit
from .regle import Proposition, RegleCompilee
from .sujets import citations_hors_porteur
from .syntaxe import IntervenantChoisi, Recommande, RefParametre, RegleSource


def _parametres_lus(source: RegleSource) -> tuple[str, ...]:
    lus: list[str] = []
    pile: list[object] = [source.si]
    while pile:
        courant = pile.pop()
        valeur = getattr(courant, "valeur", None)
        if isinstance(valeur, RefParametre):
            lus.append(valeur.parametre)
        for nom in ("tous", "un_de"):
            pile.extend(getattr(courant, nom, ()) or ())
        if getattr(courant, "non", None) is not None:
            pile.append(courant.non)  # type: ignore[attr-defined]
    lus += [
        c.removeprefix("parametres.")
        for c in champs_du_gabarit(source.justification)
        if c.startswith("parametres.")
    ]
    return tuple(dict.fromkeys(lus))


def proposition(
    recommande: Recommande,
    chemin: str,
    regle: tuple[str, tuple[str, ...] | None],
    catalogue: Catalogue | None,
    refus: list[Probleme],
    fichier: str,
) -> Proposition | None:
    """La proposition compilée, ou ``None`` après avoir ajouté ses problèmes à ``refus``.

    ``regle`` : l'identifiant de la règle et ses sources (``None`` si elles sont illisibles :
    on ne peut alors pas dire si la raison parle de la mesure). Sans catalogue (il est
    lui-même invalide), rien n'est vérifié ici.
    """
    id_regle, sources_regle = regle
    if catalogue is None:
        return None

    def probleme(
        message: str, champ: str, valeur: object = ABSENT, suggestions: tuple[str, ...] = ()
    ) -> None:
        refus.append(
            Probleme(
                message,
                fichier=fichier,
                id=id_regle,
                champ=champ,
                valeur=valeur,
                suggestions=suggestions,
            )
        )

    if not catalogue.contient_mesure(recommande.mesure):
        probleme(
            "mesure inconnue du catalogue",
            f"{chemin}.mesure",
            recommande.mesure,
            suggerer(recommande.mesure, catalogue.ids_mesures),
        )
        return None
    mesure = catalogue.mesure(recommande.mesure)
    sources = recommande.sources or sources_regle or ()
    refus.extend(
        verifier_cles(
            recommande.sources,
            catalogue.cles_sources,
            fichier=fichier,
            id=id_regle,
            champ=f"{chemin}.sources",
        )
    )
    inconnues = set(sources) - set(catalogue.cles_sources)
    connues = bool(recommande.sources) or sources_regle is not None
    if connues and not inconnues and not set(sources) & set(mesure.sources):
        probleme(
            f"aucune source de cette raison ne parle de la mesure '{mesure.id}' ; citer l'une "
            f"des siennes : {', '.join(mesure.sources)}",
            f"{chemin}.sources",
            list(sources),
        )
    possibles = {i.acteur: i for i in mesure.intervenants}
    retenus: list[Intervenant] = []
    for rang, choisi in enumerate(recommande.intervenants):
        acteur = choisi if isinstance(choisi, str) else choisi.acteur
        if acteur not in possibles:
            probleme(
                f"'{acteur}' n'est pas un intervenant de la mesure '{mesure.id}' ; attendu : "
                f"{', '.join(possibles)}",
                f"{chemin}.intervenants[{rang}]",
                acteur,
                suggerer(acteur, possibles),
            )
            continue
        if isinstance(choisi, IntervenantChoisi):
            lignes = catalogue.acteur(acteur).role
            if choisi.role not in lignes:
                probleme(
                    f"cette ligne n'est pas dans le rôle de l'acteur '{acteur}'",
                    f"{chemin}.intervenants[{rang}].role",
                    choisi.role,
                    suggerer(choisi.role, lignes),
                )
                continue
            retenus.append(Intervenant(acteur=acteur, role=choisi.role))
        else:
            retenus.append(possibles[acteur])
    for acteur in recommande.pourquoi_par:
        if acteur not in possibles:
            probleme(
                f"'{acteur}' n'est pas un intervenant de la mesure '{mesure.id}' ; attendu : "
                f"{', '.join(possibles)}",
                f"{chemin}.pourquoi_par",
                acteur,
                suggerer(acteur, possibles),
            )
    if mesure.destinataire.value == "personne" and not inconnues:
        for message, champ, valeur in citations_hors_porteur(
            recommande, possibles, sources, catalogue
        ):
            probleme(message, f"{chemin}.{champ}", valeur)
    return Proposition(
        mesure=mesure.id,
        poids=recommande.poids,
        priorite=recommande.priorite,
        pourquoi=recommande.pourquoi,
        sources=tuple(sources),
        intervenants=tuple(retenus),
        pourquoi_par=tuple(recommande.pourquoi_par.items()),
    )


def probleme_de_refus(refus: Refus, fichier: str, id_regle: str) -> Probleme:
    """Le problème d'une comparaison refusée d'une règle."""
    return Probleme(
        refus.message,
        fichier=fichier,
        id=id_regle,
        champ=refus.champ,
        valeur=refus.valeur,
        suggestions=refus.suggestions,
    )


def compiler_regle(
    source: RegleSource,
    fichier: str,
    catalogue: Catalogue | None,
    parametres: Mapping[str, Parametre] | None = None,
) -> Iterator[Probleme | RegleCompilee]:
    """Les problèmes d'une règle, tous ; ou, s'il n'y en a aucun, la règle compilée."""
    parametres = parametres or {}
    erreurs: list[Probleme] = []
    refus: list[Refus] = []
    condition = normaliser(source.si, parametres=parametres, refus=refus)
    erreurs.extend(probleme_de_refus(r, fichier, source.id) for r in refus)
    if not refus:
        comparaisons = taille_disjonctive(condition)[1]
        if comparaisons > COMPARAISONS_MAX:
            erreurs.append(
                Probleme(
                    f"condition trop complexe pour le moteur : {comparaisons} comparaisons une "
                    f"fois développée en forme disjonctive (au plus {COMPARAISONS_MAX}) ; "
                    "la scinder en plusieurs règles",
                    fichier=fichier,
                    id=source.id,
                    champ="si",
                )
            )
    propositions: list[Proposition] = []
    vues: set[str] = set()
    for rang, recommande in enumerate(source.recommande):
        if recommande.mesure in vues:
            erreurs.append(
                Probleme(
                    "mesure recommandée deux fois par la même règle",
                    fichier=fichier,
                    id=source.id,
                    champ=f"recommande[{rang}].mesure",
                    valeur=recommande.mesure,
                )
            )
            continue
        vues.add(recommande.mesure)
        compilee = proposition(
            recommande,
            f"recommande[{rang}]",
            (source.id, source.sources),
            catalogue,
            erreurs,
            fichier,
        )
        if compilee is not None:
            propositions.append(compilee)
    try:
        verifier_gabarit(source.justification, parametres)
    except ValueError as exc:
        erreurs.append(Probleme(str(exc), fichier=fichier, id=source.id, champ="justification"))
    if catalogue is not None:
        erreurs.extend(
            verifier_cles(source.sources, catalogue.cles_sources, fichier=fichier, id=source.id)
        )
    if erreurs or catalogue is None:
        yield from erreurs
        return
    yield RegleCompilee(
        id=source.id,
        fichier=fichier,
        titre=source.titre,
        condition=condition,
        propositions=tuple(propositions),
        justification=source.justification,
        sources=source.sources,
        parametres=_parametres_lus(source),
    )
