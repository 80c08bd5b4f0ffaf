"""The moderation queue: posts from phones waiting for the facilitator (Qt-free).

With moderation on, a phone's post is stored durably as *pending* (``room_posts``) and
becomes a post-it only when the facilitator accepts it, possibly edited; a rejected post
stays in the file as rejected and never reaches the board. Each call is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import NotFoundError
from facilitator_app.domain.model import Contribution
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.capture.board import CaptureService
from facilitator_app.storage import room_posts
from facilitator_app.storage.database import EventStore

_NO_PENDING = QT_TRANSLATE_NOOP("Errors", "post-it in attesa {post} inesistente o già deciso")


@dataclass(frozen=True)
class PendingPost:
    """A post from a phone waiting in the moderation queue.

    Attributes:
        id: the received post's id (not a post-it's: it has none yet).
        text: what the phone sent (plain text; escape it wherever it is shown as HTML).
        received_at: when the server stored it (ISO 8601, UTC).
        phone: the sending phone's id (its cookie), to tell phones apart.
    """

    id: str
    text: str
    received_at: str
    phone: str


class PendingPosts:
    """Accept, edit or reject the posts waiting for moderation.

    Args:
        store: the open, writable event file.
        clock: where time stamps come from.
        capture: the board's capture service to add accepted post-its through (the window
            passes its own, so its board positions stay in step); None: one of its own.
    """

    def __init__(
        self, store: EventStore, *, clock: Clock, capture: CaptureService | None = None
    ) -> None:
        self.store = store
        self.clock = clock
        self.capture = capture or CaptureService(store, clock)

    def pending(self, table_id: str, session: int) -> list[PendingPost]:
        """The posts of a table and session waiting for moderation, oldest first."""
        return [
            PendingPost(
                id=str(row["id"]),
                text=str(row["text"]),
                received_at=str(row["received_at"]),
                phone=str(row["phone"]),
            )
            for row in room_posts.pending(self.store, table_id, session)
        ]

    def _waiting(self, pending_id: str) -> dict[str, object]:
        row = room_posts.post(self.store, pending_id)
        if row is None or row["status"] != room_posts.STATUS_PENDING:
            raise NotFoundError(_NO_PENDING, post=pending_id)
        return row

    def accept(self, pending_id: str, text: str | None = None) -> Contribution:
        """Put a pending post on the board (with ``text`` instead when it was edited).

        Raises:
            NotFoundError: no such pending post (or already accepted or rejected).
            ValueError: the edited text is empty or too long.
        """
        now = to_iso(self.clock.now())
        with self.store.transaction():  # checked under the write lock: decided once
            row = self._waiting(pending_id)
            post = self.capture.add(
                str(row["table_id"]),
                int(str(row["session"])),
                str(row["text"]) if text is None else text,
            )
            room_posts.decide(self.store, pending_id, room_posts.STATUS_BOARD, post.id, now)
        return post

    def reject(self, pending_id: str) -> None:
        """Keep a pending post off the board (it stays in the file, marked rejected).

        Raises:
            NotFoundError: no such pending post (or already accepted or rejected).
        """
        with self.store.transaction():
            self._waiting(pending_id)
            room_posts.decide(
                self.store, pending_id, room_posts.STATUS_REJECTED, None, to_iso(self.clock.now())
            )


def phone_post_ids(store: EventStore, table_id: str, session: int) -> set[str]:
    """The ids of the post-its of a table and session that came from phones ("dal telefono")."""
    return room_posts.board_ids(store, table_id, session)
