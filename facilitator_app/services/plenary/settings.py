"""What the facilitator chose before presenting: hidden slides, pinned post-its, minutes.

The choices can be kept in the event file (:func:`save_settings`), under the
:data:`META_KEY` meta entry; a read-only file is never written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from facilitator_app.services.plenary.report_back import REPORT_BACK_MINUTES
from facilitator_app.storage.database import EventStore

META_KEY = "presentation"
"""The event file's meta entry that keeps the settings."""


@dataclass(frozen=True)
class DeckSettings:
    """What the facilitator chose before presenting.

    Attributes:
        hidden: base keys of the hidden slides.
        pinned: ids of pinned post-its (shown first among the representative ones).
        minutes: report-back time per table.
    """

    hidden: frozenset[str] = frozenset()
    pinned: frozenset[str] = frozenset()
    minutes: int = REPORT_BACK_MINUTES

    def to_json(self) -> str:
        """The settings as compact, sorted JSON."""
        return json.dumps(
            {"hidden": sorted(self.hidden), "pinned": sorted(self.pinned), "minutes": self.minutes},
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> DeckSettings:
        """Read settings written by :meth:`to_json`; anything unreadable gives the defaults."""
        try:
            data = json.loads(text) if text else {}
            hidden = frozenset(str(k) for k in data.get("hidden", []))
            pinned = frozenset(str(k) for k in data.get("pinned", []))
            minutes = int(data.get("minutes", REPORT_BACK_MINUTES))
        except (ValueError, TypeError, AttributeError, RecursionError):
            return cls()
        return cls(hidden, pinned, max(1, min(minutes, 30)))


def load_settings(store: EventStore) -> DeckSettings:
    """The presentation settings kept in an event file (defaults when there are none)."""
    return DeckSettings.from_json(store.meta(META_KEY))


def save_settings(store: EventStore, settings: DeckSettings) -> bool:
    """Keep the settings in the event file; False (nothing written) when it is read-only.

    Raises:
        StorageError: the disk refused the write.
    """
    if store.read_only:
        return False
    if store.meta(META_KEY) == settings.to_json():
        return True
    store.set_meta(META_KEY, settings.to_json())
    return True
