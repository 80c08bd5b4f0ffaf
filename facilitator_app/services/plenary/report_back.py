"""The report-back timer: a few minutes per table, counted on an injected clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from facilitator_app.domain.clock import Clock

REPORT_BACK_MINUTES = 3
"""Default time each table has to report back, in minutes."""


@dataclass
class ReportBackTimer:
    """Time spent on each table's slides, against a budget of a few minutes per table.

    Time is read from an injected clock; each table keeps its own total, so going back to
    a previous slide and forward again does not restart the current table.

    Args:
        clock: where the time comes from (tests pass a FixedClock).
        minutes: the budget per table.
    """

    clock: Clock
    minutes: int = REPORT_BACK_MINUTES
    current: str = ""
    _spent: dict[str, float] = field(default_factory=dict)
    _since: dt.datetime | None = None

    def switch(self, key: str) -> None:
        """Start counting for a table (its key; "" for event-wide slides)."""
        now = self.clock.now()
        if self._since is not None:
            self._spent[self.current] = self.spent(self.current, now)
        self.current = key
        self._since = now

    def spent(self, key: str | None = None, now: dt.datetime | None = None) -> float:
        """Seconds spent on a table's slides (the current table by default)."""
        key = self.current if key is None else key
        total = self._spent.get(key, 0.0)
        if key == self.current and self._since is not None:
            total += ((now or self.clock.now()) - self._since).total_seconds()
        return max(0.0, total)

    def remaining(self) -> float:
        """Seconds left for the current table (negative once over)."""
        return self.minutes * 60 - self.spent()

    def reset(self) -> None:
        """Start the current table's time again."""
        self._spent.pop(self.current, None)
        self._since = self.clock.now()

    def text(self) -> str:
        """The time as "01:25 / 03:00", or as "+00:40 oltre 03:00" once over."""
        left = self.remaining()
        spent = int(self.spent())
        budget = f"{self.minutes:02d}:00"
        if left < 0:
            over = int(-left)
            return f"+{over // 60:02d}:{over % 60:02d} oltre {budget}"
        return f"{spent // 60:02d}:{spent % 60:02d} / {budget}"
