"""Small helpers shared by the workspace services: time stamps and recent files."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path

from facilitator_app.domain.clock import from_iso, to_iso
from facilitator_app.domain.errors import StorageError
from facilitator_app.services.common.files import atomic_write

MAX_RECENT = 8


def bump(previous: str, now: dt.datetime) -> str:
    """A new ``updated_at``: now, but always later than the previous stamp.

    Merging keeps the most recent version of a record, so an edit must never carry an
    older or equal stamp, even with a clock that stands still (tests) or jumps back.
    """
    try:
        floor = from_iso(previous) + dt.timedelta(microseconds=1)
    except ValueError:
        return to_iso(now)
    return to_iso(max(now, floor))


class RecentFiles:
    """The event files opened lately, most recent first, kept in a small JSON file.

    Args:
        path: the JSON file (created on first write).
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[Path]:
        """The remembered files that still exist."""
        try:
            names = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(names, list):
            return []
        return [Path(name) for name in names if isinstance(name, str) and Path(name).is_file()]

    def add(self, file: Path) -> list[Path]:
        """Put a file at the top of the list and save it; returns the new list."""
        resolved = file.resolve()
        files = [resolved, *(p for p in self.load() if p.resolve() != resolved)][:MAX_RECENT]
        # A missing recent list is no reason to stop working.
        with contextlib.suppress(StorageError):
            atomic_write(self.path, json.dumps([str(p) for p in files], ensure_ascii=False))
        return files


class Preferences:
    """A few per-computer choices (interface language, zoom), kept in a small JSON file.

    Args:
        path: the JSON file (created on first write).
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict[str, object]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, key: str, default: str) -> str:
        """A stored choice, or the default."""
        value = self._load().get(key)
        return value if isinstance(value, str) else default

    def set(self, key: str, value: str) -> None:
        """Store a choice (silently skipped when the folder is not writable)."""
        data = self._load()
        data[key] = value
        with contextlib.suppress(StorageError):  # the choice still holds for this session
            atomic_write(self.path, json.dumps(data, ensure_ascii=False))
