"""The workspace and its dialogs fit a projector (1024×768) and a laptop (1366×768).

A window manager takes some of the 768 pixels (title bar, panel): the room is 1024×740.
On every tab the main window's minimum fits that room, and at exactly that size every
button, box and list of the visible tab is on screen and whole (none cut off by the window
or by a scrolled area); the navigator still answers F4.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QLineEdit,
    QWidget,
)
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.services.common import paths
from facilitator_app.services.common.workspace import Place, Places
from facilitator_app.ui import i18n
from facilitator_app.ui.coordinator.prepare import PrepareDialog
from facilitator_app.ui.exports.dialog import ExportDialog, ExportKind
from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.report_texts import ReportTextsDialog
from facilitator_app.ui.wizard import NewEventWizard

ROOM = QSize(1024, 740)  # 1024×768 less a window manager's title bar and panel
LAPTOP = QSize(1366, 740)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TAB_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)  # Ctrl+1..4
TAB_NAMES = ("Post-it", "Cronometro", "Schede", "Presenze")


def _fits(size: QSize, room: QSize = ROOM) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def _minimum(widget: QWidget) -> QSize:
    """The smallest size the widget can be given (its hint, or a minimum set on it)."""
    return widget.minimumSizeHint().expandedTo(widget.minimumSize())


def _resize(qtbot: QtBot, widget: QWidget, size: QSize) -> None:
    """Resize as a person dragging the window's corner would; its minimum may refuse."""
    widget.resize(size)
    with suppress(WaitTimeout):
        qtbot.waitUntil(lambda: widget.size() == size, timeout=1000)
    got = widget.size()
    assert got == size, f"asked {size.width()}×{size.height()}, got {got.width()}×{got.height()}"


def _show_tab(qtbot: QtBot, window: MainWindow, index: int) -> None:
    qtbot.keyClick(window, TAB_KEYS[index], CTRL)
    assert window.tabs is not None
    qtbot.waitUntil(lambda: window.tabs is not None and window.tabs.currentIndex() == index)


def _controls(page: QWidget) -> list[QWidget]:
    """The buttons, boxes and lists a person uses on a page (those not hidden on purpose)."""
    kinds = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView)
    found = [w for w in page.findChildren(QWidget) if isinstance(w, kinds)]
    # Parts of other controls (a combo's line, a list's header) are checked with them.
    found = [w for w in found if not isinstance(w.parentWidget(), kinds)]
    return [w for w in found if w.isVisibleTo(page) and w.objectName() != "qt_scrollarea_viewport"]


def _cut_off(window: QWidget, page: QWidget) -> list[str]:
    """The controls of a page that are not wholly on screen, with where they are."""
    room = QRect(0, 0, window.width(), window.height())
    problems = []
    for control in _controls(page):
        name = control.accessibleName() or control.objectName() or type(control).__name__
        if isinstance(control, QAbstractButton) and control.text():
            name = control.text()
        top_left = control.mapTo(window, control.rect().topLeft())
        placed = QRect(top_left, control.size())
        seen = control.visibleRegion().boundingRect()
        if not control.isVisible() or not room.contains(placed) or seen != control.rect():
            problems.append(f"{name!r} at {placed.getRect()}, seen {seen.getRect()}")
    return problems


# -- the main window's minimum, tab by tab -------------------------------------------------


@pytest.mark.parametrize("index", range(4), ids=TAB_NAMES)
def test_each_tab_fits_a_projector(qtbot: QtBot, window: MainWindow, index: int) -> None:
    _show_tab(qtbot, window, index)
    need = _minimum(window)
    assert _fits(need), f"the {TAB_NAMES[index]} tab needs {need.width()}×{need.height()}"


def test_the_board_with_theme_suggestions_fits_a_projector(
    qtbot: QtBot, window: MainWindow
) -> None:
    _show_tab(qtbot, window, 0)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    assert window.board is not None and window.board.suggestions is not None
    qtbot.waitUntil(window.board.suggestions.isVisible)
    need = _minimum(window)
    assert _fits(need), f"the board with suggestions needs {need.width()}×{need.height()}"


# -- at 1024×740 and 1366×740, everything can be seen --------------------------------------


# A panel of another owner still wider than a projector leaves it (the window fits and
# the panel scrolls sideways): strict, so that its fix is noticed.
NOT_YET: dict[tuple[int, str], str] = {}  # (tab, room) -> why it cannot fit yet
CASES = [
    pytest.param(
        index,
        room,
        id=f"{name}-{where}",
        marks=[pytest.mark.xfail(reason=NOT_YET[(index, where)], strict=True)]
        if (index, where) in NOT_YET
        else [],
    )
    for index, name in enumerate(TAB_NAMES)
    for room, where in ((ROOM, "projector"), (LAPTOP, "laptop"))
]


@pytest.mark.parametrize(("index", "room"), CASES)
def test_every_control_of_a_tab_is_on_screen(
    qtbot: QtBot, window: MainWindow, index: int, room: QSize
) -> None:
    _resize(qtbot, window, room)
    _show_tab(qtbot, window, index)
    assert window.tabs is not None
    page = window.tabs.currentWidget()
    assert page is not None
    with suppress(WaitTimeout):  # the layouts settle after the resize
        qtbot.waitUntil(lambda: not _cut_off(window, page), timeout=1000)
    assert _cut_off(window, page) == []
    assert _cut_off(window, window.dock) == []


def test_an_event_opened_in_a_projector_sized_window_shows_everything(
    qtbot: QtBot, demo_path: Path, clock: FixedClock
) -> None:
    i18n.set_language("it")
    win = MainWindow(clock)
    qtbot.addWidget(win)
    _resize(qtbot, win, ROOM)  # started on a projector: the window is already small
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(demo_path)
    assert win.tabs is not None and win.navigator is not None
    page = win.tabs.currentWidget()
    assert page is not None
    narrowest = win.navigator.narrowest_width()
    with suppress(WaitTimeout):  # the layouts settle after the panels are built
        qtbot.waitUntil(
            lambda: not _cut_off(win, page) and win.dock.width() <= narrowest + 10, timeout=1000
        )
    assert _cut_off(win, page) == []
    # The navigator gives its room to the panels, as narrow as its labels allow.
    assert win.dock.width() <= narrowest + 10
    assert win.width() - win.dock.width() > 2 * win.dock.width()


def test_f4_reaches_the_navigator_at_projector_size(qtbot: QtBot, window: MainWindow) -> None:
    _resize(qtbot, window, ROOM)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    navigator = window.navigator
    assert navigator is not None
    qtbot.waitUntil(navigator.hasFocus)
    assert not navigator.visibleRegion().isEmpty()
    qtbot.keyClick(navigator, Qt.Key.Key_Down)  # the next session, by keys only
    assert window.workspace is not None and window.workspace.session == 2


# -- dialogs --------------------------------------------------------------------------------


def _dialog_misfits(qtbot: QtBot, dialog: QDialog, what: str) -> list[str]:
    """What does not fit a projector in ``dialog``: its minimum, its opening size, its controls
    cut off at that minimum (empty when it all fits)."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    misfits = []
    need = _minimum(dialog)
    if not _fits(need):
        misfits.append(f"{what} needs at least {need.width()}×{need.height()}")
    if not _fits(dialog.size()):
        misfits.append(f"{what} opens at {dialog.width()}×{dialog.height()}")
    _resize(qtbot, dialog, need)
    misfits += [f"{what}: {cut}" for cut in _cut_off(dialog, dialog)]
    dialog.close()
    return misfits


@pytest.mark.parametrize("kind", list(ExportKind), ids=[k.name for k in ExportKind])
def test_export_dialog_fits(qtbot: QtBot, window: MainWindow, kind: ExportKind) -> None:
    assert window.path is not None and window.workspace is not None
    # The longest table name of the demo: "only this table (name)" is the widest line.
    table = max(window.workspace.tables, key=lambda t: len(t.name))
    dialog = ExportDialog(kind, window.path, table, window)
    assert _dialog_misfits(qtbot, dialog, f"export {kind.name}") == []


def test_new_event_form_fits(qtbot: QtBot, window: MainWindow) -> None:
    assert _dialog_misfits(qtbot, NewEventWizard(window).dialog, "the new-event form") == []


def test_report_texts_dialog_fits(qtbot: QtBot, window: MainWindow, clock: FixedClock) -> None:
    assert window.store is not None
    dialog = ReportTextsDialog(window.store, clock, window)
    assert _dialog_misfits(qtbot, dialog, "report texts") == []


def test_coordinator_view_and_prepare_dialog_fit(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL | SHIFT)
    view = window.coordinator
    assert view is not None
    qtbot.waitUntil(view.isVisible)
    need = _minimum(view)
    assert _fits(need), f"the coordinator view needs {need.width()}×{need.height()}"
    assert _fits(view.size()), f"the coordinator view opens at {view.width()}×{view.height()}"
    assert window.path is not None
    assert _dialog_misfits(qtbot, PrepareDialog(window.path, window), "the prepare dialog") == []
    view.close()


# -- opening on a small screen --------------------------------------------------------------


def test_a_place_saved_on_a_bigger_screen_opens_maximised(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    screen = window.screen().availableGeometry()
    window.resize(screen.width() - 100, screen.height() - 100)
    qtbot.waitUntil(lambda: window.width() == screen.width() - 100, timeout=1000)
    window.close_event_file()
    places = Places(paths.data_dir() / "places.json")
    saved = places.get(demo_path)
    assert saved is not None
    # The same place, as a bigger monitor left it: wider and taller than this screen.
    big = MainWindow(window.clock)
    qtbot.addWidget(big)
    big.resize(screen.width() + 400, screen.height() + 300)
    geometry = big.saveGeometry().toBase64().data().decode("ascii")
    places.put(demo_path, Place(saved.table_id, saved.session, 0, geometry, saved.state, False))
    assert window.open_file(demo_path)
    qtbot.waitUntil(window.isMaximized, timeout=1000)
