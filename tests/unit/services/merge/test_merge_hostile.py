"""A merge batch with one hostile file: that file is refused, the others go in.

Before, a participant count of 10^20 raised OverflowError and rolled back the whole batch
(an empty merged file), and a source file whose name is not valid UTF-8 raised
UnicodeEncodeError in the merge and in the command's output.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Contribution, ParticipantCount, Table
from facilitator_app.services.exchange.writer import write_workbook
from facilitator_app.services.merge import engine as merge
from facilitator_app.services.records.event_records import load_records
from facilitator_app.storage import bookkeeping
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run
from tests.helpers.files import digest
from tests.helpers.rich_event import export

REPLACED = "\ufffd"


def _with_huge_count(demo_path: Path, book: Path, clock: FixedClock) -> Path:
    """The demo's workbook, checksum and all correct, with one count of 10^20 people."""
    with EventStore.open(demo_path, read_only=True) as store:
        snapshot = load_records(store)
    counts = list(snapshot.counts)
    counts[0] = dataclasses.replace(counts[0], present=10**20)
    write_workbook(
        dataclasses.replace(snapshot, counts=tuple(counts)), book, clock, device="pc-ostile"
    )
    return book


def _merged_state(target: Path) -> tuple[int, int, int]:
    with EventStore.open(target, read_only=True) as store:
        return store.count(Table), store.count(Contribution), store.count(ParticipantCount)


def test_a_count_of_ten_to_the_twentieth_refuses_that_file_only(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    bad = _with_huge_count(demo_path, tmp_path / "ostile.xlsx", clock)
    good = export(demo_path, tmp_path / "buono.xlsx", clock)
    target = tmp_path / "unito.sqlite"
    results = merge.merge_files(target, [bad, good], clock)
    assert [r.status for r in results] == [merge.STATUS_REFUSED, merge.STATUS_IMPORTED]
    problem = results[0].problems[0]
    assert (problem.file, problem.sheet, problem.column) == (
        "ostile.xlsx",
        "Partecipanti",
        "presenti",
    )
    assert problem.row is not None and "fuori dai limiti" in problem.message, problem
    with EventStore.open(demo_path, read_only=True) as store:
        expected = store.count(Table), store.count(Contribution), store.count(ParticipantCount)
    assert _merged_state(target) == expected


def test_a_file_failing_while_it_is_written_is_refused_and_leaves_nothing_behind(
    demo_path: Path, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = export(demo_path, tmp_path / "primo.xlsx", clock, table_keys=["asse-1"])
    second = export(demo_path, tmp_path / "secondo.xlsx", clock, table_keys=["asse-2"])
    third = export(demo_path, tmp_path / "terzo.xlsx", clock, table_keys=["asse-3"])
    save = bookkeeping.save_provenance

    file_column = bookkeeping.PROVENANCE_COLUMNS.index("source_file")

    def failing(store: EventStore, rows: list[tuple[Any, ...]]) -> None:
        # The records of the file are already written when this fails.
        if any(row[file_column] == "secondo.xlsx" for row in rows):
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        save(store, rows)

    monkeypatch.setattr(bookkeeping, "save_provenance", failing)
    target = tmp_path / "unito.sqlite"
    results = merge.merge_files(target, [first, second, third], clock)
    assert [r.status for r in results] == [
        merge.STATUS_IMPORTED,
        merge.STATUS_REFUSED,
        merge.STATUS_IMPORTED,
    ]
    assert "secondo.xlsx" in str(results[1].problems[0])
    with EventStore.open(target, read_only=True) as store:
        keys = {t.key for t in store.all(Table)}
        posts = store.all(Contribution)
    assert keys == {"asse-1", "asse-3"}
    assert {p.table_id for p in posts} <= {t for t in _table_ids(demo_path, keys)}
    # Merging the refused file again, once it can be written, brings it in.
    monkeypatch.setattr(bookkeeping, "save_provenance", save)
    again = merge.merge_files(target, [second], clock)
    assert again[0].status == merge.STATUS_IMPORTED


def _table_ids(path: Path, keys: set[str]) -> set[str]:
    with EventStore.open(path, read_only=True) as store:
        return {t.id for t in store.all(Table) if t.key in keys}


def _undecodable(folder: Path, raw: bytes) -> Path:
    """A path whose name is the given bytes (not valid UTF-8), as Linux allows."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + raw))


@pytest.mark.skipif(sys.platform != "linux", reason="file names as arbitrary bytes")
def test_file_names_that_are_not_utf8_are_shown_with_replacement_characters(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    good = _undecodable(tmp_path, b"sede-\xff.xlsx")
    export(demo_path, tmp_path / "x.xlsx", clock).rename(good)
    broken = _undecodable(tmp_path, b"rotto-\xfe.xlsx")
    broken.write_bytes(b"PK\x03\x04 non un vero zip")
    target = tmp_path / "unito.sqlite"
    code, printed = run("merge", "--into", str(target), str(good), str(broken))
    assert code == 3, printed
    assert f"sede-{REPLACED}.xlsx" in printed and f"rotto-{REPLACED}.xlsx" in printed, printed
    with EventStore.open(target, read_only=True) as store:
        sources = {row["source_file"] for row in bookkeeping.provenance(store).values()}
    assert sources == {f"sede-{REPLACED}.xlsx"}
    # The real command, printing to a pipe in strict UTF-8.
    again = tmp_path / "unito2.sqlite"
    done = subprocess.run(
        [sys.executable, "-m", "facilitator_app", "merge", "--into", str(again), good, broken],
        capture_output=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[4],
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"},
    )
    assert done.returncode == 3, done.stderr.decode("utf-8", "replace")[-2000:]
    assert f"rotto-{REPLACED}.xlsx".encode() in done.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="file names as arbitrary bytes")
def test_an_import_file_whose_name_is_not_utf8_is_refused_cleanly(
    demo_path: Path, tmp_path: Path
) -> None:
    bad = _undecodable(tmp_path, b"carta-\xff.csv")
    bad.write_text("tavolo;sessione;testo\nasse-9;1;ciao\n", encoding="utf-8")
    before = digest(demo_path)
    done = subprocess.run(
        [sys.executable, "-m", "facilitator_app", "import-contributions", str(demo_path), bad],
        capture_output=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[4],
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"},
    )
    assert done.returncode == 3, done.stderr.decode("utf-8", "replace")[-2000:]
    assert f"carta-{REPLACED}.csv, riga 2".encode() in done.stderr, done.stderr
    assert digest(demo_path) == before


@pytest.mark.skipif(sys.platform != "linux", reason="file names as arbitrary bytes")
def test_the_command_line_prints_a_path_that_is_not_utf8(tmp_path: Path, demo_path: Path) -> None:
    template = _undecodable(tmp_path, b"modello-\xff.xlsx")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "facilitator_app",
            "import-contributions",
            str(demo_path),
            "--template",
            template,
        ],
        capture_output=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[4],
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"},
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    assert b"Modello scritto in" in done.stdout and template.exists()
