"""The navigator: venue → table → session of the open event."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from facilitator_app.ui.context import Workspace

TARGET_ROLE = Qt.ItemDataRole.UserRole


class Navigator(QTreeWidget):
    """Choosing a session (or a table: its first session) makes it the current one."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Sedi, tavoli e sessioni"))
        self._items: dict[tuple[str, int], QTreeWidgetItem] = {}
        for venue in self.ws.venues:
            venue_item = QTreeWidgetItem(self, [venue.name])
            venue_item.setFlags(venue_item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for table in (t for t in self.ws.tables if t.venue_id == venue.id):
                table_item = QTreeWidgetItem(venue_item, [table.name])
                table_item.setData(0, TARGET_ROLE, (table.id, 1))
                for number in (1, 2):
                    item = QTreeWidgetItem(table_item, [self.tr("Sessione {n}").format(n=number)])
                    item.setData(0, TARGET_ROLE, (table.id, number))
                    self._items[(table.id, number)] = item
            venue_item.setExpanded(True)
        self.currentItemChanged.connect(self._changed)
        self.ws.selection_changed.connect(self.show_current)
        self.show_current()

    def targets(self) -> list[tuple[str, int]]:
        """Every (table id, session) in navigator order."""
        return list(self._items)

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
