"""An edit of several selected post-its is one transaction and one Ctrl+Z step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import Contribution
from facilitator_app.domain.vocab import ContributionKind
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.main_window import MainWindow


def _stored(path: Path, table_id: str) -> dict[str, Contribution]:
    with EventStore.open(path, read_only=True) as other:
        return {p.text: p for p in other.contributions(table_id, 2)}


def _three_selected_notes(qtbot: QtBot, window: MainWindow, texts: tuple[str, ...]) -> str:
    """Type three post-its in session 2 of the first table and select them all; its id."""
    board, ws = window.board, window.workspace
    assert board is not None and ws is not None
    table_id = ws.tables[0].id
    ws.select(table_id, 2)
    for text in texts:
        qtbot.keyClicks(board.capture, text)
        qtbot.keyClick(board.capture, Qt.Key.Key_Return)
    board.view.setFocus()
    board.view.selectAll()
    return table_id


def test_a_multi_select_edit_is_one_undo_step(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path
) -> None:
    board, ws = fresh.board, fresh.workspace
    assert board is not None and ws is not None
    table_id = _three_selected_notes(qtbot, fresh, ("Corse serali", "Parcheggi", "Piste ciclabili"))
    steps = ws.undo_stack.count()

    qtbot.keyClick(board.view, Qt.Key.Key_P)
    qtbot.keyClick(board.view, Qt.Key.Key_Plus)
    assert ws.undo_stack.count() == steps + 2
    stored = _stored(fresh_path, table_id)
    assert {(p.kind, p.votes) for p in stored.values()} == {(ContributionKind.PROPOSTA, 1)}

    fresh.undo_action.trigger()  # Ctrl+Z: the vote goes from all three notes at once
    stored = _stored(fresh_path, table_id)
    assert {(p.kind, p.votes) for p in stored.values()} == {(ContributionKind.PROPOSTA, 0)}
    fresh.undo_action.trigger()  # ... and the kind, again from all three
    stored = _stored(fresh_path, table_id)
    assert {(p.kind, p.votes) for p in stored.values()} == {(None, 0)}
    assert {board.model.post(row).kind for row in range(board.model.rowCount())} == {None}
    assert ws.undo_stack.index() == steps

    fresh.redo_action.trigger()
    stored = _stored(fresh_path, table_id)
    assert {p.kind for p in stored.values()} == {ContributionKind.PROPOSTA}


def test_a_refused_multi_select_edit_changes_nothing_and_pushes_no_step(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path
) -> None:
    board, ws = fresh.board, fresh.workspace
    assert board is not None and ws is not None
    table_id = _three_selected_notes(qtbot, fresh, ("Uno", "Due", "Tre"))
    before = _stored(fresh_path, table_id)
    steps = ws.undo_stack.count()
    board.toggle_card("9.9")  # not a card of the event's set: refused for all three
    assert _stored(fresh_path, table_id) == before
    assert ws.undo_stack.count() == steps
    assert "⚠" in fresh.saved_label.text()
