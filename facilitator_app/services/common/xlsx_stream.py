"""A small streaming reader of .xlsx worksheets, bounded against hostile files.

openpyxl builds an object per cell and per shared string and reads each sheet twice in
read-only mode; merging a hundred workbooks spent most of its time there. This reader parses
the sheet XML once with expat (entity declarations refused, as defusedxml does) and yields
light cells with the three things readers look at: the value, the data type and the column.
It serves the exchange reader and the bulk-import and card readers alike.

Bounds: every cell and row reference is checked before anything is allocated for it (at
most :data:`MAX_COLUMNS` columns and :data:`MAX_ROWS` rows after the header; a cell
``ZZZZZZZ2`` refuses the file instead of filling eight billion empty cells), and a file
yields at most :data:`MAX_CELLS` cells, gaps included. With the zip's unpacked size bounded
before parsing (``tabular.check_zip_bounds``), both the memory and the time spent on a file
are bounded by its bytes and cells, whatever it claims.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from defusedxml.ElementTree import iterparse

from facilitator_app.domain.errors import InputRefusedError, InvalidValueError, refuse
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, term
from facilitator_app.services.common.cells import shown_name

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_INTEGER = re.compile(r"^-?\d+$")
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")
MAX_ROWS = 100_000  # data rows of one sheet (the header comes on top)
MAX_COLUMNS = 4_096  # column FAN; the widest sheet written (Schede) has 12 + 4 per table
MAX_CELLS = 10_000_000  # cells yielded by one file, empty ones filling gaps included


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its value, its type ("s" text, "n" number, "b" bool, "f" formula, "e" error)."""

    value: object
    data_type: str
    column_letter: str


def _letter(index: int) -> str:
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class OutOfBoundsError(InvalidValueError):
    """A reference or a count beyond the reader's bounds (the message says which)."""

    def refusal(self, file: str, sheet: str | None = None) -> InputRefusedError:
        """The refusal of ``file`` (and ``sheet``) for this reason, still translatable."""
        return refuse(file, self.template, sheet=sheet, **self.params)


# Empty cells are immutable, so one per column serves every gap of every row.
_EMPTY = [Cell(None, "n", _letter(index)) for index in range(MAX_COLUMNS + 1)]
_BEYOND_LIMITS = QT_TRANSLATE_NOOP(
    "Errors",
    "{what} {where} fuori dai limiti (al massimo {columns} colonne e {rows} righe dopo "
    "l'intestazione)",
)
_ROW = term(QT_TRANSLATE_NOOP("Terms", "riga"))
_UNNAMED = term(QT_TRANSLATE_NOOP("Terms", "cartella di lavoro"))  # a stream has no file name
_CELL = term(QT_TRANSLATE_NOOP("Terms", "cella"))


def _beyond_limits(what: str, where: object) -> OutOfBoundsError:
    return OutOfBoundsError(
        _BEYOND_LIMITS, what=what, where=where, columns=MAX_COLUMNS, rows=MAX_ROWS
    )


def _index(letters: str) -> int:
    value = 0
    for char in letters:
        value = value * 26 + ord(char) - 64
    return value


def _texts(element: Any) -> str:
    """The text of a shared or inline string (rich-text runs joined, phonetics left out)."""
    parts: list[str] = []
    for child in element.iter():
        if child.tag == f"{MAIN}t":
            parts.append(child.text or "")
        elif child.tag == f"{MAIN}rPh":
            break
    return "".join(parts)


class Worksheet:
    """One worksheet, read as a stream of rows."""

    def __init__(self, book: Workbook, part: str, title: str) -> None:
        self._book = book
        self._part = part
        self.title = title

    def iter_rows(self) -> Iterator[list[Cell]]:
        """Rows from row 1 on, gaps filled with empty rows and empty cells.

        Raises:
            InputRefusedError: a reference out of bounds or too many cells (file, sheet,
                cell named).
            ValueError, xml errors: for damaged sheets; callers turn them into a refusal.
        """
        try:
            yield from self._rows()
        except OutOfBoundsError as error:
            raise error.refusal(self._book.file, sheet=self.title) from None

    def _rows(self) -> Iterator[list[Cell]]:
        parser = _SheetParser(self._book)
        expected = 1
        with self._book.archive.open(self._part) as handle:
            for block in iter(lambda: handle.read(1 << 16), b""):
                parser.feed(block)
                for number, cells in parser.take():
                    while expected < number:
                        yield []
                        expected += 1
                    yield cells
                    expected = number + 1
            parser.close()
            for number, cells in parser.take():
                while expected < number:
                    yield []
                    expected += 1
                yield cells
                expected = number + 1


class _SheetParser:
    """Expat callbacks turning sheet XML into rows, without building an element tree.

    Like defusedxml, it refuses any document type declaration, so no entity can expand.
    """

    def __init__(self, book: Workbook) -> None:
        self._book = book
        self._shared = book.shared
        self._parser = expat.ParserCreate(namespace_separator=" ")
        self._parser.StartDoctypeDeclHandler = self._forbid
        self._parser.EntityDeclHandler = self._forbid
        self._parser.ExternalEntityRefHandler = self._forbid_external
        self._parser.StartElementHandler = self._start
        self._parser.EndElementHandler = self._end
        self._parser.CharacterDataHandler = self._text
        self._parser.buffer_text = True
        self._rows: list[tuple[int, list[Cell]]] = []
        self._row_number = 0
        self._cells: list[Cell] = []
        self._ref = ""
        self._type = "n"
        self._value: list[str] = []
        self._formula: list[str] | None = None
        self._capture: list[str] | None = None
        self._inline: list[str] = []

    @staticmethod
    def _forbid(*_: object) -> None:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "dichiarazioni DTD o entità XML non ammesse")
        )

    @staticmethod
    def _forbid_external(*_: object) -> int:
        raise InvalidValueError(QT_TRANSLATE_NOOP("Errors", "entità XML esterne non ammesse"))

    def feed(self, block: bytes) -> None:
        self._parser.Parse(block, False)

    def close(self) -> None:
        self._parser.Parse(b"", True)

    def take(self) -> list[tuple[int, list[Cell]]]:
        rows, self._rows = self._rows, []
        return rows

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1]
        if local == "c":
            self._ref = attrs.get("r", "")
            self._type = attrs.get("t", "n")
            self._value = []
            self._formula = None
            self._inline = []
            self._capture = None
        elif local == "row":
            self._row_number = self._checked_row(attrs.get("r"))
            self._cells = []
        elif local == "v":
            self._capture = self._value
        elif local == "f":
            self._formula = []
            self._capture = self._formula
        elif local == "t" and self._type == "inlineStr":
            self._capture = self._inline
        elif local == "rPh":
            self._capture = None

    def _checked_row(self, number: str | None) -> int:
        """The row's number (the next one when unnumbered), checked against the bounds."""
        if number is None:
            row = self._row_number + 1
        elif number.isdigit() and len(number) <= 7:
            row = int(number)
        else:
            row = MAX_ROWS + 2
        if row > MAX_ROWS + 1:
            raise _beyond_limits(_ROW, number[:12] if number else row)
        return row

    def _text(self, data: str) -> None:
        if self._capture is not None:
            self._capture.append(data)

    def _end(self, name: str) -> None:
        local = name.rsplit(" ", 1)[-1]
        if local in ("v", "f", "t"):
            self._capture = None
        elif local == "c":
            self._add_cell()
        elif local == "row":
            self._rows.append((self._row_number, self._cells))

    def _column(self) -> int:
        """The cell's column number, checked against the bounds before anything is filled."""
        match = _CELL_REF.match(self._ref)
        if match is None:  # no reference: the cell follows the previous one
            if len(self._cells) >= MAX_COLUMNS:
                raise _beyond_limits(_ROW, self._row_number)
            return len(self._cells) + 1
        letters, digits = match.groups()
        if (
            len(letters) > 3
            or len(digits) > 7
            or _index(letters) > MAX_COLUMNS
            or int(digits) > MAX_ROWS + 1
        ):
            raise _beyond_limits(_CELL, self._ref[:12])
        return _index(letters)

    def _add_cell(self) -> None:
        column = self._column()
        if column <= len(self._cells):
            raise InvalidValueError(
                QT_TRANSLATE_NOOP("Errors", "cella {cell} fuori ordine"), cell=self._ref
            )
        self._book.spend(column - len(self._cells))
        if len(self._cells) < column - 1:
            self._cells.extend(_EMPTY[len(self._cells) + 1 : column])
        letter = _EMPTY[column].column_letter
        kind = self._type
        if self._formula is not None:
            self._cells.append(Cell("=" + "".join(self._formula), "f", letter))
            return
        if kind == "inlineStr":
            self._cells.append(Cell("".join(self._inline), "s", letter))
            return
        if not self._value:
            self._cells.append(Cell(None, "n", letter))
            return
        text = "".join(self._value)
        value: object
        if kind == "s":
            value, kind = self._shared[int(text)], "s"
        elif kind == "str":
            value, kind = text, "s"
        elif kind == "b":
            value = text.strip() == "1"
        elif kind == "e":
            value = text
        else:
            value, kind = (int(text) if _INTEGER.match(text) else float(text)), "n"
        self._cells.append(Cell(value, kind, letter))


class Workbook:
    """The worksheets of an .xlsx file by name (call :meth:`close` when done).

    Raises:
        KeyError, ValueError, zipfile.BadZipFile, xml errors: for damaged files; callers turn
            them into a clear refusal.
    """

    def __init__(self, source: Path | IO[bytes], file: str | None = None) -> None:
        self.file = file or (shown_name(source) if isinstance(source, Path) else _UNNAMED)
        self.archive = zipfile.ZipFile(source)
        self._cells_left = MAX_CELLS
        try:
            self._parts = self._sheet_parts()
            self.shared = self._shared_strings()
        except OutOfBoundsError as error:
            self.archive.close()
            raise error.refusal(self.file) from None
        except Exception:
            self.archive.close()
            raise

    def spend(self, cells: int) -> None:
        """Count cells about to be yielded against the file's budget.

        Raises:
            OutOfBoundsError: the file holds more cells than any workbook the app reads.
        """
        self._cells_left -= cells
        if self._cells_left < 0:
            raise OutOfBoundsError(
                QT_TRANSLATE_NOOP("Errors", "troppe celle (al massimo {limit:,} per file)"),
                limit=MAX_CELLS,
            )

    @property
    def sheetnames(self) -> list[str]:
        """Worksheet names in workbook order."""
        return list(self._parts)

    def __getitem__(self, name: str) -> Worksheet:
        return Worksheet(self, self._parts[name], name)

    def close(self) -> None:
        """Close the underlying zip file."""
        self.archive.close()

    def _sheet_parts(self) -> dict[str, str]:
        targets: dict[str, str] = {}
        with self.archive.open("xl/_rels/workbook.xml.rels") as handle:
            for _, element in iterparse(handle, events=("end",)):
                if element.tag == f"{PKG_REL}Relationship":
                    target = element.get("Target") or ""
                    path = (
                        target.lstrip("/")
                        if target.startswith("/")
                        else posixpath.normpath(posixpath.join("xl", target))
                    )
                    targets[element.get("Id") or ""] = path
        parts: dict[str, str] = {}
        with self.archive.open("xl/workbook.xml") as handle:
            for _, element in iterparse(handle, events=("end",)):
                if element.tag == f"{MAIN}sheet":
                    parts[element.get("name") or ""] = targets[element.get(f"{REL}id") or ""]
        return parts

    def _shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self.archive.namelist():
            return []
        strings: list[str] = []
        with self.archive.open("xl/sharedStrings.xml") as handle:
            for _, element in iterparse(handle, events=("end",)):
                if element.tag == f"{MAIN}si":
                    self.spend(1)  # a shared string costs at least what a cell does
                    strings.append(_texts(element))
                    element.clear()
        return strings
