"""The merged file's conflicts in the coordinator view: what differs, what is shown, a choice.

One row per field in conflict: the record (a post-it's text, a title), the field, the value
of version A (the one shown, the latest) and of version B (and C..., when more files
changed it), which is shown. "Tieni A" / "Tieni B" settle the selected record's conflict
through :func:`facilitator_app.services.merge.conflicts.resolve_conflict` (one transaction),
so later merges keep the choice.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.domain.clock import Clock
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.services.merge import conflicts
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n
from facilitator_app.ui.common.actions import make_button

COLUMNS = 5

#: Lets the window that holds a file (the main window) let go of it while ``keep`` writes it.
FreeFile = Callable[[Path], AbstractContextManager[None]]


def _nothing_to_free(_path: Path) -> AbstractContextManager[None]:
    return contextlib.nullcontext()


class ConflictsPanel(QWidget):
    """The conflicts of the merged file, with the buttons that settle them.

    Signals:
        failed(str): a choice could not be saved (the message to show).
    """

    failed = Signal(str)

    def __init__(
        self, clock: Clock, parent: QWidget | None = None, free_file: FreeFile | None = None
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.free_file = free_file or _nothing_to_free
        self.target: Path | None = None
        self.conflicts: list[conflicts.Conflict] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        layout.addWidget(self.title)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setAccessibleName(self.tr("Conflitti del file unito, un campo per riga"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Dato"),
                self.tr("Campo"),
                self.tr("Versione A"),
                self.tr("Versione B"),
                self.tr("Mostrata"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.title.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.keep_a = make_button(
            self,
            self.tr("T&ieni la versione A"),
            lambda: self.keep("A"),
            accessible=self.tr("Tieni la versione A del conflitto scelto"),
        )
        self.keep_b = make_button(
            self,
            self.tr("Tieni la versione &B"),
            lambda: self.keep("B"),
            accessible=self.tr("Tieni la versione B del conflitto scelto"),
        )
        buttons.addStretch(1)
        buttons.addWidget(self.keep_a)
        buttons.addWidget(self.keep_b)
        layout.addLayout(buttons)
        self.load(None)

    def _button_list(self) -> list[QPushButton]:
        return [self.keep_a, self.keep_b]

    def load(self, target: Path | None) -> None:
        """Show the conflicts of ``target`` (none when it is missing or unreadable)."""
        self.target = target
        found: list[conflicts.Conflict] = []
        if target is not None and target.exists():
            try:
                with EventStore.open(target, read_only=True) as store:
                    found = conflicts.open_conflicts(store)
            except FacilitatorError as error:
                self.failed.emit(i18n.error_text(error))
        self.conflicts = found
        self.table.setRowCount(0)
        for index, conflict in enumerate(found):
            names = conflict.side_names()
            for field in conflict.fields:
                others = "; ".join(
                    f"{name}: {_text(value)}" if len(names) > 2 else _text(value)
                    for name, value in zip(names[1:], field.values[1:], strict=True)
                )
                values = [
                    f"{self.kind_label(conflict.kind)} «{conflict.label}»",
                    self.field_label(field.field),
                    _text(field.values[0]),
                    others,
                    names[field.shown],
                ]
                row = self.table.rowCount()
                self.table.insertRow(row)
                for column, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    item.setData(Qt.ItemDataRole.UserRole, index)
                    item.setToolTip(value)
                    self.table.setItem(row, column, item)
        self.title.setText(
            self.tr("C&onflitti da decidere: {n}").format(n=len(found))
            if found
            else self.tr("C&onflitti da decidere: nessuno")
        )
        self._update_buttons()

    def kind_label(self, kind: str) -> str:
        """What a record is, as people say it ("Post-it", not "Contribution")."""
        labels = {
            "Contribution": self.tr("Post-it"),
            "Theme": self.tr("Tema"),
            "Event": self.tr("Evento"),
            "Venue": self.tr("Sede"),
            "Table": self.tr("Tavolo"),
            "Session": self.tr("Sessione"),
            "AgendaItem": self.tr("Voce del programma"),
            "TableCard": self.tr("Scheda in gioco"),
            "ParticipantCount": self.tr("Conteggio dei partecipanti"),
        }
        return labels.get(kind, kind)

    def field_label(self, field: str) -> str:
        """A field as people say it ("testo", not "text"); unknown ones as they are."""
        labels = {
            "text": self.tr("testo"),
            "kind": self.tr("tipo"),
            "deleted_at": self.tr("eliminato"),
            "theme_id": self.tr("tema"),
            "votes": self.tr("voti"),
            "cards": self.tr("schede"),
            "zones": self.tr("zone"),
            "links": self.tr("assi collegati"),
            "title": self.tr("titolo"),
            "name": self.tr("nome"),
            "synthesis": self.tr("sintesi"),
            "present": self.tr("presenti"),
            "by_zone": self.tr("presenti per zona"),
            "by_category": self.tr("presenti per categoria"),
            "online_listeners": self.tr("ascolto online"),
            "in_presence": self.tr("in presenza"),
            "facilitator": self.tr("facilitatore"),
            "rank": self.tr("posto"),
            "position": self.tr("posizione"),
        }
        return labels.get(field, field)

    def _selected(self) -> conflicts.Conflict | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return self.conflicts[int(items[0].data(Qt.ItemDataRole.UserRole))]

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        for button in self._button_list():
            button.setEnabled(chosen)

    def keep(self, side: str) -> bool:
        """Settle the selected conflict with version ``side``; False when nothing changed."""
        conflict = self._selected()
        if conflict is None or self.target is None:
            return False
        try:
            with self.free_file(self.target), EventStore.open(self.target) as store:
                conflicts.resolve_conflict(store, conflict.id, side, self.clock)
        except FacilitatorError as error:
            self.failed.emit(i18n.error_text(error))
            return False
        self.load(self.target)
        return True


def _text(value: object) -> str:
    if value is None:
        return "—"
    return str(value).replace("\n", " ")
