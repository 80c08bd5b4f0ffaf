"""Versions of a record and the three-way merge of them (docs/FILE_FORMATS.md, "Versioni").

Every event file keeps, for each record, the versions it has seen as the nodes of a small
graph: a node is the record's content (its fields as canonical JSON, ``updated_at`` apart),
its ``updated_at`` and the nodes it was edited from (its *parents*, the *base*). A file
prepared or exported carries the nodes of its records; when a laptop edits a record, its
current row is a new version whose parents are the leaves it was given.

What the record *is* follows from the set of nodes alone, so merging files in any order or
grouping gives the same result (the merge is a union of sets):

* one leaf (a node no other node was edited from): that version;
* several leaves: field by field against their nearest common ancestor; a field changed on
  one side only takes that side's value; a field changed on several sides to different
  values is a **conflict**: the value shown is that of the latest leaf (``updated_at``, ties
  by node id) and every version stays, to be chosen by :func:`resolve`;
* a deletion (``deleted_at`` set) against an edit of another field is a conflict too: the
  record stays deleted (a deletion is never undone silently), the edit is kept;
* roots (versions without a base: a record created on one laptop, carried by several of its
  exports) are taken as one history in ``updated_at`` order, not as rival versions.

Standard library only.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

DELETED_FIELD = "deleted_at"


# Built once: json.dumps with options builds an encoder per call (tens of thousands a merge).
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def canonical_json(content: Mapping[str, Any]) -> str:
    """The one text of a record's fields: sorted keys, no spaces, UTF-8 as is."""
    return _CANONICAL.encode(content)


@dataclass(frozen=True, slots=True)
class VersionNode:
    """One version of one record.

    Attributes:
        node: the node's identity, a hash of all the other attributes.
        kind: the record's type name ("Contribution").
        record_id: the record's UUID.
        parents: the nodes this version was edited from (empty: a root).
        content: the record's fields but ``updated_at``, as canonical JSON.
        updated_at: when this version was written.
    """

    node: str
    kind: str
    record_id: str
    parents: tuple[str, ...]
    content: str
    updated_at: str

    def fields(self) -> dict[str, Any]:
        """The record's fields (without ``updated_at``)."""
        value: dict[str, Any] = json.loads(self.content)
        return value


def make_node(
    kind: str, record_id: str, content: str, updated_at: str, parents: Iterable[str] = ()
) -> VersionNode:
    """A version node, its identity derived from everything it says."""
    ordered = tuple(sorted(set(parents)))
    digest = hashlib.sha256(
        "\n".join((kind, record_id, updated_at, ",".join(ordered), content)).encode()
    ).hexdigest()
    return VersionNode(digest, kind, record_id, ordered, content, updated_at)


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """A field changed to different values on several sides.

    Attributes:
        field: the field's name (``deleted_at``: a deletion against an edit).
        values: each side's value, in the order of :attr:`Materialised.sides`.
        shown: the index of the side whose value the record shows.
    """

    field: str
    values: tuple[Any, ...]
    shown: int


@dataclass(frozen=True, slots=True)
class Materialised:
    """What a record is, given its versions.

    Attributes:
        content: the fields to show (canonical JSON, without ``updated_at``).
        updated_at: the latest ``updated_at`` of the leaves.
        leaves: the leaf nodes, latest first (side A, B, ...).
        conflicts: the fields in conflict (empty: none).
    """

    content: str
    updated_at: str
    leaves: tuple[VersionNode, ...]
    conflicts: tuple[FieldConflict, ...] = field(default=())


def _preference(node: VersionNode) -> tuple[str, str]:
    return (node.updated_at, node.node)


def _effective_parents(nodes: Mapping[str, VersionNode]) -> dict[str, tuple[str, ...]]:
    """Parents present in the set; the roots chained in ``updated_at`` order."""
    parents = {n: tuple(p for p in v.parents if p in nodes) for n, v in nodes.items()}
    roots = sorted((v for n, v in nodes.items() if not parents[n]), key=_preference)
    for earlier, later in itertools.pairwise(roots):
        parents[later.node] = (earlier.node,)
    return parents


def _ancestry(start: str, parents: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The node and every node it descends from."""
    seen = {start}
    stack = [start]
    while stack:
        for parent in parents[stack.pop()]:
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


def leaves_of(nodes: Sequence[VersionNode]) -> tuple[VersionNode, ...]:
    """The versions no other version was edited from, latest first."""
    by_id = {n.node: n for n in nodes}
    parents = _effective_parents(by_id)
    inner = {p for ps in parents.values() for p in ps}
    return tuple(
        sorted((n for i, n in by_id.items() if i not in inner), key=_preference, reverse=True)
    )


def materialise(nodes: Sequence[VersionNode]) -> Materialised:
    """The record a set of versions stands for (a pure function of the set).

    Raises:
        ValueError: no versions.
    """
    if not nodes:
        raise ValueError("no versions")
    by_id = {n.node: n for n in nodes}
    if len(by_id) == 1:
        only = next(iter(by_id.values()))
        return Materialised(only.content, only.updated_at, (only,))
    parents = _effective_parents(by_id)
    inner = {p for ps in parents.values() for p in ps}
    leaves = sorted((n for i, n in by_id.items() if i not in inner), key=_preference, reverse=True)
    if len(leaves) == 1:
        return Materialised(leaves[0].content, leaves[0].updated_at, (leaves[0],))
    ancestries = [_ancestry(leaf.node, parents) for leaf in leaves]
    common = set.intersection(*ancestries)
    # The nearest common ancestors: those no other common ancestor descends from.
    below = {a for c in common for a in _ancestry(c, parents) if a != c}
    nearest = max((by_id[c] for c in common - below), key=_preference)
    base = nearest.fields()
    sides = [leaf.fields() for leaf in leaves]
    merged, conflicts = _merge_fields(base, sides)
    return Materialised(
        canonical_json(merged), leaves[0].updated_at, tuple(leaves), tuple(conflicts)
    )


_MISSING = object()


def _merge_fields(
    base: Mapping[str, Any], sides: Sequence[Mapping[str, Any]]
) -> tuple[dict[str, Any], list[FieldConflict]]:
    """Field by field; ``sides`` latest first (the first changed side is shown)."""
    names = sorted({*base, *(name for side in sides for name in side)})
    merged: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    edited_sides: set[int] = set()
    for name in names:
        old = base.get(name, _MISSING)
        values = [side.get(name, _MISSING) for side in sides]
        changed = [i for i, value in enumerate(values) if value != old]
        if name != DELETED_FIELD:
            edited_sides.update(changed)
        if not changed:
            merged[name] = old
            continue
        merged[name] = values[changed[0]]
        if len({canonical_json({"v": values[i]}) for i in changed}) > 1:
            conflicts.append(FieldConflict(name, tuple(_plain(v) for v in values), changed[0]))
    deleting = [
        i for i, side in enumerate(sides) if side.get(DELETED_FIELD) and not base.get(DELETED_FIELD)
    ]
    if deleting:
        # A deletion anywhere keeps the record deleted; an edit elsewhere is a conflict.
        merged[DELETED_FIELD] = sides[deleting[0]][DELETED_FIELD]
        editors = [i for i in edited_sides if not sides[i].get(DELETED_FIELD)]
        conflicts = [c for c in conflicts if c.field != DELETED_FIELD]
        if editors:
            deleted = tuple(side.get(DELETED_FIELD) for side in sides)
            conflicts.append(FieldConflict(DELETED_FIELD, deleted, deleting[0]))
    merged = {k: v for k, v in merged.items() if v is not _MISSING}
    return merged, conflicts


def _plain(value: Any) -> Any:
    return None if value is _MISSING else value


def resolve(
    nodes: Sequence[VersionNode], keep: int, updated_at: str
) -> tuple[VersionNode, dict[str, Any]]:
    """A version settling a conflict: every conflicting field from side ``keep``.

    Args:
        nodes: the record's versions.
        keep: the index of the side kept (0 = A, the latest leaf).
        updated_at: the time of the choice.

    Returns:
        The new node (its parents: every leaf, so later merges keep the choice) and its fields.

    Raises:
        ValueError: the record is not in conflict, or ``keep`` names no side.
    """
    state = materialise(nodes)
    if not state.conflicts:
        raise ValueError("no conflict")
    if not 0 <= keep < len(state.leaves):
        raise ValueError("no such side")
    chosen = dict(json.loads(state.content))
    side = state.leaves[keep].fields()
    for conflict in state.conflicts:
        if conflict.field in side:
            chosen[conflict.field] = side[conflict.field]
        else:
            chosen.pop(conflict.field, None)
    leaf = state.leaves[0]
    node = make_node(
        leaf.kind,
        leaf.record_id,
        canonical_json(chosen),
        updated_at,
        (n.node for n in state.leaves),
    )
    return node, chosen
