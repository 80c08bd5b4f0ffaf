"""Reading an exchange workbook: validation, problems named precisely, safe refusal."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import InputRefusedError
from facilitator_app.domain.model import new_id
from facilitator_app.services.exchange.reader import MAX_PROBLEMS, read_workbook
from facilitator_app.services.exchange.sheets import (
    FORMAT_VERSION,
    SHEET_CONTRIBUTIONS,
    SHEET_DELETED_CONTRIBUTIONS,
    SHEET_META,
    SHEET_TABLE_CARDS,
    SHEET_THEMES,
    TABLE_CARDS,
)
from tests.helpers.rich_event import export


def _edit(book: Path, sheet: str, cell: str, value: Any) -> None:
    workbook = openpyxl.load_workbook(book)
    workbook[sheet][cell] = value
    workbook.save(book)


def _column(book: Path, sheet: str, header: str) -> str:
    workbook = openpyxl.load_workbook(book, read_only=True)
    try:
        row = next(workbook[sheet].iter_rows(min_row=1, max_row=1, values_only=True))
    finally:
        workbook.close()
    return openpyxl.utils.get_column_letter(list(row).index(header) + 1)


def test_an_edited_workbook_is_refused_unless_the_checksum_is_waived(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    column = _column(book, SHEET_CONTRIBUTIONS, "testo")
    _edit(book, SHEET_CONTRIBUTIONS, f"{column}2", "Testo corretto a mano")
    with pytest.raises(InputRefusedError) as refused:
        read_workbook(book)
    assert "SHA-256" in str(refused.value)
    data = read_workbook(book, verify_checksum=False)
    assert "Testo corretto a mano" in {post.text for post in data.records.contributions}


def _problems(book: Path) -> list[str]:
    with pytest.raises(InputRefusedError) as refused:
        read_workbook(book)
    return [str(problem) for problem in refused.value.problems]


def test_wrong_types_are_reported_with_sheet_row_and_column(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    _edit(book, SHEET_CONTRIBUTIONS, f"{_column(book, SHEET_CONTRIBUTIONS, 'sessione')}3", "tre")
    _edit(book, SHEET_CONTRIBUTIONS, f"{_column(book, SHEET_CONTRIBUTIONS, 'zone')}4", "1; 12")
    _edit(book, SHEET_THEMES, f"{_column(book, SHEET_THEMES, 'posizione')}2", 2.5)
    with pytest.raises(InputRefusedError) as refused:
        read_workbook(book)
    found = {(p.sheet, p.row, p.column) for p in refused.value.problems}
    assert (SHEET_CONTRIBUTIONS, 3, "sessione") in found
    assert (SHEET_CONTRIBUTIONS, 4, "zone") in found
    assert (SHEET_THEMES, 2, "posizione") in found
    assert all(p.file == "d.xlsx" for p in refused.value.problems)


def test_broken_references_are_refused(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    _edit(
        book,
        SHEET_CONTRIBUTIONS,
        f"{_column(book, SHEET_CONTRIBUTIONS, 'id_tavolo')}2",
        new_id(),
    )
    _edit(
        book,
        SHEET_CONTRIBUTIONS,
        f"{_column(book, SHEET_CONTRIBUTIONS, 'id_tema')}3",
        new_id(),
    )
    problems = " | ".join(_problems(book))
    assert "tavolo inesistente" in problems
    assert "tema inesistente" in problems


def test_missing_sheet_and_missing_column_are_named(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    workbook = openpyxl.load_workbook(book)
    del workbook[SHEET_TABLE_CARDS]
    workbook[SHEET_THEMES][f"{_column(book, SHEET_THEMES, 'titolo')}1"] = "argomento"
    workbook.save(book)
    with pytest.raises(InputRefusedError) as refused:
        read_workbook(book)
    assert SHEET_TABLE_CARDS in str(refused.value)
    workbook = openpyxl.load_workbook(book)
    workbook.create_sheet(SHEET_TABLE_CARDS).append(TABLE_CARDS.headers)
    workbook.save(book)
    with pytest.raises(InputRefusedError) as refused:
        read_workbook(book)
    problem = refused.value.problems[0]
    assert (problem.sheet, problem.row, problem.column) == (SHEET_THEMES, 1, "titolo")


def test_a_newer_format_version_is_refused(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    workbook = openpyxl.load_workbook(book)
    meta = workbook[SHEET_META]
    for row in meta.iter_rows(min_row=2):
        if row[0].value == "versione_formato":
            row[1].value = FORMAT_VERSION + 1
    workbook.save(book)
    assert "aggiornare l'applicazione" in " ".join(_problems(book))


def test_a_formula_cell_is_refused(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    _edit(book, SHEET_CONTRIBUTIONS, f"{_column(book, SHEET_CONTRIBUTIONS, 'testo')}2", "=1+1")
    assert any("formula" in problem for problem in _problems(book))


def test_files_that_are_not_workbooks_or_too_big_unpacked_are_refused_before_parsing(
    tmp_path: Path,
) -> None:
    text = tmp_path / "finto.xlsx"
    text.write_text("tavolo;testo\n", encoding="utf-8")
    assert "non è un file Excel" in " ".join(_problems(text))
    bomb = tmp_path / "bomba.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    assert "rifiutato per sicurezza" in " ".join(_problems(bomb))
    other = tmp_path / "altro.xlsx"
    openpyxl.Workbook().save(other)
    assert "mancano i fogli" in " ".join(_problems(other))


def test_reading_reports_progress_to_the_end(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    calls: list[tuple[int, int]] = []
    read_workbook(book, progress=lambda done, total, label="": calls.append((done, total)))
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1]
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_problem_list_is_bounded(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    workbook = openpyxl.load_workbook(book)
    sheet = workbook[SHEET_CONTRIBUTIONS]
    header = list(next(sheet.iter_rows(max_row=1, values_only=True)))
    for name in ("sessione", "voti"):
        column = header.index(name) + 1
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row=row, column=column).value = "x"
    buffer = io.BytesIO()
    workbook.save(buffer)
    book.write_bytes(buffer.getvalue())
    with pytest.raises(InputRefusedError) as refused:
        read_workbook(book)
    assert len(refused.value.problems) == MAX_PROBLEMS


def test_deleted_post_its_read_from_their_sheet_or_from_an_older_workbooks_contributi(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(rich_path, tmp_path / "r.xlsx", clock)
    data = read_workbook(book)
    deleted = {p.id for p in data.records.contributions if p.deleted_at}
    assert deleted
    # An older workbook: the deleted rows at the end of Contributi, no sheet of their own.
    workbook = openpyxl.load_workbook(book)
    gone = workbook[SHEET_DELETED_CONTRIBUTIONS]
    for row in gone.iter_rows(min_row=2, values_only=True):
        workbook[SHEET_CONTRIBUTIONS].append(row)
    del workbook[SHEET_DELETED_CONTRIBUTIONS]
    older = tmp_path / "older.xlsx"
    workbook.save(older)
    again = read_workbook(older)  # same records: the checksum still matches
    assert {p.id for p in again.records.contributions if p.deleted_at} == deleted
    assert len(again.records.contributions) == len(data.records.contributions)


def test_a_row_of_contributi_eliminati_without_deletion_date_is_refused(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(rich_path, tmp_path / "r.xlsx", clock)
    column = _column(book, SHEET_DELETED_CONTRIBUTIONS, "eliminato_il")
    _edit(book, SHEET_DELETED_CONTRIBUTIONS, f"{column}2", None)
    with pytest.raises(InputRefusedError) as refused:
        read_workbook(book, verify_checksum=False)
    problems = [str(problem) for problem in refused.value.problems]
    assert any(
        SHEET_DELETED_CONTRIBUTIONS in p and "data di eliminazione" in p and "riga 2" in p
        for p in problems
    ), problems
