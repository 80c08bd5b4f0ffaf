"""A zones-format day (5 December 2023): venue files cut from one master event, filled in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from facilitator_app.domain.clock import FixedClock, to_iso
from facilitator_app.domain.model import Contribution, ParticipantCount, Table, Theme, new_id
from facilitator_app.services.setup import distribute
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore


def day_clock(minute: int) -> FixedClock:
    """A clock on the morning of 5 December 2023, at 09:MM UTC."""
    return FixedClock(dt.datetime(2023, 12, 5, 9, minute, tzinfo=dt.UTC))


def venue_files(folder: Path, venues: Sequence[str]) -> list[Path]:
    """A zone-omogenee master event and one file per venue (same UUIDs), still empty."""
    folder.mkdir(parents=True, exist_ok=True)
    master = folder / "master.sqlite"
    with EventStore.create(master) as store:
        create_event(store, bundled_templates()["zone-omogenee"], day_clock(0))
    files = []
    with EventStore.open(master, read_only=True) as store:
        for index, venue in enumerate(venues):
            path = folder / f"sede-{index + 1}.sqlite"
            distribute.extract(
                store,
                path,
                venues=[venue],
                facilitator=f"Facilitatore {index + 1}",
                clock=day_clock(1),
            )
            files.append(path)
    return files


def fill_venue_files(
    files: Sequence[Path],
    text: str = "Zona {zone}, sessione {session}, post-it {n}",
    *,
    extra_by_zone: Mapping[int, int] | None = None,
    themed: bool = False,
) -> None:
    """Give every table of every venue file, in sessions 1 and 2, a count and five post-its.

    File number i (from 0) is written at 09:(10 + i). The count has ``10 + zone`` people
    present, ``8 + zone`` of them from the table's zone (plus ``extra_by_zone``); the post-its
    are tagged with card 3.1 and their text is ``text`` formatted with zone, session and n.

    Args:
        files: venue files from :func:`venue_files`.
        text: the post-its' text, with ``{zone}``, ``{session}`` and ``{n}`` (0-4).
        extra_by_zone: head counts by zone added to every count.
        themed: also one theme per table and session ("Trasporti in zona Z") holding the
            first three post-its, and ``n`` dot votes on post-it ``n``.
    """
    for index, path in enumerate(files):
        now = to_iso(day_clock(10 + index).now())
        with EventStore.open(path) as store:
            event = store.event()
            records: list[object] = []
            for table in store.all(Table):
                zone = table.zones[0]
                for session in (1, 2):
                    by_zone = {zone: 8 + zone, **(extra_by_zone or {})}
                    records.append(
                        ParticipantCount(
                            new_id(),
                            event.id,
                            (table.id,),
                            now,
                            now,
                            session=session,
                            present=10 + zone,
                            by_zone=by_zone,
                        )
                    )
                    theme = None
                    if themed:
                        theme = Theme(
                            new_id(), table.id, f"Trasporti in zona {zone}", now, now, session
                        )
                        records.append(theme)
                    records += [
                        Contribution(
                            new_id(),
                            table.id,
                            session,
                            text.format(zone=zone, session=session, n=n),
                            now,
                            now,
                            cards=("3.1",),
                            theme_id=theme.id if theme is not None and n < 3 else None,
                            votes=n if themed else 0,
                        )
                        for n in range(5)
                    ]
            store.save_all(records)
