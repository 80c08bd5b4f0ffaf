"""Conversion between domain records and database rows."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

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
from facilitator_app.domain.vocab import ContributionKind, EventFormat

R = TypeVar("R")


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _tuple(cast: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    def decode(raw: Any) -> tuple[Any, ...]:
        return tuple(cast(item) for item in json.loads(raw or "[]"))

    return decode


def _int_dict(raw: Any) -> dict[int, int]:
    return {int(key): int(value) for key, value in json.loads(raw or "{}").items()}


def _str_dict(raw: Any) -> dict[str, int]:
    return {str(key): int(value) for key, value in json.loads(raw or "{}").items()}


def _pauses(raw: Any) -> tuple[Pause, ...]:
    return tuple(Pause(item[0], item[1]) for item in json.loads(raw or "[]"))


def _optional_kind(raw: Any) -> ContributionKind | None:
    return ContributionKind(raw) if raw else None


@dataclasses.dataclass(frozen=True)
class Codec(Generic[R]):
    """How one record type is stored.

    Attributes:
        record: the dataclass.
        table: the database table.
        decoders: per-field functions turning a stored value back into the field's value.
    """

    record: type[R]
    table: str
    pk: str | tuple[str, ...] = "id"
    decoders: Mapping[str, Callable[[Any], Any]] = dataclasses.field(default_factory=dict)

    def to_row(self, item: R) -> dict[str, Any]:
        """Turn a record into a row: tuples, dicts and pauses become JSON text."""
        row: dict[str, Any] = {}
        for spec in dataclasses.fields(item):  # type: ignore[arg-type]
            value = getattr(item, spec.name)
            if spec.name == "pauses":
                value = _dump([[p.start, p.end] for p in value])
            elif isinstance(value, tuple | dict):
                value = _dump(value)
            elif isinstance(value, EventFormat | ContributionKind):
                value = value.value
            row[spec.name] = value
        return row

    def from_row(self, row: Mapping[str, Any]) -> R:
        """Turn a row back into a record, ignoring columns the record does not have."""
        values: dict[str, Any] = {}
        for spec in dataclasses.fields(self.record):  # type: ignore[arg-type]
            if spec.name not in row:
                continue
            raw = row[spec.name]
            decode = self.decoders.get(spec.name)
            if decode is not None:
                values[spec.name] = decode(raw)
            elif raw is None and spec.default is not dataclasses.MISSING:
                values[spec.name] = spec.default
            else:
                values[spec.name] = raw
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
