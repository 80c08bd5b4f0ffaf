"""The post-its of one table session as a Qt list model, filtered and grouped by theme."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from facilitator_app.domain.model import Contribution, Theme
from facilitator_app.domain.vocab import fold
from facilitator_app.services.capture.tags import BoardFilter, matches

MIME_TYPE = "application/x-facilitator-postits"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
THEME_ROLE = Qt.ItemDataRole.UserRole + 3
PHONE_ROLE = Qt.ItemDataRole.UserRole + 4  # True for a post-it written on a phone

Index = QModelIndex | QPersistentModelIndex


class PostItModel(QAbstractListModel):
    """Post-its in board order: by theme, then in the order they were written.

    Signals:
        edit_requested: (post id, new text) when a note is edited in place; the board
            turns it into an undoable command.
    """

    edit_requested = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self._posts: dict[str, Contribution] = {}
        self._folded: dict[str, str] = {}
        self._rows: list[str] = []
        self._keys: list[tuple[int, int, str]] = []
        self._themes: dict[str, Theme] = {}
        self._filter = BoardFilter()
        # Post-its that came from participants' phones (the room server): marked on the note.
        self.phone_ids: frozenset[str] = frozenset()

    # -- loading ---------------------------------------------------------------------------

    def load(self, posts: Iterable[Contribution], themes: Sequence[Theme]) -> None:
        """Replace everything the model shows."""
        self.beginResetModel()
        self._posts = {post.id: post for post in posts if not post.deleted}
        self._folded = {}  # filled on the first search by words
        self._themes = {theme.id: theme for theme in themes}
        self._rebuild()
        self.endResetModel()

    def set_themes(self, themes: Sequence[Theme]) -> None:
        """Change the live themes (order and titles)."""
        self.beginResetModel()
        self._themes = {theme.id: theme for theme in themes}
        self._rebuild()
        self.endResetModel()

    def set_filter(self, flt: BoardFilter) -> None:
        """Show only the post-its passing a filter."""
        self.beginResetModel()
        self._filter = flt
        self._rebuild()
        self.endResetModel()

    def _live_filter(self) -> BoardFilter:
        return BoardFilter(
            self._filter.words,
            self._filter.tags,
            self._filter.theme,
            frozenset(self._themes),
        )

    def _key(self, post: Contribution) -> tuple[int, int, str]:
        theme = self._themes.get(post.theme_id) if post.theme_id else None
        return (theme.position if theme else 1 << 30, post.position, post.created_at)

    def _folded_text(self, post: Contribution) -> str:
        folded = self._folded.get(post.id)
        if folded is None:
            folded = self._folded[post.id] = fold(post.text)
        return folded

    def _visible(self, post: Contribution, flt: BoardFilter) -> bool:
        if flt.empty:
            return True
        return matches(post, flt, self._folded_text(post) if flt.words else None)

    def _rebuild(self) -> None:
        flt = self._live_filter()
        if flt.empty:
            shown = list(self._posts.values())
        else:
            folded = self._folded_text if flt.words else None
            shown = [
                post
                for post in self._posts.values()
                if matches(post, flt, folded(post) if folded else None)
            ]
        shown.sort(key=self._key)
        self._rows = [post.id for post in shown]
        self._keys = [self._key(post) for post in shown]

    # -- incremental changes ----------------------------------------------------------------

    def upsert(self, post: Contribution) -> QModelIndex:
        """Show a new or changed post-it (a deleted one is removed); returns its index."""
        old_row = self.row_of(post.id)
        if post.deleted:
            self._posts.pop(post.id, None)
            self._folded.pop(post.id, None)
            if old_row is not None:
                self._remove_row(old_row)
            return QModelIndex()
        previous = self._posts.get(post.id)
        self._posts[post.id] = post
        if previous is not None and previous.text != post.text:
            self._folded.pop(post.id, None)
        visible = self._visible(post, self._live_filter())
        key = self._key(post)
        if old_row is not None and visible and self._keys[old_row] == key:
            index = self.index(old_row)
            self.dataChanged.emit(index, index)
            return index
        if old_row is not None:
            self._remove_row(old_row)
        if not visible:
            return QModelIndex()
        row = bisect.bisect(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, post.id)
        self._keys.insert(row, key)
        self.endInsertRows()
        return self.index(row)

    def _remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._keys[row]
        self.endRemoveRows()

    # -- queries ---------------------------------------------------------------------------

    def row_of(self, post_id: str) -> int | None:
        """The row showing a post-it, or None when hidden or unknown."""
        if post_id not in self._posts:
            return None
        key = self._key(self._posts[post_id])
        row = bisect.bisect_left(self._keys, key)
        if row < len(self._rows) and self._rows[row] == post_id:
            return row
        try:
            return self._rows.index(post_id)
        except ValueError:
            return None

    def post(self, row: int) -> Contribution:
        """The post-it shown at a row."""
        return self._posts[self._rows[row]]

    def posts(self) -> list[Contribution]:
        """Every live post-it of the session, shown or not."""
        return list(self._posts.values())

    def shown(self) -> list[Contribution]:
        """The post-its shown, in order."""
        return [self._posts[key] for key in self._rows]

    def theme_title(self, theme_id: str | None) -> str:
        """Title of a live theme ("" for none or deleted)."""
        theme = self._themes.get(theme_id) if theme_id else None
        return theme.title if theme else ""

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of post-its shown."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text, record, id and theme of a post-it."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        post = self._posts[self._rows[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return post.text
        if role == Qt.ItemDataRole.ToolTipRole:
            if post.id in self.phone_ids:
                return self.tr("{text}\n(scritto dal telefono)").format(text=post.text)
            return post.text
        if role == PHONE_ROLE:
            return post.id in self.phone_ids
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return post.text
        if role == ID_ROLE:
            return post.id
        if role == RECORD_ROLE:
            return post
        if role == THEME_ROLE:
            return self.theme_title(post.theme_id)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Inline edit: asks the board to store the new text (undoably)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        post = self.post(index.row())
        text = str(value).strip()
        if text and text != post.text:
            self.edit_requested.emit(post.id, text)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Post-its can be selected, edited in place and dragged onto themes."""
        base = super().flags(index)
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        """The one drag format: post-it ids."""
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged post-its' ids, one per line."""
        data = QMimeData()
        ids = [str(index.data(ID_ROLE)) for index in indexes if index.isValid()]
        data.setData(MIME_TYPE, "\n".join(ids).encode())
        return data
