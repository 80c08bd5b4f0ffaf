"""The writer lock: one holder at a time, whatever the name used to reach the file."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.lock_race import moments_with_two_holders, run_race


def test_two_processes_never_hold_the_lock_together(tmp_path: Path) -> None:
    event = tmp_path / "e.sqlite"
    event.write_bytes(b"")
    lines = run_race(event, tmp_path / "holders.log", cycles=2000)
    assert len(lines) == 2 * 2 * 2000
    assert moments_with_two_holders(lines) == 0
