"""Records as version contents, and the version nodes kept in an event file.

A record's content is its row (as stored: lists and maps as JSON text) without
``updated_at``, in canonical JSON (:func:`facilitator_app.domain.versions.canonical_json`);
the same record always gives the same text, on any laptop.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from facilitator_app.domain.versions import VersionNode, canonical_json
from facilitator_app.storage.codec import CODECS
from facilitator_app.storage.database import EventStore

KIND_BY_NAME: dict[str, type[Any]] = {kind.__name__: kind for kind in CODECS}


def content_of(record: Any) -> str:
    """The record's fields but ``updated_at``, as canonical JSON."""
    row = CODECS[type(record)].to_row(record)
    del row["updated_at"]
    return canonical_json(row)


def record_from(kind: str, content: str, updated_at: str) -> Any:
    """The record a version's content stands for."""
    row = json.loads(content)
    row["updated_at"] = updated_at
    return CODECS[KIND_BY_NAME[kind]].from_row(row)


_COLUMNS = ("node", "kind", "record_id", "parents", "content", "updated_at")


def load_versions(store: EventStore) -> list[VersionNode]:
    """Every version node of the file (none in files from before versions)."""
    db = store._db
    if not db.table("record_versions").exists():
        return []
    rows = db.execute(f"select {', '.join(_COLUMNS)} from record_versions").fetchall()
    return [
        VersionNode(node, kind, record_id, tuple(json.loads(parents)), content, updated_at)
        for node, kind, record_id, parents, content, updated_at in rows
    ]


def save_versions(store: EventStore, nodes: Iterable[VersionNode]) -> None:
    """Add version nodes (a node already there is the same node: kept)."""
    marks = ", ".join("?" for _ in _COLUMNS)
    store._db.conn.executemany(
        f"INSERT OR IGNORE INTO record_versions ({', '.join(_COLUMNS)}) VALUES ({marks})",
        (
            (n.node, n.kind, n.record_id, json.dumps(list(n.parents)), n.content, n.updated_at)
            for n in nodes
        ),
    )
