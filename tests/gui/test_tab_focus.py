"""Ctrl+1…4 put the keyboard in the tab they show: the next keys act there, not elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import Contribution, TableCard
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.main_window import MainWindow


def test_keys_after_a_tab_switch_act_in_that_tab(qtbot: QtBot, fresh: MainWindow) -> None:
    win = fresh
    assert win.navigator is not None and win.path is not None
    win.navigator.setFocus()  # where a click on the navigator leaves the keyboard
    before = win.workspace.session if win.workspace else None

    # Ctrl+3, Enter: the deck's first card goes into play (the navigator does not move).
    QTest.keyClick(win, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(win.focusWidget(), Qt.Key.Key_Return)
    assert win.workspace is not None and win.workspace.session == before
    with EventStore.open(win.path, read_only=True) as store:
        assert len(store.all(TableCard)) == 1

    # Ctrl+1, typing, Enter: a post-it, written without a click in the capture line.
    QTest.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(win.focusWidget(), "Orari dei bus pensati per gli studenti")
    QTest.keyClick(win.focusWidget(), Qt.Key.Key_Return)
    with EventStore.open(win.path, read_only=True) as store:
        assert [c.text for c in store.all(Contribution)] == [
            "Orari dei bus pensati per gli studenti"
        ]

    # Ctrl+4 lands on the table's people present, ready to type over.
    QTest.keyClick(win, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert win.counts is not None and win.focusWidget() is win.counts.present.spin


def test_the_keyboard_starts_in_the_capture_line(fresh: MainWindow) -> None:
    assert fresh.board is not None
    assert fresh.focusWidget() is fresh.board.capture
