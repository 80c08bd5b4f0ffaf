"""Packaging smoke test: paint, open the demo, load every form, quit (see docs/INSTALLER.md).

Started by ``facilitator_app.app`` when ``FACILITATOR_APP_SMOKE=1``; exit code 0 when all went
well, 3 when no event was shown in time, 4 when a form could not be loaded.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


def arm_smoke_exit(started: float, timeout_ms: int) -> None:
    """Make the coming GUI quit once its main window has been painted with an event open.

    The QApplication is created here, before ``run_gui`` (which reuses it), so that the
    event filter sees the very first paint.

    Args:
        started: ``time.perf_counter()`` when the process entered ``main``.
        timeout_ms: give up (exit code 3) when no event is shown by then.
    """
    app = QApplication.instance() or QApplication(sys.argv)

    def report(what: str, window: QWidget) -> None:
        elapsed = (time.perf_counter() - started) * 1000
        print(f"smoke: {what}: {window.windowTitle()} ({elapsed:.0f} ms)", flush=True)

    class PaintWatcher(QObject):
        """Application-wide event filter on the paints of the main window."""

        painted = False
        shown = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.shown or event.type() != QEvent.Type.Paint:
                return False
            window = watched.window() if isinstance(watched, QWidget) else None
            if not isinstance(window, QMainWindow):
                return False
            if not self.painted:
                self.painted = True
                report("first paint", window)
                opener = getattr(window, "open_demo", None)
                if getattr(window, "path", None) is None and callable(opener):
                    # The welcome screen is up; a smoke test picks the demo, as a person would.
                    QTimer.singleShot(0, opener)
            if getattr(window, "path", None) is not None:  # an event file is open
                self.shown = True
                report("event shown", window)
                QTimer.singleShot(0, lambda: app.exit(_smoke_load_forms()))
            return False

    def give_up() -> None:
        print("smoke: no event was shown in time", file=sys.stderr, flush=True)
        app.exit(3)

    app.installEventFilter(PaintWatcher(app))
    QTimer.singleShot(timeout_ms, give_up)


def _smoke_load_forms() -> int:
    """Build every form of forms/ with QUiLoader; 0 when all load, else 4."""
    from PySide6.QtCore import QFile, QIODevice
    from PySide6.QtUiTools import QUiLoader

    from facilitator_app.resources import base_dir, form_path

    names = sorted(p.name for p in (base_dir() / "forms").glob("*.ui"))
    for name in names:
        file = QFile(str(form_path(name)))
        widget = None
        if file.open(QIODevice.OpenModeFlag.ReadOnly):
            widget = QUiLoader().load(file)
            file.close()
        if widget is None:
            print(f"smoke: form {name} could not be loaded", file=sys.stderr, flush=True)
            return 4
        widget.deleteLater()
    print(f"smoke: forms loaded: {', '.join(names) or '-'}", flush=True)
    return 0
