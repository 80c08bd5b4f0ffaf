"""Record sheets as people see them, and text that must never become a formula."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from xml.etree import ElementTree

import openpyxl

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Theme
from facilitator_app.services.exchange.codecs import unescape_text
from facilitator_app.services.exchange.sheets import RECORD_SHEETS, SHEET_CONTRIBUTIONS
from facilitator_app.services.exchange.styled_sheet import FORMULA_PREFIXES
from facilitator_app.storage.database import EventStore
from tests.helpers.rich_event import export
from tests.helpers.workbooks import INJECTION, MAIN, rows_of, sheet_xml


def test_record_sheets_have_frozen_header_autofilter_widths_and_wrapping(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    workbook = openpyxl.load_workbook(book)
    for spec in RECORD_SHEETS:
        sheet = workbook[spec.name]
        assert sheet.freeze_panes == "A2", spec.name
        records = len(rows_of(book, spec.name))
        assert sheet.auto_filter.ref is not None
        assert sheet.auto_filter.ref.startswith("A1:"), spec.name
        assert sheet.auto_filter.ref.endswith(str(records + 1)), spec.name
        header = [c.value for c in sheet[1]]
        for column in spec.columns:
            letter = openpyxl.utils.get_column_letter(header.index(column.header) + 1)
            assert sheet.column_dimensions[letter].width == column.width, column.header
            filled = [
                cell for cell in sheet[letter][1 : records + 1] if cell.value not in (None, "")
            ]
            if column.wrap:
                assert all(cell.alignment.wrap_text for cell in filled), (spec.name, column.header)
        assert all(cell.font.bold for cell in sheet[1])
    workbook.close()


def test_text_that_looks_like_a_formula_is_stored_as_a_string(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(demo_path) as store:
        posts = store.contributions()
        theme = store.all(Theme)[0]
        event = store.event()
        store.save_all(
            [
                *(dataclasses.replace(p, text=t) for p, t in zip(posts, INJECTION, strict=False)),
                dataclasses.replace(theme, title='=HYPERLINK("http://x.invalid")'),
                dataclasses.replace(event, title="@evento", premessa="-premessa"),
            ]
        )
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    xml = sheet_xml(book)
    assert all("<f>" not in text and "<f " not in text for text in xml.values())
    found: dict[str, str] = {}
    for title, text in xml.items():
        root = ElementTree.fromstring(text)
        for cell in root.iter(f"{MAIN}c"):
            value = "".join(t.text or "" for t in cell.iter(f"{MAIN}t"))
            if unescape_text(value).startswith(FORMULA_PREFIXES):
                assert cell.get("t") == "inlineStr", (title, value)
                found[unescape_text(value)] = title
    for text in INJECTION:
        assert found.get(text) == SHEET_CONTRIBUTIONS, text
    assert '=HYPERLINK("http://x.invalid")' in found
    assert "@evento" in found and "-premessa" in found
    # openpyxl (and so any reader) sees text, never a formula.
    workbook = openpyxl.load_workbook(book)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row), sheet.title
    workbook.close()
