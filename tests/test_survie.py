"""Chaque chemin de plantage connu de durable-rules, par l'API publique, dans un sous-processus.

Les situations viennent de ``../shared/notes/durable-rules.md`` (et de ``docs/moteur.md``) :
le processus doit survivre (code de sortie 0, pas de signal) et les résultats rester justes.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SCENARIOS = {
    # plus de 1 024 profils distincts : jamais plus d'un état vivant par ensemble
    "plus_de_1024_etats": """
        for i in range(3000):
            r = recommander({"annees_experience": i % 7, "ordre": "primaire",
                             "ecole": {"imse": 1 + i % 10, "part_novices": (i % 100) / 100}})
            assert r.mesures
    """,
    # un fait qu'aucune règle ne traite (MessageNotHandledException, puis delete_state)
    "fait_sans_regle": """
        for i in range(500):
            assert recommander({"annees_experience": 40, "ordre": "secondaire"}).mesures == []
            assert recommander({"annees_experience": 1, "ordre": "secondaire"}).mesures
    """,
    # le même fait deux fois (MessageObservedException) et beaucoup de faits dans un même état
    "faits_identiques_repetes": """
        p = {"annees_experience": 1, "ordre": "primaire", "besoins": {"numerique": "elevee"}}
        premier = recommander(p)
        for _ in range(20000):
            assert recommander(p) == premier
    """,
    # plus de 54 569 faits distincts dans un même état : collision de hachage mesurée
    # (« déjà observé ») ; chaque fait est retiré aussitôt, l'état n'en garde jamais deux
    "soixante_mille_faits_distincts": """
        from recommandeur import Profil
        from recommandeur._langage.evaluation import evaluer
        from recommandeur import moteur_par_defaut
        m = moteur_par_defaut()
        p = Profil.model_validate({"annees_experience": 1, "ordre": "primaire", "ecole": {"imse": 9}})
        base = m.fait(p)
        attendu = [r.id for r in m.regles if evaluer(r.condition, {**base, "ecole.part_novices": 0.5})]
        for i in range(60_000):
            f = {**base, "ecole.part_novices": round((i % 10_000) / 10_000, 4), "nb_mesures_recues": i // 10_000}
            tirees = m.declencher(f)
            if i % 10_000 == 5_000:
                assert tirees == attendu, (i, tirees)
    """,
    # plusieurs ensembles (états « a » puis « b ») en alternance ; l'ancien n'est jamais supprimé
    "plusieurs_moteurs": """
        moteurs = [Moteur.depuis() for _ in range(4)]
        p = {"annees_experience": 2, "ordre": "secondaire", "signaux_de_detresse": True}
        attendu = recommander(p)
        for i in range(2000):
            assert recommander(p, moteur=moteurs[i % 4]).mesures == attendu.mesures
    """,
    # une erreur pendant une action : relevée en ErreurMoteur, puis le moteur continue
    "erreur_dans_une_action": """
        import recommandeur._moteur.durable as enveloppe
        from recommandeur import ErreurMoteur
        original = enveloppe.nom_action
        def casse(message):
            raise ErreurMoteur("panne")
        enveloppe.nom_action = casse
        m = Moteur.depuis()
        try:
            recommander({"annees_experience": 1, "ordre": "primaire"}, moteur=m)
        except ErreurMoteur:
            pass
        else:
            raise SystemExit("ErreurMoteur attendue")
        enveloppe.nom_action = original
        for _ in range(100):
            assert recommander({"annees_experience": 1, "ordre": "primaire"}, moteur=m).mesures
    """,
    # des nombres que durable refuse (notation exponentielle)
    "nombres_exponentiels": """
        for x in (5e-324, 1e-05, 1e-7, 0.00001, 2.5e-5):
            assert recommander({"annees_experience": 1, "ordre": "primaire",
                                "ecole": {"part_novices": x}}).mesures
    """,
    # une grande base (1 000 règles) : la pile alpha de durable-rules (64 nœuds, code 303)
    "grande_base_de_regles": """
        import random, tempfile
        from pathlib import Path
        from recommandeur._profil.champs import CHAMPS
        from recommandeur._langage.evaluation import evaluer
        from recommandeur._profil.validation import valider_profil
        hasard = random.Random(3)
        booleens = sorted(n for n, c in CHAMPS.items() if c.genre == "booleen")
        lignes = ['version = "grande"']
        for i in range(1000):
            conditions = ", ".join(
                '{ champ = "%s", op = "==", valeur = %s }' % (hasard.choice(booleens), hasard.choice(["true", "false"]))
                for _ in range(hasard.randint(1, 3))
            )
            lignes += ["[[regle]]", f'id = "g{i}"', 'titre = "g"', f"si = {{ tous = [{conditions}] }}",
                       'justification = "g"', 'sources = ["cssps/mentorat"]',
                       'recommande = [{ mesure = "mentorat", poids = 1 }]']
        dossier = Path(tempfile.mkdtemp())
        (dossier / "r.toml").write_text("\\n".join(lignes), encoding="utf-8")
        m = Moteur.depuis(regles=dossier)
        # des égalités sur 15 booléens : au plus une par champ convient, la pile reste basse et
        # c'est le plafond de règles par ensemble qui découpe
        assert m._evaluateur.nombre_d_ensembles == 10
        for i in range(300):
            p = valider_profil({"annees_experience": 1, "ordre": "primaire",
                                "affectation": {"partage_de_tache": i % 2 == 0, "specialiste": i % 3 == 0},
                                "ecole": {"region_eloignee": i % 5 == 0}}, m.ids_mesures)
            f = m.fait(p)
            assert m.declencher(f) == [r.id for r in m.regles if evaluer(r.condition, f)]
            assert recommander(p, moteur=m).mesures
    """,
    # le partage des nœuds et l'exclusion des égalités que suppose le découpage, éprouvés par
    # durable-rules lui-même : sans partage, 70 nœuds « x ≥ 0 » sous la racine ; sans
    # exclusion, 70 égalités empilées sous lui ; l'une ou l'autre ferait déborder la pile (303)
    "partage_des_noeuds_alpha": """
        from recommandeur._langage.expressions import Atome, Et
        from recommandeur._moteur.durable import EnsembleDurable
        from recommandeur._moteur.durable_json import Reseau, decouper
        conditions = {f"r{i}": Et((Atome("x", ">=", 0), Atome("y", "==", i))) for i in range(70)}
        conditions |= {f"s{i}": Et((Atome("x", ">=", 0), Atome("z", "==", i))) for i in range(20)}
        assert decouper(conditions) == [list(conditions)]
        reseau = Reseau()
        for c in conditions.values():
            reseau.ajouter(c)
        assert reseau.pile_max() == 3
        ensemble = EnsembleDurable(conditions)
        assert ensemble.nombre_d_ensembles == 1
        for y in range(75):
            attendu = ([f"r{y}"] if y < 70 else []) + ([f"s{y % 25}"] if y % 25 < 20 else [])
            assert sorted(ensemble.declencher({"x": 1, "y": y, "z": y % 25})) == sorted(attendu)
        # la borne est juste : 63 comparaisons qui conviennent toutes sous la racine (64 avec
        # l'attrape-tout, la taille de la pile) passent ; mesuré : à 64 (65), le processus meurt
        import recommandeur._moteur.durable_json as dj
        dj.PILE_MAX = dj.REGLES_PAR_ENSEMBLE = 10**6
        limite = {f"t{i}": Atome("y", ">=", i) for i in range(63)}
        reseau = Reseau()
        for c in limite.values():
            reseau.ajouter(c)
        assert reseau.pile_max() == 64
        assert len(EnsembleDurable(limite).declencher({"y": 100})) == 63
    """,
    # des moteurs créés puis abandonnés, et des rechargements : la mémoire reste bornée
    "memoire_moteurs_et_rechargements": """
        import gc
        def rss():
            for ligne in open("/proc/self/status"):
                if ligne.startswith("VmRSS"):
                    return int(ligne.split()[1]) / 1024
        p = {"annees_experience": 1, "ordre": "primaire", "besoins": {"bien_etre": "elevee"}}
        for _ in range(20):
            recommander(p, moteur=Moteur.depuis())
        gc.collect(); debut = rss()
        for _ in range(800):
            recommander(p, moteur=Moteur.depuis())
        gc.collect(); moteurs = rss() - debut
        m = Moteur.depuis(); gc.collect(); debut = rss()
        for _ in range(300):
            m = m.recharger(); recommander(p, moteur=m)
        gc.collect(); rechargements = rss() - debut
        assert moteurs < 20 and rechargements < 50, (moteurs, rechargements)
    """,
    # des contenus tous distincts (une règle différente à chaque fois) : bornés aussi
    "memoire_contenus_distincts": """
        import gc
        from recommandeur._langage.expressions import Atome
        from recommandeur._moteur.durable import EnsembleDurable, INACTIFS_MAX, ensembles_vivants
        def rss():
            for ligne in open("/proc/self/status"):
                if ligne.startswith("VmRSS"):
                    return int(ligne.split()[1]) / 1024
        for i in range(50):
            EnsembleDurable({"r": Atome("annees_experience", ">=", i)}).declencher({"annees_experience": 3})
        gc.collect(); debut = rss()
        for i in range(3000):
            e = EnsembleDurable({"r": Atome("annees_experience", ">=", 100 + i)})
            assert e.declencher({"annees_experience": 3}) == []
            del e
        gc.collect()
        assert rss() - debut < 30, rss() - debut
        assert ensembles_vivants() <= INACTIFS_MAX + 2
    """,
    # des interruptions par signal au hasard des appels : l'appel suivant reste juste
    "interruptions_par_signal": """
        import signal
        from recommandeur import Profil
        class Delai(Exception):
            pass
        arme = [False]
        def lever(*_):
            # Une seule interruption par appel, et seulement pendant l'appel : jamais dans le
            # « except » du test lui-même.
            if arme[0]:
                arme[0] = False
                raise Delai
        profils = [{"annees_experience": i % 8, "ordre": "primaire", "ecole": {"imse": 1 + i % 10},
                    "besoins": {"bien_etre": ("faible", "moderee", "elevee")[i % 3]}} for i in range(30)]
        reference = Moteur.depuis(evaluateur="reference")
        attendus = [recommander(p, moteur=reference) for p in profils]
        signal.signal(signal.SIGALRM, lever)
        interrompus = 0
        signal.setitimer(signal.ITIMER_REAL, 0.0003, 0.0003)
        for i in range(4000):
            try:
                arme[0] = True
                recommander(profils[i % 30])
                arme[0] = False
            except Delai:
                interrompus += 1
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        assert interrompus > 50, interrompus
        for p, attendu in zip(profils * 5, attendus * 5):
            assert recommander(p) == attendu
    """,
    # beaucoup de fils sur le même moteur
    "fils_concurrents": """
        import threading
        p = {"annees_experience": 1, "ordre": "primaire", "besoins": {"bien_etre": "elevee"}}
        attendu = recommander(p)
        erreurs = []
        def f():
            try:
                for _ in range(500):
                    assert recommander(p) == attendu
            except BaseException as e:
                erreurs.append(e)
        fils = [threading.Thread(target=f) for _ in range(16)]
        [t.start() for t in fils]; [t.join() for t in fils]
        assert not erreurs, erreurs
    """,
}


@pytest.mark.parametrize("nom", sorted(SCENARIOS))
def test_le_processus_survit(nom: str) -> None:
    code = "from recommandeur import Moteur, recommander\n" + textwrap.dedent(SCENARIOS[nom])
    code += "\nprint('survivant')\n"
    resultat = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert resultat.returncode == 0, resultat.stderr[-2000:]
    assert resultat.stdout.strip().endswith("survivant")
