"""Le catalogue validé et les règles compilées en données JSON, et de retour, revalidés.

La forme commune du transfert vers un processus de calcul (:mod:`.transfert`) et du moteur
compilé en cache (:mod:`.cache`). Rien n'est évalué à la relecture : le catalogue et chaque
règle sont revalidés par leurs modèles pydantic, chaque condition relue par
:func:`recommandeur._langage.expressions.depuis_donnees`, et chaque opérateur doit être un de la
table des opérateurs ; sinon ``ValueError`` (ou ``KeyError``, ``TypeError`` pour une forme
étrangère).
"""

from __future__ import annotations

from typing import Any

from .._catalogue.modeles import Catalogue
from .._langage.base import BaseDeRegles
from .._langage.declarations import Explication, Parametre
from .._langage.expressions import Expression, atomes, depuis_donnees, en_donnees
from .._langage.operateurs import OPERATEURS
from .._langage.regle import Proposition, RegleCompilee


def en_donnees_json(catalogue: Catalogue, base: BaseDeRegles) -> dict[str, Any]:
    """Le catalogue et la base en données JSON (``catalogue``, ``regles``).

    >>> from recommandeur import moteur_par_defaut
    >>> m = moteur_par_defaut()
    >>> depuis_donnees_json(en_donnees_json(m.catalogue, m.base)) == (m.catalogue, m.base)
    True
    """
    return {
        "catalogue": catalogue.model_dump(mode="json"),
        "regles": {
            "version": base.version,
            "regles": [
                {
                    "id": r.id,
                    "fichier": r.fichier,
                    "titre": r.titre,
                    "condition": en_donnees(r.condition),
                    "propositions": [p.model_dump(mode="json") for p in r.propositions],
                    "justification": r.justification,
                    "sources": list(r.sources),
                    "parametres": list(r.parametres),
                }
                for r in base.regles
            ],
            "explications": [[f, e.model_dump(mode="json")] for f, e in base.explications],
            "parametres": [p.model_dump(mode="json") for p in base.parametres],
        },
    }


def _condition(donnees: object) -> Expression:
    condition = depuis_donnees(donnees)
    for atome in atomes(condition):
        if atome.op not in OPERATEURS:
            raise ValueError(f"opérateur inconnu : {atome.op[:40]!r}")
    return condition


def depuis_donnees_json(donnees: Any) -> tuple[Catalogue, BaseDeRegles]:
    """Le catalogue et la base écrits par :func:`en_donnees_json`, revalidés.

    >>> depuis_donnees_json({"catalogue": {}, "regles": {}})
    Traceback (most recent call last):
    ...
    KeyError: 'version'
    """
    regles = donnees["regles"]
    base = BaseDeRegles(
        version=regles["version"],
        regles=tuple(
            RegleCompilee(
                id=r["id"],
                fichier=r["fichier"],
                titre=r["titre"],
                condition=_condition(r["condition"]),
                propositions=tuple(Proposition.model_validate(p) for p in r["propositions"]),
                justification=r["justification"],
                sources=tuple(r["sources"]),
                parametres=tuple(r["parametres"]),
            )
            for r in regles["regles"]
        ),
        explications=tuple((f, Explication.model_validate(e)) for f, e in regles["explications"]),
        parametres=tuple(Parametre.model_validate(p) for p in regles["parametres"]),
    )
    return Catalogue.model_validate(donnees["catalogue"]), base
