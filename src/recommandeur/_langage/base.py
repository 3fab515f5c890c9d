"""La base de règles compilée et ce qu'on en lit : sans rien du chargement (un moteur relu du
cache s'en sert sans importer la lecture des dossiers ; voir ``_moteur/cache.py``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .._base.erreurs import ErreurInconnu
from .._base.schema_json import nettoyer_schema
from .._catalogue.modeles import Catalogue
from .declarations import Explication, Parametre
from .regle import RegleCompilee


class BaseDeRegles(BaseModel):
    """Les règles compilées d'un dossier, avec sa version et les explications de couverture."""

    model_config = ConfigDict(json_schema_extra=nettoyer_schema, frozen=True)

    version: str
    regles: tuple[RegleCompilee, ...]
    explications: tuple[tuple[str, Explication], ...] = ()
    parametres: tuple[Parametre, ...] = ()

    def parametre(self, id: str) -> Parametre:
        """Le paramètre d'identifiant ``id`` ; :class:`ErreurInconnu` (un ``KeyError``) sinon."""
        for parametre in self.parametres:
            if parametre.id == id:
                return parametre
        raise ErreurInconnu("paramètre inconnu", id, [p.id for p in self.parametres], "id")


class AccesDonnees:
    """Ce que donnent un catalogue et une base de règles : leurs règles et leurs versions.

    Partagé par :class:`Donnees` et :class:`~recommandeur.Moteur`, qui ont ``catalogue`` et
    ``base``.
    """

    catalogue: Catalogue
    base: BaseDeRegles

    @property
    def regles(self) -> tuple[RegleCompilee, ...]:
        """Les règles compilées, dans l'ordre des fichiers (triés par nom) puis de leur écriture."""
        return self.base.regles

    @property
    def version_catalogue(self) -> str:
        """La version déclarée du catalogue."""
        return self.catalogue.version

    @property
    def version_regles(self) -> str:
        """La version déclarée de la base de règles."""
        return self.base.version
