"""One writer per event file, with read-only access for a second window and stale-lock recovery."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator_app.domain.errors import EventFileLockedError, StorageError
from facilitator_app.domain.model import Event
from facilitator_app.storage.database import EventStore
from facilitator_app.storage.lock import lock_path

HOLD = """
import sys
from facilitator_app.storage.database import EventStore
store = EventStore.open(sys.argv[1])
print("OPEN", flush=True)
sys.stdin.read()
"""


def test_second_writer_is_told_and_can_read(demo_path: Path) -> None:
    with EventStore.open(demo_path) as first:
        with pytest.raises(EventFileLockedError, match="già aperto su questo computer") as caught:
            EventStore.open(demo_path)
        assert f"pid {os.getpid()}" in str(caught.value)
        with EventStore.open(demo_path, read_only=True) as reader:
            assert reader.event() == first.event()
            with pytest.raises(StorageError, match="sola lettura"):
                reader.save(reader.event())
    with EventStore.open(demo_path) as again:  # released on close
        assert again.count(Event) == 1
    assert not lock_path(demo_path).exists()


def test_lock_of_a_killed_instance_is_recovered(demo_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(demo_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "OPEN"
    with pytest.raises(EventFileLockedError, match=f"pid {child.pid}"):
        EventStore.open(demo_path)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert child.stdin is not None
    child.stdin.close()
    assert lock_path(demo_path).exists()  # stale file left behind by the crash
    with EventStore.open(demo_path) as store:
        assert store.count(Event) == 1
