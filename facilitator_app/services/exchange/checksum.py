"""The SHA-256 of an exchange workbook's data, written in ``Metadati`` and checked on reading.

It is computed from the records, not from the file's bytes, so that the same records give
the same checksum wherever they come from (a workbook, an event file, a merge).
"""

from __future__ import annotations

import hashlib
import json
import operator
from collections.abc import Mapping, Sequence
from typing import Any

from facilitator_app.domain.model import Event, StrategyCard
from facilitator_app.services.exchange.sheets import EVENT_KEYS, RECORD_SHEETS, records_by_sheet
from facilitator_app.services.records.event_records import EventRecords

_ID_KEY = operator.attrgetter("id")


def _card_key(card: StrategyCard) -> tuple[str, str]:
    return (card.edition, card.code)


def _canonical_event(event: Event) -> list[Any]:
    keys = sorted((key for key in EVENT_KEYS if key.field), key=lambda k: k.field or "")
    return [key.codec.canon(getattr(event, key.field or "")) for key in keys]


def data_checksum(event: Event, records: Mapping[str, Sequence[Any]]) -> str:
    """SHA-256 (hex) of the data of an exchange workbook.

    The payload is a JSON object: ``"evento"`` holds the event, and one key per record
    sheet (``RecordSheet.key``) holds the list of its records sorted by id (cards by edition
    and code). Each record is a JSON array of its field values, fields in alphabetical order
    of their names (the record's attribute names, see ``docs/FILE_FORMATS.md``). Values are
    canonical: tuples as arrays, enumerations by code, dictionaries as objects with text
    keys, empty optional text as null. The JSON is written with sorted keys, no spaces and
    every non-ASCII character escaped (so the text is pure ASCII), then hashed.

    Args:
        event: the event record.
        records: record lists by ``RecordSheet.key``; every record sheet must be present.
    """
    payload: dict[str, Any] = {"evento": _canonical_event(event)}
    for sheet in RECORD_SHEETS:
        key = _card_key if sheet.record is StrategyCard else _ID_KEY
        payload[sheet.key] = [sheet.canonical(item) for item in sorted(records[sheet.key], key=key)]
    text = json.dumps(payload, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def records_checksum(records: EventRecords) -> str:
    """The :func:`data_checksum` of every record of an :class:`EventRecords`."""
    return data_checksum(records.event, records_by_sheet(records))
