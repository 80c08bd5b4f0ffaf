from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator_app.domain.model import Table
from facilitator_app.storage.database import EventStore


@pytest.fixture
def store(demo_path: Path) -> Iterator[EventStore]:
    with EventStore.open(demo_path) as opened:
        yield opened


@pytest.fixture
def table(store: EventStore) -> Table:
    return store.all(Table, order_by="position")[0]
