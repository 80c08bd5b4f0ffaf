"""The one validation of records, for every way data comes in.

Capture, bulk import, exchange workbooks and event files merged as sources all end in the
same records; the rules below say what a stored record may hold: types (no text where a
number goes, no binary data), ranges (sessions 1-2, axes 1-6, zones 1-11, people
0-100,000, votes 0-10,000), timestamps that parse and fall in a plausible window (from
2000 to two days after the injected clock's now, so that a year-9999 version cannot win
every later merge), clock times, text sizes, lists and maps of the expected shape, and the
NULLs that are not allowed. :func:`record_faults` applies them to one record and returns
(field, message) pairs; callers put file, sheet or table, row or id around them. A message is
a :class:`~facilitator_app.domain.translatable.Message`: the Italian text, which the
interface can still show in English.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.model import (
    AgendaItem,
    Contribution,
    Event,
    ParticipantCount,
    Pause,
    Session,
    StrategyCard,
    Table,
    TableCard,
    Theme,
    Venue,
)
from facilitator_app.domain.rules import CARD_CODE, MAX_TAGS, MAX_TEXT_CHARS
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, Message, Term, term
from facilitator_app.domain.vocab import (
    AXES,
    SESSIONS,
    ZONES,
    ContributionKind,
    EventFormat,
    StakeholderCategory,
)

MAX_PEOPLE = 100_000
MAX_VOTES = 10_000
MAX_RANK = 10_000
MAX_POSITION = 1_000_000_000
MAX_MINUTES = 24 * 60
MAX_EXTENSION_SECONDS = 24 * 3600
MAX_ID_CHARS = 100
MAX_NAME_CHARS = 1_000
MAX_LONG_TEXT_CHARS = 60_000
MAX_PAUSES = 500
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
FUTURE_MARGIN = dt.timedelta(days=2)
LATEST_EVENT_YEAR = 2100
_CLOCK_TIME = re.compile(r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$")
_CATEGORIES = frozenset(category.value for category in StakeholderCategory)


@dataclass(frozen=True)
class TimeWindow:
    """The plausible timestamps: from :data:`EARLIEST` to ``latest`` (None: no bound)."""

    latest: dt.datetime | None

    @classmethod
    def around(cls, now: dt.datetime | None) -> TimeWindow:
        """The window for a clock reading ``now`` (None: no upper bound)."""
        return cls(None if now is None else now + FUTURE_MARGIN)


Check = Callable[[Any, TimeWindow], Message | None]
_TOO_MANY = QT_TRANSLATE_NOOP("Errors", "troppi valori: {count} (massimo {limit})")
_INTEGER = term(QT_TRANSLATE_NOOP("Terms", "numero intero"))


def _is_int(value: object) -> bool:
    return type(value) is int  # bool is an int too, and never a count


def _type_message(value: object, wanted: str) -> Message:
    if isinstance(value, bytes | bytearray | memoryview):
        return Message(
            QT_TRANSLATE_NOOP("Errors", "dato binario (BLOB) invece di {wanted}"), wanted=wanted
        )
    return Message(
        QT_TRANSLATE_NOOP("Errors", "{type} «{value}» invece di {wanted}"),
        type=type(value).__name__,
        value=str(value)[:40],
        wanted=wanted,
    )


def _nullable(check: Check) -> Check:
    def run(value: Any, window: TimeWindow) -> Message | None:
        return None if value is None else check(value, window)

    return run


def _required(check: Check) -> Check:
    def run(value: Any, window: TimeWindow) -> Message | None:
        if value is None:
            return Message(QT_TRANSLATE_NOOP("Errors", "valore mancante"))
        return check(value, window)

    return run


def _text(limit: int, *, non_empty: bool = False) -> Check:
    def run(value: Any, window: TimeWindow) -> Message | None:
        if type(value) is not str:
            return _type_message(value, term(QT_TRANSLATE_NOOP("Terms", "testo")))
        if len(value) > limit:
            return Message(
                QT_TRANSLATE_NOOP(
                    "Errors", "testo troppo lungo: {length} caratteri (massimo {limit})"
                ),
                length=len(value),
                limit=limit,
            )
        if non_empty and not value.strip():
            return Message(QT_TRANSLATE_NOOP("Errors", "testo vuoto"))
        return None

    return _required(run)


def _ident(value: Any, window: TimeWindow) -> Message | None:
    if type(value) is not str:
        return _type_message(value, term(QT_TRANSLATE_NOOP("Terms", "identificativo")))
    if not value or len(value) > MAX_ID_CHARS or not value.isprintable() or value != value.strip():
        return Message(
            QT_TRANSLATE_NOOP("Errors", "identificativo «{value}» non valido"),
            value=value[:MAX_ID_CHARS],
        )
    return None


def _integer(low: int, high: int) -> Check:
    def run(value: Any, window: TimeWindow) -> Message | None:
        if not _is_int(value):
            return _type_message(value, _INTEGER)
        if not low <= value <= high:
            return Message(
                QT_TRANSLATE_NOOP("Errors", "{value} fuori intervallo ({low}-{high})"),
                value=value,
                low=low,
                high=high,
            )
        return None

    return run


def _member(allowed: tuple[int, ...], what: Term) -> Check:
    def run(value: Any, window: TimeWindow) -> Message | None:
        if not _is_int(value):
            return _type_message(value, _INTEGER)
        if value not in allowed:
            return Message(
                QT_TRANSLATE_NOOP("Errors", "{what} {value} inesistente (ammessi: {low}-{high})"),
                what=what,
                value=value,
                low=allowed[0],
                high=allowed[-1],
            )
        return None

    return run


def timestamp_problem(value: Any, window: TimeWindow) -> Message | None:
    """Why ``value`` is not a plausible ISO 8601 timestamp, or None."""
    if type(value) is not str:
        return _type_message(value, term(QT_TRANSLATE_NOOP("Terms", "data e ora ISO 8601")))
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return Message(
            QT_TRANSLATE_NOOP("Errors", "«{value}» non è una data e ora ISO 8601"),
            value=value[:40],
        )
    when = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    if when < EARLIEST:
        return Message(
            QT_TRANSLATE_NOOP("Errors", "data {value} troppo lontana nel passato (prima del 2000)"),
            value=value,
        )
    if window.latest is not None and when > window.latest:
        return Message(QT_TRANSLATE_NOOP("Errors", "data {value} nel futuro"), value=value)
    return None


def _clock_time(value: Any, window: TimeWindow) -> Message | None:
    if type(value) is not str:
        return _type_message(value, term(QT_TRANSLATE_NOOP("Terms", "ora (HH:MM)")))
    if value and not _CLOCK_TIME.match(value):
        return Message(
            QT_TRANSLATE_NOOP("Errors", "«{value}» non è un'ora (forma attesa HH:MM)"),
            value=value[:40],
        )
    return None


def _date(value: Any, window: TimeWindow) -> Message | None:
    if type(value) is not str:
        return _type_message(value, term(QT_TRANSLATE_NOOP("Terms", "data (AAAA-MM-GG)")))
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return Message(
            QT_TRANSLATE_NOOP("Errors", "«{value}» non è una data (AAAA-MM-GG)"), value=value[:40]
        )
    if not EARLIEST.year <= day.year <= LATEST_EVENT_YEAR:
        return Message(QT_TRANSLATE_NOOP("Errors", "data {value} non plausibile"), value=value)
    return None


def _instance(kind: type[Any]) -> Check:
    def run(value: Any, window: TimeWindow) -> Message | None:
        return None if isinstance(value, kind) else _type_message(value, kind.__name__)

    return run


def _items(item: Check, what: Term, limit: int = MAX_TAGS) -> Check:
    def run(value: Any, window: TimeWindow) -> Message | None:
        if type(value) is not tuple:
            wanted = Message(QT_TRANSLATE_NOOP("Errors", "elenco di {what}"), what=what)
            return _type_message(value, wanted)
        if len(value) > limit:
            return Message(_TOO_MANY, count=len(value), limit=limit)
        for entry in value:
            problem = item(entry, window)
            if problem:
                return problem
        return None

    return run


def _card_code(value: Any, window: TimeWindow) -> Message | None:
    if type(value) is not str:
        return _type_message(value, term(QT_TRANSLATE_NOOP("Terms", "codice scheda")))
    if not CARD_CODE.match(value):
        return Message(
            QT_TRANSLATE_NOOP(
                "Errors", "codice scheda «{code}» non valido (forma attesa: 2, 2.1 o 2.1.3)"
            ),
            code=value[:40],
        )
    return None


def _counts_map(key: Check) -> Check:
    people = _integer(0, MAX_PEOPLE)

    def run(value: Any, window: TimeWindow) -> Message | None:
        if type(value) is not dict:
            return _type_message(value, term(QT_TRANSLATE_NOOP("Terms", "mappa di conteggi")))
        if len(value) > MAX_TAGS:
            return Message(_TOO_MANY, count=len(value), limit=MAX_TAGS)
        for name, figure in value.items():
            problem = key(name, window) or people(figure, window)
            if problem:
                return problem
        return None

    return run


def _category(value: Any, window: TimeWindow) -> Message | None:
    if value not in _CATEGORIES:
        return Message(
            QT_TRANSLATE_NOOP("Errors", "categoria «{value}» sconosciuta"), value=str(value)[:40]
        )
    return None


def _pauses(value: Any, window: TimeWindow) -> Message | None:
    def pause(item: Any, window: TimeWindow) -> Message | None:
        if not isinstance(item, Pause):
            return _type_message(item, term(QT_TRANSLATE_NOOP("Terms", "pausa")))
        return timestamp_problem(item.start, window) or _nullable(timestamp_problem)(
            item.end, window
        )

    return _items(pause, term(QT_TRANSLATE_NOOP("Terms", "pause")), MAX_PAUSES)(value, window)


_ID: Check = _required(_ident)
_OPTIONAL_ID: Check = _nullable(_ident)
_STAMP: Check = _required(timestamp_problem)
_OPTIONAL_STAMP: Check = _nullable(timestamp_problem)
_NAME = _text(MAX_NAME_CHARS)
_LONG = _text(MAX_LONG_TEXT_CHARS)
_POSITION: Check = _required(_integer(-MAX_POSITION, MAX_POSITION))
_SESSION_TERM = term(QT_TRANSLATE_NOOP("Terms", "sessione"))
_AXIS_TERM = term(QT_TRANSLATE_NOOP("Terms", "asse"))
_ZONE_TERM = term(QT_TRANSLATE_NOOP("Terms", "zona"))
_SESSION: Check = _required(_member(SESSIONS, _SESSION_TERM))
_OPTIONAL_SESSION: Check = _nullable(_member(SESSIONS, _SESSION_TERM))
_OPTIONAL_AXIS: Check = _nullable(_member(AXES, _AXIS_TERM))
_ZONE_LIST: Check = _required(
    _items(_member(tuple(ZONES), _ZONE_TERM), term(QT_TRANSLATE_NOOP("Terms", "zone")))
)
_AXIS_LIST: Check = _required(
    _items(_member(AXES, _AXIS_TERM), term(QT_TRANSLATE_NOOP("Terms", "assi")))
)
_OPTIONAL_PEOPLE: Check = _nullable(_integer(0, MAX_PEOPLE))
_VOTES: Check = _required(_integer(0, MAX_VOTES))
_CLOCK: Check = _required(_clock_time)
_STAMPS: tuple[tuple[str, Check], ...] = (("created_at", _STAMP), ("updated_at", _STAMP))

RULES: Mapping[type[Any], tuple[tuple[str, Check], ...]] = {
    Event: (
        ("id", _ID),
        ("title", _text(MAX_NAME_CHARS, non_empty=True)),
        ("date", _required(_date)),
        ("format", _required(_instance(EventFormat))),
        ("plan_edition", _NAME),
        ("card_edition", _NAME),
        ("template", _NAME),
        ("in_presence", _OPTIONAL_PEOPLE),
        ("online_listeners", _OPTIONAL_PEOPLE),
        ("premessa", _LONG),
        ("temi_trasversali", _LONG),
        ("conclusioni", _LONG),
        *_STAMPS,
    ),
    Venue: (
        ("id", _ID),
        ("event_id", _ID),
        ("name", _NAME),
        ("address", _NAME),
        ("online_listeners", _OPTIONAL_PEOPLE),
        ("position", _POSITION),
        *_STAMPS,
    ),
    Table: (
        ("id", _ID),
        ("event_id", _ID),
        ("venue_id", _ID),
        ("key", _text(MAX_ID_CHARS, non_empty=True)),
        ("name", _NAME),
        ("axis", _OPTIONAL_AXIS),
        ("zones", _ZONE_LIST),
        ("facilitator", _NAME),
        ("position", _POSITION),
        *_STAMPS,
    ),
    Session: (
        ("id", _ID),
        ("table_id", _ID),
        ("number", _SESSION),
        ("question", _LONG),
        ("planned_start", _CLOCK),
        ("planned_end", _CLOCK),
        ("planned_minutes", _required(_integer(0, MAX_MINUTES))),
        ("extension_seconds", _required(_integer(-MAX_EXTENSION_SECONDS, MAX_EXTENSION_SECONDS))),
        ("actual_start", _OPTIONAL_STAMP),
        ("actual_end", _OPTIONAL_STAMP),
        ("pauses", _required(_pauses)),
        ("synthesis", _LONG),
        *_STAMPS,
    ),
    AgendaItem: (
        ("id", _ID),
        ("event_id", _ID),
        ("position", _POSITION),
        ("start", _CLOCK),
        ("end", _CLOCK),
        ("title", _NAME),
        ("kind", _text(MAX_ID_CHARS)),
        ("session_number", _OPTIONAL_SESSION),
        ("actual_start", _OPTIONAL_STAMP),
        ("actual_end", _OPTIONAL_STAMP),
        *_STAMPS,
    ),
    StrategyCard: (
        ("edition", _text(MAX_ID_CHARS, non_empty=True)),
        ("code", _required(_card_code)),
        ("title", _NAME),
        ("description", _LONG),
        ("source", _NAME),
    ),
    TableCard: (
        ("id", _ID),
        ("table_id", _ID),
        ("code", _required(_card_code)),
        ("session", _OPTIONAL_SESSION),
        ("votes", _VOTES),
        ("rank", _nullable(_integer(0, MAX_RANK))),
        *_STAMPS,
    ),
    ParticipantCount: (
        ("id", _ID),
        ("event_id", _ID),
        ("table_ids", _required(_items(_ident, term(QT_TRANSLATE_NOOP("Terms", "tavoli"))))),
        ("session", _OPTIONAL_SESSION),
        ("present", _OPTIONAL_PEOPLE),
        ("by_zone", _required(_counts_map(_member(tuple(ZONES), _ZONE_TERM)))),
        ("by_category", _required(_counts_map(_category))),
        ("note", _LONG),
        *_STAMPS,
    ),
    Theme: (
        ("id", _ID),
        ("table_id", _ID),
        ("title", _NAME),
        ("session", _OPTIONAL_SESSION),
        ("synthesis", _LONG),
        ("position", _POSITION),
        ("deleted_at", _OPTIONAL_STAMP),
        *_STAMPS,
    ),
    Contribution: (
        ("id", _ID),
        ("table_id", _ID),
        ("session", _SESSION),
        ("text", _text(MAX_TEXT_CHARS)),
        ("kind", _nullable(_instance(ContributionKind))),
        ("axis", _OPTIONAL_AXIS),
        ("cards", _required(_items(_card_code, term(QT_TRANSLATE_NOOP("Terms", "schede"))))),
        ("zones", _ZONE_LIST),
        ("links", _AXIS_LIST),
        ("theme_id", _OPTIONAL_ID),
        ("votes", _VOTES),
        ("position", _POSITION),
        ("deleted_at", _OPTIONAL_STAMP),
        *_STAMPS,
    ),
}


def record_faults(record: Any, now: dt.datetime | None) -> list[tuple[str, Message]]:
    """What is wrong with one record, field by field.

    Args:
        record: any record of :mod:`facilitator_app.domain.model`.
        now: the injected clock's time (timestamps may not be later than two days
            after it); None checks no upper bound.

    Returns:
        (field, message) pairs, in field order; empty when the record is valid. A message
        reads as its Italian text and translates (:class:`Message`).
    """
    window = TimeWindow.around(now)
    faults: list[tuple[str, Message]] = []
    for name, check in RULES[type(record)]:
        problem = check(getattr(record, name), window)
        if problem:
            faults.append((name, problem))
    return faults


def _whole_number(value: object, what: Term) -> int:
    """An integer from a number or the text of one (integers only: no 2.9, no inf)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        cleaned = value.strip()
        if re.fullmatch(r"[+-]?[0-9]{1,12}", cleaned):
            return int(cleaned)
    raise InvalidValueError(
        QT_TRANSLATE_NOOP("Errors", "{what} «{value}» non è un numero intero"),
        what=what,
        value=value,
    )


def check_people(value: object) -> int:
    """A number of people (0-100,000), from a number or its text.

    Raises:
        InvalidValueError: (a ``ValueError``) not a whole number in range.
    """
    number = _whole_number(value, term(QT_TRANSLATE_NOOP("Terms", "numero")))
    if not 0 <= number <= MAX_PEOPLE:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "numero non valido: {number} (0-{limit})"),
            number=number,
            limit=MAX_PEOPLE,
        )
    return number


def check_votes(value: object) -> int:
    """A number of votes (0-10,000), from a number or its text.

    Raises:
        InvalidValueError: (a ``ValueError``) not a whole number in range.
    """
    number = _whole_number(value, term(QT_TRANSLATE_NOOP("Terms", "voti")))
    if not 0 <= number <= MAX_VOTES:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "voti {number} fuori intervallo (0-{limit})"),
            number=number,
            limit=MAX_VOTES,
        )
    return number
