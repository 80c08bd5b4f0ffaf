"""The hidden ``_Versioni`` sheet: the record versions an exchange workbook carries.

One row per version node (docs/FILE_FORMATS.md, "Versioni"): node, kind, record id,
parents (JSON list), ``updated_at`` and the content (canonical JSON), split over as many
columns as it needs (a cell holds 32,767 characters). The sheet is hidden: it is for the
merge, not for people. A node whose id does not match what it says is refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from facilitator_app.domain.errors import Problem
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.versions import VersionNode, make_node
from facilitator_app.services.common.cells import text_cell

SHEET_VERSIONS = "_Versioni"
HEADER = ("nodo", "tipo", "id", "genitori", "aggiornato_il", "contenuto")
CHUNK = 30_000
KINDS = frozenset(
    {
        "Event",
        "Venue",
        "Table",
        "Session",
        "AgendaItem",
        "TableCard",
        "ParticipantCount",
        "Theme",
        "Contribution",
    }
)


def write_versions_sheet(workbook: Any, nodes: Iterable[VersionNode]) -> None:
    """Append the hidden ``_Versioni`` sheet to a write-only openpyxl workbook."""
    from openpyxl.cell import WriteOnlyCell

    sheet = workbook.create_sheet(SHEET_VERSIONS)
    sheet.sheet_state = "hidden"

    def row(values: Iterable[str]) -> list[Any]:
        return [text_cell(WriteOnlyCell(sheet, value=value)) for value in values]

    sheet.append(row(HEADER))
    for node in nodes:
        chunks = [node.content[i : i + CHUNK] for i in range(0, len(node.content), CHUNK)]
        fixed = (node.node, node.kind, node.record_id, json.dumps(list(node.parents)))
        sheet.append(row((*fixed, node.updated_at, *(chunks or [""]))))


def read_versions_sheet(
    rows: Iterator[tuple[int, list[object]]], file: str
) -> tuple[list[VersionNode], list[Problem]]:
    """The nodes of a ``_Versioni`` sheet (rows from the reader, header first)."""
    nodes: list[VersionNode] = []
    problems: list[Problem] = []
    for number, values in rows:
        if number == 1:
            continue
        texts = ["" if v is None else str(v) for v in values]
        if len(texts) < len(HEADER):
            texts += [""] * (len(HEADER) - len(texts))
        ident, kind, record_id, parents_text, updated_at = texts[:5]
        content = "".join(texts[5:])
        try:
            parents = json.loads(parents_text)
            if not isinstance(parents, list) or not all(isinstance(p, str) for p in parents):
                raise ValueError
            json.loads(content)
        except ValueError:
            problems.append(
                Problem(
                    file,
                    QT_TRANSLATE_NOOP("Errors", "versione illeggibile"),
                    row=number,
                    sheet=SHEET_VERSIONS,
                )
            )
            continue
        node = make_node(kind, record_id, content, updated_at, parents)
        if kind not in KINDS or node.node != ident:
            problems.append(
                Problem(
                    file,
                    QT_TRANSLATE_NOOP(
                        "Errors", "versione alterata (il codice non corrisponde al contenuto)"
                    ),
                    row=number,
                    sheet=SHEET_VERSIONS,
                )
            )
            continue
        nodes.append(node)
    return nodes, problems
