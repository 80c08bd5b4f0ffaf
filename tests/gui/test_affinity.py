"""The affinity view of the board: post-its in columns by theme, drags, proposed themes.

Journeys on the main window: the keys and clicks a person sends, what the columns show and
what the event file holds. Drops are delivered as the drag-and-drop events Qt sends to the
column under the pointer (Qt's drag loop does not run on the offscreen platform; the same
drag with a real mouse on an X screen is checked by hand, see the report).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Contribution, Theme
from facilitator_app.services.capture.board import CaptureService
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.board.affinity import AffinityView
from facilitator_app.ui.board.board import BoardPanel
from facilitator_app.ui.board.columns import Column, ProposalColumn
from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.suggestions.levels import confidence_level, confidence_text
from tests.gui.conftest import _workspace
from tests.helpers.screens import screenshot

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton

UNTHEMED = [
    "Più corse degli autobus la sera",
    "Autobus serali per i paesi di montagna",
    "Orari delle corse coordinati con i treni",
    "Treni regionali più frequenti verso Torino",
    "Scuole aperte il pomeriggio per gli studenti",
    "Mense scolastiche con prodotti locali per gli studenti",
    "Trasporto scolastico per gli studenti delle valli",
    "Sentieri curati per il turismo lento",
    "Turismo dei sentieri con guide locali",
    "Piste ciclabili tra i paesi",
    "Piste ciclabili sicure per andare a scuola",
]
THEMES = {
    "Ambiente": ["Acqua del fiume pulita e controllata"],
    "Cultura": ["Biblioteche aperte la domenica", "Musei gratuiti per i giovani"],
}


@pytest.fixture
def board_path(fresh_path: Path, clock: FixedClock) -> Path:
    """The fresh event with a board on the first table: 11 post-its without a theme, and
    two themes holding three more."""
    with EventStore.open(fresh_path) as store:
        capture = CaptureService(store, clock)
        table_id = store.tables()[0].id
        for text in UNTHEMED:
            capture.add(table_id, 1, text)
        for title, texts in THEMES.items():
            theme = capture.create_theme(table_id, 1, title)
            for text in texts:
                capture.add(table_id, 1, text, theme_id=theme.id)
    return fresh_path


@pytest.fixture
def win(qtbot: QtBot, board_path: Path, clock: FixedClock) -> Iterator[MainWindow]:
    """The workspace on that board."""
    yield from _workspace(qtbot, board_path, clock)


def _board(window: MainWindow) -> BoardPanel:
    assert window.board is not None
    return window.board


def _file(path: Path) -> tuple[dict[str, Theme], dict[str, Contribution]]:
    """Live themes and post-its as another program reads them from the file right now."""
    with EventStore.open(path, read_only=True) as other:
        themes = {t.id: t for t in other.all(Theme) if t.deleted_at is None}
        posts = {p.id: p for p in other.all(Contribution) if p.deleted_at is None}
    return themes, posts


def _texts_by_theme(path: Path) -> dict[str, set[str]]:
    """Post-it texts under each live theme title ("" for none), as the file holds them."""
    themes, posts = _file(path)
    grouped: dict[str, set[str]] = {}
    for post in posts.values():
        title = themes[post.theme_id].title if post.theme_id in themes else ""
        grouped.setdefault(title, set()).add(post.text)
    return grouped


def _toggle(qtbot: QtBot, window: MainWindow) -> AffinityView:
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    return _board(window).affinity


def _columns(view: AffinityView) -> dict[str, Column]:
    return {column.title: column for column in view.columns}


def _texts(column: Column) -> set[str]:
    return {column.post(row).text for row in range(column.count())}


def _proposals(view: AffinityView) -> list[ProposalColumn]:
    return [c for c in view.columns if isinstance(c, ProposalColumn)]


def _click_rows(qtbot: QtBot, column: Column, rows: list[int]) -> None:
    """Click the first note, Ctrl+click the others, as a person selects several."""
    for number, row in enumerate(rows):
        rect = column.notes.visualRect(column.filter.index(row, 0))
        modifier = CTRL if number else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(column.notes.viewport(), LEFT, modifier, rect.center())


def _drag(qtbot: QtBot, source: Column, rows: list[int], target: Column) -> None:
    """Select notes in one column and drop them on another, through the drop events."""
    _click_rows(qtbot, source, rows)
    indexes = source.notes.selectionModel().selectedIndexes()
    mime = source.filter.mimeData(indexes)  # what the view's startDrag() carries
    assert isinstance(mime, QMimeData)
    viewport = target.notes.viewport()
    point = viewport.rect().center()
    action = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    none = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, action, mime, LEFT, none)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDragMoveEvent(point, action, mime, LEFT, none))
    drop = QDropEvent(QPointF(QPoint(point)), action, mime, LEFT, none)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()


def _undo_names(window: MainWindow) -> list[str]:
    assert window.workspace is not None
    stack = window.workspace.undo_stack
    return [stack.text(i) for i in range(stack.index())]


def test_ctrl_b_shows_a_column_per_theme_with_counts_and_back_to_the_grid(
    qtbot: QtBot, win: MainWindow, artifacts: Path
) -> None:
    board = _board(win)
    assert board.stack.currentWidget() is board.view
    view = _toggle(qtbot, win)
    assert board.stack.currentWidget() is view and view.isVisible()
    assert board.affinity_action.isChecked()
    columns = _columns(view)
    assert list(columns) == ["Senza tema", "Ambiente", "Cultura"]
    assert _texts(columns["Senza tema"]) == set(UNTHEMED)
    assert _texts(columns["Cultura"]) == set(THEMES["Cultura"])
    assert columns["Senza tema"].heading.text() == f"Senza tema ({len(UNTHEMED)})"
    assert columns["Cultura"].heading.text() == "Cultura (2)"
    assert columns["Ambiente"].heading.text() == "Ambiente (1)"
    screenshot(win, "affinity-columns", artifacts)
    # the menu names the toggle with its key; the grid comes back with the same key
    assert board.affinity_action in win.board_menu.actions()
    assert board.affinity_action.shortcut().toString() == "Ctrl+B"
    order = [board.model.post(row).id for row in range(board.model.rowCount())]
    _toggle(qtbot, win)
    assert board.stack.currentWidget() is board.view and not view.isVisible()
    assert not board.affinity_action.isChecked()
    assert [board.model.post(row).id for row in range(board.model.rowCount())] == order


def test_drag_to_a_theme_and_to_senza_tema_one_undo_step_each(
    qtbot: QtBot, win: MainWindow, board_path: Path
) -> None:
    view = _toggle(qtbot, win)
    columns = _columns(view)
    unthemed = columns["Senza tema"]
    moved = {unthemed.post(0).text, unthemed.post(2).text}
    _drag(qtbot, unthemed, [0, 2], columns["Cultura"])  # two notes at once

    stored = _texts_by_theme(board_path)
    assert stored["Cultura"] == set(THEMES["Cultura"]) | moved
    assert stored[""] == set(UNTHEMED) - moved
    columns = _columns(view)
    assert _texts(columns["Cultura"]) == stored["Cultura"]
    assert columns["Cultura"].heading.text() == "Cultura (4)"
    assert _undo_names(win) == ["Sposta in «Cultura»"]

    # out of a theme: onto "Senza tema"
    culture = _columns(view)["Cultura"]
    row = next(
        r for r in range(culture.count()) if culture.post(r).text == "Musei gratuiti per i giovani"
    )
    _drag(qtbot, culture, [row], _columns(view)["Senza tema"])
    stored = _texts_by_theme(board_path)
    assert "Musei gratuiti per i giovani" in stored[""]
    assert _undo_names(win)[-1] == "Sposta in «Senza tema»"

    qtbot.keyClick(win, Qt.Key.Key_Z, CTRL)  # one step: the museum is back in Cultura
    stored = _texts_by_theme(board_path)
    assert stored["Cultura"] == set(THEMES["Cultura"]) | moved
    qtbot.keyClick(win, Qt.Key.Key_Z, CTRL)  # one step: both notes back without a theme
    assert _texts_by_theme(board_path) == {
        "": set(UNTHEMED),
        **{k: set(v) for k, v in THEMES.items()},
    }
    assert _texts(_columns(view)["Senza tema"]) == set(UNTHEMED)


def test_keys_move_the_selected_notes_between_columns(
    qtbot: QtBot, win: MainWindow, board_path: Path
) -> None:
    view = _toggle(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_J, CTRL)  # Ctrl+J: into the notes
    unthemed = _columns(view)["Senza tema"]
    assert unthemed.notes.hasFocus()
    first = unthemed.post(0).text
    qtbot.keyClick(unthemed.notes, Qt.Key.Key_2, ALT)  # Alt+2: into the second theme
    assert first in _texts_by_theme(board_path)["Cultura"]
    culture = _columns(view)["Cultura"]
    assert culture.notes.hasFocus()  # the keyboard follows the note
    assert [p.text for p in culture.selected_posts()] == [first]
    qtbot.keyClick(culture.notes, Qt.Key.Key_P)  # the kind keys work as on the grid
    assert any(p.text == first and p.kind is not None for p in _file(board_path)[1].values())
    qtbot.keyClick(culture.notes, Qt.Key.Key_0, ALT)  # Alt+0: out of any theme
    assert first in _texts_by_theme(board_path)[""]
    unthemed = _columns(view)["Senza tema"]
    qtbot.keyClick(unthemed.notes, Qt.Key.Key_Right)  # Right: the column beside
    assert _columns(view)["Ambiente"].notes.hasFocus()


def test_suggestions_appear_in_place_and_accept_is_one_undo_step(
    qtbot: QtBot, win: MainWindow, board_path: Path, artifacts: Path
) -> None:
    board = _board(win)
    view = _toggle(qtbot, win)
    before = _file(board_path)
    qtbot.keyClick(win, Qt.Key.Key_T, CTRL | SHIFT)  # Suggerisci temi
    # The wait for the meaning model gives the keyboard back to the window (asynchronously).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    panel = board.suggestions
    assert panel is not None and not panel.isVisible()  # shown in place, not beside
    proposals = _proposals(view)
    assert len(proposals) == len(panel.groups) >= 2
    for column, group in zip(proposals, panel.groups, strict=True):
        assert column.title_edit.text() == group.title
        assert column.kind_label.text().startswith("Proposta")
        assert column.kind_label.text() == confidence_text(group)
        assert set(column.post_ids()) == set(group.contribution_ids)
        assert column.heading.text() == f"{len(group)} post-it"
        assert ", ".join(group.keywords) in column.title_edit.toolTip()
    # the themed post-its stay in their columns; "Senza tema" keeps what no proposal holds
    columns = _columns(view)
    assert _texts(columns["Cultura"]) == set(THEMES["Cultura"])
    proposed = {i for column in proposals for i in column.post_ids()}
    assert not proposed & set(columns["Senza tema"].post_ids())
    assert proposed | set(columns["Senza tema"].post_ids()) == {
        p.id for p in before[1].values() if p.theme_id is None
    }
    assert _file(board_path) == before  # suggesting writes nothing
    screenshot(win, "affinity-proposals", artifacts)

    first = proposals[0]
    title, members = first.title, set(first.post_ids())
    qtbot.mouseClick(first.accept_button, LEFT)
    themes, posts = _file(board_path)
    new = [t for t in themes.values() if t.title == title]
    assert len(new) == 1
    assert {p.id for p in posts.values() if p.theme_id == new[0].id} == members
    assert _undo_names(win) == [f"Accetta tema «{title}»"]
    columns = _columns(view)
    assert set(columns[title].post_ids()) == members
    assert len(_proposals(view)) == len(proposals) - 1

    qtbot.keyClick(win, Qt.Key.Key_Z, CTRL)  # ONE Ctrl+Z: no theme, post-its without one
    assert _file(board_path)[0].keys() == before[0].keys()
    assert {p.id: p.theme_id for p in _file(board_path)[1].values()} == {
        p.id: p.theme_id for p in before[1].values()
    }
    assert not [c for c in view.columns if c.title == title and c.target.theme_id is not None]
    assert [c.title for c in _proposals(view)] == [c.title for c in proposals]  # as before
    qtbot.keyClick(win, Qt.Key.Key_Z, CTRL | SHIFT)  # redo
    assert any(t.title == title for t in _file(board_path)[0].values())

    # by keys: Right into the next proposal, Ctrl+Enter accepts it
    qtbot.keyClick(win, Qt.Key.Key_J, CTRL)
    column = next(c for c in view.columns if c.notes.hasFocus())
    while not isinstance(column, ProposalColumn):
        qtbot.keyClick(column.notes, Qt.Key.Key_Right)
        column = next(c for c in view.columns if c.notes.hasFocus())
    title = column.title
    qtbot.keyClick(column.notes, Qt.Key.Key_Return, CTRL)
    assert any(t.title == title for t in _file(board_path)[0].values())
    assert _undo_names(win)[-1] == f"Accetta tema «{title}»"
    # the keyboard stays on the proposals (the next one), ready for the next gesture
    focused = next(c for c in view.columns if c.notes.hasFocus())
    assert isinstance(focused, ProposalColumn) and focused.title != title
    moving = [p.text for p in focused.selected_posts()]
    assert len(moving) == 1
    qtbot.keyClick(focused.notes, Qt.Key.Key_2, ALT)  # into the second theme, Cultura
    assert moving[0] in _texts_by_theme(board_path)["Cultura"]


def test_rename_split_merge_ignore_of_proposals_each_one_undo_step(
    qtbot: QtBot, win: MainWindow, board_path: Path
) -> None:
    board = _board(win)
    view = _toggle(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_T, CTRL | SHIFT)
    before = _file(board_path)
    start = [(c.title, set(c.post_ids())) for c in _proposals(view)]
    assert len(start) >= 2

    # rename: the button puts the cursor in the title, Enter keeps the new one
    column = _proposals(view)[0]
    qtbot.mouseClick(column.rename_button, LEFT)
    assert column.title_edit.hasFocus()
    qtbot.keyClicks(column.title_edit, "Trasporti serali")
    qtbot.keyClick(column.title_edit, Qt.Key.Key_Return)
    assert _proposals(view)[0].title == "Trasporti serali"
    assert board.suggestions is not None and board.suggestions.groups[0].title == "Trasporti serali"

    # split the largest proposal in two
    largest = max(_proposals(view), key=lambda c: c.count())
    members, index = set(largest.post_ids()), _proposals(view).index(largest)
    assert largest.count() >= 2 and largest.split_button.isEnabled()
    qtbot.mouseClick(largest.split_button, LEFT)
    halves = _proposals(view)[index : index + 2]
    assert len(_proposals(view)) == len(start) + 1
    assert set(halves[0].post_ids()) | set(halves[1].post_ids()) == members
    assert halves[0].count() and halves[1].count()

    # merge the two halves again, through the "Unisci a…" menu
    menu = halves[0].merge_menu
    entry = next(a for a in menu.actions() if a.text() == halves[1].title)
    entry.trigger()
    assert len(_proposals(view)) == len(start)
    assert set(_proposals(view)[index].post_ids()) == members

    # ignore: the proposal goes, its post-its go back to "Senza tema"
    last = _proposals(view)[-1]
    gone = set(last.post_ids())
    qtbot.mouseClick(last.ignore_button, LEFT)
    assert len(_proposals(view)) == len(start) - 1
    assert gone <= set(_columns(view)["Senza tema"].post_ids())
    assert board.affinity_notice.text().startswith(f"{len(start) - 1} gruppi suggeriti")

    assert _undo_names(win) == [
        "Rinomina proposta",
        "Dividi proposta",
        "Unisci proposte",
        "Ignora proposta",
    ]
    assert _file(board_path) == before  # only accept writes
    for _step in range(4):
        qtbot.keyClick(win, Qt.Key.Key_Z, CTRL)
    assert [(c.title, set(c.post_ids())) for c in _proposals(view)] == start
    assert _file(board_path) == before


def test_drag_between_proposals_and_themes(qtbot: QtBot, win: MainWindow, board_path: Path) -> None:
    view = _toggle(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_T, CTRL | SHIFT)
    before = _file(board_path)
    first, second = _proposals(view)[0], _proposals(view)[1]
    text, title = first.post(0).text, second.title

    def proposal() -> ProposalColumn:
        return next(c for c in _proposals(view) if c.title == title)

    _drag(qtbot, first, [0], second)  # from one proposal to another: nothing written
    assert text in _texts(proposal())
    assert _undo_names(win) == [f"Sposta in «{title}»"]
    assert _file(board_path) == before

    # from a theme into a proposal: out of the theme and into the proposal, one step
    culture = _columns(view)["Cultura"]
    museum = "Musei gratuiti per i giovani"
    row = next(r for r in range(culture.count()) if culture.post(r).text == museum)
    _drag(qtbot, culture, [row], proposal())
    assert museum in _texts_by_theme(board_path)[""]
    assert museum in _texts(proposal()) and museum not in _texts(_columns(view)["Cultura"])
    assert _undo_names(win) == [f"Sposta in «{title}»"] * 2
    qtbot.keyClick(win, Qt.Key.Key_Z, CTRL)
    assert _texts_by_theme(board_path)["Cultura"] == set(THEMES["Cultura"])
    assert museum not in _texts(proposal()) and text in _texts(proposal())
    qtbot.keyClick(win, Qt.Key.Key_Z, CTRL)
    assert text not in _texts(proposal())


def test_affinity_view_fits_1024_by_768(qtbot: QtBot, win: MainWindow, artifacts: Path) -> None:
    win.resize(1024, 768)
    view = _toggle(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_T, CTRL | SHIFT)
    assert win.width() <= 1024 and win.height() <= 768
    viewport = view.viewport()
    assert viewport.width() >= 2 * _proposals(view)[0].width()  # two columns side by side
    wanted = sum(c.width() for c in view.columns)
    qtbot.waitUntil(lambda: view.widget().width() >= wanted)  # laid out side by side
    screenshot(win, "affinity-1024", artifacts)
    for column in _proposals(view):
        view.ensureWidgetVisible(column, 0, 0)  # scrolled to, as Right or Tab would
        for button in column.findChildren(QToolButton):
            assert button.isVisible(), button.text()
            assert button.width() >= button.sizeHint().width(), button.text()
            shown = QRect(button.mapTo(viewport, QPoint(0, 0)), button.size())
            assert viewport.rect().contains(shown), f"{button.text()} clipped: {column.title}"
    # the columns scroll sideways inside the board; the board itself is not wider
    board = _board(win)
    assert board.width() <= win.width()
    assert view.horizontalScrollBar().maximum() > 0


def test_confidence_words() -> None:
    class Sure:
        confidence = 0.9

    class Unsure:
        confidence = 0.1

    assert confidence_level(Sure()) == "alta"
    assert confidence_level(Unsure()) == "bassa"
    assert confidence_level(object()) is None


def test_the_affinity_view_speaks_english(qtbot: QtBot, win: MainWindow) -> None:
    win.set_language("en")
    view = _toggle(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_T, CTRL | SHIFT)
    assert view.columns[0].heading.text() == "No theme (0)"
    column = _proposals(view)[0]
    assert column.kind_label.text().startswith("Proposal")
    assert [b.text() for b in column.findChildren(QToolButton)] == [
        "Accept",
        "Rename",
        "Split",
        "Merge with…",
        "Ignore",
    ]
    assert column.heading.text() == f"{column.count()} post-its"
    assert _board(win).affinity_action.text() == "View by theme"
    title = column.title
    qtbot.mouseClick(column.accept_button, LEFT)
    assert _undo_names(win) == [f"Accept theme “{title}”"]


def test_suggest_on_a_board_whose_post_its_all_have_a_theme_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = _toggle(qtbot, window)
    board = _board(window)
    assert len(view.columns) == 1 + len(board.ws.capture.themes(board.ws.table_id or "", 1))
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    assert _proposals(view) == []
    assert board.affinity_notice.isVisible()
    assert board.affinity_notice.text() == "Nessun post-it da raggruppare in questa sessione."
    _toggle(qtbot, window)
    assert not board.affinity_notice.isVisible()


def test_board_keys_from_the_timer_tab_bring_the_board_forward(
    qtbot: QtBot, win: MainWindow
) -> None:
    """Found by hand: Ctrl+B on the timer tab toggled a board nobody could see."""
    assert win.tabs is not None
    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    assert win.tabs.currentIndex() == 1
    view = _toggle(qtbot, win)
    assert win.tabs.currentIndex() == 0
    assert view.isVisible() and _board(win).affinity_action.isChecked()
    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(win, Qt.Key.Key_L, CTRL)
    assert win.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: _board(win).capture.hasFocus())


def test_proposals_made_in_the_grid_show_in_columns_only_with_post_its_still_without_a_theme(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Found by hand: on the demo board (every post-it in a theme) "Suggerisci temi" in the
    grid, then Ctrl+B, showed three dashed columns reading "0 post-it"."""
    board = _board(window)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)  # in the grid: the panel beside
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel = board.suggestions
    assert panel is not None and len(panel.groups) >= 2  # the panel groups themed ones too
    view = _toggle(qtbot, window)
    assert _proposals(view) == []  # every post-it of this board already has a theme
    _toggle(qtbot, window)


def test_a_proposal_shown_after_a_hidden_one_accepts_its_own_post_its(
    qtbot: QtBot, win: MainWindow, board_path: Path
) -> None:
    view = _toggle(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_T, CTRL | SHIFT)  # proposals in place
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    first, count = _proposals(view)[0], len(_proposals(view))
    gone = first.title
    _click_rows(qtbot, first, list(range(first.count())))
    qtbot.keyClick(first.notes, Qt.Key.Key_2, ALT)  # all of it into Cultura, by hand
    shown = _proposals(view)
    assert gone not in [c.title for c in shown]  # nothing left without a theme: not shown
    assert len(shown) == count - 1
    assert all(c.post_ids() and c.heading.text() != "0 post-it" for c in shown)
    target = shown[0]  # now the first column, but not the first proposal
    title, members = target.title, set(target.post_ids())
    qtbot.mouseClick(target.accept_button, LEFT)
    themes, posts = _file(board_path)
    new = [t for t in themes.values() if t.title == title]
    assert len(new) == 1
    assert {p.id for p in posts.values() if p.theme_id == new[0].id} == members
    qtbot.keyClick(win, Qt.Key.Key_Z, CTRL)  # the acceptance undone
    qtbot.keyClick(win, Qt.Key.Key_Z, CTRL)  # the move undone: the proposal is back
    assert gone in [c.title for c in _proposals(view)]
    assert len(_proposals(view)) == count
