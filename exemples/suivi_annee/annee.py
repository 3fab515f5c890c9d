"""Une année scolaire de suivi pour trois personnes fictives (docs/suivi.md).

Accueil en septembre, mesures débutées, revues de novembre et de février, un allègement (une
mesure efficace), une escalade (une mesure sans effet), une détresse gardée confidentielle,
puis le bilan de juin. Le journal est en mémoire ; ``python exemples/suivi_annee/annee.py``.
La sortie est épinglée par ``tests/test_suivi_exemple.py`` (``sortie.txt``).
"""

from __future__ import annotations

from datetime import date

from recommandeur import Journal, Recommandation

CP = "cp-lea"  # qui note : une conseillère pédagogique (un identifiant, pas un nom)


def offres(reco: Recommandation, n: int = 3) -> None:
    """Les premières offres et la raison qui parle du journal, s'il y en a une."""
    for m in reco.mesures[:n]:
        print(f"    - {m.mesure.libelle} ({m.acteur.libelle})")
        for motif in m.motifs:
            if "bilan du" in motif.texte:
                print(f"      pourquoi : {motif.texte}")
    for e in reco.escalades:
        print(f"    escalade : {e.phrase}")


def a_revoir(journal: Journal, le: date) -> None:
    dues = journal.a_revoir(le)
    print(f"À revoir au {le:%d/%m/%Y} : {len(dues)}")
    for d in dues:
        quoi = d.mesure or "un suivi (motif confidentiel)"
        print(f"  {d.personne} : {quoi}, depuis le {d.depuis:%d/%m} ({d.jours} jours)")


def main() -> None:
    with Journal.ouvrir(":memory:") as j:
        print("== Septembre : l'accueil ==")
        personnes = {
            "ens-a": ("ecole-erables", {"annees_experience": 0, "ordre": "primaire",
                                        "besoins": {"gestion_de_classe": "elevee"}}),
            "ens-b": ("ecole-monts", {"annees_experience": 1, "ordre": "secondaire",
                                      "besoins": {"planification": "moderee"}}),
            "ens-c": ("ecole-monts", {"annees_experience": 0, "ordre": "secondaire",
                                      "signaux_de_detresse": True,
                                      "besoins": {"bien_etre": "elevee"}}),
        }  # fmt: skip
        for p, (ecole, profil) in personnes.items():
            j.ajouter({"genre": "arrivee", "personne": p, "date": date(2026, 8, 28),
                       "par": CP, "ecole": ecole})  # fmt: skip
            j.ajouter({"genre": "instantane", "personne": p, "date": date(2026, 8, 28),
                       "par": CP, "profil": profil})  # fmt: skip
        j.ajouter({"genre": "consentement", "personne": "ens-c", "date": date(2026, 8, 28),
                   "par": CP, "partage": True})  # fmt: skip
        for p in personnes:
            reco = j.recommander(p, date(2026, 9, 2), par=CP)
            print(f"  {p} : {len(reco.mesures)} offres, d'abord :")
            offres(reco, 2)
        j.debuter("ens-a", date(2026, 9, 14), "accompagnement_individuel", par=CP,
                  intervenant="conseiller_pedagogique", besoin="gestion_de_classe")  # fmt: skip
        j.debuter("ens-b", date(2026, 9, 14), "temps_planification_collegues", par=CP,
                  besoin="planification")  # fmt: skip
        j.debuter("ens-c", date(2026, 9, 7), "personne_neutre", par=CP,
                  intervenant="professionnel")  # fmt: skip
        j.ajouter({"genre": "reponse", "personne": "ens-b", "date": date(2026, 9, 14),
                   "par": CP, "mesure": "cap", "decision": "differee"})  # fmt: skip

        print("\n== Novembre : les revues ==")
        a_revoir(j, date(2026, 11, 2))
        j.revue("ens-a", date(2026, 11, 9), "accompagnement_individuel", "efficace", par=CP,
                commentaire="routines en place", satisfaction=5)  # fmt: skip
        j.revue("ens-b", date(2026, 11, 9), "temps_planification_collegues", "sans_effet",
                par=CP, satisfaction=2)  # fmt: skip
        j.revue("ens-c", date(2026, 11, 2), "personne_neutre", "partiel", par=CP, detresse=False)
        print("  ens-a, allègement (la mesure individuelle a fonctionné) :")
        offres(j.recommander("ens-a", date(2026, 11, 16), par=CP), 2)
        print("  ens-b, escalade (la mesure est restée sans effet) :")
        offres(j.recommander("ens-b", date(2026, 11, 16), par=CP), 2)
        j.debuter("ens-a", date(2026, 11, 16), "accompagnement_sous_groupe", par=CP,
                  intervenant="conseiller_pedagogique", besoin="gestion_de_classe")  # fmt: skip
        j.debuter("ens-b", date(2026, 11, 16), "accompagnement_individuel", par=CP,
                  intervenant="conseiller_pedagogique", besoin="planification")  # fmt: skip

        print("\n== Février : les revues ==")
        a_revoir(j, date(2027, 2, 1))
        j.revue("ens-a", date(2027, 2, 8), "accompagnement_sous_groupe", "efficace", par=CP,
                satisfaction=4)  # fmt: skip
        j.revue("ens-b", date(2027, 2, 8), "accompagnement_individuel", "partiel", par=CP,
                satisfaction=4)  # fmt: skip
        j.revue("ens-c", date(2027, 2, 1), "personne_neutre", "efficace", par=CP)
        print("  ens-a, deuxième allègement :")
        offres(j.recommander("ens-a", date(2027, 2, 15), par=CP), 2)
        print("  Tableau de suivi (export du centre, sans la détresse) :")
        for x in j.tableau(date(2027, 2, 15)):
            besoins = ", ".join(f"{b} {i}" for b, i in x.besoins.items())
            print(f"    {x.personne} ({x.ecole}) : en cours {list(x.mesures)} ; besoins : "
                  f"{besoins} ; détresse : {'—' if x.detresse is None else x.detresse}")  # fmt: skip

        print("\n== Juin : le bilan de l'année ==")
        b = j.bilan(date(2026, 8, 1), date(2027, 6, 30))
        print(f"  {b.revues} revues pour {b.personnes} personnes, {b.revues_a_temps} à temps ; "
              f"{b.allegements} allègements, {b.escalades} escalade ; satisfaction "
              f"{b.satisfaction} sur 5 ({b.nb_satisfaction} réponses)")  # fmt: skip
        for e in b.par_mesure:
            print(f"    {e.cle} : {e.efficace} efficace, {e.partiel} partiel, "
                  f"{e.sans_effet} sans effet")  # fmt: skip
        avec = j.bilan(date(2026, 8, 1), date(2027, 6, 30), avec_detresse=True)
        print(f"  avec la détresse (ens-c a consenti, et on le demande) : {avec.revues} revues")


if __name__ == "__main__":
    main()
