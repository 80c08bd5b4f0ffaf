"""Conflicts of a merged event: listed from the record versions, settled by a choice.

A conflict is not an event of the merge but a state of a record: several leaf versions
changing the same field differently (or a deletion against an edit, docs/FILE_FORMATS.md).
Listing reads the versions; resolving adds one version whose parents are every leaf, so
the choice survives every later merge (until someone edits the record again elsewhere).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import NotFoundError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.versions import (
    FieldConflict,
    VersionNode,
    materialise,
    resolve,
)
from facilitator_app.services.records.versions import group_versions
from facilitator_app.storage.database import EventStore
from facilitator_app.storage.versions import (
    load_versions,
    record_from,
    save_versions,
)

SIDE_NAMES = "ABCDEFGH"


@dataclass(frozen=True)
class Conflict:
    """A record in conflict.

    Attributes:
        id: a short, stable identifier (from the record's kind and UUID).
        kind: the record's type name ("Contribution").
        record_id: the record's UUID.
        label: what people recognise the record by (a post-it's text, a title).
        fields: the fields in conflict, each value per side.
        sides: the versions, side A (shown) first: their ``updated_at``.
    """

    id: str
    kind: str
    record_id: str
    label: str
    fields: tuple[FieldConflict, ...]
    sides: tuple[str, ...]

    def side_names(self) -> tuple[str, ...]:
        """The side names, "A" (shown) first."""
        return tuple(SIDE_NAMES[: len(self.sides)])


def conflict_id(kind: str, record_id: str) -> str:
    """Eight hex digits naming a record's conflict (stable across merges)."""
    return hashlib.sha256(f"{kind}:{record_id}".encode()).hexdigest()[:8]


def _label(content: str) -> str:
    fields: dict[str, Any] = json.loads(content)
    for name in ("text", "title", "name", "question", "key"):
        value = fields.get(name)
        if value:
            text = str(value)
            return text if len(text) <= 60 else text[:59] + "…"
    return str(fields.get("id", ""))


def _conflict(kind: str, record_id: str, nodes: list[VersionNode]) -> Conflict | None:
    state = materialise(nodes)
    if not state.conflicts:
        return None
    return Conflict(
        conflict_id(kind, record_id),
        kind,
        record_id,
        _label(state.content),
        state.conflicts,
        tuple(leaf.updated_at for leaf in state.leaves),
    )


def open_conflicts(store: EventStore) -> list[Conflict]:
    """Every record of the file in conflict, by kind then label."""
    found = []
    for (kind, record_id), nodes in group_versions(load_versions(store)).items():
        if len(nodes) > 1:
            conflict = _conflict(kind, record_id, nodes)
            if conflict is not None:
                found.append(conflict)
    return sorted(found, key=lambda c: (c.kind, c.label, c.record_id))


def resolve_conflict(store: EventStore, ident: str, keep: str, clock: Clock) -> Any:
    """Settle a conflict by keeping side ``keep`` ("A", "B"...) for every field in conflict.

    One transaction: the new version (its parents: every leaf) and the record's row, which
    it replaces (the choice is the coordinator's word on the record).

    Returns:
        The record as it now is.

    Raises:
        NotFoundError: no conflict ``ident``, or no side ``keep``.
    """
    wanted = next((c for c in open_conflicts(store) if c.id == ident.strip().lower()), None)
    if wanted is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Errors", "Nessun conflitto «{ident}» in questo file."), ident=ident
        )
    side = keep.strip().upper()
    if side not in wanted.side_names():
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "Errors", "Il conflitto {ident} ha le versioni {sides}, non «{keep}»."
            ),
            ident=wanted.id,
            sides=", ".join(wanted.side_names()),
            keep=keep,
        )
    nodes = [
        n for n in load_versions(store) if (n.kind, n.record_id) == (wanted.kind, wanted.record_id)
    ]
    node, _ = resolve(nodes, SIDE_NAMES.index(side), to_iso(clock.now()))
    record = record_from(node.kind, node.content, node.updated_at)
    with store.transaction():
        save_versions(store, [*nodes, node])
        store.save(record)
    return record
