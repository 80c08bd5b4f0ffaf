"""Merge sources are validated record by record, whether event files or workbooks."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import new_id
from facilitator_app.services.merge import engine as merge
from tests.helpers.files import digest
from tests.helpers.raw_file import raw_file
from tests.helpers.rich_event import export

FIRST_POST = "(select min(rowid) from contributions)"
FIRST_COUNT = "(select min(rowid) from counts)"


def _source(demo_path: Path, tmp_path: Path, name: str, sql: str, *params: Any) -> Path:
    source = tmp_path / name
    shutil.copy(demo_path, source)
    with raw_file(source) as conn:
        conn.execute(sql, params)
    return source


HOSTILE: list[tuple[str, str, tuple[Any, ...], str, str]] = [
    (
        "session-7",
        f"update contributions set session = 7 where rowid = {FIRST_POST}",
        (),
        "contributions",
        "session",
    ),
    (
        "votes",
        f"update contributions set votes = -50 where rowid = {FIRST_POST}",
        (),
        "contributions",
        "votes",
    ),
    (
        "axis-99",
        "update event_tables set axis = 99 where rowid = (select min(rowid) from event_tables)",
        (),
        "event_tables",
        "axis",
    ),
    (
        "present",
        f"update counts set present = -1000 where rowid = {FIRST_COUNT}",
        (),
        "counts",
        "present",
    ),
    (
        "deleted-no",
        f"update contributions set deleted_at = 'no' where rowid = {FIRST_POST}",
        (),
        "contributions",
        "deleted_at",
    ),
    (
        "huge-text",
        f"update contributions set text = ? where rowid = {FIRST_POST}",
        ("x" * 10_000_000,),
        "contributions",
        "text",
    ),
    (
        "blob",
        f"update contributions set text = x'00ff10' where rowid = {FIRST_POST}",
        (),
        "contributions",
        "text",
    ),
    (
        "null-text",
        f"update contributions set text = null where rowid = {FIRST_POST}",
        (),
        "contributions",
        "text",
    ),
    (
        "bad-json",
        f"update counts set by_zone = '{{non json' where rowid = {FIRST_COUNT}",
        (),
        "counts",
        "by_zone",
    ),
    (
        "json-shape",
        f"update counts set by_zone = '[1, 2]' where rowid = {FIRST_COUNT}",
        (),
        "counts",
        "by_zone",
    ),
    (
        "json-zones",
        f"update contributions set zones = '[99]' where rowid = {FIRST_POST}",
        (),
        "contributions",
        "zones",
    ),
    (
        "null-updated",
        f"update contributions set updated_at = null where rowid = {FIRST_POST}",
        (),
        "contributions",
        "updated_at",
    ),
    (
        "year-9999",
        "update contributions set updated_at = '9999-12-31T00:00:00+00:00' "
        f"where rowid = {FIRST_POST}",
        (),
        "contributions",
        "updated_at",
    ),
    (
        "ieri",
        "update sessions set planned_start = 'ieri' where rowid = (select min(rowid) from sessions)",
        (),
        "sessions",
        "planned_start",
    ),
    (
        "zzz",
        "update agenda set start = 'zzz' where rowid = (select min(rowid) from agenda)",
        (),
        "agenda",
        "start",
    ),
    (
        "text-votes",
        f"update contributions set votes = 'molti' where rowid = {FIRST_POST}",
        (),
        "contributions",
        "votes",
    ),
]


@pytest.mark.parametrize(
    ("name", "sql", "params", "table", "field"), HOSTILE, ids=[case[0] for case in HOSTILE]
)
def test_a_hostile_event_file_is_refused_whole_and_the_others_go_in(
    demo_path: Path,
    tmp_path: Path,
    clock: FixedClock,
    name: str,
    sql: str,
    params: tuple[Any, ...],
    table: str,
    field: str,
) -> None:
    merged = tmp_path / "unito.sqlite"
    seed = tmp_path / "seme.sqlite"
    shutil.copy(demo_path, seed)
    with raw_file(seed) as conn:  # a different file (another digest) carrying the same event
        conn.execute("insert into meta (key, value) values ('device', 'pc-seme')")
    merge.merge_files(merged, [seed], clock)
    before = digest(merged)
    bad = _source(demo_path, tmp_path, f"{name}.sqlite", sql, *params)
    results = merge.merge_files(merged, [bad], clock)
    assert results[0].status == merge.STATUS_REFUSED, results[0]
    problem = results[0].problems[0]
    assert problem.file == bad.name
    assert table in str(problem) and problem.column == field, str(problem)
    assert digest(merged) == before
    # A refused file does not stop the others of the same merge.
    fresh = tmp_path / "nuovo.sqlite"
    results = merge.merge_files(fresh, [bad, demo_path], clock)
    assert [r.status for r in results] == [merge.STATUS_REFUSED, merge.STATUS_IMPORTED]


def _workbook(demo_path: Path, tmp_path: Path, clock: FixedClock, *statements: str) -> Path:
    source = tmp_path / "fonte.sqlite"
    shutil.copy(demo_path, source)
    with raw_file(source) as conn:
        for statement in statements:
            conn.execute(statement)
    return export(source, tmp_path / "fonte.xlsx", clock)


@pytest.mark.parametrize(
    ("statement", "column"),
    [
        (f"update counts set present = 1000000000000000 where rowid = {FIRST_COUNT}", "presenti"),
        (
            "update contributions set updated_at = '9999-12-31T00:00:00+00:00' "
            f"where rowid = {FIRST_POST}",
            "modificato_il",
        ),
        (
            "update sessions set planned_start = 'ieri' where rowid = (select min(rowid) from sessions)",
            "inizio_previsto",
        ),
        ("update agenda set end = 'zzz' where rowid = (select min(rowid) from agenda)", "fine"),
    ],
    ids=["count-10e15", "year-9999", "ieri", "zzz"],
)
def test_a_workbook_with_values_out_of_range_is_refused(
    demo_path: Path, tmp_path: Path, clock: FixedClock, statement: str, column: str
) -> None:
    book = _workbook(demo_path, tmp_path, clock, statement)
    merged = tmp_path / "unito.sqlite"
    results = merge.merge_files(merged, [book, demo_path], clock)
    assert [r.status for r in results] == [merge.STATUS_REFUSED, merge.STATUS_IMPORTED]
    problem = results[0].problems[0]
    assert (problem.file, problem.column) == ("fonte.xlsx", column), str(problem)
    assert problem.sheet and problem.row, str(problem)


def _moved_table(demo_path: Path, tmp_path: Path) -> Path:
    """A copy of the demo whose table asse-1 has a new id: same key, another table."""
    source = tmp_path / "doppione.sqlite"
    shutil.copy(demo_path, source)
    fresh = new_id()
    with raw_file(source) as conn:
        (old,) = conn.execute("select id from event_tables where key = 'asse-1'").fetchone()
        conn.execute("update event_tables set id = ? where id = ?", (fresh, old))
        for table in ("sessions", "contributions", "themes", "table_cards"):
            conn.execute(f"update {table} set table_id = ? where table_id = ?", (fresh, old))
        conn.execute("update counts set table_ids = replace(table_ids, ?, ?)", (old, fresh))
        for table in ("sessions", "contributions", "table_cards", "counts"):
            for (row_id,) in conn.execute(f"select id from {table}").fetchall():
                conn.execute(f"update {table} set id = ? where id = ?", (new_id(), row_id))
    return source


@pytest.mark.parametrize("as_workbook", [False, True], ids=["sqlite", "xlsx"])
def test_a_second_table_with_an_existing_key_is_refused(
    demo_path: Path, tmp_path: Path, clock: FixedClock, as_workbook: bool
) -> None:
    merged = tmp_path / "unito.sqlite"
    merge.merge_files(merged, [demo_path], clock)
    before = digest(merged)
    twin = _moved_table(demo_path, tmp_path)
    if as_workbook:
        twin = export(twin, tmp_path / "doppione.xlsx", clock)
    results = merge.merge_files(merged, [twin], clock)
    assert results[0].status == merge.STATUS_REFUSED, results[0]
    assert "asse-1" in results[0].reason
    assert digest(merged) == before
