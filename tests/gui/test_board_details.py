"""Board details: a theme's own synthesis (undoable), the post-it counter under zoom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import Theme
from facilitator_app.ui.main_window import MainWindow


def test_write_and_undo_a_theme_synthesis(qtbot: QtBot, window: MainWindow) -> None:
    board = window.board
    store = window.store
    assert board is not None and store is not None
    rows = [
        row
        for row in range(board.theme_list.count())
        if isinstance(board.theme_list.item(row).data(Qt.ItemDataRole.UserRole), str)
        and store.get(Theme, board.theme_list.item(row).data(Qt.ItemDataRole.UserRole))
    ]
    board.theme_list.setCurrentRow(rows[0])
    theme_id = board.theme_list.currentItem().data(Qt.ItemDataRole.UserRole)
    before = store.get(Theme, theme_id)
    assert before is not None
    asked: list[str] = []

    def answer(title: str, text: str) -> str:
        asked.append(title)
        return "Il tavolo chiede più coordinamento tra i Comuni."

    board.ask_multiline = answer  # type: ignore[method-assign]
    board.edit_theme_synthesis()
    assert asked and before.title in asked[0]
    saved = store.get(Theme, theme_id)
    assert (
        saved is not None and saved.synthesis == "Il tavolo chiede più coordinamento tra i Comuni."
    )
    window.undo()
    restored = store.get(Theme, theme_id)
    assert restored is not None and restored.synthesis == before.synthesis
    window.redo()
    again = store.get(Theme, theme_id)
    assert (
        again is not None and again.synthesis == "Il tavolo chiede più coordinamento tra i Comuni."
    )


def test_without_a_theme_selected_nothing_is_asked(qtbot: QtBot, window: MainWindow) -> None:
    board = window.board
    assert board is not None
    board.theme_list.setCurrentRow(0)  # "Tutti i post-it"
    board.ask_multiline = lambda title, text: (_ for _ in ()).throw(AssertionError("asked"))  # type: ignore[method-assign]
    board.edit_theme_synthesis()
    assert "tema" in window.statusBar().currentMessage()


def test_post_it_counter_keeps_its_text_whole_when_zoomed(qtbot: QtBot, window: MainWindow) -> None:
    board = window.board
    assert board is not None
    label = board.count_label
    before = label.width()
    window.zoom(1)
    window.zoom(1)
    assert label.width() > before  # the fixed size follows the font
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
