"""The open event as the workspace's panels share it: file, clock, services, undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from facilitator_app.domain.clock import Clock
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.domain.model import Event, StrategyCard, Table, Venue
from facilitator_app.services.capture.board import CaptureService
from facilitator_app.services.capture.cards_in_play import TableCardsService
from facilitator_app.services.capture.counts import CountsService
from facilitator_app.services.capture.timer import TimerService
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n

T = TypeVar("T")


class Workspace(QObject):
    """One open, writable event file and the current table and session.

    Signals:
        selection_changed: the current table or session changed.
        saved: a change was committed to the file (the text says what).
        failed: a change was refused or could not be saved (the text says why).
        event_changed: the event record changed (e.g. online listeners).
    """

    selection_changed = Signal()
    saved = Signal(str)
    failed = Signal(str)
    event_changed = Signal()

    def __init__(self, store: EventStore, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.event_record: Event = store.event()
        self.cards: list[StrategyCard] = []
        self.table_cards = TableCardsService(store, clock)
        self.cards = self.table_cards.deck()
        self.capture = CaptureService(store, clock, [card.code for card in self.cards])
        self.timers = TimerService(store, clock)
        self.counts = CountsService(store, clock)
        self.undo_stack = QUndoStack(self)
        self.venues: list[Venue] = store.venues()
        self.tables: list[Table] = store.tables()
        self.table_id: str | None = self.tables[0].id if self.tables else None
        self.session = 1

    @property
    def table(self) -> Table | None:
        """The current table."""
        return next((t for t in self.tables if t.id == self.table_id), None)

    def select(self, table_id: str, session: int) -> None:
        """Make a table's session the current one."""
        if (table_id, session) == (self.table_id, self.session):
            return
        self.table_id = table_id
        self.session = session
        self.selection_changed.emit()

    def run(self, action: Callable[[], T], done: str = "") -> T | None:
        """Run a service call: report success as "saved", or the refusal, never raise.

        Returns:
            The call's result, or None when it was refused.
        """
        try:
            result = action()
        except (ValueError, FacilitatorError) as error:
            # Refusals people can act on; anything else (a KeyError included) is a bug and
            # must not pass for a message.
            self.failed.emit(i18n.error_text(error))
            return None
        self.saved.emit(done)
        return result

    def reload_event(self) -> None:
        """Re-read the event record and tell the panels."""
        self.event_record = self.store.event()
        self.event_changed.emit()
