"""One undo history per event, by keys: Ctrl+Z in the capture and search lines, the menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import Contribution
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.board.board import BoardPanel
from facilitator_app.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _board(win: MainWindow) -> BoardPanel:
    assert win.board is not None
    return win.board


def _session_2(win: MainWindow) -> str:
    ws = win.workspace
    assert ws is not None
    ws.select(ws.tables[0].id, 2)
    return ws.tables[0].id


def _stored(path: Path, table_id: str) -> list[str]:
    """The texts another program reads from the file right now."""
    with EventStore.open(path, read_only=True) as other:
        return [p.text for p in other.contributions(table_id, 2)]


def _menu_text(win: MainWindow, which: str) -> str:
    """What the Modifica menu shows for Annulla or Ripeti, without the mnemonic."""
    action = win.undo_action if which == "undo" else win.redo_action
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def _focused(qtbot: QtBot, win: MainWindow, key: Qt.Key) -> None:
    """Press Ctrl+<key> where the keyboard is (the focused widget of the window)."""
    target = QApplication.focusWidget() or win
    qtbot.keyClick(target, key, CTRL)


def test_ctrl_z_right_after_enter_takes_the_post_it_back_and_never_saves_it_twice(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path
) -> None:
    board = _board(fresh)
    table_id = _session_2(fresh)
    qtbot.keyClick(fresh, Qt.Key.Key_L, CTRL)  # Ctrl+L: the capture line
    assert board.capture.hasFocus()
    qtbot.keyClicks(board.capture, "Corse serali sulla linea 4")
    qtbot.keyClick(board.capture, Qt.Key.Key_Return)
    assert _stored(fresh_path, table_id) == ["Corse serali sulla linea 4"]
    assert board.capture.text() == ""
    assert not board.capture.isUndoAvailable()  # the saved text cannot come back

    qtbot.keyClick(board.capture, Qt.Key.Key_Z, CTRL)  # the line is empty: undo the step
    assert board.capture.text() == ""
    qtbot.keyClick(board.capture, Qt.Key.Key_Return)
    assert _stored(fresh_path, table_id) == []
    assert board.model.rowCount() == 0

    qtbot.keyClick(board.capture, Qt.Key.Key_Y, CTRL)  # redo: back once
    assert _stored(fresh_path, table_id) == ["Corse serali sulla linea 4"]
    assert board.model.rowCount() == 1
    qtbot.keyClick(board.capture, Qt.Key.Key_Y, CTRL)  # nothing more to redo
    qtbot.keyClick(board.capture, Qt.Key.Key_Return)
    assert _stored(fresh_path, table_id) == ["Corse serali sulla linea 4"]

    # Ctrl+Shift+Z redoes too; in a line with text, Ctrl+Z undoes the typing only
    qtbot.keyClick(board.capture, Qt.Key.Key_Z, CTRL)
    assert _stored(fresh_path, table_id) == []
    qtbot.keyClick(board.capture, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _stored(fresh_path, table_id) == ["Corse serali sulla linea 4"]
    qtbot.keyClicks(board.capture, "Bus a chiamata")
    qtbot.keyClick(board.capture, Qt.Key.Key_Backspace)
    qtbot.keyClick(board.capture, Qt.Key.Key_Z, CTRL)  # the deleted "a" comes back
    assert board.capture.text() == "Bus a chiamata"
    qtbot.keyClick(board.capture, Qt.Key.Key_Z, CTRL | SHIFT)  # and goes again
    assert board.capture.text() == "Bus a chiamat"
    qtbot.keyClick(board.capture, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(board.capture, Qt.Key.Key_Z, CTRL)  # the typing, all of it
    assert board.capture.text() == ""
    assert _stored(fresh_path, table_id) == ["Corse serali sulla linea 4"]


def test_ctrl_z_in_the_empty_search_box_undoes_the_last_board_step(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path
) -> None:
    board = _board(fresh)
    table_id = _session_2(fresh)
    for text in ("Treni regionali", "Bus notturni"):
        qtbot.keyClicks(board.capture, text)
        qtbot.keyClick(board.capture, Qt.Key.Key_Return)
    qtbot.keyClick(fresh, Qt.Key.Key_F, CTRL)  # Ctrl+F: the search box
    assert board.filter_entry.hasFocus()
    qtbot.keyClicks(board.filter_entry, "treni")
    assert board.model.rowCount() == 1
    qtbot.keyClick(board.filter_entry, Qt.Key.Key_Z, CTRL)  # undoes the typed search only
    assert board.filter_entry.text() == ""
    assert _stored(fresh_path, table_id) == ["Treni regionali", "Bus notturni"]

    qtbot.keyClick(board.filter_entry, Qt.Key.Key_Z, CTRL)  # empty: the last board step
    assert board.filter_entry.text() == ""
    assert _stored(fresh_path, table_id) == ["Treni regionali"]
    assert board.model.rowCount() == 1
    qtbot.keyClick(board.filter_entry, Qt.Key.Key_Y, CTRL)
    assert _stored(fresh_path, table_id) == ["Treni regionali", "Bus notturni"]
    assert board.filter_entry.text() == ""


def test_the_modifica_menu_names_each_step(qtbot: QtBot, fresh: MainWindow) -> None:
    board = _board(fresh)
    _session_2(fresh)
    assert (_menu_text(fresh, "undo"), _menu_text(fresh, "redo")) == ("Annulla", "Ripeti")
    assert not fresh.undo_action.isEnabled() and not fresh.redo_action.isEnabled()

    qtbot.keyClicks(board.capture, "Parcheggi di interscambio")
    qtbot.keyClick(board.capture, Qt.Key.Key_Return)
    assert _menu_text(fresh, "undo") == "Annulla: Aggiungi post-it"
    qtbot.keyClick(board.capture, Qt.Key.Key_Z, CTRL)
    assert _menu_text(fresh, "undo") == "Annulla"
    assert not fresh.undo_action.isEnabled()
    assert _menu_text(fresh, "redo") == "Ripeti: Aggiungi post-it"
    assert fresh.redo_action.isEnabled()
    qtbot.keyClick(board.capture, Qt.Key.Key_Y, CTRL)
    assert _menu_text(fresh, "redo") == "Ripeti"

    steps: list[str] = []

    def step_name() -> None:
        steps.append(_menu_text(fresh, "undo").removeprefix("Annulla: "))

    qtbot.keyClick(board.capture, Qt.Key.Key_Down)  # into the notes
    qtbot.keyClick(board.view, Qt.Key.Key_P)
    step_name()
    qtbot.keyClick(board.view, Qt.Key.Key_3)
    step_name()
    qtbot.keyClick(board.view, Qt.Key.Key_Plus)
    step_name()
    qtbot.keyClick(fresh, Qt.Key.Key_T, CTRL)  # Ctrl+T: a new theme
    qtbot.keyClicks(board.theme_entry, "Intermodale")
    qtbot.keyClick(board.theme_entry, Qt.Key.Key_Return)
    step_name()
    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    step_name()
    board.theme_list.setFocus()
    board.theme_list.setCurrentRow(board.theme_list.count() - 1)
    qtbot.keyClick(board.theme_list, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not board.theme_list
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor, "Nodi di interscambio")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the list commits the new title queued
    qtbot.waitUntil(lambda: board.theme_list.state() != QAbstractItemView.State.EditingState)
    step_name()
    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_Delete)
    step_name()
    assert steps == [
        "Tipo Proposta",
        "Collegamento all'asse 3",
        "Voto",
        "Nuovo tema",
        "Sposta nel tema",
        "Rinomina tema",
        "Elimina post-it",
    ]

    # the names are translated: in English the menu says Undo: Add post-it
    fresh.set_language("en")
    try:
        board = _board(fresh)
        assert _menu_text(fresh, "undo") == "Undo"
        qtbot.keyClicks(board.capture, "Car sharing")
        qtbot.keyClick(board.capture, Qt.Key.Key_Return)
        assert _menu_text(fresh, "undo") == "Undo: Add post-it"
        qtbot.keyClick(board.capture, Qt.Key.Key_Z, CTRL)
        assert _menu_text(fresh, "redo") == "Redo: Add post-it"
    finally:
        fresh.set_language("it")


def _problem(board: BoardPanel) -> QLabel:
    label = board.findChild(QLabel, "captureProblem")
    assert isinstance(label, QLabel)
    return label


def test_a_refused_tag_is_shown_beside_the_line_and_the_text_is_kept(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path
) -> None:
    board = _board(fresh)
    table_id = _session_2(fresh)
    ws = fresh.workspace
    assert ws is not None
    codes = [card.code for card in ws.cards]
    assert not _problem(board).isVisible()

    qtbot.keyClicks(board.capture, "Treni per Susa @9.9")
    qtbot.keyClick(board.capture, Qt.Key.Key_Return)
    assert _stored(fresh_path, table_id) == []
    assert board.capture.text() == "Treni per Susa @9.9"
    problem = _problem(board)
    assert problem.isVisible()
    assert "@9.9" in problem.text()
    assert f"@{codes[0]}" in problem.text() and f"@{codes[-1]}" in problem.text()
    assert problem.accessibleName()
    assert ws.undo_stack.count() == 0

    # editing the text clears the message; a bad zone is refused the same way
    for _ in range(4):
        qtbot.keyClick(board.capture, Qt.Key.Key_Backspace)
    assert not problem.isVisible()
    qtbot.keyClicks(board.capture, "#z42")
    qtbot.keyClick(board.capture, Qt.Key.Key_Return)
    assert problem.isVisible()
    assert "#z42" in problem.text() and "#z1" in problem.text() and "#z11" in problem.text()
    assert board.capture.text() == "Treni per Susa #z42"
    assert _stored(fresh_path, table_id) == []

    qtbot.keyClick(board.capture, Qt.Key.Key_Backspace)  # #z4: a real zone
    qtbot.keyClick(board.capture, Qt.Key.Key_Return)
    assert not problem.isVisible()
    assert board.capture.text() == ""
    with EventStore.open(fresh_path, read_only=True) as other:
        saved: list[Contribution] = other.contributions(table_id, 2)
    assert [(p.text, p.zones) for p in saved] == [("Treni per Susa", (4,))]

    # an axis out of range, fixed by typing over it
    qtbot.keyClicks(board.capture, "Piste ciclabili #a9")
    qtbot.keyClick(board.capture, Qt.Key.Key_Return)
    assert problem.isVisible() and "#a9" in problem.text() and "#a6" in problem.text()
    assert len(_stored(fresh_path, table_id)) == 1
