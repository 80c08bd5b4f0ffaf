from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Table
from facilitator_app.services.room import RoomServer, RoomSettings
from facilitator_app.storage.database import EventStore
from tests.helpers.room_client import Phone


@pytest.fixture
def room_table(demo_path: Path) -> Table:
    with EventStore.open(demo_path, read_only=True) as store:
        return store.tables()[2]


@pytest.fixture
def room(demo_path: Path, room_table: Table, clock: FixedClock) -> Iterator[RoomServer]:
    server = RoomServer(demo_path, RoomSettings(room_table.id, 1), clock=clock)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def phone(room: RoomServer) -> Phone:
    return Phone(room.base_url.rstrip("/"))


def token_path(server: RoomServer) -> str:
    return urlsplit(server.url).path
