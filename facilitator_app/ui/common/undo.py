"""The event's one undo history: the undo command of every panel, and its keys in text lines.

A panel performs an edit through one service call (one transaction), then pushes one
:class:`StepCommand` whose undo and redo are again one service call each. The window's
Modifica › Annulla / Ripeti use :data:`UNDO_KEYS` and :data:`REDO_KEYS`; a text line that
should hand those keys to the event when it is empty gets a :class:`EventUndoKeys` filter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QLineEdit

UNDO_KEYS: tuple[str, ...] = ("Ctrl+Z",)
REDO_KEYS: tuple[str, ...] = ("Ctrl+Shift+Z", "Ctrl+Y")


class StepCommand(QUndoCommand):
    """An already-applied edit: ``redo`` repeats it, ``undo`` reverts it.

    The edit itself is performed (and committed) by the panel before the command is
    pushed, so the first ``redo`` that :class:`QUndoStack` calls on push does nothing.

    Args:
        text: the step's name, which the Modifica menu shows ("Annulla: <text>").
        redo: applies the edit again (committing it).
        undo: restores the previous state (committing it).
    """

    def __init__(self, text: str, redo: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo
        self._pushed = False

    def redo(self) -> None:
        """Apply the edit (skipped once, on push: it is already applied)."""
        if not self._pushed:
            self._pushed = True
            return
        self._redo()

    def undo(self) -> None:
        """Revert the edit."""
        self._undo()


def _sequences(keys: Sequence[str]) -> tuple[QKeySequence, ...]:
    return tuple(QKeySequence(key) for key in keys)


class EventUndoKeys(QObject):
    """Ctrl+Z / Ctrl+Y in an empty text line go to the event's undo history.

    A :class:`QLineEdit` claims the undo keys for its own text history (through a
    ShortcutOverride event) even when it is empty, so the window's Annulla never ran there,
    and the text of a post-it just saved could come back and be saved twice. With this
    filter an empty line leaves the keys to the window (Modifica › Annulla / Ripeti);
    a line with text undoes and redoes its own typing, with the same keys on every system.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._undo = _sequences(UNDO_KEYS)
        self._redo = _sequences(REDO_KEYS)

    def watch(self, *lines: QLineEdit) -> None:
        """Filter the undo keys of these lines."""
        for line in lines:
            line.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Decide who gets an undo or redo key: the line (with text) or the window."""
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, QLineEdit) or not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        undo, redo = pressed in self._undo, pressed in self._redo
        if not (undo or redo):
            return False
        own = bool(watched.text()) and not watched.isReadOnly()
        if kind == QEvent.Type.ShortcutOverride:
            # Accepted: the key comes to the line as a key press; ignored: the window's
            # shortcut runs. Either way the line's own handling is skipped.
            event.setAccepted(own)
            return True
        if own:
            if undo:
                watched.undo()
            else:
                watched.redo()
        # An empty line never brings back its old text (the window's undo was disabled).
        return True
