"""A refused exchange workbook explained in English: no Italian word beyond the file's own.

The sheet names, column headers and metadata keys are the workbook's contract (people look
for them in the file), so they stay as written, like the values the file holds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import FacilitatorError, InputRefusedError, summarise_problems
from facilitator_app.services.common.texts import Texts
from facilitator_app.services.exchange.codecs import MAX_CELL_CHARS, ZONE_COUNTS
from facilitator_app.services.exchange.reader import read_workbook
from facilitator_app.services.exchange.sheets import (
    FORMAT_VERSION,
    RECORD_SHEETS,
    SHEET_CONTRIBUTIONS,
    SHEET_COUNTS,
    SHEET_META,
    SHEET_TABLE_CARDS,
    SHEET_THEMES,
)
from facilitator_app.services.exchange.styled_sheet import ExportError, cell_text
from facilitator_app.services.exchange.versions_sheet import SHEET_VERSIONS
from tests.helpers.italian import italian_in
from tests.helpers.rich_event import export

ENGLISH = Texts("en").translate
#: The workbook's own names: its sheets, headers and metadata keys (the file's data).
CONTRACT = [
    SHEET_META,
    SHEET_VERSIONS,
    "chiave",
    "valore",
    *(sheet.name for sheet in RECORD_SHEETS),
    *(column.header for sheet in RECORD_SHEETS for column in sheet.columns),
]


def _english(error: FacilitatorError, *data: str) -> str:
    """The English text of ``error``, every line checked free of the interface's Italian."""
    text = error.translated(ENGLISH)
    assert text != str(error)
    lines = [text]
    if isinstance(error, InputRefusedError):
        lines += summarise_problems(error.problems, ENGLISH)
    known = sorted([*data, *CONTRACT], key=len, reverse=True)
    for line in lines:
        assert italian_in(line, known) == set(), line
    return "\n".join(lines)


def _refused(book: Path, clock: FixedClock) -> InputRefusedError:
    with pytest.raises(InputRefusedError) as caught:
        read_workbook(book, clock=clock)
    return caught.value


def _column(workbook: Any, sheet: str, header: str) -> int:
    row = next(workbook[sheet].iter_rows(min_row=1, max_row=1, values_only=True))
    return list(row).index(header) + 1


def _edited(book: Path, sheet: str, header: str, row: int, value: object) -> Path:
    workbook = openpyxl.load_workbook(book)
    workbook[sheet].cell(row=row, column=_column(workbook, sheet, header)).value = value
    workbook.save(book)
    return book


@pytest.fixture
def book(demo_path: Path, tmp_path: Path, clock: FixedClock) -> Path:
    """The demo exported as an exchange workbook."""
    return export(demo_path, tmp_path / "sede.xlsx", clock)


def test_a_missing_sheet_is_refused_in_english(book: Path, clock: FixedClock) -> None:
    workbook = openpyxl.load_workbook(book)
    del workbook[SHEET_THEMES]
    workbook.save(book)
    error = _refused(book, clock)
    assert str(error) == f"sede.xlsx: mancano i fogli: {SHEET_THEMES}"
    text = _english(error, "sede.xlsx")
    assert "missing" in text and SHEET_THEMES in text


def test_votes_written_as_a_word_are_refused_in_english(book: Path, clock: FixedClock) -> None:
    _edited(book, SHEET_CONTRIBUTIONS, "voti", 3, "tanti")
    error = _refused(book, clock)
    (problem,) = error.problems
    assert (problem.sheet, problem.row, problem.column) == (SHEET_CONTRIBUTIONS, 3, "voti")
    text = _english(error, "sede.xlsx", "tanti")
    assert "tanti" in text and "row 3" in text


def test_a_bad_card_code_is_refused_in_english(book: Path, clock: FixedClock) -> None:
    _edited(book, SHEET_TABLE_CARDS, "codice", 2, "X.9")
    error = _refused(book, clock)
    assert "codice scheda «X.9» non valido (forma attesa: 2, 2.1 o 2.1.3)" in str(error)
    text = _english(error, "sede.xlsx", "X.9")
    assert "X.9" in text and "2.1.3" in text


def test_a_tampered_versions_sheet_is_refused_in_english(book: Path, clock: FixedClock) -> None:
    workbook = openpyxl.load_workbook(book)
    sheet = workbook[SHEET_VERSIONS]
    stamp = "2023-11-10T09:00:00+00:00"
    sheet.append(["0" * 64, "Contribution", "c1", "[]", stamp, "{}"])  # not its code
    sheet.append(["1" * 64, "Contribution", "c2", "non json", stamp, "{}"])
    workbook.save(book)
    error = _refused(book, clock)
    assert "versione alterata" in str(error)
    text = _english(error, "sede.xlsx")
    assert "row 2" in text and "row 3" in text


def test_a_bad_json_count_is_refused_in_english(book: Path, clock: FixedClock) -> None:
    _edited(book, SHEET_COUNTS, "per_zona", 2, json.dumps([1, 2]))
    error = _refused(book, clock)
    assert "atteso un oggetto JSON {zona: persone}" in str(error)
    text = _english(error, "sede.xlsx")
    assert "JSON" in text


def test_a_missing_column_and_a_formula_are_refused_in_english(
    book: Path, clock: FixedClock
) -> None:
    workbook = openpyxl.load_workbook(book)
    themes = workbook[SHEET_THEMES]
    themes.cell(row=1, column=_column(workbook, SHEET_THEMES, "titolo")).value = "argomento"
    posts = workbook[SHEET_CONTRIBUTIONS]
    posts.cell(row=2, column=_column(workbook, SHEET_CONTRIBUTIONS, "testo")).value = "=1+1"
    workbook.save(book)
    error = _refused(book, clock)
    assert any("mancano le colonne: titolo" in str(p) for p in error.problems)
    _english(error, "sede.xlsx", "argomento")


def test_a_newer_format_is_refused_in_english(book: Path, clock: FixedClock) -> None:
    workbook = openpyxl.load_workbook(book)
    meta = workbook[SHEET_META]
    for row in meta.iter_rows(min_row=2):
        if row[0].value == "versione_formato":
            row[1].value = FORMAT_VERSION + 1
    workbook.save(book)
    error = _refused(book, clock)
    assert f"versione {FORMAT_VERSION + 1} del formato" in str(error)
    assert str(FORMAT_VERSION + 1) in _english(error, "sede.xlsx")


def test_a_post_it_of_an_unknown_table_is_refused_in_english(book: Path, clock: FixedClock) -> None:
    _edited(book, SHEET_CONTRIBUTIONS, "id_tavolo", 2, "tavolo-fantasma")
    with pytest.raises(InputRefusedError) as caught:
        read_workbook(book, verify_checksum=False, clock=clock)
    assert "rimanda a un tavolo inesistente «tavolo-fantasma»" in str(caught.value)
    text = _english(caught.value, "sede.xlsx", "tavolo-fantasma")
    assert "tavolo-fantasma" in text


def test_a_file_that_is_not_a_workbook_is_refused_in_english(
    tmp_path: Path, clock: FixedClock
) -> None:
    missing = tmp_path / "assente.xlsx"
    assert "the file does not exist" in _english(_refused(missing, clock), "assente.xlsx")
    other = tmp_path / "testo.xlsx"
    other.write_text("solo testo")
    assert "not an Excel (.xlsx) file" in _english(_refused(other, clock), "testo.xlsx")


def test_a_text_too_long_for_a_cell_is_refused_in_english() -> None:
    with pytest.raises(ExportError) as caught:
        cell_text("parola " * (MAX_CELL_CHARS // 7 + 1))
    assert "non entra in una cella di Excel" in str(caught.value)
    _english(caught.value, "parola")


def test_the_codecs_keep_their_italian_messages() -> None:
    with pytest.raises(ValueError, match=r"atteso un oggetto JSON \{zona: persone\}"):
        ZONE_COUNTS.decode("[1]")
