"""The budgets, and one line per figure printed by every benchmark, collected by ``run_all.py``.

    BUDGET {"name": ..., "measured": ..., "budget": ..., "unit": ..., "baseline": ..., "issue": ...}

``budget`` is an upper bound in ``unit`` (None: a figure shown for scale); ``baseline`` names
the floor a ratio is measured against, in the same run; ``issue`` (optional) recalls the
absolute budget of the original issue, which is shown but not checked.

Why ratios: the development machine has 2 cores shared with other sessions, and the same
export took 3.7 s or 8 s of *CPU time* on different hours of the same day. A floor is the same
kind of work done by the bare library (openpyxl, reportlab, sqlite3, Qt) on the same data, run
interleaved with the measured code in the same run, so a slow hour slows both; the ratio says
how much the app adds on top of what its libraries cost. Absolute times are still printed
(for scale) with the issue's figure beside them. Memory stays an absolute budget: RSS does not
depend on the load.

The limits were set from the three "before the redesign" runs of 2026-12-06
(``benchmarks/results/before-redesign.txt``): each is the worst ratio measured in those runs
plus headroom (about 20-30 %, more for the figures of a few milliseconds), so that
the current code passes them on a noisy machine while a real regression (a doubled cost,
an accidental per-row query) does not. The redesign's own check is stricter: the lead compares
the "after" run with the before figures and allows 10 % at most.
"""

from __future__ import annotations

import json
import statistics
import time
import tracemalloc
from collections.abc import Callable

PREFIX = "BUDGET "

# Measured before the redesign (3 runs, 2026-12-06, load 1-6 on 2 cores): median [min-max].
LIMITS: dict[str, float] = {
    # -- exports (bench_export.py), 10,000 post-its ----------------------------------------------
    # Workbook / bare openpyxl write-only of the same cell values, no styles, CPU time.
    # Before: 1.41 [1.40-1.53]. The issue's 1.5 (set on wall time, quiet hours) was missed
    # once under load: 1.8 leaves 18 % over the worst run.
    "export_workbook_ratio": 1.8,
    # PDF restituzione / bare reportlab (SimpleDocTemplate, one Paragraph per post-it and per
    # theme title/synthesis, the same DejaVu font), CPU time. Before: 2.07 [1.99-2.30].
    "export_pdf_ratio": 2.9,
    "export_memory_mb": 300.0,  # issue budget, max RSS of the export process; before: 105
    # -- merge (bench_merge.py), 100 files x 500 post-its ---------------------------------------
    # Merge / plain SQLite copy of the same files (ATTACH + INSERT OR IGNORE ... SELECT into a
    # target with the same schema and pragmas), fresh processes, CPU time.
    # Before: 8.07 [7.11-8.20].
    "merge_sqlite_ratio": 10.5,
    # Merge from the exported workbooks / the same SQLite copy floor (same rows; the workbook
    # merge parses the XML on top). Before: 19.2 [19.1-20.2].
    "merge_workbook_ratio": 25.0,
    # Re-merge of files already merged (hashes only) / the copy floor, wall time (mostly
    # I/O). Before: 0.18 and 0.12 at most; the floor is 0.5-0.7 s, hence the wide margin.
    "remerge_ratio": 0.3,
    # Merge at twice the files / at the given size, CPU time. Before: SQLite files 2.07
    # [1.81-2.14], workbooks 2.15 [1.93-2.59]. The issue's 2.2 was missed once; the plain
    # SQLite copy grows by 2.6-3.2 itself (B-trees keyed by random UUIDs outgrowing the page
    # cache), so the super-linear part is SQLite's. 2.8: 8 % over the worst run.
    "merge_growth": 2.8,
    "merge_memory_mb": 400.0,  # issue budget; before: 241 (SQLite files), 324 (workbooks)
    # -- workspace (bench_workspace.py), 10,000 post-its --------------------------------------------
    # Cold start to first paint, app as launched / bare PySide6 window, CPU time the child had
    # used at its first paint. Before: 1.38 [1.26-1.40]. The issue's 2x is kept.
    "cold_start_ratio": 2.0,
    # Cold start with the 10,000-post-it event opened before the first paint / bare window.
    # Before: 2.71 [2.64-2.80] (shown "for scale" until now: the app paints first).
    "cold_start_open_ratio": 3.5,
    # Opening the event in the window, warm (MainWindow + open_file + first paint) / the same
    # app window with no event (MainWindow + first paint), same process, CPU time.
    # Before: 13.0 [11.4-13.6]; the floor is ~10 ms, hence 25 % over the worst.
    "open_event_ratio": 17.0,
    # Enter in the capture line -> saved and shown, p95 / the same on a bare window
    # (QLineEdit + QListWidget of the same notes + plain sqlite3 INSERT and durable commit),
    # CPU time. Before: 0.86 [0.63-0.86]: the bare QListWidget costs as much as the board.
    # Figures of a few ms: noisy (+-30 % between runs), hence 40 % over the worst.
    "add_post_it_ratio": 1.2,
    # Filter (max of 8 searches) / the same searches hiding QListWidget rows on the bare
    # window, CPU time. Before: 1.08 [0.65-1.20]; a max of 8 single figures of ~15 ms: noisy.
    "filter_ratio": 1.6,
    "workspace_memory_mb": 250.0,  # issue budget; before: 121 (floor window included)
    # -- themes (bench_themes.py), 2,000 post-its -------------------------------------------------
    # suggest() / a bare bag-of-words pass over the same texts (lower-case, split, Counter of
    # words per table and of word pairs), median of the same runs, interleaved, CPU time.
    # Before: 6.79 [5.95-7.36].
    "themes_ratio": 9.5,
    "themes_memory_mb": 100.0,  # issue budget; before: 8.1
}


def emit(
    name: str,
    measured: float,
    budget: float | None,
    unit: str,
    baseline: str = "",
    issue: str = "",
) -> None:
    """Print one budget line (``budget`` None: a figure shown for scale, without a bound)."""
    record = {
        "name": name,
        "measured": measured,
        "budget": budget,
        "unit": unit,
        "baseline": baseline,
        "issue": issue,
    }
    print(PREFIX + json.dumps(record, ensure_ascii=False), flush=True)


def parse(line: str) -> dict[str, object] | None:
    """The record of a budget line, or None for any other line."""
    if not line.startswith(PREFIX):
        return None
    record: dict[str, object] = json.loads(line[len(PREFIX) :])
    return record


def median_seconds(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU (process) time of ``runs`` calls."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def peak_mb(action: Callable[[], object]) -> float:
    """Peak of Python allocations during ``action``, above what was allocated before (MB)."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return (peak - base) / 1e6
