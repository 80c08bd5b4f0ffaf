from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from facilitator_app.services.common.xlsx_stream import Workbook


def test_reads_what_openpyxl_wrote(tmp_path: Path) -> None:
    path = tmp_path / "w.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Dati"
    sheet.append(["testo", "numero", "decimale", "vero", None, "àèìòù «»"])
    sheet.append(["=1+1", 42, 2.5, True, None, "x"])
    sheet.cell(row=2, column=1).data_type = "s"  # text that looks like a formula
    sheet["A4"] = "dopo una riga vuota"
    sheet["C5"] = "=SUM(B1:B2)"
    other = book.create_sheet("Altro")
    other.append(["solo"])
    book.save(path)
    reader = Workbook(path)
    try:
        assert reader.sheetnames == ["Dati", "Altro"]
        rows = list(reader["Dati"].iter_rows())
    finally:
        reader.close()
    values = [[cell.value for cell in row] for row in rows]
    assert values[0] == ["testo", "numero", "decimale", "vero", None, "àèìòù «»"]
    assert values[1][:4] == ["=1+1", 42, 2.5, True]
    assert rows[1][0].data_type == "s"  # stored as text, not as a formula
    assert values[2] == []
    assert values[3] == ["dopo una riga vuota"]
    assert rows[4][2].data_type == "f" and rows[4][2].column_letter == "C"
    assert [cell.value for cell in rows[4][:2]] == [None, None]


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.xlsx"
    book = openpyxl.Workbook()
    book.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    reader = Workbook(io.BytesIO(buffer.getvalue()))
    try:
        with pytest.raises(ValueError, match="non ammesse"):
            list(reader[reader.sheetnames[0]].iter_rows())
    finally:
        reader.close()
