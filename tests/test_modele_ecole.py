"""Les plans d'école qui conviennent à l'école : le modèle primaire ou secondaire de 003, un plan
léger pour peu de personnes, une école liée quand presque tout son personnel est en insertion,
le responsable présent. Des classes d'écoles (taille × ordre × part en insertion × présences),
puis un petit centre fait à la main, sorties exactes."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from recommandeur import Plan, PlanEcole, moteur_par_defaut, planifier
from recommandeur._catalogue.deploiement import Etape
from recommandeur._profil.modeles import Ecole
from recommandeur._programme.donnees.ecoles import EcoleDuCentre
from recommandeur._programme.plans_d_ecole.modele_ecole import (
    PART_LIEE,
    PERSONNES_LEGER,
    responsable,
)
from recommandeur._vocabulaire import CycleAction

PRESENCES = st.sampled_from(["oui", "non", ""])


@st.composite
def centres(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    profs: list[dict[str, Any]] = []
    ecoles: list[dict[str, Any]] = []
    for i in range(draw(st.integers(2, 5))):
        n = draw(st.integers(1, 12))
        ordre = draw(st.sampled_from(["prescolaire", "primaire", "secondaire"]))
        taille = draw(st.sampled_from([n, n + 1, 2 * n, 10 * n]))
        ecole = {
            "ecole": f"E{i}",
            "nom": f"École {i}",
            "nb_enseignants": taille,
            "mentors": draw(st.sampled_from([0, 1, 2, ""])),
            "pane": draw(PRESENCES),
            "conseiller_pedagogique": draw(PRESENCES),
        }
        ecoles.append({k: v for k, v in ecole.items() if v != ""})
        profs += [
            {
                "enseignant": f"p{i}_{j}",
                "ecole": f"E{i}",
                "annees_experience": j % 4,
                "ordre": ordre,
            }
            for j in range(n)
        ]
    return profs, ecoles


@settings(max_examples=30, deadline=None, database=None)
@given(centres())
def test_proprietes_des_plans_d_ecole(
    donnees: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    profs, ecoles = donnees
    plan = planifier(profs, ecoles)
    ordre_de = {p["ecole"]: p["ordre"] for p in profs}
    part = {e.ecole: e.part_novices for e in plan.ecoles}
    for e in plan.ecoles:
        etapes = [x.etape for x in e.deploiement]
        responsables = " ".join(x.responsable for x in e.deploiement)
        n = e.nb_en_insertion
        if n <= PERSONNES_LEGER:  # plan léger : aucun comité, ni le modèle secondaire
            assert e.modele == "leger"
            assert not any("comité" in x.lower() or "CPE" in x for x in etapes)
            assert "comite_insertion_professionnelle" not in {a.mesure for a in e.actions}
            # pour un besoin, l'étape qui y répond, pas sa préparation ni l'assemblée générale
            assert not any(
                x.startswith(("Plan d'action", "Présentation de l'outil")) for x in etapes
            )
        elif ordre_de[e.ecole] == "secondaire":
            assert e.modele == "secondaire"
            assert any(x.startswith("Rencontrer le CPE") for x in etapes)
            assert not any(x.startswith("Mise en place d'une structure") for x in etapes)
        else:
            assert e.modele == "primaire"
            assert any(x.startswith("Mise en place d'une structure") for x in etapes)
            assert not any("CPE" in x for x in etapes)
        # la rencontre de mentorat : la PANE si elle est là, sinon une personne présente
        rencontre = next(x for x in e.deploiement if x.etape.startswith("Rencontre de mentorat"))
        assert "(à confirmer)" not in rencontre.responsable
        assert ("PANE" in rencontre.responsable) == (
            ecoles_de(ecoles)[e.ecole].get("pane") == "oui"
        )
        assert "PANE (à confirmer)" not in responsables
        # une école presque toute en insertion est liée, jamais à elle-même ni à une autre pareille
        sa_part = part[e.ecole]
        liee = sa_part is not None and sa_part >= PART_LIEE
        assert (e.liee_a is not None) == liee
        if e.liee_a is not None:
            assert e.deploiement[0].etape.startswith("Lier l'école à")
            if e.liee_a != "centre":
                assert e.liee_a != e.ecole and (part[e.liee_a] or 0) < PART_LIEE
                meme = {"prescolaire": "primaire"}.get(ordre_de[e.ecole], ordre_de[e.ecole])
                assert {"prescolaire": "primaire"}.get(
                    ordre_de[e.liee_a], ordre_de[e.liee_a]
                ) == meme
            for g in plan.groupes:
                if g.ecole == e.ecole and g.acteur == "equipe_ecole":
                    assert g.liee_a == e.liee_a
            assert all(
                "Équipe-école" not in i or "liée" in i or "centre" in i
                for x in e.deploiement
                for i in x.personnes_impliquees
            )


def ecoles_de(ecoles: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {e["ecole"]: e for e in ecoles}


def _centre_a_la_main() -> Plan:
    def personnes(ecole: str, n: int, ordre: str) -> list[dict[str, Any]]:
        return [
            {"enseignant": f"{ecole}{i}", "ecole": ecole, "annees_experience": 1, "ordre": ordre}
            for i in range(n)
        ]

    profs = (
        personnes("A", 3, "primaire")
        + personnes("B", 8, "secondaire")
        + personnes("C", 8, "primaire")
        + personnes("D", 7, "primaire")
    )
    ecoles = [
        {
            "ecole": "A",
            "nom": "École A",
            "nb_enseignants": 12,
            "mentors": 1,
            "conseiller_pedagogique": "non",
        },
        {"ecole": "B", "nom": "École B", "nb_enseignants": 60, "mentors": 2, "pane": "oui"},
        {"ecole": "C", "nom": "École C", "nb_enseignants": 10, "mentors": 1},
        {
            "ecole": "D",
            "nom": "École D",
            "nb_enseignants": 40,
            "mentors": 1,
            "conseiller_pedagogique": "oui",
        },
    ]
    return planifier(profs, ecoles)


def test_un_petit_centre_a_la_main() -> None:
    plan = _centre_a_la_main()
    a, b, c, d = plan.ecoles
    assert [(e.modele, e.liee_a) for e in plan.ecoles] == [
        ("leger", None),
        ("secondaire", None),
        ("primaire", "D"),
        ("primaire", None),
    ]
    assert [x.etape for x in a.deploiement] == [
        "Rencontre de mentorat avec la direction et les personnes mentores (dans le cadre du "
        "plan d'accompagnement des mentors)",
        "Continuité de la structure de communication à l'interne",
    ]
    assert [x.etape.split(" :")[0] for x in b.deploiement][:5] == [
        "Rencontre de mentorat avec la direction et les personnes mentores (dans le cadre du "
        "plan d'accompagnement des mentors)",
        "Rencontrer le CPE pour nommer les enjeux",
        "Créer un comité d'insertion professionnelle avec des mandats précis",
        "Préparer le plan d'action du comité",
        "Présenter le plan d'action en CPE et en assemblée générale",
    ]

    # le responsable est la personne présente : la PANE (B), la conseillère pédagogique (D),
    # sinon les services éducatifs (A)
    def rencontre(e: PlanEcole) -> str:
        return next(x.responsable for x in e.deploiement if x.etape.startswith("Rencontre de"))

    assert [rencontre(e) for e in (a, b, d)] == [
        "Service des ressources éducatives",
        "Professionnelle à l'accompagnement des nouveaux enseignants (PANE)",
        "Conseillère ou conseiller pédagogique",
    ]
    assert c.liaison is not None and c.liaison.startswith("80 % du personnel en insertion")
    assert c.deploiement[0].etape == (
        "Lier l'école à École D pour ce qui demande des collègues d'expérience"
    )
    # les étapes ne sont pas les mêmes d'une école à l'autre
    assert len({tuple(x.etape for x in e.deploiement) for e in plan.ecoles}) == 4


def test_la_borne_du_plan_leger() -> None:
    """5 personnes en insertion : un plan léger ; 6 : le modèle de son ordre (la première
    tranche du tableau du rapport du CSSPS, « 1 à 5 »)."""
    profs = [
        {"enseignant": f"{e}{i}", "ecole": e, "annees_experience": 1, "ordre": "secondaire"}
        for e, n in (("A", PERSONNES_LEGER), ("B", PERSONNES_LEGER + 1))
        for i in range(n)
    ]
    ecoles = [{"ecole": e, "nb_enseignants": 40, "mentors": 1} for e in "AB"]
    plan = planifier(profs, ecoles)
    assert [(e.nb_en_insertion, e.modele) for e in plan.ecoles] == [(5, "leger"), (6, "secondaire")]


def test_le_fichier_des_personnes_mentores_fait_foi_pour_une_ecole_sans_nombre() -> None:
    """Une école dont le fichier des écoles ne dit pas ``mentors`` : « à confirmer » sans fichier
    de personnes mentores ; avec lui, « absente : à nommer » si aucune n'y est nommée."""
    from recommandeur import planifier

    profs = [
        {"enseignant": f"{e}{i}", "ecole": e, "annees_experience": 0, "ordre": "primaire"}
        for e in ("a", "b")
        for i in range(2)
    ]
    ecoles = [{"ecole": e, "nom": f"École {e}", "nb_enseignants": 20} for e in ("a", "b")]

    def dits(plan: object, ecole: str) -> set[str]:
        (p,) = [p for p in plan.ecoles if p.ecole == ecole]  # type: ignore[attr-defined]
        textes = [d.responsable for d in p.deploiement]
        textes += [x for d in p.deploiement for x in d.personnes_impliquees]
        return {t for t in textes if "Personne mentore de l'école" in t}

    sans = planifier(profs, ecoles)
    assert dits(sans, "a") and all("(à confirmer)" in t for t in dits(sans, "a"))
    avec = planifier(profs, ecoles, mentors=[{"mentor": "M1", "ecole": "b", "capacite": 2}])
    absente = "Personne mentore de l'école (absente : à nommer ou à remplacer)"
    assert dits(avec, "a") and all(absente in t for t in dits(avec, "a"))
    assert not any("(" in t for t in dits(avec, "b"))


def test_un_responsable_absent_ne_porte_rien_s_il_en_reste_un_autre() -> None:
    """Revue indépendante (tickets 18, 23) : une étape « direction et personne mentore » d'une
    école sans personne mentore est portée par la direction seule ; avec une personne mentore,
    par les deux ; sans aucun responsable présent, le premier est dit absent."""
    moteur = moteur_par_defaut()
    etape = Etape(
        id="outil",
        libelle="Présenter l'outil",
        intentions=("x",),
        responsables=("direction", "mentor"),
        quand="janvier",
        cycle=CycleAction.AGIR,
        sources=("s",),
    )

    def ecole(mentor: bool) -> EcoleDuCentre:
        return EcoleDuCentre(id="A", nom="École A", contexte=Ecole(mentor_dans_l_ecole=mentor))

    catalogue = moteur.catalogue
    assert responsable(etape, catalogue, ecole(False), None) == "Direction d'établissement"
    assert responsable(etape, catalogue, ecole(True), None) == (
        "Direction d'établissement et Personne mentore de l'école"
    )
    seule = etape.model_copy(update={"responsables": ("mentor",)})
    assert responsable(seule, catalogue, ecole(False), None) == (
        "Personne mentore de l'école (absente : à nommer ou à remplacer)"
    )
