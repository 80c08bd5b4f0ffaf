"""Conversion between domain records and database rows."""

from __future__ import annotations

import dataclasses
import json
import operator
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from facilitator_app.domain.errors import InvalidValueError, message_of
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
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, Message
from facilitator_app.domain.vocab import ContributionKind, EventFormat

R = TypeVar("R")


# One encoder for every JSON column: json.dumps with options builds a new one per call.
_dump: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _json(raw: Any, shape: type[Any], empty: str) -> Any:
    """A JSON column's value, refused unless it is text holding a ``shape``."""
    if raw is None or raw == "":
        raw = empty
    if type(raw) is not str:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "{type} invece di testo JSON"), type=type(raw).__name__
        )
    value = json.loads(raw)
    if type(value) is not shape:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "JSON di forma inattesa ({type})"),
            type=type(value).__name__,
        )
    return value


def _strict(kind: type[Any]) -> Callable[[Any], Any]:
    def cast(item: Any) -> Any:
        if type(item) is not kind:  # no bool for int, no number for text
            raise InvalidValueError(
                QT_TRANSLATE_NOOP("Errors", "valore {value} invece di {type}"),
                value=repr(item),
                type=kind.__name__,
            )
        return item

    return cast


def _tuple(kind: type[Any]) -> Callable[[Any], tuple[Any, ...]]:
    cast = _strict(kind)

    def decode(raw: Any) -> tuple[Any, ...]:
        if raw == "[]":  # the common empty list, spared the JSON parser
            return ()
        items = _json(raw, list, "[]")
        for item in items:
            if type(item) is not kind:
                cast(item)  # refuses it, with its message
        return tuple(items)

    return decode


def _zone_key(key: str) -> int:
    if not key.isdigit() or len(key) > 3:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "zona «{zone}» non valida"), zone=key[:20]
        )
    return int(key)


_count = _strict(int)


def _int_dict(raw: Any) -> dict[int, int]:
    return {_zone_key(key): _count(value) for key, value in _json(raw, dict, "{}").items()}


def _str_dict(raw: Any) -> dict[str, int]:
    return {key: _count(value) for key, value in _json(raw, dict, "{}").items()}


def _pauses(raw: Any) -> tuple[Pause, ...]:
    pauses: list[Pause] = []
    for item in _json(raw, list, "[]"):
        if type(item) is not list or len(item) != 2:
            raise InvalidValueError(QT_TRANSLATE_NOOP("Errors", "pausa di forma inattesa"))
        pauses.append(Pause(item[0], item[1]))
    return tuple(pauses)


def _optional_kind(raw: Any) -> ContributionKind | None:
    return ContributionKind(raw) if raw else None


class ColumnError(ValueError):
    """A stored value that cannot be decoded (malformed JSON, wrong shape or type)."""

    def __init__(self, column: str, error: Exception) -> None:
        #: What is wrong, translatable (the cause too when it is one of ours).
        self.message = Message(
            QT_TRANSLATE_NOOP("Errors", "colonna «{column}»: {error}"),
            column=column,
            error=message_of(error),
        )
        super().__init__(str(self.message))
        self.column = column


class Codec(Generic[R]):
    """How one record type is stored.

    Args:
        record: the dataclass.
        table: the database table.
        pk: primary key column(s).
        decoders: per-field functions turning a stored value back into the field's value;
            those fields (JSON lists and maps, enumerations, pauses) are encoded on write.
    """

    def __init__(
        self,
        record: type[R],
        table: str,
        pk: str | tuple[str, ...] = "id",
        decoders: Mapping[str, Callable[[Any], Any]] | None = None,
    ) -> None:
        self.record = record
        self.table = table
        self.pk = pk
        self.decoders = dict(decoders or {})
        specs = dataclasses.fields(record)  # type: ignore[arg-type]
        # Computed once: records are converted by the tens of thousands in a merge.
        self.columns: tuple[str, ...] = tuple(spec.name for spec in specs)
        self.defaults: dict[str, Any] = {
            spec.name: spec.default for spec in specs if spec.default is not dataclasses.MISSING
        }
        for spec in specs:
            if spec.default_factory is not dataclasses.MISSING:
                self.defaults[spec.name] = spec.default_factory()
        placeholders = ", ".join("?" for _ in self.columns)
        names = ", ".join(f"[{name}]" for name in self.columns)
        self.replace_sql = f"INSERT OR REPLACE INTO [{table}] ({names}) VALUES ({placeholders})"
        # Every field in one call, then the encoded ones replaced by position.
        self._values = operator.attrgetter(*self.columns)
        self._encoded = tuple(i for i, name in enumerate(self.columns) if name in self.decoders)

    @staticmethod
    def _encode(value: Any) -> Any:
        if value is None or isinstance(value, str | int | float):
            return value.value if isinstance(value, EventFormat | ContributionKind) else value
        if not value:
            return "{}" if isinstance(value, dict) else "[]"
        if isinstance(value, tuple) and isinstance(value[0], Pause):
            return _dump([[p.start, p.end] for p in value])
        return _dump(value)

    def to_values(self, item: R) -> tuple[Any, ...]:
        """The record's column values in :attr:`columns` order, ready for SQL."""
        values = list(self._values(item))
        for index in self._encoded:
            values[index] = self._encode(values[index])
        return tuple(values)

    def to_row(self, item: R) -> dict[str, Any]:
        """Turn a record into a row: tuples, dicts and pauses become JSON text."""
        return dict(zip(self.columns, self.to_values(item), strict=True))

    def from_row(self, row: Mapping[str, Any]) -> R:
        """Turn a row back into a record, ignoring columns the record does not have."""
        values: dict[str, Any] = {}
        decoders = self.decoders
        defaults = self.defaults
        for name in self.columns:
            if name not in row:
                continue
            raw = row[name]
            decode = decoders.get(name)
            if decode is not None:
                try:
                    values[name] = decode(raw)
                except Exception as error:  # JSON and shapes fail in many ways
                    raise ColumnError(name, error) from error
            elif raw is None and name in defaults:
                values[name] = defaults[name]
            else:
                values[name] = raw
        return self.record(**values)


EVENT = Codec(Event, "events", decoders={"format": EventFormat})
VENUE = Codec(Venue, "venues")
TABLE = Codec(Table, "event_tables", decoders={"zones": _tuple(int)})
SESSION = Codec(Session, "sessions", decoders={"pauses": _pauses})
AGENDA = Codec(AgendaItem, "agenda")
CARD = Codec(StrategyCard, "cards", pk=("edition", "code"))
TABLE_CARD = Codec(TableCard, "table_cards")
COUNT = Codec(
    ParticipantCount,
    "counts",
    decoders={"table_ids": _tuple(str), "by_zone": _int_dict, "by_category": _str_dict},
)
THEME = Codec(Theme, "themes")
CONTRIBUTION = Codec(
    Contribution,
    "contributions",
    decoders={
        "kind": _optional_kind,
        "cards": _tuple(str),
        "zones": _tuple(int),
        "links": _tuple(int),
    },
)

CODECS: dict[type[Any], Codec[Any]] = {
    codec.record: codec
    for codec in (
        EVENT,
        VENUE,
        TABLE,
        SESSION,
        AGENDA,
        CARD,
        TABLE_CARD,
        COUNT,
        THEME,
        CONTRIBUTION,
    )
}
