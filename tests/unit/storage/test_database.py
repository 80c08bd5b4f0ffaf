from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from facilitator_app.domain.errors import NotAnEventFileError, SchemaTooNewError, StorageError
from facilitator_app.domain.model import (
    Contribution,
    Event,
    ParticipantCount,
    Pause,
    Session,
    Theme,
    new_id,
)
from facilitator_app.domain.vocab import ContributionKind, EventFormat
from facilitator_app.storage.database import EventStore
from tests.helpers.raw_file import applied_migrations, full_disk, raw_file, store_pragma

NOW = "2023-11-10T09:20:00.000000+00:00"


def _event() -> Event:
    return Event(
        new_id(), "Forum", "2023-11-10", EventFormat.ASSI, "2024-2026", "2021-2023", NOW, NOW
    )


def test_new_file_is_wal_with_full_sync(tmp_path: Path) -> None:
    with EventStore.create(tmp_path / "e.sqlite") as store:
        with raw_file(store.path) as conn:  # WAL is a property of the file
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store_pragma(store, "synchronous") == 2  # FULL, a setting of the connection


def test_records_round_trip_with_tuples_dicts_enums_and_pauses(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite"
    event = _event()
    post = Contribution(
        new_id(),
        "t1",
        2,
        "Più treni per le valli; 'quote' -- DROP TABLE",
        NOW,
        NOW,
        kind=ContributionKind.ESIGENZA,
        axis=3,
        cards=("3.1", "3.1.2"),
        zones=(6, 9),
        links=(6,),
        votes=4,
    )
    count = ParticipantCount(
        new_id(),
        event.id,
        ("t1", "t2"),
        NOW,
        NOW,
        session=1,
        present=26,
        by_zone={1: 10, 9: 3},
        by_category={"cittadini": 5},
    )
    session = Session(new_id(), "t1", 1, "Domanda?", NOW, NOW, pauses=(Pause(NOW, None),))
    with EventStore.create(path) as store:
        store.save(event, post, count, session)
    with EventStore.open(path) as store:
        assert store.event() == event
        assert store.get(Contribution, post.id) == post
        assert store.get(ParticipantCount, count.id) == count
        assert store.get(Session, session.id) == session


def test_soft_deleted_posts_are_hidden_but_kept(tmp_path: Path) -> None:
    post = Contribution(new_id(), "t1", 1, "testo", NOW, NOW)
    with EventStore.create(tmp_path / "e.sqlite") as store:
        store.save(post, dataclasses.replace(post, id=new_id(), deleted_at=NOW))
        assert len(store.contributions()) == 1
        assert len(store.contributions(include_deleted=True)) == 2


def test_committed_edit_survives_an_unclosed_connection(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite"
    store = EventStore.create(path)
    store.save(_event())
    # No close(): a second connection must already see the committed row.
    other = sqlite3.connect(path)
    assert other.execute("select count(*) from events").fetchone()[0] == 1
    other.close()
    store.close()


def test_failed_transaction_keeps_nothing(tmp_path: Path) -> None:
    with EventStore.create(tmp_path / "e.sqlite") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.save(_event())
            raise RuntimeError("boom")
        assert store.count(Event) == 0


def test_newer_schema_is_refused_and_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite"
    with EventStore.create(path) as store:
        store.save(_event())
    with raw_file(path) as conn:
        conn.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at) values (?, ?, ?)",
            ["facilitator_app", "m999_from_the_future", NOW],
        )
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="più recente"):
        EventStore.open(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("content", [b"", b"hello, not a database" * 100])
def test_non_sqlite_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "e.sqlite"
    path.write_bytes(content)
    with pytest.raises(NotAnEventFileError):
        EventStore.open(path)


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("create table x (a)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAnEventFileError, match="non è un file evento"):
        EventStore.open(path)


def test_create_refuses_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite"
    path.write_text("x")
    with pytest.raises(StorageError, match="esiste già"):
        EventStore.create(path)


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite"
    with EventStore.create(path) as store:
        store.save(_event())
    with (
        EventStore.open(path, read_only=True) as store,
        pytest.raises(StorageError, match="sola lettura"),
    ):
        store.save(Theme(new_id(), "t", "tema", NOW, NOW))


def test_full_disk_gives_a_clear_message_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite"
    with EventStore.create(path) as store:
        store.save(_event())
        big = [Contribution(new_id(), "t", 1, "x" * 1500, NOW, NOW) for _ in range(200)]
        with full_disk(store), pytest.raises(StorageError, match="disco è pieno"):
            store.save_all(big)
        assert store.count(Contribution) == 0
        assert store.count(Event) == 1


def test_older_file_is_upgraded_by_the_migrations(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from facilitator_app.storage.schema import APPLICATION_ID, migrations

    path = tmp_path / "old.sqlite"
    db = Database(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db, stop_before="m002_merge_bookkeeping")
    db.table("events").insert(
        {
            "id": "e1",
            "title": "Vecchio",
            "date": "2023-11-10",
            "format": "assi",
            "created_at": NOW,
            "updated_at": NOW,
        }
    )
    db.conn.close()
    with EventStore.open(path) as store:
        assert store.event().title == "Vecchio"
        with raw_file(path) as conn:  # the table m002 adds is there, empty
            assert conn.execute("select count(*) from merge_imports").fetchone()[0] == 0
        assert applied_migrations(path) == {
            m.name for m in migrations.pending(Database(memory=True))
        }
