"""The navigator: venue → table → session of the open event.

Tables often share the start of their names ("Asse 5 - Inclusione e coesione, … (tavolo A)"
and "… (tavolo B)"), so each table's label starts with its distinguishing part, taken from
its key ("Asse 5a · Inclusione e coesione, …"), and only the rest is ever elided; the
tooltip holds the full name.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from facilitator_app.domain.model import Table
from facilitator_app.domain.vocab import fold
from facilitator_app.ui.context import Workspace

TARGET_ROLE = Qt.ItemDataRole.UserRole
# The start of a label that must stay readable at any width (tables only).
KEEP_ROLE = Qt.ItemDataRole.UserRole + 1
# "Asse 5 - ", "Zona 7: ": a name's own head, which the key-based part replaces.
_NAME_HEAD = re.compile(r"^\s*\w+\s+\d+\w*\s*[-–—·:]\s*")


def table_label(table: Table) -> tuple[str, str]:
    """A table's navigator label and the start of it that tells the table apart.

    The start is the key spelt as words ("asse-5a" -> "Asse 5a"); the name follows without
    its own "Asse 5 - " head: ("Asse 5a · Inclusione e coesione, …", "Asse 5a").
    """
    words = [word for word in re.split(r"[-_\s]+", table.key) if word]
    if not words:
        return table.name, ""
    short = " ".join(words)
    short = short[0].upper() + short[1:]
    rest = table.name
    head = _NAME_HEAD.match(rest)
    if head is not None and fold(rest).startswith(fold(words[0])):
        rest = rest[head.end() :]
    return (f"{short} · {rest}" if rest else short), short


class KeepStartDelegate(QStyledItemDelegate):
    """Elides only what follows an item's :data:`KEEP_ROLE` start, never the start itself."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """The view's option, with the text elided after the part to keep."""
        super().initStyleOption(option, index)
        keep = index.data(KEEP_ROLE)
        if keep and option.rect.width() > 0:
            option.text = self._fitted(option, str(keep), option.text)
            # Already fitted: the style must not elide again (it would cut the start).
            option.textElideMode = Qt.TextElideMode.ElideNone

    @staticmethod
    def _fitted(option: QStyleOptionViewItem, keep: str, text: str) -> str:
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, widget) + 1
        width = rect.width() - 2 * margin
        metrics = option.fontMetrics
        if metrics.horizontalAdvance(text) <= width or not text.startswith(keep):
            return text
        rest = text[len(keep) :]
        room = max(0, width - metrics.horizontalAdvance(keep))
        return keep + metrics.elidedText(rest, Qt.TextElideMode.ElideRight, room)


class Navigator(QTreeWidget):
    """Choosing a session (or a table: its first session) makes it the current one."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setHeaderHidden(True)
        # Wider only when the person drags the dock: the window's extra width goes to the
        # panels (an expanding navigator shared it, and a restored state could give it all).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Sedi, tavoli e sessioni"))
        self.setItemDelegate(KeepStartDelegate(self))
        self._items: dict[tuple[str, int], QTreeWidgetItem] = {}
        self._starts: list[str] = []  # the parts of the table labels never elided
        for venue in self.ws.venues:
            venue_item = QTreeWidgetItem(self, [venue.name])
            venue_item.setToolTip(0, venue.name)
            venue_item.setFlags(venue_item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for table in (t for t in self.ws.tables if t.venue_id == venue.id):
                label, keep = table_label(table)
                table_item = QTreeWidgetItem(venue_item, [label])
                table_item.setToolTip(0, table.name)
                table_item.setData(0, KEEP_ROLE, keep)
                self._starts.append(keep or label)
                table_item.setData(0, TARGET_ROLE, (table.id, 1))
                for number in (1, 2):
                    item = QTreeWidgetItem(table_item, [self.tr("Sessione {n}").format(n=number)])
                    item.setData(0, TARGET_ROLE, (table.id, number))
                    self._items[(table.id, number)] = item
            venue_item.setExpanded(True)
        self.currentItemChanged.connect(self._changed)
        self.ws.selection_changed.connect(self.show_current)
        self.show_current()

    def narrowest_width(self) -> int:
        """Narrow, for a small screen, yet wide enough for the parts of labels that matter.

        A table's distinguishing start ("Asse 5a …") and "Sessione 2" show in full; the
        rest of a table's name is elided (the tooltip holds it).
        """
        metrics = self.fontMetrics()
        step = self.indentation()
        tables = [metrics.horizontalAdvance(f"{start} …") + step for start in self._starts]
        session = metrics.horizontalAdvance(self.tr("Sessione {n}").format(n=2)) + 2 * step
        # Item margins, the frame and a vertical scroll bar (many tables) around the text.
        chrome = 4 * metrics.averageCharWidth() + 2 * self.frameWidth()
        chrome += self.verticalScrollBar().sizeHint().width()
        return max([session, *tables]) + chrome

    def targets(self) -> list[tuple[str, int]]:
        """Every (table id, session) in navigator order."""
        return list(self._items)

    def visible_text(self, item: QTreeWidgetItem) -> str:
        """The text of an item as the navigator draws it now (elided to its width)."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualItemRect(item)
        index = self.indexFromItem(item)
        delegate = self.itemDelegateForIndex(index)
        if isinstance(delegate, QStyledItemDelegate):
            delegate.initStyleOption(option, index)
        if option.textElideMode == Qt.TextElideMode.ElideNone:
            return option.text
        style = self.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, self)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, self) + 1
        return option.fontMetrics.elidedText(
            option.text, option.textElideMode, rect.width() - 2 * margin
        )

    def show_current(self) -> None:
        """Highlight the workspace's current session."""
        if self.ws.table_id is None:
            return
        item = self._items.get((self.ws.table_id, self.ws.session))
        if item is not None and self.currentItem() is not item:
            self.blockSignals(True)
            self.setCurrentItem(item)
            parent = item.parent()
            if parent is not None:
                parent.setExpanded(True)
            self.blockSignals(False)

    def _changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        target = item.data(0, TARGET_ROLE)
        if target:
            table_id, number = target
            self.ws.select(str(table_id), int(number))

    def step(self, delta: int) -> None:
        """Go to the next (or previous) session in navigator order."""
        targets = self.targets()
        if not targets or self.ws.table_id is None:
            return
        current = (self.ws.table_id, self.ws.session)
        index = targets.index(current) if current in targets else 0
        table_id, number = targets[(index + delta) % len(targets)]
        self.ws.select(table_id, number)
