"""``python -m gxvdesk.sim``: see :func:`gxvdesk.sim.cli.run_cli`."""

import sys

from .cli import run_cli

if __name__ == "__main__":
    sys.exit(run_cli())
