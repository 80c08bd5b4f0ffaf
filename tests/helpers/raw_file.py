"""Raw SQLite access to an event file, for tests that check or attack the file itself.

The store offers no SQL: a test that needs a PRAGMA, a trigger planted on purpose or a look
at the migrations table opens the file with the stdlib ``sqlite3`` module
(:func:`raw_file`). Two connection settings cannot be reached that way, as SQLite keeps
them per connection: ``synchronous`` and ``max_page_count``. :func:`store_pragma` and
:func:`full_disk` read and set them on the store's own connection; they are the only
helpers that touch the store's private handle (tests/unit/test_architecture.py lets them).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from facilitator_app.storage.database import EventStore
from facilitator_app.storage.schema import migrations

# SQLite's largest page count: no limit in practice.
_NO_PAGE_LIMIT = 1073741823


@contextmanager
def raw_file(path: Path) -> Iterator[sqlite3.Connection]:
    """A stdlib connection to the file, beside any store that has it open; commits on exit."""
    with closing(sqlite3.connect(path)) as conn, conn:
        yield conn


def applied_migrations(path: Path) -> set[str]:
    """The names of the schema migrations the file records as applied."""
    with closing(sqlite3.connect(path)) as conn:
        return {migration.name for migration in migrations.applied(Database(conn))}


def store_pragma(store: EventStore, name: str) -> Any:
    """The value of a per-connection PRAGMA on the store's own connection."""
    return store._db.execute(f"PRAGMA {name}").fetchone()[0]


@contextmanager
def full_disk(store: EventStore) -> Iterator[None]:
    """The disk is full for the store (not one more page) until the block ends."""
    pages = store_pragma(store, "page_count")
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    try:
        yield
    finally:
        store._db.execute(f"PRAGMA max_page_count = {_NO_PAGE_LIMIT}")
