"""Start the desktop application: the Qt application, the language, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from facilitator_app import APP_DISPLAY_NAME, __version__
from facilitator_app.domain.clock import Clock
from facilitator_app.resources import resource_path
from facilitator_app.services.common import paths
from facilitator_app.services.common.clock import SystemClock
from facilitator_app.services.common.workspace import Preferences
from facilitator_app.ui import i18n
from facilitator_app.ui.fonts import register_emoji_fallback
from facilitator_app.ui.main_window import MainWindow


def run_gui(path: Path | None = None, clock: Clock | None = None) -> int:
    """Start the Qt application, opening an event file, or the welcome screen without one."""
    if QApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("facilitator-app")
    app.setWindowIcon(QIcon(str(resource_path("icons/app.png"))))
    register_emoji_fallback()  # emoji from phones and keyboards, where the system has no font
    language = Preferences(paths.data_dir() / "preferences.json").get("language", "it")
    i18n.set_language(language)
    window = MainWindow(clock or SystemClock())
    window.show_fitted()
    app.processEvents()  # paint the window now: the facilitator sees it at once
    # ... then open the event; with no file, the welcome screen offers the demo.
    if path is not None:
        QTimer.singleShot(0, lambda: window.open_file(path))
    return app.exec()
