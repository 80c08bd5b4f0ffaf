"""Small helpers shared by the workspace services: time stamps, recent files, places."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import asdict, dataclass, fields
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
        except (OSError, ValueError, RecursionError):  # damaged, or crafted too deep
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
        except (OSError, ValueError, RecursionError):  # damaged, or crafted too deep
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


MAX_PLACES = 50


@dataclass(frozen=True)
class Place:
    """Where the person was in one event file, and whether that run ended cleanly.

    Attributes:
        table_id: the current table (its UUID), or "" when none was chosen yet.
        session: the current session (1 or 2).
        tab: the index of the workspace tab shown.
        geometry: the window's geometry (Qt's saveGeometry, base64), or "".
        state: the window's docks and toolbars (Qt's saveState, base64), or "".
        running: the file is open now, or its last run ended without a clean close.
    """

    table_id: str = ""
    session: int = 1
    tab: int = 0
    geometry: str = ""
    state: str = ""
    running: bool = False


class Places:
    """The last place in each event file (keyed by its resolved path), in a JSON file.

    The window saves the place as the person moves, with ``running`` true while the file is
    open, and clears ``running`` at a clean close: a file found still "running" when it is
    opened again was left by a crash (or kill -9) rather than a quit.

    Args:
        path: the JSON file (created on first write).
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict[str, dict[str, object]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # damaged, or crafted too deep
            return {}
        if not isinstance(data, dict):
            return {}
        return {key: value for key, value in data.items() if isinstance(value, dict)}

    def get(self, file: Path) -> Place | None:
        """The place remembered for an event file, or None when it was never opened here."""
        raw = self._load().get(str(file.resolve()))
        if raw is None:
            return None
        defaults = Place()
        values: dict[str, object] = {}
        for field in fields(Place):
            value = raw.get(field.name)
            wanted = type(getattr(defaults, field.name))
            # bool is an int in Python: a stored true is no tab index, and the reverse.
            if isinstance(value, wanted) and isinstance(value, bool) == (wanted is bool):
                values[field.name] = value
        return Place(**values)  # type: ignore[arg-type]

    def put(self, file: Path, place: Place) -> None:
        """Remember the place in a file (silently skipped when the folder is not writable)."""
        key = str(file.resolve())
        data = self._load()
        data.pop(key, None)
        data[key] = asdict(place)  # last written last: the oldest places are dropped first
        kept = dict(list(data.items())[-MAX_PLACES:])
        with contextlib.suppress(StorageError):  # losing the place is no reason to stop
            atomic_write(self.path, json.dumps(kept, ensure_ascii=False))
