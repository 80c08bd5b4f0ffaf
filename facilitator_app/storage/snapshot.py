"""A consistent copy of an event file to hand on (SQLite's backup API, never a raw copy).

Copying the file's bytes while the window writes could catch a page half-way, and a WAL
file holds committed changes the main file does not have yet. The backup API reads one
consistent state through SQLite itself; the copy is a single file in rollback mode (no
``-wal`` beside it), ready to be sent.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator_app.domain.errors import StorageError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.storage.event_files import read_only_uri
from facilitator_app.storage.file_errors import sqlite_reason

_NO_SNAPSHOT = QT_TRANSLATE_NOOP("Errors", "Impossibile copiare {source}: {reason}.")


def snapshot(source: Path, target: Path) -> None:
    """Write a consistent copy of the event file ``source`` to ``target`` (a new file).

    Raises:
        StorageError: the file could not be read or the copy written.
    """
    try:
        reading = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            writing = sqlite3.connect(str(target))
            try:
                reading.backup(writing)
                writing.execute("PRAGMA journal_mode=DELETE")  # one file: nothing beside it
            finally:
                writing.close()
        finally:
            reading.close()
    except sqlite3.Error as error:
        raise StorageError(
            _NO_SNAPSHOT, source=source, reason=sqlite_reason(error, target.parent)
        ) from None
