"""The exchange workbook as a whole: lossless round trips, and helpers for the other tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator_app.domain.clock import FixedClock, to_iso
from facilitator_app.domain.model import (
    Contribution,
    Event,
    Table,
    Venue,
    new_id,
)
from facilitator_app.domain.vocab import ContributionKind, EventFormat
from facilitator_app.services.exchange.exchange_data import ExchangeData
from facilitator_app.services.exchange.reader import read_workbook
from facilitator_app.storage.database import EventStore
from tests.helpers.rich_event import RECORD_TYPES, export, record_key, records_of


def test_demo_round_trip_gives_back_the_same_records(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "demo.xlsx", clock)
    data = read_workbook(book)
    with EventStore.open(demo_path, read_only=True) as store:
        original = records_of(store)
    read = {kind: sorted(items, key=record_key) for kind, items in _by_type(data).items()}
    for kind in RECORD_TYPES:
        assert read[kind] == original[kind], kind.__name__
    assert data.meta.device == "pc-prova"
    assert data.meta.exported_at == to_iso(clock.now())
    assert not data.meta.partial and not data.meta.anonymised


def _by_type(data: ExchangeData) -> dict[type[Any], list[Any]]:
    found: dict[type[Any], list[Any]] = {kind: [] for kind in RECORD_TYPES}
    for record in data.all_records():
        found[type(record)].append(record)
    return found


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
            min_size=1,
            max_size=40,
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_post_it_text_comes_back_unchanged(texts: list[str]) -> None:
    clock = FixedClock(dt.datetime(2023, 11, 10, 9, 0, tzinfo=dt.UTC))
    now = to_iso(clock.now())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "e.sqlite"
        with EventStore.create(path) as store:
            event = Event(
                new_id(), "E", "2023-11-10", EventFormat.ZONE, "2024-2026", "2021-2023", now, now
            )
            venue = Venue(new_id(), event.id, "Sede", now, now)
            table = Table(new_id(), event.id, venue.id, "t1", "Tavolo", now, now)
            posts = [
                Contribution(new_id(), table.id, 1, text, now, now, position=i)
                for i, text in enumerate(texts)
            ]
            store.save_all([event, venue, table, *posts])
        book = export(path, Path(folder) / "e.xlsx", clock)
        data = read_workbook(book)
    assert sorted(post.text for post in data.records.contributions) == sorted(texts)


def test_kind_labels_and_missing_kind_round_trip(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(demo_path) as store:
        posts = store.contributions()
        store.save_all(
            [
                dataclasses.replace(posts[i], kind=kind)
                for i, kind in enumerate([*ContributionKind, None])
            ]
        )
    data = read_workbook(export(demo_path, tmp_path / "d.xlsx", clock))
    kinds = {post.id: post.kind for post in data.records.contributions}
    assert [kinds[posts[i].id] for i in range(6)] == [*ContributionKind, None]
