"""Le journal face aux processus : tué au milieu d'une importation, deux écrivains à la fois."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

from recommandeur import Journal

ENFANT_IMPORT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from recommandeur import Journal
    chemin, marque = sys.argv[1], Path(sys.argv[2])
    profil = {"annees_experience": 0, "ordre": "primaire"}
    entrees = []
    for i in range(2500):
        commun = {"personne": f"p-{i:05d}", "date": "2026-09-01", "par": "cp"}
        entrees.append({"genre": "arrivee", "ecole": "e-1", **commun})
        entrees.append({"genre": "instantane", "profil": profil, **commun})
    def progression(n):
        if n >= 2500 and not marque.exists():
            ecrite = marque.with_suffix(".ecrite")  # renommée d'un coup : jamais lue vide
            ecrite.write_text(str(n))
            ecrite.rename(marque)
            time.sleep(300)
    with Journal.ouvrir(chemin) as j:
        j.importer(entrees, progression)
    """
)

ENFANT_REVUES = textwrap.dedent(
    """
    import sys, time
    from datetime import date, timedelta
    from pathlib import Path
    from recommandeur import Journal
    chemin, personne, dossier = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    with Journal.ouvrir(chemin) as j:
        j.moteur  # le catalogue chargé avant le départ
        (dossier / personne).write_text("prêt")
        fin = time.monotonic() + 120
        while len(list(dossier.iterdir())) < 2 and time.monotonic() < fin:
            time.sleep(0.01)  # les deux partent ensemble
        for i in range(120):
            j.revue(personne, date(2026, 10, 1) + timedelta(days=i), "mentorat", "partiel",
                    par=personne)
    """
)


def _attendre(chemin: Path, limite: float = 240) -> None:
    fin = time.monotonic() + limite
    while not chemin.exists():
        assert time.monotonic() < fin, "le processus n'a pas atteint le milieu de l'importation"
        time.sleep(0.1)


def test_tue_au_milieu_d_une_importation_tout_ou_rien(tmp_path: Path) -> None:
    f, marque = tmp_path / "s.sqlite", tmp_path / "milieu"
    enfant = subprocess.Popen(
        [sys.executable, "-c", ENFANT_IMPORT, str(f), str(marque)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _attendre(marque)
        assert int(marque.read_text()) == 2500  # la moitié des 5 000 lignes est écrite
        os.kill(enfant.pid, signal.SIGKILL)
        enfant.wait(timeout=60)
    finally:
        if enfant.poll() is None:
            enfant.kill()
        assert enfant.stderr is not None
        enfant.stderr.close()
    assert enfant.returncode == -signal.SIGKILL
    with Journal.ouvrir(f) as j:  # s'ouvre proprement ; aucune ligne, et on peut reprendre
        assert j._stockage.compter() in (0, 5000)
        assert j._stockage.compter() == 0 and j.personnes() == []
        profil = {"annees_experience": 0, "ordre": "primaire"}
        entrees = [
            {"genre": g, "personne": f"p-{i}", "date": "2026-09-01", "par": "cp", **suite}
            for i in range(2500)
            for g, suite in (("arrivee", {"ecole": "e"}), ("instantane", {"profil": profil}))
        ]
        assert j.importer(entrees) == 5000
        assert j._stockage.compter() == 5000


def test_deux_processus_notent_des_revues_en_meme_temps(tmp_path: Path) -> None:
    f, prets = tmp_path / "s.sqlite", tmp_path / "prets"
    prets.mkdir()
    with Journal.ouvrir(f) as j:
        for p in ("p-a", "p-b"):
            j.ajouter({"genre": "arrivee", "personne": p, "date": "2026-09-01", "par": "cp",
                       "ecole": "e"})  # fmt: skip
            j.debuter(p, date(2026, 9, 2), "mentorat", par="cp")
    enfants = [
        subprocess.Popen(
            [sys.executable, "-c", ENFANT_REVUES, str(f), p, str(prets)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in ("p-a", "p-b")
    ]
    sorties = [e.communicate(timeout=600) for e in enfants]
    for enfant, (_, erreurs) in zip(enfants, sorties, strict=True):
        assert "database is locked" not in erreurs
        assert enfant.returncode == 0, erreurs
    with Journal.ouvrir(f) as j:
        for p in ("p-a", "p-b"):
            revues = [e for e in j.historique(p) if e.genre == "revue"]
            assert len(revues) == 120 and {e.par for e in revues} == {p}
