"""The coordinator's merge: many tables' and venues' files into one event file.

Every file is read and validated completely first (exported workbooks through
:func:`read_workbook`, event files through :class:`EventStore` in read-only mode plus
the same reference checks) and then merged in one transaction, so a refused file leaves the
merged event untouched while the other files still go in.

Records are matched by UUID. An unknown record is added; a record whose incoming version is
newer (``updated_at``) replaces the stored one; when the stored version came from another
origin (another laptop or set of tables, or the coordinator's own edits) both sides changed
it: the newer wins and the conflict is logged. A deleted post-it or theme stays deleted.
Importing the same file again (same SHA-256) changes nothing.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import (
    DamagedRecordError,
    FacilitatorError,
    InputRefusedError,
    Problem,
    refuse,
)
from facilitator_app.domain.model import (
    AgendaItem,
    Contribution,
    Event,
    ParticipantCount,
    Session,
    StrategyCard,
    Table,
    TableCard,
    Theme,
    Venue,
)
from facilitator_app.services.common.cells import shown_name
from facilitator_app.services.common.files import same_file
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.exchange.exchange_data import ExchangeData, event_file_data
from facilitator_app.services.exchange.reader import read_workbook, reference_problems
from facilitator_app.services.records.validation import RecordFault, RecordsRefusedError
from facilitator_app.storage import bookkeeping
from facilitator_app.storage.codec import CODECS
from facilitator_app.storage.database import EventStore

MERGED_ORIGIN = "file unito (modifiche del coordinamento)"
BATCH_RECORDS = 50_000
BATCH_FILES = 50
SQLITE_MAGIC = b"SQLite format 3\x00"

STATUS_IMPORTED = "importato"
STATUS_ALREADY = "già importato"
STATUS_UPDATED = "aggiornato"
STATUS_CONFLICTS = "conflitti"
STATUS_REFUSED = "rifiutato"
STATUS_UNCHANGED = "nessuna novità"

# Record kinds merged by UUID, in an order where references point backwards.
KINDS: tuple[type[Any], ...] = (
    Event,
    Venue,
    Table,
    Session,
    AgendaItem,
    TableCard,
    ParticipantCount,
    Theme,
    Contribution,
)


@dataclass
class FileResult:
    """What happened to one input file."""

    file: str
    sha256: str = ""
    status: str = ""
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        """True when nothing from the file was imported."""
        return self.status == STATUS_REFUSED

    @property
    def reason(self) -> str:
        """The first problem, for a one-line status."""
        return str(self.problems[0]) if self.problems else ""


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fault_problem(file: str, fault: RecordFault) -> Problem:
    """A record of an event file that breaks a rule: its table, id and column."""
    table = CODECS[fault.kind].table
    return Problem(
        file, f"tabella «{table}», record {fault.record_id}: {fault.message}", column=fault.field
    )


def read_source(
    path: Path, clock: Clock | None = None, progress: Progress = no_progress
) -> ExchangeData:
    """Read and validate one input file (exported workbook or event file).

    Both kinds go through the same record rules (:mod:`facilitator_app.domain.validation`)
    and reference checks; an event file is opened read-only, after its schema is verified.

    Args:
        path: the source.
        clock: the time of the merge, for the latest plausible timestamp (None: no bound).
        progress: steps of reading a workbook.

    Raises:
        InputRefusedError: naming file, sheet or table, row or id, and column.
    """
    file = shown_name(path)
    if not path.is_file():
        raise refuse(file, "il file non esiste")
    with path.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(b"PK\x03\x04"):
        return read_workbook(path, progress=progress, clock=clock)
    if head == SQLITE_MAGIC:
        now = clock.now() if clock is not None else None
        try:
            with EventStore.open(path, read_only=True) as store:
                data = event_file_data(store, check=True, now=now)
        except RecordsRefusedError as error:
            raise InputRefusedError([_fault_problem(file, f) for f in error.faults]) from None
        except DamagedRecordError as error:
            raise refuse(
                file,
                f"tabella «{error.table}», record {error.record_id}: {error.__cause__}",
                column=error.column,
            ) from None
        except FacilitatorError as error:
            raise refuse(file, str(error)) from None
        problems = reference_problems(data, file)
        if problems:
            raise InputRefusedError(problems)
        return data
    if not head:
        raise refuse(file, "il file è vuoto")
    raise refuse(
        file, "non è né un file evento (.sqlite) né una cartella di lavoro esportata (.xlsx)"
    )


def origin_of(data: ExchangeData) -> str:
    """The lineage of a file: the device and the tables it carries.

    A newer export of the same tables from the same laptop has the same origin, so its
    changes are updates, not conflicts.
    """
    device = data.meta.device or "dispositivo anonimo"
    return f"{device} | tavoli {', '.join(sorted(data.meta.table_keys))}"


class _Merger:
    """Merges validated files into one open event file."""

    def __init__(self, store: EventStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.current: dict[type[Any], dict[str, Any]] = {
            kind: {record.id: record for record in store.all(kind)} for kind in KINDS
        }
        self.cards = {(c.edition, c.code) for c in store.all(StrategyCard)}
        # Only (version, origin) per record: a million full rows would not fit a laptop.
        self.provenance = bookkeeping.provenance_versions(store)

    def merge(self, path: Path, data: ExchangeData, digest: str) -> FileResult:
        name = shown_name(path)
        result = FileResult(name, digest)
        events = self.current[Event]
        event = data.records.event
        if events and event.id not in events:
            existing = next(iter(events.values()))
            raise refuse(
                name,
                f"appartiene a un altro evento («{event.title}», {event.date}) "
                f"e non a «{existing.title}» ({existing.date})",
            )
        clashes = self._clashes(path.name, data)
        if clashes:
            raise InputRefusedError(clashes)
        now = to_iso(self.clock.now())
        origin = origin_of(data)
        tables = {t.id: t for t in data.records.tables}
        venues = {v.id: v for v in data.records.venues}
        writes: list[Any] = []
        provenance_rows: list[dict[str, Any]] = []
        conflict_rows: list[dict[str, Any]] = []
        staged: dict[type[Any], dict[str, Any]] = {kind: {} for kind in KINDS}
        for kind, records in _by_kind(data):
            stored_records = self.current[kind]
            for incoming in records:
                stored = stored_records.get(incoming.id)
                merged, action, conflict = self._decide(kind, stored, incoming, origin)
                if conflict:
                    kept: Any = merged if merged is not None else stored
                    lost: Any = stored if merged is not None else incoming
                    stored_origin = self._origin(kind, stored)
                    kept_origin, lost_origin = (
                        (origin, stored_origin) if merged is not None else (stored_origin, origin)
                    )
                    detail = (
                        f"{kind.__name__} {incoming.id}: tenuta la versione del "
                        f"{kept.updated_at} ({kept_origin}), scartata quella del "
                        f"{lost.updated_at} ({lost_origin})"
                    )
                    result.conflicts.append(detail)
                    conflict_rows.append(
                        {
                            "kind": kind.__name__,
                            "record_id": incoming.id,
                            "kept_version": kept.updated_at,
                            "kept_origin": kept_origin,
                            "lost_version": lost.updated_at,
                            "lost_origin": lost_origin,
                            "source_file": name,
                            "detail": detail,
                            "logged_at": now,
                        }
                    )
                if merged is None:
                    result.unchanged += 1
                    continue
                if action == "added":
                    result.added += 1
                else:
                    result.updated += 1
                writes.append(merged)
                staged[kind][merged.id] = merged
                provenance_rows.append(
                    _provenance_row(kind, merged, origin, name, digest, now, tables, venues)
                )
        new_cards = [c for c in data.records.cards if (c.edition, c.code) not in self.cards]
        result.added += len(new_cards)
        with self.store.transaction():
            self.store.save_all([*writes, *new_cards])
            bookkeeping.save_provenance(self.store, provenance_rows)
            if conflict_rows:
                bookkeeping.log_conflicts(self.store, conflict_rows)
            result.status = _status(result)
            bookkeeping.record_import(
                self.store,
                {
                    "sha256": digest,
                    "file": name,
                    "origin": origin,
                    "status": result.status,
                    "imported_at": now,
                    "added": result.added,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "conflicts": len(result.conflicts),
                },
            )
        # Only once committed does the in-memory view move on.
        for kind, changed in staged.items():
            self.current[kind].update(changed)
        self.cards.update((c.edition, c.code) for c in new_cards)
        for row in provenance_rows:
            self.provenance[(row["kind"], row["record_id"])] = (row["version"], row["origin"])
        return result

    def _clashes(self, file: str, data: ExchangeData) -> list[Problem]:
        """Records that would overwrite others of the merged event with another identity.

        A table key or a table's session number must stay unique in the merged event (the
        file's own exports refuse duplicates); a table with a new id but a key already in
        use, or a session in a slot another session holds, would be stored beside it or
        replace it silently.
        """
        problems: list[Problem] = []
        keys = {table.key: table.id for table in self.current[Table].values()}
        for table in data.records.tables:
            owner = keys.get(table.key)
            if owner is not None and owner != table.id:
                problems.append(
                    Problem(
                        file,
                        f"il tavolo {table.id} usa la chiave «{table.key}», già del tavolo "
                        f"{owner} dell'evento unito",
                        column="key",
                    )
                )
        slots = {(s.table_id, s.number): s.id for s in self.current[Session].values()}
        for session in data.records.sessions:
            owner = slots.get((session.table_id, session.number))
            if owner is not None and owner != session.id:
                problems.append(
                    Problem(
                        file,
                        f"la sessione {session.id} occupa la sessione {session.number} del "
                        f"tavolo {session.table_id}, già della sessione {owner}",
                        column="number",
                    )
                )
        return problems

    def _origin(self, kind: type[Any], stored: Any) -> str:
        """Where the stored version came from; edited since its import: the merged file."""
        known = self.provenance.get((kind.__name__, stored.id))
        if known is None or known[0] != stored.updated_at:
            return MERGED_ORIGIN
        return known[1]

    def _decide(
        self, kind: type[Any], stored: Any, incoming: Any, origin: str
    ) -> tuple[Any | None, str, bool]:
        """Return (record to write or None, "added"/"updated"/"kept", conflict?)."""
        if stored is None:
            return incoming, "added", False
        if stored == incoming:
            return None, "kept", False
        same_origin = self._origin(kind, stored) == origin
        if incoming.updated_at > stored.updated_at:
            merged = _keep_deletion(stored, incoming)
            if merged == stored:
                return None, "kept", False
            return merged, "updated", not same_origin
        # An older (or equally old) version: keep ours; from another origin it is a conflict.
        return None, "kept", not same_origin


def _keep_deletion(stored: Any, incoming: Any) -> Any:
    """A post-it or theme deleted anywhere stays deleted."""
    if getattr(stored, "deleted_at", None) and not getattr(incoming, "deleted_at", None):
        return dataclasses.replace(incoming, deleted_at=stored.deleted_at)
    return incoming


def _by_kind(data: ExchangeData) -> list[tuple[type[Any], Sequence[Any]]]:
    records = data.records
    return [
        (Event, (records.event,)),
        (Venue, records.venues),
        (Table, records.tables),
        (Session, records.sessions),
        (AgendaItem, records.agenda),
        (TableCard, records.table_cards),
        (ParticipantCount, records.counts),
        (Theme, records.themes),
        (Contribution, records.contributions),
    ]


def _table_of(record: Any) -> str | None:
    if isinstance(record, Table):
        return record.id
    if isinstance(record, ParticipantCount):
        return record.table_ids[0] if record.table_ids else None
    return getattr(record, "table_id", None)


def _provenance_row(
    kind: type[Any],
    record: Any,
    origin: str,
    file: str,
    digest: str,
    now: str,
    tables: dict[str, Table],
    venues: dict[str, Venue],
) -> dict[str, Any]:
    table = tables.get(_table_of(record) or "")
    venue_id = record.id if isinstance(record, Venue) else (table.venue_id if table else "")
    venue: Venue | None = venues.get(venue_id)
    return {
        "record_id": record.id,
        "kind": kind.__name__,
        "version": record.updated_at,
        "origin": origin,
        "source_file": file,
        "source_sha256": digest,
        "venue": venue.name if venue else "",
        "table_name": table.name if table else "",
        "facilitator": table.facilitator if table else "",
        "imported_at": now,
    }


def _status(result: FileResult) -> str:
    if result.conflicts:
        return STATUS_CONFLICTS
    if result.updated:
        return STATUS_UPDATED
    if result.added:
        return STATUS_IMPORTED
    return STATUS_UNCHANGED


def merge_files(
    target: Path,
    sources: Sequence[Path],
    clock: Clock,
    progress: Progress = no_progress,
    on_result: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Merge files into a merged event file (created when missing).

    Args:
        target: the merged event file.
        sources: exported workbooks (.xlsx) and event files (.sqlite), in any order.
        clock: time of the import, for provenance.
        progress: one step per file.
        on_result: called with each file's result once it is committed.

    Returns:
        One result per source, in order; refused files carry their problems.

    Raises:
        StorageError: the merged file cannot be written (already merged files stay).
    """
    results: list[FileResult] = []
    store: EventStore | None = EventStore.open(target) if target.exists() else None
    merger: _Merger | None = None  # built on the first file that brings anything new
    batch: list[FileResult] = []
    batch_records = 0

    def flush() -> None:
        """Commit the files merged so far, then report them (never before)."""
        nonlocal batch_records
        if store is not None and store.in_transaction:
            store.commit()
        for done_result in batch:
            if on_result:
                on_result(done_result)
        batch.clear()
        batch_records = 0

    # Tens of thousands of long-lived records make the cyclic garbage collector rescan
    # everything again and again (merge time grew faster than the input); records hold no
    # reference cycles, so it is paused for the merge.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for done, path in enumerate(sources):
            name = shown_name(path)
            progress(done, len(sources), name)
            result = FileResult(name)
            try:
                result.sha256 = file_digest(path) if path.is_file() else ""
                if same_file(path, target):  # by identity: symlinks and hard links too
                    raise refuse(name, "è il file unito stesso")
                already = store is not None and bookkeeping.imported_file(store, result.sha256)
                if result.sha256 and already:
                    result.status = STATUS_ALREADY
                    results.append(result)
                    batch.append(result)
                    continue
                data = read_source(path, clock)
                if store is None:
                    store = EventStore.create(target)
                if merger is None:
                    merger = _Merger(store, clock)
                if not store.in_transaction:
                    store.begin()
                result = merger.merge(path, data, result.sha256)
                batch_records += result.added + result.updated
            except InputRefusedError as error:
                result.status = STATUS_REFUSED
                result.problems = list(error.problems)
            except (OverflowError, ValueError, TypeError) as error:
                # A value the event file cannot hold: the file's own savepoint is already
                # rolled back, so only this file is refused and the batch goes on.
                result = FileResult(name, result.sha256, STATUS_REFUSED)
                result.problems = [Problem(name, f"dati non registrabili ({error})")]
            results.append(result)
            batch.append(result)
            # Files are committed in batches: one commit per file would cost a disk flush
            # and a WAL checkpoint each; a crash loses at most the current batch, and
            # merging again re-imports exactly those files.
            if batch_records >= BATCH_RECORDS or len(batch) >= BATCH_FILES:
                flush()
        flush()
        progress(len(sources), len(sources), "fatto")
    except BaseException:
        if store is not None and store.in_transaction:
            store.rollback()
        raise
    finally:
        if collecting:
            gc.enable()
        if store is not None:
            store.close()
    return results
