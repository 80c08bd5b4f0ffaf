from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Contribution, Theme
from facilitator_app.domain.vocab import ContributionKind
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.board.board import BoardPanel
from facilitator_app.ui.board.model import MIME_TYPE
from facilitator_app.ui.main_window import MainWindow
from tests.helpers.screens import screenshot


def _board(win: MainWindow) -> BoardPanel:
    assert win.board is not None
    return win.board


def _stored(path: Path, table_id: str, session: int) -> list[Contribution]:
    """What another program would read from the file right now (the app is not closed)."""
    with EventStore.open(path, read_only=True) as other:
        return other.contributions(table_id, session)


def _type(qtbot: QtBot, board: BoardPanel, line: str) -> None:
    qtbot.keyClicks(board.capture, line)
    qtbot.keyClick(board.capture, Qt.Key.Key_Return)


def _move_to_session_2(win: MainWindow) -> str:
    ws = win.workspace
    assert ws is not None
    table = ws.tables[0]
    ws.select(table.id, 2)
    return table.id


def test_capture_20_post_its_by_keystrokes_alone(
    qtbot: QtBot, window: MainWindow, demo_path: Path, artifacts: Path
) -> None:
    board = _board(window)
    table_id = _move_to_session_2(window)
    before = len(_stored(demo_path, table_id, 2))
    board.capture.setFocus()
    kinds = "LCEPB"
    for i in range(20):
        _type(qtbot, board, f"Idea numero {i} sul trasporto #{kinds[i % 5]} #z{1 + i % 11}")
        assert board.capture.text() == ""
    assert board.model.rowCount() == before + 20
    stored = _stored(demo_path, table_id, 2)
    assert len(stored) == before + 20
    new = [p for p in stored if p.text.startswith("Idea numero")]
    assert [p.text for p in new] == [f"Idea numero {i} sul trasporto" for i in range(20)]
    assert new[0].kind is ContributionKind.LEZIONE_APPRESA
    assert new[3].kind is ContributionKind.PROPOSTA
    assert new[12].zones == (2,)
    # an empty line adds nothing, a refused line is reported and kept for correction
    _type(qtbot, board, "   ")
    _type(qtbot, board, "zona sbagliata #z42")
    assert board.capture.text() == "zona sbagliata #z42"
    assert "#z42" in board.capture_problem.text() and board.capture_problem.isVisible()
    assert len(_stored(demo_path, table_id, 2)) == before + 20
    screenshot(window, "board", artifacts)


def test_tag_by_keys_theme_vote_and_undo_redo(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path
) -> None:
    board = _board(fresh)
    table_id = _move_to_session_2(fresh)
    for text in ("Corse serali", "Parcheggi di interscambio", "Piste ciclabili sicure"):
        _type(qtbot, board, text)
    qtbot.keyClick(board.capture, Qt.Key.Key_Down)
    assert board.view.hasFocus()
    board.view.setCurrentIndex(board.model.index(0))
    qtbot.keyClick(board.view, Qt.Key.Key_P)
    qtbot.keyClick(board.view, Qt.Key.Key_4)
    qtbot.keyClick(board.view, Qt.Key.Key_Plus)
    qtbot.keyClick(board.view, Qt.Key.Key_Plus)
    first = next(p for p in _stored(fresh_path, table_id, 2) if p.text == "Corse serali")
    assert (first.kind, first.links, first.votes) == (ContributionKind.PROPOSTA, (4,), 2)

    # a theme typed in its box, then notes put into it with Alt+1
    board.theme_entry.setFocus()
    qtbot.keyClicks(board.theme_entry, "Trasporto pubblico")
    qtbot.keyClick(board.theme_entry, Qt.Key.Key_Return)
    board.view.setFocus()
    board.view.selectAll()
    qtbot.keyClick(board.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    with EventStore.open(fresh_path, read_only=True) as other:
        theme = next(t for t in other.all(Theme) if t.title == "Trasporto pubblico")
    stored = _stored(fresh_path, table_id, 2)
    assert {p.theme_id for p in stored} == {theme.id}

    # undo, one step at a time, back to the untagged notes; redo all the way again
    stack = fresh.workspace.undo_stack  # type: ignore[union-attr]
    steps = stack.index()
    for _ in range(steps):
        fresh.undo()
    assert _stored(fresh_path, table_id, 2) == []
    for _ in range(steps):
        fresh.redo()
    stored = _stored(fresh_path, table_id, 2)
    assert len(stored) == 3
    assert {p.theme_id for p in stored} == {theme.id}
    first = next(p for p in stored if p.text == "Corse serali")
    assert (first.kind, first.links, first.votes) == (ContributionKind.PROPOSTA, (4,), 2)
    assert board.model.rowCount() == 3


def test_drag_onto_theme_inline_edit_delete_and_undo(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path
) -> None:
    board = _board(fresh)
    table_id = _move_to_session_2(fresh)
    for text in ("Uno", "Due"):
        _type(qtbot, board, text)
    theme = board.create_theme("Gruppo")
    assert theme is not None
    ids = [board.model.post(row).id for row in range(2)]
    mime = board.model.mimeData([board.model.index(0), board.model.index(1)])
    payload = bytes(mime.data(MIME_TYPE).data()).decode()
    row = next(
        r
        for r in range(board.theme_list.count())
        if board.theme_list.item(r).data(Qt.ItemDataRole.UserRole) == theme.id
    )
    board.theme_list.drop_on(payload, row)
    assert {p.theme_id for p in _stored(fresh_path, table_id, 2)} == {theme.id}

    board.model.setData(board.model.index(board.model.row_of(ids[0]) or 0), "Uno, corretto")
    assert {p.text for p in _stored(fresh_path, table_id, 2)} == {"Uno, corretto", "Due"}

    board.view.setFocus()
    board.view.clearSelection()
    board.view.setCurrentIndex(board.model.index(board.model.row_of(ids[1]) or 0))
    qtbot.keyClick(board.view, Qt.Key.Key_Delete)
    assert [p.text for p in _stored(fresh_path, table_id, 2)] == ["Uno, corretto"]
    with EventStore.open(fresh_path, read_only=True) as other:
        deleted = other.get(Contribution, ids[1])
    assert deleted is not None and deleted.deleted_at is not None
    fresh.undo()
    assert len(_stored(fresh_path, table_id, 2)) == 2
    fresh.undo()
    assert {p.text for p in _stored(fresh_path, table_id, 2)} == {"Uno", "Due"}

    board.delete_theme(theme.id)
    assert all(t.id != theme.id for t in board.ws.capture.themes(table_id, 2))
    fresh.undo()
    assert any(t.id == theme.id for t in board.ws.capture.themes(table_id, 2))


def test_search_and_filter_by_tags_and_theme(qtbot: QtBot, fresh: MainWindow) -> None:
    board = _board(fresh)
    _move_to_session_2(fresh)
    _type(qtbot, board, "Treni per Susa #P #z6 @2.1")
    _type(qtbot, board, "Bus notturni #C #a3")
    _type(qtbot, board, "Treni regionali in ritardo #C")
    board.filter_entry.setText("treni")
    assert board.model.rowCount() == 2
    board.filter_entry.setText("treni #C")
    assert [p.text for p in board.model.shown()] == ["Treni regionali in ritardo"]
    board.filter_entry.setText("@2")
    assert [p.text for p in board.model.shown()] == ["Treni per Susa"]
    board.filter_entry.setText("#z6")
    assert board.model.rowCount() == 1
    assert "1 di 3" in board.count_label.text()
    board.filter_entry.clear()
    theme = board.create_theme("Ferrovie")
    assert theme is not None
    board.select_theme_row(theme.id)
    assert board.model.rowCount() == 0
    _type(qtbot, board, "Nuovo in tema")  # typed while a theme is selected: goes into it
    assert [p.text for p in board.model.shown()] == ["Nuovo in tema"]
    board.select_theme_row("")
    assert board.model.rowCount() == 3
    board.select_theme_row(None)
    assert board.model.rowCount() == 4


def test_synthesis_is_saved_and_undoable(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path, clock: FixedClock
) -> None:
    board = _board(fresh)
    table_id = _move_to_session_2(fresh)
    board.synthesis.setFocus()
    qtbot.keyClicks(board.synthesis, "In plenaria: servono treni.")
    board.save_synthesis()  # also runs on its own after a short pause or on focus out
    with EventStore.open(fresh_path, read_only=True) as other:
        session = other.session_of_table(table_id, 2)
    assert session is not None
    assert session.synthesis == "In plenaria: servono treni."
    fresh.undo()
    assert board.synthesis.toPlainText() == ""
    with EventStore.open(fresh_path, read_only=True) as other:
        session = other.session_of_table(table_id, 2)
        assert session is not None and session.synthesis == ""
    fresh.redo()
    assert board.synthesis.toPlainText() == "In plenaria: servono treni."
