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
from tests.helpers.files import digest
from tests.helpers.lock_race import moments_with_two_holders, run_race

HOLD = """
import sys
from facilitator_app.storage.database import EventStore
store = EventStore.open(sys.argv[1])
print("OPEN", flush=True)
sys.stdin.read()
"""


def test_second_writer_is_told_and_can_read(demo_path: Path) -> None:
    with EventStore.open(demo_path) as first:
        with pytest.raises(EventFileLockedError, match="è già aperto da") as caught:
            EventStore.open(demo_path)
        assert f"pid {os.getpid()}" in str(caught.value)
        with EventStore.open(demo_path, read_only=True) as reader:
            assert reader.event() == first.event()
            with pytest.raises(StorageError, match="sola lettura"):
                reader.save(reader.event())
    with EventStore.open(demo_path) as again:  # released on close
        assert again.count(Event) == 1


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


@pytest.mark.parametrize("link", ["symlink", "hard link"])
def test_another_name_of_the_same_file_meets_the_same_lock(demo_path: Path, link: str) -> None:
    other = demo_path.with_name("altro-nome.sqlite")
    if link == "symlink":
        other.symlink_to(demo_path)
    else:
        os.link(demo_path, other)
    with EventStore.open(demo_path):
        before = digest(demo_path)
        with pytest.raises(EventFileLockedError, match=f"è già aperto da .*pid {os.getpid()}"):
            EventStore.open(other)
        assert digest(demo_path) == before
    with EventStore.open(other) as store, pytest.raises(EventFileLockedError):
        EventStore.open(demo_path)  # and the other way round
    assert store.read_only is False


def test_two_processes_never_write_at_once_over_thousands_of_cycles(tmp_path: Path) -> None:
    event = tmp_path / "e.sqlite"
    event.write_bytes(b"")
    lines = run_race(event, tmp_path / "holders.log", cycles=4000)
    assert len(lines) == 2 * 2 * 4000
    assert moments_with_two_holders(lines) == 0
