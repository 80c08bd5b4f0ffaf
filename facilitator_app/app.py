"""Composition root: the console entry point picks the GUI or a headless command."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``facilitator-app``.

    With no arguments (or just an event file) it opens the GUI; with a sub-command it runs
    that command without a window.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (len(args) == 1 and Path(args[0]).suffix == ".sqlite"):
        from facilitator_app.ui.main_window import run_gui

        return run_gui(Path(args[0]) if args else None)
    from facilitator_app import cli

    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
