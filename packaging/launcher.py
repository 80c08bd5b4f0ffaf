"""Entry script of the PyInstaller bundle: the same code path as ``facilitator-app``."""

import sys

from facilitator_app.app import main

if __name__ == "__main__":
    sys.exit(main())
