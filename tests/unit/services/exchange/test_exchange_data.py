"""An event file seen as exchange data: every record, nothing filtered, same checksum."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Session, Table
from facilitator_app.services.exchange.exchange_data import event_file_data
from facilitator_app.services.exchange.reader import read_workbook, reference_problems
from facilitator_app.storage.database import EventStore
from tests.helpers.rich_event import export


def test_an_event_file_gives_the_same_records_and_checksum_as_its_workbook(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = read_workbook(export(demo_path, tmp_path / "d.xlsx", clock))
    with EventStore.open(demo_path, read_only=True) as store:
        data = event_file_data(store)
    assert data.checksum() == book.meta.sha256
    assert data.records.event == book.records.event
    for key, items in data.by_sheet().items():
        assert sorted(items, key=repr) == sorted(book.by_sheet()[key], key=repr), key
    assert set(data.meta.table_ids) == {t.id for t in data.records.tables}
    assert not data.meta.partial and reference_problems(data, "d.sqlite") == []


def test_records_of_a_missing_table_are_kept_so_that_they_can_be_refused(
    demo_path: Path,
) -> None:
    with EventStore.open(demo_path) as store:
        session = store.all(Session)[0]
        store.save(dataclasses.replace(session, table_id="tavolo-inesistente"))
        tables = store.count(Table)
    with EventStore.open(demo_path, read_only=True) as store:
        data = event_file_data(store)
    assert session.id in {s.id for s in data.records.sessions}
    assert len(data.records.tables) == tables
    problems = " | ".join(str(p) for p in reference_problems(data, "d.sqlite"))
    assert "tavolo inesistente" in problems
