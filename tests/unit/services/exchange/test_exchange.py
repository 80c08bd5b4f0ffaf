"""The exchange workbook: lossless round trip, validation, checksum, safe reading."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator_app.domain.clock import FixedClock, to_iso
from facilitator_app.domain.errors import InputRefusedError
from facilitator_app.domain.model import (
    Contribution,
    Event,
    Table,
    Theme,
    Venue,
    new_id,
)
from facilitator_app.domain.vocab import ContributionKind, EventFormat
from facilitator_app.services.exchange import contract as ex
from facilitator_app.storage.database import EventStore
from tests.helpers.rich_event import NASTY_TEXTS, RECORD_TYPES, export, record_key, records_of


def test_every_record_field_has_exactly_one_column() -> None:
    for sheet in ex.RECORD_SHEETS:
        fields = [c.field for c in sheet.fields]
        assert sorted(fields) == sorted(ex.record_fields(sheet.record)), sheet.name
        headers = sheet.headers
        assert len(headers) == len(set(headers)), sheet.name
    event_fields = [key.field or "" for key in ex.EVENT_KEYS]
    assert sorted(event_fields) == sorted(ex.record_fields(Event))


def test_demo_round_trip_gives_back_the_same_records(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "demo.xlsx", clock)
    data = ex.read_workbook(book)
    with EventStore.open(demo_path, read_only=True) as store:
        original = records_of(store)
    read = {kind: sorted(items, key=record_key) for kind, items in _by_type(data).items()}
    for kind in RECORD_TYPES:
        assert read[kind] == original[kind], kind.__name__
    assert data.meta.device == "pc-prova"
    assert data.meta.exported_at == to_iso(clock.now())
    assert not data.meta.partial and not data.meta.anonymised


def _by_type(data: ex.ExchangeData) -> dict[type[Any], list[Any]]:
    found: dict[type[Any], list[Any]] = {kind: [] for kind in RECORD_TYPES}
    for record in data.records():
        found[type(record)].append(record)
    return found


def test_every_kind_of_value_survives_export_and_import_into_an_empty_file(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(rich_path, tmp_path / "rich.xlsx", clock)
    data = ex.read_workbook(book)
    target = tmp_path / "copy.sqlite"
    with EventStore.create(target) as store:
        summary = ex.import_into_empty(store, data)
    with EventStore.open(rich_path, read_only=True) as store:
        original = records_of(store)
    with EventStore.open(target, read_only=True) as store:
        copied = records_of(store)
    for kind in RECORD_TYPES:
        assert copied[kind] == original[kind], kind.__name__
    assert summary.contributions == len(original[Contribution])
    texts = {post.text for post in copied[Contribution]}
    assert set(NASTY_TEXTS) <= texts
    assert any(post.deleted_at for post in copied[Contribution])
    assert any(theme.deleted_at for theme in copied[Theme])


def test_import_refuses_a_file_that_is_not_empty(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    data = ex.read_workbook(export(demo_path, tmp_path / "d.xlsx", clock))
    with EventStore.open(demo_path, read_only=True) as store:
        before = {kind: store.count(kind) for kind in RECORD_TYPES}
    with EventStore.open(demo_path) as store, pytest.raises(ex.TargetNotEmptyError):
        ex.import_into_empty(store, data)
    with EventStore.open(demo_path, read_only=True) as store:
        assert {kind: store.count(kind) for kind in RECORD_TYPES} == before


def test_checksum_ignores_order_and_notices_any_change(rich_path: Path) -> None:
    with EventStore.open(rich_path, read_only=True) as store:
        records = records_of(store)
    event = records[Event][0]
    by_key = {sheet.key: list(records[sheet.record]) for sheet in ex.RECORD_SHEETS}
    reference = ex.data_checksum(event, by_key)
    shuffled = {key: random.Random(1).sample(items, len(items)) for key, items in by_key.items()}
    assert ex.data_checksum(event, shuffled) == reference
    post = by_key[ex.CONTRIBUTIONS.key][0]
    for change in ({"votes": post.votes + 1}, {"text": post.text + " "}, {"zones": (1,)}):
        edited = dict(by_key)
        rest = by_key[ex.CONTRIBUTIONS.key][1:]
        edited[ex.CONTRIBUTIONS.key] = [dataclasses.replace(post, **change), *rest]
        assert ex.data_checksum(event, edited) != reference, change
    assert ex.data_checksum(dataclasses.replace(event, premessa="x"), by_key) != reference


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
    column = _column(book, ex.SHEET_CONTRIBUTIONS, "testo")
    _edit(book, ex.SHEET_CONTRIBUTIONS, f"{column}2", "Testo corretto a mano")
    with pytest.raises(InputRefusedError) as refused:
        ex.read_workbook(book)
    assert "SHA-256" in str(refused.value)
    data = ex.read_workbook(book, verify_checksum=False)
    assert "Testo corretto a mano" in {post.text for post in data.contributions}


def _problems(book: Path) -> list[str]:
    with pytest.raises(InputRefusedError) as refused:
        ex.read_workbook(book)
    return [str(problem) for problem in refused.value.problems]


def test_wrong_types_are_reported_with_sheet_row_and_column(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    _edit(
        book, ex.SHEET_CONTRIBUTIONS, f"{_column(book, ex.SHEET_CONTRIBUTIONS, 'sessione')}3", "tre"
    )
    _edit(
        book, ex.SHEET_CONTRIBUTIONS, f"{_column(book, ex.SHEET_CONTRIBUTIONS, 'zone')}4", "1; 12"
    )
    _edit(book, ex.SHEET_THEMES, f"{_column(book, ex.SHEET_THEMES, 'posizione')}2", 2.5)
    with pytest.raises(InputRefusedError) as refused:
        ex.read_workbook(book)
    found = {(p.sheet, p.row, p.column) for p in refused.value.problems}
    assert (ex.SHEET_CONTRIBUTIONS, 3, "sessione") in found
    assert (ex.SHEET_CONTRIBUTIONS, 4, "zone") in found
    assert (ex.SHEET_THEMES, 2, "posizione") in found
    assert all(p.file == "d.xlsx" for p in refused.value.problems)


def test_broken_references_are_refused(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    _edit(
        book,
        ex.SHEET_CONTRIBUTIONS,
        f"{_column(book, ex.SHEET_CONTRIBUTIONS, 'id_tavolo')}2",
        new_id(),
    )
    _edit(
        book,
        ex.SHEET_CONTRIBUTIONS,
        f"{_column(book, ex.SHEET_CONTRIBUTIONS, 'id_tema')}3",
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
    del workbook[ex.SHEET_TABLE_CARDS]
    workbook[ex.SHEET_THEMES][f"{_column(book, ex.SHEET_THEMES, 'titolo')}1"] = "argomento"
    workbook.save(book)
    with pytest.raises(InputRefusedError) as refused:
        ex.read_workbook(book)
    assert ex.SHEET_TABLE_CARDS in str(refused.value)
    workbook = openpyxl.load_workbook(book)
    workbook.create_sheet(ex.SHEET_TABLE_CARDS).append(ex.TABLE_CARDS.headers)
    workbook.save(book)
    with pytest.raises(InputRefusedError) as refused:
        ex.read_workbook(book)
    problem = refused.value.problems[0]
    assert (problem.sheet, problem.row, problem.column) == (ex.SHEET_THEMES, 1, "titolo")


def test_a_newer_format_version_is_refused(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    workbook = openpyxl.load_workbook(book)
    meta = workbook[ex.SHEET_META]
    for row in meta.iter_rows(min_row=2):
        if row[0].value == "versione_formato":
            row[1].value = ex.FORMAT_VERSION + 1
    workbook.save(book)
    assert "aggiornare l'applicazione" in " ".join(_problems(book))


def test_a_formula_cell_is_refused(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    _edit(
        book, ex.SHEET_CONTRIBUTIONS, f"{_column(book, ex.SHEET_CONTRIBUTIONS, 'testo')}2", "=1+1"
    )
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


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
def test_escaping_is_reversible_for_any_text(text: str) -> None:
    escaped = ex.escape_text(text)
    assert ex.unescape_text(escaped) == text
    assert re.search(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]", escaped) is None


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
            min_size=1,
            max_size=40,
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_post_it_text_comes_back_unchanged(texts: list[str]) -> None:
    clock = FixedClock(dt.datetime(2023, 11, 10, 9, 0, tzinfo=dt.UTC))
    now = to_iso(clock.now())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "e.sqlite"
        with EventStore.create(path) as store:
            event = Event(
                new_id(), "E", "2023-11-10", EventFormat.ZONE, "2024-2026", "2021-2023", now, now
            )
            venue = Venue(new_id(), event.id, "Sede", now, now)
            table = Table(new_id(), event.id, venue.id, "t1", "Tavolo", now, now)
            posts = [
                Contribution(new_id(), table.id, 1, text, now, now, position=i)
                for i, text in enumerate(texts)
            ]
            store.save_all([event, venue, table, *posts])
        book = export(path, Path(folder) / "e.xlsx", clock)
        data = ex.read_workbook(book)
    assert sorted(post.text for post in data.contributions) == sorted(texts)


def test_reading_reports_progress_to_the_end(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    calls: list[tuple[int, int]] = []
    ex.read_workbook(book, progress=lambda done, total, label="": calls.append((done, total)))
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1]
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_kind_labels_and_missing_kind_round_trip(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(demo_path) as store:
        posts = store.contributions()
        store.save_all(
            [
                dataclasses.replace(posts[i], kind=kind)
                for i, kind in enumerate([*ContributionKind, None])
            ]
        )
    data = ex.read_workbook(export(demo_path, tmp_path / "d.xlsx", clock))
    kinds = {post.id: post.kind for post in data.contributions}
    assert [kinds[posts[i].id] for i in range(6)] == [*ContributionKind, None]


def test_problem_list_is_bounded(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    workbook = openpyxl.load_workbook(book)
    sheet = workbook[ex.SHEET_CONTRIBUTIONS]
    header = list(next(sheet.iter_rows(max_row=1, values_only=True)))
    for name in ("sessione", "voti"):
        column = header.index(name) + 1
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row=row, column=column).value = "x"
    buffer = io.BytesIO()
    workbook.save(buffer)
    book.write_bytes(buffer.getvalue())
    with pytest.raises(InputRefusedError) as refused:
        ex.read_workbook(book)
    assert len(refused.value.problems) == ex.MAX_PROBLEMS
