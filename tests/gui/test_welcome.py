"""The first-run welcome screen: the demo, a new event, a file, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.services.common import paths
from facilitator_app.ui.main_window import MainWindow
from tests.helpers.screens import screenshot


def _buttons(window: MainWindow) -> list[QPushButton]:
    return list(window.centralWidget().findChildren(QPushButton))


def test_first_run_offers_demo_new_event_and_open_file(
    qtbot: QtBot, clock: FixedClock, artifacts: Path
) -> None:
    window = MainWindow(clock)
    qtbot.addWidget(window)
    window.resize(1000, 650)
    window.show()
    names = [button.accessibleName() for button in _buttons(window)]
    assert names == [
        "Apri l'evento dimostrativo (Forum del 10 novembre 2023)",
        "Nuovo evento da un modello…",
        "Apri un file evento…",
    ]
    assert window.path is None
    screenshot(window, "welcome", artifacts)
    qtbot.keyClick(_buttons(window)[0], Qt.Key.Key_Space)  # the demo button has the focus
    qtbot.waitUntil(lambda: window.path is not None)
    assert window.path == paths.default_demo_path()
    window.close()


def test_welcome_lists_recent_files(qtbot: QtBot, clock: FixedClock, demo_path: Path) -> None:
    first = MainWindow(clock)
    qtbot.addWidget(first)
    assert first.open_file(demo_path)
    first.close()
    again = MainWindow(clock)
    qtbot.addWidget(again)
    recent = [b for b in _buttons(again) if b.toolTip() == str(demo_path)]
    assert len(recent) == 1 and recent[0].text() == f"Riapri {demo_path.name}"
    recent[0].click()
    assert again.path == demo_path
    again.close()
