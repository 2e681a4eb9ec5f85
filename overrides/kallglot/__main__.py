"""``python -m kallglot``: the ``kallglot`` command line."""

import sys

from ._cli import main

sys.exit(main())
