"""Les rendus HTML des résultats et des données, pour les carnets Jupyter (``_repr_html_``).

Gabarits Jinja2 dans ``gabarits/`` (lus avec le paquet), tout échappé (``autoescape``) : une
valeur du profil ou du catalogue n'écrit jamais de balise. Chaque rendu est un fragment
autonome (son style compris) ; ses ancres de sources portent un préfixe unique, si bien que
deux rendus d'un même carnet ne se mélangent pas.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .._base.apercu import apercu
from .._langage.valeurs import valeur_lisible
from .._profil.champs import CHAMPS
from .._vocabulaire import Niveau
from .._vocabulaire.centre import au_centre, pour_l_ordre
from .._vocabulaire.titres import reference
from .explorer import changements_et_si, texte_pourquoi_pas
from .recommandation import _entete, raison_principale

if TYPE_CHECKING:
    import jinja2

    from .._analyse.constats import RapportCouverture
    from .._base.erreurs import ErreurRecommandeur
    from .._catalogue.modeles import Acteur, Catalogue, Mesure, Source
    from .._profil.modeles import Profil
    from .._recommandation.explorer import EtSi, PourquoiPas
    from .._recommandation.modeles import MesureRecommandee, Recommandation

_COMPTEUR = itertools.count(1)


@functools.cache
def _environnement() -> jinja2.Environment:
    import jinja2  # importé au premier rendu : l'import de la bibliothèque reste rapide

    environnement = jinja2.Environment(
        loader=jinja2.PackageLoader("recommandeur", "_rendu/gabarits"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environnement.globals["raison_principale"] = raison_principale
    environnement.globals["reference"] = reference
    return environnement


def _rendre(gabarit: str, **valeurs: Any) -> str:
    uid = f"rec{next(_COMPTEUR)}"
    return _environnement().get_template(gabarit).render(uid=uid, **valeurs)


#: Les passages des sources, par clé (``passages_connus()`` du catalogue).
Passages = Mapping[str, "Source"]


def _cles(mesures: Iterable[MesureRecommandee]) -> list[str]:
    return list(dict.fromkeys(c for m in mesures for motif in m.motifs for c in motif.sources))


def html_recommandation(reco: Recommandation, passages: Passages) -> str:
    """La recommandation en HTML : offres d'abord, autres offres, actions du milieu, écartées.

    >>> from recommandeur import recommander
    >>> html = recommander({"annees_experience": 0, "ordre": "primaire"})._repr_html_()
    >>> html.count('<ol class="prioritaires">'), "<details" in html, "&lt;" not in html
    (1, True, True)
    """
    tout = (*reco.mesures, *reco.actions_milieu)
    html = _rendre(
        "recommandation.html.j2",
        reco=reco,
        entete=_entete(reco),
        autres=reco.mesures[reco.nb_prioritaires :],
        cles=_cles(tout),
        trouver=passages.get,
    )
    return pour_l_ordre(html, reco.profil.ordre.value)


def html_mesure_recommandee(m: MesureRecommandee, passages: Passages) -> str:
    """Une mesure recommandée en HTML : niveau, intervenant, raisons repliées, sources."""
    html = _rendre("mesure_recommandee.html.j2", m=m, cles=_cles([m]), trouver=passages.get)
    return au_centre(html) if m.en_centre else html


def html_pourquoi_pas(r: PourquoiPas) -> str:
    """La réponse de ``pourquoi_pas`` en HTML : l'état de la mesure, puis chaque règle."""
    return _rendre("pourquoi_pas.html.j2", r=r, tete=texte_pourquoi_pas(r).splitlines()[0])


def html_et_si(r: EtSi, tout: bool = False) -> str:
    """Les changements d'un ``et_si`` en HTML : offres, puis actions du milieu."""
    offres, actions, caches = changements_et_si(r, tout)

    def lignes(textes: list[str]) -> list[tuple[str, str]]:
        return [(t[0], t[2:]) for t in textes]

    sections = [
        (titre, lignes(t)) for titre, t in (("Offres", offres), ("Actions du milieu", actions)) if t
    ]
    return _rendre("et_si.html.j2", sections=sections, cache=caches)


def _fiche(
    titre: str,
    sections: list[tuple[str, list[tuple[str, Any]]]],
    *,
    classe: str,
    resume: str = "",
    badge: Niveau | None = None,
    cles: Iterable[str] = (),
    passages: Mapping[str, Source] | None = None,
    suite: str = "",
) -> str:
    passages = passages or {}
    return _rendre(
        "fiche.html.j2",
        titre=titre,
        sections=sections,
        classe=classe,
        resume=resume,
        badge=badge,
        cles=list(cles),
        trouver=passages.get,
        suite=suite,
    )


def html_mesure(mesure: Mesure, passages: Passages) -> str:
    """Une mesure du catalogue en HTML : niveau, destinataire, intervenants, sources."""
    lignes = [
        ("description", mesure.description),
        ("destinataire", mesure.destinataire.value),
        ("portée", mesure.portee.value),
        ("modalités", ", ".join(m.value for m in mesure.modalites)),
        (
            "intervenants",
            " ; ".join(
                f"{i.acteur} ({i.role or 'sans ligne de rôle'})" for i in mesure.intervenants
            ),
        ),
        ("besoins", ", ".join(b.libelle for b in mesure.besoins) or "—"),
        ("durée", mesure.duree or "—"),
        ("fréquence", mesure.frequence or "—"),
    ]
    return _fiche(
        mesure.libelle,
        [("", lignes)],
        classe="mesure",
        resume=mesure.id,
        badge=mesure.niveau,
        cles=mesure.sources,
        passages=passages,
    )


def html_acteur(acteur: Acteur, passages: Passages) -> str:
    """Un acteur en HTML : sa présence et les lignes de son rôle."""
    return _fiche(
        acteur.libelle,
        [("Rôle", [(str(i + 1), ligne) for i, ligne in enumerate(acteur.role)])],
        classe="acteur",
        resume=f"{acteur.id} — présence : {acteur.presence}",
        cles=acteur.sources,
        passages=passages,
    )


def html_catalogue(catalogue: Catalogue) -> str:
    """Le catalogue en HTML : ses mesures par niveau, chacune avec ses intervenants."""
    sections = [
        (
            f"Niveau {niveau.libelle}",
            [
                (
                    m.id,
                    f"{m.libelle} — {m.destinataire.value} — "
                    + ", ".join(i.acteur for i in m.intervenants),
                )
                for m in catalogue.mesures
                if m.niveau is niveau
            ],
        )
        for niveau in Niveau
    ]
    return _fiche(
        f"Catalogue {catalogue.version}",
        sections,
        classe="catalogue",
        resume=f"{len(catalogue.mesures)} mesures, {len(catalogue.acteurs)} acteurs, {len(catalogue.sources)} sources",
        suite="cat.mesure(id), cat.acteur(id), cat.source(clé)",
    )


def html_profil(profil: Profil) -> str:
    """Un profil en HTML : chaque champ avec sa description française et sa valeur."""
    sections: list[tuple[str, list[tuple[str, Any]]]] = []
    simples = [
        (info.title or nom, valeur_lisible(CHAMPS[nom], getattr(profil, nom)))
        for nom, info in type(profil).model_fields.items()
        if nom not in {"affectation", "ecole", "besoins", "mesures_recues"}
    ]
    sections.append(("", simples))
    for nom in ("affectation", "ecole"):
        partie = getattr(profil, nom)
        sections.append(
            (
                nom,
                [
                    (info.title or n, valeur_lisible(CHAMPS[f"{nom}.{n}"], getattr(partie, n)))
                    for n, info in type(partie).model_fields.items()
                ],
            )
        )
    sections.append(("besoins", [(b.libelle, i.libelle) for b, i in profil.besoins.items()]))
    sections.append(
        (
            "mesures reçues",
            [
                (r.mesure, "avec effet" if r.efficace else "sans effet")
                for r in profil.mesures_recues
            ],
        )
    )
    return _fiche("Profil", sections, classe="profil")


def html_couverture(r: RapportCouverture) -> str:
    """Le rapport de couverture en HTML : les constats, non expliqués d'abord."""
    non = [(c.genre, c.message) for c in r.constats if c.explication is None]
    oui = [
        (c.genre, f"{c.message} — expliqué : {c.explication}") for c in r.constats if c.explication
    ]
    return _fiche(
        "Couverture des règles",
        [("Non expliqués (à corriger)", non), ("Expliqués", oui)],
        classe="couverture",
        resume=f"catalogue {r.version_catalogue} · règles {r.version_regles} · {len(r.constats)} constat(s)",
        suite="print(rapport) : le texte ; rapport.markdown() : le Markdown",
    )


def html_erreur(e: ErreurRecommandeur) -> str:
    """Une erreur en HTML : chacun de ses problèmes (où, quoi, la suggestion)."""
    problemes = e.problemes_en_donnees
    lignes = [
        (
            p["champ"] or p["fichier"] or "—",
            p["message"]
            + (f" (reçu : {apercu(p['valeur'])})" if p["valeur"] is not None else "")
            + (f" ; vouliez-vous dire {p['suggestion']!r} ?" if p["suggestion"] else ""),
        )
        for p in problemes
    ]
    return _fiche(
        type(e).__name__,
        [("Problèmes", lignes)],
        classe="erreur",
        resume=f"{len(lignes)} problème(s)",
        suite="erreur.to_dict() : les problèmes en données",
    )


def rendre_page(gabarit: str, **valeurs: Any) -> str:
    """Une page entière depuis un gabarit (le rapport d'un plan), tout échappé."""
    return _environnement().get_template(gabarit).render(**valeurs)


def morceaux_de_page(gabarit: str, **valeurs: Any) -> Iterator[str]:
    """La page de :func:`rendre_page`, par morceaux (``Template.generate``) : jamais entière
    en mémoire ; mis bout à bout, les mêmes caractères.

    >>> morceaux = morceaux_de_page("_commun.html.j2")
    >>> iter(morceaux) is morceaux, "".join(morceaux) == rendre_page("_commun.html.j2")
    (True, True)
    """
    return _environnement().get_template(gabarit).generate(**valeurs)
