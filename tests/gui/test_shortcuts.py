"""No two commands share a key where both can fire: walk every window the app builds.

Qt gives up on a key that two enabled shortcuts claim in the same place ("Ambiguous shortcut
overload") and triggers neither, silently for the person at the keyboard. This test lists
every QAction and QShortcut of every window (the workspace on each tab, in each timer state;
the full-screen timer; the coordinator view; the presentation windows; the dialogs that can be
built headless) and fails on two of them with one key sequence whose contexts overlap, the way
Qt's own shortcut map decides it (qshortcutmap/qaction_widgets: menus count through the menu
bar that holds them, a hidden or disabled holder does not count).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.ui.exports.dialog import ExportDialog, ExportKind
from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.presentation import PresentationSession
from facilitator_app.ui.report_texts import ReportTextsDialog
from facilitator_app.ui.wizard import NewEventWizard

Context = Qt.ShortcutContext


@dataclass(frozen=True)
class Place:
    """Where a shortcut listens: its context and the widget that holds it."""

    context: Context
    holder: QWidget

    def overlaps(self, other: Place) -> bool:
        """True when one focus position could activate both (Qt's context rules)."""
        if Context.ApplicationShortcut in (self.context, other.context):
            return True
        if self.holder.window() is not other.holder.window():
            return False
        if Context.WindowShortcut in (self.context, other.context):
            return True
        if isinstance(self.holder, QMenuBar) and isinstance(other.holder, QMenuBar):
            # Two widget-scoped commands shown in menus (the deck's and the board's "+"): they
            # fire through their own widget; a menu bar never has the focus to fire them.
            return False
        return bool(self._focus_region() & other._focus_region())

    def _focus_region(self) -> set[int]:
        """Ids of the widgets whose focus activates this (widget, or widget and children)."""
        if self.context == Context.WidgetShortcut:
            return {id(self.holder)}
        return {id(w) for w in [self.holder, *self.holder.findChildren(QWidget)]}


@dataclass(frozen=True)
class Binding:
    """One key sequence of one command, in the places where it is live."""

    owner: QObject
    label: str
    keys: str
    places: tuple[Place, ...]


def _live_holders(action: QAction) -> Iterator[QWidget]:
    """Visible, enabled widgets through which an action's shortcut can fire."""
    for holder in action.associatedObjects():
        if isinstance(holder, QMenu):
            # A menu's entries fire through the menu bar (or menu) that shows the menu.
            yield from _live_holders(holder.menuAction())
        elif isinstance(holder, QWidget) and holder.isVisible() and holder.isEnabled():
            yield holder


def _bindings(windows: Iterable[QWidget]) -> list[Binding]:
    found: dict[int, QObject] = {}
    for window in windows:
        for action in [*window.findChildren(QAction), *window.actions()]:
            found[id(action)] = action
        for widget in [window, *window.findChildren(QWidget)]:
            for action in widget.actions():
                found[id(action)] = action
        for shortcut in window.findChildren(QShortcut):
            found[id(shortcut)] = shortcut
    bindings = []
    for item in found.values():
        if isinstance(item, QAction):
            if not (item.isEnabled() and item.isVisible()):
                continue
            places = tuple(Place(item.shortcutContext(), h) for h in _live_holders(item))
            sequences = item.shortcuts()
            label = item.text() or item.objectName() or repr(item)
        elif isinstance(item, QShortcut):
            parent = item.parentWidget() if hasattr(item, "parentWidget") else item.parent()
            if not item.isEnabled() or not isinstance(parent, QWidget) or not parent.isVisible():
                continue
            places = (Place(item.context(), parent),)
            sequences = item.keys()
            label = f"QShortcut of {type(parent).__name__}"
        else:
            continue
        for sequence in sequences:
            if places and not sequence.isEmpty():
                keys = sequence.toString(QKeySequence.SequenceFormat.PortableText)
                bindings.append(Binding(item, label, keys, places))
    return bindings


def conflicts(windows: Iterable[QWidget]) -> list[str]:
    """Pairs of distinct commands with one key and overlapping places, described."""
    bindings = _bindings(windows)
    clashes = []
    for index, first in enumerate(bindings):
        for second in bindings[index + 1 :]:
            if first.owner is second.owner or first.keys != second.keys:
                continue
            if any(a.overlaps(b) for a in first.places for b in second.places):
                where = first.places[0].holder.window().windowTitle()
                clashes.append(f"{first.keys}: {first.label!r} and {second.label!r} in {where!r}")
    return sorted(set(clashes))


def _top_levels() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def _assert_no_conflicts(state: str) -> None:
    clashes = conflicts(_top_levels())
    assert not clashes, f"shortcut conflicts with {state}:\n" + "\n".join(clashes)


def test_detector_sees_two_window_actions_on_one_key(qtbot: QtBot) -> None:
    """The walk itself can fail: two enabled F9 actions in one window are a conflict."""
    widget = QWidget()
    widget.setWindowTitle("prova")
    qtbot.addWidget(widget)
    for text in ("uno", "due"):
        action = QAction(text, widget)
        action.setShortcut(QKeySequence("F9"))
        widget.addAction(action)
    widget.show()
    assert conflicts([widget]) == ["F9: 'uno' and 'due' in 'prova'"]
    widget.actions()[1].setEnabled(False)
    assert conflicts([widget]) == []


def test_no_two_commands_share_a_key_in_any_window(
    qtbot: QtBot, window: MainWindow, clock: FixedClock, tmp_path: Path
) -> None:
    window.activateWindow()
    _assert_no_conflicts("the welcome-less workspace on the first tab")
    assert window.tabs is not None and window.timer is not None
    for index in range(window.tabs.count()):
        window.show_tab(index)
        _assert_no_conflicts(f"tab {window.tabs.tabText(index)!r}")

    window.show_tab(1)
    qtbot.keyClick(window, Qt.Key.Key_F6)  # the session runs: pause and stop are live
    clock.advance(60)
    _assert_no_conflicts("a running session")
    full = window.timer.show_full_screen()
    qtbot.addWidget(full)
    _assert_no_conflicts("the full-screen timer open")
    window.timer.close_full_screen()

    coordinator = window.open_coordinator()
    qtbot.addWidget(coordinator)
    _assert_no_conflicts("the coordinator view")
    coordinator.close()

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    session = window.findChild(PresentationSession)
    assert isinstance(session, PresentationSession)
    _assert_no_conflicts("the presentation windows")
    session.audience.close()
    session.presenter.close()

    assert window.path is not None and window.store is not None
    dialogs: list[QWidget] = [
        ExportDialog(ExportKind.REPORT, window.path, window.workspace.table)
        if window.workspace is not None
        else QWidget(),
        ReportTextsDialog(window.store, window.clock, window),
        NewEventWizard(window).dialog,
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        _assert_no_conflicts(f"the dialog {type(dialog).__name__}")
        dialog.close()
