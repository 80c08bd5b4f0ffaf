"""Per-venue or per-table event files cut from the coordinator's master file.

Every laptop must carry the same event (same UUIDs) for its file to merge back; this copies
the event, the chosen venues and tables with their sessions, the agenda and the cards into a
new file, and nothing captured yet.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.model import (
    AgendaItem,
    Event,
    Session,
    StrategyCard,
    Table,
)
from facilitator_app.domain.vocab import fold
from facilitator_app.storage.database import EventStore


def extract(
    master: EventStore,
    target: Path,
    *,
    venues: Sequence[str] = (),
    tables: Sequence[str] = (),
    facilitator: str | None = None,
    clock: Clock | None = None,
) -> tuple[Event, list[Table]]:
    """Write a new event file holding part of the master event.

    Args:
        master: the coordinator's event file.
        target: the file to create (must not exist).
        venues: venue names (accents and case ignored); all when both filters are empty.
        tables: table keys.
        facilitator: written on the copied tables when given (needs ``clock``).
        clock: stamps the tables whose facilitator changes.

    Raises:
        ValueError: a venue or table that the master does not have, or nothing selected.
        StorageError: the target exists or cannot be written.
    """
    all_venues = master.venues()
    all_tables = master.tables()
    by_name = {fold(v.name): v for v in all_venues}
    unknown = [name for name in venues if fold(name) not in by_name]
    keys = {t.key for t in all_tables}
    unknown += [key for key in tables if key not in keys]
    if unknown:
        raise ValueError(f"non presenti nell'evento: {', '.join(unknown)}")
    wanted_venues = {by_name[fold(name)].id for name in venues}
    chosen = [
        t
        for t in all_tables
        if (not venues and not tables) or t.venue_id in wanted_venues or t.key in tables
    ]
    if not chosen:
        raise ValueError("nessun tavolo scelto")
    if facilitator is not None:
        if clock is None:
            raise ValueError("serve un orologio per registrare il cambio di facilitatore")
        now = to_iso(clock.now())
        chosen = [dataclasses.replace(t, facilitator=facilitator, updated_at=now) for t in chosen]
    table_ids = {t.id for t in chosen}
    venue_ids = {t.venue_id for t in chosen}
    records: list[Any] = [master.event()]
    records += [v for v in all_venues if v.id in venue_ids]
    records += chosen
    records += [s for s in master.all(Session) if s.table_id in table_ids]
    records += master.all(AgendaItem)
    records += master.all(StrategyCard)
    with EventStore.building(target) as store:  # appears only complete
        store.save_all(records)
    return records[0], chosen
