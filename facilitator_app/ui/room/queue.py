"""The moderation queue: posts from phones waiting beside the board, keyboard first.

Enter accepts the current post, Del rejects it, F2 (or a double click) edits its text and
Enter then accepts the edited text. The list only shows; what a key does is decided by the
owner through the signals.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from facilitator_app.domain.clock import from_iso
from facilitator_app.services.room import PendingPost

TEXT_COLUMN = 1


class ModerationQueue(QTreeWidget):
    """Pending posts, oldest first: time received and text.

    Signals:
        accept_requested: (pending id, text or "" when unchanged).
        reject_requested: (pending id).
    """

    accept_requested = Signal(str, str)
    reject_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moderationQueue")
        self.setAccessibleName(self.tr("Post-it in attesa di approvazione"))
        self.setHeaderLabels([self.tr("Ora"), self.tr("Testo")])
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setToolTip(
            self.tr("Invio: accetta · Canc: rifiuta · F2 o doppio clic: modifica, poi Invio")
        )
        self.itemDoubleClicked.connect(lambda item, _column: self.edit_post(item))
        self.itemChanged.connect(self._edited)
        self._filling = False

    def fill(self, posts: Sequence[PendingPost]) -> None:
        """Show these pending posts, keeping the current one when it is still there."""
        current = self.current_id()
        self._filling = True
        self.clear()
        for post in posts:
            item = QTreeWidgetItem(
                [from_iso(post.received_at).astimezone().strftime("%H:%M"), post.text]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, post.id)
            item.setData(TEXT_COLUMN, Qt.ItemDataRole.UserRole, post.text)
            item.setToolTip(TEXT_COLUMN, post.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.addTopLevelItem(item)
            if post.id == current:
                self.setCurrentItem(item)
        self._filling = False
        first = self.topLevelItem(0)
        if self.currentItem() is None and first is not None:
            self.setCurrentItem(first)
        self.resizeColumnToContents(0)

    def current_id(self) -> str | None:
        """The id of the current pending post, or None."""
        item = self.currentItem()
        return str(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def edit_post(self, item: QTreeWidgetItem | None = None) -> None:
        """Open the current post's text for editing (Enter then accepts it)."""
        item = item or self.currentItem()
        if item is not None:
            self.editItem(item, TEXT_COLUMN)

    def _edited(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != TEXT_COLUMN:
            return
        text = item.text(TEXT_COLUMN).strip()
        original = str(item.data(TEXT_COLUMN, Qt.ItemDataRole.UserRole))
        if text and text != original:
            self.accept_requested.emit(str(item.data(0, Qt.ItemDataRole.UserRole)), text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter accepts, Del rejects, F2 edits the current post."""
        key = event.key()
        pending = self.current_id()
        if pending is not None and self.state() != QAbstractItemView.State.EditingState:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept_requested.emit(pending, "")
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.reject_requested.emit(pending)
                return
            if key == Qt.Key.Key_F2:
                self.edit_post()
                return
        super().keyPressEvent(event)
