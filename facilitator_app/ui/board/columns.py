"""One column of the affinity view: a theme, "Senza tema", or a proposed theme.

Each column shows the board's one :class:`~.model.PostItModel` through a filter (no copy
of the post-its), drawn by the board's note delegate; post-its dragged onto a column are
announced with :attr:`ColumnNotes.dropped`, and the board decides what that means.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.domain.model import Contribution
from facilitator_app.ui.board.delegate import NoteDelegate
from facilitator_app.ui.board.model import MIME_TYPE, PostItModel
from facilitator_app.ui.board.widgets import NoteView
from facilitator_app.ui.common.actions import make_action
from facilitator_app.ui.common.flow_layout import FlowLayout

# A note in a column is narrower than on the grid: two columns side by side fit the board
# of a 1024-pixel projector, so that notes can be dragged from one to the other.
COLUMN_NOTE_WIDTH = 190
# Room beside a note for the column's frame, margins and vertical scroll bar.
COLUMN_EXTRA = 34


@dataclass(frozen=True)
class Target:
    """What a column stands for: a theme, "Senza tema" (both None), or a proposal."""

    theme_id: str | None = None
    proposal: int | None = None


class ColumnFilter(QSortFilterProxyModel):
    """The post-its of the board that belong in one column, in board order.

    Args:
        accepts: whether a post-it belongs here (asked again whenever it changes).
    """

    def __init__(self, accepts: Callable[[Contribution], bool]) -> None:
        super().__init__()
        self._accepts = accepts
        self.setDynamicSortFilter(True)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        """Ask the column's rule about the post-it in this row of the board."""
        source = self.sourceModel()
        if not isinstance(source, PostItModel) or source_row >= source.rowCount():
            return False
        return self._accepts(source.post(source_row))


class ColumnNotes(NoteView):
    """The notes of one column, top to bottom; post-its can be dragged in and out.

    Signals:
        dropped: (post ids) dragged here from another column.
        neighbour: -1 or +1 when Left or Right asks for the column beside.
    """

    dropped = Signal(list)
    neighbour = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)  # never "move" rows of the model
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dragged post-its from another column."""
        if event.mimeData().hasFormat(MIME_TYPE) and event.source() is not self:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Anywhere in the column will do."""
        if event.mimeData().hasFormat(MIME_TYPE) and event.source() is not self:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Announce the dropped post-its (the board moves them)."""
        if not event.mimeData().hasFormat(MIME_TYPE) or event.source() is self:
            event.ignore()
            return
        payload = bytes(event.mimeData().data(MIME_TYPE).data()).decode()
        ids = [line for line in payload.splitlines() if line]
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if ids:
            self.dropped.emit(ids)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Left and Right go to the column beside; the rest as on the grid."""
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        editing = self.state() == QAbstractItemView.State.EditingState
        if plain and not editing and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.neighbour.emit(-1 if event.key() == Qt.Key.Key_Left else 1)
            return
        super().keyPressEvent(event)


class Column(QFrame):
    """A titled column of notes; a proposal's column also has its buttons.

    Args:
        target: what the column stands for.
        title: its heading (a theme's title, "Senza tema", a proposal's title).
        model: the board's post-its.
        accepts: which of them the column shows.
        zoom: the notes' scale.
        parent: the owning widget.
    """

    def __init__(
        self,
        target: Target,
        title: str,
        model: PostItModel,
        accepts: Callable[[Contribution], bool],
        zoom: float,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.target = target
        self.title = title
        self.setObjectName("proposalColumn" if target.proposal is not None else "themeColumn")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        width = int(COLUMN_NOTE_WIDTH * zoom) + COLUMN_EXTRA
        self.setFixedWidth(width)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.layout_.addWidget(self.heading)
        self.filter = ColumnFilter(accepts)
        self.filter.setSourceModel(model)
        self.notes = ColumnNotes(self)
        delegate = NoteDelegate(self.notes, COLUMN_NOTE_WIDTH)
        delegate.zoom = zoom
        self.notes.setItemDelegate(delegate)
        self.notes.setModel(self.filter)
        self.layout_.addWidget(self.notes, 1)
        for signal in (self.filter.rowsInserted, self.filter.rowsRemoved):
            signal.connect(self._count_changed)
        self.filter.modelReset.connect(self._count_changed)
        self.filter.layoutChanged.connect(self._count_changed)
        self._count_changed()

    def count(self) -> int:
        """How many post-its the column shows."""
        return self.filter.rowCount()

    def _count_changed(self) -> None:
        text = f"{self.title} ({self.count()})"
        self.heading.setText(text)
        self.notes.setAccessibleName(text)

    def post_ids(self) -> list[str]:
        """The ids of the post-its shown, top to bottom."""
        return [self.post(row).id for row in range(self.count())]

    def post(self, row: int) -> Contribution:
        """The post-it shown in a row of the column."""
        source = self.filter.mapToSource(self.filter.index(row, 0))
        model = self.filter.sourceModel()
        assert isinstance(model, PostItModel)
        return model.post(source.row())

    def selected_posts(self) -> list[Contribution]:
        """The selected notes (the current one when none is selected)."""
        selection = self.notes.selectionModel()
        rows = sorted({index.row() for index in selection.selectedIndexes()})
        if not rows and self.notes.currentIndex().isValid():
            rows = [self.notes.currentIndex().row()]
        return [self.post(row) for row in rows if row < self.count()]

    def select_ids(self, ids: list[str], current_id: str | None) -> bool:
        """Select these post-its where the column shows them; True if any is here."""
        selection = self.notes.selectionModel()
        selection.clearSelection()
        found = False
        rows = {key: row for row, key in enumerate(self.post_ids())}
        for key in ids:
            if key in rows:
                selection.select(self.filter.index(rows[key], 0), selection.SelectionFlag.Select)
                found = True
        current = rows.get(current_id or "", rows.get(ids[0]) if ids else None)
        if current is not None:
            index = self.filter.index(current, 0)
            selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)
            self.notes.scrollTo(index)
        return found


class ProposalColumn(Column):
    """A proposed theme: dashed and lighter, with Accept, Rename, Split, Merge, Ignore.

    Signals:
        accept_requested, split_requested, ignore_requested: (proposal index).
        rename_requested: (proposal index, new title) when the title line is changed.
        merge_requested: (proposal index, the other proposal's index).
    """

    accept_requested = Signal(int)
    rename_requested = Signal(int, str)
    split_requested = Signal(int)
    merge_requested = Signal(int, int)
    ignore_requested = Signal(int)

    def __init__(
        self,
        target: Target,
        title: str,
        model: PostItModel,
        accepts: Callable[[Contribution], bool],
        zoom: float,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(target, title, model, accepts, zoom, parent)
        self.index = target.proposal if target.proposal is not None else 0
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(
            "QFrame#proposalColumn { border: 2px dashed #78909c; border-radius: 6px;"
            " background: #f4f7f9; }"
        )
        self.kind_label = QLabel(self)
        self.kind_label.setTextFormat(Qt.TextFormat.PlainText)
        self.kind_label.setStyleSheet("QLabel { color: #546e7a; }")
        self.layout_.insertWidget(0, self.kind_label)
        self.title_edit = QLineEdit(title, self)
        self.title_edit.setAccessibleName(self.tr("Titolo proposto"))
        self.title_edit.editingFinished.connect(self._title_edited)
        self.layout_.insertWidget(1, self.title_edit)
        buttons = FlowLayout(spacing=3)
        self.accept_button = self._button(
            self.tr("Accetta"),
            self.tr("Crea il tema e vi sposta i post-it (Ctrl+Invio; Ctrl+Z annulla)"),
            lambda: self.accept_requested.emit(self.index),
        )
        self.rename_button = self._button(
            self.tr("Rinomina"), self.tr("Modifica il titolo proposto"), self.start_rename
        )
        self.split_button = self._button(
            self.tr("Dividi"),
            self.tr("Divide la proposta in due"),
            lambda: self.split_requested.emit(self.index),
        )
        self.merge_button = self._button(
            self.tr("Unisci a…"), self.tr("Unisce a un'altra proposta"), lambda: None
        )
        self.merge_menu = QMenu(self.merge_button)
        self.merge_button.setMenu(self.merge_menu)
        self.merge_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.ignore_button = self._button(
            self.tr("Ignora"),
            self.tr("Toglie la proposta (nulla viene scritto)"),
            lambda: self.ignore_requested.emit(self.index),
        )
        for button in (
            self.accept_button,
            self.rename_button,
            self.split_button,
            self.merge_button,
            self.ignore_button,
        ):
            buttons.addWidget(button)
        self.layout_.insertLayout(3, buttons)
        # Accept by keys from anywhere in the column, as in the suggestions panel.
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            make_action(
                self,
                "",
                lambda: self.accept_requested.emit(self.index),
                shortcut=key,
                scope=Qt.ShortcutContext.WidgetWithChildrenShortcut,
                add_to=self,
            )

    def _count_changed(self) -> None:
        # the title is in the line above: the heading says only how many post-its
        text = self.tr("{n} post-it").format(n=self.count())
        self.heading.setText(text)
        self.notes.setAccessibleName(f"{self.title} ({self.count()})")

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(f"{text}: {self.title}")
        button.clicked.connect(lambda _=False: slot())
        return button

    def describe(self, kind: str, keywords: str, others: list[tuple[int, str]]) -> None:
        """Say what the proposal is, its keywords as a hint, and what it can merge with."""
        self.kind_label.setText(kind)
        hint = self.tr("Parole chiave: {words}").format(words=keywords) if keywords else ""
        for widget in (self.kind_label, self.title_edit, self.heading):
            widget.setToolTip(hint)
        self.merge_menu.clear()
        for other, title in others:
            action = self.merge_menu.addAction(title)
            action.triggered.connect(
                lambda _=False, o=other: self.merge_requested.emit(self.index, o)
            )
        self.merge_button.setEnabled(bool(others))
        self.split_button.setEnabled(self.count() >= 2)

    def start_rename(self) -> None:
        """Put the cursor in the title, all of it selected."""
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def _title_edited(self) -> None:
        text = self.title_edit.text()
        if text.strip() and " ".join(text.split()) != self.title:
            self.rename_requested.emit(self.index, text)
        elif not text.strip():
            self.title_edit.setText(self.title)
