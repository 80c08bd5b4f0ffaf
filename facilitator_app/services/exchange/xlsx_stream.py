"""A small streaming reader of .xlsx worksheets, for the exchange workbooks.

openpyxl builds an object per cell and per shared string and reads each sheet twice in
read-only mode; merging a hundred workbooks spent most of its time there. This reader parses
the sheet XML once with defusedxml (entity declarations refused) and yields light cells with
the three things the exchange reader looks at: the value, the data type and the column.
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

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_INTEGER = re.compile(r"^-?\d+$")
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


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

    def __init__(self, archive: zipfile.ZipFile, part: str, title: str, shared: list[str]) -> None:
        self._archive = archive
        self._part = part
        self.title = title
        self._shared = shared

    def iter_rows(self) -> Iterator[list[Cell]]:
        """Rows from row 1 on, gaps filled with empty rows and empty cells."""
        parser = _SheetParser(self._shared)
        expected = 1
        with self._archive.open(self._part) as handle:
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

    def __init__(self, shared: list[str]) -> None:
        self._shared = shared
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
        raise ValueError("dichiarazioni DTD o entità XML non ammesse")

    @staticmethod
    def _forbid_external(*_: object) -> int:
        raise ValueError("entità XML esterne non ammesse")

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
            self._row_number = int(attrs.get("r") or self._row_number + 1)
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

    def _add_cell(self) -> None:
        match = _CELL_REF.match(self._ref)
        column = _index(match.group(1)) if match else len(self._cells) + 1
        if column <= len(self._cells):
            raise ValueError(f"cella {self._ref} fuori ordine")
        while len(self._cells) < column - 1:
            self._cells.append(Cell(None, "n", _letter(len(self._cells) + 1)))
        letter = _letter(column)
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

    def __init__(self, source: Path | IO[bytes]) -> None:
        self._archive = zipfile.ZipFile(source)
        try:
            self._parts = self._sheet_parts()
            self._shared = self._shared_strings()
        except Exception:
            self._archive.close()
            raise

    @property
    def sheetnames(self) -> list[str]:
        """Worksheet names in workbook order."""
        return list(self._parts)

    def __getitem__(self, name: str) -> Worksheet:
        return Worksheet(self._archive, self._parts[name], name, self._shared)

    def close(self) -> None:
        """Close the underlying zip file."""
        self._archive.close()

    def _sheet_parts(self) -> dict[str, str]:
        targets: dict[str, str] = {}
        with self._archive.open("xl/_rels/workbook.xml.rels") as handle:
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
        with self._archive.open("xl/workbook.xml") as handle:
            for _, element in iterparse(handle, events=("end",)):
                if element.tag == f"{MAIN}sheet":
                    parts[element.get("name") or ""] = targets[element.get(f"{REL}id") or ""]
        return parts

    def _shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self._archive.namelist():
            return []
        strings: list[str] = []
        with self._archive.open("xl/sharedStrings.xml") as handle:
            for _, element in iterparse(handle, events=("end",)):
                if element.tag == f"{MAIN}si":
                    strings.append(_texts(element))
                    element.clear()
        return strings
