"""The post-its' meaning vectors kept in the event file (table ``post_it_embeddings``).

Derived data: a vector can always be computed again from its post-it's text, so the table
is not part of the exchange workbook, the merge or the record versions, and a merged file
computes its own. A stored vector is only handed out for the model that made it and for the
exact text it was made from (its SHA-256), and only when its bytes have the stated length:
a vector of an edited post-it, of another model or of a crafted file is never trusted.
Part of storage, this module reads the store's private database handle.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from facilitator_app.storage.database import EventStore

TABLE = "post_it_embeddings"
# Bytes of one float32 component.
FLOAT_BYTES = 4
# Ids per query: below SQLite's smallest limit of bound parameters (999).
_CHUNK = 900


@dataclass(frozen=True, slots=True)
class StoredVector:
    """One post-it's vector as stored.

    Attributes:
        contribution_id: the post-it.
        model_id: the model (and version) that made the vector.
        text_sha256: hex SHA-256 of the UTF-8 text the vector was made from.
        dimensions: how many float32 components.
        vector: the components, little-endian float32 bytes.
    """

    contribution_id: str
    model_id: str
    text_sha256: str
    dimensions: int
    vector: bytes


def can_store_vectors(store: EventStore) -> bool:
    """True when vectors can be written: the file is writable and has the table.

    A file opened read-only is not upgraded, so an older one may lack the table.
    """
    return not store.read_only and bool(store._db.table(TABLE).exists())


def stored_vectors(
    store: EventStore, text_hashes: Mapping[str, str], model_id: str
) -> dict[str, bytes]:
    """The stored vectors still valid for the given post-its.

    Args:
        store: the event file.
        text_hashes: post-it id -> SHA-256 (hex) of its current text.
        model_id: the model in use.

    Returns:
        Post-it id -> vector bytes, only for rows of ``model_id`` whose text hash matches
        and whose bytes are ``dimensions`` float32 values; the others are to be recomputed.
    """
    if not text_hashes or not store._db.table(TABLE).exists():
        return {}
    ids = list(text_hashes)
    found: dict[str, bytes] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        rows = store._rows(
            f"select contribution_id, text_sha256, vector from {TABLE} "
            f"where model_id = ? and typeof(vector) = 'blob' and dimensions > 0 "
            f"and length(vector) = dimensions * {FLOAT_BYTES} "
            f"and contribution_id in ({marks})",
            [model_id, *chunk],
        )
        for contribution_id, text_sha256, vector in rows:
            if text_hashes.get(contribution_id) == text_sha256:
                found[contribution_id] = bytes(vector)
    return found


def save_vectors(store: EventStore, vectors: Iterable[StoredVector]) -> None:
    """Insert or replace many post-its' vectors in one transaction (all or none).

    Raises:
        StorageError: the file is read-only or the disk refused; nothing is written.
    """
    with store.transaction():
        store._db.conn.executemany(
            f"INSERT OR REPLACE INTO {TABLE} "
            "(contribution_id, model_id, text_sha256, dimensions, vector) VALUES (?, ?, ?, ?, ?)",
            (
                (v.contribution_id, v.model_id, v.text_sha256, v.dimensions, v.vector)
                for v in vectors
            ),
        )
