"""Test helper: the venue files of a zones-format day, cut from one master event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from facilitator_app.domain.clock import FixedClock
from facilitator_app.services.setup import distribute
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore


def day_clock(minute: int) -> FixedClock:
    """A clock on the morning of 5 December 2023, at 09:MM UTC."""
    return FixedClock(dt.datetime(2023, 12, 5, 9, minute, tzinfo=dt.UTC))


def venue_files(folder: Path, venues: Sequence[str]) -> list[Path]:
    """A zone-omogenee master event and one file per venue (same UUIDs), still empty."""
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
