"""The headless room command: URL on the first line, a post-it stored, clean stop on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from facilitator_app.storage.database import EventStore
from tests.helpers.room_client import Phone

ROOT = Path(__file__).resolve().parents[2]


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "facilitator_app", "room", *args]


@pytest.mark.slow
def test_room_prints_the_url_first_stores_a_post_and_stops_on_sigterm(demo_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        _command(str(demo_path), "--table", "asse-3", "--session", "1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        url = child.stdout.readline().strip()
        parts = urlsplit(url)
        assert parts.scheme == "http" and parts.hostname == "127.0.0.1"
        assert parts.path.startswith("/t/") and len(parts.path) == 3 + 24
        code_line = child.stdout.readline()
        assert "codice" in code_line
        phone = Phone(f"http://{parts.netloc}")
        assert phone.write(parts.path, "dalla riga di comando").status == 303
        child.send_signal(signal.SIGTERM)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err
    assert "Server fermato" in out
    with EventStore.open(demo_path) as store:  # the lock is free again
        assert "dalla riga di comando" in [p.text for p in store.contributions()]


def test_room_refuses_an_unknown_table_or_session(demo_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    table = subprocess.run(
        _command(str(demo_path), "--table", "asse-99", "--session", "1"),
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert table.returncode == 3
    assert "asse-99" in table.stderr and table.stdout == ""
    session = subprocess.run(
        _command(str(demo_path), "--table", "asse-3", "--session", "3"),
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert session.returncode == 3
    assert "sessione 3" in session.stderr
