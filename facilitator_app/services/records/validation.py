"""The records of a source checked by the domain's rules, wherever they were read from.

A workbook and an event file offered to a merge end in the same :class:`EventRecords`;
:func:`records_faults` checks every record of it with
:func:`facilitator_app.domain.validation.record_faults` and says which record (kind,
position in its list, id) and which field is wrong, so that the reader can name sheet, row
and column and the merge can name table and id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.domain.model import StrategyCard
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, Message
from facilitator_app.domain.validation import record_faults

if TYPE_CHECKING:  # event_records checks through this module: no import cycle at run time
    from facilitator_app.services.records.event_records import EventRecords

MAX_FAULTS = 200


@dataclass(frozen=True)
class RecordFault:
    """One field of one record that breaks a rule.

    Attributes:
        kind: the record type.
        index: the record's position in its list (0 for the event).
        record_id: the record's id (edition and code for a card), shortened.
        field: the record attribute.
        message: what is wrong: the Italian text, translatable (:class:`Message`).
    """

    kind: type[Any]
    index: int
    record_id: str
    field: str
    message: Message


class RecordsRefusedError(FacilitatorError):
    """Records that break the rules; nothing of their file may be stored."""

    def __init__(self, faults: Sequence[RecordFault]) -> None:
        self.faults = list(faults)
        if not self.faults:
            super().__init__(QT_TRANSLATE_NOOP("Errors", "record non validi"))
            return
        first = self.faults[0]
        super().__init__(
            "{kind} {record}, {field}: {message}",  # names and a message: nothing to translate
            kind=first.kind.__name__,
            record=first.record_id,
            field=first.field,
            message=first.message,
        )


def _record_id(record: Any) -> str:
    if isinstance(record, StrategyCard):
        return f"{record.edition} {record.code}"[:60]
    return str(getattr(record, "id", "?"))[:60]


def kind_faults(
    records: Sequence[Any], now: dt.datetime | None, limit: int = MAX_FAULTS
) -> Iterator[RecordFault]:
    """The faults of a list of records of one kind, in order (at most ``limit``)."""
    found = 0
    if limit <= 0:
        return
    for index, record in enumerate(records):
        for field, message in record_faults(record, now):
            yield RecordFault(type(record), index, _record_id(record), field, message)
            found += 1
            if found >= limit:
                return


def refuse_faults(records: Sequence[Any], now: dt.datetime | None) -> list[Any]:
    """The records as a list, once checked.

    Raises:
        RecordsRefusedError: some record breaks a rule.
    """
    items = list(records)
    faults = list(kind_faults(items, now))
    if faults:
        raise RecordsRefusedError(faults)
    return items


def records_faults(records: EventRecords, now: dt.datetime | None) -> list[RecordFault]:
    """Every fault of an event's records (at most :data:`MAX_FAULTS`).

    Args:
        records: what a source holds.
        now: the injected clock's time, for the latest plausible timestamp (None: none).
    """
    faults: list[RecordFault] = []
    for group in (
        (records.event,),
        records.venues,
        records.tables,
        records.sessions,
        records.agenda,
        records.cards,
        records.table_cards,
        records.counts,
        records.themes,
        records.contributions,
    ):
        faults.extend(kind_faults(group, now, MAX_FAULTS - len(faults)))
        if len(faults) >= MAX_FAULTS:
            break
    return faults
