"""Records as version contents, and the version nodes kept in an event file.

A record's content is its row (as stored: lists and maps as JSON text) without
``updated_at``, in canonical JSON (:func:`facilitator_app.domain.versions.canonical_json`);
the same record always gives the same text, on any laptop.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from facilitator_app.domain.versions import VersionNode, canonical_json
from facilitator_app.storage.codec import CODECS
from facilitator_app.storage.database import EventStore

KIND_BY_NAME: dict[str, type[Any]] = {kind.__name__: kind for kind in CODECS}


def content_of(record: Any) -> str:
    """The record's fields but ``updated_at``, as canonical JSON."""
    return encode(record)[1]


def encode(record: Any) -> tuple[tuple[Any, ...], str]:
    """The record's column values (as :func:`save_encoded` writes them) and its content.

    One encoding serves both: a merge writes the row whose version it has just hashed.
    """
    codec = CODECS[type(record)]
    values = codec.to_values(record)
    row = dict(zip(codec.columns, values, strict=True))
    del row["updated_at"]
    return values, canonical_json(row)


def save_encoded(store: EventStore, kind: type[Any], rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert or replace rows of one kind, as :func:`encode` gives them (whole rows)."""
    if rows:
        store._db.conn.executemany(CODECS[kind].replace_sql, rows)


def record_from(kind: str, content: str, updated_at: str) -> Any:
    """The record a version's content stands for."""
    row = json.loads(content)
    row["updated_at"] = updated_at
    return CODECS[KIND_BY_NAME[kind]].from_row(row)


_COLUMNS = ("node", "kind", "record_id", "parents", "content", "updated_at")


def _has_versions(store: EventStore) -> bool:
    return bool(store._db.table("record_versions").exists())


def _nodes(rows: Iterable[tuple[str, str, str, str, str, str]]) -> list[VersionNode]:
    return [
        VersionNode(node, kind, record_id, tuple(json.loads(parents)), content, updated_at)
        for node, kind, record_id, parents, content, updated_at in rows
    ]


def load_versions(store: EventStore) -> list[VersionNode]:
    """Every version node of the file (none in files from before versions)."""
    if not _has_versions(store):
        return []
    return _nodes(store._db.execute(f"select {', '.join(_COLUMNS)} from record_versions"))


def versions_of(store: EventStore, kind: str, record_id: str) -> list[VersionNode]:
    """The version nodes of one record (through the index on kind and record id)."""
    if not _has_versions(store):
        return []
    rows = store._db.execute(
        f"select {', '.join(_COLUMNS)} from record_versions where kind = ? and record_id = ?",
        [kind, record_id],
    )
    return _nodes(rows)


def node_key(node: str) -> bytes:
    """A node id held compactly: the 32 bytes of its SHA-256 rather than 64 hex characters."""
    return bytes.fromhex(node)


def version_index(store: EventStore) -> tuple[set[bytes], dict[str, set[str]]]:
    """What a merge keeps in memory of the file's versions: ids, never contents.

    Returns:
        Every node id (:func:`node_key`), and the ids of the records that have versions, by
        kind name.
    """
    nodes: set[bytes] = set()
    records: dict[str, set[str]] = {}
    if _has_versions(store):
        for node, kind, record_id in store._db.execute(
            "select node, kind, record_id from record_versions"
        ):
            nodes.add(node_key(node))
            records.setdefault(kind, set()).add(record_id)
    return nodes, records


def record_ids(store: EventStore, kind: type[Any]) -> set[str]:
    """The ids of every stored record of one kind (without decoding the records)."""
    return {row[0] for row in store._db.execute(f"select id from [{CODECS[kind].table}]")}


def save_versions(store: EventStore, nodes: Iterable[VersionNode]) -> None:
    """Add version nodes (a node already there is the same node: kept)."""
    marks = ", ".join("?" for _ in _COLUMNS)
    store._db.conn.executemany(
        f"INSERT OR IGNORE INTO record_versions ({', '.join(_COLUMNS)}) VALUES ({marks})",
        (
            (
                n.node,
                n.kind,
                n.record_id,
                json.dumps(list(n.parents)) if n.parents else "[]",
                n.content,
                n.updated_at,
            )
            for n in nodes
        ),
    )
