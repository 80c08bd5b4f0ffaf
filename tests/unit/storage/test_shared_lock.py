"""A second connection of the same process shares the writer lock; the last one unlocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.domain.errors import EventFileLockedError
from facilitator_app.storage.database import EventStore


def test_the_window_closing_first_keeps_the_file_locked_until_the_server_closes(
    demo_path: Path,
) -> None:
    window = EventStore.open(demo_path)
    server = EventStore.open_shared(demo_path)  # shares: no EventFileLockedError
    window.close()
    with pytest.raises(EventFileLockedError):
        EventStore.open(demo_path)
    server.close()
    EventStore.open(demo_path).close()


def test_open_shared_without_a_holder_takes_the_lock(demo_path: Path) -> None:
    server = EventStore.open_shared(demo_path)
    with pytest.raises(EventFileLockedError):
        EventStore.open(demo_path)
    server.close()
    server.close()  # twice is harmless
    EventStore.open(demo_path).close()
