"""A facilitator's session by real key presses, on a real X screen (Xvfb + openbox + xcb)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator_app.domain import timer
from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Contribution, Table, TableCard
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PATIENCE = 30.0  # seconds a real window may take to react on a loaded CI machine


class RealApp:
    """The app as a separate process on an X screen, driven by xdotool key presses."""

    def __init__(self, display: str, event: Path, data: Path) -> None:
        self.display = display
        self.event = event
        self.log = data / "app.log"
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "FACILITATOR_APP_DATA": str(data),
            "PYTHONPATH": str(ROOT),
        }
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "facilitator_app", str(event)],
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        # The title names the file once it is open (before that: the welcome screen).
        found = self.xdotool("search", "--sync", "--onlyvisible", "--name", re.escape(event.name))
        self.window = found.split()[0]
        self.xdotool("windowactivate", "--sync", self.window)

    def xdotool(self, *args: str) -> str:
        """Run xdotool on this screen and return what it printed."""
        done = subprocess.run(
            ["xdotool", *args],
            env={**os.environ, "DISPLAY": self.display},
            capture_output=True,
            text=True,
            timeout=PATIENCE,
            check=True,
        )
        return done.stdout

    def wait_for_question(self) -> None:
        """Wait until a question box (titled with the app's name alone) is on the screen."""
        self.xdotool("search", "--sync", "--onlyvisible", "--name", "^Facilitatore PSM$")

    def key(self, *keys: str) -> None:
        """Press keys (xdotool names: F6, ctrl+z, Return) in the focused window."""
        self.xdotool("key", "--clearmodifiers", *keys)

    def type(self, text: str) -> None:
        """Type text as a person would."""
        self.xdotool("type", "--delay", "20", text)

    def eventually(self, what: str, check: Callable[[EventStore], bool]) -> None:
        """Wait until the event file shows ``check`` (read-only, as a second process would).

        The app is another process: there is no signal to wait on, so the file is read until it
        shows the change. Between reads the test waits on the app's process itself, which also
        notices at once if the app died.
        """
        deadline = time.monotonic() + PATIENCE
        while True:
            with EventStore.open(self.event, read_only=True) as store:
                if check(store):
                    return
            if time.monotonic() > deadline:
                pytest.fail(f"the event file never showed: {what}\n{self.log.read_text()}")
            try:
                code = self.process.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                continue
            pytest.fail(f"the app exited ({code}) before: {what}\n{self.log.read_text()}")

    def kill(self) -> str:
        """kill -9, as a crash or a pulled plug would end the app; return its log."""
        self.process.kill()
        self.process.wait(timeout=PATIENCE)
        self._log_file.close()
        return self.log.read_text()

    def quit(self) -> str:
        """Ctrl+Q, wait for a clean exit, and return the app's log."""
        self.key("ctrl+q")
        try:
            code = self.process.wait(timeout=PATIENCE)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            self._log_file.close()
        log = self.log.read_text()
        assert code == 0, log
        return log


def _fresh_event(path: Path, clock: FixedClock) -> None:
    with EventStore.create(path) as store:
        create_event(
            store,
            bundled_templates()["forum-assi"],
            clock,
            table_keys=["asse-3", "asse-5a"],
            facilitator="Prova",
        )


def _session_state(store: EventStore, number: int) -> timer.TimerState:
    table = next(t for t in store.all(Table) if t.key == "asse-3")
    session = store.session_of_table(table.id, number)
    assert session is not None
    return timer.state(session)


def _first_session_state(store: EventStore) -> timer.TimerState:
    return _session_state(store, 1)


def _live_texts(store: EventStore) -> list[str]:
    return [c.text for c in store.all(Contribution) if c.deleted_at is None]


def test_a_session_timed_and_post_its_typed_by_real_keys(
    x_display: str, tmp_path: Path, clock: FixedClock
) -> None:
    event = tmp_path / "tavolo.sqlite"
    _fresh_event(event, clock)
    app = RealApp(x_display, event, tmp_path)
    try:
        # The keyboard starts in the capture line: what is typed first is a post-it.
        app.type("Il primo post-it, scritto senza un clic")
        app.key("Return")
        app.eventually(
            "the first post-it",
            lambda s: _live_texts(s) == ["Il primo post-it, scritto senza un clic"],
        )
        # F6 starts, pauses and resumes the current session, from the post-it tab.
        app.key("F6")
        app.eventually(
            "session 1 running", lambda s: _first_session_state(s) is timer.TimerState.RUNNING
        )
        app.key("F6")
        app.eventually(
            "session 1 paused", lambda s: _first_session_state(s) is timer.TimerState.PAUSED
        )
        app.key("F6")
        app.eventually(
            "session 1 resumed", lambda s: _first_session_state(s) is timer.TimerState.RUNNING
        )

        # Type, Enter, Ctrl+Z, Enter: the post-it is gone and not saved a second time.
        app.key("ctrl+l")
        app.type("Servono corsi serali per chi lavora")
        app.key("Return")
        app.eventually(
            "the post-it saved", lambda s: "Servono corsi serali per chi lavora" in _live_texts(s)
        )
        app.key("ctrl+z")
        app.eventually(
            "the post-it undone",
            lambda s: "Servono corsi serali per chi lavora" not in _live_texts(s),
        )
        app.key("Return")
        app.type("Piste ciclabili sicure verso le scuole")
        app.key("Return")
        # Keys are handled in order: once the second post-it is there, the Enter before it was too.
        app.eventually(
            "only the second post-it",
            lambda s: (
                sorted(_live_texts(s))
                == [
                    "Il primo post-it, scritto senza un clic",
                    "Piste ciclabili sicure verso le scuole",
                ]
            ),
        )

        # Cards: Ctrl+3 puts the keyboard in the deck; Enter puts a card in play, Tab moves to
        # the cards in play, + votes (as on a real keyboard, where Shift turns "=" into "+").
        app.key("ctrl+3")
        app.key("Return")
        app.eventually("a card in play", lambda s: len(s.all(TableCard)) == 1)
        app.key("Tab")
        app.key("plus")
        app.key("plus")
        app.eventually("two votes", lambda s: [c.votes for c in s.all(TableCard)] == [2])

        # F8 asks first: Enter keeps the session (the default answer is "Annulla"), so the
        # next F6 pauses it; F8 and Alt+T end it.
        app.key("F8")
        app.wait_for_question()
        app.key("Return")
        app.key("F6")
        app.eventually(
            "session 1 paused after a refused stop",
            lambda s: _first_session_state(s) is timer.TimerState.PAUSED,
        )
        app.key("F8")
        app.wait_for_question()
        app.key("alt+t")
        app.eventually(
            "session 1 ended", lambda s: _first_session_state(s) is timer.TimerState.STOPPED
        )
        # On to session 2 (Ctrl+PgDown), then the laptop's app is killed.
        app.key("ctrl+Next")
        app.key("F6")
        app.eventually(
            "session 2 running",
            lambda s: _session_state(s, 2) is timer.TimerState.RUNNING,
        )
    finally:
        log = app.kill()
    assert "Ambiguous shortcut" not in log
    assert "Traceback" not in log

    # Reopened after kill -9: back on session 2, where the next post-it goes.
    again = RealApp(x_display, event, tmp_path)
    try:
        again.key("ctrl+1")
        again.type("Dopo il crash si riparte da qui")
        again.key("Return")
        again.eventually(
            "the post-it in session 2",
            lambda s: (
                [c.session for c in s.all(Contribution) if c.text.startswith("Dopo il crash")]
                == [2]
            ),
        )
    finally:
        log = again.quit()
    assert "Ambiguous shortcut" not in log
    assert "Traceback" not in log
