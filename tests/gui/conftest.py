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

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path, clock: FixedClock) -> Iterator[MainWindow]:
    """The workspace on a private copy of the demo, with a fixed clock."""
    i18n.set_language("it")
    win = MainWindow(clock)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(demo_path)
    yield win
    win.close()


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
    i18n.set_language("it")
    win = MainWindow(clock)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_file(fresh_path)
    yield win
    win.close()


def screenshot(win: MainWindow, name: str, artifacts: Path) -> Path:
    """Save a screenshot for people to look at (test-artifacts/ and docs/screenshots/)."""
    image = win.grab()
    assert not image.isNull()
    target = artifacts / f"{name}.png"
    assert image.save(str(target))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(SCREENSHOTS / f"{name}.png"))
    return target
