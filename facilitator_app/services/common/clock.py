"""The real clock, handed to the services by the composition roots (app, cli)."""

from __future__ import annotations

import datetime as dt


class SystemClock:
    """Tells the computer's time, in UTC."""

    def now(self) -> dt.datetime:
        """Return the current UTC time."""
        return dt.datetime.now(dt.UTC)
