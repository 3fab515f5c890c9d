"""La portée du programme de mentorat du centre (``[programme]``) : les ordres qu'il couvre.

Le dispositif de mentorat du CSSPS visait « le primaire et le secondaire » (rapport du CSSPS,
2023) : le catalogue livré déclare ``ordres = ["prescolaire", "primaire", "secondaire"]``. Un
centre dont le programme couvre aussi la formation professionnelle ou l'éducation des adultes
le dit dans sa surcouche ; le fait dérivé ``programme_couvre_l_ordre`` le porte aux règles
(le mentorat scolaire, « Nommer une personne mentore »).
"""

from __future__ import annotations

from pydantic import Field

from .._base.erreurs import Probleme
from .._base.messages import valider_entree
from .._vocabulaire import Ordre
from .modeles import _Immuable

#: La portée du dispositif de mentorat du rapport du CSSPS (2023) : préscolaire à secondaire.
ORDRES_DU_CSSPS = (Ordre.PRESCOLAIRE, Ordre.PRIMAIRE, Ordre.SECONDAIRE)


class Programme(_Immuable):
    """La table ``[programme]`` : les ordres d'enseignement que couvre le programme du centre.

    >>> [o.value for o in Programme(ordres=["primaire", "formation_professionnelle"]).ordres]
    ['primaire', 'formation_professionnelle']
    """

    ordres: tuple[Ordre, ...] = Field(min_length=1)


def lire_programme(
    nom: str, brute: dict[str, object], problemes: list[Probleme]
) -> tuple[Ordre, ...] | None:
    """Les ordres d'une table ``[programme]`` valide, sans doublon ; sinon ``None`` et ses problèmes.

    >>> p = []
    >>> lire_programme("r.toml", {"ordres": ["primaire", "fp"]}, p), len(p)
    (None, 1)
    >>> print(p[0])  # doctest: +ELLIPSIS
    r.toml : [programme] champ 'ordres[1]' : valeur inconnue ; attendu : prescolaire, ...
    """
    programme = valider_entree(Programme, brute, problemes, fichier=nom, id="programme")
    return None if programme is None else tuple(dict.fromkeys(programme.ordres))
