"""Benchmark of the coordinator's merge (issue budgets: 100 x 500 contributions).

Generates N table files of M post-its each (as event files and as exported workbooks), then
times, in a fresh process each, the merge from SQLite files, from workbooks, the re-merge of
the same files, and the same at twice the size; prints figures, budgets and ratios, median of
several runs, with the peak memory (max RSS) of each run.

    .venv/bin/python benchmarks/bench_merge.py [--files 100] [--posts 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from budgets import emit  # benchmarks/ is on sys.path when a script runs

from facilitator_app.domain.clock import FixedClock, to_iso
from facilitator_app.domain.model import (
    Contribution,
    Event,
    ParticipantCount,
    Session,
    StrategyCard,
    Table,
    Theme,
    Venue,
    new_id,
)
from facilitator_app.domain.vocab import ContributionKind, EventFormat
from facilitator_app.services.exchange.writer import export_workbook
from facilitator_app.services.merge import engine as merge
from facilitator_app.services.setup import distribute
from facilitator_app.services.setup.cards import bundled_card_sets
from facilitator_app.storage.database import EventStore

CLOCK = FixedClock(dt.datetime(2023, 12, 5, 9, 0, tzinfo=dt.UTC))
KINDS = list(ContributionKind)


def make_files(
    folder: Path, files: int, posts: int, *, workbooks: bool = True
) -> tuple[list[Path], list[Path]]:
    """N table files (SQLite) and, unless told otherwise, their exported workbooks."""
    now = to_iso(CLOCK.now())
    master = folder / "master.sqlite"
    event = Event(
        new_id(), "Benchmark", "2023-12-05", EventFormat.ZONE, "2024-2026", "2021-2023", now, now
    )
    venue = Venue(new_id(), event.id, "Sede", now, now)
    tables = [
        Table(
            new_id(),
            event.id,
            venue.id,
            f"t{i}",
            f"Tavolo {i}",
            now,
            now,
            zones=(i % 11 + 1,),
            position=i,
        )
        for i in range(files)
    ]
    sessions = [
        Session(new_id(), t.id, n, f"Domanda {n}", now, now) for t in tables for n in (1, 2)
    ]
    cards: list[StrategyCard] = list(bundled_card_sets()["2021-2023"].cards)
    with EventStore.create(master) as store:
        store.save_all([event, venue, *tables, *sessions, *cards])
    sqlite_files: list[Path] = []
    books: list[Path] = []
    with EventStore.open(master, read_only=True) as store:
        for table in tables:
            path = folder / f"{table.key}.sqlite"
            distribute.extract(store, path, tables=[table.key])
            sqlite_files.append(path)
    codes = [c.code for c in cards]
    for index, (path, table) in enumerate(zip(sqlite_files, tables, strict=True)):
        themes = [
            Theme(new_id(), table.id, f"Tema {k}", now, now, session=k % 2 + 1) for k in range(6)
        ]
        records: list[object] = [*themes]
        for n in (1, 2):
            records.append(
                ParticipantCount(
                    new_id(),
                    event.id,
                    (table.id,),
                    now,
                    now,
                    session=n,
                    present=20,
                    by_zone={table.zones[0]: 15},
                )
            )
        for k in range(posts):
            records.append(
                Contribution(
                    new_id(),
                    table.id,
                    k % 2 + 1,
                    f"Contributo {k} del tavolo {index}: servono più collegamenti tra le valli e Torino, "
                    f"più servizi di prossimità e una governance condivisa ({k * 7 % 13}).",
                    now,
                    now,
                    kind=KINDS[k % 5],
                    cards=(codes[k % len(codes)],),
                    zones=(k % 11 + 1,),
                    theme_id=themes[k % 6].id,
                    votes=k % 4,
                    position=k,
                )
            )
        with EventStore.open(path) as store:
            store.save_all(records)
            if workbooks:
                workbook = folder / f"{table.key}.xlsx"
                export_workbook(store, workbook, CLOCK, device="bench")
                books.append(workbook)
    return sqlite_files, books


def child(target: str, sources: list[str], twice: bool) -> None:
    """Run one merge (twice: merge, then merge the same files again) and print figures."""
    started = time.perf_counter()
    results = merge.merge_files(Path(target), [Path(s) for s in sources], CLOCK)
    first = time.perf_counter() - started
    again = None
    if twice:
        started = time.perf_counter()
        repeat = merge.merge_files(Path(target), [Path(s) for s in sources], CLOCK)
        again = time.perf_counter() - started
        assert {r.status for r in repeat} == {merge.STATUS_ALREADY}
    assert not any(r.refused for r in results), [r.reason for r in results if r.refused]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": first, "again": again, "peak_mb": peak_mb}))


def measure(sources: list[Path], runs: int, folder: Path) -> dict[str, float]:
    figures: list[dict[str, float]] = []
    for run in range(runs):
        target = folder / f"merged-{run}-{time.monotonic_ns()}.sqlite"
        output = subprocess.run(
            [sys.executable, __file__, "--child", str(target), *map(str, sources)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        figures.append(json.loads(output.strip().splitlines()[-1]))
        target.unlink()
    return {
        "seconds": statistics.median(f["seconds"] for f in figures),
        "again": statistics.median(f["again"] for f in figures),
        "peak_mb": max(f["peak_mb"] for f in figures),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1:], twice=True)
        return
    folder = Path(tempfile.mkdtemp(prefix="bench-merge-"))
    try:
        started = time.perf_counter()
        small = (
            make_files(folder / "x1", args.files, args.posts)
            if (folder / "x1").mkdir() is None
            else None
        )
        large = (
            make_files(folder / "x2", args.files * 2, args.posts)
            if (folder / "x2").mkdir() is None
            else None
        )
        assert small and large
        print(
            f"generated {args.files}+{args.files * 2} files x {args.posts} post-its in {time.perf_counter() - started:.1f} s"
        )
        rows = []
        for label, index, budget in (("SQLite files", 0, 5.0), ("workbooks", 1, 15.0)):
            one = measure(small[index], args.runs, folder)
            two = measure(large[index], args.runs, folder)
            growth = two["seconds"] / one["seconds"]
            rows.append((label, one, two, growth, budget))
        total = args.files * args.posts
        print(
            f"\nmerge of {args.files} files x {args.posts} = {total:,} post-its (median of {args.runs} runs, fresh process each)"
        )
        print(
            f"{'source':<14}{'merge s':>9}{'budget':>8}{'re-merge s':>12}{'x2 merge s':>12}{'growth':>8}{'(<=2.2)':>8}{'peak MB':>9}{'(<=400)':>8}"
        )
        for label, one, two, growth, budget in rows:
            emit(f"merge: {total:,} post-its from {label}", one["seconds"], budget, "s")
            emit(f"merge: re-merge of the same {label}", one["again"], budget, "s")
            emit(
                f"merge: growth at twice the input, {label}",
                growth,
                2.2,
                "×",
                "the same merge at half size",
            )
            emit(f"merge: peak memory, {label}", max(one["peak_mb"], two["peak_mb"]), 400, "MB")
            print(
                f"{label:<14}{one['seconds']:>9.2f}{budget:>8.0f}{one['again']:>12.2f}{two['seconds']:>12.2f}"
                f"{growth:>8.2f}{'ok' if growth <= 2.2 else 'MISS':>8}{max(one['peak_mb'], two['peak_mb']):>9.0f}"
                f"{'ok' if max(one['peak_mb'], two['peak_mb']) <= 400 else 'MISS':>8}"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
