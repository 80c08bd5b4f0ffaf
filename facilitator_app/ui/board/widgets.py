"""The board's small widgets: capture line, note view, theme list, counter, synthesis."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from facilitator_app.domain.vocab import KIND_SHORTCUTS, ContributionKind
from facilitator_app.ui.board.model import MIME_TYPE

KIND_KEYS: dict[int, ContributionKind] = {
    int(getattr(Qt.Key, f"Key_{letter}")): kind for kind, letter in KIND_SHORTCUTS.items()
}
AXIS_KEYS: dict[int, int] = {int(getattr(Qt.Key, f"Key_{n}")): n for n in range(1, 7)}
THEME_KEYS: dict[int, int] = {int(getattr(Qt.Key, f"Key_{n}")): n for n in range(10)}


class CaptureLine(QLineEdit):
    """One-line capture: type, Enter, next. Completes card codes after ``@``.

    Signals:
        to_board: the user pressed Down to move into the notes.
    """

    to_board = Signal()

    def __init__(self, codes: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._codes = QStringListModel([f"@{code}" for code in codes], self)
        self.completer_popup = QCompleter(self._codes, self)
        self.completer_popup.setWidget(self)
        self.completer_popup.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_popup.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_popup.activated.connect(self.insert_completion)
        self.textEdited.connect(self._maybe_complete)

    def current_token(self) -> str:
        """The word being typed at the cursor."""
        before = self.text()[: self.cursorPosition()]
        return before.split(" ")[-1] if before else ""

    def _maybe_complete(self, _text: str) -> None:
        token = self.current_token()
        if token.startswith("@"):
            self.completer_popup.setCompletionPrefix(token)
            if self.completer_popup.completionCount() > 0:
                self.completer_popup.complete()
                return
        popup = self.completer_popup.popup()
        if popup is not None:
            popup.hide()

    def insert_completion(self, completion: str) -> None:
        """Replace the word at the cursor with a completed card code."""
        position = self.cursorPosition()
        before = self.text()[:position]
        token = self.current_token()
        head = before[: len(before) - len(token)]
        rest = self.text()[position:]
        self.setText(f"{head}{completion} {rest.lstrip()}")
        self.setCursorPosition(len(head) + len(completion) + 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down goes to the notes; Enter with the completion popup open picks the code."""
        popup = self.completer_popup.popup()
        shown = popup is not None and popup.isVisible()
        if popup is not None and shown and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = popup.currentIndex()
            popup.hide()
            if current.isValid():
                self.insert_completion(str(current.data()))
                return
        if event.key() == Qt.Key.Key_Down and not shown:
            self.to_board.emit()
            return
        super().keyPressEvent(event)


class NoteView(QListView):
    """The notes as a wrapping grid. Keys act on the selected notes.

    L/C/E/P/B set the kind, 1-6 toggle a link to an axis, + and - vote, Delete deletes,
    Alt+1..9 put the notes into the n-th theme (Alt+0: out of any theme), F2 edits,
    Escape goes back to the capture line.
    """

    kind_key = Signal(object)
    axis_key = Signal(int)
    vote_key = Signal(int)
    delete_key = Signal()
    theme_key = Signal(int)
    escape_key = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSpacing(4)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setIconSize(QSize(0, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Tagging keys; everything else is the list's usual navigation."""
        key = event.key()
        mods = event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        if mods & Qt.KeyboardModifier.AltModifier and key in THEME_KEYS:
            self.theme_key.emit(THEME_KEYS[key])
        elif plain and key in KIND_KEYS:
            self.kind_key.emit(KIND_KEYS[key])
        elif plain and key in AXIS_KEYS:
            self.axis_key.emit(AXIS_KEYS[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.vote_key.emit(1)
        elif key == Qt.Key.Key_Minus:
            self.vote_key.emit(-1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_key.emit()
        elif key == Qt.Key.Key_Escape:
            self.escape_key.emit()
        else:
            super().keyPressEvent(event)


class ThemeList(QListWidget):
    """Themes of the session; post-its dropped on a theme join it.

    Signals:
        dropped: (post ids, theme id or "" for none) when notes are dropped on a row.
    """

    dropped = Signal(list, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.viewport().setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dragged post-its."""
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Accept only over a theme row."""
        item = self.itemAt(event.position().toPoint())
        if event.mimeData().hasFormat(MIME_TYPE) and item is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Assign the dropped post-its to the theme under the pointer."""
        item = self.itemAt(event.position().toPoint())
        if item is None or not event.mimeData().hasFormat(MIME_TYPE):
            event.ignore()
            return
        self.drop_on(bytes(event.mimeData().data(MIME_TYPE).data()).decode(), self.row(item))
        event.acceptProposedAction()

    def drop_on(self, payload: str, row: int) -> None:
        """Handle dropped ids on a row (used by drops and by tests)."""
        ids = [line for line in payload.splitlines() if line]
        target = self.item(row)
        if not ids or target is None:
            return
        theme = target.data(Qt.ItemDataRole.UserRole)
        if theme is None:  # the "all" row is no drop target
            return
        self.dropped.emit(ids, str(theme))


class CountLabel(QLabel):
    """The "N post-it" counter, with a fixed size that follows the font (zoom).

    A label whose text changes re-lays out its layout, and with it the board's wrapping list
    of notes: that cost 7 ms per new post-it with 700 notes shown.
    """

    SAMPLE = "00000 di 00000 post-it"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        """Refit when the font changes (zoom, language)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        self.setFixedSize(metrics.horizontalAdvance(self.SAMPLE) + 8, metrics.height() + 4)


class SynthesisEdit(QPlainTextEdit):
    """The session synthesis; saved a moment after typing stops and when focus leaves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_focus_out: Callable[[], None] | None = None

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Save when the facilitator moves elsewhere."""
        if self.on_focus_out is not None:
            self.on_focus_out()
        super().focusOutEvent(event)
