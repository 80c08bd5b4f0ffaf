"""Open, create and write event files durably.

Every write goes through :meth:`EventStore.transaction` (or :meth:`EventStore.save`), which
commits before returning; with WAL and ``synchronous=FULL`` a committed edit survives a
crash or a power cut.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from facilitator_app.domain.errors import (
    DamagedRecordError,
    NotAnEventFileError,
    SchemaTooNewError,
    StorageError,
    message_of,
)
from facilitator_app.domain.model import Event
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, Message, joined
from facilitator_app.storage import event_files
from facilitator_app.storage.codec import CODECS, Codec, ColumnError
from facilitator_app.storage.file_errors import is_disk_refusal, sqlite_reason
from facilitator_app.storage.lock import WriterLock
from facilitator_app.storage.queries import EventQueries
from facilitator_app.storage.schema import (
    APPLICATION_ID,
    KNOWN_MIGRATIONS,
    MIGRATION_STEPS,
    migrations,
)
from facilitator_app.storage.verify import (
    MIGRATIONS_TABLE,
    migrations_table_problems,
    schema_code,
    schema_objects,
    schema_problems,
)

R = TypeVar("R")


def _storage_error(path: Path, error: sqlite3.Error) -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP(
            "Errors", "Impossibile salvare in {file}: {reason}. I dati già salvati sono intatti."
        ),
        file=path,
        reason=sqlite_reason(error, path.parent),
    )


_READ_ONLY = QT_TRANSLATE_NOOP("Errors", "{file} è aperto in sola lettura.")
_INVALID_OR_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors", "{file} non è un file evento valido o è danneggiato ({error})."
)


class EventStore(EventQueries):
    """One event file on disk, read through the named queries of :class:`EventQueries`.

    Use :meth:`open` or :meth:`create` rather than the constructor.
    """

    def __init__(
        self, db: Database, path: Path, *, read_only: bool, lock: WriterLock | None = None
    ) -> None:
        self._db = db  # storage's own; bookkeeping.py is the only other module to use it
        self.path = path
        self.read_only = read_only
        self._lock = lock

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path) -> EventStore:
        """Create a new, empty event file (the file must not exist yet) and open it.

        The file is built out of sight and linked into place only once complete, so a
        failure leaves nothing behind.

        Raises:
            StorageError: the file exists or cannot be written (the message names why).
        """
        target = Path(path)
        handed_over: list[WriterLock] = []
        with cls.building(target, _hand_over=handed_over):
            pass
        return cls._open_locked(target, handed_over[0])

    @classmethod
    @contextmanager
    def building(
        cls, path: str | Path, *, replace: bool = False, _hand_over: list[WriterLock] | None = None
    ) -> Iterator[EventStore]:
        """Build a new event file out of sight; it appears at ``path`` only when complete.

        The block fills the store it is given; when the block returns, the file is sealed
        (all in the main file, fsynced) and linked into place. When anything fails, the
        temporary file is removed and ``path`` is untouched.

        Args:
            path: the event file to create.
            replace: replace an existing file (``demo --force``): its writer lock is taken
                first, so a file open in a window is never replaced.

        Raises:
            StorageError: ``path`` exists (without ``replace``) or cannot be written.
            EventFileLockedError: ``replace`` and ``path`` is open elsewhere.
        """
        target = Path(path)
        guard: WriterLock | None = None
        if os.path.lexists(target):
            if not replace:
                raise StorageError(event_files.FILE_EXISTS, target=target)
            if not target.is_file():
                raise StorageError(
                    QT_TRANSLATE_NOOP("Errors", "{target} non è un file: impossibile sostituirlo."),
                    target=target,
                )
            guard = WriterLock(target)
            guard.acquire()
        try:
            temporary, lock = event_files.temporary_beside(target)
            try:
                yield from cls._fill_and_publish(temporary, target, replace=replace)
            except BaseException:
                lock.release()
                raise
        finally:
            if guard is not None:
                guard.release()
        if _hand_over is not None:
            _hand_over.append(lock)
        else:
            lock.release()

    @classmethod
    def _fill_and_publish(
        cls, temporary: Path, target: Path, *, replace: bool
    ) -> Iterator[EventStore]:
        conn: sqlite3.Connection | None = None
        try:
            try:
                conn = sqlite3.connect(str(temporary))
                store = cls(Database(conn), target, read_only=False)
                store._configure()
                store._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                migrations.apply(store._db)
            except sqlite3.Error as error:
                raise event_files.creation_error(target, error) from error
            yield store
            try:
                store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.close()
                conn = None
            except sqlite3.Error as error:
                raise event_files.creation_error(target, error) from error
            event_files.publish(temporary, target, replace=replace)
        except BaseException:
            if conn is not None:
                with suppress(sqlite3.Error):
                    conn.close()
            event_files.discard(temporary)
            raise

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> EventStore:
        """Open an existing event file, upgrading its schema when it is older.

        Raises:
            NotAnEventFileError: missing file, not SQLite, or another program's database.
            SchemaTooNewError: written by a newer version of the app (left untouched).
            EventFileLockedError: another instance has it open for writing (``read_only``
                still works).
        """
        target = Path(path)
        if not target.is_file():
            raise NotAnEventFileError(
                QT_TRANSLATE_NOOP("Errors", "Il file {file} non esiste."), file=target
            )
        lock = None
        if not read_only:
            event_files.check_writable(target)
            lock = WriterLock(target)
            lock.acquire()
        return cls._open_locked(target, lock)

    @classmethod
    def open_shared(cls, path: str | Path) -> EventStore:
        """Open a writable connection of its own, sharing this process's writer lock.

        The room server writes from its own thread, on its own connection (a SQLite
        connection belongs to one thread), to the file the window has open: it stands on the
        window's lock (WAL and the busy timeout let the two connections take turns). When
        this process does not hold the file (the headless ``room`` command), the lock is
        taken as :meth:`open` does. Either way one process writes the file.

        Raises:
            NotAnEventFileError, SchemaTooNewError, EventFileLockedError: as :meth:`open`.
        """
        target = Path(path)
        if not target.is_file():
            raise NotAnEventFileError(
                QT_TRANSLATE_NOOP("Errors", "Il file {file} non esiste."), file=target
            )
        shared = WriterLock.share(target)
        if shared is None:
            return cls.open(target)
        return cls._open_locked(target, shared)

    @classmethod
    def _open_locked(cls, target: Path, lock: WriterLock | None) -> EventStore:
        """Open ``target``: read-write under ``lock`` (already held), read-only without."""
        read_only = lock is None
        try:
            if read_only:
                conn = sqlite3.connect(event_files.read_only_uri(target), uri=True)
            else:
                conn = sqlite3.connect(str(target))
            # No function of ours may run from the file's own schema, and a source opened
            # to be read cannot be written even by mistake.
            conn.execute("PRAGMA trusted_schema = OFF")
            if read_only:
                conn.execute("PRAGMA query_only = ON")
            store = cls(Database(conn), target, read_only=read_only, lock=lock)
        except sqlite3.Error as error:
            if lock is not None:
                lock.release()
            raise NotAnEventFileError(
                QT_TRANSLATE_NOOP("Errors", "{file} non è un file evento: {error}"),
                file=target,
                error=str(error),
            ) from error
        try:
            store._check_identity()
            if not read_only:
                store._configure()
                migrations.apply(store._db)
        except sqlite3.OperationalError as error:
            store.close()
            if not is_disk_refusal(error):
                raise NotAnEventFileError(
                    _INVALID_OR_DAMAGED, file=target, error=str(error)
                ) from error
            # The disk or the folder refused (read-only, full): the file itself may be sound.
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Impossibile aprire {file}: {reason}. Il file non è stato modificato."
                ),
                file=target,
                reason=sqlite_reason(error, target.parent),
            ) from error
        except (sqlite3.DatabaseError, ValueError) as error:  # ValueError: undecodable text
            store.close()
            raise NotAnEventFileError(
                _INVALID_OR_DAMAGED, file=target, error=message_of(error)
            ) from error
        except Exception:
            store.close()
            raise
        return store

    def _configure(self) -> None:
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.execute("PRAGMA busy_timeout = 5000")
        # SQLite's default 2 MB page cache makes merges of tens of thousands of records
        # (random UUID keys) thrash; 64 MB keeps a large merged event in memory.
        self._db.execute("PRAGMA cache_size = -65536")

    def _check_identity(self) -> None:
        app_id = self._db.execute("PRAGMA application_id").fetchone()[0]
        if app_id == APPLICATION_ID:
            verdict = self._db.execute("PRAGMA quick_check(1)").fetchone()[0]
            if verdict != "ok":
                raise NotAnEventFileError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{file} è danneggiato ({verdict}). Usare una copia di sicurezza o "
                        "l'ultimo file esportato.",
                    ),
                    file=self.path,
                    verdict=verdict,
                )
        if app_id != APPLICATION_ID:
            raise NotAnEventFileError(
                QT_TRANSLATE_NOOP("Errors", "{file} non è un file evento di questa applicazione."),
                file=self.path,
            )
        # sqlite_master first: no query touches a table of the file before its schema is
        # known to be ours (no triggers, no views, the migrations table as we make it).
        conn = self._db.conn
        objects = schema_objects(conn)
        self._refuse_schema(schema_code(objects) or migrations_table_problems(conn, objects))
        has_migrations = any(o.name == MIGRATIONS_TABLE for o in objects)
        applied = {m.name for m in migrations.applied(self._db)} if has_migrations else set()
        unknown = applied - KNOWN_MIGRATIONS
        if unknown:
            raise SchemaTooNewError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file} è stato scritto da una versione più recente dell'applicazione "
                    "(schema: {steps}). Aggiornare l'applicazione: il file non è stato modificato.",
                ),
                file=self.path,
                steps=", ".join(sorted(unknown)),
            )
        version = len(applied)
        if applied != {step.__name__ for step in MIGRATION_STEPS[:version]}:
            steps = ", ".join(sorted(applied))
            self._refuse_schema(
                [
                    Message(
                        QT_TRANSLATE_NOOP("Errors", "passi di schema incoerenti: {steps}"),
                        steps=steps,
                    )
                ]
            )
        self._refuse_schema(schema_problems(conn, objects, version))

    def _refuse_schema(self, problems: Sequence[str]) -> None:
        if len(problems) > 5:
            raise NotAnEventFileError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file} non è un file evento valido: {problems} (e altri {more}). Il file è "
                    "stato rifiutato senza usarlo né modificarlo.",
                ),
                file=self.path,
                problems=joined(problems[:5]),
                more=len(problems) - 5,
            )
        if problems:
            raise NotAnEventFileError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file} non è un file evento valido: {problems}. Il file è stato "
                    "rifiutato senza usarlo né modificarlo.",
                ),
                file=self.path,
                problems=joined(problems),
            )

    def close(self) -> None:
        """Checkpoint the WAL into the main file and close the connection."""
        try:
            if not self.read_only:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # the WAL stays beside the file and is replayed on the next open
        finally:
            self._db.conn.close()
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[EventStore]:
        """All-or-nothing block of writes, committed (durably) on exit.

        Raises:
            StorageError: the disk refused the write; nothing of the block is kept.
        """
        if self.read_only:
            raise StorageError(_READ_ONLY, file=self.path)
        conn = self._db.conn
        try:
            if conn.in_transaction:
                with self._db.atomic():  # a savepoint inside the open transaction
                    yield self
                return
            # IMMEDIATE: the write lock is taken (waiting up to the busy timeout) before the
            # block reads anything. With a deferred BEGIN, a block that reads first (as
            # sqlite-utils does to learn a table's columns) fails at once with "database is
            # locked" when another connection (the room server's) committed meanwhile.
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as error:
            raise _storage_error(self.path, error) from error

    def begin(self) -> None:
        """Open a long transaction (for batch work); end it with :meth:`commit`.

        Writes made meanwhile through :meth:`transaction` become savepoints: each stays
        all-or-nothing, and nothing is durable before :meth:`commit`.
        """
        if self.read_only:
            raise StorageError(_READ_ONLY, file=self.path)
        self._db.conn.execute("BEGIN")

    def commit(self) -> None:
        """Commit the transaction opened by :meth:`begin`, durably.

        Raises:
            StorageError: the disk refused it; nothing since :meth:`begin` is kept.
        """
        try:
            self._db.conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            self.rollback()
            raise _storage_error(self.path, error) from error

    def rollback(self) -> None:
        """Abandon the transaction opened by :meth:`begin`."""
        if self.in_transaction:
            self._db.conn.execute("ROLLBACK")

    @property
    def in_transaction(self) -> bool:
        """True while writes wait for a commit (between :meth:`begin` and :meth:`commit`)."""
        return self._db.conn.in_transaction

    def save(self, *records: Any) -> None:
        """Insert or replace records (any mix of domain types) in one commit."""
        self.save_all(records)

    def save_all(self, records: Iterable[Any]) -> None:
        """Insert or replace many records in one commit, grouped by table."""
        grouped: dict[type[Any], list[Any]] = {}
        for record in records:
            grouped.setdefault(type(record), []).append(record)
        with self.transaction():
            for kind, items in grouped.items():
                codec = CODECS[kind]
                # Whole rows are always written, so INSERT OR REPLACE is an upsert; it skips
                # sqlite-utils' per-value processing, which dominated large merges.
                self._db.conn.executemany(codec.replace_sql, (codec.to_values(i) for i in items))

    def replace_cards(self, edition: str, cards: Iterable[Any]) -> None:
        """Replace every card of one edition with a new set, in one commit."""
        with self.transaction():
            self._db.execute("delete from cards where edition = ?", [edition])
            self.save_all(cards)

    def delete_row(self, kind: type[Any], key: str) -> None:
        """Remove a record for good (post-its and themes are soft-deleted instead)."""
        codec = CODECS[kind]
        with self.transaction():
            self._db.table(codec.table).delete_where("id = ?", [key])

    def set_meta(self, key: str, value: str) -> None:
        """Store a key/value fact about the file."""
        with self.transaction():
            self._db.table("meta").upsert({"key": key, "value": value}, pk="key")

    # -- reading -------------------------------------------------------------------------

    def meta(self, key: str, default: str = "") -> str:
        """Read a key/value fact about the file."""
        rows = list(self._db.table("meta").rows_where("key = ?", [key]))
        return str(rows[0]["value"]) if rows else default

    def all(self, kind: type[R]) -> list[R]:
        """Every record of one kind, in no set order.

        A subset or an order is a named query of :class:`EventQueries`: the store takes no
        SQL from its callers.
        """
        return self._select(kind)

    def _select(
        self,
        kind: type[R],
        where: str | None = None,
        params: Sequence[Any] = (),
        order_by: str | None = None,
    ) -> list[R]:
        """The records of one kind matching a SQL where clause (the named queries' base)."""
        codec: Codec[R] = CODECS[kind]
        row: dict[str, Any] = {}
        try:
            rows = self._db.table(codec.table).rows_where(where, list(params), order_by=order_by)
            found: list[R] = []
            for row in rows:
                found.append(codec.from_row(row))
            return found
        except ColumnError as error:
            record_id = str(row.get("id", row.get("code", "?")))[:60]
            raise DamagedRecordError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file} è danneggiato: nella tabella «{table}» il record {record_id} non è "
                    "leggibile ({error}).",
                ),
                file=self.path,
                error=error.message,
                table=codec.table,
                record_id=record_id,
                column=error.column,
            ) from error
        except sqlite3.DatabaseError as error:
            raise self._damaged(codec.table, error) from error
        except (ValueError, TypeError, KeyError) as error:
            raise self._damaged(codec.table, error) from error

    def _damaged(self, table: str, error: Exception) -> NotAnEventFileError:
        return NotAnEventFileError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} è danneggiato: dati illeggibili nella tabella «{table}» ({error}).",
            ),
            file=self.path,
            table=table,
            error=message_of(error),
        )

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """All rows of a read-only SQL query (aggregates of the named queries).

        Raises:
            NotAnEventFileError: the file turned out to be damaged.
        """
        try:
            return list(self._db.execute(sql, list(params)).fetchall())
        except (sqlite3.DatabaseError, ValueError) as error:
            raise self._damaged("?", error) from error

    def get(self, kind: type[R], key: str) -> R | None:
        """One record by id, or None."""
        found = self._select(kind, "id = ?", [key])
        return found[0] if found else None

    def count(self, kind: type[Any]) -> int:
        """How many records of one kind."""
        return int(self._rows(f"select count(*) from [{CODECS[kind].table}]")[0][0])

    def event(self) -> Event:
        """The event this file holds.

        Raises:
            NotAnEventFileError: the file holds no event yet.
        """
        events = self._select(Event)
        if not events:
            raise NotAnEventFileError(
                QT_TRANSLATE_NOOP("Errors", "{file} non contiene alcun evento."), file=self.path
            )
        return events[0]
