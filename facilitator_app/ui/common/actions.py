"""Actions and buttons built the same way everywhere: text, shortcut, tooltip, slot.

Every panel offers its commands as :class:`QAction` objects (the main window lists them in
its menus, with their shortcuts) and often as buttons too; these helpers keep the details
(accessible name, shortcut scope, the ``checked`` argument dropped) in one place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QPushButton, QTabWidget, QToolButton, QWidget

Shortcut = QKeySequence | QKeySequence.StandardKey | str


def shortcut_text(shortcut: Shortcut) -> str:
    """A shortcut as this system writes it (for tooltips and button labels)."""
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def reveal(widget: QWidget) -> None:
    """Bring the tabs holding ``widget`` to the front, outermost first.

    A panel's window-wide key (Ctrl+B on the board, say) pressed while another tab is shown
    would otherwise change a page nobody sees.
    """
    tabs: list[QTabWidget] = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            tabs.append(parent)
        parent = parent.parentWidget()
    for holder in reversed(tabs):
        for index in range(holder.count()):
            page = holder.widget(index)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                holder.setCurrentIndex(index)
                break


def make_action(
    parent: QWidget,
    text: str,
    slot: Callable[[], object],
    *,
    shortcut: Shortcut | None = None,
    scope: Qt.ShortcutContext | None = None,
    tooltip: str | None = None,
    add_to: QWidget | None = None,
) -> QAction:
    """A command with its text, shortcut and slot.

    Args:
        parent: the owner of the action.
        text: what menus show.
        slot: called when the action is triggered (the ``checked`` flag is dropped).
        shortcut: its key, if any.
        scope: where the shortcut works (Qt's default, the window, when None).
        tooltip: the longer explanation, if any.
        add_to: the widget (or menu) that holds the action; its shortcut works there.
    """
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if scope is not None:
        action.setShortcutContext(scope)
    if tooltip is not None:
        action.setToolTip(tooltip)
    action.triggered.connect(lambda _=False: slot())
    if add_to is not None:
        add_to.addAction(action)
    return action


def _set_up(
    button: QAbstractButton,
    slot: Callable[[], object],
    accessible: str | None,
    tooltip: str | None,
) -> None:
    button.setAccessibleName(accessible if accessible is not None else button.text())
    if tooltip is not None:
        button.setToolTip(tooltip)
    button.clicked.connect(lambda _=False: slot())


def make_button(
    parent: QWidget,
    text: str,
    slot: Callable[[], object],
    *,
    accessible: str | None = None,
    tooltip: str | None = None,
) -> QPushButton:
    """A push button that calls ``slot``.

    Args:
        parent: the owning widget.
        text: the label (with its ``&`` mnemonic, if any).
        slot: called on click (the ``checked`` flag is dropped).
        accessible: what screen readers say (the label when None).
        tooltip: the longer explanation, if any.
    """
    button = QPushButton(text, parent)
    _set_up(button, slot, accessible, tooltip)
    return button


def make_tool_button(
    parent: QWidget,
    text: str,
    slot: Callable[[], object],
    *,
    accessible: str | None = None,
    tooltip: str | None = None,
) -> QToolButton:
    """A small tool button that calls ``slot`` (arguments as :func:`make_button`)."""
    button = QToolButton(parent)
    button.setText(text)
    _set_up(button, slot, accessible, tooltip)
    return button
