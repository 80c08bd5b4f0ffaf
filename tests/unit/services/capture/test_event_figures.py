"""Who owns the event-level figures: online listeners per venue, people in presence per event."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import NotFoundError
from facilitator_app.domain.model import Event, Venue
from facilitator_app.services.capture.counts import CountsService
from facilitator_app.services.exchange.reader import read_workbook
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.records.report import build_report
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore
from tests.helpers.raw_file import raw_file
from tests.helpers.rich_event import export


@pytest.fixture
def zones_path(tmp_path: Path, clock: FixedClock) -> Path:
    path = tmp_path / "zone.sqlite"
    with EventStore.create(path) as store:
        create_event(store, bundled_templates()["zone-omogenee"], clock)
    return path


def test_online_listeners_are_each_venues_and_add_up(zones_path: Path, clock: FixedClock) -> None:
    with EventStore.open(zones_path) as store:
        service = CountsService(store, clock)
        first, second, *_ = store.venues()
        event_before = store.event()
        service.set_venue_online_listeners(first.id, 25)
        service.set_venue_online_listeners(second.id, 10)
        # Neither venue's figure touches the event record, nor the other venue.
        assert store.event() == event_before
        assert store.get(Venue, first.id).online_listeners == 25  # type: ignore[union-attr]
        assert build_report(load_records(store)).online == 35
        with pytest.raises(ValueError):
            service.set_venue_online_listeners(first.id, -1)
        with pytest.raises(NotFoundError):
            service.set_venue_online_listeners("no-such-venue", 3)


def test_a_legacy_event_figure_stands_only_while_no_venue_has_one(
    zones_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(zones_path) as store:
        store.save(dataclasses.replace(store.event(), online_listeners=68))
        assert build_report(load_records(store)).online == 68
        CountsService(store, clock).set_venue_online_listeners(store.venues()[0].id, 12)
        assert build_report(load_records(store)).online == 12


def test_the_events_total_in_presence(zones_path: Path, clock: FixedClock) -> None:
    with EventStore.open(zones_path) as store:
        event = CountsService(store, clock).set_in_presence(140)
        assert store.all(Event) == [event] and event.in_presence == 140
        assert build_report(load_records(store)).in_presence == 140
        with pytest.raises(ValueError):
            CountsService(store, clock).set_in_presence(100_001)


def test_a_new_file_has_the_venues_column(zones_path: Path) -> None:
    with raw_file(zones_path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(venues)")}
    assert "online_listeners" in columns


def test_the_exchange_workbook_carries_the_venues_figure(
    zones_path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    with EventStore.open(zones_path) as store:
        venue = store.venues()[1]
        CountsService(store, clock).set_venue_online_listeners(venue.id, 17)
    data = read_workbook(export(zones_path, tmp_path / "e.xlsx", clock))
    figures = {v.id: v.online_listeners for v in data.records.venues}
    assert figures[venue.id] == 17 and sum(f or 0 for f in figures.values()) == 17


def test_a_workbook_without_the_column_still_reads(
    zones_path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    book = export(zones_path, tmp_path / "vecchio.xlsx", clock)
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Sedi"]
    header = [cell.value for cell in sheet[1]]
    sheet.delete_cols(header.index("ascolto_online") + 1)
    workbook.save(book)
    data = read_workbook(book)  # the checksum still matches: empty figures are left out
    assert all(v.online_listeners is None for v in data.records.venues)
