"""Le moteur durable-rules : accord avec l'évaluateur de référence, erreurs d'action, valeurs refusées."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

from recommandeur import Besoin, ErreurMoteur, Moteur, Profil, moteur_par_defaut, recommander
from recommandeur._langage.expressions import Atome, Ou
from recommandeur._moteur.durable import EnsembleDurable
from recommandeur._moteur.durable_json import en_json_durable
from recommandeur._moteur.reference import EvaluateurReference
from recommandeur._profil.champs import CHAMPS
from recommandeur.testing import profils


def test_le_fait_couvre_tous_les_champs(moteur: Moteur) -> None:
    profil = Profil.model_validate(
        {
            "annees_experience": 1,
            "annees_au_quebec": 1,
            "ordre": "primaire",
            "statut": "suppleance",
            "suppleance": "long_terme",
            "ecole": {
                "imse": 3,
                "part_novices": 0.2,
                "mentor_dans_l_ecole": True,
                "pane": True,
                "professionnel": False,
                "technopedagogue": False,
            },
            # une mesure jugée efficace à une revue pour chaque besoin : les champs d'allègement
            "mesures_recues": [
                {"mesure": "accompagnement_individuel", "besoin": b.value, "bilan": "2026-11-09"}
                for b in Besoin
            ],
        }
    )
    assert set(moteur.fait(profil)) == set(CHAMPS)


def test_jamais_d_operateur_ex(moteur: Moteur) -> None:
    texte = json.dumps([en_json_durable(r.condition) for r in moteur.regles])
    assert "$ex" not in texte and "$nex" not in texte


@settings(max_examples=300, deadline=None)
@given(profils())
def test_durable_et_reference_s_accordent(profil: Profil) -> None:
    moteur = moteur_par_defaut()
    valeurs = moteur.fait(profil)
    reference = EvaluateurReference({r.id: r.condition for r in moteur.regles})
    assert moteur.declencher(valeurs) == reference.declencher(valeurs)


def test_le_moteur_de_reference_recommande_pareil() -> None:
    reference = Moteur.depuis(evaluateur="reference")
    profil = {"annees_experience": 1, "ordre": "primaire", "besoins": {"bien_etre": "elevee"}}
    assert recommander(profil, moteur=reference) == recommander(profil)


def test_disjonction_rapportee_une_seule_fois() -> None:
    ens = EnsembleDurable(
        {"ou": Ou((Atome("a", "==", 1), Atome("b", "==", 2), Atome("c", "==", 3)))}
    )
    assert ens.declencher({"a": 1, "b": 2, "c": 3}) == ["ou"]


def test_champ_inconnu_jamais_satisfait() -> None:
    ens = EnsembleDurable(
        {"diff": Atome("ecole.imse", "!=", 8), "inf": Atome("ecole.imse", "<", 8)}
    )
    assert ens.declencher({"ordre": "primaire"}) == []
    assert sorted(ens.declencher({"ecole.imse": 3})) == ["diff", "inf"]


def test_erreur_pendant_une_action_remonte_et_le_moteur_repart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import recommandeur._moteur.durable as enveloppe

    ens = EnsembleDurable({"fragile": Atome("ordre", "==", "primaire")})
    poignees_avant = ens._poignees

    def illisible(message: str) -> str:
        raise ErreurMoteur(f"message d'action illisible : {message[:10]!r}")

    monkeypatch.setattr(enveloppe, "nom_action", illisible)
    with pytest.raises(ErreurMoteur, match="message d'action illisible"):
        ens.declencher({"ordre": "primaire"})
    monkeypatch.undo()
    assert ens._poignees != poignees_avant  # l'ensemble a été remplacé par un neuf
    assert ens.declencher({"ordre": "primaire"}) == ["fragile"]
    assert ens.declencher({"ordre": "secondaire"}) == []


def test_exception_de_l_extension_c_remonte(monkeypatch: pytest.MonkeyPatch) -> None:
    import recommandeur._moteur.durable as enveloppe

    ens = EnsembleDurable({"r": Atome("ordre", "==", "primaire")})
    vraie = vars(enveloppe)["_c"]

    class Panne:
        def __getattr__(self, nom: str) -> object:
            if nom == "assert_fact":

                def echouer(*_: object) -> None:
                    raise RuntimeError("panne C")

                return echouer
            return getattr(vraie, nom)

    monkeypatch.setattr(enveloppe, "_c", Panne())
    with pytest.raises(ErreurMoteur, match="durable-rules a échoué : panne C"):
        ens.declencher({"ordre": "primaire"})
    monkeypatch.undo()
    assert ens.declencher({"ordre": "primaire"}) == ["r"]


def test_valeur_non_admise_refusee_avant_durable() -> None:
    ens = EnsembleDurable({"r": Atome("f", ">=", 0.3)})
    with pytest.raises(ErreurMoteur, match=r"valeur non admise pour le champ 'f' : 1e-05"):
        ens.declencher({"f": 1e-05})
    with pytest.raises(ErreurMoteur, match="fait de 300 propriétés ; au plus 250"):
        ens.declencher({f"c{i}": i for i in range(300)})
    assert ens.declencher({"f": 0.5}) == ["r"]


def test_part_novices_minuscule_acceptee() -> None:
    reco = recommander(
        {"annees_experience": 1, "ordre": "primaire", "ecole": {"part_novices": 5e-324}}
    )
    assert reco.profil.ecole.part_novices == 5e-324


def test_evaluateur_inconnu() -> None:
    with pytest.raises(ValueError) as info:
        Moteur.depuis(evaluateur="clips")
    assert str(info.value) == "evaluateur : attendu 'durable' ou 'reference', reçu 'clips'"


def test_une_interruption_entre_deux_appels_ne_casse_pas_l_appel_suivant(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import recommandeur._moteur.durable as enveloppe

    ens = EnsembleDurable({"r": Atome("ordre", "==", "primaire")})
    vraie = vars(enveloppe)["_c"]

    class Interrompue:
        def __getattr__(self, nom: str) -> object:
            if nom == "start_action_for_state":

                def interrompre(*_: object) -> None:
                    raise KeyboardInterrupt

                return interrompre
            return getattr(vraie, nom)

    monkeypatch.setattr(enveloppe, "_c", Interrompue())
    with pytest.raises(KeyboardInterrupt):
        ens.declencher({"ordre": "primaire"})  # le fait reste affirmé, jamais retiré
    monkeypatch.undo()
    for _ in range(3):
        assert ens.declencher({"ordre": "primaire"}) == ["r"]
        assert ens.declencher({"ordre": "secondaire"}) == []


def test_les_moteurs_de_meme_contenu_partagent_leurs_ensembles() -> None:
    import gc

    from recommandeur._moteur.durable import INACTIFS_MAX, ensembles_vivants

    conditions = {"a": Atome("ordre", "==", "primaire"), "b": Atome("ecole.imse", ">=", 8)}
    premier = EnsembleDurable(conditions)
    vivants = ensembles_vivants()
    autres = [EnsembleDurable(conditions) for _ in range(50)]
    assert ensembles_vivants() == vivants
    assert all(e._poignees == premier._poignees for e in autres)
    del autres
    # 10 contenus qu'aucun autre test ni doctest n'a pu laisser en réserve (la doctest de
    # EnsembleDurable garde « ecole.imse >= 8 » : ce test échouait s'il tournait après elle)
    distincts = [
        EnsembleDurable({f"r{i}": Atome("annees_experience", ">=", 9_000_000 + i % 10)})
        for i in range(30)
    ]
    assert ensembles_vivants() == vivants + 10  # des contenus distincts : un ensemble chacun
    del distincts
    gc.collect()
    assert ensembles_vivants() <= vivants + INACTIFS_MAX
    assert premier.declencher({"ordre": "primaire", "ecole.imse": 9}) == ["a", "b"]
