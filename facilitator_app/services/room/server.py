"""The room server: the participants' pages served from the facilitator's laptop, offline.

A :class:`RoomServer` runs Uvicorn in a thread of its own (its own asyncio loop, no signal
handlers) and keeps one more thread for the event file: every read and write goes there, on
the server's own SQLite connection (``EventStore.open_shared``: it shares the window's
writer lock, or takes it in the headless command). The socket is bound and listening before
:meth:`RoomServer.start` returns; :meth:`RoomServer.stop` ends both threads and closes the
connection. Nothing here blocks the Qt event loop: the window only calls these methods and
gets :attr:`RoomServer.on_change` from the database thread after each commit.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from facilitator_app.domain.clock import Clock
from facilitator_app.domain.model import new_id
from facilitator_app.services.room import security
from facilitator_app.services.room.http_thread import ServerThread
from facilitator_app.services.room.intake import RoomDesk
from facilitator_app.services.room.settings import RoomSettings
from facilitator_app.services.room.web import RoomState, RoomWeb
from facilitator_app.storage.database import EventStore

# Concurrent connections served at once; more wait in the listening socket's queue.
MAX_CONNECTIONS = 400


class RoomServer:
    """One table and session opened to the phones.

    Args:
        event_path: the event file (open in the window, or not open at all).
        settings: table, session, address, port, moderation, limits.
        clock: where time stamps and rate windows come from.

    Attributes:
        on_change: called after each commit of a post or a dot, from the server's database
            thread (the window marshals it to the Qt thread); None: nobody listens.
    """

    def __init__(self, event_path: Path, settings: RoomSettings, *, clock: Clock) -> None:
        self.event_path = Path(event_path)
        self.settings = settings
        self.clock = clock
        self.on_change: Callable[[], None] | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-db")
        self._state = RoomState(
            settings,
            self._executor,
            posts_by_phone=security.RateLimiter(clock, settings.posts_per_minute),
            posts_by_address=security.RateLimiter(clock, settings.posts_per_minute_per_address),
            codes_by_address=security.RateLimiter(clock, 20),
            phones=security.PhoneRegister(clock, settings.phone_minutes),
        )
        self._http: ServerThread | None = None
        self._store: EventStore | None = None
        self._closed = False

    # -- life ----------------------------------------------------------------------------

    def start(self) -> None:
        """Open the event file, bind the address and serve; returns once listening.

        Raises:
            NotFoundError: unknown table or session.
            NotAnEventFileError, EventFileLockedError: the event file cannot be written.
            OSError: the address cannot be bound (in use, not this computer's).
        """
        if self._http is not None:
            return
        if self._closed:
            raise RuntimeError("a stopped RoomServer cannot start again: make a new one")
        self._executor.submit(self._open_desk).result()
        app = security.Guard(
            RoomWeb(self._state).app(),
            security.RateLimiter(self.clock, self.settings.requests_per_minute_per_address),
        )
        try:
            self._http = ServerThread(
                app,
                self.settings.host,
                self.settings.port,
                name="room-http",
                limit_concurrency=MAX_CONNECTIONS,
                h11_max_incomplete_event_size=16 * 1024,
            )
        except OSError:
            self._executor.submit(self._close_desk).result()
            raise
        self._http.start()

    def stop(self) -> None:
        """Stop serving and close the server's connection (safe to call twice)."""
        http, self._http = self._http, None
        if http is not None:
            http.stop()
        if not self._closed:
            self._closed = True
            self._executor.submit(self._close_desk).result()
            self._executor.shutdown(wait=True)

    @property
    def running(self) -> bool:
        """True between :meth:`start` and :meth:`stop`."""
        return self._http is not None

    def _open_desk(self) -> None:
        store = EventStore.open_shared(self.event_path)
        try:
            self._state.desk = RoomDesk(store, self.settings, self.clock, self._changed)
        except BaseException:
            store.close()
            raise
        self._store = store

    def _close_desk(self) -> None:
        self._state.desk = None
        if self._store is not None:
            self._store.close()
            self._store = None

    def _changed(self) -> None:
        listener = self.on_change
        if listener is not None:
            listener()

    # -- what the window shows -------------------------------------------------------------

    @property
    def port(self) -> int:
        """The port listened on (the one chosen by the system when settings say 0)."""
        return self._http.port if self._http is not None else self.settings.port

    @property
    def base_url(self) -> str:
        """The server's address, where a person types the short code."""
        host = self.settings.host
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port}/"

    @property
    def url(self) -> str:
        """The participants' URL, token included (the QR code's content)."""
        return f"{self.base_url}t/{self._state.token}"

    @property
    def token(self) -> str:
        """The URL token in force."""
        return self._state.token

    @property
    def short_code(self) -> str:
        """The 7-character code a person can type at :attr:`base_url` instead of the URL."""
        return self._state.short_code

    @property
    def phones_connected(self) -> int:
        """Distinct phones (id cookies) seen in the last ``settings.phone_minutes`` minutes."""
        return self._state.phones.connected()

    @property
    def moderate(self) -> bool:
        """True while posts wait in the moderation queue instead of going on the board."""
        return self._state.moderate

    @moderate.setter
    def moderate(self, value: bool) -> None:
        self._state.moderate = bool(value)

    @property
    def voting_open(self) -> bool:
        """True while the phones can spend dots."""
        return self._state.voting is not None

    def open_voting(self, dots_per_phone: int) -> None:
        """Let each phone give ``dots_per_phone`` dots to the board's post-its (a new round)."""
        if dots_per_phone < 1:
            raise ValueError("dots_per_phone must be at least 1")
        self._state.voting = (new_id(), int(dots_per_phone))

    def close_voting(self) -> None:
        """Stop taking dots."""
        self._state.voting = None

    def rotate_token(self) -> None:
        """A new URL token and short code (at the session's close): old ones get 403."""
        self._state.rotate()
