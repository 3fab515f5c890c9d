"""`python -m recommandeur` : la commande (voir docs/cli.md)."""

import sys

from ._cli.commande import main

sys.exit(main())
