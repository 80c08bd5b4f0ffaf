"""Benchmark of the coordinator's merge (issue budgets: 100 x 500 contributions).

Generates N table files of M post-its each (as event files and as exported workbooks), then
times, in a fresh process each, the merge from SQLite files, from workbooks, the re-merge of
the same files, and the same at twice the size; prints figures, budgets and ratios, median of
several runs, with the peak memory (max RSS) of each run.

    .venv/bin/python benchmarks/bench_merge.py [--files 100] [--posts 500] [--runs 3]

Floor: after each merge, in a fresh process too, the same SQLite table files copied into a new
file with the same schema by plain sqlite3 (ATTACH + INSERT OR IGNORE ... SELECT, see
``floor_child``); the budgets are the ratios merge / floor (limits in budgets.py). The merge
from workbooks is compared with the same floor (same rows; it parses the XML on top).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from budgets import LIMITS, emit  # benchmarks/ is on sys.path when a script runs
from targets import (  # every facilitator_app import, in one file
    Contribution,
    ContributionKind,
    Event,
    EventFormat,
    EventStore,
    FixedClock,
    ParticipantCount,
    Session,
    StrategyCard,
    Table,
    Theme,
    Venue,
    bundled_card_sets,
    distribute,
    export_workbook,
    merge,
    new_id,
    to_iso,
)

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
    started, cpu = time.perf_counter(), time.process_time()
    results = merge.merge_files(Path(target), [Path(s) for s in sources], CLOCK)
    first, cpu = time.perf_counter() - started, time.process_time() - cpu
    again = None
    if twice:
        started = time.perf_counter()
        repeat = merge.merge_files(Path(target), [Path(s) for s in sources], CLOCK)
        again = time.perf_counter() - started
        assert {r.status for r in repeat} == {merge.STATUS_ALREADY}
    assert not any(r.refused for r in results), [r.reason for r in results if r.refused]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": first, "cpu": cpu, "again": again, "peak_mb": peak_mb}))


def floor_child(target: str, sources: list[str]) -> None:
    """The floor: the same rows copied by plain sqlite3, no app code; print its time.

    A target with the schema of the first source (every table and index, from its
    ``sqlite_master``) and the event files' pragmas (WAL, synchronous FULL, 64 MB cache), then
    for each source file: ATTACH, one ``INSERT OR IGNORE INTO t SELECT * FROM src.t`` per
    table (the event, venues and cards every table file carries are kept once), COMMIT,
    DETACH. Timed from creating the target to the last commit, as the merge is.
    """
    started, cpu = time.perf_counter(), time.process_time()
    db = sqlite3.connect(target, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "cache_size = -65536"):
        db.execute(f"PRAGMA {pragma}")
    with sqlite3.connect(f"file:{sources[0]}?mode=ro", uri=True) as first:
        schema = first.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index'"
        ).fetchall()
    first.close()
    db.execute("BEGIN")
    for _, _, sql in schema:
        db.execute(sql)
    db.execute("COMMIT")
    tables = [name for kind, name, _ in schema if kind == "table"]
    for source in sources:
        db.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
        db.execute("BEGIN")
        for table in tables:
            db.execute(f'INSERT OR IGNORE INTO main."{table}" SELECT * FROM src."{table}"')
        db.execute("COMMIT")
        db.execute("DETACH DATABASE src")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    rows = db.execute("SELECT count(*) FROM contributions").fetchone()[0]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu": cpu, "rows": rows, "peak_mb": peak_mb}))


def _run(flag: str, target: Path, sources: list[Path]) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, flag, str(target), *map(str, sources)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return dict(json.loads(output.strip().splitlines()[-1]))


def measure(
    sources: list[Path], floor_sources: list[Path], runs: int, folder: Path
) -> dict[str, float]:
    """Median of ``runs`` merges, each followed by its floor (copy of ``floor_sources``)."""
    figures: list[dict[str, float]] = []
    floors: list[dict[str, float]] = []
    for run in range(runs):  # interleaved, so that load on the machine hits both
        stamp = f"{run}-{time.monotonic_ns()}"
        figures.append(_run("--child", folder / f"merged-{stamp}.sqlite", sources))
        floors.append(_run("--floor", folder / f"floor-{stamp}.sqlite", floor_sources))
    return {
        "seconds": statistics.median(f["seconds"] for f in figures),
        "cpu": statistics.median(f["cpu"] for f in figures),
        "again": statistics.median(f["again"] for f in figures),
        "peak_mb": max(f["peak_mb"] for f in figures),
        "floor": statistics.median(f["seconds"] for f in floors),
        "floor_cpu": statistics.median(f["cpu"] for f in floors),
        "rows": min(f["rows"] for f in floors),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--floor", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1:], twice=True)
        return 0
    if args.floor:
        floor_child(args.floor[0], args.floor[1:])
        return 0
    folder = Path(tempfile.mkdtemp(prefix="bench-merge-"))
    try:
        started = time.perf_counter()
        (folder / "x1").mkdir()
        (folder / "x2").mkdir()
        small = make_files(folder / "x1", args.files, args.posts)
        large = make_files(folder / "x2", args.files * 2, args.posts)
        print(
            f"generated {args.files}+{args.files * 2} files x {args.posts} post-its in "
            f"{time.perf_counter() - started:.1f} s"
        )
        rows = []
        for label, index, key in (
            ("SQLite files", 0, "merge_sqlite_ratio"),
            ("workbooks", 1, "merge_workbook_ratio"),
        ):
            # The floor always copies the SQLite table files: the same rows, by plain SQLite.
            one = measure(small[index], small[0], args.runs, folder)
            two = measure(large[index], large[0], args.runs, folder)
            rows.append((label, one, two, key))
        total = args.files * args.posts
        print(
            f"\nmerge of {args.files} files x {args.posts} = {total:,} post-its (median of "
            f"{args.runs} runs, fresh process each; floor: the same SQLite files copied by "
            "plain sqlite3, ATTACH + INSERT OR IGNORE ... SELECT, run after each merge)"
        )
        print(
            f"{'source':<14}{'merge s':>9}{'floor s':>9}{'CPU ratio':>10}{'re-merge s':>12}"
            f"{'x2 merge s':>12}{'x2 floor s':>12}{'CPU growth':>11}{'floor gr.':>10}{'peak MB':>9}"
        )
        ok = True
        for label, one, two, key in rows:
            assert one["rows"] == total and two["rows"] == 2 * total, (one, two)
            # Checked: CPU time (a process waiting for one of 2 shared cores is not slower
            # code). The merge and the floor both commit with synchronous FULL; the fsync
            # waits are left out of both alike. The re-merge is wall time (it is mostly I/O).
            ratio = one["cpu"] / one["floor_cpu"]
            wall_ratio = one["seconds"] / one["floor"]
            again = one["again"] / one["floor"]
            growth = two["cpu"] / one["cpu"]
            wall_growth = two["seconds"] / one["seconds"]
            floor_growth = two["floor_cpu"] / one["floor_cpu"]
            peak = max(one["peak_mb"], two["peak_mb"])
            issue = 5.0 if label == "SQLite files" else 15.0
            emit(
                f"merge: {total:,} post-its from {label}",
                one["seconds"],
                None,
                "s",
                issue=f"≤ {issue:.0f} s",
            )
            emit(f"merge: floor for the {label} run, plain SQLite copy", one["floor"], None, "s")
            emit(f"merge: {label}, CPU time", one["cpu"], None, "s")
            emit(f"merge: floor for the {label} run, CPU time", one["floor_cpu"], None, "s")
            emit(f"merge: {label} / plain SQLite copy, wall time", wall_ratio, None, "×")
            emit(
                f"merge: {label} / plain SQLite copy, CPU time",
                ratio,
                LIMITS[key],
                "×",
                "ATTACH + INSERT … SELECT of the same rows",
            )
            emit(
                f"merge: re-merge of the same {label} / plain SQLite copy",
                again,
                LIMITS["remerge_ratio"],
                "×",
                "ATTACH + INSERT … SELECT of the same rows",
            )
            emit(f"merge: growth at twice the input, {label}, wall time", wall_growth, None, "×")
            emit(
                f"merge: growth at twice the input, {label}, CPU time",
                growth,
                LIMITS["merge_growth"],
                "×",
                "the same merge at half size",
            )
            emit(
                f"merge: floor's growth at twice the input ({label} run), CPU time",
                floor_growth,
                None,
                "×",
            )
            emit(f"merge: peak memory, {label}", peak, LIMITS["merge_memory_mb"], "MB")
            ok = ok and ratio <= LIMITS[key] and again <= LIMITS["remerge_ratio"]
            ok = ok and growth <= LIMITS["merge_growth"] and peak <= LIMITS["merge_memory_mb"]
            print(
                f"{label:<14}{one['seconds']:>9.2f}{one['floor']:>9.2f}{ratio:>10.2f}"
                f"{one['again']:>12.2f}{two['seconds']:>12.2f}{two['floor']:>12.2f}"
                f"{growth:>11.2f}{floor_growth:>10.2f}{peak:>9.0f}"
            )
        print("within budgets" if ok else "OVER BUDGET")
        return 0 if ok else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
