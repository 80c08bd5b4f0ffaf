"""The coordinator's merge: many tables' and venues' files into one event file.

Every file is read and validated completely first (exported workbooks through
:func:`read_workbook`, event files through :class:`EventStore` in read-only mode plus
the same reference checks) and then merged in one transaction, so a refused file leaves the
merged event untouched while the other files still go in.

Records are matched by UUID and merged three-way (``domain/versions.py``): the merged file
keeps every version it has seen of each record; what a record shows is a function of that
set alone, so the order and grouping of the files never change the result. A field changed
on one side only merges; the same field changed differently on two sides, or a deletion
against an edit, is a conflict (kept, listed, resolvable: ``services/merge/conflicts.py``).
A file whose versions are all known already is "già importato", whatever its bytes.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import (
    InputRefusedError,
    Problem,
    message_of,
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
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.versions import Materialised, VersionNode, make_node, materialise
from facilitator_app.services.common.cells import shown_name
from facilitator_app.services.common.files import same_file
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.exchange.exchange_data import ExchangeData
from facilitator_app.services.merge.sources import (
    SQLITE_MAGIC,
    decode_source,
    file_digest,
    private_copy,
    read_source,
    source_digest,
)
from facilitator_app.services.records.versions import group_versions, own_version
from facilitator_app.storage import bookkeeping
from facilitator_app.storage.database import EventStore
from facilitator_app.storage.versions import (
    encode,
    node_key,
    record_from,
    record_ids,
    save_encoded,
    save_versions,
    version_index,
    versions_of,
)

__all__ = [
    "SQLITE_MAGIC",
    "FileResult",
    "file_digest",
    "merge_files",
    "origin_of",
    "read_source",
]

BATCH_RECORDS = 50_000
BATCH_FILES = 50

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
# Kinds the merger keeps whole in memory: few records, needed by the identity checks.
WHOLE: tuple[type[Any], ...] = (Event, Table, Session)


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


def origin_of(data: ExchangeData) -> str:
    """The lineage of a file, for provenance: the device and the tables it carries."""
    device = data.meta.device or "dispositivo anonimo"
    return f"{device} | tavoli {', '.join(sorted(data.meta.table_keys))}"


class _Merger:
    """Merges validated files into one open event file: a union of version sets.

    What it keeps in memory is what deciding needs, never the records' contents: the ids of
    every version node (32 bytes each), the ids of the records the merged file has (a row
    or versions), and the events, tables and sessions whole (for the identity checks). A
    record the file brings something new for, and which the merged file already has, is
    read back from the file (its row and its versions) when it is merged: few records are.
    """

    def __init__(self, store: EventStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.nodes, versioned = version_index(store)
        self.present: dict[type[Any], set[str]] = {}
        for kind in KINDS:
            ids = record_ids(store, kind)
            ids.update(versioned.get(kind.__name__, ()))
            self.present[kind] = ids
        self.whole: dict[type[Any], dict[str, Any]] = {
            kind: {record.id: record for record in store.all(kind)} for kind in WHOLE
        }
        self.cards = {(c.edition, c.code) for c in store.all(StrategyCard)}

    def merge(self, path: Path, data: ExchangeData, digest: str) -> FileResult:
        name = shown_name(path)
        result = FileResult(name, digest)
        events = self.whole[Event]
        event = data.records.event
        if events and event.id not in events:
            existing = next(iter(events.values()))
            raise refuse(
                name,
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "appartiene a un altro evento («{title}», {date}) e non a «{ours}» "
                    "({our_date})",
                ),
                title=event.title,
                date=event.date,
                ours=existing.title,
                our_date=existing.date,
            )
        clashes = self._clashes(path.name, data)
        if clashes:
            raise InputRefusedError(clashes)
        now = to_iso(self.clock.now())
        origin = origin_of(data)
        provenance = _Provenance(data, origin, name, digest, now)
        given = group_versions(data.stored_versions)
        anonymised = data.meta.anonymised
        known_nodes = self.nodes
        rows: dict[type[Any], list[tuple[Any, ...]]] = {kind: [] for kind in KINDS}
        new_nodes: list[VersionNode] = []
        conflict_rows: list[dict[str, Any]] = []
        staged: dict[type[Any], dict[str, Any]] = {kind: {} for kind in KINDS}
        for kind, records in _by_kind(data):
            present = self.present[kind]
            kind_name = kind.__name__
            for record in records:
                # What the file says of the record: the versions it was given, and its
                # current row's own when the row differs from them (one encoding serves
                # the version's hash and the row written).
                values, content = encode(record)
                stored_nodes = given.get((kind_name, record.id))
                if stored_nodes:
                    own = own_version(record, stored_nodes, content)
                    carried = [*stored_nodes, own] if own is not None else stored_nodes
                else:
                    carried = [make_node(kind_name, record.id, content, record.updated_at)]
                fresh = [n for n in carried if node_key(n.node) not in known_nodes]
                if not fresh:
                    result.unchanged += 1
                    continue
                if record.id not in present and len(fresh) == 1:
                    # A record new to the merged file, as the file has it: the common case,
                    # spared decoding its version back into a record.
                    new_nodes.append(fresh[0])
                    result.added += 1
                    rows[kind].append(values)
                    staged[kind][record.id] = record
                    provenance.add(kind, record)
                    continue
                known = {n.node: n for n in versions_of(self.store, kind_name, record.id)}
                if anonymised and kind is Table and known:
                    # Its facilitator is blank by design, not edited: a known table stays.
                    result.unchanged += 1
                    continue
                stored = self.store.get(kind, record.id)
                if stored is not None:
                    # The coordinator's own edit (or a record from before versions) is a
                    # version too, edited from what the merged file last showed.
                    mine = own_version(stored, list(known.values()))
                    if mine is not None and mine.node not in known:
                        fresh.append(mine)
                nodes = {**known, **{n.node: n for n in fresh}}
                new_nodes.extend(fresh)
                state = materialise(list(nodes.values()))
                merged = record_from(kind_name, state.content, state.updated_at)
                before = materialise(list(known.values())).conflicts if len(known) > 1 else ()
                if state.conflicts and state.conflicts != before:
                    detail = conflict_text(kind_name, record.id, state)
                    result.conflicts.append(detail)
                    conflict_rows.append(_conflict_row(kind, record.id, state, name, detail, now))
                if merged == stored:
                    result.unchanged += 1
                    continue
                if stored is None:
                    result.added += 1
                else:
                    result.updated += 1
                rows[kind].append(encode(merged)[0])
                staged[kind][merged.id] = merged
                provenance.add(kind, merged)
        new_cards = [c for c in data.records.cards if (c.edition, c.code) not in self.cards]
        result.added += len(new_cards)
        if not new_nodes and not new_cards:
            # Nothing this file carries is new: already imported, whatever its bytes.
            result.status = STATUS_ALREADY
            return result
        with self.store.transaction():
            for kind, encoded in rows.items():
                save_encoded(self.store, kind, encoded)
            self.store.save_all(new_cards)
            save_versions(self.store, new_nodes)
            bookkeeping.save_provenance(self.store, provenance.rows)
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
            self.present[kind].update(changed)
            if kind in self.whole:
                self.whole[kind].update(changed)
        self.cards.update((c.edition, c.code) for c in new_cards)
        self.nodes.update(node_key(n.node) for n in new_nodes)
        return result

    def _clashes(self, file: str, data: ExchangeData) -> list[Problem]:
        """Records that would overwrite others of the merged event with another identity.

        A table key or a table's session number must stay unique in the merged event (the
        file's own exports refuse duplicates); a table with a new id but a key already in
        use, or a session in a slot another session holds, would be stored beside it or
        replace it silently.
        """
        problems: list[Problem] = []
        keys = {table.key: table.id for table in self.whole[Table].values()}
        for table in data.records.tables:
            owner = keys.get(table.key)
            if owner is not None and owner != table.id:
                problems.append(
                    Problem(
                        file,
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "il tavolo {table} usa la chiave «{key}», già del tavolo {owner} "
                            "dell'evento unito",
                        ),
                        params=(("table", table.id), ("key", table.key), ("owner", owner)),
                        column="key",
                    )
                )
        slots = {(s.table_id, s.number): s.id for s in self.whole[Session].values()}
        for session in data.records.sessions:
            owner = slots.get((session.table_id, session.number))
            if owner is not None and owner != session.id:
                problems.append(
                    Problem(
                        file,
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "la sessione {session} occupa la sessione {number} del tavolo "
                            "{table}, già della sessione {owner}",
                        ),
                        params=(
                            ("session", session.id),
                            ("number", session.number),
                            ("table", session.table_id),
                            ("owner", owner),
                        ),
                        column="number",
                    )
                )
        return problems


def conflict_text(kind: str, record_id: str, state: Materialised) -> str:
    """One line for a record in conflict: its fields, and which side is shown."""
    fields = ", ".join(c.field for c in state.conflicts)
    shown = state.leaves[0]
    others = ", ".join(leaf.updated_at for leaf in state.leaves[1:])
    return (
        f"{kind} {record_id}: modificato in più file ({fields}); mostrata la versione del "
        f"{shown.updated_at}, conservate anche quelle del {others}"
    )


def _conflict_row(
    kind: type[Any], record_id: str, state: Materialised, file: str, detail: str, now: str
) -> dict[str, Any]:
    return {
        "kind": kind.__name__,
        "record_id": record_id,
        "kept_version": state.leaves[0].updated_at,
        "kept_origin": state.leaves[0].node,
        "lost_version": state.leaves[1].updated_at,
        "lost_origin": state.leaves[1].node,
        "source_file": file,
        "detail": detail,
        "logged_at": now,
    }


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


class _Provenance:
    """The provenance rows of one file (``bookkeeping.PROVENANCE_COLUMNS`` order).

    Built for every record merged, so the venue, table and facilitator of a table are
    looked up once per table, not once per post-it.
    """

    def __init__(self, data: ExchangeData, origin: str, file: str, digest: str, now: str) -> None:
        self.tables = {t.id: t for t in data.records.tables}
        self.venues = {v.id: v for v in data.records.venues}
        self.fixed = (origin, file, digest)
        self.now = now
        self.places: dict[str | None, tuple[str, str, str]] = {}
        self.rows: list[tuple[Any, ...]] = []

    def _place(self, table_id: str | None) -> tuple[str, str, str]:
        place = self.places.get(table_id)
        if place is None:
            table = self.tables.get(table_id or "")
            venue = self.venues.get(table.venue_id) if table else None
            place = (
                venue.name if venue else "",
                table.name if table else "",
                table.facilitator if table else "",
            )
            self.places[table_id] = place
        return place

    def add(self, kind: type[Any], record: Any) -> None:
        """The row of a record merged from this file."""
        if kind is Venue:
            venue = self.venues.get(record.id)
            place = (venue.name if venue else "", "", "")
        else:
            place = self._place(_table_of(record))
        self.rows.append(
            (record.id, kind.__name__, record.updated_at, *self.fixed, *place, self.now)
        )


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
                if same_file(path, target):  # by identity: symlinks and hard links too
                    raise refuse(name, QT_TRANSLATE_NOOP("Errors", "è il file unito stesso"))
                result.sha256 = source_digest(path)
                if store is not None and bookkeeping.imported_file(store, result.sha256):
                    # The very bytes (a -wal's included) merged before: nothing to read.
                    result.status = STATUS_ALREADY
                else:
                    with private_copy(path) as (copy, digest):
                        result.sha256 = digest
                        # Otherwise "already imported" is decided by the versions the file
                        # carries (the same records may come in other bytes).
                        data = decode_source(copy, clock)
                        if store is None:
                            store = EventStore.create(target)
                        if merger is None:
                            merger = _Merger(store, clock)
                        if not store.in_transaction:
                            store.begin()
                        result = merger.merge(path, data, digest)
                batch_records += result.added + result.updated
            except InputRefusedError as error:
                result.status = STATUS_REFUSED
                result.problems = list(error.problems)
            except (OverflowError, ValueError, TypeError) as error:
                # A value the event file cannot hold: the file's own savepoint is already
                # rolled back, so only this file is refused and the batch goes on.
                result = FileResult(name, result.sha256, STATUS_REFUSED)
                result.problems = [
                    Problem(
                        name,
                        QT_TRANSLATE_NOOP("Errors", "dati non registrabili ({why})"),
                        params=(("why", message_of(error)),),
                    )
                ]
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
