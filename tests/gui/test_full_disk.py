"""A full disk while capturing: a clear message, nothing lost, the app keeps running."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import Contribution
from facilitator_app.ui.main_window import MainWindow
from tests.helpers.raw_file import full_disk


def test_full_disk_while_capturing_keeps_the_text_and_the_data(
    qtbot: QtBot, window: MainWindow
) -> None:
    store = window.store
    board = window.board
    assert store is not None and board is not None
    before = store.count(Contribution)
    long_text = "Servono più corse serali tra le valli e Torino " * 30
    with full_disk(store):  # space is freed when the block ends
        board.capture.setText(long_text)
        qtbot.keyClick(board.capture, Qt.Key.Key_Return)
        assert "Non salvato" in window.saved_label.text()
        assert "disco è pieno" in window.statusBar().currentMessage()
        assert board.capture.text() == long_text  # what the facilitator typed is still there
        assert store.count(Contribution) == before  # and the file holds what it held
    qtbot.keyClick(board.capture, Qt.Key.Key_Return)
    assert store.count(Contribution) == before + 1
    assert board.capture.text() == ""
    assert "Non salvato" not in window.saved_label.text()
