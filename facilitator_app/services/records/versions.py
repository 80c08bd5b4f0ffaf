"""The versions a file carries: its stored version nodes plus its own current rows.

A file's current row of a record is a version of its own when it differs from what the
file's stored versions stand for (the laptop, or the coordinator, edited it): a new node
whose parents are the leaves the file was given (its base). A record without stored
versions (created on this laptop) is a root. Exports, ``prepare`` and the merge all take a
file's versions from here, so they agree on what a file says (docs/FILE_FORMATS.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from facilitator_app.domain.model import StrategyCard
from facilitator_app.domain.versions import VersionNode, make_node, materialise
from facilitator_app.storage.versions import content_of


def group_versions(
    nodes: Iterable[VersionNode],
) -> dict[tuple[str, str], list[VersionNode]]:
    """Version nodes by (kind, record id)."""
    grouped: dict[tuple[str, str], list[VersionNode]] = {}
    for node in nodes:
        grouped.setdefault((node.kind, node.record_id), []).append(node)
    return grouped


def own_version(
    record: Any, stored: Sequence[VersionNode] | None, content: str | None = None
) -> VersionNode | None:
    """The file's current row as a new version, or None when its versions already say it.

    Args:
        record: the file's current row of the record.
        stored: the versions the file was given of it.
        content: the record's content when already encoded (:func:`content_of` otherwise).
    """
    kind = type(record).__name__
    if content is None:
        content = content_of(record)
    if not stored:
        return make_node(kind, record.id, content, record.updated_at)
    state = materialise(stored)
    if state.content == content:
        return None
    return make_node(
        kind, record.id, content, record.updated_at, (leaf.node for leaf in state.leaves)
    )


def file_versions(records: Iterable[Any], stored: Iterable[VersionNode]) -> list[VersionNode]:
    """Every version a file carries for ``records``: their stored nodes and the rows' own.

    Args:
        records: the file's records (cards, which have no versions, are skipped).
        stored: the file's version nodes (nodes of other records are left out).
    """
    grouped = group_versions(stored)
    found: list[VersionNode] = []
    for record in records:
        if isinstance(record, StrategyCard):
            continue
        nodes = grouped.get((type(record).__name__, record.id))
        if nodes:
            found.extend(nodes)
        own = own_version(record, nodes)
        if own is not None:
            found.append(own)
    return found
