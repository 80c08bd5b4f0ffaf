"""The room server's rows: what phones sent (post-its, pending or placed) and dots spent.

Plain dict rows rather than domain records: they say where a post-it came from and what
waits for moderation, not what the forum said (that is the post-it itself, a
:class:`~facilitator_app.domain.model.Contribution`). Writes happen inside the caller's
:meth:`EventStore.transaction` (which begins IMMEDIATE: the block holds the file's write
lock before it reads anything). Part of storage, this module reads the store's private
database handle; nothing outside storage does.
"""

from __future__ import annotations

from typing import Any

from facilitator_app.storage.database import EventStore

POSTS = "room_posts"
DOTS = "room_dots"

STATUS_BOARD = "board"
STATUS_PENDING = "pending"
STATUS_REJECTED = "rejected"


def add_post(store: EventStore, row: dict[str, Any]) -> None:
    """Insert a post received from a phone (``id``, ``table_id``, ``session``, ``text``...)."""
    store._db.table(POSTS).insert(row)


def post(store: EventStore, post_id: str) -> dict[str, Any] | None:
    """One received post by its id, or None."""
    rows = list(store._db.table(POSTS).rows_where("id = ?", [post_id]))
    return rows[0] if rows else None


def decide(store: EventStore, post_id: str, status: str, board_id: str | None, when: str) -> None:
    """Record the fate of a received post: on the board as ``board_id``, or rejected."""
    store._db.table(POSTS).update(
        post_id, {"status": status, "post_id": board_id, "decided_at": when}
    )


def pending(store: EventStore, table_id: str, session: int) -> list[dict[str, Any]]:
    """The posts of a table and session waiting for moderation, oldest first."""
    return list(
        store._db.table(POSTS).rows_where(
            "table_id = ? and session = ? and status = ?",
            [table_id, session, STATUS_PENDING],
            order_by="received_at, id",
        )
    )


def board_ids(store: EventStore, table_id: str, session: int) -> set[str]:
    """The ids of the post-its of a table and session that came from phones."""
    return {
        str(row["post_id"])
        for row in store._db.table(POSTS).rows_where(
            "table_id = ? and session = ? and status = ? and post_id is not null",
            [table_id, session, STATUS_BOARD],
            select="post_id",
        )
    }


def add_dot(store: EventStore, row: dict[str, Any]) -> None:
    """Record one dot a phone spent (``voting`` names the voting round)."""
    store._db.table(DOTS).insert(row)


def dots_spent(store: EventStore, voting: str, phone: str) -> int:
    """How many dots a phone has spent in a voting round."""
    rows = store._rows(
        f"select count(*) from {DOTS} where voting = ? and phone = ?", [voting, phone]
    )
    return int(rows[0][0])
