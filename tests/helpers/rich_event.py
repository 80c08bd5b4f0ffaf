"""An event file with every kind of value the exchange must carry, and its helpers.

:func:`enrich` turns the demo into it (the ``rich_path`` fixture of
tests/unit/services/conftest.py); :data:`NASTY_TEXTS` are the post-it texts that try to
break spreadsheets; :func:`records_of` lists a file's records for comparisons.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path
from typing import Any

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
from facilitator_app.domain.vocab import StakeholderCategory
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


def record_key(record: Any) -> tuple[str, ...]:
    """What identifies a record: its id, or edition and code for a strategy card."""
    if isinstance(record, StrategyCard):
        return (record.edition, record.code)
    return (record.id,)


def records_of(store: EventStore) -> dict[type[Any], list[Any]]:
    """Every record of an event file, by type, sorted by identity."""
    return {kind: sorted(store.all(kind), key=record_key) for kind in RECORD_TYPES}


def enrich(path: Path, clock: FixedClock) -> None:
    """Add to an event file every kind of value the exchange must carry."""
    now = to_iso(clock.now())
    rng = random.Random(7)
    with EventStore.open(path) as store:
        event = store.event()
        tables = store.tables()
        sessions = store.all(Session)
        posts = store.contributions()
        themes = store.all(Theme)
        agenda = store.agenda()
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


def export(path: Path, target: Path, clock: FixedClock, **options: Any) -> Path:
    """Export an event file to the exchange workbook ``target`` from device "pc-prova"."""
    with EventStore.open(path, read_only=True) as store:
        export_workbook(store, target, clock, device="pc-prova", **options)
    return target
