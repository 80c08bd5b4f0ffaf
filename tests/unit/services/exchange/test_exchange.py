"""The exchange workbook as a whole: lossless round trips, and helpers for the other tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator_app.domain.clock import FixedClock, to_iso
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
    new_id,
)
from facilitator_app.domain.vocab import ContributionKind, EventFormat, StakeholderCategory
from facilitator_app.services.exchange.exchange_data import ExchangeData
from facilitator_app.services.exchange.reader import read_workbook
from facilitator_app.services.exchange.writer import export_workbook
from facilitator_app.storage.database import EventStore

RECORD_TYPES: list[type[Any]] = [
    Event,
    Venue,
    Table,
    Session,
    AgendaItem,
    StrategyCard,
    TableCard,
    ParticipantCount,
    Theme,
    Contribution,
]

NASTY_TEXTS = [
    "=1+1",
    '=HYPERLINK("http://example.invalid","clic")',
    "+39 011 861 1111",
    "-3 punti di ritardo",
    "@SOMMA(A1:A9)",
    "\tinizia con una tabulazione",
    "\rinizia con un ritorno a capo",
    "riga uno\r\nriga due\nriga tre",
    "caratteri di controllo \x01\x0b\x1f dal copia-incolla",
    "letterale _x0041_ e _x005F_ da non decodificare",
    "  spazi iniziali e finali  ",
    "Città, perché, Łódź, Ærø, Šťastný, Ørsted, Þór, Ğüneş, «virgolette» – “tipografiche”",
]


def _key(record: Any) -> tuple[str, ...]:
    if isinstance(record, StrategyCard):
        return (record.edition, record.code)
    return (record.id,)


def records_of(store: EventStore) -> dict[type[Any], list[Any]]:
    """Every record of an event file, by type, sorted by identity."""
    return {kind: sorted(store.all(kind), key=_key) for kind in RECORD_TYPES}


def enrich(path: Path, clock: FixedClock) -> None:
    """Add to an event file every kind of value the exchange must carry."""
    now = to_iso(clock.now())
    rng = random.Random(7)
    with EventStore.open(path) as store:
        event = store.event()
        tables = store.all(Table, order_by="position")
        sessions = store.all(Session)
        posts = store.contributions()
        themes = store.all(Theme)
        agenda = store.all(AgendaItem, order_by="position")
        records: list[Any] = [
            dataclasses.replace(tables[0], facilitator="Šťastný Łukasz Ørsted", zones=(1, 9)),
            dataclasses.replace(tables[1], facilitator="Anna Müller-Çelik"),
        ]
        start = dt.datetime(2023, 11, 10, 9, 23, tzinfo=dt.UTC)
        for session in sessions[:4]:
            records.append(
                dataclasses.replace(
                    session,
                    actual_start=to_iso(start),
                    actual_end=to_iso(start + dt.timedelta(minutes=64)),
                    pauses=(
                        Pause(
                            to_iso(start + dt.timedelta(minutes=20)),
                            to_iso(start + dt.timedelta(minutes=24)),
                        ),
                        Pause(to_iso(start + dt.timedelta(minutes=50)), None),
                    ),
                    extension_seconds=300,
                )
            )
        records.append(
            dataclasses.replace(
                agenda[4],
                actual_start=to_iso(start),
                actual_end=to_iso(start + dt.timedelta(hours=1)),
            )
        )
        for number, table in enumerate(tables[:3]):
            records.append(
                ParticipantCount(
                    new_id(),
                    event.id,
                    (table.id,),
                    now,
                    now,
                    session=1 + number % 2,
                    present=10 + number,
                    by_zone={1: 3, 9: 2 + number, 10: 0},
                    by_category={
                        StakeholderCategory.CITTADINI.value: 4,
                        StakeholderCategory.TERZO_SETTORE.value: 1,
                    },
                    note="conteggio di prova; con «note»",
                )
            )
        for code, votes, rank in (("2", 5, 1), ("2.3", 3, 2)):
            records.append(
                TableCard(new_id(), tables[1].id, code, now, now, session=1, votes=votes, rank=rank)
            )
        records.append(TableCard(new_id(), tables[1].id, "2.3", now, now, session=None, votes=2))
        loose = Theme(new_id(), tables[0].id, "=tema senza sessione", now, now, session=None)
        gone = Theme(new_id(), tables[0].id, "Tema eliminato", now, now, session=2, deleted_at=now)
        records += [loose, gone]
        for index, text in enumerate(NASTY_TEXTS):
            records.append(
                dataclasses.replace(
                    posts[index],
                    text=text,
                    votes=rng.randint(0, 9),
                    kind=None if index % 4 == 0 else posts[index].kind,
                    zones=(5, 11) if index % 3 == 0 else (),
                    links=(2, 6) if index % 2 == 0 else (),
                    cards=("2.3",) if index == 1 else posts[index].cards,
                    theme_id=loose.id if index == 2 else posts[index].theme_id,
                )
            )
        records.append(dataclasses.replace(posts[20], deleted_at=now, theme_id=gone.id))
        records.append(
            dataclasses.replace(themes[3], synthesis="Sintesi\tcon tab e _x000D_ letterale")
        )
        records.append(
            dataclasses.replace(
                event, title="=Forum «di prova»", in_presence=None, conclusioni="Fine.\r\nDavvero."
            )
        )
        store.save_all(records)


@pytest.fixture
def rich_path(demo_path: Path, clock: FixedClock) -> Path:
    enrich(demo_path, clock)
    return demo_path


def export(path: Path, target: Path, clock: FixedClock, **options: Any) -> Path:
    with EventStore.open(path, read_only=True) as store:
        export_workbook(store, target, clock, device="pc-prova", **options)
    return target


def test_demo_round_trip_gives_back_the_same_records(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "demo.xlsx", clock)
    data = read_workbook(book)
    with EventStore.open(demo_path, read_only=True) as store:
        original = records_of(store)
    read = {kind: sorted(items, key=_key) for kind, items in _by_type(data).items()}
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
