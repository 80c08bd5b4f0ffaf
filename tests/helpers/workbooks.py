"""Reading exported workbooks back in tests: record sheets as dictionaries, sheet XML."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# Texts a spreadsheet would take for formulas if written as they are.
INJECTION = ["=1+1", "+1+1", "-1+1", "@SUM(1)", "\t=1+1", "\r=1+1"]


def rows_of(book: Path, sheet: str) -> list[dict[str, Any]]:
    """Records of a record sheet as dictionaries (header -> value), up to the first blank row."""
    workbook = openpyxl.load_workbook(book, read_only=True)
    try:
        rows = list(workbook[sheet].iter_rows(values_only=True))
    finally:
        workbook.close()
    header = [str(h) for h in rows[0]]
    records = []
    for row in rows[1:]:
        if all(v is None for v in row):
            break
        padded = list(row) + [None] * (len(header) - len(row))
        records.append(dict(zip(header, padded, strict=True)))
    return records


def sheet_xml(book: Path) -> dict[str, str]:
    """The XML of every worksheet, by sheet title."""
    with zipfile.ZipFile(book) as archive:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        found = {}
        for sheet in workbook.iter(f"{MAIN}sheet"):
            rid = sheet.get(
                "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
            )
            target = str(targets[rid]).lstrip("/")
            target = target if target.startswith("xl/") else f"xl/{target}"
            found[str(sheet.get("name"))] = archive.read(target).decode("utf-8")
    return found


def sheet_texts(book: Path) -> dict[str, str]:
    """Every text a worksheet holds, by sheet title, with character references resolved.

    openpyxl writes "Ł" as ``&#321;`` when lxml is installed and as the character when it
    is not; reading the parsed text makes a search for a name independent of that.
    """
    return {
        title: " ".join(ElementTree.fromstring(xml).itertext())
        for title, xml in sheet_xml(book).items()
    }
