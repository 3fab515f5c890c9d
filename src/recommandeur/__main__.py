import sys

from ._cli.commande import main

sys.exit(main())
