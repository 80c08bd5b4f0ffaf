"""Kill a capturing process with SIGKILL 100 times; nothing it acknowledged may be lost."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator_app.domain import timer
from facilitator_app.domain.model import Contribution, ParticipantCount, Table
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore

KILLS = 100
CHILD = Path(__file__).with_name("crash_child.py")
NEXT_STATE = {
    timer.TimerState.NOT_STARTED: timer.TimerState.RUNNING,
    timer.TimerState.RUNNING: timer.TimerState.PAUSED,
    timer.TimerState.PAUSED: timer.TimerState.RUNNING,
}


def _state_on_disk(path: Path) -> tuple[set[str], int, timer.TimerState]:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with EventStore.open(path, read_only=True) as store:
        posts = {c.id for c in store.all(Contribution)}
        counts = store.all(ParticipantCount)
        present = counts[0].present or 0 if counts else 0
        table = store.all(Table)[0]
        session = store.session_of_table(table.id, 1)
        assert session is not None
        return posts, present, timer.state(session)


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_acknowledged(
    tmp_path: Path, clock: object
) -> None:
    path = tmp_path / "crash.sqlite"
    with EventStore.create(path) as store:
        create_event(store, bundled_templates()["forum-assi"], clock, table_keys=["asse-1"])  # type: ignore[arg-type]
    rng = random.Random(20231110)  # fixed seed: the same "random" kill points on every run
    acknowledged: set[str] = set()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for kill in range(KILLS):
        _, present_before, state_before = _state_on_disk(path)
        wanted = rng.randint(1, 40)  # kill after this many acknowledgements
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
        last_count, last_state, seen = present_before, state_before, 0

        def record(line: list[str]) -> None:
            nonlocal last_count, last_state
            kind, value = line
            if kind == "P":
                acknowledged.add(value)
            elif kind == "C":
                last_count = int(value)
            else:
                last_state = timer.TimerState(value)

        while seen < wanted:
            line = child.stdout.readline().split()
            assert line, f"child died on its own (kill {kill})"
            record(line)
            seen += 1
        child.send_signal(signal.SIGKILL)
        child.wait()
        # The child ran on while we read: every acknowledgement it wrote before dying is
        # still in the pipe, and counts as acknowledged too.
        for rest in child.stdout.read().splitlines():
            if rest.split():
                record(rest.split())
        child.stdout.close()
        posts, present, state = _state_on_disk(path)
        missing = acknowledged - posts
        assert not missing, f"kill {kill}: {len(missing)} acknowledged post-its lost"
        # The call in flight at the kill may or may not have committed; nothing older may be lost.
        assert present in (last_count, last_count + 1), (
            f"kill {kill}: count {present} vs {last_count}"
        )
        assert state in (last_state, NEXT_STATE.get(last_state, last_state)), f"kill {kill}"
    assert len(acknowledged) >= KILLS
