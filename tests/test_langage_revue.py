"""Revue de mutation indépendante (m8m) : la compilation d'une règle, ses déclarations.

Ce que la compilation d'une règle (``recommandeur._langage.compilation_regle``) retient et
refuse, épinglé par de petits cas faits main à la sortie exacte : les paramètres qu'une règle
lit (sous ``non``, dans ``un_de``, dans son gabarit, chacun une fois), une ligne de rôle choisie
pour un intervenant, la borne de complexité du moteur ; et ce qu'un paramètre déclaré dit de
lui-même (``recommandeur._langage.declarations``) : une convention seulement quand il le dit,
en booléen ; un opérateur écrit par un alias, quelle que soit sa casse
(``recommandeur._langage.syntaxe``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from recommandeur import (
    Catalogue,
    ErreurRegle,
    Proposition,
    charger_regles,
    iter_erreurs_regles,
)
from recommandeur._langage.declarations import Parametre
from recommandeur._langage.expressions import COMPARAISONS_MAX
from recommandeur._langage.syntaxe import (
    RANG_PRIORITE_MAX,
    Comparaison,
    Condition,
    Non,
    SeuilBesoin,
    Tous,
    UnDe,
)
from recommandeur._vocabulaire import Besoin, Intensite

from .test_parametres_types import PARAMETRES as PARAMETRES_TYPES

Fabrique = Callable[[str], Path]

PARAMETRES = (
    PARAMETRES_TYPES
    + """
[[parametre]]
id = "peu_d_experience"
champ = "annees_experience"
valeur = 3
libelle = "années d'expérience"
origine = "convention du test"
"""
)


def _regle(
    si: str,
    justification: str = "IMSE {ecole.imse}",
    recommande: str = '{ mesure = "soutien_ecole_soutenue", poids = 2 }',
    source: str = "annexe1/cible/g",
    id: str = "essai",
) -> str:
    return f"""
[[regle]]
id = "{id}"
titre = "Essai"
si = {si}
justification = "{justification}"
sources = ["{source}"]
recommande = [{recommande}]
"""


def test_les_parametres_lus_sous_non_dans_un_de_et_dans_le_gabarit(
    catalogue: Catalogue, dossier_regles: Fabrique
) -> None:
    """Chaque paramètre lu compte une fois, où qu'il soit lu, sans le préfixe du gabarit."""
    si = (
        '{ tous = [ { non = { champ = "ecole.imse", op = ">=", valeur = { parametre = "seuil_imse" } } }, '
        '{ un_de = [ { champ = "annees_experience", op = "<", valeur = { parametre = "peu_d_experience" } }, '
        '{ champ = "annees_en_insertion", op = "<", valeur = 7 } ] } ] }'
    )
    gabarit = "Au moins {parametres.plusieurs_ecoles} écoles, IMSE sous {parametres.seuil_imse}."
    texte = (
        PARAMETRES
        + _regle(si, id="condition_seule")
        + _regle(si, gabarit, id="et_gabarit")
        + _regle('{ champ = "ecole.imse", op = ">=", valeur = 8 }', id="sans_parametre")
    )
    base = charger_regles(catalogue, dossier_regles(texte))
    assert {r.id: sorted(r.parametres) for r in base.regles} == {
        "condition_seule": ["peu_d_experience", "seuil_imse"],
        "et_gabarit": ["peu_d_experience", "plusieurs_ecoles", "seuil_imse"],
        "sans_parametre": [],
    }


def _avec_role(role: str) -> str:
    return _regle(
        '{ champ = "annees_experience", op = "<", valeur = 3 }',
        recommande=(
            '{ mesure = "accompagnement_individuel", poids = 1, '
            f'intervenants = [{{ acteur = "mentor", role = "{role}" }}, "equipe_ecole"] }}'
        ),
        source="annexe1/individuel/b",
    )


def test_une_ligne_de_role_hors_du_role_de_l_acteur_est_refusee(
    catalogue: Catalogue, dossier_regles: Fabrique
) -> None:
    problemes = list(
        iter_erreurs_regles(catalogue, dossier_regles(_avec_role("en donnant des rétroaction")))
    )
    assert [str(p) for p in problemes] == [
        "regles.toml : [essai] champ 'recommande[0].intervenants[0].role' : cette ligne n'est pas "
        "dans le rôle de l'acteur 'mentor' (reçu : 'en donnant des rétroaction') ; vouliez-vous "
        "dire 'en donnant des rétroactions' ?"
    ]


def test_une_autre_ligne_du_role_est_retenue_pour_l_intervenant(
    catalogue: Catalogue, dossier_regles: Fabrique
) -> None:
    base = charger_regles(catalogue, dossier_regles(_avec_role("en étant disponible")))
    (proposition,) = base.regles[0].propositions
    assert [(i.acteur, i.role) for i in proposition.intervenants] == [
        ("mentor", "en étant disponible"),
        (
            "equipe_ecole",
            "en soutenant le nouveau personnel dans ses pratiques d'encadrement et d'enseignement",
        ),
    ]


@pytest.mark.parametrize("n", [COMPARAISONS_MAX - 1, COMPARAISONS_MAX, COMPARAISONS_MAX + 1])
def test_la_borne_de_complexite_est_incluse(
    catalogue: Catalogue, dossier_regles: Fabrique, n: int
) -> None:
    """Une condition d'exactement ``COMPARAISONS_MAX`` comparaisons passe ; une de plus, non."""
    si = (
        "{ tous = ["
        + ", ".join(f'{{ champ = "annees_experience", op = "!=", valeur = {k} }}' for k in range(n))
        + "] }"
    )
    problemes = [str(p) for p in iter_erreurs_regles(catalogue, dossier_regles(_regle(si)))]
    if n <= COMPARAISONS_MAX:
        assert problemes == []
    else:
        assert problemes == [
            f"regles.toml : [essai] champ 'si' : condition trop complexe pour le moteur : {n} "
            f"comparaisons une fois développée en forme disjonctive (au plus {COMPARAISONS_MAX}) ; "
            "la scinder en plusieurs règles"
        ]


def _parametre(convention: str) -> str:
    return (
        '[[parametre]]\nid = "seuil_imse"\nchamp = "ecole.imse"\nvaleur = 8\n'
        f'libelle = "rang IMSE"\norigine = "choisi par le centre"\n{convention}'
    )


def test_un_parametre_n_est_une_convention_que_s_il_le_dit(
    catalogue: Catalogue, dossier_regles: Fabrique
) -> None:
    si = '{ champ = "ecole.imse", op = ">=", valeur = { parametre = "seuil_imse" } }'
    vus = []
    for convention in ("", "convention = false\n", "convention = true\n"):
        texte = _parametre(convention) + _regle(
            si, "IMSE {ecole.imse} (seuil {parametres.seuil_imse})"
        )
        (parametre,) = charger_regles(catalogue, dossier_regles(texte)).parametres
        vus.append((parametre.convention, parametre.mention_affichee))
    assert vus == [
        (False, None),
        (False, None),
        (True, "un seuil choisi par le catalogue, que les documents sources ne fixent pas"),
    ]


@pytest.mark.parametrize(
    ("ecrit", "recu"),
    [("1", "un entier (reçu : 1)"), ('"true"', "une chaîne (reçu : 'true')")],
)
def test_convention_est_un_booleen_toml(
    catalogue: Catalogue, dossier_regles: Fabrique, ecrit: str, recu: str
) -> None:
    texte = _parametre(f"convention = {ecrit}\n") + _regle(
        '{ champ = "ecole.imse", op = ">=", valeur = 8 }'
    )
    with pytest.raises(ErreurRegle) as info:
        charger_regles(catalogue, dossier_regles(texte))
    assert str(info.value).splitlines()[0] == (
        "regles.toml : [seuil_imse] champ 'convention' : attendu un booléen (true ou false), "
        f"reçu {recu}"
    )
    with pytest.raises(ValueError):
        Parametre.model_validate(
            {
                "id": "s",
                "champ": "ecole.imse",
                "valeur": 8,
                "libelle": "l",
                "origine": "o",
                "convention": 1,
            }
        )


@pytest.mark.parametrize(
    ("op", "propose"), [("IN", "dans"), (" = ", "=="), ("Not In", "hors"), (" ≥", ">=")]
)
def test_un_alias_d_operateur_est_reconnu_quelle_que_soit_sa_casse(
    catalogue: Catalogue, dossier_regles: Fabrique, op: str, propose: str
) -> None:
    texte = _regle(f'{{ champ = "ordre", op = "{op}", valeur = ["primaire"] }}')
    (probleme,) = iter_erreurs_regles(catalogue, dossier_regles(texte))
    assert (probleme.champ, probleme.valeur, probleme.suggestions) == ("si.op", op, (propose,))


@pytest.mark.parametrize(
    ("priorite", "problemes"),
    [
        (1, []),
        (RANG_PRIORITE_MAX, []),
        (
            RANG_PRIORITE_MAX + 1,
            [
                "regles.toml : [essai] champ 'recommande[0].priorite' : doit être "
                f"≤ {RANG_PRIORITE_MAX} (reçu : {RANG_PRIORITE_MAX + 1})"
            ],
        ),
    ],
)
def test_la_priorite_va_de_1_a_rang_priorite_max_inclus(
    catalogue: Catalogue, dossier_regles: Fabrique, priorite: int, problemes: list[str]
) -> None:
    recommande = f'{{ mesure = "soutien_ecole_soutenue", poids = 2, priorite = {priorite} }}'
    texte = _regle('{ champ = "ecole.imse", op = ">=", valeur = 8 }', recommande=recommande)
    assert [str(p) for p in iter_erreurs_regles(catalogue, dossier_regles(texte))] == problemes


_COMPARAISON = Comparaison(champ="ecole.imse", op=">=", valeur=8)


@pytest.mark.parametrize(
    "condition",
    [
        _COMPARAISON,
        SeuilBesoin(besoin=Besoin.GESTION_DE_CLASSE, au_moins=Intensite.ELEVEE),
        Tous(tous=[_COMPARAISON]),
        UnDe(un_de=[_COMPARAISON]),
        Non(non=_COMPARAISON),
    ],
    ids=lambda c: type(c).__name__,
)
def test_chaque_forme_de_condition_se_donne_aussi_en_objet(condition: Condition) -> None:
    """Une condition faite en Python (pas lue d'un fichier) entre dans ``tous``, ``un_de`` et
    ``non`` telle quelle, quelle que soit sa forme."""
    assert Tous(tous=[condition]).tous == [condition]
    assert UnDe(un_de=[condition, condition]).un_de == [condition, condition]
    assert Non(non=condition).non == condition


def test_les_champs_lus_dans_l_ordre_de_premiere_apparition(
    catalogue: Catalogue, dossier_regles: Fabrique
) -> None:
    """``RegleCompilee.champs`` : chaque champ une fois, à sa première lecture (pas trié)."""
    si = (
        '{ tous = [ { champ = "ecole.imse", op = ">=", valeur = 8 }, '
        '{ besoin = "gestion_de_classe", au_moins = "moderee" }, '
        '{ un_de = [ { champ = "ecole.imse", op = "<=", valeur = 10 }, '
        '{ champ = "annees_experience", op = "<", valeur = 3 } ] } ] }'
    )
    (regle,) = charger_regles(catalogue, dossier_regles(_regle(si))).regles
    assert regle.champs == ("ecole.imse", "besoins.gestion_de_classe", "annees_experience")


def test_une_regle_sans_source_est_refusee_meme_si_ses_propositions_en_ont(
    catalogue: Catalogue, dossier_regles: Fabrique
) -> None:
    texte = _regle(
        '{ champ = "ecole.imse", op = ">=", valeur = 8 }',
        recommande='{ mesure = "soutien_ecole_soutenue", poids = 2, sources = ["annexe1/cible/g"] }',
    ).replace('sources = ["annexe1/cible/g"]\nrecommande', "sources = []\nrecommande")
    assert [str(p) for p in iter_erreurs_regles(catalogue, dossier_regles(texte))] == [
        "regles.toml : [essai] champ 'sources' : doit contenir au moins 1 élément(s) (reçu : [])"
    ]


def test_une_proposition_faite_en_python_n_est_pas_prioritaire() -> None:
    """Les valeurs par défaut d'une :class:`Proposition` (publique) : ni priorité, ni raison
    propre, ni sources, ni intervenants choisis."""
    p = Proposition(mesure="mentorat", poids=1.0)
    assert (p.priorite, p.pourquoi, p.sources, p.intervenants, p.pourquoi_par) == (
        None,
        None,
        (),
        (),
        (),
    )
