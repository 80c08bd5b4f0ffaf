"""What the facilitator chooses when opening a table to the phones, and the server's limits."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RoomSettings:
    """One table and session opened to the phones.

    Attributes:
        table_id: the table's id (the CLI turns a table key into it).
        session: the session number (1 or 2).
        host: the only address the server binds (loopback unless the facilitator picks the
            hotspot's or the venue LAN's address).
        port: the TCP port (0: any free port, see :attr:`RoomServer.url`).
        moderate: posts wait in the moderation queue instead of going on the board.
        posts_per_minute: posts one phone may send in a minute.
        posts_per_minute_per_address: posts one network address may send in a minute (phones
            behind one address, or one client dropping its cookie).
        requests_per_minute_per_address: requests of any kind one address may make in a
            minute; beyond it the server answers 429 without doing any work.
        phone_minutes: a phone counts as connected for this long after its last request.
    """

    table_id: str
    session: int
    host: str = "127.0.0.1"
    port: int = 0
    moderate: bool = False
    posts_per_minute: int = 10
    posts_per_minute_per_address: int = 120
    requests_per_minute_per_address: int = 600
    phone_minutes: int = 5
