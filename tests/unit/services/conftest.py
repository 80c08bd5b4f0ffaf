from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Table
from facilitator_app.storage.database import EventStore
from tests.helpers.rich_event import enrich


@pytest.fixture
def store(demo_path: Path) -> Iterator[EventStore]:
    with EventStore.open(demo_path) as opened:
        yield opened


@pytest.fixture
def table(store: EventStore) -> Table:
    return store.tables()[0]


@pytest.fixture
def rich_path(demo_path: Path, clock: FixedClock) -> Path:
    """A private copy of the demo with every kind of value the exchange must carry."""
    enrich(demo_path, clock)
    return demo_path
