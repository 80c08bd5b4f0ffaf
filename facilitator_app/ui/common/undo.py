"""The undo command of every panel: each one re-applies or reverts a committed edit.

A panel performs an edit through one service call (one transaction), then pushes one
:class:`StepCommand` whose undo and redo are again one service call each.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class StepCommand(QUndoCommand):
    """An already-applied edit: ``redo`` repeats it, ``undo`` reverts it.

    The edit itself is performed (and committed) by the panel before the command is
    pushed, so the first ``redo`` that :class:`QUndoStack` calls on push does nothing.

    Args:
        text: what the Edit menu shows ("Annulla: <text>").
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
