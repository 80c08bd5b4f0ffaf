"""Service errors shown by the window in English (the services' templates, translated)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n
from facilitator_app.ui.main_window import MainWindow
from tests.helpers.italian import italian_in


@pytest.fixture
def master_in_english(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> MainWindow:
    """The window on a zones master event, in English (Italian again after the test)."""
    path = tmp_path / "coordinamento.sqlite"
    with EventStore.create(path) as store:
        create_event(store, bundled_templates()["zone-omogenee"], clock)
    win = MainWindow(clock)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    assert win.open_file(path)
    i18n.set_language("en")
    yield win
    i18n.set_language("it")


def _tick(qtbot: QtBot, choices: QListWidget, starts: tuple[str, ...]) -> None:
    choices.setFocus()
    for row in range(choices.count()):
        item = choices.item(row)
        if item is not None and item.text().startswith(starts):
            choices.setCurrentRow(row)
            qtbot.keyClick(choices, Qt.Key.Key_Space)


def test_an_unwritable_folder_is_named_in_english(
    qtbot: QtBot, master_in_english: MainWindow, tmp_path: Path
) -> None:
    win = master_in_english
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    target = blocker / "below"
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(win, Qt.Key.Key_M, modifiers)
    view = win.coordinator
    assert view is not None and view.isVisible()
    qtbot.mouseClick(view.prepare_button, Qt.MouseButton.LeftButton)
    dialog = view.prepare_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.ask_folder = lambda: target  # the system's folder chooser, answered
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    _tick(qtbot, dialog.choices, ("Comune di Ciriè",))
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    assert dialog.message is not None
    shown = dialog.message.text()
    assert f"Cannot write in the folder {target}" in shown, shown
    assert "No file was written." in shown
    assert not italian_in(shown, [str(target)]), shown
