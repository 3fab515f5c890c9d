"""Les gabarits de justification : ``"IMSE de l'école : {ecole.imse}."``.

Un gabarit ne peut citer que des champs connus, sans format ni conversion : rien de ce qui
est lu n'est évalué. Le remplissage, pour une personne, est dans :mod:`recommandeur._langage.valeurs`.
"""

from __future__ import annotations

import string
from collections.abc import Collection

from .._base.erreurs import formuler_suggestions, suggerer
from .._profil.champs import CHAMPS

_FORMATEUR = string.Formatter()


def verifier_gabarit(gabarit: str, parametres: Collection[str] = ()) -> None:
    """Vérifie un gabarit : seuls des champs connus, sans format ni conversion ; ``ValueError`` sinon.

    Un gabarit peut aussi citer un paramètre déclaré : ``{parametres.seuil_imse}``.

    >>> verifier_gabarit("Part de novices : {ecole.part_novices}.")
    >>> verifier_gabarit("{ecole.imse!r}")
    Traceback (most recent call last):
    ...
    ValueError: gabarit : '{ecole.imse!r}' ne peut avoir ni conversion ni format ; écrire {ecole.imse}
    """
    try:
        morceaux = list(_FORMATEUR.parse(gabarit))
    except ValueError as exc:
        raise ValueError(
            f"gabarit mal formé ({exc}) ; doubler les accolades littérales : {{{{ }}}}"
        ) from None
    for _, nom, format_, conversion in morceaux:
        if nom is None:
            continue
        if format_ or conversion:
            brut = (
                "{"
                + nom
                + (f"!{conversion}" if conversion else "")
                + (f":{format_}" if format_ else "")
                + "}"
            )
            raise ValueError(
                f"gabarit : '{brut}' ne peut avoir ni conversion ni format ; écrire {{{nom}}}"
            )
        if nom.startswith("parametres."):
            if nom.removeprefix("parametres.") not in parametres:
                connus = [f"parametres.{p}" for p in parametres]
                suite = formuler_suggestions(suggerer(nom, connus))
                raise ValueError(f"gabarit : paramètre inconnu {{{nom}}}{suite}")
        elif nom not in CHAMPS:
            suite = formuler_suggestions(suggerer(nom, CHAMPS))
            raise ValueError(f"gabarit : champ inconnu {{{nom}}}{suite}")


def champs_du_gabarit(gabarit: str) -> tuple[str, ...]:
    """Les champs qu'un gabarit vérifié cite, dans l'ordre.

    >>> champs_du_gabarit("IMSE {ecole.imse}, part {ecole.part_novices}.")
    ('ecole.imse', 'ecole.part_novices')
    """
    return tuple(nom for _, nom, _, _ in _FORMATEUR.parse(gabarit) if nom is not None)


def morceaux(gabarit: str) -> list[tuple[str, str | None]]:
    """Le gabarit vérifié en morceaux ``(texte littéral, champ cité ou None)``.

    >>> morceaux("IMSE {ecole.imse}.")
    [('IMSE ', 'ecole.imse'), ('.', None)]
    """
    return [(litteral, nom) for litteral, nom, _, _ in _FORMATEUR.parse(gabarit)]
