"""Kill -9 the room server mid-load: every post a phone saw acknowledged is in the file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from facilitator_app.domain.model import Contribution
from facilitator_app.storage.database import EventStore
from tests.helpers.room_client import Phone

ROOT = Path(__file__).resolve().parents[2]
KILLS = 5
PHONES = 8


def _post_until_stopped(
    base: str,
    path: str,
    name: str,
    acknowledged: list[str],
    stop: threading.Event,
    enough: tuple[int, threading.Event],
) -> None:
    phone = Phone(base, timeout=10)
    page = phone.get(path)
    form = page.form_token
    n = 0
    while not stop.is_set():
        n += 1
        text = f"{name}-{n}"
        try:
            answer = phone.post_form(f"{path}/post", {"csrf": form, "text": text})
        except OSError:
            return  # the server is gone
        if answer.status == 303:
            acknowledged.append(text)  # list.append is atomic under the GIL
            if len(acknowledged) >= enough[0]:
                enough[1].set()
        elif answer.status != 429:
            raise AssertionError(f"{answer.status}: {answer.body[:200]}")


@pytest.mark.slow
def test_sigkill_under_load_loses_no_acknowledged_post(demo_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    acknowledged: list[str] = []
    for kill in range(KILLS):
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "facilitator_app",
                "room",
                str(demo_path),
                "--table",
                "asse-2",
                "--session",
                "1",
            ],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        url = urlsplit(child.stdout.readline().strip())
        stop, reached = threading.Event(), threading.Event()
        got: list[str] = []
        wanted = 20 + 10 * kill
        phones = [
            threading.Thread(
                target=_post_until_stopped,
                args=(
                    f"http://{url.netloc}",
                    url.path,
                    f"k{kill}p{n}",
                    got,
                    stop,
                    (wanted, reached),
                ),
            )
            for n in range(PHONES)
        ]
        for thread in phones:
            thread.start()
        assert reached.wait(120), f"only {len(got)} posts acknowledged"
        os.kill(child.pid, signal.SIGKILL)  # while the phones keep posting
        child.wait(30)
        child.stdout.close()
        stop.set()
        for thread in phones:
            thread.join(30)
        assert len(got) >= wanted, "the phones stopped before the kill"
        acknowledged.extend(got)
        conn = sqlite3.connect(demo_path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        with EventStore.open(demo_path, read_only=True) as store:
            stored = {post.text for post in store.all(Contribution)}
        missing = [text for text in acknowledged if text not in stored]
        assert missing == [], f"kill {kill}: acknowledged but lost: {missing[:10]}"
