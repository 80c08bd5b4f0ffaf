"""Time as a dependency: logic asks an injected clock, never the system directly."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    """Anything that can tell the current time."""

    def now(self) -> dt.datetime:
        """Return the current time, timezone-aware (UTC)."""
        ...


class FixedClock:
    """A clock for tests and replays: it shows a set time until moved.

    Args:
        start: the initial time; naive values are taken as UTC.
    """

    def __init__(self, start: dt.datetime) -> None:
        self._now = start if start.tzinfo else start.replace(tzinfo=dt.UTC)

    def now(self) -> dt.datetime:
        """Return the time the clock is set to."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move the clock forward (or backward, with a negative value)."""
        self._now += dt.timedelta(seconds=seconds)

    def set(self, when: dt.datetime) -> None:
        """Set the clock to a given time."""
        self._now = when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def to_iso(when: dt.datetime) -> str:
    """Serialise a timestamp as ISO 8601 in UTC with microseconds (sortable as text)."""
    return when.astimezone(dt.UTC).isoformat(timespec="microseconds")


def from_iso(text: str) -> dt.datetime:
    """Parse a timestamp written by :func:`to_iso` (or any ISO 8601 value)."""
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
