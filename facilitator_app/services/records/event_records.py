"""The read model: one consistent read of an event file for every output.

The workbook, the restituzione, the paper kit, the deck and the merge all start from an
:class:`EventRecords`:
every record of the event read once, in the order people expect (tables by position,
post-its in board order), optionally restricted to some tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from facilitator_app.domain import counting
from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.model import (
    AgendaItem,
    Contribution,
    Event,
    ParticipantCount,
    Session,
    StrategyCard,
    Table,
    TableCard,
    Theme,
    Venue,
)
from facilitator_app.domain.rules import card_sort_key
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.records.validation import refuse_faults
from facilitator_app.storage.database import EventStore


@dataclass(frozen=True)
class EventRecords:
    """Every record of an event (or of some of its tables), read once and ordered.

    Deleted post-its and themes are included (an exchange file carries them so that a
    merge knows they were deleted); use :meth:`live_contributions` and
    :meth:`live_themes` for what people read.

    Attributes:
        partial: True when only some tables were selected.
    """

    event: Event
    venues: tuple[Venue, ...]
    tables: tuple[Table, ...]
    sessions: tuple[Session, ...]
    agenda: tuple[AgendaItem, ...]
    cards: tuple[StrategyCard, ...]
    table_cards: tuple[TableCard, ...]
    counts: tuple[ParticipantCount, ...]
    themes: tuple[Theme, ...]
    contributions: tuple[Contribution, ...]
    partial: bool = False

    @property
    def table_by_id(self) -> dict[str, Table]:
        """Tables by id."""
        return {table.id: table for table in self.tables}

    def live_contributions(self) -> list[Contribution]:
        """Post-its not deleted, in board order."""
        return counting.live(self.contributions)

    def live_themes(self) -> list[Theme]:
        """Themes not deleted, in board order."""
        return [t for t in self.themes if t.deleted_at is None]

    def event_cards(self) -> dict[str, StrategyCard]:
        """The cards of the event's edition, by code."""
        return {c.code: c for c in self.cards if c.edition == self.event.card_edition}

    def session(self, table_id: str, number: int) -> Session | None:
        """One session of a table."""
        for session in self.sessions:
            if session.table_id == table_id and session.number == number:
                return session
        return None


def load_records(
    store: EventStore,
    table_keys: Sequence[str] | None = None,
    *,
    complete: bool = False,
    check: bool = False,
    now: dt.datetime | None = None,
) -> EventRecords:
    """Read an event file once for exporting.

    Args:
        store: the event file (read-only is enough).
        table_keys: only these tables (by key); every table when None or empty. Counts
            shared with a table outside the selection are left out (they cannot be split).
        complete: keep every record, even those whose table does not exist (sessions,
            counts, themes, post-its, votes to cards): the merge must see them to refuse
            them. Cannot be combined with ``table_keys``.
        check: refuse records that break the rules of :mod:`facilitator_app.domain.validation`
            (a merge source), before anything sorts or counts them.
        now: the injected clock's time, for ``check``'s latest plausible timestamp.

    Raises:
        ValueError: a key names no table of the event, or ``table_keys`` with ``complete``.
        NotAnEventFileError: the file holds no event.
        RecordsRefusedError: with ``check``, a record breaks a rule.
    """

    def read(items: Sequence[Any]) -> list[Any]:
        return refuse_faults(items, now) if check else list(items)

    if complete and table_keys:
        raise ValueError("complete reads every table: table_keys cannot be given")
    event = read([store.event()])[0]
    all_tables = read(store.tables())
    tables = list(all_tables)
    if table_keys:
        known = {table.key for table in all_tables}
        unknown = [key for key in table_keys if key not in known]
        if unknown:
            raise InvalidValueError(
                QT_TRANSLATE_NOOP(
                    "Errors", "tavoli non presenti nell'evento: {unknown} (presenti: {known})"
                ),
                unknown=", ".join(unknown),
                known=", ".join(sorted(known)),
            )
        wanted = set(table_keys)
        tables = [table for table in all_tables if table.key in wanted]
    order = {table.id: index for index, table in enumerate(tables)}
    used_venues = {table.venue_id for table in tables}
    venues = [venue for venue in read(store.venues()) if not table_keys or venue.id in used_venues]

    def rank(table_id: str) -> int:
        return order.get(table_id, len(order))

    def kept(table_id: str) -> bool:
        return complete or table_id in order

    sessions = sorted(
        (s for s in read(store.all(Session)) if kept(s.table_id)),
        key=lambda s: (rank(s.table_id), s.number),
    )
    counts = sorted(
        (
            c
            for c in read(store.all(ParticipantCount))
            if complete or (c.table_ids and set(c.table_ids) <= set(order))
        ),
        key=lambda c: (
            min((rank(t) for t in c.table_ids), default=len(order)),
            c.session or 0,
            c.created_at,
            c.id,
        ),
    )
    themes = sorted(
        (t for t in read(store.all(Theme)) if kept(t.table_id)),
        key=lambda t: (
            t.deleted_at is not None,
            rank(t.table_id),
            t.session or 0,
            t.position,
            t.created_at,
            t.id,
        ),
    )
    contributions = sorted(
        (c for c in read(store.contributions(include_deleted=True)) if kept(c.table_id)),
        key=lambda c: (
            c.deleted_at is not None,
            rank(c.table_id),
            c.session,
            c.position,
            c.created_at,
            c.id,
        ),
    )
    table_cards = sorted(
        (c for c in read(store.all(TableCard)) if kept(c.table_id)),
        key=lambda c: (rank(c.table_id), c.session or 0, c.rank or 0, c.code, c.id),
    )
    return EventRecords(
        event=event,
        venues=tuple(venues),
        tables=tuple(tables),
        sessions=tuple(sessions),
        agenda=tuple(read(store.agenda())),
        cards=tuple(
            sorted(read(store.all(StrategyCard)), key=lambda c: (c.edition, card_sort_key(c.code)))
        ),
        table_cards=tuple(table_cards),
        counts=tuple(counts),
        themes=tuple(themes),
        contributions=tuple(contributions),
        partial=bool(table_keys) and len(tables) < len(all_tables),
    )
