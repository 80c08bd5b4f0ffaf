"""The moderation queue: phones' posts wait durably, then are accepted (edited) or rejected."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import NotFoundError
from facilitator_app.domain.model import Table
from facilitator_app.services.room import (
    PendingPosts,
    RoomServer,
    RoomSettings,
    phone_post_ids,
)
from facilitator_app.storage.database import EventStore
from tests.helpers.room_client import Phone


def _send(path: Path, table: Table, clock: FixedClock, texts: list[str]) -> None:
    server = RoomServer(path, RoomSettings(table.id, 1, moderate=True), clock=clock)
    server.start()
    try:
        phone = Phone(server.base_url.rstrip("/"))
        for text in texts:
            clock.advance(1)
            assert phone.write(urlsplit(server.url).path, text).status == 303
    finally:
        server.stop()


def test_pending_posts_survive_and_are_accepted_edited_or_rejected(
    demo_path: Path, room_table: Table, clock: FixedClock
) -> None:
    _send(demo_path, room_table, clock, ["primo", "secondo", "terzo <b>"])
    with EventStore.open(demo_path) as store:
        before = len(store.contributions(room_table.id, 1))
        queue = PendingPosts(store, clock=clock)
        waiting = queue.pending(room_table.id, 1)
        assert [p.text for p in waiting] == ["primo", "secondo", "terzo <b>"]
        assert len({p.phone for p in waiting}) == 1
        assert waiting[0].received_at < waiting[1].received_at
        assert queue.pending(room_table.id, 2) == []

        accepted = queue.accept(waiting[0].id)
        edited = queue.accept(waiting[2].id, text="terzo, corretto")
        queue.reject(waiting[1].id)

        assert accepted.text == "primo" and edited.text == "terzo, corretto"
        assert queue.pending(room_table.id, 1) == []
        board = store.contributions(room_table.id, 1)
        assert len(board) == before + 2
        assert "secondo" not in [p.text for p in board]
        assert phone_post_ids(store, room_table.id, 1) == {accepted.id, edited.id}
        with pytest.raises(NotFoundError):
            queue.accept(waiting[1].id)  # rejected: decided once
        with pytest.raises(NotFoundError):
            queue.reject(waiting[0].id)  # accepted: decided once


def test_an_edit_that_empties_the_text_changes_nothing(
    demo_path: Path, room_table: Table, clock: FixedClock
) -> None:
    _send(demo_path, room_table, clock, ["da correggere"])
    with EventStore.open(demo_path) as store:
        queue = PendingPosts(store, clock=clock)
        waiting = queue.pending(room_table.id, 1)
        before = len(store.contributions(room_table.id, 1))
        with pytest.raises(ValueError):
            queue.accept(waiting[0].id, text="   ")
        assert queue.pending(room_table.id, 1) == waiting
        assert len(store.contributions(room_table.id, 1)) == before
