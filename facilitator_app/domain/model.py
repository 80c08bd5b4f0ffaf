"""The records of an event file, as plain frozen dataclasses.

Every record carries a UUID and created/updated timestamps (ISO 8601, UTC) so that files
written on different laptops can be merged later by identity and recency.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from facilitator_app.domain.vocab import ContributionKind, EventFormat


def new_id() -> str:
    """Return a fresh random UUID as text."""
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class Stamp:
    """Identity and time stamps shared by every record."""

    id: str
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class Event:
    """One forum day (or a coordinator's merged event)."""

    id: str
    title: str
    date: str
    format: EventFormat
    plan_edition: str
    card_edition: str
    created_at: str
    updated_at: str
    template: str = ""
    in_presence: int | None = None
    # Written by versions before per-venue listeners; counted only while no venue has its own.
    online_listeners: int | None = None
    premessa: str = ""
    temi_trasversali: str = ""
    conclusioni: str = ""


@dataclass(frozen=True, slots=True)
class Venue:
    """A place where some of the tables sit."""

    id: str
    event_id: str
    name: str
    created_at: str
    updated_at: str
    address: str = ""
    position: int = 0
    # Online listeners are typed per venue (each venue streams its own plenary): a figure
    # owned by one venue's file merges without touching the others (docs/COUNTING.md).
    online_listeners: int | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A discussion table: one axis, or one or more zone omogenee."""

    id: str
    event_id: str
    venue_id: str
    key: str
    name: str
    created_at: str
    updated_at: str
    axis: int | None = None
    zones: tuple[int, ...] = ()
    facilitator: str = ""
    position: int = 0


@dataclass(frozen=True, slots=True)
class Pause:
    """A pause of a running session timer (end is empty while paused)."""

    start: str
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Session:
    """One of the two timed discussion sessions of a table."""

    id: str
    table_id: str
    number: int
    question: str
    created_at: str
    updated_at: str
    planned_start: str = ""
    planned_end: str = ""
    planned_minutes: int = 60
    extension_seconds: int = 0
    actual_start: str | None = None
    actual_end: str | None = None
    pauses: tuple[Pause, ...] = ()
    synthesis: str = ""


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """A line of the day's programme (plenary, session, break...)."""

    id: str
    event_id: str
    position: int
    start: str
    end: str
    title: str
    created_at: str
    updated_at: str
    kind: str = "altro"
    session_number: int | None = None
    actual_start: str | None = None
    actual_end: str | None = None


@dataclass(frozen=True, slots=True)
class StrategyCard:
    """An axis, strategy or action of the plan, as shown on a card.

    Attributes:
        code: "2", "2.1" or "2.1.3".
        level: "asse", "strategia" or "azione" (follows from the code).
    """

    edition: str
    code: str
    title: str
    description: str = ""
    source: str = ""

    @property
    def axis(self) -> int:
        """The axis this card belongs to."""
        return int(self.code.split(".")[0])

    @property
    def level(self) -> str:
        """asse, strategia or azione."""
        return ("asse", "strategia", "azione")[self.code.count(".")]

    @property
    def parent_code(self) -> str | None:
        """The code one level up, or None for an axis."""
        return self.code.rsplit(".", 1)[0] if "." in self.code else None


@dataclass(frozen=True, slots=True)
class TableCard:
    """A card a table has put in play, with its votes and rank."""

    id: str
    table_id: str
    code: str
    created_at: str
    updated_at: str
    session: int | None = None
    votes: int = 0
    rank: int | None = None


@dataclass(frozen=True, slots=True)
class ParticipantCount:
    """People at one or more tables (counts only: no names are ever stored).

    A count covers usually one table; a published figure for several tables together
    (axis 5 on two tables, in the 2023 forum) covers all of them. ``session`` is None for
    a whole-day figure.
    """

    id: str
    event_id: str
    table_ids: tuple[str, ...]
    created_at: str
    updated_at: str
    session: int | None = None
    present: int | None = None
    by_zone: dict[int, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True, slots=True)
class Theme:
    """A named group of post-its (affinity group) with its synthesis."""

    id: str
    table_id: str
    title: str
    created_at: str
    updated_at: str
    session: int | None = None
    synthesis: str = ""
    position: int = 0
    deleted_at: str | None = None


@dataclass(frozen=True, slots=True)
class Contribution:
    """A post-it: one thing said at a table in a session."""

    id: str
    table_id: str
    session: int
    text: str
    created_at: str
    updated_at: str
    kind: ContributionKind | None = None
    axis: int | None = None
    cards: tuple[str, ...] = ()
    zones: tuple[int, ...] = ()
    links: tuple[int, ...] = ()
    theme_id: str | None = None
    votes: int = 0
    position: int = 0
    deleted_at: str | None = None

    @property
    def deleted(self) -> bool:
        """True once the post-it has been deleted (it is kept for merging)."""
        return self.deleted_at is not None
