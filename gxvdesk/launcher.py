"""The ``gxvdesk`` program: a command runs the command line, anything else opens the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .cli.main import is_command
from .cli.main import main as cli_main


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if is_command(args):
        return cli_main(args)
    try:
        from .ui.app import run_app
    except ImportError as exc:  # scripting use without Qt's system libraries
        print(f"gxvdesk: the desktop app cannot start ({exc}); see gxvdesk --help", file=sys.stderr)
        return 1
    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
