from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n
from facilitator_app.ui.main_window import MainWindow


def _workspace(qtbot: QtBot, path: Path, clock: FixedClock) -> Iterator[MainWindow]:
    """The workspace in Italian, 1280x800, shown with an event file open; closed after."""
    i18n.set_language("it")
    win = MainWindow(clock)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(path)
    yield win
    win.close()


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path, clock: FixedClock) -> Iterator[MainWindow]:
    """The workspace on a private copy of the demo, with a fixed clock."""
    yield from _workspace(qtbot, demo_path, clock)


@pytest.fixture
def fresh_path(tmp_path: Path, clock: FixedClock) -> Path:
    """A new, empty event with the two tables of axis 3 and 5a (forum-assi template)."""
    path = tmp_path / "fresh.sqlite"
    with EventStore.create(path) as store:
        create_event(
            store,
            bundled_templates()["forum-assi"],
            clock,
            table_keys=["asse-3", "asse-5a"],
            facilitator="Test",
        )
    return path


@pytest.fixture
def fresh(qtbot: QtBot, fresh_path: Path, clock: FixedClock) -> Iterator[MainWindow]:
    """The workspace on a new, empty event, with a fixed clock."""
    yield from _workspace(qtbot, fresh_path, clock)
