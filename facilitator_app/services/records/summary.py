"""Summary figures of an event file (what ``facilitator-app info`` prints)."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator_app.domain.model import (
    Event,
    ParticipantCount,
    Session,
    StrategyCard,
    Table,
    Theme,
    Venue,
)
from facilitator_app.storage.database import EventStore


@dataclass(frozen=True)
class TableSummary:
    """One table's figures."""

    table: Table
    venue: str
    present: int | None
    shared_count_note: str
    contributions: dict[int, int]
    themes: dict[int, int]
    questions: dict[int, str]


@dataclass(frozen=True)
class EventSummary:
    """The figures of a whole event file."""

    event: Event
    venues: list[Venue]
    tables: list[TableSummary]
    axes: list[tuple[int, str, int | None, int]]
    cards: int

    @property
    def total_contributions(self) -> int:
        """Post-its over all tables and sessions (deleted ones excluded)."""
        return sum(sum(t.contributions.values()) for t in self.tables)


def table_presence(counts: list[ParticipantCount]) -> tuple[dict[str, int], dict[str, str]]:
    """People present per table id (the larger of its session counts or its day count).

    A count covering several tables is returned once under each table id together with a
    note, never split: the published figures do not say how people divided.
    """
    presence: dict[str, int] = {}
    notes: dict[str, str] = {}
    for count in counts:
        if count.present is None:
            continue
        for table_id in count.table_ids:
            presence[table_id] = max(presence.get(table_id, 0), count.present)
            if len(count.table_ids) > 1:
                notes[table_id] = count.note or f"conteggio comune a {len(count.table_ids)} tavoli"
    return presence, notes


def _people(counts: list[ParticipantCount], tables: list[TableSummary]) -> int | None:
    """People over a group of tables, counting a figure shared by several tables once."""
    ids = {summary.table.id for summary in tables}
    best: dict[tuple[str, ...], int] = {}
    for count in counts:
        if count.present is not None and ids.intersection(count.table_ids):
            best[count.table_ids] = max(best.get(count.table_ids, 0), count.present)
    return sum(best.values()) if best else None


def summarize(store: EventStore) -> EventSummary:
    """Compute the summary of an event file."""
    event = store.event()
    venues = store.all(Venue, order_by="position")
    venue_names = {venue.id: venue.name for venue in venues}
    tables = store.all(Table, order_by="position")
    sessions = store.all(Session)
    counts = store.all(ParticipantCount)
    presence, notes = table_presence(counts)
    per_table: dict[tuple[str, int], int] = {}
    for row in store.query(
        "select table_id, session, count(*) from contributions "
        "where deleted_at is null group by table_id, session"
    ):
        per_table[(row[0], row[1])] = row[2]
    theme_counts: dict[tuple[str, int], int] = {}
    for theme in store.all(Theme, "deleted_at is null"):
        key = (theme.table_id, theme.session or 0)
        theme_counts[key] = theme_counts.get(key, 0) + 1
    summaries = [
        TableSummary(
            table=table,
            venue=venue_names.get(table.venue_id, ""),
            present=presence.get(table.id),
            shared_count_note=notes.get(table.id, ""),
            contributions={n: per_table.get((table.id, n), 0) for n in (1, 2)},
            themes={n: theme_counts.get((table.id, n), 0) for n in (1, 2)},
            questions={s.number: s.question for s in sessions if s.table_id == table.id},
        )
        for table in tables
    ]
    axis_titles = {
        card.axis: card.title
        for card in store.all(StrategyCard, "edition = ?", [event.card_edition])
        if card.level == "asse"
    }
    axes: list[tuple[int, str, int | None, int]] = []
    for axis in sorted({t.axis for t in tables if t.axis is not None}):
        on_axis = [s for s in summaries if s.table.axis == axis]
        axes.append((axis, axis_titles.get(axis, ""), _people(counts, on_axis), len(on_axis)))
    return EventSummary(
        event=event,
        venues=venues,
        tables=summaries,
        axes=axes,
        cards=store.count(StrategyCard, "edition = ?", [event.card_edition]),
    )
