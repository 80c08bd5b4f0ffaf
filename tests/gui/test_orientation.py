"""Finding one's way: reopen where one was (even after kill -9), tell tables apart, the file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QToolButton, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Contribution
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n
from facilitator_app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

# The app on the demo, moved by keys to Asse 4 · Sessione 2 and the timer tab, resized;
# it says where it is and then waits in its event loop until the parent kills it (-9).
MOVED_THEN_KILLED = textwrap.dedent(
    """
    import datetime as dt, sys
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from facilitator_app.domain.clock import FixedClock
    from facilitator_app.ui import i18n
    from facilitator_app.ui.main_window import MainWindow

    app = QApplication([])
    i18n.set_language("it")
    win = MainWindow(FixedClock(dt.datetime(2023, 11, 10, 9, 20, tzinfo=dt.UTC)))
    win.show()
    QTest.qWaitForWindowExposed(win)
    win.activateWindow()
    QTest.qWaitForWindowActive(win)
    assert win.open_file(Path(sys.argv[1]))
    win.resize(760, 560)  # fits the offscreen screen (800x800)
    for _ in range(7):  # Asse 1 s1 -> ... -> Asse 4 s2, by the navigator's key
        QTest.keyClick(win, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Cronometro
    app.processEvents()
    table = win.workspace.table
    print("AT", table.key, win.workspace.session, win.tabs.currentIndex(), flush=True)
    app.exec()
    """
)


def _open(qtbot: QtBot, path: Path, clock: FixedClock) -> MainWindow:
    i18n.set_language("it")
    win = MainWindow(clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitActive(win):  # the window's shortcuts need it active
        win.activateWindow()
    assert win.open_file(path)
    return win


def _place(win: MainWindow) -> tuple[str, int, int]:
    assert win.workspace is not None and win.workspace.table is not None
    assert win.tabs is not None
    return win.workspace.table.key, win.workspace.session, win.tabs.currentIndex()


def _reopened_line(qtbot: QtBot, win: MainWindow) -> str:
    """The text of the 'reopened where you were' line, when it is showing."""
    qtbot.waitUntil(lambda: win.tabs is not None and win.tabs.isVisible())  # laid out, shown
    shown = [
        label.text()
        for label in win.findChildren(QLabel)
        if "nulla è andato perso" in label.text() and label.isVisible()
    ]
    return shown[0] if shown else ""


def test_killed_app_reopens_where_it_was_and_says_nothing_was_lost(
    qtbot: QtBot, demo_path: Path, clock: FixedClock
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", MOVED_THEN_KILLED, str(demo_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().split()
    finally:
        os.kill(child.pid, signal.SIGKILL)  # a real kill -9: no closeEvent, nothing tidied
        _, errors = child.communicate(timeout=30)  # also closes the pipes
    assert line == ["AT", "asse-4", "2", "1"], errors
    assert child.returncode == -signal.SIGKILL

    with EventStore.open(demo_path, read_only=True) as store:
        posts = sum(1 for post in store.all(Contribution) if post.deleted_at is None)
    win = _open(qtbot, demo_path, clock)
    assert _place(win) == ("asse-4", 2, 1)
    assert (win.size().width(), win.size().height()) == (760, 560)
    line_text = _reopened_line(qtbot, win)
    assert line_text == f"Riaperto dove eri: nulla è andato perso ({posts} post-it salvati)"

    # The person moves on (keys again), then quits properly: same place, no such line.
    qtbot.keyClick(win, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert _place(win) == ("asse-4", 1, 3)
    win.close()
    again = _open(qtbot, demo_path, clock)
    assert _place(again) == ("asse-4", 1, 3)
    assert _reopened_line(qtbot, again) == ""
    again.close()


def test_reopened_line_can_be_dismissed(qtbot: QtBot, demo_path: Path, clock: FixedClock) -> None:
    first = _open(qtbot, demo_path, clock)
    qtbot.keyClick(first, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert _place(first) == ("asse-1", 2, 0)
    first.store.close()  # type: ignore[union-attr]  # gone without a close: like a crash
    first.store = None
    first.workspace = None
    first.path = None
    first.hide()
    win = _open(qtbot, demo_path, clock)
    assert _place(win)[:2] == ("asse-1", 2)
    assert _reopened_line(qtbot, win).startswith("Riaperto dove eri")
    close = [b for b in win.findChildren(QToolButton) if b.accessibleName() == "Chiudi l'avviso"]
    assert len(close) == 1
    qtbot.mouseClick(close[0], Qt.MouseButton.LeftButton)
    assert _reopened_line(qtbot, win) == ""
    win.close()


def _table_items(win: MainWindow) -> dict[str, QTreeWidgetItem]:
    assert win.navigator is not None
    items = {}
    for venue in range(win.navigator.topLevelItemCount()):
        venue_item = win.navigator.topLevelItem(venue)
        assert venue_item is not None
        for row in range(venue_item.childCount()):
            item = venue_item.child(row)
            assert item is not None
            items[item.toolTip(0)] = item
    return items


def _row_pixels(win: MainWindow, item: QTreeWidgetItem) -> object:
    """What the person sees of a navigator row: its pixels (text and all)."""
    navigator = win.navigator
    assert navigator is not None
    rect: QRect = navigator.visualItemRect(item)
    image = navigator.viewport().grab(rect).toImage()
    return bytes(image.constBits())  # type: ignore[call-overload]


def test_the_two_asse_5_tables_look_different_even_in_a_narrow_navigator(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.navigator is not None
    window.resizeDocks([window.dock], [window.dock.minimumWidth()], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.dock.width() <= window.dock.minimumWidth() + 2)
    items = _table_items(window)
    name_a = "Asse 5 - Inclusione e coesione, attrattività (tavolo A)"
    name_b = "Asse 5 - Inclusione e coesione, attrattività (tavolo B)"
    assert name_a in items and name_b in items  # the tooltips hold the full names
    seen_a = window.navigator.visible_text(items[name_a])
    seen_b = window.navigator.visible_text(items[name_b])
    assert seen_a != seen_b
    assert seen_a.startswith("Asse 5a") and seen_b.startswith("Asse 5b")
    assert _row_pixels(window, items[name_a]) != _row_pixels(window, items[name_b])
    # Narrower than the dock allows: the distinguishing part still shows in full.
    window.dock.setMinimumWidth(120)
    window.resizeDocks([window.dock], [120], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.dock.width() <= 122)
    assert window.navigator.visible_text(items[name_a]).startswith("Asse 5a")
    assert window.navigator.visible_text(items[name_b]).startswith("Asse 5b")


def test_title_bar_names_the_open_file(qtbot: QtBot, demo_path: Path, clock: FixedClock) -> None:
    win = MainWindow(clock)
    qtbot.addWidget(win)
    win.show()
    assert "demo.sqlite" not in win.windowTitle()
    assert win.open_file(demo_path)
    assert "demo.sqlite" in win.windowTitle()
    assert win.windowFilePath() == str(demo_path)
    win.close_event_file()
    assert "demo.sqlite" not in win.windowTitle()
    win.close()
