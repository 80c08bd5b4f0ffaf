"""The merged event's bookkeeping rows: imported files, provenance and conflicts.

Plain dict rows rather than domain records: they describe files and origins, not the forum.
Writes happen inside the caller's :meth:`EventStore.transaction`. Part of storage, this module
reads the store's private database handle; nothing outside storage does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from facilitator_app.storage.database import EventStore


def imported_file(store: EventStore, sha256: str) -> dict[str, Any] | None:
    """The import record of a file already merged (by content hash), or None."""
    rows = list(store._db.table("merge_imports").rows_where("sha256 = ?", [sha256]))
    return rows[0] if rows else None


def record_import(store: EventStore, row: dict[str, Any]) -> None:
    """Remember that a file was merged (a log: re-imports are decided by the versions)."""
    store._db.table("merge_imports").upsert(row, pk="sha256")


def imports(store: EventStore) -> list[dict[str, Any]]:
    """Every merged file, oldest first."""
    return list(store._db.table("merge_imports").rows_where(order_by="imported_at"))


def provenance(store: EventStore) -> dict[tuple[str, str], dict[str, Any]]:
    """Where the current version of every merged record came from, by (kind, id)."""
    return {
        (row["kind"], row["record_id"]): row for row in store._db.table("provenance").rows_where()
    }


PROVENANCE_COLUMNS = (
    "record_id",
    "kind",
    "version",
    "origin",
    "source_file",
    "source_sha256",
    "venue",
    "table_name",
    "facilitator",
    "imported_at",
)


def provenance_versions(store: EventStore) -> dict[tuple[str, str], tuple[str, str]]:
    """(version, origin) of every merged record by (kind, id): what a merge needs, compactly."""
    rows = store._db.execute("select kind, record_id, version, origin from provenance")
    return {(kind, record_id): (version, origin) for kind, record_id, version, origin in rows}


def save_provenance(store: EventStore, rows: Iterable[Sequence[Any]]) -> None:
    """Insert or replace provenance rows, values in :data:`PROVENANCE_COLUMNS` order.

    One per merged record, so written in bulk and as plain tuples.
    """
    names = ", ".join(PROVENANCE_COLUMNS)
    marks = ", ".join("?" for _ in PROVENANCE_COLUMNS)
    store._db.conn.executemany(
        f"INSERT OR REPLACE INTO provenance ({names}) VALUES ({marks})", rows
    )


def log_conflicts(store: EventStore, rows: Iterable[dict[str, Any]]) -> None:
    """Append conflict rows (both sides changed a record; the newer won)."""
    store._db.table("merge_conflicts").insert_all(rows)


def conflicts(store: EventStore) -> list[dict[str, Any]]:
    """Every logged conflict, oldest first."""
    return list(store._db.table("merge_conflicts").rows_where(order_by="id"))
