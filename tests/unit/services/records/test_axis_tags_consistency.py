"""Per-axis totals of a zones day: one rule (counting.contributions_per_axis), one answer.

The post-its of zone tables say which axes they speak to by their tags (``#a3``, and the
axis of a card such as ``6.1.2``). `aggregate`, the PDF restituzione and the workbook's
Riepilogo must give the same figures, worked out by hand here.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest

from facilitator_app.cli.common import EXIT_OK
from facilitator_app.domain.clock import FixedClock, to_iso
from facilitator_app.domain.model import Contribution, Table, new_id
from facilitator_app.services.records.report import AXIS_TAGS_TITLE
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run as run_cli

# (table, axis tag, card tags, votes, deleted)
POSTS = [
    ("zona-7", 3, ("3.1",), 1, False),  # axis 3 once, though tagged twice
    ("zona-7", 2, ("3.2",), 0, False),  # axes 2 and 3
    ("zona-8", None, ("6.1.2",), 2, False),  # axis 6 by its card
    ("zona-8", None, (), 0, False),  # no axis
    ("zona-9", 3, (), 5, True),  # deleted: not counted
]
# axis -> (post-its, votes)
EXPECTED = {2: (1, 0), 3: (2, 1), 6: (1, 2)}


def run(*args: str) -> str:
    code, printed = run_cli(*args)
    assert code == EXIT_OK, printed
    return printed


@pytest.fixture(scope="module")
def event_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("axes") / "giornata.sqlite"
    clock = FixedClock(dt.datetime(2023, 12, 5, 9, 0, tzinfo=dt.UTC))
    now = to_iso(clock.now())
    with EventStore.create(path) as store:
        create_event(store, bundled_templates()["zone-omogenee"], clock)
        tables = {t.key: t for t in store.all(Table)}
        store.save_all(
            Contribution(
                new_id(),
                tables[key].id,
                1,
                f"Contributo {n}",
                now,
                now,
                axis=axis,
                cards=cards,
                votes=votes,
                position=n,
                deleted_at=now if deleted else None,
            )
            for n, (key, axis, cards, votes, deleted) in enumerate(POSTS)
        )
    return path


def test_aggregate_gives_the_axis_totals(event_file: Path) -> None:
    printed = run("aggregate", str(event_file))
    assert AXIS_TAGS_TITLE in printed
    for axis, (posts, votes) in EXPECTED.items():
        assert f"  Asse {axis}: {posts} contributi, {votes} voti" in printed
    assert "  Asse 1:" not in printed and "  Asse 4:" not in printed


def test_the_pdf_gives_the_same_axis_totals(event_file: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    run("export", str(event_file), "--pdf", str(pdf))
    layout = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert " ".join(AXIS_TAGS_TITLE.split()[:4]) in " ".join(layout.split())
    for axis, (posts, votes) in EXPECTED.items():
        assert re.search(rf"^\s*Asse {axis}\s+{posts}\s+{votes}\s*$", layout, re.M), axis


def test_the_workbook_gives_the_same_axis_totals(event_file: Path, tmp_path: Path) -> None:
    book = tmp_path / "r.xlsx"
    run("export", str(event_file), "--xlsx", str(book))
    workbook = openpyxl.load_workbook(book, read_only=True)
    rows = [list(r) for r in workbook["Riepilogo"].iter_rows(values_only=True)]
    workbook.close()
    start = next(i for i, row in enumerate(rows) if row and row[0] == AXIS_TAGS_TITLE)
    found = {}
    for row in rows[start + 2 :]:
        if not row or not row[0]:
            break
        found[int(str(row[0]).removeprefix("Asse "))] = (row[1], row[2])
    assert found == EXPECTED
