"""PyInstaller's entry script: the same ``gxvdesk`` program as the console script."""

import sys

from gxvdesk.launcher import main

if __name__ == "__main__":
    sys.exit(main())
