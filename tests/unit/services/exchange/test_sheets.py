"""The sheet specifications cover every field of every record, once."""

from __future__ import annotations

from facilitator_app.domain.model import Event
from facilitator_app.services.exchange.sheets import EVENT_KEYS, RECORD_SHEETS, record_fields


def test_every_record_field_has_exactly_one_column() -> None:
    for sheet in RECORD_SHEETS:
        fields = [c.field for c in sheet.fields]
        assert sorted(fields) == sorted(record_fields(sheet.record)), sheet.name
        headers = sheet.headers
        assert len(headers) == len(set(headers)), sheet.name
    event_fields = [key.field or "" for key in EVENT_KEYS]
    assert sorted(event_fields) == sorted(record_fields(Event))
