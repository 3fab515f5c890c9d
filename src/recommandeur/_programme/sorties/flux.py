"""Les exports d'un plan écrits au fil : le JSON et les CSV par morceaux, jamais entiers en mémoire.

Le JSON d'un plan de 6 710 personnes fait 9 Mo : ``plan.model_dump`` puis ``json.dumps`` en
gardaient l'arbre entier puis la chaîne entière (``bench/chiffres/province_decomposition.txt``).
Ici, chaque partie du plan est sérialisée à son tour, et chaque élément d'une liste de modèles
(les personnes, les groupes, les écoles…) un par un : **les mêmes octets**
(``tests/test_exports_au_fil.py``), avec ``json.dumps`` et ses séparateurs par défaut.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from pydantic import BaseModel

#: Les lignes d'un CSV écrites ensemble avant d'être rendues (un morceau).
LIGNES_PAR_MORCEAU = 500

Caviardage = Callable[[dict[str, Any]], dict[str, Any]]


def _texte(valeur: Any) -> str:
    return json.dumps(valeur, ensure_ascii=False)


def morceaux_json(
    modele: BaseModel,
    caviardages: dict[tuple[str, ...], Caviardage] | None = None,
    chemin: tuple[str, ...] = (),
) -> Iterator[str]:
    """Le texte de ``json.dumps(modele.model_dump(mode="json"), ensure_ascii=False)``, par
    morceaux : une partie (un champ) à la fois, une liste de modèles élément par élément.
    ``caviardages`` : pour le chemin d'une liste de modèles, ce qui change chacun de ses
    éléments (déjà mis en JSON) avant qu'il soit écrit.

    >>> from recommandeur._programme.modeles import Tranche, Bilan, BilanMesure
    >>> b = Bilan(par_mesure=[BilanMesure(mesure="m", libelle="M", ecole=None, avec_effet=1,
    ...           sans_effet=0)], par_ecole=[], besoins_escalades=2)
    >>> "".join(morceaux_json(b))
    '{"par_mesure": [{"mesure": "m", "libelle": "M", "ecole": null, "avec_effet": 1, "sans_effet": 0}], "par_ecole": [], "besoins_escalades": 2}'
    >>> "".join(morceaux_json(b)) == json.dumps(b.model_dump(mode="json"), ensure_ascii=False)
    True
    """
    caviardages = caviardages or {}
    yield "{"
    for rang, nom in enumerate(type(modele).model_fields):
        yield f"{', ' if rang else ''}{_texte(nom)}: "
        valeur = getattr(modele, nom)
        ici = (*chemin, nom)
        if isinstance(valeur, BaseModel):
            yield from morceaux_json(valeur, caviardages, ici)
        elif isinstance(valeur, list) and valeur and all(isinstance(x, BaseModel) for x in valeur):
            caviarder = caviardages.get(ici)
            yield "["
            for i, element in enumerate(valeur):
                donnees = element.model_dump(mode="json")
                if caviarder is not None:
                    donnees = caviarder(donnees)
                yield f"{', ' if i else ''}{_texte(donnees)}"
            yield "]"
        else:
            yield _texte(modele.model_dump(mode="json", include={nom})[nom])
    yield "}"


def morceaux_csv(entete: Sequence[Sequence[Any]], lignes: Iterable[Sequence[Any]]) -> Iterator[str]:
    """Le texte d'un CSV (séparateur ``;``) : ses lignes d'en-tête, puis ses lignes, par
    morceaux d'au plus :data:`LIGNES_PAR_MORCEAU` lignes.

    >>> "".join(morceaux_csv([["a", "b"]], iter([[1, "x;y"], [2, ""]])))
    'a;b\\r\\n1;"x;y"\\r\\n2;\\r\\n'
    """
    tampon = io.StringIO(newline="")
    ecrivain = csv.writer(tampon, delimiter=";")
    ecrivain.writerows(entete)
    for rang, ligne in enumerate(lignes, 1):
        ecrivain.writerow(ligne)
        if rang % LIGNES_PAR_MORCEAU == 0:
            yield tampon.getvalue()
            tampon.seek(0)
            tampon.truncate()
    yield tampon.getvalue()
