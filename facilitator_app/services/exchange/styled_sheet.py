"""A streamed worksheet that stores text safely, and the checks made before writing one.

Every text cell, headers included, is written as a string, never as a formula: openpyxl
would store a text starting with ``=`` as a formula, so a text starting like one gets an
explicit string type and Excel's quote-prefix flag
(:func:`facilitator_app.services.common.cells.text_cell`, the rule every writer follows);
control characters are escaped the OOXML way so that any text comes back unchanged. Worksheets are
streamed (openpyxl write-only mode) so that 10,000 post-its take about as long as writing
the bare cells.
"""

from __future__ import annotations

import dataclasses
import itertools
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.common.cells import (
    FORMULA_PREFIXES as FORMULA_PREFIXES,
)
from facilitator_app.services.common.cells import (
    looks_like_formula,
    sheet_title,
    text_cell,
)
from facilitator_app.services.exchange.codecs import (
    INT,
    MAX_CELL_CHARS,
    NEEDS_ESCAPE,
    OPTIONAL_INT,
    OPTIONAL_TEXT,
    TEXT,
    escape_text,
)
from facilitator_app.services.exchange.sheets import RecordSheet

HEADER_FILL = "DCE6F1"
TECHNICAL_FILL = "EDEDED"
DISCUSSED_FILL = "E2EFDA"

Cell = str | int | None
# Text that needs escaping, or that a spreadsheet could take for a formula. Multi-line, so
# that one search over a row's texts joined by line feeds checks the start of each of them.
_SPECIAL = re.compile(
    "^[" + re.escape("".join(FORMULA_PREFIXES)) + "]|" + NEEDS_ESCAPE.pattern, re.MULTILINE
).search


class ExportError(FacilitatorError):
    """The event cannot be written as a workbook (e.g. a text too long for a cell)."""


class Styles:
    """Styles built once per workbook (openpyxl interns them)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.header_font = Font(bold=True)
        self.technical_font = Font(bold=True, color="595959")
        self.title_font = Font(bold=True, size=14)
        self.section_font = Font(bold=True, size=12)
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.technical_fill = PatternFill("solid", fgColor=TECHNICAL_FILL)
        self.discussed_fill = PatternFill("solid", fgColor=DISCUSSED_FILL)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")


def cell_text(value: str) -> str:
    """The text as stored in a cell: escaped, and refused when it would not fit.

    Raises:
        ExportError: the escaped text is longer than a cell holds.
    """
    escaped = escape_text(value)
    if len(escaped) > MAX_CELL_CHARS:
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "un testo di {length} caratteri non entra in una cella di Excel "
                "(massimo {limit}): «{start}…»",
            ),
            length=len(escaped),
            limit=MAX_CELL_CHARS,
            start=value[:60],
        )
    return escaped


class StyledSheet:
    """A streamed worksheet with a styled header, widths, wrapping and string-only text."""

    def __init__(
        self,
        workbook: Any,
        styles: Styles,
        title: str,
        columns: Sequence[tuple[str, float, bool, bool]],
        *,
        table: bool = True,
    ) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter

        self._cell_type = WriteOnlyCell
        self.styles = styles
        self.ws = workbook.create_sheet(sheet_title(title))
        self.title = self.ws.title
        self.rows = 0
        self.width = len(columns)
        self._wrap: dict[int, Any] = {}
        for index, (_, width, wrap, _technical) in enumerate(columns):
            self.ws.column_dimensions[get_column_letter(index + 1)].width = width
            if wrap:
                cell = WriteOnlyCell(self.ws)
                cell.alignment = styles.wrap
                self._wrap[index] = cell
        self.last_column = get_column_letter(max(1, len(columns)))
        if table:
            self.ws.freeze_panes = "A2"
            header = []
            for name, _, _, technical in columns:
                cell = self._text_cell(name)
                cell.font = styles.technical_font if technical else styles.header_font
                cell.fill = styles.technical_fill if technical else styles.header_fill
                header.append(cell)
            self._append(header)

    def _append(self, cells: list[Any]) -> None:
        self.ws.append(cells)
        self.rows += 1

    def _text_cell(self, text: str) -> Any:
        """A cell holding text: escaped, a string cell, quote-prefixed when it looks like a formula.

        The flag follows the text people see, not its escaped form (a carriage return is
        stored as ``_x000D_`` but shows as one).
        """
        cell = text_cell(self._cell_type(self.ws, value=cell_text(text)))
        if looks_like_formula(text):
            cell.quotePrefix = True
        return cell

    def cell(self, value: Cell, **style: Any) -> Any:
        """A one-off styled cell (text escaped and typed as a string)."""
        cell = (
            self._text_cell(value)
            if isinstance(value, str)
            else self._cell_type(self.ws, value=value)
        )
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    def append(self, values: Sequence[Any]) -> None:
        """Append a row; text is escaped and always stored as a string, never a formula."""
        texts = [v for v in values if v.__class__ is str]
        if texts and _SPECIAL("\n".join(texts)) is not None:
            self._append(self._careful_row(values))
            return
        # Fast path (nearly every row): no text needs escaping or an explicit string type.
        # Lengths were checked before writing began (see check_lengths).
        row = [None if v == "" else v for v in values]
        for index, styled in self._wrap.items():
            if index < len(row) and row[index].__class__ is str:
                styled.value = row[index]
                styled.data_type = "s"
                row[index] = styled
        self._append(row)

    def _careful_row(self, values: Sequence[Any]) -> list[Any]:
        row: list[Any] = []
        add = row.append
        wrap = self._wrap
        for index, value in enumerate(values):
            if value.__class__ is not str:
                add(value)
                continue
            if not value:
                add(None)
                continue
            if looks_like_formula(value):
                cell = self._text_cell(value)
                if index in wrap:
                    cell.alignment = self.styles.wrap
                add(cell)
                continue
            if _SPECIAL(value) is not None:
                value = cell_text(value)
            if index in wrap:
                styled = wrap[index]
                styled.value = value
                styled.data_type = "s"
                add(styled)
            else:
                add(value)
        return row

    def blank(self) -> None:
        """Append an empty row (ends the records of a record sheet)."""
        self._append([])

    def finish_table(self, records: int) -> None:
        """Set the autofilter over the header and the records."""
        self.ws.auto_filter.ref = f"A1:{self.last_column}{records + 1}"


def sheet_columns(spec: RecordSheet) -> list[tuple[str, float, bool, bool]]:
    """(header, width, wrap, technical) of every column of a record sheet."""
    technical = {"id", "creato_il", "modificato_il", "eliminato_il"}
    return [
        (
            c.header,
            c.width,
            c.wrap,
            c.header in technical or c.header.startswith("id_") or c.codec.name.startswith("JSON"),
        )
        for c in spec.columns
    ]


def record_encoders(
    spec: RecordSheet, derived: dict[str, Callable[[Any], Cell]]
) -> list[Callable[[Any], Cell]]:
    """One function per column giving its cell value; derived columns come from ``derived``."""
    # Plain values (text, integers) are read straight off the record: the sheet writer turns
    # "" into an empty cell, as the text codecs do.
    plain = (TEXT, OPTIONAL_TEXT, INT, OPTIONAL_INT)
    encoders: list[Callable[[Any], Cell]] = []
    for column in spec.columns:
        if column.field is None:
            encoders.append(derived[column.header])
        elif column.codec in plain:
            encoders.append(operator.attrgetter(column.field))
        else:
            encode = column.codec.encode
            encoders.append(
                lambda record, f=column.field, e=encode: e(getattr(record, f))  # type: ignore[misc]
            )
    return encoders


_TEXT_FIELDS: dict[type[Any], tuple[str, ...]] = {}


def _text_fields(kind: type[Any]) -> tuple[str, ...]:
    names = _TEXT_FIELDS.get(kind)
    if names is None:
        fields = dataclasses.fields(kind)
        names = _TEXT_FIELDS[kind] = tuple(f.name for f in fields if str(f.type).startswith("str"))
    return names


def check_lengths(event: Any, records: Mapping[str, Sequence[Any]]) -> None:
    """Refuse, before anything is written, a text that would not fit in a cell."""
    quick = MAX_CELL_CHARS // 7  # escaping makes a text at most 7 times longer
    for record in itertools.chain([event], *records.values()):
        for name in _text_fields(type(record)):
            value = getattr(record, name)
            if type(value) is str and len(value) > quick:
                cell_text(value)  # raises ExportError when it does not fit
