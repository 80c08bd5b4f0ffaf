"""Composition root: the console entry point picks the GUI or a headless command."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

# Hidden switch for packaging smoke tests and start-up timing (documented in
# docs/INSTALLER.md): with FACILITATOR_APP_SMOKE=1 the GUI reports the first paint of its
# main window, then the first paint with an event file open (the demo by default), loads
# every Qt Designer form of forms/ through the resource resolver (proof that QtUiTools and
# the forms are in a bundle), and quits: exit code 0, 3 if no event was shown in time,
# 4 if a form could not be loaded.
SMOKE_ENV = "FACILITATOR_APP_SMOKE"
SMOKE_TIMEOUT_MS = 60_000


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``facilitator-app``.

    With no arguments (or just an event file) it opens the GUI; with a sub-command it runs
    that command without a window.
    """
    started = time.perf_counter()
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (len(args) == 1 and Path(args[0]).suffix == ".sqlite"):
        from facilitator_app.ui.launch import run_gui

        if os.environ.get(SMOKE_ENV, "") not in ("", "0"):
            from facilitator_app.ui.smoke import arm_smoke_exit

            arm_smoke_exit(started, SMOKE_TIMEOUT_MS)
        return run_gui(Path(args[0]) if args else None)
    from facilitator_app import cli

    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
