"""The room server's side of the event file: receive posts and dots, read the board.

A :class:`RoomDesk` lives on the server's own connection (``EventStore.open_shared``) and is
used from one thread only. Every call that writes is one transaction, committed (WAL,
``synchronous=FULL``) before it returns, so a phone is told "ricevuto" only for a post that
survives a crash. ``EventStore.transaction`` begins IMMEDIATE: it takes the file's write lock
before reading anything, so the window's writes on its own connection can never make it
fail half-way (SQLite's busy timeout makes the two take turns).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import FacilitatorError, NotFoundError
from facilitator_app.domain.model import Contribution, Table, new_id
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.capture.board import CaptureService
from facilitator_app.services.room.settings import RoomSettings
from facilitator_app.storage import room_posts
from facilitator_app.storage.database import EventStore


class DotsSpentError(FacilitatorError):
    """A phone tried to spend more dots than the voting allows."""


@dataclass(frozen=True)
class BoardNote:
    """A post-it as the participants' page may show it: its id, public text and dots."""

    id: str
    text: str
    votes: int


def check_place(store: EventStore, table_id: str, session: int) -> Table:
    """The table opened to the phones, refusing an unknown table or session.

    Raises:
        NotFoundError: no such table, or the table has no such session.
    """
    table = store.get(Table, table_id)
    if table is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Errors", "tavolo {table} inesistente"), table=table_id
        )
    if store.session_of_table(table_id, session) is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Errors", "il tavolo {table} non ha la sessione {session}"),
            table=table.key or table.name,
            session=session,
        )
    return table


class RoomDesk:
    """Writes and reads of one table and session, on the room server's connection.

    Args:
        store: the server's own writable connection to the event file.
        settings: the table and session opened to the phones.
        clock: where time stamps come from.
        on_change: called after each commit (from the calling thread).
    """

    def __init__(
        self,
        store: EventStore,
        settings: RoomSettings,
        clock: Clock,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.table_id = settings.table_id
        self.session = settings.session
        self.clock = clock
        self.on_change = on_change
        check_place(store, self.table_id, self.session)

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def question(self) -> str:
        """The session's question, as the facilitator wrote it."""
        found = self.store.session_of_table(self.table_id, self.session)
        return found.question if found is not None else ""

    def receive(self, text: str, phone: str, *, moderate: bool) -> str:
        """Store a phone's post (on the board, or pending when moderated): one commit.

        Args:
            text: the checked text (see :func:`~.texts.phone_text`).
            phone: the phone's id.
            moderate: keep it in the moderation queue instead of the board.

        Returns:
            The received post's id.
        """
        now = to_iso(self.clock.now())
        received_id = new_id()
        status = room_posts.STATUS_PENDING if moderate else room_posts.STATUS_BOARD
        with self.store.transaction():
            room_posts.add_post(
                self.store,
                {
                    "id": received_id,
                    "table_id": self.table_id,
                    "session": self.session,
                    "text": text,
                    "phone": phone,
                    "received_at": now,
                    "status": status,
                    "post_id": None,
                    "decided_at": None,
                },
            )
            if not moderate:
                # A fresh service each time: the board position is read under the write
                # lock, after whatever the window added meanwhile.
                post = CaptureService(self.store, self.clock).add(self.table_id, self.session, text)
                room_posts.decide(self.store, received_id, status, post.id, now)
        self._changed()
        return received_id

    def board(self) -> list[BoardNote]:
        """The post-its of the table and session, public texts only, in board order."""
        return [
            BoardNote(post.id, post.text, post.votes)
            for post in self.store.contributions(self.table_id, self.session)
        ]

    def dots_spent(self, voting: str, phone: str) -> int:
        """The dots a phone has spent in a voting round."""
        return room_posts.dots_spent(self.store, voting, phone)

    def spend_dot(self, voting: str, phone: str, post_id: str, budget: int) -> int:
        """Give one dot of a phone's budget to a post-it of the board: one commit.

        Returns:
            The dots the phone has left.

        Raises:
            NotFoundError: the post-it is not on this table's board in this session.
            DotsSpentError: the phone has no dot left.
        """
        with self.store.transaction():
            room_posts.add_dot(
                self.store,
                {
                    "id": new_id(),
                    "table_id": self.table_id,
                    "session": self.session,
                    "voting": voting,
                    "phone": phone,
                    "post_id": post_id,
                    "spent_at": to_iso(self.clock.now()),
                },
            )
            spent = room_posts.dots_spent(self.store, voting, phone)
            if spent > budget:
                raise DotsSpentError(
                    QT_TRANSLATE_NOOP("Errors", "punti esauriti ({budget} per telefono)"),
                    budget=budget,
                )
            post = self.store.get(Contribution, post_id)
            if (
                post is None
                or post.deleted
                or post.table_id != self.table_id
                or post.session != self.session
            ):
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Errors", "contributo {post} inesistente"), post=post_id
                )
            CaptureService(self.store, self.clock).vote(post_id, 1)
        self._changed()
        return budget - spent
